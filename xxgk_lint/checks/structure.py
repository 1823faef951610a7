"""S001–S008: the report's structure — its title, its parts and how they are numbered.

S001 missing-section and S008 section-not-headed rest on one analysis of the document:
which required parts have a heading of their own, which are only present as content inside
another part, and which are absent (``analyse``). S007 section-order reuses it. S002–S005
rest on the numbered outline: the top-level parts, the numbering runs and their breaks.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from itertools import combinations, pairwise
from typing import ClassVar, NamedTuple

from ..check import Check, Message, RuleDoc
from ..chrome import is_chrome
from ..diagnostic import Diagnostic, Severity
from ..document import Document
from ..facts import title_parts
from ..numerals import CIRCLED, CN_NUMERAL_CHARS, int_to_cn
from ..outline import UNNUMBERED, Heading, Section
from ..sectionkeys import (
    NAMES,
    REQUIRED,
    content_match,
    heading_key,
    heading_keys,
    part_stem,
    same_part,
)


class Presence(NamedTuple):
    """Where each required part is: its heading, else inline evidence (line, span), else None."""

    headed: dict[str, Section]
    inline: dict[str, tuple[int, int, int]]  # key -> (line index, orig start, orig end)
    missing: list[str]


def required_parts(doc: Document) -> tuple[str, ...]:
    required = REQUIRED.get(doc.facts.edition or "2021", REQUIRED["2021"])
    if doc.facts.edition in ("2019", "2021") and _peoples_government(doc):
        required = (*required, "assessment")
    return required


def _peoples_government(doc: Document) -> bool:
    """Whether the issuer is a 人民政府, whose report alone must cover 工作考核、社会评议和责任追究
    (条例 art. 50(四)): a 街道办事处 is a government level for deadlines, yet an agency of its
    district's government, not a 人民政府. A configured issuer type is taken as given."""
    if doc.settings.issuer:
        return doc.settings.issuer == "government"
    issuer = re.sub(r"\s+", "", doc.facts.issuer or "")
    return doc.facts.issuer_type == "government" and "街道" not in issuer


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
        for key in heading_keys(section.heading.title):  # 收费及复议诉讼情况 heads both parts
            headed.setdefault(key, section)
    if "overview" in required and "overview" not in headed:
        first = _generic_first_part(doc)
        if first is not None:
            headed["overview"] = first
    inline: dict[str, tuple[int, int, int]] = {}
    missing = []
    for key in required:
        if key in headed:
            continue
        evidence = _find_inline(doc, key)
        if key == "assessment" and evidence and _inside(headed.get("overview"), evidence[0]):
            continue  # the 2021 format reports it under 总体情况 (监督保障): in its place
        if evidence:
            inline[key] = evidence
        else:
            missing.append(key)
    return Presence(headed, inline, missing)


# What a generic name of the report's first part says beyond 政府信息公开工作情况.
_GENERIC_OVERVIEW = re.compile(r"\d{4}|本|全|开展|整体|[年度]")


def _generic_first_part(doc: Document) -> Section | None:
    """The first part when its name says only that it reports the work (一、2023年政府信息公开
    工作情况, 一、工作开展情况): the overview under another name, whatever parts follow."""
    parts = top_parts(doc)
    if not parts or heading_keys(parts[0].heading.title):
        return None
    stem = _GENERIC_OVERVIEW.sub("", part_stem(parts[0].heading.title))
    return parts[0] if not stem else None


def _inside(section: Section | None, line: int) -> bool:
    return section is not None and section.heading.line <= line <= section.last_line


def _find_inline(doc: Document, key: str) -> tuple[int, int, int] | None:
    if doc.facts.edition != "2007":
        for section in doc.outline.walk():
            if section.heading.level > doc.outline.sections[0].heading.level and (
                key in heading_keys(section.heading.title)
            ):
                h = section.heading
                return h.line, h.start, h.title_end
    if key == "overview":
        preamble = "".join(doc.lines[i].norm for i in doc.outline.preamble)
        if len(preamble) >= 150 and doc.outline.preamble:
            return doc.outline.preamble[0], *doc.line_span(doc.outline.preamble[0])
        return None
    declared = doc.facts.declared_span  # the opening's list of parts names them, no content
    for index in _inline_lines(doc):
        line = doc.lines[index]
        span = content_match(key, line.norm)
        if span:
            start, end = line.orig_span(*span)
            if declared and declared[0] <= start and end <= declared[1]:
                continue
            return index, start, end
    return None


# Rule-page examples: a department's 2023 report and its six parts in the format's order.
_TITLE_2023 = "某某市统计局2023年政府信息公开工作年度报告\n"
_SIX_PARTS = (
    "一、总体情况\n……\n二、主动公开政府信息情况\n……\n三、收到和处理政府信息公开申请情况\n……\n"
    "四、政府信息公开行政复议、行政诉讼情况\n……\n五、存在的主要问题及改进情况\n……\n"
    "六、其他需要报告的事项\n……"
)


