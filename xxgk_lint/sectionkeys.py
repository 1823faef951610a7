"""The report's parts (section keys of rules.md), recognised by meaning-bearing stems.

Headings vary a lot (依申请公开工作情况, 政府信息依申请公开办理情况, 收到和处理政府信息公开申请情况
are all ``application``), so a heading is matched on stems, in an order that lets the most
specific part win: 因政府信息公开申请行政复议 mentions 申请 but is ``review_litigation``.
Text is the normalised view (simplified characters, half-width punctuation).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from .lazyre import lazy

SECTION_KEYS = (
    "overview",
    "active",
    "application",
    "fees",
    "review_litigation",
    "problems",
    "other",
    "assessment",
)

REQUIRED = {
    "2007": ("active", "application", "fees", "review_litigation", "problems", "other"),
    "2019": ("overview", "active", "application", "review_litigation", "problems", "other"),
    "2021": ("overview", "active", "application", "review_litigation", "problems", "other"),
}

NAMES = {
    "overview": ("总体情况", "overview"),
    "active": ("主动公开政府信息情况", "proactive disclosure"),
    "application": (
        "依申请公开情况（收到和处理政府信息公开申请情况）",
        "disclosure on application",
    ),
    "fees": ("收费及减免情况", "fees and fee waivers"),
    "review_litigation": ("行政复议、行政诉讼情况", "administrative review and litigation"),
    "problems": ("存在的主要问题及改进情况", "main problems and improvements"),
    "other": ("其他需要报告的事项", "other matters to report"),
    "assessment": (
        "工作考核、社会评议和责任追究结果情况",
        "assessment, public review and accountability",
    ),
}

# Heading stems, most specific part first.
_HEADING_STEMS: list[tuple[str, re.Pattern[str]]] = [
    ("review_litigation", re.compile(r"复议|诉讼")),
    ("fees", re.compile(r"收费|减免|信息处理费|收取.{0,4}费")),
    ("application", re.compile(r"依申请|申请公开|公开申请|处理.{0,8}申请|不予公开|申请.{0,4}办理")),
    ("active", re.compile(r"主动公开")),
    ("problems", re.compile(r"问题|不足|改进|差距|薄弱")),
    ("other", re.compile(r"其[他它].{0,8}(事项|情况|方面|报告|说明)|^其[他它]$|需要报告|应报告")),
    ("assessment", re.compile(r"考核|社会评议|责任追究|监督保障")),
    ("overview", re.compile(r"总体|概述|概况|基本情况|综述|总述")),
]

# Evidence that a part's content is present in running text, without its own heading. Each
# pattern needs the part's subject in context, so a keyword in unrelated text (收费 about
# hospital prices, 依申请公开制度 as a list of rules) does not count.
_CONTENT: dict[str, list[Callable[[], re.Pattern[str]]]] = {  # compiled on first use
    "application": [
        lazy(
            r"(收到|受理|接到|办理|答复|共有)[^。;]{0,20}(信息公开|依申请公开|公开)申请[^。;]{0,20}?"
            r"(\d+|[一二三四五六七八九十两]+)\s*(件|个|次|份|宗)"
        ),
        lazy(r"(依申请公开|信息公开申请|公开申请)[^。;]{0,20}?\d+\s*(件|个|次|宗)"),
        lazy(r"(未|没有|无)(收到|接到|受理)[^。;]{0,12}申请"),
    ],
    "review_litigation": [  # not the body's own review work: 公开行政复议决定书35件
        lazy(
            r"(行政复议|行政诉讼|复议|诉讼)(?!决定|文书|裁判|服务|机构|委员会)[^。;]{0,10}?"
            r"(\d+|[一二三四五六七八九十两]+)\s*(件|起|宗|例)"
        ),
        lazy(r"(未|没有|无)(发生|出现|收到)?[^。;]{0,20}(行政复议|行政诉讼|复议|诉讼)"),
        lazy(r"(行政复议|行政诉讼)[^。;]{0,12}(情况|案件)"),
    ],
    "fees": [  # about the applicants' fees, not a body's own charges (收费标准, 减免税)
        lazy(r"收取[^。;,]{0,12}?费用?[^。;,]{0,6}?\d+(\.\d+)?\s*元|收取(任何|相关|有关)?费用"),
        lazy(r"(未|没有|不|无)[^。;,]{0,6}收(取|费)"),
        lazy(r"(收费|费用)[^。;,]{0,4}减免|减免[^。;,]{0,4}(收费|费用)"),
        lazy(r"信息处理费|(检索|复制|复印|邮寄|递送)[^。;,]{0,6}费"),
    ],
    "problems": [
        lazy(r"存在[^。;]{0,12}(问题|不足|差距)"),
        lazy(r"(问题|不足)[^。]{0,20}(改进|整改)措施|改进措施|整改措施"),
    ],
    "other": [lazy(r"其[他它](需要|应当|应)?报告的?事项|无其[他它]需")],
    "active": [lazy(r"主动公开[^。;]{0,30}?\d+\s*(条|件|项|篇)|主动公开政府信息")],
    "overview": [],
    "assessment": [  # the disclosure work's assessment, not 招聘考核结果 disclosed as news
        lazy(
            r"纳入[^。;]{0,20}考核|(政务公开|信息公开|公开工作)[^。;]{0,10}考核"
            r"|考核[^。;]{0,10}(政务公开|信息公开|公开工作)"
        ),
        lazy(r"社会评议|责任追究|问责|监督保障"),
    ],
}


@lru_cache(maxsize=4096)
def heading_key(title: str) -> str | None:
    """The section key a heading's title names, or None (cached: several checks ask about
    the same headings)."""
    title = re.sub(r"\s+", "", title)
    main = _ASIDE.sub("", title)  # 总体情况（含监督保障）: the aside does not name the part
    return _stem_key(main) if main else _stem_key(title)


def _stem_key(text: str) -> str | None:
    """The first section key whose stems the text holds."""
    for key, pattern in _HEADING_STEMS:
        if pattern.search(text):
            return key
    return None


# A bracketed aside in a heading: （含收取信息处理费情况）, （含监督保障）.
_ASIDE = re.compile(r"[(（][^()（）]*[)）]")


# Where a heading joins the names of two parts: 收费及复议诉讼情况, 主动公开和依申请公开情况.
_JOINS = re.compile(r"以及|及|和|与|、|/")


@lru_cache(maxsize=4096)
def heading_keys(title: str) -> tuple[str, ...]:
    """Every section key a heading's title names, the main one (``heading_key``) first: a
    heading that joins two parts (四、收费及复议诉讼情况) or names one in an aside (总体情况（含
    监督保障）) heads both. Each joined piece is matched on its own, so 收到和处理政府信息公开
    申请情况 is one part, not two."""
    first = heading_key(title)
    if first is None:
        return ()
    keys = [first]
    title = re.sub(r"\s+", "", title)
    asides = [m.group()[1:-1] for m in _ASIDE.finditer(title)]
    for text in (_ASIDE.sub("", title), *asides):
        for piece in _JOINS.split(text):
            key = _stem_key(piece) if piece else None
            if key and key not in keys:
                keys.append(key)
    return tuple(keys)


def content_match(key: str, text: str) -> tuple[int, int] | None:
    """Span of the first evidence of a part's content in normalised text (overlapping
    evidence merged, so 未收取任何费用 is one span), or None."""
    found = sorted(m.span() for p in _CONTENT[key] if (m := p().search(text)))
    if not found:
        return None
    start, end = found[0]
    for s, e in found[1:]:
        if s <= end:
            end = max(end, e)
    return start, end


# Words every part's name shares: they say nothing about which part it is.
_GENERIC = re.compile(
    r"政府信息公开|政府信息|信息公开|政务公开|工作|情况|有关|相关|方面|的|等|[^\w]|_"
)


def part_stem(name: str) -> str:
    """The meaning-bearing rest of a part's name: 重点领域政府信息公开工作情况 → 重点领域."""
    return _GENERIC.sub("", name)


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)} or {text}


def same_part(a: str, b: str) -> bool:
    """Whether two names of report parts mean the same part: the same section key when both
    name a statutory part, else one stem inside the other or most character pairs shared."""
    key_a, key_b = heading_key(a), heading_key(b)
    if key_a and key_b:
        return key_a == key_b
    stem_a, stem_b = part_stem(a), part_stem(b)
    if len(stem_a) < 2 or len(stem_b) < 2:
        return False
    if stem_a in stem_b or stem_b in stem_a:
        return True
    pairs_a, pairs_b = _bigrams(stem_a), _bigrams(stem_b)
    return 4 * len(pairs_a & pairs_b) >= len(pairs_a) + len(pairs_b)  # Dice >= 0.5
