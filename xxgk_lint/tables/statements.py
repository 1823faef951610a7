"""Numbers the text states that a unified table also holds: 收到申请46件, 行政复议2件.

Only phrasings that clearly denote one table quantity are read (domain research §3.3), and a
clause is skipped when it narrows or widens the scope: a subset (通过网络, 自然人), another body
(全市, 各部门, 直属单位), or another year (上年, 同比, 2022年 in a 2023 report). A sentence that
mentions the carried-over applications may count them in its 收到 figure, so that figure may
equal 一 + 二 as well as 一 only when it says so (含上年结转1件); 上年结转 given as a figure
of its own leaves the 收到 figure to 一. Statements of nothing (未收到政府信息公开申请, 未发生
行政复议) are read as zero.

A clause about a named part (县自然资源局收到申请19件, 本级, 以县政府名义制发) is not compared
by itself, nor are the clauses after it to the next ; or 。; the parts one sentence lists for one
quantity are compared as their sum. A count given with its reason (因涉及第三方合法权益不予
公开2件) is compared with that reason's row; a reason the rows do not tell apart is not
compared. 行政复议和行政诉讼共6件 counts both kinds, 行政复议、行政诉讼各5件 each of them; a
clause after one about disclosure cases (因政府信息公开被申请行政复议2件，被提起行政诉讼1件)
is about them too. 予以公开14件（含部分公开2件） counts both rows. The applicants listed right
after a 收到 figure (其中自然人申请98件、法人或其他组织申请22件) count row 一's columns for
them. A figure that also fits other business (结转下年度继续办理5件) is about applications in
a part about them, or in a paragraph whose earlier sentence names them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

from ..lazyre import lazy
from ..numerals import cn_to_int
from .layout import (
    AFTER_REVIEW,
    APPLICANTS,
    CARRIED_FORWARD,
    CARRIED_OVER,
    DIRECT,
    GRANTED,
    LEAF_REASONS,
    NEW,
    NOT_PROCESSED,
    OTHER,
    PARTIAL,
    REFUSED,
    RESULT_TOTAL,
    REVIEW,
    T2,
    T3,
    T4,
    TOTAL,
    UNABLE,
)


class Quantity(NamedTuple):
    """A table quantity: the sum of some cells (``group`` sums every leaf of a 表三 group)."""

    table: str
    name_zh: str
    name_en: str
    cells: tuple[tuple[str, str], ...] = ()
    group: str = ""
    context: str = ""  # "application"/"review": the phrase alone may be about other business

    @property
    def where(self) -> str:
        """The table cells the quantity is read from, as a reader finds them."""
        if self.group:
            return f"“{self.group}”各项的“总计”列"
        rows = {row for row, _ in self.cells}
        if len(rows) == 1 and len(self.cells) > 1:  # one row's columns: 法人或其他组织
            return f"“{rows.pop()}”行" + "".join(f"“{column}”" for _, column in self.cells) + "列"
        return "与".join(f"“{row}”行“{column}”列" for row, column in self.cells)


class Statement(NamedTuple):
    """A number stated in the text, what it counts, and where it is (normalised columns)."""

    quantity: Quantity
    value: int
    start: int
    end: int
    with_carried: bool = False  # the figure includes 上年结转: 一 + 二 is also a fair reading
    parts: tuple[int, ...] = ()  # the figures of named parts (units, issuers) it sums
    exhaustive: bool = False  # the parts end with the rest (其他部门和乡镇): a short sum is wrong


def _q3(name_zh: str, name_en: str, *rows: str, context: str = "") -> Quantity:
    return Quantity(T3, name_zh, name_en, tuple((row, TOTAL) for row in rows), context=context)


NEW_Q = _q3("本年新收申请数", "applications received this year", NEW, context="application")
_CARRIED_OVER = _q3(
    "上年结转申请数", "applications carried over", CARRIED_OVER, context="application"
)
_GRANTED = _q3("予以公开数", "applications granted", GRANTED)
_PARTIAL = _q3("部分公开数", "applications partly granted", PARTIAL)
_GRANTED_PARTIAL = _q3("予以公开和部分公开数", "granted and partly granted", GRANTED, PARTIAL)
_CONCLUDED = _q3("办结申请数", "applications concluded", RESULT_TOTAL, context="application")
_CARRIED_FORWARD = _q3(
    "结转下年度申请数", "applications carried forward", CARRIED_FORWARD, context="application"
)
_REFUSED = Quantity(T3, "不予公开数", "applications refused", group=REFUSED)
_UNABLE = Quantity(T3, "无法提供数", "information not available", group=UNABLE)
_NOT_PROCESSED = Quantity(T3, "不予处理数", "applications not processed", group=NOT_PROCESSED)
_OTHER = Quantity(T3, "其他处理数", "otherwise handled", group=OTHER)
_REVIEW = Quantity(
    T4, "行政复议案件数", "administrative reviews", ((REVIEW, TOTAL),), context="review"
)
_LITIGATION = Quantity(
    T4, "行政诉讼案件数", "lawsuits", ((DIRECT, TOTAL), (AFTER_REVIEW, TOTAL)), context="review"
)
_REVIEW_LITIGATION = Quantity(
    T4,
    "行政复议和行政诉讼案件数",
    "administrative reviews and lawsuits",
    ((REVIEW, TOTAL), (DIRECT, TOTAL), (AFTER_REVIEW, TOTAL)),
    context="review",
)
_DIRECT = Quantity(
    T4, "未经复议直接起诉案件数", "lawsuits without review", ((DIRECT, TOTAL),), context="review"
)
_AFTER = Quantity(
    T4, "复议后起诉案件数", "lawsuits after review", ((AFTER_REVIEW, TOTAL),), context="review"
)


def _applicant(name_zh: str, name_en: str, *columns: str) -> Quantity:
    """The applications one kind of applicant made this year: row 一's columns for it."""
    cells = tuple((NEW, column) for column in columns)
    return Quantity(T3, f"本年新收{name_zh}申请数", f"applications from {name_en}", cells)


