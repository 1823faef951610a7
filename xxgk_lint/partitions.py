"""Stated totals and the counts listed as their parts, read sentence by sentence from prose.

A partition is a total with the list that divides it: 共236件，其中 a 89件、b 147件 (the
list follows an opener; 分别为88件、113件和27件 and 已答复的218件申请中，a 162件… open
lists too), a 8条、b 10条、c 3条，共计21条 (the total follows its parts), 共120条，a 20条、
b 100条 (an enumeration right after a marked total), or a second breakdown of the same
total after a ; (…；同意公开102件、不予公开34件). N001 adds the parts up and N002
recomputes the shares stated beside them (占43%, 分别占43.9%、38.8%) as well as shares of a
marked total, named rates and changes on last year's figure, so precision comes first:
whatever does not read as a plain list of counts in one unit (comparisons with last year,
several counts in one item, bracketed asides, counts of unknown size) yields no partition.

Sentences end at 。!? and at the line end. Inside a sentence, 、 , : ; separate list items
at rising strength: a list keeps the separator that follows its first item, and a stronger
one ends it (a ; after items joined by , starts something else).

Reading a line takes time linear in its length: a sentence indexes its counts, percentages
and separators once, and every question about a stretch of it (the counts in [a, b), the
separator before a position) is a binary search, never a scan of the whole sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

from .quantities import Bound, Quantity, bracket_depths, find_quantities, may_hold_counts_alike

if TYPE_CHECKING:
    from collections.abc import Sequence

    from .document import Document

_SENTENCE_ENDS = re.compile("[。!?]")
_LEVELS = {"、": 1, ",": 2, ":": 2, ";": 3}
_SEPS = re.compile("[、,:;]")
_MAX_ITEMS = 100  # a longer run of counts is not a breakdown written in prose
_MAX_BEFORE = 8  # counts before an opener that may together be its total

_OPENER = re.compile(
    r"其中|分别为|分别是|分别有|具体为|具体是|具体包括|依次为"
    r"|主要包括|主要有|主要是|主要为|包括|包含"
)
_PARTIAL_OPENER = re.compile(r"包括|包含|主要")
_PARTIAL_INTRO = re.compile(r"^\W*(?:主要|包括|包含|重点(?:有|是|包括|为)|例如|比如|部分|涉及|如)")
_PARTIAL_LEAD = re.compile(r"主要有|主要包括|包括|包含|例如|比如")
_PARTIAL_TAIL = re.compile(r"等|其他|其它")
_COMPARISON = re.compile(
    r"(?<!占)比(?!例|重)|增加|减少|增长|下降|上升|提高|降低|增幅|降幅|(?:去|上一?)年(?!度?结转)"
    r"|同期|调整为|变为|变更为|减至|增至|压减|缩减|翻番"
)
_TOTAL_LEAD = re.compile(  # 共计, 全年共计, 三年合计, 以上各项共
    r"^\s*(?:以上|上述)?(?:全年|各类|各项|[一二三四五六七八九十两\d]{1,2}(?:年|项|类|个方面))?"
    r"(?:共计|合计|总计|总共|一共|共)[^,;:、]{0,8}$"
)
_TOTAL_START = re.compile(r"^\s*(?:以上|上述)?(?:共计|合计|总计|总共|一共)")
_MARKED_ITEM = re.compile(
    r"^\s*(?:以上|上述)?(?:全年|本年度?|今年)?(?:共计|合计|总计|总共|一共|共)"
)
_TOTAL_MARK = re.compile(r"共计|合计|总计|总共|一共|累计|共|全年|总数|总量|达到|达")
_STRICT_TOTAL_MARK = re.compile(r"共计|合计|总计|总共|一共|共")
_SHARE_LEAD = re.compile(
    r"^\s*[,、]?\s*(?:\(\s*)?(?:约|近|大约)?"
    r"(?:占(?:比例为|比为|比|总数的|总量的|全部的|总数|)|比例为)\s*$"
    r"|^\s*\(\s*$"
)
# 按时办结率 counts the cases closed on time, 延期办结2件 the others
_TIMINGS = (
    ("on_time", re.compile(r"(?:按时|按期|如期|及时|限时)\s*$")),
    ("late", re.compile(r"(?:延期|逾期|超期|超时)\s*$")),
    ("not", re.compile(r"(?:尚未|未|没有)\s*$")),
)
_INTAKE = re.compile(r"受理|收到|接到|接收|新收")
_BRACKETED_LIST = re.compile(r"\(\s*其中\s*:?(?P<items>[^()]*)\)")
_CLAUSE_END = re.compile(r"[、,;:。!?)]")
_ITEM_BOUNDS = re.compile(r"[^、,;]+")
_CONTAINS = re.compile(r"含|包括")
_RATE = re.compile(r"(答复|办结|回复|受理|审结|处理)率\s*(?:为|达到|达|是)?\s*$")
# 88件和27件, 网上申请113件及信函申请27件: two parts in one item
_CONJUNCTION = re.compile(r"^\s*(?:和|及|以及|与)[^\d%]{0,16}$")
# 已答复的218件申请中，…: a count that the items after it divide
_LEAD_IN = re.compile(
    r"^\s*(?:[^\W\d]{0,12}?(?:申请|案件|事项|信件|来信|诉求|请求|咨询|信息|提案|建议))?\s*中\s*$"
)
# 较上年的1120条 / 比去年同期1120条: last year's figure, named to compare with
_BASE_LEAD = re.compile(r"(?:较|比|同比)\s*(?:上一?年|去年|上年度|\d{4}年)(?:同期)?(?:的)?\s*$")
_CHANGE_AFTER_BASE = re.compile(
    r"^\s*(?:相比|相较)?\s*(?:(?P<up>增长|增加|上升|提高)|(?P<down>下降|减少|降低))了?\s*$"
)
# 比上年减少124件 / 较上年的2800条增加400条: the difference a percentage after it restates
_DELTA_LEAD = re.compile(
    r"(?:(?:较|比|同比)\s*(?:上一?年|去年|上年度|\d{4}年)(?:同期)?(?:的)?|同比"
    r"|(?:与|和|同)\s*(?:上一?年|去年|上年度|\d{4}年)(?:同期)?相比)[^,;:、]*?"
    r"(?:(?P<up>增加|增长|多)|(?P<down>减少|下降|少))了?[^\d,;:、]{0,3}$"
)
_PERCENT_CHANGE = re.compile(
    r"^\s*(?:同比|环比)?\s*(?:(?P<up>增长|增加|上升|提高)|(?P<down>下降|减少|降低))了?"
    r"(?:幅度为?|率为?)?\s*$"
)
_CHANGE_TAIL = re.compile(r"^\s*(?:相比|相较)?\s*(?:增长|增加|上升|提高|下降|减少|降低)了?\s*$")
# 按内容分，… / 从申请方式看，…: the item that names the dimension of a second breakdown
_DIMENSION_LEAD = re.compile(
    r"^\s*(?:按|从|以|就)[^,;:、\d]{1,10}(?:分|划分|分类|统计|看|来看)\s*$"
)
_RESPECTIVE_SHARES = re.compile(
    r"^\s*(?:分别|依次)(?:约)?(?:占(?:比例?为?|总数的|总量的|全部的|总数)?|为)\s*$"
)
_SHARE_GAP = re.compile(r"^\s*(?:、|,|和|及|与|以及)\s*$")
_BRACKET_SHARE_GAP = re.compile(r"^\s*[,、]\s*(?:约)?(?:占(?:比为?|比例为)?)?\s*$")
# The kind of thing an item counts, when its label names it: a list whose items are all
# of one kind is one breakdown, not two joined together.
_FAMILIES = (
    ("channel", re.compile(r"当面|现场|网上|网络|在线|互联网|信函|邮寄|邮件|传真|电话|来信|来访")),
    ("applicant", re.compile(r"自然人|公民|法人|其他组织|企业|律师|社会组织")),
    (
        "result",
        re.compile(
            r"同意公开|予以公开|部分公开|不予公开|不公开|不存在|非本机关|不属于|不明确|重复申请"
            r"|无法提供|告知|转送|补正|撤回|办结|结转下年|下年度?结转"
        ),
    ),
)
# 不予公开中涉及国家秘密3件: an item that divides the one before it
_SUB_ITEM = re.compile(r"其中|(?<=[^\W\d])中(?![心央国华直介标级小学])")


class Share(NamedTuple):
    """A percentage stated for one part (… 20件，占43.5%)."""

    part: Quantity
    percent: Quantity


class Partition(NamedTuple):
    """A total and its listed parts; quantities are offsets in the line's normalised text."""

    line: int
    total: Quantity
    parts: tuple[Quantity, ...]
    partial: bool = False  # the writer marked the list incomplete (等, 主要有, 其他…)
    open_end: bool = False  # more counts of the unit follow: the list may go on past its end
    alternatives: tuple[Quantity, ...] = ()  # other stated totals the list may belong to
    combined: Quantity | None = None  # several counts stated before the list, added up
    shares: tuple[Share, ...] = ()
    closed: bool = False  # the list ends in its total (a、b，共计N): it claims to be whole
    families: tuple[str | None, ...] = ()  # the kind each part counts (result, channel…)


