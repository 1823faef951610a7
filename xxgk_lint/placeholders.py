"""Template left-overs: blanks and stand-ins a drafter was meant to fill in.

Reports are often written over last year's text or a template: 可在本机关网站下载() with
the address never filled in, XX局, 20XX年, ××, ○○, 【】, ＿＿ blanks, (单位名称), [请填写].
The forms are the ones a template uses for "put something here"; each is checked against
what stands around it so that XX in an address (www.xx.gov.cn), ○ in a Chinese date
(二○一八年) or an identifier (_GoBack) does not count.

The patterns read a line's normalised text (``normalise``: simplified characters,
full-width forms folded to half-width), so that （單位名稱）, 此處填寫 and ＸＸ are the same
placeholders as (单位名称), 此处填写 and XX; the caller maps the spans back to the original.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .cjk import CJK_PUNCT, is_han
from .normalise import fold_width

_FILL = "填写|填入|输入|插入|选填|必填"
_NAME = "名称|全称|简称"
_EMPTY_BRACKETS = re.compile(r"[(\[【〔][\s_]*[)\]】〕]|“\s*”")
_BRACKETED = re.compile(r"[(\[【〔<〈]([^()\[\]【】〔〕<>〈〉\n]{1,16})[)\]】〕>〉]")
_INSTRUCTION = re.compile(
    rf"^\s*(?:请|此处|在此)?(?:{_FILL})(?!说明|要求|规范|方法|指南)"
    rf"|^\s*(?:本|贵)?(?:单位|机关|部门|机构|组织|学校|企业)(?:{_NAME})\s*$"
)
_BARE_INSTRUCTION = re.compile(r"(?:此处|在此)(?:填写|填入|输入)")
_XX = re.compile(r"[Xx]{2,}")
_CROSSES = re.compile(r"[×✕╳]{2,}")
_CIRCLES = re.compile(r"○{2,}")
_BLANKS = re.compile(r"_{2,}")
_NUMERALS = set("一二三四五六七八九十〇零○0123456789")
_URLISH = re.compile(r"://|www\.|@|\.(?:com|cn|net|org|gov)\b", re.IGNORECASE)
_RULE_LINE = re.compile(r"^[\s_\-—=*]+$")
MAY_HOLD = re.compile(  # never across a line break: T007 finds its lines in one scan
    rf"[(\[【〔](?:[^\S\r\n]|_)*[)\]】〕]|“[^\S\r\n]*”|[Xx]{{2}}|[×✕╳]{{2}}|○○|__|{_FILL}|{_NAME}"
)
"""What every placeholder form above holds (a bracketed instruction holds its verb or 名称):
most lines hold none of them, and brackets alone are in most lines."""
_CHINESE_PUNCT = frozenset(fold_width(CJK_PUNCT))
"""Chinese punctuation as the normalised text has it: full-width ，：（） folded to half-width."""


class Placeholder(NamedTuple):
    """A placeholder at [start, end) of a line."""

    start: int
    end: int
    text: str


def find_placeholders(line: str, original: str | None = None) -> list[Placeholder]:
    """Every unfilled placeholder of one line of normalised text, in order, without overlaps.

    ``original`` is the line as written, given when it has the line's length (normalising
    removed nothing from it). Folding loses the difference between ＿＿, a blank, and a
    half-width __, more likely Markdown emphasis; the original tells the two apart.
    """
    if not MAY_HOLD.search(line) or not any(map(is_han, line)) or _RULE_LINE.match(line):
        return []
    kept: list[Placeholder] = []
    for start, end in spans(line, original):
        if not kept or start >= kept[-1].end:
            kept.append(Placeholder(start, end, line[start:end]))
    return kept


def spans(line: str, original: str | None = None) -> list[tuple[int, int]]:
    """The spans of every placeholder form in ``line``, sorted, overlaps included (what
    ``find_placeholders`` reads after its quick tests)."""
    spans = [m.span() for m in _EMPTY_BRACKETS.finditer(line)]
    spans += [m.span() for m in _BRACKETED.finditer(line) if _INSTRUCTION.search(m.group(1))]
    spans += [m.span() for m in _BARE_INSTRUCTION.finditer(line)]
    spans += [m.span() for m in _XX.finditer(line) if _stands_alone(line, *m.span())]
    spans += [m.span() for m in _CROSSES.finditer(line)]
    spans += [m.span() for m in _CIRCLES.finditer(line) if not _in_numeral(line, *m.span())]
    spans += [m.span() for m in _BLANKS.finditer(line) if _blank(line, original, *m.span())]
    spans.sort(key=lambda s: (s[0], -s[1]))
    return spans


def _chinese(ch: str) -> bool:
    """A Chinese character or punctuation mark; also the edge of the line (``ch`` empty)."""
    return not ch or is_han(ch) or ch in _CHINESE_PUNCT


def _stands_alone(line: str, start: int, end: int) -> bool:
    """XX as a stand-in: touching Chinese text, not part of a Latin word or an address."""
    left = line[start - 1] if start else ""
    right = line[end] if end < len(line) else ""
    if (left.isascii() and left.isalpha()) or (right.isascii() and right.isalpha()):
        return False
    if any(ch and ch in "./@_-" for ch in (left, right)):
        return False
    token_start = line.rfind(" ", 0, start) + 1
    token_end = line.find(" ", end)
    if _URLISH.search(line[token_start : token_end if token_end >= 0 else len(line)]):
        return False
    return _chinese(left) or _chinese(right) or left.isdigit() or right.isdigit()


def _in_numeral(line: str, start: int, end: int) -> bool:
    """○ as the zero of a Chinese numeral (二○○八年), not a stand-in."""
    left = line[start - 1] if start else ""
    right = line[end] if end < len(line) else ""
    return left in _NUMERALS or right in _NUMERALS


def _blank(line: str, original: str | None, start: int, end: int) -> bool:
    """A run of underscores as a blank: not part of an identifier (_GoBack), and when it is
    only two long, not written half-width (__) in the original."""
    if end - start == 2 and original is not None and original[start:end] == "__":
        return False
    return not _in_identifier(line, start, end)


def _in_identifier(line: str, start: int, end: int) -> bool:
    left = line[start - 1] if start else ""
    right = line[end] if end < len(line) else ""
    return (left.isascii() and left.isalnum()) or (right.isascii() and right.isalnum())
