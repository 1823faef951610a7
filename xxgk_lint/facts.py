"""Report facts computed once per document and shared by checks (and printed in JSON output).

The report year comes from the title, else the statistics period, else the dominant year in
the opening text; the edition follows from the year (rules.md) unless configuration pins it.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from .chrome import holds_chrome, is_chrome
from .numerals import cn_to_int
from .outline import signature_date
from .sectionkeys import heading_key

if TYPE_CHECKING:
    from .document import Document

_NUM = r"(\d{1,4}|[〇零○O一二三四五六七八九十]{1,4})"
_MONTH = r"(\d{1,2}|元|[一二三四五六七八九十]{1,3})"
# A year in digits or in Chinese numerals (二〇一二, and 二0一二 with a stray ASCII zero).
_YEAR = r"(\d{4}|[〇零○O0一二三四五六七八九]{4})"
_TO = r"\s*(?:起|始|开始)?\s*,?\s*(?:至|到|—+|–|―|-|~)\s*(?:至\s*)?"
# A day, with the hour some periods add (1月1日0时至12月31日24时)
_HOUR = r"(?:\s*(?:\d{1,2}|[零〇一二三四五六七八九十]{1,3})\s*[时点](?:\s*\d{1,2}\s*分)?)?"
_DAY_MARK = rf"\s*[日号]{_HOUR}"
_DATE = rf"{_YEAR}\s*年\s*{_MONTH}\s*月份?\s*(?:{_NUM}{_DAY_MARK})?"
_DATE_OPT_YEAR = rf"(?:{_YEAR}\s*年\s*)?{_MONTH}\s*月份?\s*(?:{_NUM}{_DAY_MARK})?"
# The forms a statistics period is stated in. Each yields (y1, m1, d1, y2, m2, d2), any of
# which may be missing (a missing end year is the start year; a missing day is the first or
# the last of its month).
PERIOD_RANGE = re.compile(rf"{_DATE}{_TO}{_DATE_OPT_YEAR}")  # 2012年1月1日至12月31日
_NUMERIC_RANGE = re.compile(  # 2012.1.1-2012.12.31, 2012-01-01至2012-12-31, 2012/1/1—12/31
    r"(?<!\d)(\d{4})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?!\d)"
    + _TO
    + r"(?:(\d{4})\s*[./-]\s*)?(\d{1,2})\s*[./-]\s*(\d{1,2})(?!\d)"
)
_MONTH_RANGE = re.compile(  # 2012年1-12月, 2012年度1至12月, 二〇一二年一至十二月
    rf"{_YEAR}\s*年度?\s*(?:的\s*)?{_MONTH}\s*(?:月份?)?{_TO}{_MONTH}\s*月份?"
    rf"(?!\s*{_NUM}{_DAY_MARK})"
)
_BARE_RANGE = re.compile(  # 1月1日至12月31日, 1-12月: the year is the report's
    rf"(?<![\d年〇零○一二三四五六七八九十./-])(?:{_MONTH}\s*月份?\s*{_NUM}{_DAY_MARK}{_TO}"
    rf"{_MONTH}\s*月份?\s*{_NUM}{_DAY_MARK}|{_MONTH}\s*(?:月份?)?{_TO}{_MONTH}\s*月份?"
    rf"(?!\s*{_NUM}{_DAY_MARK}))"
)
_YEAR_RANGE = re.compile(  # 2012年至2013年, 2013-2014学年: whole years, whole academic years
    rf"{_YEAR}\s*(?:年度?)?{_TO}{_YEAR}\s*(年度?|学年度?)(?!\s*(?:{_MONTH}|\d)\s*月)"
)
# A sentence about the period: strong cues name the period itself (统计期限, 所列数据, 起止);
# weak ones only the statistics. The long-standing 年月日 range form is read in either; the
# others, which also write ordinary dates and month spans, only in a sentence naming the period.
_STRONG_CONTEXT = re.compile(
    r"期限|时限|报告期|时段|区间|起止|所列数据|所涉数据|所用数据|使用数据|"
    r"统计(?:期间|时间|周期|范围|口径)|数据(?:的)?(?:时间|期间|范围|统计期)"
)
PERIOD_CONTEXT = re.compile(r"统计|数据|报告期|期限|时限|时段|区间|起止")
PERIOD_KEYWORD_YEAR = re.compile(
    rf"(?:统计|数据)(?:的)?(?:期限|时限|期间|时间段?|区间|周期|范围|时段)\s*(?:为|是|:|均为)?\s*"
    rf"{_YEAR}\s*(?:年度|年)\s*(?:全年|全年度)?(?!\s*(?:(?:{_MONTH}|\d)\s*)?(?:月|[-—~至到]))"
)
# 2013-2014学年, 2013—2014学年度, 2013至2014学年, 2013-14学年: a university's academic year.
_ACADEMIC_YEAR = re.compile(
    rf"{_YEAR}\s*年?\s*(?:-|—+|–|~|至|到|/)\s*(\d{{2}}|{_YEAR})\s*年?\s*学年"
)
_TITLE_YEAR = re.compile(rf"{_YEAR}\s*(?:年度|年)")
_OPENING_YEAR = re.compile(rf"(?:^|[。;!?\s]){_YEAR}\s*年(?:度)?\s*(?:[,:]|以来|全年|上半年|我|全)")
_FORWARD = re.compile(r"将|拟|计划|下一步|明年|今后|展望")
# Words that make a later year's sentence a plan: 2013年，继续加强…, 2013年，要进一步…
_PLAN = re.compile(
    r"将|要|拟|计划|继续|进一步|下一步|下步|明年|今后|展望|力争|争取|着力|着重|重点|打算|预计|"
    r"目标|努力|谋划|部署|安排"
)
# Words that make an earlier year's sentence a comparison or history, not last year's text
# left in: 比2011年, 较上年, 同比, 自2008年以来, 截至2011年底, and the rectification of last
# year's problems the 2021 format asks for (2021年……问题，已整改)
_COMPARISON = re.compile(
    r"同比|环比|相比|相较|对比|(?:比|较|与|和|同)\s*(?:上一?年|去年|前一?年|上年度|同期|\d{4}\s*年)"
)
_HISTORY = re.compile(r"以来|至今|截至|截止|此前|之前|历年|往年|先后|始于|起步|曾经|当时|那年|整改")
_ANY_YEAR = re.compile(rf"{_YEAR}\s*年")
_SENTENCE_END = re.compile(r"[。!?]")
_BYLINE_DATE = re.compile(
    r"(?:发布|公布|公开)(?:时间|日期)\s*[:|]?\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})"
)
# The report as the 条例 names it (arts. 31 and 49: 政府信息公开工作年度报告). A title may
# drop 政府 or 工作 or write 年报, but must name 信息公开 and a report: 政务公开工作总结 is
# another paper.
REPORT_NAME = re.compile(r"(?:政府)?信息公开(?:工作)?的?(?:年度)?(?:工作)?(?:报告|年报)")
_ANY_REPORT_NAME = re.compile(
    r"(?:(?:政府)?信息公开|政务公开|政务公开和政府信息公开|政务公开暨政府信息公开)?(?:工作)?的?"
    r"(?:年度)?(?:工作)?(?:报告|年报|总结|情况总结)"
)
_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]|〔\s*〕")
# A notice that transmits the report: 关于印发……报告的通知
_TRANSMITS = re.compile(r"^(?:印发|公布|发布|转发|公开)")
_BRACKET_YEAR = re.compile(rf"\(\s*{_YEAR}\s*\)")  # ……年度报告（2023）
_YEAR_LINE = re.compile(rf"\(?\s*{_YEAR}\s*(?:年度?)?\s*\)?")
_NOT_A_NAME = re.compile(r"[。,;:!?|>]|\d")
# Issuers by the ending of their name. A 人民政府办公室 is a department of its government; a
# 街道办事处 or 乡镇 is a government level (art. 49 gives its report no department deadline);
# a 管委会 is either, and courts, institutes or companies are neither: the name does not tell.
_LOCAL_GOVERNMENT = re.compile(
    r"(?:街道办事处|街道办|街道|(?:区|园|新区|园区|景区|片区)(?:管委会|管理委员会))$"
)
"""Sub-district offices (a government's report) and zone committees (开发区管委会: either)."""
_DEPARTMENT = re.compile(r"(?:办公室|办公厅|局|委员会|委|厅|中心|署|所|站|部|处|队|馆|司|办|室)$")
_GOVERNMENT = re.compile(r"(?:人民政府|政府|[省市县区旗州盟镇乡])$")
_DECLARATION = re.compile(
    r"(?:本年度报告|年度报告|本报告|报告全文|报告|全文|本年报)\s*(?:内容)?\s*(?:主要)?\s*(?:共)?\s*"
    r"(?:由|包括|包含|分为|分成|共分|涵盖|含)"
)
_DECLARED_COUNT = re.compile(
    r"(?:以下|如下)?\s*([\d一二三四五六七八九十两]{1,3})\s*个?\s*(?:部分|方面|板块|章节|章)"
)
_LIST_END = re.compile(r"\s*(?:等|共|这|计)?\s*$|\s*(?:等)?\s*(?:组成|构成|内容)\s*$")
_LIST_SEPARATOR = re.compile(r"(以及|[、,;]|和|及|与)")
_ITEM_NUMBER = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+\s*[是、.]|\(?\s*[一二三四五六七八九十\d]+\s*\)|\d+\s*[.、])\s*"
)