_APPLICANT_QUANTITIES = {
    "自然人": _applicant("自然人", "natural persons", "自然人"),
    "法人": _applicant("法人或其他组织", "legal persons and organisations", *APPLICANTS[1:]),
    "商业企业": _applicant("商业企业", "businesses", "商业企业"),
    "科研机构": _applicant("科研机构", "research institutions", "科研机构"),
    "社会公益组织": _applicant("社会公益组织", "public-interest organisations", "社会公益组织"),
    "法律服务机构": _applicant("法律服务机构", "legal service institutions", "法律服务机构"),
    "其他": _applicant("其他组织", "other organisations", "其他"),
}
"""The kinds of applicant 表三 counts, by the word the text names them with (公民 and
法人或其他组织 are read as 自然人 and 法人)."""


def _t2(row: str, column: str, name_zh: str, name_en: str) -> Quantity:
    return Quantity(T2, name_zh, name_en, ((row, column),))


_NUM = r"(\d+|[零〇一二两三四五六七八九十百]+)"
_UNIT = r"\s*(?:件|个|份|宗|起|例)"
_FILL = r"(?:共|共计|总计|合计|总数|数量|为|达|的|案件|申请|事项)*"
_OPEN = r"[^。;,:\d]"


class _Phrase(NamedTuple):
    """A phrase that states a quantity: its pattern (compiled on first use; the number is its
    first group), the words it cannot match without (a quick test), and what it counts (None:
    each kind the phrase lists, 行政复议、行政诉讼各5件)."""

    words: tuple[str, ...]
    pattern: Callable[[], re.Pattern[str]]
    quantity: Quantity | None


def _phrase(words: str, pattern: str, quantity: Quantity | None) -> _Phrase:
    return _Phrase(tuple(words.split("|")), lazy(pattern), quantity)


_KIND = r"(?:行政)?复议|(?:行政)?诉讼|予以公开|部分公开|不予公开|无法提供|不予处理|其他处理"
_KINDS = {
    "复议": _REVIEW,
    "诉讼": _LITIGATION,
    "予以公开": _GRANTED,
    "部分公开": _PARTIAL,
    "不予公开": _REFUSED,
    "无法提供": _UNABLE,
    "不予处理": _NOT_PROCESSED,
    "其他处理": _OTHER,
}
"""The kinds a 各 figure may be given for, by their word without 行政."""

