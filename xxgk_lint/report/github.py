"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

https://docs.github.com/actions/reference/workflow-commands-for-github-actions
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from ..engine import FileResult
from .paths import relative_posix
from .summary import Counts

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(results: Iterable[FileResult], out: TextIO, lang: str) -> Counts:
    counts = Counts()
    for result in results:
        counts.add(result)
        path = _property(relative_posix(result.path))
        for f in result.findings:
            where = (
                f"file={path},line={f.line},col={f.column},"
                f"endLine={f.end_line},endColumn={f.end_column},title={_property(f.code)}"
            )
            out.write(f"::{LEVELS[f.severity.value]} {where}::{_data(f'{f.code} {f.message}')}\n")
    return counts