# An item number opening a list item: at the start or after a separator (：一、A；二、B).
_LIST_MARK = re.compile(
    r"(?:(?:^|(?<=[;,、:\s和及与])|(?<=以及))\s*(?:[一二三四五六七八九十]{1,3}\s*[、.]|"
    r"\d{1,2}\s*[.、](?!\d))|\(\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*\))\s*"
)
_ITEM_EDGES = re.compile(r"^[\s;,、:.]+|[\s;,、:.]*(?:以及|和|及|与)?[\s;,、:.]*$")


class Period(NamedTuple):
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
    academic_year: int | None = None  # first year of the 学年 the title names (universities)
    text_year: int | None = None
    year_sentences: list[YearSentence] = field(default_factory=list)
    published: str | None = None  # ISO date, or ISO month when signed without the day
    published_source: str | None = None  # "page" or "signature"
    published_span: tuple[int, int] | None = None
    issuer: str | None = None
    issuer_type: str | None = None  # "government", "department" or None
    declared_count: int | None = None
    declared_names: list[str] = field(default_factory=list)
    declared_span: tuple[int, int] | None = None  # the declaring sentence

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
    if text.isdigit():
        return int(text)
    if text == "元":  # 元月: the first month
        return 1
    return cn_to_int(text.replace("0", "〇"))  # 二0一二: a stray ASCII zero among numerals


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


