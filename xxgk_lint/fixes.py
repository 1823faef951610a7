"""Applying fixes to the user's file, as ``ruff check --fix`` does, without ever damaging it.

A fix is a set of edits of ``Source.text`` (``diagnostic.Fix``); a finding carries the same
edits as positions of the file (``Finding.fix``). Fixes are applied in passes: the fixes of
one lint that do not overlap are applied together, the text is encoded as it will be written
and read back, linted again, and fixed again, until no fix applies. A fix that overlaps one
already taken waits for the next pass, where the other fix has changed the text under it.

The file is written only when something changed, in its own encoding (and byte-order mark),
through a temporary file in the same folder replaced atomically, with its permissions kept.
Line endings are kept because edits never touch a line break except by deleting a whole line
with its own. Word, HTML and PDF files are never written: their text is extracted, not theirs.
"""

from __future__ import annotations

import codecs
import contextlib
import difflib
import os
import re
import stat
import sys
import tempfile
from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from .check import Check, Message, all_checks
from .diagnostic import Diagnostic, Edit
from .engine import FileResult, Finding, lint_source
from .errors import InputError
from .settings import Settings
from .source import Source, decode, decode_input, read_path

if TYPE_CHECKING:
    from .parallel import Target

MAX_PASSES = 10
"""Fix passes before giving up: real fixes settle in two or three (a deleted line first, the
edits that overlapped it next)."""

Fixable = Finding | Diagnostic
Lint = Callable[[Source], FileResult]

_BOMS = {
    "utf-8": codecs.BOM_UTF8,
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
}
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")

MESSAGES = {
    "lossy": Message(
        "{path}：文件按 {encoding} 读取后不能还原为原来的字节，为免损坏不自动修复",
        "{path}: the file does not read back to its own bytes as {encoding}; "
        "not fixed, to avoid damaging it",
    ),
    "unencodable": Message(
        "{path}：修复后的文本含有 {encoding} 编码无法表示的字符“{char}”"
        "（修复后第 {line} 行第 {column} 列），文件未修改",
        "{path}: the fixed text holds “{char}” (line {line}, column {column} after fixing), "
        "which {encoding} cannot encode; the file was not changed",
    ),
    "reread": Message(
        "{path}：修复后的文件重新读取时与修复结果不同，文件未修改",
        "{path}: the fixed file would not read back as the fixed text; the file was not changed",
    ),
    "cycle": Message(
        "{path}：{codes} 的修复反复生效，已在第 {passes} 轮后停止，请检查这些问题",
        "{path}: the fixes of {codes} keep undoing each other; stopped after pass {passes}, "
        "check these problems",
    ),
    "limit": Message(
        "{path}：经过 {passes} 轮修复后仍有修复可用，已停止",
        "{path}: fixes still apply after {passes} passes; stopped",
    ),
    "changed": Message(
        "{path}：文件在修复期间被其他程序修改，未写入",
        "{path}: the file changed while it was being fixed; not written",
    ),
    "unwritable": Message(
        "{path}：无法写入修复结果（{reason}），文件未修改",
        "{path}: could not write the fixes ({reason}); the file was not changed",
    ),
    "readonly": Message(
        "{path}：只修复文本文件，{kind}文件不会被修改；其中 {count} 个可修复的问题请在原文档中修改",
        "{path}: only text files are fixed and {kind} files are never edited; "
        "fix its {count} fixable problem(s) in the source document",
    ),
    "fixed": Message("已修复 {count} 个问题", "Fixed {count} problem(s)"),
    "would-fix": Message("可修复 {count} 个问题", "Would fix {count} problem(s)"),
    "unsafe": Message(
        "（另有 {count} 个可用 --unsafe-fixes 修复）",
        " ({count} more fixable with --unsafe-fixes)",
    ),
}
_KINDS = {"docx": ("Word ", "Word"), "html": ("网页", "web page"), "pdf": ("PDF ", "PDF")}


class FixRefused(Exception):
    """A file that must not be written: ``key`` and ``args`` name a message of ``MESSAGES``."""

    def __init__(self, key: str, **args: object) -> None:
        super().__init__(key)
        self.key = key
        self.details = args

    def render(self, lang: str, path: str) -> str:
        return MESSAGES[self.key].render(lang, {"path": path, **self.details})


@dataclass(frozen=True)
class FixOptions:
    """What ``--fix``, ``--unsafe-fixes`` and ``--diff`` ask for."""

    unsafe: bool = False  # apply unsafe fixes too
    write: bool = True  # False (--diff): compute the changes and show them, write nothing


