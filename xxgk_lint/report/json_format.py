"""The JSON output contract of rules.md: per file, the report facts and every diagnostic,
then the summary; written one file at a time."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from .. import __version__
from ..engine import FileResult
from .jsonstream import write_document
from .summary import Counts


def file_entry(result: FileResult) -> dict[str, Any]:
    return {
        "path": result.path,
        "report": result.facts,
        "diagnostics": [f.as_json() for f in result.findings],
    }


def render(results: Iterable[FileResult], out: TextIO, lang: str) -> Counts:
    counts = Counts()

    def files() -> Iterator[dict[str, Any]]:
        for result in results:
            counts.add(result)
            yield file_entry(result)

    def document(files: Any) -> dict[str, Any]:
        return {
            "tool": {"name": "xxgk-lint", "version": __version__},
            "files": files,
            "summary": {
                "files": counts.files,
                "diagnostics": counts.total,
                "by_severity": dict(sorted(counts.by_severity.items())),
                "by_code": dict(sorted(counts.by_code.items())),
            },
        }

    write_document(out, document, files())
    return counts
