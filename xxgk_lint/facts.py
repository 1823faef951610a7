"""Report facts computed once per document and shared by checks (and printed in JSON output).

The report year comes from the title, else the statistics period, else the dominant year in
the opening text; the edition follows from the year (rules.md) unless configuration pins it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from .chrome import is_chrome
from .numerals import cn_to_int

if TYPE_CHECKING:
    from .document import Document

_NUM = r"(\d{1,4}|[〇零○O一二三四五六七八九十]{1,4})"
_YEAR = r"(\d{4}|[〇零○O一二三四五六七八九]{4})"
_DATE = rf"{_YEAR}\s*年\s*{_NUM}\s*月\s*(?:{_NUM}\s*日)?"
_DATE_OPT_YEAR = rf"(?:{_YEAR}\s*年\s*)?{_NUM}\s*月\s*(?:{_NUM}\s*日)?"
PERIOD_RANGE = re.compile(
    rf"{_DATE}\s*(?:起|始|开始)?\s*[,]?\s*(?:至|到|—+|–|-|~|～|－)\s*(?:至\s*)?{_DATE_OPT_YEAR}"
)
PERIOD_CONTEXT = re.compile(r"统计|数据|报告期|期限|时限|时段|区间")
PERIOD_KEYWORD_YEAR = re.compile(
    rf"统计(?:期限|时限|时间段?|区间|周期|范围)\s*(?:为|是|:)?\s*{_YEAR}\s*年(?:度|全年)"
)
_TITLE_YEAR = re.compile(rf"{_YEAR}\s*(?:年|年度)")
_OPENING_YEAR = re.compile(rf"(?:^|[。;!?\s]){_YEAR}\s*年(?:度)?\s*(?:[,:]|以来|全年|上半年|我|全)")
_FORWARD = re.compile(r"将|拟|计划|下一步|明年|今后|展望")
_BYLINE_DATE = re.compile(r"(?:发布|成文|更新)(?:时间|日期)\s*[:]?\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_ISSUER_IN_TITLE = re.compile(rf"^(.*?)\s*(?:关于)?{_YEAR}\s*年")
_GOVERNMENT = re.compile(r"(人民政府|政府|[省市县区旗州盟镇乡])$")
_DEPARTMENT = re.compile(r"(办公室|办公厅|局|委员会|委|厅|中心|署|院|会|所|站|部|处|队|馆|司|办)$")
_DECLARATION = re.compile(
    r"(?:由|包括|包含|分为|共分|主要有)\s*(.{4,400}?)\s*(?:等|共)?\s*([\d一二三四五六七八九十]{1,3})\s*个?(?:部分|方面)"
)
_DECLARATION_LIST = re.compile(r"(?:全文|报告|本报告)[^。]{0,10}(?:包括|分为|由)\s*(.{4,400}?)(?:组成|构成)?。")


@dataclass
class Period:
    start: tuple[int, int, int]
    end: tuple[int, int, int]
    start_offset: int  # original span of the stated range
    end_offset: int

    @property
    def year(self) -> int:
        return self.start[0]

    def iso(self, which: str) -> str:
        y, m, d = self.start if which == "start" else self.end
        return f"{y:04d}-{m:02d}-{d:02d}"


@dataclass
class Facts:
    year: int | None = None
    year_source: str | None = None
    edition: str | None = None
    title: str | None = None
    title_line: int | None = None
    title_year: int | None = None
    period: Period | None = None
    text_year: int | None = None
    published: str | None = None  # ISO date
    published_source: str | None = None  # "page" or "signature"
    published_span: tuple[int, int] | None = None
    issuer: str | None = None
    issuer_type: str | None = None  # "government", "department" or None
    declared_count: int | None = None
    declared_names: list[str] = field(default_factory=list)
    declared_span: tuple[int, int] | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "edition": self.edition,
            "title": self.title,
            "issuer": self.issuer,
            "issuer_type": self.issuer_type,
            "period": (
                {"start": self.period.iso("start"), "end": self.period.iso("end")}
                if self.period
                else None
            ),
            "published": self.published,
            "declared_parts": (
                {"count": self.declared_count, "names": self.declared_names}
                if self.declared_count or self.declared_names
                else None
            ),
        }


def to_int(text: str | None) -> int | None:
    if not text:
        return None
    return int(text) if text.isdigit() else cn_to_int(text)


def edition_for_year(year: int) -> str:
    if year >= 2021:
        return "2021"
    if year >= 2019:
        return "2019"
    return "2007"


def _valid(y: int | None, m: int | None, d: int | None) -> bool:
    try:
        date(y or 0, m or 0, d or 0)
        return True
    except (TypeError, ValueError):
        return False


def _last_day(y: int, m: int) -> int:
    for d in (31, 30, 29, 28):
        if _valid(y, m, d):
            return d
    return 31


def find_period(doc: Document) -> Period | None:
    """The stated statistics period: a date range in a sentence about statistics or data."""
    text = doc.view.text
    for m in PERIOD_RANGE.finditer(text):
        sentence_start = max(text.rfind("。", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        sentence_end = min(
            (i for i in (text.find("。", m.end()), text.find("\n", m.end())) if i >= 0),
            default=len(text),
        )
        if not PERIOD_CONTEXT.search(text[sentence_start:sentence_end]):
            continue
        y1, m1, d1, y2, m2, d2 = (to_int(g) for g in m.groups())
        y2 = y2 or y1
        start = (y1, m1, d1 if d1 is not None else 1)
        end = (y2, m2, d2 if d2 is not None else (_last_day(y2, m2) if _valid(y2, m2, 1) else 31))
        o1, o2 = doc.norm_span(m.start(), m.end())
        return Period(start, end, o1, o2)
    m = PERIOD_KEYWORD_YEAR.search(text)
    if m:
        year = to_int(m.group(1))
        o1, o2 = doc.norm_span(m.start(), m.end())
        return Period((year, 1, 1), (year, 12, 31), o1, o2)
    return None


def _year_of(text: str) -> int | None:
    m = _TITLE_YEAR.search(text)
    year = to_int(m.group(1)) if m else None
    return year if year and 1990 <= year <= 2100 else None


def _text_year(doc: Document) -> int | None:
    """The year the body's sentences open with (2022年，我局…), when one year clearly dominates."""
    counts: Counter[int] = Counter()
    for index in doc.body_lines():
        norm = doc.lines[index].norm
        for m in _OPENING_YEAR.finditer(norm):
            sentence = norm[m.start() : norm.find("。", m.end()) if "。" in norm[m.end() :] else None]
            if _FORWARD.search(sentence[:40]):
                continue
            year = to_int(m.group(1))
            if year and 1990 <= year <= 2100:
                counts[year] += 1
    if not counts:
        return None
    (year, n), *rest = counts.most_common()
    if rest and rest[0][1] * 2 > n:
        return None
    return year