def _period_of(groups: tuple[str | None, ...], year: int | None = None) -> tuple | None:
    """Start and end of a range read as (y1, m1, d1, y2, m2, d2): a missing end year is the
    start year, a missing start day the 1st, a missing end day the last of its month."""
    y1, m1, d1, y2, m2, d2 = (to_int(g) for g in groups)
    y1 = y1 or year
    if y1 is None or m1 is None or m2 is None:
        return None
    y2 = y2 or y1
    start = (y1, m1, d1 if d1 is not None else 1)
    end = (y2, m2, d2 if d2 is not None else (_last_day(y2, m2) if _valid(y2, m2, 1) else 31))
    return start, end


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence (between 。 or line breaks) holding text[start:end]."""
    first = max(text.rfind("。", 0, start), text.rfind("\n", 0, start)) + 1
    last = min(
        (i for i in (text.find("。", end), text.find("\n", end)) if i >= 0), default=len(text)
    )
    return first, last


def _read_numeric(g: tuple) -> tuple:
    return g[0], g[2], g[3], g[4], g[5], g[6]


def _read_month_range(g: tuple) -> tuple:
    return g[0], g[1], None, None, g[2], None


def _read_year_range(g: tuple) -> tuple:
    if g[2].startswith("学"):  # a 学年 runs from 1 September to 31 August
        return g[0], "9", "1", g[1], "8", "31"
    return g[0], "1", "1", g[1], "12", "31"


def _read_bare(g: tuple) -> tuple:
    if g[0] is not None:  # 1月1日至12月31日
        return None, g[0], g[1], None, g[2], g[3]
    return None, g[4], None, None, g[5], None  # 1-12月


def _period_candidates(text: str, year_hint: int | None):
    """(rank, start, end, span) of every stated range that reads as a period; the lowest
    rank is the best: a range with its year before one borrowing the report's year, then a
    range in a sentence naming the period before one in a sentence only about statistics, a
    stated range before a bare year, the first before the others."""
    for pattern, form_rank in ((PERIOD_RANGE, 0), (PERIOD_KEYWORD_YEAR, 1)):
        for m in pattern.finditer(text):
            first, last = _sentence_bounds(text, *m.span())
            if _STRONG_CONTEXT.search(text, first, last):
                context_rank = 0
            elif PERIOD_CONTEXT.search(text, first, last):
                context_rank = 1
            else:
                continue
            groups = m.groups()
            if form_rank == 1:
                groups = (groups[0], "1", "1", groups[0], "12", "31")
            found = _period_of(groups)
            if found:
                yield (False, context_rank, form_rank, m.start()), *found, m.span()
    # The other forms also write ordinary dates and month spans: they count only in a
    # sentence naming the period, so only those sentences are searched.
    done = -1
    for cue in _STRONG_CONTEXT.finditer(text):
        if cue.start() < done:
            continue
        first, last = _sentence_bounds(text, cue.start(), cue.end())
        done = last
        for pattern, read, bare in (
            (_NUMERIC_RANGE, _read_numeric, False),
            (_MONTH_RANGE, _read_month_range, False),
            (_YEAR_RANGE, _read_year_range, False),
            (_BARE_RANGE, _read_bare, True),
        ):
            for m in pattern.finditer(text, first, last):
                found = _period_of(read(m.groups()), year_hint if bare else None)
                if found:
                    yield (bare, 0, 0, m.start()), *found, m.span()


def find_period(doc: Document, year_hint: int | None = None) -> Period | None:
    """The stated statistics period: a date range in a sentence about the period or the
    statistics (自2012年1月1日起至2012年12月31日止, 2012年1-12月, 2012.1.1-2012.12.31,
    二〇一二年一月至十二月, 统计期限为2012年度). A range without a year (统计期限为1月1日至
    12月31日) takes ``year_hint``, the title's year, and counts only when no other is stated."""
    best = min(_period_candidates(doc.view.text, year_hint), default=None, key=lambda c: c[0])
    if best is None:
        return None
    _, start, end, (s, e) = best
    o1, o2 = doc.norm_span(s, e)
    return Period(start, end, o1, o2)