class Rate(NamedTuple):
    """A percentage with the counts it is computed from: a named rate (答复率96%), a share of
    a stated total (共47件，当面21件，占44.7%), or a change on last year (较上年的1120条增长12.5%:
    ``kind`` "rise" or "fall", ``numerator`` this year's count, ``denominator`` last year's)."""

    line: int
    numerator: Quantity
    denominator: Quantity
    percent: Quantity
    kind: str = "share"


@dataclass
class NumberStatements:
    partitions: list[Partition] = field(default_factory=list)
    rates: list[Rate] = field(default_factory=list)


class _Sentence:
    """One sentence of a line: its bounds, its quantities and its top-level separators, each
    indexed by offset so that any stretch of the sentence is found by binary search."""

    __slots__ = (
        "_by_unit",
        "_compares",
        "_counts",
        "_levels",
        "_marked",
        "_percent_starts",
        "_percents",
        "_quantity_starts",
        "_sep_starts",
        "depths",
        "end",
        "plain",
        "quantities",
        "seps",
        "start",
        "text",
    )

    def __init__(
        self,
        text: str,
        start: int,
        end: int,
        quantities: list[Quantity],
        seps: list[tuple[int, int]],
        plain: str,
        depths: list[int],
    ) -> None:
        self.text = text  # the whole normalised line
        self.start = start
        self.end = end
        self.quantities = quantities
        self.seps = seps  # (offset, level), outside brackets
        self.plain = plain  # the line with bracketed asides blanked, for reading the wording
        self.depths = depths  # bracket depth at each offset of the line
        self._quantity_starts = [q.start for q in quantities]
        counts = [q for q in quantities if q.is_count and not q.enclosed]
        self._counts = ([q.start for q in counts], counts)
        by_unit: dict[str, list[Quantity]] = {}
        for q in counts:
            by_unit.setdefault(q.unit, []).append(q)
        self._by_unit = {unit: ([q.start for q in qs], qs) for unit, qs in by_unit.items()}
        self._percents = [q for q in quantities if q.is_percent]
        self._percent_starts = [q.start for q in self._percents]
        self._sep_starts = [p for p, _ in seps]
        self._levels = {level: [p for p, lv in seps if lv >= level] for level in _LEVELS.values()}
        self._marked: dict[str, tuple[list[int], list[Quantity]]] | None = None
        self._compares: dict[tuple[int, int], bool] = {}

    def _index(self, unit: str | None) -> tuple[Sequence[int], Sequence[Quantity]]:
        if unit is None:
            return self._counts
        return self._by_unit.get(unit, ((), ()))

    def counts(self, a: int, b: int, unit: str | None = None) -> Sequence[Quantity]:
        """Counts outside brackets starting in [a, b), of ``unit`` when given."""
        starts, found = self._index(unit)
        return found[bisect_left(starts, a) : bisect_left(starts, b)]

    def count_in(self, a: int, b: int, unit: str | None = None) -> int:
        starts, _ = self._index(unit)
        return max(bisect_left(starts, b) - bisect_left(starts, a), 0)

    def first_count(self, a: int, b: int, unit: str | None = None) -> Quantity | None:
        starts, found = self._index(unit)
        i = bisect_left(starts, a)
        return found[i] if i < len(found) and found[i].start < b else None

    def last_count(self, a: int, b: int, unit: str | None = None) -> Quantity | None:
        starts, found = self._index(unit)
        i = bisect_left(starts, b) - 1
        return found[i] if i >= 0 and found[i].start >= a else None

    def quantity_before(self, pos: int) -> Quantity | None:
        """The last quantity (counts in brackets included) starting before ``pos``."""
        i = bisect_left(self._quantity_starts, pos) - 1
        return self.quantities[i] if i >= 0 else None

    def percents(self, a: int, b: int) -> list[Quantity]:
        starts = self._percent_starts
        return self._percents[bisect_left(starts, a) : bisect_left(starts, b)]

    def first_percent(self, a: int, b: int) -> Quantity | None:
        i = bisect_left(self._percent_starts, a)
        found = self._percents
        return found[i] if i < len(found) and found[i].start < b else None

    def segment(self, pos: int, level: int) -> tuple[int, int]:
        """Bounds of the stretch around ``pos`` between separators of at least ``level``."""
        starts = self._levels[min(max(level, 1), 3)]
        i = bisect_left(starts, pos)
        return (starts[i - 1] + 1 if i else self.start), (
            starts[i] if i < len(starts) else self.end
        )

    def sep_at_or_after(self, pos: int) -> tuple[int, int] | None:
        i = bisect_left(self._sep_starts, pos)
        return self.seps[i] if i < len(self.seps) else None

    def sep_before(self, pos: int) -> tuple[int, int] | None:
        i = bisect_left(self._sep_starts, pos) - 1
        return self.seps[i] if i >= 0 else None

    def seps_in(self, a: int, b: int, level: int = 1) -> list[int]:
        """Offsets of the separators of at least ``level`` in [a, b)."""
        starts = self._levels[level]
        return starts[bisect_left(starts, a) : bisect_left(starts, b)]

    def comparison_around(self, q: Quantity, level: int = 2) -> bool:
        a, b = self.segment(q.start, level)
        return self.compares(a, b)

    def compares(self, a: int, b: int) -> bool:
        """Whether [a, b) compares with another period (比去年增加, 由…调整为…)."""
        found = self._compares.get((a, b))
        if found is None:  # many counts share one long clause: read it once
            found = self._compares[a, b] = bool(_COMPARISON.search(self.plain, a, b))
        return found

    def last_marked_total(self, pos: int, unit: str) -> Quantity | None:
        """The last count of ``unit`` before ``pos`` whose clause marks it a total (共…)."""
        if self._marked is None:
            clause_marks: dict[int, int | None] = {}
            marked: dict[str, list[Quantity]] = {}
            for q in self._counts[1]:
                a, b = self.segment(q.start, 2)
                if a not in clause_marks:
                    m = _STRICT_TOTAL_MARK.search(self.text, a, b)
                    clause_marks[a] = m.end() if m else None
                mark_end = clause_marks[a]
                if mark_end is not None and mark_end <= q.start:
                    marked.setdefault(q.unit, []).append(q)
            self._marked = {unit: ([q.start for q in qs], qs) for unit, qs in marked.items()}
        starts, found = self._marked.get(unit, ((), ()))
        i = bisect_left(starts, pos) - 1
        return found[i] if i >= 0 else None


