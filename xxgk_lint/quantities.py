"""Counts, amounts and percentages in normalised report text: 3915条, 1.2万次, 二十三件, 21余人次.

The number rules compare a stated total with its parts, so they need each quantity's value,
its unit and whether the writer hedged it (约, 近, 余, 多, 以上, 左右). The text is the
normalised view (simplified characters, half-width digits and punctuation), so one parser
serves traditional and full-width input alike. Numbers without a counting unit (years,
dates, document numbers 〔2017〕24号, telephone numbers, 5.15, ordinals 第3条) are not
quantities and are never returned.
"""

from __future__ import annotations

import re
from decimal import Decimal
from enum import Enum
from typing import NamedTuple

from .numerals import cn_to_int


class Bound(str, Enum):
    """How far the written value can be trusted."""

    EXACT = "exact"
    LOWER = "lower"  # 21余, 300多, 100以上, 超过100: at least the value
    UPPER = "upper"  # 不到100, 100以内: at most the value
    APPROX = "approx"  # 约, 近, 左右: about the value, either way
    UNKNOWN = "unknown"  # 数十, 十几: the value is not stated


class Quantity(NamedTuple):
    """A value with its unit; ``start``/``end`` are offsets in the parsed text."""

    value: Decimal
    unit: str  # canonical counting unit ("件", "人次", "元"), or "%" for a percentage
    start: int
    end: int
    bound: Bound = Bound.EXACT
    enclosed: bool = False  # inside brackets or book-title marks: an aside, not the sentence
    slack: Decimal = Decimal(0)  # rounding a 万/亿 figure allows: 1.2万 is 12000 ± 500
    scale: str = ""  # the 千/万/亿 written after the digits (1.2万次): how to show it back

    @property
    def is_percent(self) -> bool:
        return self.unit == "%"

    @property
    def is_count(self) -> bool:
        return self.unit != "%"

    @property
    def exact(self) -> bool:
        return self.bound is Bound.EXACT


# Counting units, longest first so 人次 wins over 人 and 次.
UNITS = (
    "人次", "户次", "件次", "条次", "元", "条", "件", "个", "项", "篇", "期", "场", "次",
    "家", "份", "人", "名", "位", "户", "批", "本", "册", "张", "部", "类", "起", "宗",
    "例", "所", "处", "块", "套", "台", "辆", "封", "座", "幅", "则", "轮", "栏",
)  # fmt: skip
_SAME_UNIT = {"名": "人", "位": "人"}

# A unit character followed by these is the first character of another word, not a unit:
# 3个工作日, 一次性, 一件事, 一部分, 3部门, 场所, 起草, 本级, 台账, 项目, 条例.
_NOT_A_UNIT = {
    "个": ("百分点", "工作日", "自然日", "小时", "月", "季度", "星期", "年", "周", "半月"),
    "次": ("性",),
    "期": ("间", "限", "刊"),
    "件": ("事",),
    "部": ("分", "门", "署", "长", "委", "位"),
    "场": ("所",),
    "起": ("至", "草", "诉", "止", "来"),
    "处": ("理", "置", "室", "长", "罚"),
    "本": ("级", "单位", "次", "年", "部", "机关", "人", "着"),
    "所": ("在", "有", "属", "长", "得"),
    "台": ("账",),
    "项": ("目",),
    "条": ("例", "件", "线"),
    "人": ("员", "民", "大", "社", "口"),
    "家": ("庭",),
    "例": ("如",),
    "类": ("似", "别"),
}

_MULTIPLIERS = {"千": 1_000, "万": 10_000, "亿": 100_000_000}
_CN_DIGITS = "零〇一二两三四五六七八九"
_CN_CHARS = _CN_DIGITS + "十百千万亿"