def _names(key: str) -> dict[str, str]:
    zh, en = NAMES[key]
    return {"name_zh": zh, "name_en": en}


class MissingSection(Check):
    code = "S001"
    name = "missing-section"
    severity = Severity.ERROR
    messages: ClassVar[dict[str, Message]] = {
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
        why_en="Art. 32 (2007) and Art. 50 (2019) of the regulation list what the report must "
        "contain.",
        fires=_TITLE_2023 + "一、总体情况\n……\n二、主动公开政府信息情况\n……",
        passes=_TITLE_2023 + _SIX_PARTS,
    )

    def run(self, doc: Document) -> Iterator[Diagnostic]:
        for key in doc.derived(analyse).missing:
            severity = Severity.WARNING if key == "other" else None
            yield self.diagnostic(0, 0, data={"section": key}, severity=severity, **_names(key))


class SectionNotHeaded(Check):
    code = "S008"
    name = "section-not-headed"
    severity = Severity.WARNING
    messages: ClassVar[dict[str, Message]] = {
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
        why_en="The format lists each part separately; content hidden in another part is easily "
        "missed.",
        fires=_TITLE_2023 + "一、总体情况\n本年度共收到政府信息公开申请12件，均按期答复。\n"
        "二、主动公开政府信息情况\n……\n三、政府信息公开行政复议、行政诉讼情况\n……\n四、存在的主要"
        "问题及改进情况\n……\n五、其他需要报告的事项\n……",
        passes=_TITLE_2023 + _SIX_PARTS,
    )

    def run(self, doc: Document) -> Iterator[Diagnostic]:
        for key, (_, start, end) in doc.derived(analyse).inline.items():
            found_line = doc.source.position(start)[0]  # a line of the file the user has
            yield self.diagnostic(
                start,
                end,
                data={"section": key, "found_line": found_line},
                found_line=found_line,
                **_names(key),
            )


# --- the numbered outline: top-level parts and numbering runs ------------------------------


_ANNEX = re.compile(r"附(?:件|表|录)")
# A line opening the report's attachments (附件：1.统计表, 附表2): after the last part, and
# not its content; the annex numbers its own headings from 一 again.
_ANNEX_LINE = re.compile(r"\s*附(?:件|表|录)\s*\d*\s*(?::|$)")


def top_parts(doc: Document) -> list[Section]:
    """The report's parts: the top-level sections in the outermost level, up to a restart of
    its numbering (a second 一、 run after 六、 is mis-styled sub-items: S003). Unnumbered part
    headings count; an annex (八、附件, 附表) is not a part of the report."""
    sections = doc.outline.sections
    if not sections:
        return []
    level = min(s.heading.level for s in sections)
    parts: list[Section] = []
    last = 0
    for section in sections:
        h = section.heading
        if h.level != level:
            continue
        if h.number:
            if h.number <= last:
                break
            last = h.number
        if not _ANNEX.match(h.title):
            parts.append(section)
    return parts


class Break(NamedTuple):
    """The first heading of a run whose number does not follow: where, what was due."""

    heading: Heading
    expected: int


def _line_above(doc: Document, heading: Heading) -> int | None:
    return next((i for i in range(heading.line - 1, -1, -1) if doc.lines[i].norm.strip()), None)


def _opens_list(doc: Document, heading: Heading, heading_lines: set[int]) -> bool:
    """A body line ending in a colon just above the heading: 改进措施：then 1. starts a new list."""
    above = _line_above(doc, heading)
    return (
        above is not None
        and above not in heading_lines
        and doc.lines[above].norm.rstrip().endswith(":")
    )


def _new_item_list(before: Section, section: Section, items: set[int]) -> bool:
    """A list item 1. after list items and a line of text: 1.…。2.…。下一步将 1.…。 starts a
    second list, not a restart (a heading 1. with its own body text is not an item)."""
    return before.heading.line in items and section.heading.line in items and bool(before.body)


def _annex_between(doc: Document, start: int, end: int) -> bool:
    """An annex opens between two lines: its headings number themselves (附件 then 一、)."""
    return any(_ANNEX_LINE.match(doc.lines[i].norm) for i in range(start + 1, end))


def _item_pattern(style: str, number: int) -> re.Pattern[str] | None:
    """A list item's number as it appears inside a (normalised) line."""
    cn = int_to_cn(number)
    return {
        "cn": re.compile(rf"(?<![{CN_NUMERAL_CHARS}]){cn}\s*[、.]"),
        "cn_paren": re.compile(rf"\(\s*{cn}\s*\)"),
        "arabic": re.compile(rf"(?<![\d.]){number}\s*[、.](?!\d)"),
        "arabic_paren": re.compile(rf"\(\s*{number}\s*\)"),
        "arabic_half": re.compile(rf"(?<![\d(]){number}\s*\)"),
        "circled": re.compile(CIRCLED[number - 1]) if number <= len(CIRCLED) else None,
    }.get(style)


