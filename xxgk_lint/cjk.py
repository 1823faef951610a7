"""Character classes of Chinese text: Han characters, common characters, CJK punctuation.

The hygiene rules decide what surrounds a mark (is this ``,`` between Chinese characters?
is this run of characters real Chinese or mojibake?), so they share one definition of a Han
character and of a *common* one.
"""

from __future__ import annotations

from functools import lru_cache

HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
"""The Unified Ideograph blocks (with Extension A, B–H and the compatibility block)."""

CJK_OPEN = "“‘（《〈【〔「『〖"
CJK_CLOSE = "”’）》〉】〕」』〗"
CJK_PUNCT = "，。、；：？！…—·" + CJK_OPEN + CJK_CLOSE


def is_han(ch: str) -> bool:
    """Whether the first character of ``ch`` is a Han character (compared with the blocks'
    bounds: a character class this large takes milliseconds to compile)."""
    c = ch[:1]
    return (
        "\u4e00" <= c <= "\u9fff"
        or "\u3400" <= c <= "\u4dbf"
        or "\uf900" <= c <= "\ufaff"
        or "\U00020000" <= c <= "\U0003134f"
    )


@lru_cache(maxsize=1)
def t2s_converter():
    """The OpenCC traditional-to-simplified converter, loaded once for every module."""
    import opencc

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """OpenCC t2s conversion of ``text``."""
    return t2s_converter().convert(text)


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


@lru_cache(maxsize=1)
def common_chars() -> frozenset[str]:
    """The GB 2312 level-1 characters ``is_common`` accepts, found in one conversion: a set
    lookup then spares the per-character test for nearly every character of real text."""
    codes = bytearray(2 * 94 * (0xD8 - 0xB0))
    codes[0::2] = bytes(row for row in range(0xB0, 0xD8) for _ in range(94))
    codes[1::2] = bytes(range(0xA1, 0xFF)) * (0xD8 - 0xB0)
    level1 = codes[: -2 * 5].decode("gb2312")  # the last row ends at D7F9
    # One character a line: OpenCC converts phrases, and no phrase spans a line break.
    converted = simplified("\n".join(level1)).split("\n")
    if len(converted) != len(level1):
        return frozenset()
    plain = frozenset(level1)
    return frozenset(ch for ch, simple in zip(level1, converted, strict=True) if simple in plain)


def common_ratio(text: str) -> float:
    """Share of the Han characters of ``text`` that are common (0 when there are none)."""
    han = [ch for ch in text if is_han(ch)]
    return sum(map(is_common, han)) / len(han) if han else 0.0