def analyse(doc: Document) -> NumberStatements:
    """Partitions and rates of every prose line of the report body (tables excluded)."""
    table_lines = {i for table in doc.outline.tables() for i in table.lines}
    found = NumberStatements()
    for index in doc.body_lines():
        if index not in table_lines:
            read_line(index, doc.lines[index].norm, found)
    return found


def read_line(index: int, text: str, found: NumberStatements) -> None:
    """Add the partitions and rates of one normalised line to ``found``."""
    if not may_hold_counts_alike(text):
        return  # every partition and rate has two counts of one unit
    depths = bracket_depths(text)
    quantities = find_quantities(text, depths)
    if sum(q.is_count for q in quantities) < 2:
        return
    owners: dict[int, Partition] = {}  # part offset -> its partition
    previous = None
    last: Partition | None = None  # the first partition of the sentence before
    for sentence in _sentences(text, quantities, depths):
        partitions = _read_sentence(index, sentence, previous, owners)
        if not partitions:
            partitions = [p for p in [_next_breakdown(index, sentence, last)] if p]
        last = partitions[0] if partitions else None
        for partition in partitions:
            found.partitions.append(partition)
            owners.update((q.start, partition) for q in partition.parts)
        rates = _rates(index, sentence) + _changes(index, sentence)
        claimed = {q.start for p in partitions for q in (p.total, *p.parts)} | {
            share.percent.start for p in partitions for share in p.shares
        }
        claimed.update(r.percent.start for r in rates)
        found.rates.extend(rates)
        found.rates.extend(_shares_of_total(index, sentence, claimed, owners))
        previous = sentence
    found.partitions.extend(_bracketed_lists(index, text, quantities, depths))


def _bracketed_lists(
    index: int, text: str, quantities: list[Quantity], depths: list[int]
) -> list[Partition]:
    """共收到申请52件（其中网上申请40件、信函申请12件）: a bracket opened by 其中 right after
    a count is that count's breakdown, though other bracketed figures are asides."""
    found = []
    starts = [q.start for q in quantities]
    for m in _BRACKETED_LIST.finditer(text):
        if depths[m.start()]:
            continue
        i = bisect_left(starts, m.start()) - 1
        total = quantities[i] if i >= 0 else None
        if (
            total is None
            or not total.is_count
            or total.enclosed
            or text[total.end : m.start()].strip()
            or _COMPARISON.search(text, _clause_start(text, total.start), total.start)
        ):
            continue  # 比上年增加20件（其中…）: the breakdown of a change
        inside = quantities[i + 1 : bisect_left(starts, m.end())]
        partition = _bracketed_parts(index, text, total, inside, *m.span("items"))
        if partition is not None:
            found.append(partition)
    return found