def _continues_inline(doc: Document, heading: Heading) -> bool:
    """The item before this one sits inside the line above: 主要措施有：（1）加强…… then （2）."""
    above = _line_above(doc, heading)
    pattern = _item_pattern(heading.style, heading.number - 1) if heading.number > 1 else None
    return above is not None and pattern is not None and bool(pattern.search(doc.lines[above].norm))


def unnumbered_slots(doc: Document) -> dict[int, tuple[Heading, int]]:
    """For each unnumbered part heading among numbered siblings (一、二、[依申请公开情况]四、), a
    numbered sibling to model its marker on and the number it stands in for (三)."""
    slots: dict[int, tuple[Heading, int]] = {}

    def visit(children: list[Section]) -> None:
        for level in {s.heading.level for s in children if s.heading.style == UNNUMBERED}:
            peers = [s.heading for s in children if s.heading.level == level]
            model = next((h for h in peers if h.style != UNNUMBERED), None)
            last = 0
            for h in peers:
                if model is None:
                    break
                if h.style == model.style:
                    last = h.number
                elif h.style == UNNUMBERED:
                    last += 1
                    slots[h.line] = (model, last)
        for section in children:
            visit(section.children)

    visit(doc.outline.sections)
    return slots


def numbering_breaks(doc: Document) -> list[Break]:
    """The first break in each run of sibling headings of one style. A run under a new parent
    starts at 1 again, continues its cousins' numbers ((一)1.2. (二)3.4.), or continues an
    item run into the line above; a body line ending in a colon, or any text between two
    lists of items (``list_items``), may start a new list at 1.
    An unnumbered part heading among numbered ones takes the next number (S004 reports it)."""
    heading_lines = {h.line for h in doc.outline.headings()}
    slots = doc.derived(unnumbered_slots)
    items = doc.derived(list_items)
    breaks: list[Break] = []

    def check(children: list[Section], cousins: dict[str, int]) -> dict[str, int]:
        last: dict[str, int] = {}
        previous: dict[str, Section] = {}
        broken: set[str] = set()
        below: dict[str, int] = {}
        for section in children:
            h = section.heading
            if h.style == UNNUMBERED:  # no number to check; its sub-headings are checked
                if h.line in slots:
                    model, number = slots[h.line]
                    last[model.style] = number
                below = check(section.children, below)
                continue
            if h.style in last:
                expected = last[h.style] + 1
                ok = h.number == expected or (
                    h.number == 1
                    and (
                        _opens_list(doc, h, heading_lines)
                        or _new_item_list(previous[h.style], section, items)
                        or _annex_between(doc, previous[h.style].heading.line, h.line)
                    )
                )
            else:
                expected = 1
                ok = h.number in (1, cousins.get(h.style, 0) + 1) or _continues_inline(doc, h)
            if not ok and h.style not in broken:
                breaks.append(Break(h, expected))
                broken.add(h.style)
            last[h.style] = h.number
            previous[h.style] = section
            below = check(section.children, below)
        return last

    check(doc.outline.sections, {})
    return breaks


# --- S002 -----------------------------------------------------------------------------------


class OutlineComparison(NamedTuple):
    declared_count: int | None
    declared: list[str]
    actual: list[str]
    missing: list[str]  # declared parts without a top-level heading
    extra: list[str]  # top-level headings the declaration does not name


def _names_a_part(name: str) -> bool:
    """A declared name that can head a part: words, not an annex (……以及附表)."""
    words = re.sub(rf"[\W_{CN_NUMERAL_CHARS}\d]+", "", name)
    return bool(words) and not _ANNEX.match(words)


def compare_declaration(doc: Document) -> OutlineComparison | None:
    """The preamble's declared parts against the top-level headings, by meaning."""
    facts = doc.facts
    if not (facts.declared_count or facts.declared_names):
        return None
    actual = [s.heading.title for s in top_parts(doc)]
    declared = [name for name in facts.declared_names if _names_a_part(name)]
    missing = [d for d in declared if not any(same_part(d, a) for a in actual)]
    extra = [a for a in actual if declared and not any(same_part(d, a) for d in declared)]
    return OutlineComparison(facts.declared_count, declared, actual, missing, extra)