def academic_year_of(title: str) -> int | None:
    """The first year of the academic year a title names (东岭大学2013-2014学年信息公开工作
    年度报告: 2013), or None. Universities report by 学年 under 教育部《高等学校信息公开办法》."""
    m = _ACADEMIC_YEAR.search(re.sub(r"\s+", "", title))
    if not m:
        return None
    first, second = to_int(m.group(1)), to_int(m.group(2))
    if first is None or second is None or not 1990 <= first <= 2100:
        return None
    return first if second in (first + 1, (first + 1) % 100) else None


def stated_years(facts: Facts) -> tuple[int, int] | None:
    """The first and last year the title and the period state (a 2013-2014学年 title states
    both years), or None when neither states one."""
    stated = [y for y in (facts.title_year, facts.period.year if facts.period else None) if y]
    if not stated:
        return None
    last = max(stated)
    if facts.academic_year is not None:
        last = max(last, facts.academic_year + 1)
    return min(stated), last


class YearSentence(NamedTuple):
    """A body sentence opening with a year (2012年，县政府……) and what it is about that year."""

    year: int
    line: int  # line index
    start: int  # normalised column of the year in its line
    end: int  # normalised column after 年
    kind: str  # "report" (the work of that year), "plan" or "context" (comparison, history)


def _plan_lines(doc: Document) -> set[int]:
    """Lines of the parts that look ahead: problems and improvements, other matters."""
    lines: set[int] = set()
    for section in doc.outline.walk():
        if heading_key(section.heading.title) in ("problems", "other"):
            lines.update(range(section.heading.line, section.last_line + 1))
    return lines


