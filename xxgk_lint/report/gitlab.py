"""GitLab Code Quality report (a subset of the Code Climate issue format).

https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
"""

from __future__ import annotations

import hashlib
import json
from typing import TextIO

from ..engine import FileResult
from .paths import relative_posix

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def issues(results: list[FileResult]) -> list[dict]:
    found = []
    for result in results:
        path = relative_posix(result.path)
        for f in result.findings:
            # Unique per issue and stable across edits elsewhere (baseline.py's fingerprint).
            fingerprint = hashlib.sha256(f"{path}\0{f.code}\0{f.fingerprint}".encode()).hexdigest()
            found.append(
                {
                    "type": "issue",
                    "description": f"{f.code} {f.message}",
                    "check_name": f.code,
                    "categories": ["Compliance"],
                    "fingerprint": fingerprint,
                    "severity": SEVERITIES[f.severity.value],
                    "location": {"path": path, "lines": {"begin": f.line, "end": f.end_line}},
                }
            )
    return found


def render(results: list[FileResult], out: TextIO, lang: str) -> None:
    json.dump(issues(results), out, ensure_ascii=False, indent=2)
    out.write("\n")