def _opening_year(doc: Document) -> int | None:
    lines = doc.body_lines()[:8]
    counts = Counter(
        y
        for i in lines
        for m in _TITLE_YEAR.finditer(doc.lines[i].norm)
        if (y := to_int(m.group(1))) and 1990 <= y <= 2100
    )
    return counts.most_common(1)[0][0] if counts else None


def _publication(doc: Document, facts: Facts) -> None:
    for line in doc.lines:
        if line.index in doc.outline.front or is_chrome(line.norm):
            m = _BYLINE_DATE.search(line.norm)
            if m and _valid(*map(int, m.groups())):
                y, mo, d = map(int, m.groups())
                facts.published = f"{y:04d}-{mo:02d}-{d:02d}"
                facts.published_source = "page"
                facts.published_span = line.orig_span(m.start(), m.end())
                return
    sig = doc.outline.signature
    if sig:
        line = doc.lines[sig.date_line]
        nums = re.findall(r"\d{1,4}|[〇零○O一二三四五六七八九十]+", re.sub(r"\s+", "", line.norm))
        parts = [to_int(n) for n in nums[:3]]
        if len(parts) == 3 and _valid(*parts):
            facts.published = "{:04d}-{:02d}-{:02d}".format(*parts)
            facts.published_source = "signature"
            facts.published_span = doc.line_span(sig.date_line)


def _issuer(doc: Document, facts: Facts) -> None:
    candidates = []
    if facts.title:
        m = _ISSUER_IN_TITLE.match(facts.title)
        if m and m.group(1):
            candidates.append(m.group(1))
    sig = doc.outline.signature
    if sig and sig.issuer_line is not None:
        candidates.append(doc.lines[sig.issuer_line].norm.strip())
    for name in candidates:
        name = re.sub(r"\s+", "", name)
        facts.issuer = facts.issuer or name
        if _DEPARTMENT.search(name) and not name.endswith("人民政府"):
            facts.issuer_type = "department"
            return
        if _GOVERNMENT.search(name):
            facts.issuer_type = "government"
            return


def _declaration(doc: Document, facts: Facts) -> None:
    """The preamble's own list of the report's parts (本报告由……N个部分组成)."""
    for index in [*doc.outline.front, *doc.outline.preamble][:12]:
        line = doc.lines[index]
        m = _DECLARATION.search(line.norm)
        names_text = None
        if m:
            names_text, facts.declared_count = m.group(1), to_int(m.group(2))
            span = m.span()
        else:
            m = _DECLARATION_LIST.search(line.norm)
            if not m:
                continue
            names_text, span = m.group(1), m.span()
        names_text = re.sub(r"^(?:本报告|报告|全文)?\s*(?:由|包括|包含|分为)?", "", names_text)
        names = [n.strip() for n in re.split(r"[、,;]|以及|和(?=[^和]{4,})|及(?=其他)", names_text)]
        facts.declared_names = [n for n in names if len(n) >= 2]
        facts.declared_span = line.orig_span(*span)
        return


def compute_facts(doc: Document) -> Facts:
    facts = Facts()
    outline = doc.outline
    if outline.title_line is not None:
        facts.title_line = outline.title_line
        facts.title = doc.lines[outline.title_line].norm.strip()
        facts.title_year = _year_of(facts.title)
    facts.period = find_period(doc)
    facts.text_year = _text_year(doc)
    pinned = doc.settings.year
    if pinned:
        facts.year, facts.year_source = pinned, "config"
    elif facts.title_year:
        facts.year, facts.year_source = facts.title_year, "title"
    elif facts.period:
        facts.year, facts.year_source = facts.period.year, "period"
    else:
        facts.year = _opening_year(doc)
        facts.year_source = "text" if facts.year else None
    if doc.settings.edition:
        facts.edition = doc.settings.edition
    elif facts.year:
        facts.edition = edition_for_year(facts.year)
    else:
        facts.edition = "2021" if "第二十条第" in doc.view.text else "2007"
    _publication(doc, facts)
    _issuer(doc, facts)
    if doc.settings.issuer:
        facts.issuer_type = doc.settings.issuer
    _declaration(doc, facts)
    return facts