_ARABIC = r"(?<![\d.A-Za-z])(?<!\d,)(?P<arabic>\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?)"
_CHINESE = rf"(?<![{_CN_CHARS}])(?P<chinese>[{_CN_CHARS}]+)"
_UNIT_RE = "|".join(UNITS)
_QUANTITY = re.compile(
    rf"(?:百分之(?P<pct_cn>[{_CN_CHARS}]+)|{_ARABIC}\s?(?P<mult>[千万亿])?|{_CHINESE})"
    rf"\s?(?P<infix>余|多|来|几)?\s?(?:(?P<pct>%)|(?P<unit>{_UNIT_RE}))?"
    r"(?P<suffix>以上|以下|以内|左右|上下)?"
)
_UNIT_STARTS = "".join(sorted({unit[0] for unit in UNITS}))
_COUNT_HINT = re.compile(
    rf"[\d{_CN_CHARS}](?=\s?[千万亿]?\s?(?:余|多|来|几)?\s?([{_UNIT_STARTS}]))"
)
"""The last character of a count's number, where the unit the count needs follows it (the
group: the unit's first character)."""

# Words right before the number that hedge it.
_PREFIX_BOUNDS = (
    (re.compile(r"(?:不到|不足|未满|不超过|低于|少于|最多|至多)\s*$"), Bound.UPPER),
    (re.compile(r"(?:逾|超过|超|多于|高于|不少于|不低于|至少)\s*$"), Bound.LOWER),
    (re.compile(r"(?:约|大约|近|将近|接近|大概)(?:占比?为?|为|是|达到?)?\s*$"), Bound.APPROX),
    (re.compile(r"(?:数|几|好几)\s*$"), Bound.UNKNOWN),
)
_INFIX_BOUNDS = {"余": Bound.LOWER, "多": Bound.LOWER, "来": Bound.APPROX, "几": Bound.UNKNOWN}
_SUFFIX_BOUNDS = {
    "以上": Bound.LOWER,
    "以下": Bound.UPPER,
    "以内": Bound.UPPER,
    "左右": Bound.APPROX,
    "上下": Bound.APPROX,
}
# Before a number these make it an ordinal or a rate (第3名, 前3位, 每周2次), and before a
# Chinese numeral part of a word (统一, 进一步, 唯一, 同一, 逐一, 单一, 之一, 初一, 周一).
_NOT_A_COUNT_BEFORE = re.compile(r"(?:[第前]|每[^\d,、;:。]{0,3})\s*$")
_NOT_A_CN_COUNT_BEFORE = "统进唯同逐单之初周星"
_OPENING, _CLOSING = "([【〔《<{", ")]】〕》>}"
_BRACKET = re.compile("[" + re.escape(_OPENING + _CLOSING) + "]")
_BOUNDARY = set(",、;:。!?()[]【】等 \t")  # what may follow a count written 一件, 两项


def bracket_depths(text: str) -> list[int]:
    """Nesting depth of brackets and book-title marks at each offset of ``text``."""
    depths: list[int] = []
    depth = last = 0
    for m in _BRACKET.finditer(text):  # the stretch between two brackets has one depth
        at = m.start()
        depths += [depth] * (at - last)
        if m.group() in _CLOSING:
            depth = max(depth - 1, 0)
            depths.append(depth)
        else:
            depths.append(depth)
            depth += 1
        last = at + 1
    depths += [depth] * (len(text) - last)
    return depths


def may_hold_counts_alike(text: str) -> bool:
    """Whether ``text`` may hold two counts of one unit (a total and a part of it, or a rate's
    count and total). Each count's number (a digit or a Chinese numeral) ends right before its
    unit, which a simple scan finds many times faster than ``find_quantities`` reads them."""
    seen = set()
    for m in _COUNT_HINT.finditer(text):
        unit = _SAME_UNIT.get(m.group(1), m.group(1))  # the first character of the unit
        if unit in seen:
            return True
        seen.add(unit)
    return False


def find_quantities(text: str, depths: list[int] | None = None) -> list[Quantity]:
    """Every count, amount and percentage in ``text``, in order (``depths``: the text's
    ``bracket_depths``, when the caller has them)."""
    if depths is None:
        depths = bracket_depths(text)
    found = []
    for m in _QUANTITY.finditer(text):
        quantity = _quantity(text, m, depths)
        if quantity is not None:
            found.append(quantity)
    return found


