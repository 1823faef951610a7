"""GitLab Code Quality report (a subset of the Code Climate issue format).

https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from typing import TextIO

from ..engine import FileResult
from .jsonstream import write_document
from .paths import relative_posix
from .summary import Counts

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def issues(result: FileResult) -> Iterator[dict]:
    """The Code Quality issues of one file."""
    path = relative_posix(result.path)
    for f in result.findings:
        # Unique per issue and stable across edits elsewhere (baseline.py's fingerprint).
        fingerprint = hashlib.sha256(f"{path}\0{f.code}\0{f.fingerprint}".encode()).hexdigest()
        yield {
            "type": "issue",
            "description": f"{f.code} {f.message}",
            "check_name": f.code,
            "categories": ["Compliance"],
            "fingerprint": fingerprint,
            "severity": SEVERITIES[f.severity.value],
            "location": {"path": path, "lines": {"begin": f.line, "end": f.end_line}},
        }


def render(results: Iterable[FileResult], out: TextIO, lang: str) -> Counts:
    counts = Counts()

    def every_issue() -> Iterator[dict]:
        for result in results:
            counts.add(result)
            yield from issues(result)

    write_document(out, lambda mark: mark, every_issue())
    return counts
