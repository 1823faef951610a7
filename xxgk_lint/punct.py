"""Half-width punctuation in Chinese text, where the full-width form is standard.

GB/T 15834 sets the full-width marks for Chinese text; half-width ``,`` ``;`` ``:`` ``?``
``!`` and ``( )`` belong to numbers, times, addresses and Latin text. So a mark counts only
when Chinese surrounds it: a Chinese character (or a Chinese quotation mark or bracket) on
one side, and on the other a Chinese character or, after Chinese, a figure (其中:3人).
1,000, 09:08, http://, a@b.cn, (PPP), 1. and a list marker opening a line, (一), never qualify.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .cjk import CJK_CLOSE, CJK_OPEN, is_han
from .garble import is_garbled_question

FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_MARKS = re.compile(r"[,;:?!()]")


class HalfWidth(NamedTuple):
    """A half-width mark (or bracket pair) at [start, end) of a line and the edits
    (start, end, replacement) that make it full-width."""

    start: int
    end: int
    mark: str
    edits: tuple[tuple[int, int, str], ...]


def find_half_width(line: str, skip: list[tuple[int, int]] = ()) -> list[HalfWidth]:
    """Half-width marks of one line standing in Chinese text, outside the ``skip`` spans."""
    marks = [m.start() for m in _MARKS.finditer(line)]
    if not marks:
        return []
    blocked = set()
    for start, end in skip:
        blocked.update(range(start, end))
    found = [m for i in marks if line[i] not in "()" and (m := _mark(line, i, blocked))]
    found += _brackets(line, [i for i in marks if line[i] in "()"], blocked)
    return sorted(found, key=lambda m: m.start)


def _chinese_before(ch: str) -> bool:
    return is_han(ch) or ch in CJK_CLOSE


def _chinese_after(ch: str) -> bool:
    return is_han(ch) or ch in CJK_OPEN


def _mark(line: str, i: int, blocked: set[int]) -> HalfWidth | None:
    if i in blocked:
        return None
    left = line[i - 1] if i else ""
    end = i + 1
    while end < len(line) and line[end] == " ":
        end += 1
    right = line[end] if end < len(line) else ""
    after_chinese = _chinese_before(left) and (
        _chinese_after(right) or right.isdigit() or not right
    )
    before_chinese = (left.isdigit() or left == "%") and _chinese_after(right)
    if not (after_chinese or before_chinese):
        return None
    if line[i] == "?" and is_garbled_question(line, i, i + 1):
        return None  # a lost character, reported as garbled text
    if not right:
        end = i + 1  # keep trailing blanks at the end of a line as they are
    return HalfWidth(i, end, line[i], ((i, end, FULL_WIDTH[line[i]]),))


_LIST_MARKER = re.compile(r"\s*\([一二三四五六七八九十百〇零\d]+\)")
"""A list or heading number at the start of a line, (一): S004 judges its style, not T006."""


def _brackets(line: str, positions: list[int], blocked: set[int]) -> list[HalfWidth]:
    """Half-width bracket pairs whose content is Chinese, (含下属单位), but for a list marker
    opening the line; ``positions``: the offsets of the line's half-width brackets."""
    found, stack = [], []
    marker = _LIST_MARKER.match(line)
    for i in positions:
        if i in blocked or (marker and i < marker.end()):
            continue
        if line[i] == "(":
            stack.append(i)
        elif stack:
            start = stack.pop()
            if any(is_han(c) for c in line[start + 1 : i]):
                edits = ((start, start + 1, "（"), (i, i + 1, "）"))
                found.append(HalfWidth(start, i + 1, "()", edits))
    return found
