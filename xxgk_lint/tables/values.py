"""What a table cell holds: a number (with the unit someone typed in), nothing, or a placeholder.

Real tables mix empty cells, 0, /, -, —, 空 and 无 (domain research §3.4); arithmetic treats the
non-numbers as 0 while N005 reports them, so the kinds are kept apart here. The text is the
normalised view: full-width digits are already half-width, traditional characters simplified.
"""

from __future__ import annotations

import re
from decimal import Decimal
from enum import Enum
from functools import lru_cache
from typing import NamedTuple


class Kind(str, Enum):
    NUMBER = "number"
    BLANK = "blank"  # nothing in the cell
    PLACEHOLDER = "placeholder"  # /, -, —, 空, 无: written instead of a number
    TEXT = "text"  # anything else: a label


# Units people type into count and amount cells (251000元, 3件, 1.5万元).
UNITS = ("万元", "元", "件", "个", "条", "项", "次", "宗", "起", "份", "人次", "人", "家")
DASHES = "\\-\u2010-\u2015\u2212\ufe58\ufe63\uff0d"
"""Every dash and minus sign, as a character class body: hyphen-minus, the hyphens and
dashes (‐ ‑ ‒ – — ―), the minus sign −, the small and full-width forms. Before a number
any of them is a minus sign (−1, –1, —1 are all −1); alone they are placeholders."""
_NUMBER = re.compile(
    rf"([+{DASHES}]?)\s*(\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.(\d+))?\s*(" + "|".join(UNITS) + r")?"
)
_PLACEHOLDER = re.compile(rf"[/\\{DASHES}_~─]+|空|空白|无|暂无|[xX×]")
_CN_ZERO = re.compile(r"[零〇○]")


class Value(NamedTuple):
    """The content of a cell: ``number`` is set for ``Kind.NUMBER`` only."""

    kind: Kind
    number: Decimal | None = None
    unit: str = ""

    @property
    def is_number(self) -> bool:
        return self.kind is Kind.NUMBER

    @property
    def is_missing(self) -> bool:
        """Blank or a placeholder: a cell that should hold a number and does not."""
        return self.kind in (Kind.BLANK, Kind.PLACEHOLDER)

    @property
    def is_value(self) -> bool:
        """Anything that stands where a number belongs (a number, a blank, a placeholder)."""
        return self.kind is not Kind.TEXT

    @property
    def is_count(self) -> bool:
        """A whole number of zero or more: what every count cell must hold."""
        n = self.number
        return n is not None and n >= 0 and n == n.to_integral_value()


BLANK = Value(Kind.BLANK)


@lru_cache(maxsize=4096)
def parse_value(text: str) -> Value:
    """Read one cell's normalised text (cached: a report's cells repeat 0, 1, / … all over)."""
    text = text.strip()
    if not text:
        return BLANK
    m = _NUMBER.fullmatch(text)
    if m:
        sign, digits, fraction, unit = m.groups()
        number = Decimal(digits.replace(",", "") + (f".{fraction}" if fraction else ""))
        return Value(Kind.NUMBER, number if sign in ("", "+") else -number, unit or "")
    if _PLACEHOLDER.fullmatch(text):
        return Value(Kind.PLACEHOLDER)
    if _CN_ZERO.fullmatch(text):
        return Value(Kind.NUMBER, Decimal(0))
    return Value(Kind.TEXT)


WORD_MAX = 8
_NOT_A_WORD = re.compile(r"[\d。，,;；:：、()（）]")


@lru_cache(maxsize=1024)
def is_word(text: str, shortest: int = 2) -> bool:
    """A short text without digits, numbering or punctuation, and no unit (若干, 不详, 未统计,
    暂无数据): where a number belongs, a word written instead of it. Callers check that it
    names no label; a cell of its own may be one character (略), a token of a line of
    numbers needs two (3 件 is a count and its unit, 2024 年 no row)."""
    text = text.strip()
    return (
        shortest <= len(text) <= WORD_MAX and text not in UNITS and _NOT_A_WORD.search(text) is None
    )


def is_value_token(token: str) -> bool:
    """A whitespace-separated token that is a number or a placeholder (a run like 3 0 0 / 5)."""
    return parse_value(token).is_value