class OutlineMismatch(Check):
    code = "S002"
    name = "outline-mismatch"
    severity = Severity.WARNING
    messages: ClassVar[dict[str, Message]] = {
        "count": Message(
            "开头称报告由{declared_count}个部分组成，但一级标题有{actual_count}个",
            "The opening declares {declared_count} parts, but there are {actual_count} top-level "
            "headings",
        ),
        "missing": Message(
            "开头列出的“{names}”在正文中没有对应的一级标题",
            "The opening lists '{names}', but no top-level heading covers it",
        ),
        "extra": Message(
            "一级标题“{names}”不在开头列出的报告组成部分之中",
            "The top-level heading '{names}' is not among the parts the opening lists",
        ),
    }
    help = Message(
        "使开头对报告结构的说明与正文一级标题一致（常见于沿用旧报告的开头）",
        "Make the opening's description match the top-level headings (often an opening kept from "
        "an older report)",
    )
    doc = RuleDoc(
        what_zh="开头说明了报告的组成（“本报告由……组成”“全文包括……七个方面”），但所说的部分数或名"
        "称与一级标题不符。名称按含义比较：法定部分按部分识别，其他部分按词干比较，不要求逐字一致"
        "。data.declared 为 {count, parts}（开头所称的部分数，未写明时为 null；所列部分名称），"
        "data.actual 为 {count, parts}（一级标题数及标题）。",
        what_en="The opening describes the report's parts (本报告由……组成, 全文包括……七个方面), "
        "but the declared number or names do not match the top-level headings. Names are compared "
        "by meaning: statutory parts by section key, others by stem, never letter for letter. "
        "data.declared is {count, parts} (the declared number, null when not stated, and the "
        "listed names); data.actual is {count, parts} (the number of top-level headings and their "
        "titles).",
        why_zh="《政府信息公开条例》第五十条要求年度报告内容准确；国办公开办函〔2021〕30号把“发布"
        "内容不准确不全面”列为追责情形。开头与正文不符，多是照搬旧报告后未改开头。",
        why_en="Art. 50 of the regulation requires an accurate report, and 国办公开办函〔2021〕30"
        "号 holds people accountable for inaccurate content; an opening that describes other parts "
        "is usually kept from an older report.",
        fires="本报告由总体情况、主动公开政府信息情况、重点领域信息公开情况三个部分组成。\n一、总"
        "体情况\n……\n二、主动公开政府信息情况\n……",
        passes="全文包括总体情况和主动公开政府信息情况两个部分。\n一、总体情况\n……\n二、主动公开政府信息情况\n……",
    )

    def run(self, doc: Document) -> Iterator[Diagnostic]:
        found = compare_declaration(doc)
        if found is None or not found.actual:
            return
        data = {
            "declared": {"count": found.declared_count, "parts": found.declared},
            "actual": {"count": len(found.actual), "parts": found.actual},
        }
        start, end = doc.facts.declared_span or (0, 0)
        if found.declared_count and found.declared_count != len(found.actual):
            yield self.diagnostic(
                start,
                end,
                "count",
                data=data,
                declared_count=found.declared_count,
                actual_count=len(found.actual),
            )
        elif found.missing:
            yield self.diagnostic(start, end, "missing", data=data, names="、".join(found.missing))
        elif found.extra:
            yield self.diagnostic(start, end, "extra", data=data, names="、".join(found.extra))


# --- S003 -----------------------------------------------------------------------------------

_FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


def _digits_like(written: str, number: int) -> str:
    """``number`` in the digits ``written`` uses: full-width (４) or ASCII (4)."""
    digits = str(number)
    return digits.translate(_FULL_WIDTH_DIGITS) if "０" <= written[0] <= "９" else digits


def _marker_for(heading: Heading, number: int) -> str:
    """The heading's marker with another number, written the way the heading writes it."""
    marker = heading.marker
    if heading.style == "circled":
        return CIRCLED[number - 1] if 0 < number <= len(CIRCLED) else str(number)
    if heading.style in ("arabic", "arabic_paren", "arabic_half"):
        return re.sub(r"\d+", lambda m: _digits_like(m.group(), number), marker, count=1)
    return re.sub(f"[{CN_NUMERAL_CHARS}]+", int_to_cn(number), marker, count=1)


class HeadingSequence(Check):
    code = "S003"
    name = "heading-sequence"
    severity = Severity.ERROR
    messages: ClassVar[dict[str, Message]] = {
        "default": Message(
            "标题编号不连续：此处应为“{expected_marker}”，实为“{found_marker}”",
            "Heading numbers break their sequence: expected '{expected_marker}', found '"
            "{found_marker}'",
        )
    }
    help = Message(
        "按顺序重新编号；如果是上一标题的下级内容，改用下一级编号（如（一）、1.）",
        "Renumber in sequence; if these are sub-items of the heading above, use the next level's "
        "numbering ((一), 1.)",
    )
    doc = RuleDoc(
        what_zh="同一级标题的编号跳号、重号、倒序或在同一上级下重新从一开始（一、二、四；六、之后"
        "又是一、）。不同上级之下重新编号是正常的。每一列编号只报告第一处中断。data.expected、"
        "data.found 为编号数值。",
        what_en="Heading numbers at one level skip, repeat, run backwards or restart under the "
        "same parent (一、二、四; 六、 then 一、). Restarting under a new parent is normal. Only "
        "the first break of each run is reported. data.expected and data.found are the numbers as "
        "integers.",
        why_zh="年度报告格式规定了各部分的编号和顺序（国办公开办函〔2021〕30号）；编号错乱使读者和"
        "评估者无法按部分查找内容，也常说明有内容被删漏或层级写错。",
        why_en="The report format fixes the parts' numbering and order (国办公开办函〔2021〕30号); "
        "broken numbering makes parts hard to find and often shows a deleted part or a wrong "
        "heading level.",
        fires="一、总体情况\n……\n二、主动公开政府信息情况\n……\n四、政府信息公开行政复议、行政诉讼情况\n……",
        passes="一、总体情况\n（一）主动公开\n……\n（二）依申请公开\n……\n二、主动公开政府信息情况\n（一）规章\n……",
    )

    def run(self, doc: Document) -> Iterator[Diagnostic]:
        for brk in doc.derived(numbering_breaks):
            h = brk.heading
            yield self.diagnostic(
                h.start,
                h.start + len(h.marker),
                data={"expected": brk.expected, "found": h.number},
                expected_marker=_marker_for(h, brk.expected),
                found_marker=h.marker,
            )