def _quantity(text: str, m: re.Match, depths: list[int]) -> Quantity | None:
    unit = m["unit"]
    if m["pct_cn"] is None and m["pct"] is None and unit is None:
        return None
    if m["pct_cn"] is not None:
        if m["pct"] or unit:  # 百分之 takes no % sign and no unit
            return None
        value = cn_to_int(m["pct_cn"])
        unit = "%"
    elif m["pct"]:
        value = _arabic_value(m["arabic"], None) if m["arabic"] else cn_to_int(m["chinese"])
        unit = "%"
    elif m["arabic"] is not None:
        value = _arabic_value(m["arabic"], m["mult"])
    else:
        value = _chinese_value(text, m)
    if value is None or (unit != "%" and not _unit_stands_alone(text, m, unit)):
        return None
    before = text[max(0, m.start() - 4) : m.start()].rstrip()
    if _NOT_A_COUNT_BEFORE.search(before) or (
        m["chinese"] and before.endswith(tuple(_NOT_A_CN_COUNT_BEFORE))
    ):
        return None
    value = Decimal(value)
    if unit not in ("%", "元") and not m["mult"] and value != value.to_integral_value():
        return None  # 1.3条 is a numbered heading run into text, not a count
    return Quantity(
        value,
        _SAME_UNIT.get(unit, unit),
        m.start(),
        m.start() + len(m.group().rstrip()),
        _bound(text[max(0, m.start() - 4) : m.start()], m),
        depths[m.start()] > 0,
        _slack(m["arabic"], m["mult"]) if m["arabic"] and m["mult"] else Decimal(0),
        (m["mult"] or "") if m["arabic"] else "",
    )


def _arabic_value(digits: str, mult: str | None) -> Decimal:
    """The value, keeping the places written (3.50万 is 35000.00): a message shows it back."""
    return Decimal(digits.replace(",", "")) * _MULTIPLIERS.get(mult or "", 1)


def in_scale(value: Decimal, scale: str, beside: Decimal | None = None) -> str:
    """``value`` as the writer would put it in ``scale`` (千/万/亿), at the places the figures
    carry (135000.0 is 13.5万, 80000 is 8万; an exact division rounds nothing away) and at
    least those of the figure it is set ``beside`` (3000 beside 0.25万 is 0.30万)."""
    scaled = value / _MULTIPLIERS[scale]
    if beside is not None:
        places = int((beside / _MULTIPLIERS[scale]).as_tuple().exponent)
        if int(scaled.as_tuple().exponent) > places:
            scaled = scaled.quantize(Decimal(1).scaleb(places))
    return f"{scaled:f}{scale}"


def _slack(digits: str, mult: str) -> Decimal:
    """Half a unit of the last digit written before 万/亿/千: the figure was rounded to it."""
    written = Decimal(digits.replace(",", ""))
    return Decimal(1).scaleb(written.as_tuple().exponent) * _MULTIPLIERS[mult] / 2


def _chinese_value(text: str, m: re.Match) -> int | None:
    """Value of a Chinese numeral used as a count; None for words that only look like one
    (千家万户, 零件, 统一部署, 一批次)."""
    numeral = m["chinese"]
    if not any(ch in _CN_DIGITS for ch in numeral) and not numeral.startswith("十"):
        return None
    if numeral in ("零", "〇"):
        return None
    if len(numeral) == 1:  # 一项, 两件: only when the count stands on its own
        rest = text[m.end() :]
        if rest and rest[0] not in _BOUNDARY:
            return None
    return cn_to_int(numeral)


def _unit_stands_alone(text: str, m: re.Match, unit: str) -> bool:
    after = text[m.end("unit") : m.end("unit") + 3]
    return not any(after.startswith(word) for word in _NOT_A_UNIT.get(unit, ()))


def _bound(before: str, m: re.Match) -> Bound:
    """The hedge the writer put on the number: prefix (约), infix (余) or suffix (以上);
    ``before``: the four characters before the number."""
    bounds = set()
    for pattern, bound in _PREFIX_BOUNDS:
        if bound is Bound.UNKNOWN and not m["chinese"]:
            continue  # 数十件 hedges; 总数36件 does not
        if pattern.search(before):
            bounds.add(bound)
            break
    if m["infix"]:
        bounds.add(_INFIX_BOUNDS[m["infix"]])
    if m["suffix"]:
        bounds.add(_SUFFIX_BOUNDS[m["suffix"]])
    for bound in (Bound.UNKNOWN, Bound.APPROX):
        if bound in bounds:
            return bound
    if {Bound.LOWER, Bound.UPPER} <= bounds:
        return Bound.APPROX
    return bounds.pop() if bounds else Bound.EXACT