def _clause_start(text: str, pos: int) -> int:
    """Where the clause holding ``pos`` starts: after the last separator or sentence end."""
    m = _CLAUSE_END.search(text[max(0, pos - 40) : pos][::-1])
    return pos - m.start() if m else max(0, pos - 40)


def _bracketed_parts(
    index: int, text: str, total: Quantity, inside: list[Quantity], a: int, b: int
) -> Partition | None:
    """The parts listed in text[a:b], each item one count of the total's unit (an item with
    only a share, 占40%, is passed over); None when an item reads as anything else."""
    parts: list[Quantity] = []
    partial = False
    starts = [q.start for q in inside]
    for item in _ITEM_BOUNDS.finditer(text, a, b):
        found = inside[bisect_left(starts, item.start()) : bisect_left(starts, item.end())]
        counts = [q for q in found if q.is_count]
        words = text[item.start() : item.end()]
        if not counts:
            if found:  # a share: 占40%
                continue
            if not _PARTIAL_TAIL.search(words):
                return None
            partial = True  # 以及其他信息
            continue
        count = counts[0]
        label = text[item.start() : count.start]
        if (
            len(counts) > 1
            or count.unit != total.unit
            or count.bound not in (Bound.EXACT, Bound.LOWER)
        ):
            return None
        if _COMPARISON.search(words) or _SUB_ITEM.search(label) or _CONTAINS.search(label):
            return None
        partial = partial or "等" in text[count.end : item.end()]
        parts.append(count)
    if len(parts) < 2:
        return None
    return Partition(index, total, tuple(parts), partial)


def _sentences(text: str, quantities: list[Quantity], depths: list[int]) -> list[_Sentence]:
    plain = _blank_brackets(text, depths)
    starts = [q.start for q in quantities]
    bounds, start = [], 0
    for m in _SENTENCE_ENDS.finditer(text):
        if depths[m.start()] == 0:
            bounds.append((start, m.start()))
            start = m.end()
    bounds.append((start, len(text)))
    return [
        _Sentence(
            text,
            a,
            b,
            quantities[bisect_left(starts, a) : bisect_left(starts, b)],
            [
                (m.start(), _LEVELS[m.group()])
                for m in _SEPS.finditer(text, a, b)
                if not depths[m.start()]
            ],
            plain,
            depths,
        )
        for a, b in bounds
        if b > a
    ]


def _blank_brackets(text: str, depths: list[int]) -> str:
    """``text`` with what stands inside brackets blanked out."""
    if not any(depths):
        return text
    return "".join(" " if depth else ch for ch, depth in zip(text, depths, strict=True))


def _read_sentence(
    index: int, s: _Sentence, previous: _Sentence | None, owners: dict[int, Partition]
) -> list[Partition]:
    found: list[Partition] = []
    skip_until = floor = -1
    for start, end, anchor, kind in _openers(s):
        if start < skip_until:
            continue
        read = _opened_list(index, s, start, end, anchor, kind, previous, owners, floor)
        if read is None:
            continue
        partition, stop = read
        for p in (partition, _second_breakdown(index, s, partition, stop)):
            if p is not None:
                found.append(p)
                owners.update((q.start, p) for q in p.parts)
                skip_until = floor = p.parts[-1].end
    taken = {q.start for p in found for q in (p.total, *p.parts)}
    for total in s.counts(s.start, s.end):
        if total.start in taken or total.start in owners:
            continue
        partition = _total_after_parts(index, s, total, taken, owners) or _list_after_total(
            index, s, total, taken, owners
        )
        if partition is not None:
            found.append(partition)
            taken.update(q.start for q in (partition.total, *partition.parts))
    return found


def _openers(s: _Sentence) -> list[tuple[int, int, Quantity | None, str]]:
    """List openers: a word (其中, 分别为, 主要有…), a colon right after a count, or a count
    leading in the items that divide it (已答复的218件申请中，…). Their bounds, the count a
    colon or lead-in stands after, and which kind they are."""
    found: list[tuple[int, int, Quantity | None, str]] = [
        (m.start(), m.end(), None, "word")
        for m in _OPENER.finditer(s.text, s.start, s.end)
        if s.depths[m.start()] == 0
    ]
    for pos, level in s.seps:
        if level != 2:
            continue
        a, _ = s.segment(pos, 1)
        count = s.last_count(a, pos)
        if count is None:
            continue
        between = s.text[count.end : pos]
        if s.text[pos] == ":" and not between.strip():
            found.append((pos, pos + 1, count, "colon"))
        elif _LEAD_IN.match(between) and s.count_in(a, pos) == 1:
            found.append((pos, pos + 1, count, "lead"))
    return sorted(found, key=lambda item: item[0])


def _opened_list(
    index: int,
    s: _Sentence,
    start: int,
    end: int,
    anchor: Quantity | None,
    kind: str,
    previous: _Sentence | None,
    owners: dict[int, Partition],
    floor: int,
) -> tuple[Partition, int] | None:
    """The list after an opener and the total it divides, with where the list stops."""
    first = s.first_count(end, s.end)
    if first is None or s.comparison_around(first):
        return None
    intro = s.text[end : min(first.start, end + 32)]  # enough to read 主要/包括/例如
    if s.seps_in(start, first.start, 3):
        return None
    if kind == "word":
        candidates, combined = _anchors(s, start, first.unit, previous, owners, floor)
    else:
        candidates, combined = ([anchor] if anchor and anchor.unit == first.unit else []), None
    if not candidates:
        return None
    parts, open_end, stop = _walk_forward(s, first)
    if parts is None:
        return None
    opener = s.text[start:end]
    marked = (kind == "word" and _PARTIAL_OPENER.match(opener)) or _PARTIAL_INTRO.match(intro)
    partial = bool(marked) or _marked_partial(s, parts)
    if kind == "lead":
        # items after a lead-in may pick out some cases only, unless a total closes them
        closing = _closing_total(s, stop, first.unit)
        partial = partial or closing is None
        if closing is not None and closing.value != candidates[0].value:
            candidates.append(closing)
    partition = Partition(
        index,
        candidates[0],
        tuple(parts),
        partial,
        open_end,
        alternatives=tuple(candidates[1:]),
        combined=combined,
        shares=_shares(s, parts) or _respective_shares(s, parts, stop),
        families=_families(s, parts),
    )
    return partition, stop


