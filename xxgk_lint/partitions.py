"""Stated totals and the counts listed as their parts, read sentence by sentence from prose.

A partition is a total with the list that divides it: 共236件，其中 a 89件、b 147件 (the
list follows an opener), a 8条、b 10条、c 3条，共计21条 (the total follows its parts), or
共120条，a 20条、b 100条 (an enumeration right after a marked total). N001 adds the parts
up and N002 recomputes the shares stated beside them (占43%), so precision comes first:
whatever does not read as a plain list of counts in one unit (comparisons with last year,
several counts in one item, bracketed asides, counts of unknown size) yields no partition.

Sentences end at 。!? and at the line end. Inside a sentence, 、 , : ; separate list items
at rising strength: a list keeps the separator that follows its first item, and a stronger
one ends it (a ; after items joined by , starts something else).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from .quantities import Bound, Quantity, bracket_depths, find_quantities, may_hold_counts_alike

if TYPE_CHECKING:
    from .document import Document

_SENTENCE_ENDS = re.compile("[。!?]")
_LEVELS = {"、": 1, ",": 2, ":": 2, ";": 3}
_SEPS = re.compile("[、,:;]")

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
_TOTAL_LEAD = re.compile(
    r"^\s*(?:以上|上述)?(?:全年)?(?:共计|合计|总计|总共|一共|共)[^,;:、]{0,8}$"
)
_TOTAL_START = re.compile(r"^\s*(?:以上|上述)?(?:共计|合计|总计|总共|一共)")
_TOTAL_MARK = re.compile(r"共计|合计|总计|总共|一共|累计|共|全年|总数|总量|达到|达")
_STRICT_TOTAL_MARK = re.compile(r"共计|合计|总计|总共|一共|共")
_SHARE_LEAD = re.compile(
    r"^\s*[,、]?\s*(?:\(\s*)?(?:约|近|大约)?"
    r"(?:占(?:比例为|比为|比|总数的|总量的|全部的|总数|)|比例为)\s*$"
    r"|^\s*\(\s*$"
)
_RATE = re.compile(r"(答复|办结|回复|受理|审结|处理)率\s*(?:为|达到|达|是)?\s*$")


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


class Rate(NamedTuple):
    """A named rate (答复率96%) with the count it measures and the total it is out of."""

    line: int
    numerator: Quantity
    denominator: Quantity
    percent: Quantity


@dataclass
class NumberStatements:
    partitions: list[Partition] = field(default_factory=list)
    rates: list[Rate] = field(default_factory=list)


@dataclass(slots=True)
class _Sentence:
    """One sentence of a line: its bounds, its quantities and its top-level separators."""

    text: str  # the whole normalised line
    start: int
    end: int
    quantities: list[Quantity]
    seps: list[tuple[int, int]]  # (offset, level), outside brackets
    plain: str  # the line with bracketed asides blanked, for reading the wording
    depths: list[int]  # bracket depth at each offset of the line (a sentence starts at 0)

    def counts(self, a: int, b: int, unit: str | None = None) -> list[Quantity]:
        """Counts outside brackets starting in [a, b), of ``unit`` when given."""
        return [
            q
            for q in self.quantities
            if q.is_count and not q.enclosed and a <= q.start < b and unit in (None, q.unit)
        ]

    def percents(self, a: int, b: int) -> list[Quantity]:
        return [q for q in self.quantities if q.is_percent and a <= q.start < b]

    def segment(self, pos: int, level: int) -> tuple[int, int]:
        """Bounds of the stretch around ``pos`` between separators of at least ``level``."""
        start = max((p + 1 for p, lv in self.seps if p < pos and lv >= level), default=self.start)
        end = min((p for p, lv in self.seps if p >= pos and lv >= level), default=self.end)
        return start, end

    def sep_at_or_after(self, pos: int) -> tuple[int, int] | None:
        return next(((p, lv) for p, lv in self.seps if p >= pos), None)

    def sep_before(self, pos: int) -> tuple[int, int] | None:
        return next(((p, lv) for p, lv in reversed(self.seps) if p < pos), None)

    def comparison_around(self, q: Quantity) -> bool:
        a, b = self.segment(q.start, 2)
        return self.compares(a, b)

    def compares(self, a: int, b: int) -> bool:
        """Whether [a, b) compares with another period (比去年增加, 由…调整为…)."""
        return bool(_COMPARISON.search(self.plain[a:b]))


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
    for sentence in _sentences(text, quantities, depths):
        for partition in _read_sentence(index, sentence, previous, owners):
            found.partitions.append(partition)
            owners.update((q.start, partition) for q in partition.parts)
        found.rates.extend(_rates(index, sentence))
        previous = sentence


def _sentences(text: str, quantities: list[Quantity], depths: list[int]) -> list[_Sentence]:
    plain = _blank_brackets(text, depths)
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
            [q for q in quantities if a <= q.start < b],
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
    skip_until = -1
    for start, end, anchor in _openers(s):
        if start < skip_until:
            continue
        partition = _opened_list(index, s, start, end, anchor, previous, owners)
        if partition is not None:
            found.append(partition)
            owners.update((q.start, partition) for q in partition.parts)
            skip_until = partition.parts[-1].end
    taken = {q.start for p in found for q in (p.total, *p.parts)} | set(owners)
    for total in s.counts(s.start, s.end):
        if total.start in taken:
            continue
        partition = _total_after_parts(index, s, total, taken) or _list_after_total(
            index, s, total, taken
        )
        if partition is not None:
            found.append(partition)
            taken |= {q.start for q in (partition.total, *partition.parts)}
    return found


def _openers(s: _Sentence) -> list[tuple[int, int, Quantity | None]]:
    """List openers (其中, 分别为, 主要有…, or a colon right after a count): their bounds and
    the count a colon follows."""
    found: list[tuple[int, int, Quantity | None]] = [
        (m.start(), m.end(), None)
        for m in _OPENER.finditer(s.text, s.start, s.end)
        if s.depths[m.start()] == 0
    ]
    for pos, _level in s.seps:
        if s.text[pos] == ":":
            before = s.counts(s.start, pos)
            if before and not s.text[before[-1].end : pos].strip():
                found.append((pos, pos + 1, before[-1]))
    return sorted(found, key=lambda item: item[0])


def _opened_list(
    index: int,
    s: _Sentence,
    start: int,
    end: int,
    colon_anchor: Quantity | None,
    previous: _Sentence | None,
    owners: dict[int, Partition],
) -> Partition | None:
    """The list after an opener and the total it divides."""
    first = next(iter(s.counts(end, s.end)), None)
    if first is None or s.comparison_around(first):
        return None
    intro = s.text[end : first.start]
    if any(start <= p < first.start and lv == 3 for p, lv in s.seps):
        return None
    candidates, combined = _anchors(s, start, first.unit, colon_anchor, previous, owners)
    if not candidates:
        return None
    parts, open_end = _walk_forward(s, first)
    if parts is None:
        return None
    opener = s.text[start:end]
    marked = _PARTIAL_OPENER.match(opener) or _PARTIAL_INTRO.match(intro)
    partial = bool(marked) or _marked_partial(s, parts)
    return Partition(
        index,
        candidates[0],
        tuple(parts),
        partial,
        open_end,
        alternatives=tuple(candidates[1:]),
        combined=combined,
        shares=_shares(s, parts),
    )


def _anchors(
    s: _Sentence,
    start: int,
    unit: str,
    colon_anchor: Quantity | None,
    previous: _Sentence | None,
    owners: dict[int, Partition],
) -> tuple[list[Quantity], Quantity | None]:
    """The total an opened list divides, then any other stated total it may divide, and the
    sum of the counts before it when there are several. A list that opens a sentence may
    divide the last count of the sentence before; one right after another list may divide
    that list's total again (a second partition) or its last part."""
    if colon_anchor is not None:
        return ([colon_anchor] if colon_anchor.unit == unit else []), None
    is_qizhong = s.text.startswith("其中", start)
    home = s
    if is_qizhong and not s.text[s.start : start].strip():
        if previous is None:
            return [], None
        home = previous
        before = previous.counts(previous.start, previous.end, unit)
    else:
        sep = s.sep_before(start)
        if is_qizhong and s.text[(sep[0] + 1 if sep else s.start) : start].strip():
            return [], None  # 其中 inside a clause is not an opener
        before = s.counts(s.start, start, unit)
        if before and not is_qizhong and s.counts(before[-1].end, start):
            return [], None  # 分别为/包括… must follow their total directly
    if not before or home.comparison_around(before[-1]):
        return [], None
    nearest = before[-1]
    owner = owners.get(nearest.start)
    if owner is not None:
        return [owner.total, nearest], None
    if len(before) == 1:
        return [nearest], None
    # 收到申请86件，上年结转3件，其中…: the list may divide either count, or both together
    bound = Bound.EXACT if all(q.exact for q in before) else Bound.APPROX
    together = Quantity(sum(q.value for q in before), unit, before[0].start, nearest.end, bound)
    return [nearest, *before[:-1]], together