# --- S004 -----------------------------------------------------------------------------------

_CN_NUM = f"[{CN_NUMERAL_CHARS}]+"
_WELL_FORMED = {
    "part": re.compile(rf"第{_CN_NUM}(?:部分|章)[:：]?"),
    "cn": re.compile(rf"{_CN_NUM}、"),
    "cn_paren": re.compile(rf"（{_CN_NUM}）|\({_CN_NUM}\)"),
    "arabic": re.compile(r"\d+[、.．]"),
    "arabic_paren": re.compile(r"（\d+）|\(\d+\)"),
    "arabic_half": re.compile(r"\d+[）)]"),
    "circled": re.compile(f"[{CIRCLED}]"),
}


def _canonical(heading: Heading) -> str:
    """The well-formed marker for a heading (used in messages)."""
    n = heading.number
    return {
        "part": f"第{int_to_cn(n)}部分",
        "cn": f"{int_to_cn(n)}、",
        "cn_paren": f"（{int_to_cn(n)}）",
        "arabic": f"{n}.",
        "arabic_paren": f"（{n}）",
        "arabic_half": f"{n}）",
        "circled": CIRCLED[n - 1] if 0 < n <= len(CIRCLED) else str(n),
    }[heading.style]


def _variant(heading: Heading, marker: str) -> tuple[str, str] | None:
    """(family, variant) of a well-formed marker where the report should be consistent:
    full- or half-width brackets, 1、 or 1. for Arabic numbers, 1） or 1) for half brackets."""
    if heading.style in ("cn_paren", "arabic_paren"):
        return "bracket", "（）" if marker.startswith("（") else "()"
    if heading.style == "arabic":
        return "arabic", "、" if marker.endswith("、") else "."
    if heading.style == "arabic_half":
        return "half_bracket", "）" if marker.endswith("）") else ")"
    return None


def style_findings(doc: Document) -> list[tuple[Heading, str, str]]:
    """(heading, message key, suggested marker) for each malformed or inconsistent marker."""
    found: list[tuple[Heading, str, str]] = []
    variants: dict[str, list[tuple[Heading, str]]] = {}
    for heading in doc.outline.headings():
        if heading.style == UNNUMBERED:
            continue
        marker = re.sub(r"\s+", "", heading.marker)
        if not _WELL_FORMED[heading.style].fullmatch(marker):
            found.append((heading, "malformed", _canonical(heading)))
            continue
        variant = _variant(heading, marker)
        if variant:
            variants.setdefault(variant[0], []).append((heading, variant[1]))
    slots = doc.derived(unnumbered_slots)
    for heading in doc.outline.headings():
        if heading.line in slots:
            model, number = slots[heading.line]
            found.append((heading, "unnumbered", _marker_for(model, number)))
    for seen in variants.values():
        counts = Counter(v for _, v in seen)
        if len(counts) < 2:
            continue
        order = [v for _, v in seen]
        house = max(counts, key=lambda v: (counts[v], -order.index(v)))
        for heading, variant in seen:
            if variant != house:
                marker = re.sub(r"\s+", "", heading.marker)
                if house in ("（）", "()"):
                    suggested = house[0] + marker[1:-1] + house[1]
                else:  # the closing mark: 1、 or 1., 1） or 1)
                    suggested = marker[:-1] + house
                found.append((heading, "mixed", suggested))
    return sorted(found, key=lambda f: f[0].start)


