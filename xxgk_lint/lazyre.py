"""Regular expressions compiled on first use.

Compiling a pattern takes 0.1 to 3 ms (a large character class or a long alternation is
parsed and optimised in Python), and every run of the command line is a new process that
would compile every pattern its modules define. Most reports never need many of them (a
converter's watermark, a field code, the context of a mobile number), so those patterns wait
until a line calls for them; the cold start of a one-file run is what this saves.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache


def lazy(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A function returning ``re.compile(pattern, flags)``, compiled at its first call."""

    @cache
    def compiled() -> re.Pattern[str]:
        return re.compile(pattern, flags)

    return compiled
