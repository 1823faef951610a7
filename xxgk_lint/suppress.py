"""Suppression comments: a drafter's way to say "this finding is known and accepted, here".

A directive is a line of its own. In Markdown and HTML it is a comment, invisible when the
report is shown; in a plain-text draft the same words may stand alone or after ``#``::

    <!-- xxgk-lint: disable=N001 -- 表中数据按上级口径填报 -->
    ...
    <!-- xxgk-lint: enable=N001 -->
    <!-- xxgk-lint: disable-next-line=T006 -->
    # xxgk-lint: disable-file=S001

``disable`` runs to the matching ``enable`` (or the end of the file), ``disable-next-line``
covers the next line with text, ``disable-file`` the whole file. Without ``=codes`` a
directive covers every rule; codes may be prefixes (``T``). Full-width punctuation typed by a
Chinese input method (``：``, ``＝``, ``，``) is accepted. Text after `` -- `` is the reason.

Directive lines are blanked (same offsets) before the report is parsed, so no check and no
outline ever sees them. Lines are the file's own lines (``Finding.line``): for an HTML page
the directives are the page source's comments, which the text extraction drops.

A directive that suppresses nothing, or names no known rule, is reported as X001
``unused-suppression``: a rule of its own (like ruff's RUF100 and ESLint's unused disable
directives) so it can be located, fixed by deleting the line, ignored or re-graded.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, ClassVar

from .check import Check, Message, RuleDoc
from .diagnostic import Severity

if TYPE_CHECKING:
    from .engine import Finding
    from .source import Source

MARK = "xxgk-lint"
KINDS = ("disable", "enable", "disable-next-line", "disable-file")
ALL = "*"  # the selector of a directive that names no code

_WRAPPED = re.compile(r"^\s*<!--\s*xxgk-lint\s*:\s*(?P<rest>.*?)\s*-->\s*$", re.I)
_BARE = re.compile(r"^\s*(?:#+|//|%)?\s*xxgk-lint\s*:\s*(?P<rest>.*?)\s*$", re.I)
_DIRECTIVE = re.compile(
    r"^(?P<kind>[a-z-]+)\s*(?:=\s*(?P<codes>[a-z0-9]+(?:\s*[,;、\s]\s*[a-z0-9]+)*))?"
    r"(?:\s+--(?:\s+.*)?)?$",
    re.I,
)


@dataclass
class Directive:
    """One suppression comment: where it is (1-based line of the file, columns) and what it says."""

    line: int
    column: int
    end_column: int
    kind: str = ""
    codes: tuple[str, ...] = ()  # upper-case codes or prefixes; empty: every rule
    problem: str = ""  # a malformed directive: what it says
    used: set[str] = field(default_factory=set)  # selectors that suppressed (or closed) something
    ends: dict[str, int] = field(default_factory=dict)  # disable: selector -> its enable's line
    target: int = 0  # disable-next-line: the line it covers

    @property
    def selectors(self) -> tuple[str, ...]:
        return self.codes or (ALL,)

    def covers(self, code: str, line: int) -> str | None:
        """The selector of this directive that suppresses ``code`` on ``line``, if any."""
        if self.problem:
            return None
        for selector in self.selectors:
            if selector != ALL and not code.startswith(selector):
                continue
            if self.kind == "disable-file":
                return selector
            if self.kind == "disable-next-line" and line == self.target:
                return selector
            if self.kind == "disable" and self.line <= line < self.ends.get(selector, 1 << 30):
                return selector
        return None


def _has_mark(text: str) -> bool:
    lowered = text.lower()
    return MARK in lowered or "ｘｘｇｋ" in lowered


def directive_text(line: str) -> str | None:
    """What a directive line says after ``xxgk-lint:``; None if the line is no directive.

    Full-width letters and punctuation typed by a Chinese input method are folded first.
    """
    if not _has_mark(line):
        return None
    folded = unicodedata.normalize("NFKC", line)
    m = _WRAPPED.match(folded) or _BARE.match(folded)
    return m.group("rest") if m else None


def parse(text: str) -> list[Directive]:
    """Every directive of a file's text, with lines numbered as ``Finding.line`` counts them."""
    if not _has_mark(text):
        return []
    directives: list[Directive] = []
    lines = text.splitlines()
    for index, line in enumerate(lines):
        rest = directive_text(line)
        if rest is None:
            continue
        lead = len(line) - len(line.lstrip())
        d = Directive(index + 1, lead + 1, len(line.rstrip()) + 1)
        body = _DIRECTIVE.match(rest)
        if not body or body.group("kind").lower() not in KINDS:
            d.problem = rest
        else:
            d.kind = body.group("kind").lower()
            d.codes = tuple(
                c.upper() for c in re.split(r"[,;、\s]+", body.group("codes") or "") if c
            )
        directives.append(d)
    _link(directives, lines)
    return directives


def _link(directives: list[Directive], lines: list[str]) -> None:
    """Close each disable at its enable; find the line each disable-next-line covers."""
    directive_lines = {d.line for d in directives}
    open_regions: list[tuple[Directive, str]] = []
    for d in directives:
        if d.problem:
            continue
        if d.kind == "disable":
            open_regions.extend((d, selector) for selector in d.selectors)
        elif d.kind == "enable":
            for region in [r for r in open_regions if not d.codes or r[1] in d.codes]:
                region[0].ends[region[1]] = d.line
                open_regions.remove(region)
                d.used.update(d.selectors if not d.codes else {region[1]})
        elif d.kind == "disable-next-line":
            following = range(d.line, len(lines))
            d.target = next(
                (i + 1 for i in following if lines[i].strip() and i + 1 not in directive_lines), 0
            )


