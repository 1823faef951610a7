"""The pipeline for one file: load → normalise → parse → checks → resolved findings."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .check import Check, run_checks
from .diagnostic import Diagnostic, Severity
from .document import Document
from .errors import InputError
from .settings import Settings
from .source import Source, load_path

REPORT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ".docx", ".html", ".htm", ".shtml", ".pdf"}


@dataclass
class Finding:
    """A diagnostic resolved for output: positions, severity and rendered message."""

    code: str
    name: str
    severity: Severity
    message: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    data: dict[str, Any]
    fix: dict[str, Any] | None
    start: int = 0  # original offsets, for renderers that show the source
    end: int = 0
    help: str = ""
    fingerprint: str = ""  # stable across edits elsewhere in the file (baseline.py)

    def as_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.message,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "data": self.data,
            "fix": self.fix,
        }


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    facts: dict[str, Any] | None = None
    error: str | None = None
    source: Source | None = None
    lines: dict[int, str] = field(default_factory=dict)  # shown lines, when served from cache
    pages: dict[int, tuple[int, int]] = field(default_factory=dict)  # PDF: line -> page, line

    def display_line(self, line: int) -> str:
        """The file's 1-based line ``line`` as findings count lines, for showing a finding."""
        if self.source is not None:
            return self.source.display_line(line)
        return self.lines.get(line, "")

    def page_line(self, line: int) -> tuple[int, int] | None:
        """(page, line on the page) of a line of a PDF; None for other formats."""
        if self.source is not None:
            return self.source.page_line(line)
        return self.pages.get(line)


def _fix_json(doc: Document, diag: Diagnostic) -> dict[str, Any] | None:
    if diag.fix is None:
        return None
    edits = diag.fix.edits
    places = doc.source.positions(o for edit in edits for o in (edit.start, edit.end))
    return {
        "applicability": diag.fix.applicability,
        "edits": [
            {
                "line": line,
                "column": column,
                "end_line": end_line,
                "end_column": end_column,
                "content": edit.replacement,
            }
            for edit, (line, column), (end_line, end_column) in zip(
                edits, places[0::2], places[1::2], strict=True
            )
        ],
    }


def resolve(doc: Document, diag: Diagnostic, check: Check, lang: str) -> Finding:
    """Turn offsets into positions in the original file and render the message."""
    line, column = doc.source.position(diag.start)
    end_line, end_column = doc.source.position(max(diag.end, diag.start))
    override = doc.settings.severity.get(diag.code)
    severity = Severity(override) if override else (diag.severity or check.severity)
    message = check.messages[diag.message_key].render(lang, diag.args)
    return Finding(
        diag.code,
        check.name,
        severity,
        message,
        doc.path,
        line,
        column,
        end_line,
        end_column,
        diag.data,
        _fix_json(doc, diag),
        diag.start,
        diag.end,
        check.help.render(lang, diag.args) if check.help else "",
    )


def lint_source(source: Source, checks: list[Check], settings: Settings) -> FileResult:
    """Lint one source: checks on the text without suppression comments, then suppressions
    (X001 for those that did nothing) and fingerprints."""
    from . import suppress
    from .baseline import assign_fingerprints
    from .check import all_checks

    doc = Document(suppress.mask(source), settings)
    by_code = {c.code: c for c in checks}
    off = {code for code, level in settings.severity.items() if level == "off"}
    findings = [
        resolve(doc, d, by_code[d.code], settings.lang)
        for d in run_checks(doc, checks)
        if d.code not in off
    ]
    directives = suppress.parse(source.origin.text if source.origin else source.text)
    if directives:
        findings = suppress.apply(directives, findings)
        meta = [c for c in checks if isinstance(c, suppress.UnusedSuppression)]
        for check in (c for c in meta if c.code not in off):
            ran = [c.code for c in checks if c is not check]
            findings += suppress.unused_findings(
                directives,
                check,
                ran,
                all_checks(),
                source,
                settings.severity.get(check.code),
                settings.lang,
            )
    findings.sort(key=lambda f: (f.line, f.column, f.code))
    assign_fingerprints(findings, source.text)
    return FileResult(source.path, findings, doc.facts.as_json(), source=source)


def lint_path(path: Path, display: str, checks: list[Check], settings: Settings) -> FileResult:
    try:
        source = load_path(path, display, settings.max_bytes)
    except InputError as exc:
        return FileResult(display, error=exc.problem)
    return lint_source(source, checks, settings)


def check_paths(paths: Iterable[str]) -> None:
    """Raise ``InputError`` for a path that does not exist or a folder without reports."""
    for raw in paths:
        if raw == "-":
            continue
        path = Path(raw)
        if path.is_dir():
            if next(_reports_below(path), None) is None:
                raise InputError(
                    raw, "folder holds no report files (.txt, .md, .docx, .html, .pdf)"
                )
        elif not path.exists():
            raise InputError(raw, "no such file or folder")


def file_identity(path: Path | None) -> object:
    """What makes two paths one file: its device and inode (links and other spellings of a
    path agree on them); standard input is one input however often it is named. A path that
    cannot be looked at is its own identity, so its error is still reported."""
    if path is None:
        return "-"
    try:
        status = path.stat()
    except OSError:
        return str(path)
    return status.st_dev, status.st_ino


def discover(paths: Iterable[str]) -> Iterator[tuple[Path | None, str]]:
    """Files to check: named files as given, folders searched recursively for reports, in
    sorted order. Every path is checked first (``check_paths``), so a bad one stops the run
    before any file is found; folders are then listed as their files are taken, one directory
    at a time, so a run never holds the list of all its files."""
    paths = list(paths)
    check_paths(paths)
    for raw in paths:
        if raw == "-":
            yield None, "-"
        elif Path(raw).is_dir():
            for found in _reports_below(Path(raw)):
                yield found, str(found)
        else:
            yield Path(raw), raw


def _reports_below(folder: Path) -> Iterator[Path]:
    """Report files below ``folder`` in the order of their sorted paths. Like ``Path.rglob``,
    symbolic links to folders are not followed and unreadable folders are skipped; hidden
    files and folders (a leading dot) are left out. (``os.scandir`` tells files from folders
    without a ``stat`` call for each.)"""
    try:
        with os.scandir(folder) as listing:
            entries = sorted(
                (entry for entry in listing if not entry.name.startswith(".")),
                key=lambda entry: os.path.normcase(entry.name),
            )
    except PermissionError:
        return
    for entry in entries:
        child = folder / entry.name
        if entry.is_dir(follow_symlinks=False):
            yield from _reports_below(child)
        elif child.suffix.lower() in REPORT_SUFFIXES and entry.is_file():
            yield child