def _anchors(
    s: _Sentence,
    start: int,
    unit: str,
    previous: _Sentence | None,
    owners: dict[int, Partition],
    floor: int,
) -> tuple[list[Quantity], Quantity | None]:
    """The total an opened list divides, then any other stated total it may divide, and the
    sum of the counts before it when there are several. A list that opens a sentence may
    divide the last count of the sentence before; one right after another list may divide
    that list's total again (a second partition) or its last part. Last year's figure named
    for comparison (较上年的1120条增长12.5%) is passed over; so is a change on last year
    (比上年增加140条) before a list that opens a new sentence, though the list may divide it."""
    is_qizhong = s.text.startswith("其中", start)
    changes: list[Quantity] = []
    if is_qizhong and not s.text[s.start : start].strip():
        if previous is None:
            return [], None
        home = previous
        before = list(previous.counts(previous.start, previous.end, unit)[-_MAX_BEFORE:])
        while len(before) > 1 and home.comparison_around(before[-1]):
            last = before.pop()
            if not _is_base(home, last):
                changes.append(last)  # 比上年增加140条。其中…: the list may divide the change
    else:
        home = s
        sep = s.sep_before(start)
        if is_qizhong and s.text[(sep[0] + 1 if sep else s.start) : start].strip():
            return [], None  # 其中 inside a clause is not an opener
        nearest = s.last_count(s.start, start, unit)
        if nearest is not None and nearest.start in owners:
            before = [nearest]
        else:
            before = list(s.counts(max(s.start, floor), start, unit)[-_MAX_BEFORE:])
        if before and not is_qizhong and s.count_in(before[-1].end, start):
            return [], None  # 分别为/包括… must follow their total directly
        while len(before) > 1 and _is_base(s, before[-1]):
            before.pop()
    if not before or home.comparison_around(before[-1]):
        return [], None
    nearest = before[-1]
    owner = owners.get(nearest.start)
    if owner is not None:
        return [owner.total, nearest, *changes], None
    if len(before) == 1:
        return [nearest, *changes], None
    # 收到申请86件，上年结转3件，其中…: the list may divide either count, or both together
    bound = Bound.EXACT if all(q.exact for q in before) else Bound.APPROX
    together = Quantity(sum(q.value for q in before), unit, before[0].start, nearest.end, bound)
    return [nearest, *before[:-1], *changes], together


def _is_base(s: _Sentence, q: Quantity) -> bool:
    """Whether ``q`` is last year's figure named for comparison (较上年的1120条增长12.5%):
    the comparison leads it in its clause and only the change follows."""
    a, b = s.segment(q.start, 2)
    if not _BASE_LEAD.search(s.plain, a, q.start) or s.count_in(a, b) != 1:
        return False
    tail = s.plain[q.end : b]
    percent = s.first_percent(q.end, b)
    if percent is not None:
        tail = s.plain[q.end : percent.start]
        if s.plain[percent.end : b].strip():
            return False
    return bool(_CHANGE_TAIL.match(tail)) or not tail.strip()


def _item_counts(s: _Sentence, a: int, b: int) -> list[Quantity] | None:
    """The counts of the item [a, b): none or one, or two joined by 和/及/与 (88件和27件,
    网上申请113件及信函申请27件); None when the item holds several counts otherwise."""
    counts = list(s.counts(a, b))
    if len(counts) <= 1:
        return counts
    if len(counts) == 2 and _CONJUNCTION.match(s.text[counts[0].end : counts[1].start]):
        return counts
    return None


def _walk_forward(s: _Sentence, first: Quantity) -> tuple[list[Quantity] | None, bool, int]:
    """Parts from ``first`` on, while items hold one count of its unit each; None when an
    item does not read as a plain part. Also whether the list may go on past its end, and
    the offset where it stops (the separator after its last item, or the sentence end)."""
    parts = [first]
    sep = s.sep_at_or_after(first.end)
    item_end = sep[0] if sep else s.end
    if s.count_in(first.end, item_end):
        rest = _item_counts(s, first.start, item_end)
        if rest is None or rest[-1].unit != first.unit:
            return None, False, s.end
        parts.append(rest[-1])
    while sep is not None and _is_share_item(s, sep[0] + 1, s.segment(sep[0] + 1, 1)[1]):
        sep = s.sep_at_or_after(s.segment(sep[0] + 1, 1)[1])  # 20件，占40%；…: skip the share
    level = sep[1] if sep else 0
    stop = s.end
    while sep is not None:
        pos, lv = sep
        if lv > level:
            stop = pos
            break
        a, b = s.segment(pos + 1, level)
        item = s.text[a:b]
        counts = _item_counts(s, a, b)
        if _TOTAL_START.match(item) or _OPENER.match(item.lstrip()):
            stop = pos  # 合计…, or 其中… dividing the part before it
            break
        if counts == []:
            if _is_share_item(s, a, b):
                sep = (b, _LEVELS[s.text[b]]) if b < s.end else None
                continue
            stop = pos
            break
        if counts is None or s.compares(a, b) or len(parts) >= _MAX_ITEMS:
            return None, False, s.end
        if counts[0].unit != first.unit or counts[-1].unit != first.unit:
            stop = pos
            break
        if _LEAD_IN.match(s.text[counts[-1].end : b]):
            stop = pos  # …，已答复的218件申请中，…: the count a new list divides
            break
        if b < s.end and _OPENER.match(s.text[b + 1 : s.segment(b + 1, level)[1]].lstrip()):
            stop = pos  # …，全年公开4815条，其中…: this item is the total of a new list
            break
        parts.extend(counts)
        sep = (b, _LEVELS[s.text[b]]) if b < s.end else None
    return parts, bool(s.count_in(stop, s.end, first.unit)), stop