class HeadingStyle(Check):
    code = "S004"
    name = "heading-style"
    severity = Severity.WARNING
    messages: ClassVar[dict[str, Message]] = {
        "malformed": Message(
            "标题编号“{found}”格式不规范，应为“{suggested}”",
            "Malformed heading number '{found}'; write '{suggested}'",
        ),
        "mixed": Message(
            "标题编号“{found}”与全文其他同类编号的写法不一致，应为“{suggested}”",
            "Heading number '{found}' is written unlike the rest of the report; "
            "write '{suggested}'",
        ),
        "unnumbered": Message(
            "标题“{title}”没有编号，与同级的其他标题不一致，应为“{suggested}{title}”",
            "The heading '{title}' has no number, unlike the other headings at its level; write "
            "'{suggested}{title}'",
        ),
    }
    help = Message(
        "标题序号按“一、”“（一）”“1.”“（1）”的规范写法，全文统一",
        "Number headings as 一、, （一）, 1., （1）, consistently throughout the report",
    )
    doc = RuleDoc(
        what_zh="标题序号的标点不规范或全文不统一：（四）、（括号后多余顿号）、一.（应为一、）、1"
        "、与1.混用、全角（一）与半角(一)混用，或同级标题都有编号而某个部分的标题没有（一、二、"
        "依申请公开情况、四、）。data.found 为原文中的编号（没有编号时为空）。",
        what_en="A heading number's punctuation is malformed or inconsistent: （四）、 (a stray 、 "
        "after the bracket), 一. (for 一、), 1、 and 1. mixed, full-width （一） and half-width ("
        "一) mixed, or one part's heading has no number among numbered siblings (一、二、"
        "依申请公开情况 四、). data.found is the number as written (empty when there is none).",
        why_zh="公文层次序数依次为“一、”“（一）”“1.”“（1）”（GB/T 9704—2012《党政机关公文格式》"
        "7.3.3）；年度报告是正式公开的政府文件，应符合公文规范。",
        why_en="Official documents number their levels 一、, （一）, 1., （1） (GB/T 9704—2012 "
        "§7.3.3); the annual report is a published government document and should follow that "
        "standard.",
        fires="（一）主动公开情况\n……\n（二）、依申请公开情况\n……",
        passes="（一）主动公开情况\n……\n（二）依申请公开情况\n……",
    )

    def run(self, doc: Document) -> Iterator[Diagnostic]:
        for heading, key, suggested in doc.derived(style_findings):
            end = heading.title_end if key == "unnumbered" else heading.start + len(heading.marker)
            yield self.diagnostic(
                heading.start,
                end,
                key,
                data={"found": heading.marker},
                found=heading.marker,
                suggested=suggested,
                title=heading.title,
            )


# --- S005 -----------------------------------------------------------------------------------

_PUNCT = re.compile(r"[\W_]+")


def _runs_on(heading: Heading) -> bool:
    """The heading line carries content itself: a run-in body, or a title that is a sentence."""
    if heading.inline.strip():
        return True
    words = _PUNCT.sub("", heading.title)
    return len(words) >= 26 or (len(words) >= 15 and bool(re.search(r"[,;]", heading.title)))


# A count on a numbered line makes it a list item carrying its content: 1.当面申请21件
_COUNT_IN_TITLE = re.compile(
    r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)\s*(?:件|条|项|个|次|篇|人|期|场|家|份|万?元|%)"
)


def _title_text(doc: Document, heading: Heading) -> str:
    """The normalised line holding the heading's title (the next one after a lone 一、)."""
    line = heading.line if heading.title_line is None else heading.title_line
    return doc.lines[line].norm.rstrip()


def _ends_sentence(doc: Document, heading: Heading) -> bool:
    """The heading's line ends like a sentence: ……；  ……。"""
    return _title_text(doc, heading)[-1:] in ("。", ";", "!", "?")


def list_items(doc: Document) -> set[int]:
    """Lines of numbered list items the outline reads as headings: an item whose line ends like
    a sentence (1.部分部门信息更新不及时；), and every item of a run of sibling items with
    nothing between them when one of them ends like a sentence or each carries a count
    (其中：1.当面申请21件 2.网上申请28件 3.信函申请8件。). A part's heading that ends in 。 at the
    top level is still a heading."""
    items: set[int] = set()
    tops = {id(s) for s in doc.outline.sections}

    def sentence(section: Section) -> bool:
        h = section.heading
        if not _ends_sentence(doc, h):
            return False
        return (
            _title_text(doc, h).endswith(";")
            or id(section) not in tops
            or heading_key(h.title) is None
        )

    def visit(children: list[Section]) -> None:
        run: list[Section] = []
        for section in [*children, None]:
            h = section.heading if section else None
            joins = (
                run
                and h is not None
                and h.style == run[-1].heading.style != UNNUMBERED
                and not (run[-1].body or run[-1].tables or run[-1].children)
            )
            if not joins:
                if len(run) > 1 and (
                    any(sentence(s) for s in run)
                    or all(_COUNT_IN_TITLE.search(s.heading.title) for s in run)
                ):
                    items.update(s.heading.line for s in run)
                run = []
            if section is not None:
                run.append(section)
                if sentence(section):
                    items.add(h.line)
                visit(section.children)

    visit(doc.outline.sections)
    return items


def _is_content(doc: Document, index: int, last_part: int) -> bool:
    """A body line that reports something: not page furniture, nor the list of attachments
    after the last part (附件：1.统计表); inside a part, 附件1：…… points at its content."""
    norm = doc.lines[index].norm
    return not is_chrome(norm) and (index < last_part or _ANNEX_LINE.match(norm) is None)