_PATTERNS: list[_Phrase] = [
    # 行政复议、行政诉讼各5件, 被申请行政复议和被提起行政诉讼各1件: each kind has the figure.
    _phrase(
        "各",
        rf"(?:{_KIND})(?:(?:和|及|与|、|或|以及)(?:被|被?提起|被?申请)?(?:{_KIND}))+"
        rf"{_FILL}各{_NUM}{_UNIT}",
        None,
    ),
    _phrase(
        "新收|收到|受理|接收|接到",
        rf"(?:新收|收到|受理|接收|接到){_OPEN}{{0,24}}?(?:申请|依申请公开){_FILL}{_NUM}{_UNIT}",
        NEW_Q,
    ),
    _phrase("结转", rf"上一?年度?结转{_OPEN}{{0,12}}?{_NUM}{_UNIT}", _CARRIED_OVER),
    _phrase(
        "予以公开",
        rf"予以公开(?:和|及|与|、|或)部分公开{_FILL}{_NUM}{_UNIT}",
        _GRANTED_PARTIAL,
    ),
    # 予以公开52件（含部分公开7件）, 予以公开（含部分公开）52件: the two rows together.
    _phrase(
        "予以公开",
        rf"予以公开{_FILL}{_NUM}{_UNIT}(?=[(（,，]?(?:含|包括|其中)部分公开)",
        _GRANTED_PARTIAL,
    ),
    _phrase(
        "予以公开",
        rf"予以公开[(（](?:含|包括)部分公开[)）]{_FILL}{_NUM}{_UNIT}",
        _GRANTED_PARTIAL,
    ),
    _phrase("予以公开", rf"予以公开{_FILL}{_NUM}{_UNIT}", _GRANTED),
    _phrase("部分公开", rf"(?<![和及与、或])部分公开{_FILL}{_NUM}{_UNIT}", _PARTIAL),
    _phrase("不予公开", rf"不予公开{_FILL}{_NUM}{_UNIT}", _REFUSED),
    _phrase("无法提供", rf"无法提供{_FILL}{_NUM}{_UNIT}", _UNABLE),
    _phrase("不予处理", rf"不予处理{_FILL}{_NUM}{_UNIT}", _NOT_PROCESSED),
    _phrase("其他处理", rf"其他处理{_FILL}{_NUM}{_UNIT}", _OTHER),
    _phrase("办结", rf"办结{_OPEN}{{0,10}}?{_FILL}{_NUM}{_UNIT}", _CONCLUDED),
    _phrase(
        "结转",
        rf"结转(?:至|到|入)?下一?年度?(?:继续)?(?:办理)?{_FILL}{_NUM}{_UNIT}",
        _CARRIED_FORWARD,
    ),
    # Both kinds in one phrase (被申请行政复议和提起行政诉讼共6件): the two totals together.
    _phrase(
        "复议",
        rf"(?:行政)?(?:复议(?:和|及|与|、|或|以及)(?:被|被?提起|被?申请)?(?:行政)?诉讼"
        rf"|诉讼(?:和|及|与|、|或|以及)(?:被|被?提起|被?申请)?(?:行政)?复议){_FILL}{_NUM}{_UNIT}",
        _REVIEW_LITIGATION,
    ),
    _phrase("复议后", rf"复议后(?:提起)?(?:行政)?(?:起诉|诉讼){_FILL}{_NUM}{_UNIT}", _AFTER),
    _phrase("直接", rf"直接(?:提起)?(?:行政)?(?:起诉|诉讼){_FILL}{_NUM}{_UNIT}", _DIRECT),
    _phrase("行政复议", rf"行政复议{_FILL}{_NUM}{_UNIT}", _REVIEW),
    _phrase("诉讼", rf"(?<!复议后)(?:行政)?诉讼{_FILL}{_NUM}{_UNIT}", _LITIGATION),
    _phrase(
        "制发",
        rf"制发了?(?:行政)?规范性文件{_FILL}{_NUM}{_UNIT}",
        _t2("规范性文件", "本年制发件数", "本年制发规范性文件数", "normative documents issued"),
    ),
    _phrase(
        "废止",
        rf"废止了?(?:行政)?规范性文件{_FILL}{_NUM}{_UNIT}",
        _t2("规范性文件", "本年废止件数", "本年废止规范性文件数", "normative documents repealed"),
    ),
    _phrase(
        "现行有效",
        rf"现行有效的?(?:行政)?规范性文件{_FILL}{_NUM}{_UNIT}",
        _t2("规范性文件", "现行有效件数", "现行有效规范性文件数", "normative documents in force"),
    ),
    # The 2019 试行 表二 counts 规范性文件 as 本年新制作 / 本年新公开 / 对外公开总数量.
    _phrase(
        "新制作",
        rf"新制作了?(?:行政)?规范性文件{_FILL}{_NUM}{_UNIT}",
        _t2("规范性文件", "本年新制作数量", "本年新制作规范性文件数", "normative documents made"),
    ),
    _phrase(
        "新公开",
        rf"新公开了?(?:行政)?规范性文件{_FILL}{_NUM}{_UNIT}",
        _t2(
            "规范性文件",
            "本年新公开数量",
            "本年新公开规范性文件数",
            "normative documents published",
        ),
    ),
    _phrase(
        "对外公开",
        rf"对外公开的?(?:行政)?规范性文件(?:总数量?|总量|累计|共计|总计|合计)"
        rf"{_FILL}{_NUM}{_UNIT}",
        _t2(
            "规范性文件",
            "对外公开总数量",
            "对外公开规范性文件总数",
            "normative documents published in all",
        ),
    ),
]
# Statements of nothing: the quantity is zero.
_ZERO: list[_Phrase] = [
    _phrase(
        "收到|接到|受理",
        rf"(?:未|没有)(?:收到|接到|受理)过?(?:任何)?{_OPEN}{{0,10}}?(?:公开申请|依申请公开)",
        NEW_Q,
    ),
    _phrase(
        "行政复议", rf"(?:未|没有)(?:发生|出现|产生|收到|接到){_OPEN}{{0,16}}?行政复议", _REVIEW
    ),
    _phrase("诉讼", rf"(?:未|没有)(?:发生|出现|产生|收到|接到){_OPEN}{{0,16}}?诉讼", _LITIGATION),
]
_MAY_STATE = re.compile(rf"[\d零〇一二两三四五六七八九十百]{_UNIT}|未|没有")
"""What every statement holds: a number and its unit, or the 未/没有 of a statement of nothing."""
_OUTCOME = re.compile(r"^[^。;,]{0,8}(?:被纠错|纠错|纠正|败诉|撤销|确认违法|维持)")
_OTHER_SCOPE = re.compile(
    r"通过|网上|网络|当面|信函|邮寄|传真|邮件|现场|线上|线下|自然人|法人|企业|组织|机构"
    r"|全市|全区|全县|全省|全州|全旗|全镇|全乡|各级|各部门|各单位|各区|各县|区县|乡镇|街道"
    r"|系统|下属|所属|直属|上一?年(?!度?结转)|去年|前年|同比|较|比上年"
)
_OTHER_BUSINESS = re.compile(
    r"许可|审批|备案|登记|复议|诉讼|信访|投诉|举报|政务服务|办件|补贴|救助|资金|项目"
)
_DISCLOSURE_APPLICATION = re.compile(r"公开申请|依申请公开")
_YEAR = re.compile(r"(\d{4})\s*年")
_CLAUSE_BREAK = re.compile(r"[。;,:!?()]")