def _closing_total(s: _Sentence, stop: int, unit: str) -> Quantity | None:
    """The total of a 合计 item right after a list that stops at ``stop``."""
    if stop >= s.end:
        return None
    a, b = s.segment(stop + 1, _LEVELS[s.text[stop]])
    counts = s.counts(a, b)
    if len(counts) == 1 and counts[0].unit == unit and _TOTAL_START.match(s.text[a:b]):
        return counts[0]
    return None


def _second_breakdown(
    index: int, s: _Sentence, partition: Partition, stop: int
) -> Partition | None:
    """A list after ; that divides the same total along another dimension: 共236件，其中
    自然人89件、法人147件；同意公开102件、…. Only when it is sure to: its items all count
    one known kind of thing, or an item names the dimension (按内容分，…). Such a list may
    leave cases out, so it is read as partial."""
    if stop >= s.end or s.text[stop] != ";":
        return None
    return _breakdown_at(index, s, partition, s.segment(stop + 1, 3)[0])


def _next_breakdown(index: int, s: _Sentence, partition: Partition | None) -> Partition | None:
    """A sentence that names a dimension and lists the total of the sentence before again:
    …，其中自然人33件，法人4件。从申请方式看，网上申请21件，当面申请9件…."""
    if partition is None:
        return None
    return _breakdown_at(index, s, partition, s.start, dimension_only=True)


def _breakdown_at(
    index: int, s: _Sentence, partition: Partition, a: int, dimension_only: bool = False
) -> Partition | None:
    """The list from ``a`` on as another breakdown of ``partition``'s total, when sure."""
    first = s.first_count(a, s.end, partition.total.unit)
    if first is None or s.first_count(a, s.end) is not first:
        return None
    if s.seps_in(a, first.start, 3) or s.comparison_around(first):
        return None
    intro_end = s.segment(first.start, 1)[0]
    dimension = False
    if intro_end > a:  # an item before the first count: only one naming the dimension
        if not _DIMENSION_LEAD.match(s.text[a : intro_end - 1]):
            return None
        dimension = True
    if dimension_only and not dimension:
        return None
    label = s.text[intro_end : first.start]
    if _OPENER.search(label) or _TOTAL_MARK.search(label) or _SUB_ITEM.search(label):
        return None
    parts, open_end, _ = _walk_forward(s, first)
    if parts is None or len(parts) < 2:
        return None
    families = _families(s, parts)
    if not dimension and (None in families or len(set(families)) != 1):
        return None
    settled = _settled(partition)  # the first list showed which total it divides
    return Partition(
        index,
        partition.total,
        tuple(parts),
        True,
        open_end,
        alternatives=() if settled else partition.alternatives,
        combined=None if settled else partition.combined,
        shares=_shares(s, parts),
        families=families,
    )


def _settled(partition: Partition) -> bool:
    """Whether exact parts add up exactly to the partition's first total."""
    parts = partition.parts
    exact = partition.total.exact and all(q.exact and not q.slack for q in parts)
    return exact and sum(q.value for q in parts) == partition.total.value


def _is_share_item(s: _Sentence, a: int, b: int) -> bool:
    percents = s.percents(a, b)
    return len(percents) == 1 and bool(_SHARE_LEAD.match(s.text[a : percents[0].start]))


def _total_after_parts(
    index: int, s: _Sentence, total: Quantity, taken: set[int], owners: dict[int, Partition]
) -> Partition | None:
    """a N、b N，共计 M: a marked total closing the list of its parts."""
    a, _ = s.segment(total.start, 1)
    if a == s.start or not _TOTAL_LEAD.match(s.text[a : total.start]):
        return None
    total_sep = a - 1
    last = s.last_count(s.start, total_sep)
    if last is None or last.unit != total.unit:
        return None
    start, _ = s.segment(last.start, 1)
    if s.count_in(last.end, total_sep) or start == s.start:
        return None
    last_item = _item_counts(s, start, last.end)
    if last_item is None:
        return None
    level = _LEVELS[s.text[start - 1]]
    if level > _LEVELS[s.text[total_sep]]:
        return None
    parts = list(last_item)
    pos = start - 1
    steps = 0
    while pos >= s.start and _LEVELS[s.text[pos]] <= level:
        steps += 1
        if steps > 2 * _MAX_ITEMS:
            return None
        seg_start, _ = s.segment(pos, level)
        item_counts = _item_counts(s, seg_start, pos)
        if not item_counts:
            if item_counts is not None and _is_share_item(s, seg_start, pos):
                pos = seg_start - 1
                continue
            if item_counts is None:
                return None
            break
        item = s.text[seg_start:pos]
        if _MARKED_ITEM.match(item):
            return None  # 共受理47件，a、b，共办结45件: which total the list divides is unclear
        if _LEAD_IN.match(s.text[item_counts[-1].end : pos]):
            break  # 已答复的218件申请中，…: the count the list divides, not a part of it
        if (
            s.compares(seg_start, pos)
            or any(q.unit != total.unit for q in item_counts)
            or len(parts) >= _MAX_ITEMS
        ):
            return None
        if any(q.start in taken or q.start in owners for q in item_counts):
            return None
        parts[:0] = item_counts
        if _OPENER.search(item) or seg_start == s.start:
            pos = seg_start - 1
            break
        pos = seg_start - 1
    if len(parts) < 2 or any(q.start in taken or q.start in owners for q in parts):
        return None
    if s.comparison_around(total):
        return None
    lead_start, _ = s.segment(parts[0].start, 3)
    before = s.quantity_before(parts[0].start)
    lead = s.text[max(lead_start, before.end if before else 0) : parts[0].start]
    partial = bool(_PARTIAL_LEAD.search(lead)) or _marked_partial(s, parts)
    open_end = bool(s.count_in(s.start, max(pos, s.start), total.unit))
    return Partition(
        index,
        total,
        tuple(parts),
        partial,
        open_end,
        shares=_shares(s, parts),
        closed=True,
        families=_families(s, parts),
    )