def _walk_forward(s: _Sentence, first: Quantity) -> tuple[list[Quantity] | None, bool]:
    """Parts from ``first`` on, while items hold one count of its unit each; None when an
    item does not read as a plain part. Also whether the list may go on past its end."""
    parts = [first]
    sep = s.sep_at_or_after(first.end)
    if sep is not None and s.counts(first.end, sep[0]):
        return None, False
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
        counts = s.counts(a, b)
        if _TOTAL_START.match(item):
            stop = pos
            break
        if not counts:
            if _is_share_item(s, a, b):
                sep = (b, _LEVELS[s.text[b]]) if b < s.end else None
                continue
            stop = pos
            break
        if s.compares(a, b) or len(counts) > 1:
            return None, False
        if counts[0].unit != first.unit:
            stop = pos
            break
        parts.append(counts[0])
        sep = (b, _LEVELS[s.text[b]]) if b < s.end else None
    return parts, bool(s.counts(stop, s.end, first.unit))


def _is_share_item(s: _Sentence, a: int, b: int) -> bool:
    percents = s.percents(a, b)
    return len(percents) == 1 and bool(_SHARE_LEAD.match(s.text[a : percents[0].start]))


def _total_after_parts(
    index: int, s: _Sentence, total: Quantity, taken: set[int]
) -> Partition | None:
    """a N、b N，共计 M: a marked total closing the list of its parts."""
    a, _ = s.segment(total.start, 1)
    if a == s.start or not _TOTAL_LEAD.match(s.text[a : total.start]):
        return None
    total_sep = a - 1
    counts = s.counts(s.start, total_sep)
    if not counts or counts[-1].unit != total.unit:
        return None
    last = counts[-1]
    start, _ = s.segment(last.start, 1)
    if s.counts(start, last.start) or s.counts(last.end, total_sep):
        return None
    if start == s.start:
        return None
    level = _LEVELS[s.text[start - 1]]
    if level > _LEVELS[s.text[total_sep]]:
        return None
    parts = [last]
    pos = start - 1
    while pos >= s.start and _LEVELS[s.text[pos]] <= level:
        seg_start, _ = s.segment(pos, level)
        item_counts = s.counts(seg_start, pos)
        if not item_counts:
            if _is_share_item(s, seg_start, pos):
                pos = seg_start - 1
                continue
            break
        item = s.text[seg_start:pos]
        if s.compares(seg_start, pos) or len(item_counts) > 1 or item_counts[0].unit != total.unit:
            return None
        parts.insert(0, item_counts[0])
        if _OPENER.search(item) or seg_start == s.start:
            pos = seg_start - 1
            break
        pos = seg_start - 1
    if len(parts) < 2 or any(q.start in taken for q in parts) or s.comparison_around(total):
        return None
    lead_start, _ = s.segment(parts[0].start, 3)
    lead = s.text[lead_start : parts[0].start]
    partial = bool(_PARTIAL_LEAD.search(lead)) or _marked_partial(s, parts)
    open_end = bool(s.counts(s.start, max(pos, s.start), total.unit))
    return Partition(
        index, total, tuple(parts), partial, open_end, shares=_shares(s, parts), closed=True
    )