@dataclass
class FixResult:
    """One pass: the new text, the findings whose fixes it applied, those whose fixes overlap
    an applied one (retried next pass), and those whose unsafe fixes were held back."""

    text: str
    applied: list[Fixable] = field(default_factory=list)
    skipped: list[Fixable] = field(default_factory=list)
    withheld: list[Fixable] = field(default_factory=list)


@dataclass
class FixOutcome:
    """One file after fixing.

    ``result``: the findings that remain, of the fixed text (of the file as it is, when a
    fix was refused). ``fixed``: problems fixed (with ``--diff``: that would be) by rule code;
    ``unsafe``: remaining problems that only ``--unsafe-fixes`` would fix. ``output``: the
    file's bytes after fixing (the original bytes when nothing changed or a fix was refused).
    ``notice``: why the file was not (fully) fixed, for stderr. ``failed``: the fixed file
    could not be written (an I/O error, or the file changed meanwhile).
    """

    result: FileResult
    fixed: Counter[str] = field(default_factory=Counter)
    unsafe: int = 0
    output: bytes = b""
    changed: bool = False
    written: bool = False
    diff: str = ""
    notice: str = ""
    failed: bool = False


def _fix_of(item: Fixable, source: Source) -> tuple[tuple[Edit, ...], str] | None:
    """The edits (offsets into ``source.text``) and applicability of a finding's fix."""
    if item.fix is None:
        return None
    if isinstance(item, Diagnostic):
        edits, applicability = item.fix.edits, item.fix.applicability
    else:
        if not source.editable:
            raise ValueError(f"{source.path}: fixes of a {source.kind} file have no text offsets")
        starts = source.line_starts
        edits = tuple(
            Edit(
                starts[e["line"] - 1] + e["column"] - 1,
                starts[e["end_line"] - 1] + e["end_column"] - 1,
                e["content"],
            )
            for e in item.fix["edits"]
        )
        applicability = item.fix["applicability"]
    edits = tuple(sorted(edits, key=lambda e: (e.start, e.end)))
    for edit, after in pairwise(edits):
        if after.start < edit.end or (after.start == edit.start == edit.end == after.end):
            raise ValueError(f"{item.code}: a fix whose own edits overlap: {edits}")
    if edits and not 0 <= edits[0].start <= edits[-1].end <= len(source.text):
        raise ValueError(f"{item.code}: a fix outside the text: {edits}")
    return edits, applicability


def _collides(taken: list[tuple[int, int]], edit: Edit) -> bool:
    """Whether ``edit`` overlaps a span of ``taken`` (sorted, disjoint (start, end) spans):
    they share a character, one inserts strictly inside the other, or both insert at the same
    place (their order would be arbitrary). Touching spans do not overlap."""
    last = bisect_left(taken, (edit.end, -1)) - 1  # of the spans starting before the end,
    if last >= 0 and taken[last][1] > edit.start:  # the last reaches furthest
        return True
    if edit.start < edit.end:
        return False
    at = bisect_left(taken, (edit.start, edit.start))
    return at < len(taken) and taken[at] == (edit.start, edit.start)


def _order(candidate: tuple[tuple[Edit, ...], str, Fixable]) -> tuple:
    """Fixes in file order; ties by rule, then by the edits, so the order never depends on
    the order findings come in."""
    fix, _, item = candidate
    return fix[0].start, fix[-1].end, item.code, [(e.start, e.end, e.replacement) for e in fix]


def apply_fixes(source: Source, items: Iterable[Fixable], unsafe: bool = False) -> FixResult:
    """Apply every fix of ``items`` that does not overlap a fix taken before it (fixes taken
    in file order); only safe fixes unless ``unsafe``. Identical fixes of two findings are
    one change that fixes both."""
    candidates = []
    for item in items:
        found = _fix_of(item, source)
        if found is not None and found[0]:
            candidates.append((found[0], found[1], item))
    candidates.sort(key=_order)
    result = FixResult(source.text)
    taken: list[tuple[int, int]] = []
    edits: list[Edit] = []
    done: set[tuple[Edit, ...]] = set()
    for fix, applicability, item in candidates:
        if applicability != "safe" and not unsafe:
            result.withheld.append(item)
        elif fix in done:
            result.applied.append(item)
        elif any(_collides(taken, e) for e in fix):
            result.skipped.append(item)
        else:
            for e in fix:
                insort(taken, (e.start, e.end))
            edits += fix
            done.add(fix)
            result.applied.append(item)
    result.text = _edited(source.text, edits)
    return result