def _list_after_total(
    index: int, s: _Sentence, total: Quantity, taken: set[int], owners: dict[int, Partition]
) -> Partition | None:
    """共 M，a N、b N: an enumeration joined by 、 right after a marked total."""
    a, b = s.segment(total.start, 2)
    if b >= s.end or s.text[b] != "," or s.count_in(total.end, b):
        return None
    if not _TOTAL_MARK.search(s.text, a, total.start) or s.comparison_around(total):
        return None
    item_start, item_end = s.segment(b + 1, 2)
    if _OPENER.search(s.text, item_start, item_end):
        return None
    parts: list[Quantity] = []
    pieces = s.seps_in(item_start, item_end)
    if len(pieces) >= _MAX_ITEMS:
        return None
    for piece_start, piece_end in zip(
        [item_start, *(p + 1 for p in pieces)], [*pieces, item_end], strict=True
    ):
        counts = _item_counts(s, piece_start, piece_end)
        if not counts or any(q.unit != total.unit for q in counts):
            return None
        if s.compares(piece_start, piece_end):
            return None
        parts.extend(counts)
    if len(parts) < 2 or any(q.start in taken or q.start in owners for q in parts):
        return None
    partial = _marked_partial(s, parts)
    open_end = bool(s.count_in(item_end, s.end, total.unit))
    return Partition(
        index,
        total,
        tuple(parts),
        partial,
        open_end,
        shares=_shares(s, parts) or _respective_shares(s, parts, item_end),
        families=_families(s, parts),
    )


def _marked_partial(s: _Sentence, parts: list[Quantity]) -> bool:
    """等 right after a count (12条等), or a mention of the rest without a count after the
    list (…，以及其他信息): the list does not claim to be whole. A catch-all item with its own
    count (其他24件) completes the list instead."""
    for part in parts:
        _, end = s.segment(part.start, 1)
        if "等" in s.text[part.end : end]:
            return True
    _, last_end = s.segment(parts[-1].start, 1)
    _, tail_end = s.segment(last_end + 1, 2) if last_end < s.end else (0, last_end)
    tail = s.text[last_end:tail_end]
    return not s.count_in(last_end, tail_end) and bool(_PARTIAL_TAIL.search(tail))


def _families(s: _Sentence, parts: list[Quantity]) -> tuple[str | None, ...]:
    """The kind of thing each part counts, read from the words of its item (None: unknown)."""
    found = []
    previous_end = -1
    for part in parts:
        a, b = s.segment(part.start, 1)
        label = s.text[max(a, previous_end) : part.start]
        opener = _OPENER.match(label.lstrip())
        if opener:
            label = label.lstrip()[opener.end() :]
        if not label.strip(" 和及与以"):
            label = s.text[part.end : b]
        previous_end = part.end
        kinds = {name for name, pattern in _FAMILIES if pattern.search(label)}
        found.append(kinds.pop() if len(kinds) == 1 and not _SUB_ITEM.search(label) else None)
    return tuple(found)


def _shares(s: _Sentence, parts: list[Quantity]) -> tuple[Share, ...]:
    """Percentages stated right after a part: 20件，占43.5% / 20件（占43.5%）/ 20件（43.5%）."""
    shares = []
    limits = [q.start for q in parts[1:]] + [s.end]
    for part, limit in zip(parts, limits, strict=True):
        percent = s.first_percent(part.end, limit)
        if percent is not None and _SHARE_LEAD.match(s.text[part.end : percent.start]):
            shares.append(Share(part, percent))
    return tuple(shares)


def _respective_shares(s: _Sentence, parts: list[Quantity], stop: int) -> tuple[Share, ...]:
    """Shares stated together after the list: …，分别占43.9%、38.8%和21.2%."""
    if stop >= s.end:
        return ()
    a, b = s.segment(stop + 1, 2)
    percents = s.percents(a, b)
    if len(percents) != len(parts) or s.count_in(a, b):
        return ()
    if not _RESPECTIVE_SHARES.match(s.text[a : percents[0].start]):
        return ()
    if not all(_SHARE_GAP.match(s.text[p.end : q.start]) for p, q in pairwise(percents)):
        return ()
    if s.text[percents[-1].end : b].strip():
        return ()
    return tuple(Share(part, percent) for part, percent in zip(parts, percents, strict=True))


def _rates(index: int, s: _Sentence) -> list[Rate]:
    """答复率96% after 按时答复48件, out of a marked total (共受理50件) of the same sentence."""
    found = []
    for percent in s.percents(s.start, s.end):
        if percent.enclosed:
            continue
        a, _ = s.segment(percent.start, 2)
        m = _RATE.search(s.text, max(a, percent.start - 16), percent.start)
        if m is None or a == s.start:
            continue
        num_start, _ = s.segment(a - 1, 2)
        if s.count_in(num_start, a) != 1:
            continue
        numerator = s.first_count(num_start, a)
        assert numerator is not None
        label = s.text[num_start : numerator.start]
        if m.group(1) not in label or _STRICT_TOTAL_MARK.search(label):
            continue
        stem = label.rindex(m.group(1))
        if not _same_timing(_timing(label[:stem]), _timing(s.text[a : m.start()])):
            continue  # 延期办结2件，按时办结率96.2%: the count is not what the rate counts
        total = s.last_marked_total(num_start, numerator.unit) or _intake(s, num_start, numerator)
        if total is None or total.bound is not Bound.EXACT:
            continue
        if numerator.value <= total.value:  # else more came in than the total (上年结转)
            found.append(Rate(index, numerator, total, percent))
    return found


def _intake(s: _Sentence, end: int, numerator: Quantity) -> Quantity | None:
    """The cases a rate is out of when no 共 marks them: the one count of the unit before
    ``end`` when its clause says they came in (受理咨询3200件，办结3150件，办结率98.4%)."""
    before = s.counts(s.start, end, numerator.unit)
    if len(before) != 1 or before[0].slack or s.comparison_around(before[0]):
        return None
    a, _ = s.segment(before[0].start, 2)
    return before[0] if _INTAKE.search(s.plain, a, before[0].start) else None


