"""One line per finding: path:line:col: CODE [severity] message."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from ..engine import FileResult
from .summary import Counts


def render(results: Iterable[FileResult], out: TextIO, lang: str) -> Counts:
    counts = Counts()
    for result in results:
        counts.add(result)
        for f in result.findings:
            out.write(f"{f.path}:{f.line}:{f.column}: {f.code} [{f.severity.value}] {f.message}\n")
    out.write(counts.summary_line(lang) + "\n")
    return counts