def _edited(text: str, edits: list[Edit]) -> str:
    pieces, at = [], 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        pieces += [text[at : e.start], e.replacement]
        at = e.end
    return "".join([*pieces, text[at:]])


def encode(text: str, source: Source) -> bytes:
    """``text`` as ``source``'s file holds text: its encoding, its byte-order mark."""
    try:
        body = text.encode(source.encoding)
    except UnicodeEncodeError as exc:
        char = exc.object[exc.start : exc.end]
        line, column = Source(source.path, text).position(exc.start)
        raise FixRefused(
            "unencodable", encoding=source.encoding, char=char, line=line, column=column
        ) from None
    return (_BOMS[source.encoding] if source.bom else b"") + body


def _reread(data: bytes, source: Source, text: str) -> Source:
    """The fixed bytes read as the file will be read next time; refused unless that gives
    back exactly ``text`` in the same encoding."""
    try:
        again = decode(data, source.path)
    except InputError:
        raise FixRefused("reread") from None
    if (again.text, again.encoding, again.bom) != (text, source.encoding, source.bom):
        raise FixRefused("reread")
    return again


@dataclass
class LoopResult:
    """Where the fix passes ended: the last text, its findings, the problems fixed by rule,
    the remaining problems only unsafe fixes would fix, and why the passes stopped early."""

    source: Source
    result: FileResult
    fixed: Counter[str]
    unsafe: int
    notice: FixRefused | None = None


def fix_loop(source: Source, lint: Lint, unsafe: bool, max_passes: int = MAX_PASSES) -> LoopResult:
    """Lint, apply the fixes, read the encoded result back, lint again, until no fix applies
    (or a cycle or ``max_passes``). Raises ``FixRefused`` when a pass cannot be written."""
    result = lint(source)
    fixed: Counter[str] = Counter()
    seen = {source.text}
    passes = 0
    while True:
        step = apply_fixes(source, result.findings, unsafe)
        loop = LoopResult(source, result, fixed, len(step.withheld))
        if not step.applied:
            return loop
        if passes == max_passes:
            loop.notice = FixRefused("limit", passes=passes)
            return loop
        again = _reread(encode(step.text, source), source, step.text)
        if again.text in seen:
            codes = ", ".join(sorted({item.code for item in step.applied}))
            loop.notice = FixRefused("cycle", codes=codes, passes=passes)
            return loop
        seen.add(again.text)
        fixed.update(item.code for item in step.applied)
        source, result = again, lint(again)
        passes += 1


def unified_diff(before: str, after: str, name: str) -> str:
    """A unified diff of the fix, lines as the file has them (any line ending)."""
    lines = difflib.unified_diff(
        _LINE.findall(before), _LINE.findall(after), fromfile=name, tofile=name
    )
    return "".join(
        line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n"
        for line in lines
    )


def fix_source(
    source: Source, original: bytes, lint: Lint, options: FixOptions, lang: str
) -> FixOutcome:
    """Fix a decoded text file whose bytes are ``original``; writes nothing."""
    if not source.editable:
        result = lint(source)
        count = sum(1 for f in result.findings if f.fix is not None)
        zh, en = _KINDS[source.kind]
        notice = (
            ""
            if not count
            else MESSAGES["readonly"].render(
                lang, {"path": source.path, "kind": en if lang == "en" else zh, "count": count}
            )
        )
        return FixOutcome(result, output=original, notice=notice)
    try:
        if encode(source.text, source) != original:
            raise FixRefused("lossy", encoding=source.encoding)
        loop = fix_loop(source, lint, options.unsafe)
    except FixRefused as refused:
        return FixOutcome(lint(source), output=original, notice=refused.render(lang, source.path))
    output = encode(loop.source.text, loop.source)
    changed = output != original
    return FixOutcome(
        loop.result,
        loop.fixed,
        loop.unsafe,
        output,
        changed,
        diff=""
        if options.write or not changed
        else unified_diff(source.text, loop.source.text, source.path),
        notice=loop.notice.render(lang, source.path) if loop.notice else "",
    )


def write_atomic(path: Path, data: bytes, expected: bytes) -> None:
    """Replace the file's bytes ``expected`` by ``data`` in one step, keeping its mode.

    The new bytes go to a temporary file in the same folder (same file system), flushed to
    disk, then ``os.replace`` swaps it in: a reader or a crash sees the old file or the new,
    never half of one. A symbolic link is followed: the file it points to is replaced.
    """
    status = path.stat()
    if not stat.S_ISREG(status.st_mode):  # a pipe or a device: nothing to replace
        raise FixRefused("unwritable", reason="not a regular file")
    target = Path(os.path.realpath(path))
    mode = stat.S_IMODE(status.st_mode)
    if not os.access(target, os.W_OK):
        raise PermissionError(13, "permission denied", str(target))
    if target.read_bytes() != expected:
        raise FixRefused("changed")
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".fix")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _lint_with(checks: Sequence[Check], settings: Settings) -> Lint:
    return lambda source: lint_source(source, list(checks), settings)