def mask(source: Source) -> Source:
    """A copy of ``source`` whose directive lines are blanked: same length, same offsets, so
    neither the outline nor any check reads them."""
    if not _has_mark(source.text):
        return source
    blanks = [
        (source.line_starts[i], source.line_ends[i])
        for i in range(source.line_count)
        if directive_text(source.line_text(i)) is not None
    ]
    if not blanks:
        return source
    chars = list(source.text)
    for start, end in blanks:
        chars[start:end] = " " * (end - start)
    return replace(source, text="".join(chars))


def apply(directives: list[Directive], findings: list[Finding]) -> list[Finding]:
    """The findings no directive suppresses; directives record which selectors were used."""
    kept = []
    for finding in findings:
        for d in directives:
            selector = d.covers(finding.code, finding.line)
            if selector is not None:
                d.used.add(selector)
                break
        else:
            kept.append(finding)
    return kept


def unused(directives: list[Directive], ran: Iterable[str], known: Iterable[str]):
    """(directive, message key, codes) for each directive, or part of one, that did nothing.

    A code counts as unused only if a rule it names ran on this file: a directive for a rule
    deselected in this run is not wrong, it had nothing to do.
    """
    ran, known = set(ran), list(known)
    for d in directives:
        if d.problem:
            yield d, "invalid", (d.problem,)
            continue
        unknown = [c for c in d.codes if not any(k.startswith(c) for k in known)]
        if unknown:
            yield d, "unknown", tuple(unknown)
        elif d.kind == "enable":
            if not d.used:
                yield d, "enable", d.codes
        elif not d.codes:
            if not d.used and ran:
                yield d, "default", ()
        else:
            idle = tuple(
                c for c in d.codes if c not in d.used and any(code.startswith(c) for code in ran)
            )
            if idle:
                yield d, "default", idle


class UnusedSuppression(Check):
    """X001: reported by ``engine.lint_source`` after the other rules, because whether a
    directive suppressed anything depends on their findings; ``run`` has nothing to find."""

    code = "X001"
    name = "unused-suppression"
    severity = Severity.WARNING
    fixable = "safe"
    messages: ClassVar[dict[str, Message]] = {
        "default": Message(
            "该抑制注释未抑制任何问题：{codes}",
            "This suppression comment suppresses nothing: {codes}",
        ),
        "enable": Message(
            "该 enable 注释前没有对应的 disable：{codes}",
            "This enable comment has no matching disable before it: {codes}",
        ),
        "unknown": Message(
            "抑制注释中的规则代码不存在：{codes}",
            "The suppression comment names no known rule: {codes}",
        ),
        "invalid": Message(
            "无法识别的抑制注释：{codes}"
            "（应为 disable、enable、disable-next-line 或 disable-file）",
            "Unrecognised suppression comment: {codes} (expected disable, enable, "
            "disable-next-line or disable-file)",
        ),
    }
    help = Message(
        "删除这一行注释，或改正其中的规则代码。", "Delete the comment line or correct its codes."
    )
    doc = RuleDoc(
        what_zh="报告中的 xxgk-lint 抑制注释没有抑制任何问题、写错了规则代码，或无法识别。",
        what_en="An xxgk-lint suppression comment suppresses nothing, names an unknown rule, "
        "or cannot be read.",
        why_zh="问题修正后遗留的抑制注释会在今后悄悄掩盖同一位置的新问题；写错的注释则从未生效。",
        why_en="A suppression left behind after a fix silently hides the next problem at the "
        "same place; a mistyped one never worked.",
        fires="<!-- xxgk-lint: disable-next-line=T06 -->\n全年主动公开信息,共计十二条。",
        passes="<!-- xxgk-lint: disable-next-line=T006 -->\n全年主动公开信息,共计十二条。",
    )

    def run(self, doc) -> tuple:
        return ()


def unused_findings(
    directives: list[Directive],
    check: Check,
    ran: Iterable[str],
    known: Iterable[str],
    source: Source,
    severity: str | None,
    lang: str,
) -> list[Finding]:
    """X001 findings for the directives of one file that did nothing."""
    from .engine import Finding

    found = []
    for d, key, codes in unused(directives, ran, known):
        every = "全部规则" if lang == "zh" else "all rules"
        args = {"codes": ", ".join(codes) if codes else every}
        start = end = 0
        fix = None
        if source.origin is None:  # a text file: the directive is a line of ``source.text``
            start = source.line_starts[d.line - 1] + d.column - 1
            end = source.line_starts[d.line - 1] + d.end_column - 1
            if key != "default" or len(codes) == len(d.codes):
                fix = _delete_line_fix(source, d.line)
        found.append(
            Finding(
                check.code,
                check.name,
                Severity(severity) if severity else check.severity,
                check.messages[key].render(lang, args),
                source.path,
                d.line,
                d.column,
                d.line,
                d.end_column,
                {"codes": list(codes) if key != "invalid" else []},
                fix,
                start,
                end,
                check.help.render(lang, args) if check.help else "",
            )
        )
    return found


def _delete_line_fix(source: Source, line: int) -> dict:
    """A safe fix deleting a whole line with its line break."""
    if line < source.line_count:
        end_line, end_column = line + 1, 1
    else:
        end_line, end_column = line, len(source.line_text(line - 1)) + 1
    edit = {"line": line, "column": 1, "end_line": end_line, "end_column": end_column}
    return {"applicability": "safe", "edits": [{**edit, "content": ""}]}