class _Found(NamedTuple):
    """A phrase read in the text, before deciding whether and how it is compared."""

    quantity: Quantity
    value: int
    start: int  # the number
    end: int
    at: int  # the phrase
    role: str  # "whole"; "own" (the issuer named); "member" (a part named); "aside" (out of
    # scope: no figure, and no sum of the parts in its sentence); "about" (a part's other
    # business: no figure, but what follows it is about the part)
    subject: str = ""


def statements(
    text: str, year: int | None, section: str | None = None, issuer: str | None = None
) -> Iterator[Statement]:
    """Statements in one normalised line of report text (not a table line); ``section`` is
    the key of the part the line is in (an ``application`` or ``review_litigation`` part
    tells what 收到申请 or 行政复议 are about), ``issuer`` the body whose report it is (a
    clause about that body is about the whole report, one about another body about a part).

    A clause whose subject is a named sub-unit (县自然资源局收到申请19件, 本级, 以县政府名义)
    states a part of the table's figure, and so do the clauses after it up to the next ; or
    。. Such parts are not compared one by one; when one sentence names several parts of the
    same quantity, their sum is (``Statement.parts``)."""
    if not _MAY_STATE.search(text):
        return
    taken: list[tuple[int, int]] = []
    found: list[_Found] = []
    for words, pattern, quantity in _PATTERNS:
        if not any(word in text for word in words):
            continue  # a word the pattern needs is missing
        for m in pattern().finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            value = _number(m.group(1))
            if value is None:
                continue
            for q in (quantity,) if quantity else _listed(m):
                read = _read(text, m, q, value, year, section, issuer)
                if read is not None:
                    found.append(read)
                    if read.role not in ("aside", "about"):
                        taken.append(m.span())
    for words, pattern, quantity in _ZERO:
        if not any(word in text for word in words):
            continue
        for m in pattern().finditer(text):
            if _OUTCOME.match(text[m.end() :]) or any(a <= m.start() < b for a, b in taken):
                continue
            if not _in_scope(text, m.start(), m.end(), year):
                continue
            if not _about_disclosure(text, m, quantity, section):
                continue
            role, subject = _subject(text, m.start(), issuer)
            found.append(_Found(quantity, 0, *m.span(), m.start(), role, subject))
    found.sort(key=lambda f: f.at)
    yield from _compared(text, found)
    yield from _applicants(text, found)