def year_sentences(doc: Document, first: int | None, last: int | None) -> list[YearSentence]:
    """The body's sentences opening with a year, each classified against the years the title
    and the period state (``first`` to ``last``; None when neither states one). A sentence
    about a later year is a plan when it sits in the problems/other parts or says 将, 要,
    计划, 继续, 进一步, 拟…; a sentence about an earlier year is context when it compares
    (比2011年, 较上年, 同比), tells history (自2008年以来, 截至) or names another year too."""
    found: list[YearSentence] = []
    ends: list[int] = []  # where each sentence ends
    table_lines = {i for table in doc.outline.tables() for i in table.lines}
    plan_lines: set[int] | None = None
    for index in doc.body_lines():
        norm = doc.lines[index].norm
        if "年" not in norm or index in table_lines:
            continue  # a quick test before the scan: every opening year has its 年
        for m in _OPENING_YEAR.finditer(norm):
            year = to_int(m.group(1))
            if not (year and 1990 <= year <= 2100):
                continue
            end = _SENTENCE_END.search(norm, m.end())
            sentence = norm[m.start(1) : end.start() if end else len(norm)]
            year_end = norm.index("年", m.start(1)) + 1
            others = {y for g in _ANY_YEAR.finditer(sentence) if (y := to_int(g.group(1)))}
            if first is None or last is None:
                kind = "plan" if _FORWARD.search(sentence[:40]) else "report"
            elif year > last:
                if plan_lines is None:
                    plan_lines = _plan_lines(doc)
                planned = index in plan_lines or _PLAN.search(sentence)
                kind = "plan" if planned else "report"
            elif year < first and (
                _COMPARISON.search(sentence) or _HISTORY.search(sentence) or others - {year}
            ):
                kind = "context"
            else:
                kind = "report"
            found.append(YearSentence(year, index, m.start(1), year_end, kind))
            ends.append(end.end() if end else len(norm))
    # 2011年，全县受理申请30件。2012年，受理47件。: an earlier year's sentence followed at once
    # by one on a stated year is the comparison's first half.
    for i, (this, after) in enumerate(itertools.pairwise(found)):
        if (
            this.kind == "report"
            and first is not None
            and this.year < first
            and after.line == this.line
            and after.year >= first
            and not doc.lines[this.line].norm[ends[i] : after.start].strip()
        ):
            found[i] = this._replace(kind="context")
    return found


def dominant_year(sentences: list[YearSentence]) -> int | None:
    """The year the report-kind sentences open with, when one year clearly dominates."""
    counts = Counter(s.year for s in sentences if s.kind == "report")
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
    """The page's 发布时间/发布日期 when the page furniture carries one, else the signature date."""
    for line in doc.lines:
        if line.index in doc.outline.front or holds_chrome(line.norm):
            m = _BYLINE_DATE.search(line.norm)
            if m and _valid(*map(int, m.groups())):
                y, mo, d = map(int, m.groups())
                facts.published = f"{y:04d}-{mo:02d}-{d:02d}"
                facts.published_source = "page"
                facts.published_span = line.orig_span(m.start(), m.end())
                return
    sig = doc.outline.signature
    written = signature_date(doc.lines[sig.date_line].norm) if sig else None
    if written:
        facts.published = _iso(*written)
        if facts.published:
            facts.published_source = "signature"
            facts.published_span = doc.line_span(sig.date_line)


def _iso(y: int | None, m: int | None, d: int | None) -> str | None:
    """An ISO date, or the ISO month (2024-02) of a date signed without its day; None when
    the date does not exist."""
    if d is None:
        return f"{y:04d}-{m:02d}" if _valid(y, m, 1) else None
    return f"{y:04d}-{m:02d}-{d:02d}" if _valid(y, m, d) else None


class TitleParts(NamedTuple):
    """What a title line names: the issuing body, the year and the report."""

    issuer: str | None
    year: int | None
    name: str | None  # the report's name when it is the statutory one (REPORT_NAME)


def _han_count(text: str) -> int:
    """Characters of the basic CJK block in ``text``."""
    return sum("\u4e00" <= ch <= "\u9fff" for ch in text)


