"""One JSON object per line, one line per diagnostic (the objects of the JSON format)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from ..engine import FileResult
from .summary import Counts


def render(results: Iterable[FileResult], out: TextIO, lang: str) -> Counts:
    counts = Counts()
    for result in results:
        counts.add(result)
        for f in result.findings:
            out.write(json.dumps(f.as_json(), ensure_ascii=False) + "\n")
    return counts