def _listed(m: re.Match[str]) -> list[Quantity]:
    """The kinds a 各 phrase lists, in order (行政复议、行政诉讼各5件)."""
    words = re.findall(_KIND, m.group(0)[: m.start(1) - m.start()])
    return list(dict.fromkeys(_KINDS[w.removeprefix("行政")] for w in words))


def _read(
    text: str,
    m: re.Match[str],
    quantity: Quantity,
    value: int,
    year: int | None,
    section: str | None,
    issuer: str | None,
) -> _Found | None:
    """How a phrase stating ``quantity`` is read: a figure of the whole, of a part, out of
    scope (``aside``), a part's other business (``about``), or nothing (None)."""
    role, subject = _subject(text, m.start(), issuer)
    if not _about_disclosure(text, m, quantity, section):
        if role == "member":  # other business of a part: what follows is about it
            return _Found(quantity, value, *m.span(1), m.start(), "about", subject)
        return None
    q: Quantity | None = quantity
    if quantity.group:
        q = _reason(text, m.start(), quantity)
        if q is None:
            return None  # a reason the table's rows do not tell apart
    if not _in_scope(text, m.start(), m.end(), year, subject):
        # out of scope (全县, 通过网络): no figure, and no sum with it
        role, subject = "aside", "" if role == "own" else subject
    return _Found(q, value, *m.span(1), m.start(), role, subject)


def _compared(text: str, found: list[_Found]) -> Iterator[Statement]:
    """The statements to compare: every whole figure, and the sum of the parts one sentence
    names (none when one of them is out of scope or after a figure out of scope)."""
    part_from = -1  # where the clauses about a named part begin, up to the next ; or 。
    sums: dict[tuple[int, Quantity], list[_Found]] = {}
    poisoned: set[tuple[int, Quantity]] = set()
    for f in found:
        if part_from >= 0 and _SEGMENT_BREAK.search(text, part_from, f.at):
            part_from = -1
        sentence = text.count("。", 0, f.at)
        if f.role in ("aside", "about"):
            if f.role == "aside":
                poisoned.add((sentence, f.quantity))
            if f.subject:
                part_from = f.at
            continue
        if f.role == "member":
            part_from = f.at
            sums.setdefault((sentence, f.quantity), []).append(f)
            continue
        if f.role == "whole" and part_from >= 0:
            continue  # a figure of the part named before it
        yield Statement(
            f.quantity, f.value, f.start, f.end, with_carried=_includes_carried(text, f.at)
        )
    for key, members in sums.items():
        if len(members) < 2 or key in poisoned:
            continue
        yield Statement(
            key[1],
            sum(f.value for f in members),
            members[0].start,
            members[-1].end,
            parts=tuple(f.value for f in members),
            exhaustive=any(_REMAINDER.match(f.subject) for f in members),
        )