def fix_path(
    path: Path, display: str, checks: Sequence[Check], settings: Settings, options: FixOptions
) -> FixOutcome:
    """Lint and fix one file; with ``options.write`` write the fixes back to it."""
    from .formats import load_bytes

    try:  # read once: a pipe (``<(command)``) has its bytes only once
        original = read_path(path, display, settings.max_bytes)
        source = load_bytes(original, display, path.suffix.lower())
    except InputError as exc:
        return FixOutcome(FileResult(display, error=exc.problem))
    lint = _lint_with(checks, settings)
    outcome = fix_source(source, original, lint, options, settings.lang)
    if not (options.write and outcome.changed):
        return outcome
    try:
        write_atomic(path, outcome.output, original)
    except (FixRefused, OSError) as exc:
        if isinstance(exc, FixRefused):
            notice = exc.render(settings.lang, display)
        else:
            reason = exc.strerror or str(exc)
            notice = MESSAGES["unwritable"].render(
                settings.lang, {"path": display, "reason": reason}
            )
        return FixOutcome(lint(source), output=original, notice=notice, failed=True)
    outcome.written = True
    return outcome


def fix_stdin(
    data: bytes, name: str, checks: Sequence[Check], settings: Settings, options: FixOptions
) -> FixOutcome:
    """Lint and fix a report read from standard input; ``output`` is the text to print (the
    input as it came when it cannot be fixed; nothing when it is over the size limit, as
    ``data`` then holds only its start)."""
    try:
        source = decode_input(data, name, settings.max_bytes)
    except InputError as exc:
        over = len(data) > settings.max_bytes
        return FixOutcome(FileResult(name, error=exc.problem), output=b"" if over else data)
    return fix_source(source, data, _lint_with(checks, settings), options, settings.lang)


def summary(fixed: int, unsafe: int, options: FixOptions, lang: str) -> str:
    """The closing line: problems fixed (or that would be), and what unsafe fixes would add."""
    line = MESSAGES["fixed" if options.write else "would-fix"].render(lang, {"count": fixed})
    if unsafe:
        line += MESSAGES["unsafe"].render(lang, {"count": unsafe})
    return line


class FixRun:
    """``check --fix``/``--diff`` for the command line: files fixed one after another, each
    one's diff, fixed text (standard input) and notices printed as it is done, and the totals
    the closing line and the exit code need."""

    def __init__(self, options: FixOptions, lang: str) -> None:
        self.options = options
        self.lang = lang
        self.fixed = 0  # problems fixed (with --diff: that would be)
        self.unsafe = 0  # remaining problems only --unsafe-fixes would fix
        self.changed = False  # a file changed (or, with --diff, would change)
        self.failed = False  # a file's fixes could not be written
        self._checks: dict[str, Check] = {}

    def results(self, targets: Iterable[Target]) -> Iterator[FileResult]:
        """The result of every target after fixing it, as ``parallel.lint_many`` yields them
        (``target.settings`` must be set)."""
        for target in targets:
            outcome = self._fix(target)
            if outcome.diff:
                sys.stdout.write(outcome.diff)
                sys.stdout.flush()
            if target.path is None and self.options.write:
                sys.stdout.flush()
                sys.stdout.buffer.write(outcome.output)
                sys.stdout.buffer.flush()
            if outcome.notice:
                print(f"xxgk-lint: {outcome.notice}", file=sys.stderr)
            self.changed |= outcome.changed
            self.failed |= outcome.failed
            self.fixed += sum(outcome.fixed.values())
            self.unsafe += outcome.unsafe
            yield outcome.result

    def summary(self) -> str:
        return summary(self.fixed, self.unsafe, self.options, self.lang)

    def _fix(self, target: Target) -> FixOutcome:
        settings = target.settings
        assert settings is not None, "FixRun needs each target's settings"
        known = all_checks()
        checks = [self._checks.setdefault(code, known[code]()) for code in settings.select]
        if target.path is not None:
            return fix_path(target.path, target.display, checks, settings, self.options)
        data = target.data
        if data is None:
            data = sys.stdin.buffer.read(settings.max_bytes + 1)
        return fix_stdin(data, target.display, checks, settings, self.options)