def title_parts(title: str) -> TitleParts:
    """Split a (normalised) title into issuer, year and report name; blanks do not matter.
    The year may stand anywhere: before the issuer (2023年某某局……), between issuer and name,
    inside the name (……信息公开工作2023年度报告) or after it in brackets (……报告（2023年）)."""
    text = re.sub(r"\s+", "", title)
    found = _title_year(text)
    if found:  # the title without its year: what is left names the issuer and the report
        text = _EMPTY_BRACKETS.sub("", text[: found[1]] + text[found[2] :])
    name_m = REPORT_NAME.search(text)
    any_name = _ANY_REPORT_NAME.search(text)
    cut = any_name.start() if any_name else len(text)
    issuer = _issuer_named(text[:cut])
    if issuer.endswith("人民") and text[cut:].startswith("政府"):
        issuer += "政府"  # 某某区人民政府信息公开工作年度报告: the name's 政府 is the issuer's
    return TitleParts(
        issuer if _han_count(issuer) >= 2 else None,
        found[0] if found else None,
        name_m.group(0) if name_m else None,
    )


def _title_year(text: str) -> tuple[int, int, int] | None:
    """(year, start, end) of the year a title names: an academic year (2013-2014学年: its
    first year), else the first plausible 2023年 / 2023年度, else a bracketed (2023)."""
    academic = _ACADEMIC_YEAR.search(text)
    if academic and (year := academic_year_of(academic.group(0))):
        return year, *academic.span()
    for pattern in (_TITLE_YEAR, _BRACKET_YEAR):
        for m in pattern.finditer(text):
            year = to_int(m.group(1))
            if year and 1990 <= year <= 2100:
                return year, *m.span()
    return None


def _issuer_named(head: str) -> str:
    """The issuing body in what a title says before the report's name: the body after 关于
    (关于某某局……报告; 某办公室关于印发某县人民政府……报告的通知: the government, whose
    report it is), else the one before it (某某局关于……报告)."""
    before, _, after = head.partition("关于")
    after = _TRANSMITS.sub("", after)
    issuer = after if _han_count(after) >= 2 else before
    issuer = re.sub(r"的$", "", issuer)
    return re.sub(r"(?:政务公开|政府信息公开|信息公开)$", "", issuer)


def issuer_kind(name: str) -> str | None:
    """An issuer's kind by its name: government (a people's government at any level, 街道
    and 乡镇 included), department (its departments and offices), or None when unclear."""
    name = re.sub(r"\s+", "", name)
    if _LOCAL_GOVERNMENT.search(name):
        return "government" if "街道" in name else None
    if _DEPARTMENT.search(name):
        return "department"
    if _GOVERNMENT.search(name):
        return "government"
    return None


def _issuer(doc: Document, facts: Facts) -> None:
    """The issuing body and its kind: the title's issuer (whose report it is) first, then the
    signature's (who signed it)."""
    candidates = []
    if facts.title:
        issuer = title_parts(facts.title).issuer
        if issuer:
            candidates.append(issuer)
    sig = doc.outline.signature
    if sig and sig.issuer_line is not None:
        candidates.append(re.sub(r"\s+", "", doc.lines[sig.issuer_line].norm))
    for name in candidates:
        facts.issuer = facts.issuer or name
        kind = issuer_kind(name)
        if kind:
            facts.issuer_type = kind
            return


def split_parts(text: str) -> list[str]:
    """The part names of a declared list. A list numbering its items (一、总体情况；二、……)
    has one part per number. Otherwise 和/及/与 join two parts only when both sides name
    different statutory parts (收到和处理……申请情况 is one part, ……改进措施和其他情况 two);
    neighbours naming the same statutory part are one part (行政复议、行政诉讼情况)."""
    numbered = _numbered_items(text)
    if numbered is not None:
        return numbered
    tokens = _LIST_SEPARATOR.split(text)
    parts = [tokens[0]]
    for sep, token in zip(tokens[1::2], tokens[2::2], strict=True):
        left, right = heading_key(parts[-1]), heading_key(token)
        if sep in "和及与" and not (left and right and left != right):
            parts[-1] += sep + token
        else:
            parts.append(token)
    merged: list[str] = []
    for part in (_clean_item(_ITEM_NUMBER.sub("", p)) for p in parts):
        if len(part) < 2:
            continue
        if merged and heading_key(part) and heading_key(part) == heading_key(merged[-1]):
            merged[-1] += "、" + part
        else:
            merged.append(part)
    return merged


