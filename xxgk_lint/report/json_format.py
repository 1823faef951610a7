"""The JSON output contract of rules.md: per file, the report facts and every diagnostic."""

from __future__ import annotations

import json
from typing import TextIO

from .. import __version__
from ..engine import FileResult
from .summary import counts


def document(results: list[FileResult]) -> dict:
    by_severity, by_code = counts(results)
    return {
        "tool": {"name": "xxgk-lint", "version": __version__},
        "files": [
            {
                "path": r.path,
                "report": r.facts,
                "diagnostics": [f.as_json() for f in r.findings],
            }
            for r in results
        ],
        "summary": {
            "files": len(results),
            "diagnostics": sum(by_severity.values()),
            "by_severity": dict(sorted(by_severity.items())),
            "by_code": dict(sorted(by_code.items())),
        },
    }


def render(results: list[FileResult], out: TextIO, lang: str) -> None:
    json.dump(document(results), out, ensure_ascii=False, indent=2)
    out.write("\n")
