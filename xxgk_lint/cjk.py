"""Character classes of Chinese text: Han characters, common characters, CJK punctuation.

The hygiene rules decide what surrounds a mark (is this ``,`` between Chinese characters?
is this run of characters real Chinese or mojibake?), so they share one definition of a Han
character and of a *common* one.
"""

from __future__ import annotations

import re
from functools import lru_cache

HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
"""The Unified Ideograph blocks (with Extension A, B–H and the compatibility block)."""

HAN = re.compile(f"[{HAN_CLASS}]")

CJK_OPEN = "“‘（《〈【〔「『〖"
CJK_CLOSE = "”’）》〉】〕」』〗"
CJK_PUNCT = "，。、；：？！…—·" + CJK_OPEN + CJK_CLOSE


def is_han(ch: str) -> bool:
    return bool(ch) and HAN.match(ch) is not None


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """OpenCC t2s conversion of ``text``."""
    return _t2s().convert(text)


@lru_cache(maxsize=8192)
def is_common(ch: str) -> bool:
    """A character of GB 2312 level 1 (the 3,755 常用字), judged on its simplified form.

    Real Chinese text is mostly made of these; the characters mojibake produces are mostly
    rare, which is what tells the two apart without a word list.
    """
    simple = simplified(ch)
    try:
        encoded = simple.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(encoded) == 2 and 0xB0 <= encoded[0] <= 0xD7


def common_ratio(text: str) -> float:
    """Share of the Han characters of ``text`` that are common (0 when there are none)."""
    han = [ch for ch in text if is_han(ch)]
    return sum(map(is_common, han)) / len(han) if han else 0.0
