"""One line per finding: path:line:col: CODE [severity] message."""

from __future__ import annotations

from typing import TextIO

from ..engine import FileResult
from .summary import summary_line


def render(results: list[FileResult], out: TextIO, lang: str) -> None:
    for result in results:
        for f in result.findings:
            out.write(f"{f.path}:{f.line}:{f.column}: {f.code} [{f.severity.value}] {f.message}\n")
    out.write(summary_line(results, lang) + "\n")