_APPLICANT = lazy(
    r"(?:来自|由)?(自然人|公民|法人(?:或者?|和|及|与|、)?其他组织|法人|商业企业|科研机构"
    r"|社会公益组织|法律服务机构|其他)(?:类|申请人|主体)*(?:提出|提交|申请|的)*"
    rf"{_FILL}{_NUM}{_UNIT}"
)
_ASIDE = re.compile(r"\([^()]*\)")
_GLUE = re.compile(
    r"(?:[,、;:\s]|。(?=\s*(?:其中|从申请人|按申请人))|其中|另有|以及|和|及|申请人中"
    r"|占比?为?约?\d+(?:\.\d+)?%|(?:从|按)申请人[^,;。\d]{0,6}(?:看|分|划分))*"
)
"""What may join a list of applicants to its figure and its items to each other (a share
an item is given with, 占96.7%, included)."""


def _applicants(text: str, found: list[_Found]) -> Iterator[Statement]:
    """The applicant breakdown of this year's applications (共收到政府信息公开申请120件，其中
    自然人申请98件、法人或其他组织申请22件): figures by kind of applicant in a list that
    directly follows a whole 收到 figure (its scope is the list's), in its sentence or one
    that opens with 其中 or 从申请人类型看. Nothing but the words that join a list may come
    between the figure and the items; 其他 counts only inside the list."""
    if not any(word in text for word in ("自然人", "公民", "法人", "企业", "机构", "组织")):
        return
    anchors = [f for f in found if f.quantity is NEW_Q and f.role in ("whole", "own")]
    last = -1  # where the list so far ends; -1 before its first item
    for m in _APPLICANT().finditer(text):
        anchor = next((a for a in reversed(anchors) if a.end <= m.start()), None)
        value = _number(m.group(2))
        if anchor is None or value is None:
            continue
        since = max(last, _after_unit(text, anchor.end))
        if not _follows(text[since : m.start()]) or (m.group(1) == "其他" and last < since):
            last = -1
            continue
        last = m.end()
        quantity = _APPLICANT_QUANTITIES[_kind_word(m.group(1))]
        carried = _includes_carried(text, anchor.at)
        yield Statement(quantity, value, *m.span(2), with_carried=carried)


def _after_unit(text: str, at: int) -> int:
    """Past the unit of the number that ends at ``at``."""
    unit = _A_UNIT.match(text, at)
    return unit.end() if unit else at


_A_UNIT = re.compile(_UNIT)


def _kind_word(kind: str) -> str:
    """The key of ``_APPLICANT_QUANTITIES`` for a word naming applicants."""
    if kind == "公民":
        return "自然人"
    return "法人" if kind.startswith("法人") else kind


def _follows(gap: str) -> bool:
    """Whether a list item comes right after what ``gap`` separates it from: only the words
    that join a list (其中, 、, 从申请人类型看) between them, or a bracketed aside, and no
    sentence break unless the next sentence opens with 其中 or 从申请人…看."""
    return _GLUE.fullmatch(_ASIDE.sub("", gap)) is not None


def _number(text: str) -> int | None:
    return int(text) if text.isdigit() else cn_to_int(text)


def _clause_start(text: str, at: int) -> int:
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, at)]
    return breaks[-1] if breaks else 0


def _in_scope(text: str, start: int, end: int, year: int | None, subject: str = "") -> bool:
    """False when the clause before (or the match itself) narrows, widens or moves the count;
    the clause's named subject, a part by itself, is left out (其他部门和乡镇收到申请17件), and
    so is a list of every kind of applicant (收到公民、法人和其他组织的申请: all of them)."""
    clause = text[_clause_start(text, start) : end]
    if subject:
        clause = clause.replace(subject, "", 1)
    clause = _ALL_APPLICANTS.sub("", clause)
    if _OTHER_SCOPE.search(clause):
        return False
    years = [int(y) for y in _YEAR.findall(clause)]
    return not (year and any(y != year for y in years))


