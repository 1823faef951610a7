"""Baselines: accept the findings a report has today, and report only new ones.

A finding is identified by its rule, its file and a fingerprint of the text it is about:
the finding's own text and the sentence around it (normalised: NFKC width folding, blanks
removed), plus its rank among findings with the same rule and fingerprint in the file. Line
numbers play no part, so adding or deleting paragraphs elsewhere keeps a baselined finding
hidden, while rewriting the sentence it sits in brings it back. Findings about the whole
report (no span) are identified by their ``data`` instead.

The same fingerprints are the ``partialFingerprints`` of SARIF and the ``fingerprint`` of
GitLab Code Quality, so code-scanning alerts also follow a finding across edits.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .errors import UsageError

if TYPE_CHECKING:
    from .engine import FileResult, Finding

FORMAT = 1
_SENTENCE_END = re.compile(r"[。！？；!?;]")
_BLANKS = re.compile(r"\s+")


def _normal(text: str) -> str:
    return _BLANKS.sub("", unicodedata.normalize("NFKC", text))


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence(s) of ``text`` holding [start, end), within the line(s) it spans."""
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    breaks = [i for i in (text.find("\n", end), text.find("\r", end)) if i >= 0]
    line_end = min(breaks) if breaks else len(text)
    left = line_start
    for m in _SENTENCE_END.finditer(text, line_start, start):
        left = m.end()
    m = _SENTENCE_END.search(text, max(start, end - 1), line_end)
    right = m.end() if m else line_end
    return text[left:right]


def assign_fingerprints(findings: list[Finding], text: str) -> None:
    """Set ``fingerprint`` on the findings of one file (in file order)."""
    seen: Counter = Counter()
    for f in findings:
        if f.end > f.start:
            own, context = text[f.start : f.end], sentence_around(text, f.start, f.end)
        else:
            own, context = "", json.dumps(f.data, sort_keys=True, ensure_ascii=False)
        key = "\0".join((f.code, _normal(context), _normal(own)))
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
        f.fingerprint = f"{digest}:{seen[(f.code, digest)]}"
        seen[(f.code, digest)] += 1


def baseline_path(display: str, base: Path) -> str:
    """A file's path as a baseline records it: relative to the baseline's folder, POSIX."""
    if display == "-":
        return display
    return Path(os.path.relpath(Path(display).resolve(), base)).as_posix()


@dataclass(frozen=True)
class Baseline:
    """The (path, code, fingerprint) triples of accepted findings."""

    path: Path
    entries: frozenset[tuple[str, str, str]]

    def filter(self, results: list[FileResult]) -> tuple[list[FileResult], int]:
        """Results without baselined findings, and how many were hidden."""
        base = self.path.resolve().parent
        hidden = 0
        kept_results = []
        for result in results:
            where = baseline_path(result.path, base)
            kept = [
                f for f in result.findings if (where, f.code, f.fingerprint) not in self.entries
            ]
            hidden += len(result.findings) - len(kept)
            kept_results.append(replace(result, findings=kept))
        return kept_results, hidden


def load(path: Path) -> Baseline:
    """Read a baseline file written by ``--write-baseline``."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise UsageError(f"{path}: no such baseline file") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UsageError(f"{path}: not a readable baseline: {exc}") from None
    try:
        if data["format"] != FORMAT:
            raise UsageError(f"{path}: baseline format {data['format']}, expected {FORMAT}")
        entries = frozenset((e["path"], e["code"], e["fingerprint"]) for e in data["findings"])
    except (KeyError, TypeError):
        raise UsageError(
            f'{path}: not an xxgk-lint baseline (expected an object with "format" and '
            '"findings", as --write-baseline writes)'
        ) from None
    return Baseline(path, entries)


def write(path: Path, results: Iterable[FileResult]) -> int:
    """Write every finding of ``results`` as the new baseline; returns how many."""
    base = path.resolve().parent
    findings = [
        {
            "path": baseline_path(r.path, base),
            "code": f.code,
            "fingerprint": f.fingerprint,
            "line": f.line,  # for people reading the file; matching ignores it
            "message": f.message,
        }
        for r in results
        for f in r.findings
    ]
    findings.sort(key=lambda e: (e["path"], e["line"], e["code"], e["fingerprint"]))
    text = json.dumps(
        {"format": FORMAT, "tool": f"xxgk-lint {__version__}", "findings": findings},
        ensure_ascii=False,
        indent=2,
    )
    try:
        _replace(Path(os.path.realpath(path)), text + "\n")
    except OSError as exc:
        raise UsageError(f"{path}: cannot write the baseline: {exc.strerror or exc}") from None
    return len(findings)


def _replace(path: Path, text: str) -> None:
    """Write ``path`` whole through a temporary file beside it (a link is followed, not
    replaced); the temporary file does not outlive a failure. A device or a pipe is written
    as it is, never replaced by a file."""
    if path.exists() and not path.is_file():
        with path.open("w", encoding="utf-8") as out:
            out.write(text)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.", delete=False
    ) as tmp:
        try:
            tmp.write(text)
            tmp.close()
            os.replace(tmp.name, path)
        except BaseException:
            os.unlink(tmp.name)
            raise
