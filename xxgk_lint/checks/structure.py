"""S001 missing-section and S008 section-not-headed: the parts the law requires.

Both rest on one analysis of the document: which required parts have a heading of their
own, which are only present as content inside another part, and which are absent.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..check import Check, Message, RuleDoc
from ..chrome import is_chrome
from ..diagnostic import Diagnostic, Severity
from ..document import Document
from ..outline import Section
from ..sectionkeys import NAMES, REQUIRED, content_match, heading_key


@dataclass
class Presence:
    """Where each required part is: its heading, else inline evidence (line, span), else None."""

    headed: dict[str, Section]
    inline: dict[str, tuple[int, int, int]]  # key -> (line index, orig start, orig end)
    missing: list[str]


def required_parts(doc: Document) -> tuple[str, ...]:
    required = REQUIRED.get(doc.facts.edition or "2021", REQUIRED["2021"])
    if doc.facts.edition in ("2019", "2021") and doc.facts.issuer_type == "government":
        required = (*required, "assessment")
    return required


def _heading_candidates(doc: Document) -> list[Section]:
    """Headings that can stand for a part: the top level (and, in the free-form 2007
    edition, the level below it)."""
    top = list(doc.outline.sections)
    if doc.facts.edition != "2007":
        return top
    return top + [child for s in top for child in s.children]


def _inline_lines(doc: Document) -> list[int]:
    """Lines whose text may carry a part's content: the body, minus page furniture."""
    return [i for i in doc.body_lines() if not is_chrome(doc.lines[i].norm)]


def analyse(doc: Document) -> Presence:
    required = required_parts(doc)
    headed: dict[str, Section] = {}
    for section in _heading_candidates(doc):
        key = heading_key(section.heading.title)
        if key and key not in headed:
            headed[key] = section
    inline: dict[str, tuple[int, int, int]] = {}
    missing = []
    for key in required:
        if key in headed:
            continue
        evidence = _find_inline(doc, key)
        if evidence:
            inline[key] = evidence
        else:
            missing.append(key)
    return Presence(headed, inline, missing)


def _find_inline(doc: Document, key: str) -> tuple[int, int, int] | None:
    if doc.facts.edition != "2007":
        for section in doc.outline.walk():
            if section.heading.level > doc.outline.sections[0].heading.level and (
                heading_key(section.heading.title) == key
            ):
                h = section.heading
                return h.line, h.start, h.title_end
    if key == "overview":
        preamble = "".join(doc.lines[i].norm for i in doc.outline.preamble)
        if len(preamble) >= 150 and doc.outline.preamble:
            return doc.outline.preamble[0], *doc.line_span(doc.outline.preamble[0])
        return None
    for index in _inline_lines(doc):
        line = doc.lines[index]
        span = content_match(key, line.norm)
        if span:
            return index, *line.orig_span(*span)
    return None


def _names(key: str) -> dict[str, str]:
    zh, en = NAMES[key]
    return {"name_zh": zh, "name_en": en}


class MissingSection(Check):
    code = "S001"
    name = "missing-section"
    severity = Severity.ERROR
    messages = {
        "default": Message(
            "缺少法定内容“{name_zh}”：既无该部分标题，正文中也未报告相关情况",
            "Missing required part '{name_en}' ({name_zh}): no heading and no content for it",
        )
    }
    help = Message(
        "按《条例》规定的年度报告内容补写这一部分，并单列标题",
        "Add this part, under its own heading, as the regulation requires",
    )
    doc = RuleDoc(
        what_zh="版本要求的某一部分完全缺失：既没有对应标题，正文中也没有相应内容。",
        what_en="A part the edition requires is absent: no heading and no content anywhere.",
        why_zh="《政府信息公开条例》（2007）第三十二条、（2019）第五十条规定了年度报告必须包括的内容。",
        why_en="Art. 32 (2007) and Art. 50 (2019) of the regulation list what the report must contain.",
    )

    def run(self, doc: Document) -> Iterator[Diagnostic]:
        for key in doc.derived(analyse).missing:
            severity = Severity.WARNING if key == "other" else None
            yield self.diagnostic(0, 0, data={"section": key}, severity=severity, **_names(key))


class SectionNotHeaded(Check):
    code = "S008"
    name = "section-not-headed"
    severity = Severity.WARNING
    messages = {
        "default": Message(
            "“{name_zh}”仅在其他部分中顺带提及（第 {found_line} 行），没有单列标题",
            "'{name_en}' ({name_zh}) is only mentioned inside another part (line {found_line}), "
            "without its own heading",
        )
    }
    help = Message(
        "为这一部分单列一级标题，按规定的顺序编排",
        "Give this part its own top-level heading, in the prescribed order",
    )
    doc = RuleDoc(
        what_zh="法定内容只在其他部分中一笔带过，没有独立标题。",
        what_en="A required part's content exists only inline inside another part.",
        why_zh="年度报告格式要求各部分单列；内容夹在其他部分中不便查找，评估时常被认定为内容不全。",
        why_en="The format lists each part separately; content hidden in another part is easily missed.",
    )

    def run(self, doc: Document) -> Iterator[Diagnostic]:
        for key, (line, start, end) in doc.derived(analyse).inline.items():
            yield self.diagnostic(
                start,
                end,
                data={"section": key, "found_line": line + 1},
                found_line=line + 1,
                **_names(key),
            )