_ALL_APPLICANTS = re.compile(r"(?:自然人|公民)[、和及与或]*法人(?:或者|[、和及与或])*其他组织")
"""Every kind of applicant named together (公民、法人和其他组织): all applications."""


# The subject of a clause: a body named before the verb (县自然资源局收到申请19件), the
# government's own level (本级), or the name a document is issued under (以县政府名义制发).
_LEVEL = re.compile(r"本级")
_UNDER_NAME = re.compile(r"以[^,;。]{1,20}?名义")
_LEAD = re.compile(
    r"^(?:其中|另有|另外|此外|同时|而|但|及|和|以及|分别|\d{4}年度?|全年|本年度?|今年|当年|[、\s])+"
)
_FIGURE = re.compile(rf"[\d零〇一二两三四五六七八九十百]+{_UNIT}")
_TRAIL = re.compile(
    r"(?:全年|本年度?|今年|当年|年内|\d{4}年度?|共计?|累计|总计|合计|一共|总共|依法|分别|先后"
    r"|已|还|又|也|均|新|共同|直接)+$"
)
_BODY = re.compile(
    r"^[\u4e00-\u9fff]{0,24}(?:政府|办公室|办公厅|办事处|委员会|管委会|局|委|厅|办|部门|署|院"
    r"|中心|机关|街道|乡镇|乡|镇|单位|公司|集团|所|站|大队|支队|中队|处|科室|科)$"
)
_OWN = re.compile(r"^(?:我|本)")
_WIDE = re.compile(r"^全|各|系统")
_REMAINDER = re.compile(r"^(?:其他|其它|其余|剩余|余下|另)")
_SEGMENT_BREAK = re.compile(r"[;。]")


def _subject(text: str, at: int, issuer: str | None) -> tuple[str, str]:
    """(role, subject) of the clause a phrase at ``at`` is in: ``member`` with the named part,
    ``own`` with the issuer's name (我局, 本机关, its own name: not a narrower scope),
    ``aside`` with a wider body (全县各乡镇, 各部门), else ``whole`` with no subject."""
    prefix = _prefix(text, at)
    if not prefix:
        return "whole", ""
    m = _LEVEL.search(prefix) or _UNDER_NAME.search(prefix)
    if m:
        return "member", m.group()
    name = _TRAIL.sub("", _LEAD.sub("", prefix.strip()))
    if not name or not _BODY.match(name):
        return "whole", ""
    if _OWN.match(name) or _same_body(name, issuer):
        return "own", name
    if _WIDE.search(name):
        return "aside", name
    return "member", name


def _prefix(text: str, at: int) -> str:
    """What a clause says before the phrase at ``at``, from its last figure on (县政府办公室
    收到申请12件、县自然资源局收到申请19件: 县自然资源局 before the second)."""
    start = _clause_start(text, at)
    for m in _FIGURE.finditer(text, start, at):
        start = m.end()
    return text[start:at]


def _same_body(name: str, issuer: str | None) -> bool:
    """Whether ``name`` names the issuer (县政府 in 示例县人民政府's report)."""
    if not issuer:
        return False
    a, b = name.replace("人民政府", "政府"), issuer.replace("人民政府", "政府")
    return b.endswith(a) or a.endswith(b)


def _reason(text: str, at: int, quantity: Quantity) -> Quantity | None:
    """The quantity a group figure counts given the reason its clause names: the leaf rows the
    reason names (因涉及第三方合法权益不予公开2件), the group without one, or with an open
    list (因不掌握等原因); None when the reason names no row of the group (unsure)."""
    prefix = _prefix(text, at)
    if not prefix or "等" in prefix:
        return quantity
    rows = [(group, leaf) for group, leaf, stem in LEAF_REASONS if stem.search(prefix)]
    if not rows:
        return None if _REASON.search(prefix) else quantity
    if any(group != quantity.group for group, _ in rows):
        return None
    leaves = tuple(dict.fromkeys(leaf for _, leaf in rows))
    names = "、".join(leaf.split("/", 1)[1] for leaf in leaves)
    return Quantity(
        T3,
        f"{quantity.name_zh}（{names}）",
        f"{quantity.name_en} ({names})",
        tuple((leaf, TOTAL) for leaf in leaves),
    )