def _numbered_items(text: str) -> list[str] | None:
    """The items of a list that numbers them itself (：一、A；二、B / （一）A（二）B / 1.A 2.B),
    each up to the next number; None when fewer than two numbers open items."""
    marks = list(_LIST_MARK.finditer(text))
    if len(marks) < 2:
        return None
    ends = [m.start() for m in marks[1:]] + [len(text)]
    items = (_clean_item(text[m.end() : end]) for m, end in zip(marks, ends, strict=True))
    return [item for item in items if len(item) >= 2]


def _clean_item(item: str) -> str:
    """A listed name without the separators and joining words around it."""
    return _ITEM_EDGES.sub("", item.strip())


def _declaration(doc: Document, facts: Facts) -> None:
    """The opening's own statement of the report's parts, in any of its forms: 本报告由A、B……
    组成, 全文包括A……和F七个方面, 报告全文由……N个部分组成, 本报告分为以下N个部分：A；B……"""
    for index in [*doc.outline.front, *doc.outline.preamble][:12]:
        line = doc.lines[index]
        for trigger in _DECLARATION.finditer(line.norm):
            end = line.norm.find("。", trigger.end())
            end = len(line.norm) if end < 0 else end
            rest = line.norm[trigger.end() : end]
            count_m = _DECLARED_COUNT.search(rest)
            if count_m and not rest[: count_m.start()].strip():  # 分为以下六个部分：A、B……
                names = re.sub(
                    r"^\s*(?:,|:|分别是|分别为|即|依次为|包括)+", "", rest[count_m.end() :]
                )
            elif count_m:  # 由A、B……N个部分组成
                names = rest[: count_m.start()]
            else:
                names = rest
            names = _LIST_END.sub("", names.strip())
            parts = split_parts(names)
            if not count_m and sum(1 for part in parts if heading_key(part)) < 2:
                continue  # 本报告由某某局编制，……: not a list of the report's parts
            facts.declared_count = to_int(count_m.group(1)) if count_m else None
            facts.declared_names = parts
            facts.declared_span = line.orig_span(trigger.start(), end)
            return


def _title_text(doc: Document, index: int) -> str:
    """The title line, with the line above it when the title is set on two lines and the
    issuing body stands alone on the first (北京市朝阳区人民政府 / 2023年政府信息公开……)."""
    title = doc.lines[index].norm.strip()
    parts = title_parts(title)
    if parts.year is None:  # ……年度报告 / （2023年度）
        below = _next_text(doc, index, 1)
        if below and _YEAR_LINE.fullmatch(below):
            title = f"{title} {below}"
    if parts.issuer is None:  # 北京市朝阳区人民政府 / 2023年……年度报告
        above = _next_text(doc, index, -1)
        if above and len(above) <= 30 and not is_chrome(above) and _names_a_body(above):
            title = f"{above} {title}"
    return title


def _names_a_body(line: str) -> bool:
    """A line that may be a title's issuer line: no sentence marks, no figures but its year
    (北京市朝阳区人民政府, 某某县人民政府2023年度)."""
    return not _NOT_A_NAME.search(_TITLE_YEAR.sub("", line))


def _next_text(doc: Document, index: int, step: int) -> str | None:
    """The nearest non-blank line above (step -1) or below (step 1) a line, stripped."""
    i = index + step
    while 0 <= i < len(doc.lines):
        if doc.lines[i].norm.strip():
            return doc.lines[i].norm.strip()
        i += step
    return None


def compute_facts(doc: Document) -> Facts:
    facts = Facts()
    outline = doc.outline
    if outline.title_line is not None:
        facts.title_line = outline.title_line
        facts.title = _title_text(doc, outline.title_line)
        facts.title_year = title_parts(facts.title).year
        facts.academic_year = academic_year_of(facts.title)
        if facts.academic_year is not None:
            facts.title_year = facts.academic_year
    facts.period = find_period(doc, facts.title_year)
    first, last = stated_years(facts) or (None, None)
    facts.year_sentences = year_sentences(doc, first, last)
    facts.text_year = dominant_year(facts.year_sentences)
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