def _timing(before: str) -> str | None:
    """How the words right before 办结/答复 qualify it (按时, 延期, 未…), or None."""
    for kind, pattern in _TIMINGS:
        if pattern.search(before):
            return kind
    return None


def _same_timing(count: str | None, rate: str | None) -> bool:
    """Whether a count qualified ``count`` is what a rate qualified ``rate`` counts: the same
    qualifier, or an on-time count for a plain rate (按时答复48件，答复率96%)."""
    return count == rate or (rate is None and count == "on_time")


def _changes(index: int, s: _Sentence) -> list[Rate]:
    """A change on last year's figure: 全年公开1260条，较上年的1120条增长12.5%. This year's
    count is the only count of the unit before it in the sentence, with no list between."""
    found = []
    for percent in s.percents(s.start, s.end):
        if percent.enclosed or percent.bound is not Bound.EXACT:
            continue
        a, _ = s.segment(percent.start, 2)
        base = s.last_count(a, percent.start)
        if base is None:
            rate = _change_after_delta(index, s, percent, a)
            found += [rate] if rate else []
            continue
        if not base.exact or base.slack:
            continue
        change = _CHANGE_AFTER_BASE.match(s.plain[base.end : percent.start])
        if change is None or not _BASE_LEAD.search(s.plain, a, base.start):
            continue
        if s.count_in(s.start, base.start, base.unit) != 1:
            continue
        current = s.first_count(s.start, base.start, base.unit)
        if current is None or not current.exact or current.slack:
            continue
        if s.comparison_around(current) and s.segment(current.start, 2)[0] != a:
            continue  # this year's count is itself compared with something
        if _OPENER.search(s.plain, s.start, percent.start):
            continue  # 全年1260条，其中网站1000条，较上年…: which count changed is unclear
        found.append(Rate(index, current, base, percent, "rise" if change["up"] else "fall"))
    return found


def _change_after_delta(index: int, s: _Sentence, percent: Quantity, a: int) -> Rate | None:
    """A change stated as a count and then a percentage, in the clause before the one holding
    ``percent`` (from ``a``): 收到2356件，比上年减少124件，下降5.0% (last year's figure is
    this year's plus or minus the difference) or 较上年的2800条增加400条，增长14.3%."""
    word = _PERCENT_CHANGE.match(s.plain[a : percent.start])
    if word is None or a == s.start:
        return None
    clause, _ = s.segment(a - 1, 2)
    delta = s.last_count(clause, a - 1)
    if delta is None or not delta.exact or delta.slack:
        return None
    said = _DELTA_LEAD.search(s.plain[clause : delta.start])
    if said is None or bool(said["up"]) != bool(word["up"]) or s.plain[delta.end : a - 1].strip():
        return None
    if _OPENER.search(s.plain, s.start, percent.start):
        return None  # 全年1260条，其中网站1000条，比上年增加…: which count changed is unclear
    counts = s.counts(s.start, delta.start, delta.unit)
    named = [q for q in counts if q.start >= clause]  # 较上年的2800条: last year's, named
    current = counts[0] if len(counts) - len(named) == 1 else None
    if current is None or len(named) > 1 or not current.exact or current.slack:
        return None
    if s.comparison_around(current):
        return None
    step = delta.value if word["up"] else -delta.value
    base = named[0] if named else current._replace(value=current.value - step)
    if not base.exact or base.slack or current.value - base.value != step:
        return None  # the difference disagrees with the two years' figures: which is wrong?
    return Rate(index, current, base, percent, "rise" if word["up"] else "fall")


def _shares_of_total(
    index: int, s: _Sentence, claimed: set[int], owners: dict[int, Partition]
) -> list[Rate]:
    """Shares of a marked total stated for counts that no list has read: 共受理47件，当面申请
    21件，占44.7%，网上申请18件，占38.3% / 共收到132件，主要涉及征地（79件，占59.8%）. The
    denominator is sure only when the total is the nearest count of the unit before the share
    that has no share of its own: any other count between may be what the share is out of."""
    shared: dict[int, tuple[Quantity, Quantity]] = {}  # count offset -> (count, percent)
    for percent in s.percents(s.start, s.end):
        if percent.start in claimed:
            continue
        count = s.quantity_before(percent.start)
        if count is None or not count.is_count:
            continue
        gap = s.text[count.end : percent.start]
        if count.enclosed:  # （79件，占62.8%）
            if not (
                _char_before(s.text, count.start) == "("
                and _char_after(s.text, percent.end) == ")"
                and s.depths[count.start] == 1
                and _BRACKET_SHARE_GAP.match(gap)
            ):
                continue
        elif not _SHARE_LEAD.match(gap):
            continue
        shared[count.start] = (count, percent)
    if not shared:
        return []
    found = []
    totals: dict[str, Quantity | None] = {}  # unit -> the total the shares after it are of
    events = [*s.counts(s.start, s.end), *(q for q, _ in shared.values() if q.enclosed)]
    for q in sorted(events, key=lambda q: q.start):
        if q.start in shared:
            _, percent = shared[q.start]
            total = totals.get(q.unit)
            if (
                total is not None
                and q.start not in claimed
                and q.start not in owners
                and not s.comparison_around(q, 1)
            ):
                found.append(Rate(index, q, total, percent))
            continue
        if _has_share_of(owners.get(q.start), q, totals.get(q.unit)):
            continue  # a part with its own share of this total leaves it the denominator
        marked = s.last_marked_total(q.start + 1, q.unit) is q
        sure = marked and q.exact and not s.comparison_around(q) and q.start not in owners
        totals[q.unit] = q if sure else None
    return found


def _has_share_of(owner: Partition | None, part: Quantity, total: Quantity | None) -> bool:
    """Whether ``part`` is a part of ``total`` with its share stated in the list (自然人24件，
    占80%，…；网上申请18件，占60%: the later share is still out of the same total)."""
    if owner is None or total is None or owner.total != total:
        return False
    return any(share.part == part for share in owner.shares)


def _char_before(text: str, pos: int) -> str:
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return text[pos - 1] if pos > 0 else ""


def _char_after(text: str, pos: int) -> str:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return text[pos] if pos < len(text) else ""