_REASON = re.compile(r"因|由于|属于|属|涉及|系|鉴于|依据|根据|按照|依照")


def _sentence(text: str, at: int) -> str:
    start = text.rfind("。", 0, at) + 1
    end = text.find("。", at)
    return text[start : end if end >= 0 else len(text)]


_INCLUDES_CARRIED = re.compile(
    r"(?:含|包括|包含|加上|连同)[^。;,]{0,6}?结转|其中[^。;]{0,16}?结转|结转[^。;,]{0,10}在内"
)


def _includes_carried(text: str, at: int) -> bool:
    """Whether the sentence says its figure includes the carried-over applications (含上年结转
    1件, 其中新收23件、上年结转1件): then 一 + 二 is a fair reading of a 收到 figure. 上年结转
    given as a figure of its own (收到申请24件，上年结转1件) does not make it one."""
    return _INCLUDES_CARRIED.search(_sentence(text, at)) is not None


def _about_disclosure(text: str, m: re.Match[str], quantity: Quantity, section: str | None) -> bool:
    """Whether a phrase that also fits other business (收到行政许可申请, 办结审批事项, a 司法局's
    own 行政复议 cases) is about information disclosure: by its clause, its sentence (which
    speaks of 公开申请) or the part it is in."""
    clause = text[_clause_start(text, m.start()) : m.end()]
    if quantity.context == "application":
        if _OTHER_BUSINESS.search(m.group(0)):
            return False
        if "公开" in clause or _DISCLOSURE_APPLICATION.search(_sentence(text, m.start())):
            return True
        if _OTHER_MATTER.search(text, text.rfind("。", 0, m.start()) + 1, m.end()):
            return False  # 受理信访事项40件，结转下年度继续办理5件: that business's figures
        if section == "application":
            return True
        return _BARE.fullmatch(m.group(0)) is not None and _in_applications_paragraph(text, m)
    if quantity.context == "review":
        return (
            section == "review_litigation"
            or "公开" in clause
            or _DISCLOSURE_CASES.search(text, text.rfind("。", 0, m.start()) + 1, m.start())
            is not None
        )
    return True


_OTHER_MATTER = re.compile(
    r"许可|审批|备案|登记|信访(?!举报投诉类)|(?<!举报)投诉(?!类)|(?<!信访)举报(?!投诉类)|咨询"
    r"|来信|来访|热线|政务服务|办件|建议|提案|案件"
)
"""Business an 依申请公开 part may also tell of, whose figures are not applications (the
table's own reason 信访举报投诉类申请 aside)."""
_TOPIC = re.compile(
    r"(?:^|[。;])\s*(?:[一二三四五六七八九十]+是|\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、"
    r"|\d+[.、]|此外|另外)|主动公开|政府信息管理|平台|监督保障|复议|诉讼"
)
"""Where a paragraph turns to another topic: a new list item, or another part's words."""


_BARE = re.compile(
    r"(?:办结|上一?年度?结转|结转(?:至|到|入)?下一?年度?(?:继续)?(?:办理)?|新收|收到|受理)"
    rf"{_FILL}{_NUM}{_UNIT}"
)
"""A phrase that names nothing but its figure (办结21件, 结转下年度继续办理5件): what the
paragraph is about says what it counts."""


def _in_applications_paragraph(text: str, m: re.Match[str]) -> bool:
    """Whether a phrase continues a paragraph about disclosure applications (二是依申请公开
    办理规范。全年办结21件，结转下年度继续办理5件。): an earlier sentence of the line speaks of
    them, and the line has not turned to another topic since."""
    start = text.rfind("。", 0, m.start()) + 1
    mention = max(text.rfind(word, 0, start) for word in ("公开申请", "依申请公开"))
    return mention >= 0 and _TOPIC.search(text, mention + 4, m.start()) is None


_DISCLOSURE_CASES = re.compile(r"信息公开(?!条例)[^。;,]{0,12}?(?:复议|诉讼)")
"""An earlier clause of the sentence about disclosure cases: the clauses after it continue
it (因政府信息公开被申请行政复议5件，被提起行政诉讼5件)."""