def _list_after_total(
    index: int, s: _Sentence, total: Quantity, taken: set[int]
) -> Partition | None:
    """共 M，a N、b N: an enumeration joined by 、 right after a marked total."""
    a, b = s.segment(total.start, 2)
    if not _TOTAL_MARK.search(s.text[a : total.start]) or b >= s.end or s.text[b] != ",":
        return None
    if s.counts(total.end, b) or s.comparison_around(total):
        return None
    item_start, item_end = s.segment(b + 1, 2)
    if _OPENER.search(s.text[item_start:item_end]):
        return None
    parts = []
    pieces = [p for p, lv in s.seps if item_start <= p < item_end and lv == 1]
    for piece_start, piece_end in zip(
        [item_start, *(p + 1 for p in pieces)], [*pieces, item_end], strict=True
    ):
        counts = s.counts(piece_start, piece_end)
        if len(counts) != 1 or counts[0].unit != total.unit:
            return None
        if s.compares(piece_start, piece_end):
            return None
        parts.append(counts[0])
    if len(parts) < 2 or any(q.start in taken for q in parts):
        return None
    partial = _marked_partial(s, parts)
    open_end = bool(s.counts(item_end, s.end, total.unit))
    return Partition(index, total, tuple(parts), partial, open_end, shares=_shares(s, parts))


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
    return not s.counts(last_end, tail_end) and bool(_PARTIAL_TAIL.search(tail))


def _shares(s: _Sentence, parts: list[Quantity]) -> tuple[Share, ...]:
    """Percentages stated right after a part: 20件，占43.5% / 20件（占43.5%）/ 20件（43.5%）."""
    shares = []
    limits = [q.start for q in parts[1:]] + [s.end]
    for part, limit in zip(parts, limits, strict=True):
        for percent in s.percents(part.end, limit):
            if _SHARE_LEAD.match(s.text[part.end : percent.start]):
                shares.append(Share(part, percent))
            break
    return tuple(shares)


def _rates(index: int, s: _Sentence) -> list[Rate]:
    """答复率96% after 按时答复48件, out of a marked total (共受理50件) of the same sentence."""
    found = []
    for percent in s.percents(s.start, s.end):
        if percent.enclosed:
            continue
        a, _ = s.segment(percent.start, 2)
        m = _RATE.search(s.text[a : percent.start])
        if m is None or a == s.start:
            continue
        num_start, _ = s.segment(a - 1, 2)
        counts = s.counts(num_start, a)
        if len(counts) != 1:
            continue
        numerator = counts[0]
        label = s.text[num_start : numerator.start]
        if m.group(1) not in label or _STRICT_TOTAL_MARK.search(label):
            continue
        totals = [
            q
            for q in s.counts(s.start, num_start, numerator.unit)
            if _STRICT_TOTAL_MARK.search(s.text[s.segment(q.start, 2)[0] : q.start])
        ]
        if totals and totals[-1].bound is Bound.EXACT:
            found.append(Rate(index, numerator, totals[-1], percent))
    return found