def empty_sections(doc: Document) -> list[Section]:
    """Sections with no content before the next heading of the same or a higher level (a list
    item carries its content on its line)."""
    empty = []
    sections = list(doc.outline.walk())
    items = list_items(doc)
    parts = top_parts(doc)
    last_part = parts[-1].heading.line if parts else 0
    for index, section in enumerate(sections):
        if section.children or section.tables or _runs_on(section.heading):
            continue
        if section.heading.line in items:
            continue
        if any(_is_content(doc, i, last_part) for i in section.body):
            continue
        after = sections[index + 1].heading if index + 1 < len(sections) else None
        h = section.heading
        if after and after.style == h.style and after.number == 1 < h.number:
            continue  # 六、下一步打算 then 一、二、: its items, numbered at the wrong level (S003)
        empty.append(section)
    return empty


class EmptySection(Check):
    code = "S005"
    name = "empty-section"
    severity = Severity.WARNING
    messages: ClassVar[dict[str, Message]] = {
        "default": Message(
            "标题“{title}”下没有内容",
            "The heading '{title}' has no content under it",
        )
    }
    help = Message(
        "补写这一部分的内容；确实没有情况的，写明“本年度无……”",
        "Write this part's content; when there is nothing to report, say so (本年度无……)",
    )
    doc = RuleDoc(
        what_zh="标题之后、下一个同级或更高级标题之前没有任何内容（标题同一行的正文和下级标题都算"
        "内容）。编号的列表项不是标题：以分号或句号结尾的编号行（1.当面申请21件；），以及一串紧接"
        "着的编号行中有一项这样结尾或每项都带数量的（1.当面申请21件 2.网上申请18件），内容就在本"
        "行。data.section 为能识别时的部分名称键。",
        what_en="A heading with no content before the next heading of the same or a higher level "
        "(a run-in body on the heading line and sub-headings count as content). Numbered list "
        "items are not headings: a numbered line ending like a sentence (1.当面申请21件；), and a "
        "run of adjacent numbered lines of which one ends so or each carries a count (1.当面申请"
        "21件 2.网上申请18件), carry their content on the line. data.section is the section key "
        "when the heading names a known part.",
        why_zh="《政府信息公开条例》第五十条规定年度报告应当包括的内容；只有标题没有内容，该部分等"
        "于未报告，国办公开办函〔2021〕30号要求“不能遗漏”。",
        why_en="Art. 50 of the regulation lists what the report must contain; a heading with "
        "nothing under it reports nothing, and 国办公开办函〔2021〕30号 says no part may be left "
        "out.",
        fires="四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n……",
        passes="四、政府信息公开行政复议、行政诉讼情况\n本年度未发生行政复议、行政诉讼案件。\n五、存在的主要问题及改进情况\n……",
    )

    def run(self, doc: Document) -> Iterator[Diagnostic]:
        for section in doc.derived(empty_sections):
            h = section.heading
            key = heading_key(h.title)
            yield self.diagnostic(
                h.start,
                h.title_end,
                data={"section": key} if key else {},
                title=h.title,
            )


# --- S006 -----------------------------------------------------------------------------------

_TITLE_PARTS = {
    "issuer": ("发布机关", "the issuing body"),
    "year": ("年度", "the year"),
    "name": ("“政府信息公开工作年度报告”", "the name 政府信息公开工作年度报告"),
}


class MissingTitle(Check):
    code = "S006"
    name = "missing-title"
    severity = Severity.WARNING
    messages: ClassVar[dict[str, Message]] = {
        "default": Message(
            "缺少标题：报告开头没有写明机关名称、年度和“政府信息公开工作年度报告”的标题行",
            "No title: the report does not open with a title naming the issuing body, the year and "
            "政府信息公开工作年度报告",
        ),
        "incomplete": Message(
            "标题未写明{missing_zh}",
            "The title does not name {missing_en}",
        ),
    }
    help = Message(
        "标题写作“××（机关名称）××××年政府信息公开工作年度报告”",
        "Title the report ××（issuing body）××××年政府信息公开工作年度报告",
    )
    doc = RuleDoc(
        what_zh="没有写明发布机关、年度和报告名称的标题行。报告名称以《条例》的称谓为准：须含“信息"
        "公开”和“报告”（政府信息公开工作年度报告，也接受省去“政府”“工作”或写作“年报”）；只写“政务"
        "公开工作年度报告”或“工作总结”的不算。繁体字和标题中的空格不影响判断。",
        what_en="No title line naming the issuing body, the year and the report. The report's name "
        "follows the regulation: it must name 信息公开 and a report (政府信息公开工作年度报告; "
        "dropping 政府 or 工作, or 年报 for 年度报告, is accepted); 政务公开工作年度报告 alone or "
        "a 工作总结 is not. Traditional characters and spaces inside the title do not matter.",
        why_zh="《政府信息公开条例》第四十九条、第五十条（2007年版第三十一条、第三十二条）规定各机"
        "关公布本机关的“政府信息公开工作年度报告”；标题是公众和评估者识别报告主体与年度的依据。",
        why_en="Arts. 49–50 of the regulation (arts. 31–32 of 2007) make each body publish its own "
        "政府信息公开工作年度报告; the title is how readers and evaluators tell whose report it is "
        "and for which year.",
        fires="政府信息公开工作年度报告\n本报告根据《中华人民共和国政府信息公开条例》编制。",
        passes="某某市交通运输局2023年政府信息公开工作年度报告\n本报告根据《中华人民共和国政府信息公开条例》编制。",
    )

    def run(self, doc: Document) -> Iterator[Diagnostic]:
        facts = doc.facts
        if not facts.title:
            yield self.diagnostic(0, 0)
            return
        parts = title_parts(facts.title)
        missing = [key for key in _TITLE_PARTS if not getattr(parts, key)]
        if missing:
            start, end = doc.line_span(facts.title_line)
            yield self.diagnostic(
                start,
                end,
                "incomplete",
                missing_zh="、".join(_TITLE_PARTS[k][0] for k in missing),
                missing_en=", ".join(_TITLE_PARTS[k][1] for k in missing),
            )


# --- S007 -----------------------------------------------------------------------------------


def out_of_order(doc: Document) -> list[tuple[str, Section, str, str]]:
    """Required parts out of the format's order: (key, section, "before"/"after", other key)
    for the fewest parts that, moved, restore the order (the longest ordered run stays put)."""
    order = [
        k for k in REQUIRED.get(doc.facts.edition or "", ()) if k not in ("fees", "assessment")
    ]
    headed = doc.derived(analyse).headed
    present = sorted(
        ((s.heading.line, k) for k, s in headed.items() if k in order),
        key=lambda found: (found[0], order.index(found[1])),  # a combined heading in order
    )
    ranks = [order.index(k) for _, k in present]
    keep: tuple[int, ...] = ()
    for size in range(len(ranks), 0, -1):
        ordered = (
            c
            for c in combinations(range(len(ranks)), size)
            if all(ranks[a] < ranks[b] for a, b in pairwise(c))
        )
        keep = next(ordered, ())
        if keep:
            break
    moved = []
    for i, (line, key) in enumerate(present):
        if i in keep:
            continue
        ranked = list(zip(present, ranks, strict=True))
        due_after = [k for (at, k), r in ranked if at < line and r > ranks[i]]
        due_before = [k for (at, k), r in ranked if at > line and r < ranks[i]]
        if due_after:
            moved.append((key, headed[key], "before", due_after[0]))
        elif due_before:
            moved.append((key, headed[key], "after", due_before[-1]))
    return moved


class SectionOrder(Check):
    code = "S007"
    name = "section-order"
    severity = Severity.ERROR
    editions = ("2019", "2021")
    messages: ClassVar[dict[str, Message]] = {
        "after": Message(
            "“{name_zh}”应排在“{other_zh}”之后",
            "'{name_en}' ({name_zh}) must come after '{other_en}' ({other_zh})",
        ),
        "before": Message(
            "“{name_zh}”应排在“{other_zh}”之前",
            "'{name_en}' ({name_zh}) must come before '{other_en}' ({other_zh})",
        ),
    }
    help = Message(
        "按格式顺序编排：总体情况、主动公开、收到和处理申请、行政复议和行政诉讼、存在的主要问题及改进情况、其他需要报告的事项",
        "Follow the format's order: overview, proactive disclosure, applications, review and "
        "litigation, problems and improvements, other matters",
    )
    doc = RuleDoc(
        what_zh="2019、2021年版格式的报告中，法定各部分未按格式规定的顺序排列（总体情况、主动公开"
        "政府信息情况、收到和处理政府信息公开申请情况、行政复议和行政诉讼情况、存在的主要问题及改"
        "进情况、其他需要报告的事项）。只报告需要移动的最少部分。data.section 为该部分的键。",
        what_en="In a report of the 2019 or 2021 format, the required parts are out of the "
        "format's order (overview, proactive disclosure, applications, review and litigation, "
        "problems, other matters). Only the fewest parts that need moving are reported. "
        "data.section is the part's key.",
        why_zh="国办公开办函〔2019〕60号、〔2021〕30号印发的年度报告格式规定了六个部分及其顺序，《"
        "政府信息公开条例》第五十条要求按统一格式编制。",
        why_en="The formats issued by 国办公开办函〔2019〕60号 and 〔2021〕30号 fix the six parts "
        "and their order; art. 50 of the regulation requires the unified format.",
        fires="某某局2023年政府信息公开工作年度报告\n一、总体情况\n……\n二、收到和处理政府信息公开"
        "申请情况\n……\n三、主动公开政府信息情况\n……",
        passes="某某局2023年政府信息公开工作年度报告\n一、总体情况\n……\n二、主动公开政府信息情况\n"
        "……\n三、收到和处理政府信息公开申请情况\n……",
    )

    def run(self, doc: Document) -> Iterator[Diagnostic]:
        for key, section, message, other in doc.derived(out_of_order):
            h = section.heading
            zh, en = NAMES[other]
            yield self.diagnostic(
                h.start,
                h.title_end,
                message,
                data={"section": key},
                other_zh=zh,
                other_en=en,
                **_names(key),
            )
