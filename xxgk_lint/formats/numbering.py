"""Word's automatic numbering: the number text Word shows before a numbered paragraph.

Headings like 一、总体情况 are often numbered by Word itself, and the 一、 is then nowhere in the
paragraph's text. This computes it from numbering.xml as Word does: a paragraph's list (its
own ``w:numPr`` or its style's) points to a ``w:num``, which points to an ``w:abstractNum``
whose level gives the format (``numFmt``), the pattern (``lvlText`` like ``%1、`` or
``（%1）``), the start value and when the level restarts. Counters belong to the abstract
list, so two lists sharing one continue each other unless a ``startOverride`` restarts them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.oxml.ns import qn
from lxml.etree import _Element

_CN_DIGITS = "零一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_SUFFIX = {"tab": " ", "space": " ", "nothing": ""}


def _val(element: _Element | None, default: str | None = None) -> str | None:
    if element is None:
        return default
    return element.get(qn("w:val"), default)


def _int(element: _Element | None, default: int) -> int:
    try:
        return int(_val(element, str(default)) or default)
    except ValueError:
        return default


def chinese(value: int, digits: str = _CN_DIGITS, units: str = "十百千万") -> str:
    """Chinese counting as Word writes it: 十, 十一, 二十, 一百零五 (legal digits: 壹拾)."""
    if not 0 <= value < 100_000:
        return str(value)
    if value < 10:
        return digits[value]
    if value < 20 and digits == _CN_DIGITS:
        return units[0] + (digits[value - 10] if value > 10 else "")
    out, zero = "", False
    number = str(value)
    for index, char in enumerate(number):
        digit, power = int(char), len(number) - 1 - index
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out, zero = out + digits[0], False
        out += digits[digit] + (units[power - 1] if power else "")
    return out


def _letters(value: int) -> str:
    """Word repeats the letter: A … Z, AA … ZZ, AAA …"""
    value = max(value, 1)
    return chr(ord("A") + (value - 1) % 26) * ((value - 1) // 26 + 1)


def _roman(value: int) -> str:
    out = ""
    for number, letters in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        count, value = divmod(value, number)
        out += letters * count
    return out


def format_number(value: int, fmt: str) -> str:
    """A counter in a ``w:numFmt`` format (decimal when the format is unknown)."""
    match fmt:
        case "none" | "bullet":  # a bullet's symbol is not text of the report
            return ""
        case "chineseCounting" | "chineseCountingThousand" | "japaneseCounting":
            return chinese(value)
        case "chineseLegalSimplified":
            return chinese(value, _CN_LEGAL, "拾佰仟万")
        case "ideographDigital" | "japaneseDigitalTenThousand":
            return "".join("〇一二三四五六七八九"[int(d)] for d in str(value))
        case "ideographTraditional":
            return _TIANGAN[(value - 1) % 10]
        case "ideographZodiac":
            return _DIZHI[(value - 1) % 12]
        case "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" | "ideographEnclosedCircle":
            return _CIRCLED[value - 1] if 1 <= value <= 20 else str(value)
        case "decimalFullWidth" | "decimalFullWidth2":
            return "".join(chr(0xFF10 + int(d)) for d in str(value))
        case "decimalZero":
            return f"{value:02d}"
        case "upperLetter":
            return _letters(value)
        case "lowerLetter":
            return _letters(value).lower()
        case "upperRoman":
            return _roman(value)
        case "lowerRoman":
            return _roman(value).lower()
        case _:
            return str(value)


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None  # restart after this (1-based) level; 0 never; None any higher
    legal: bool = False
    suffix: str = " "
    style: str | None = None


@dataclass
class _List:
    abstract: str
    overrides: dict[int, int] = field(default_factory=dict)  # ilvl -> startOverride
    level_overrides: dict[int, Level] = field(default_factory=dict)


def _level(lvl: _Element) -> Level:
    restart = lvl.find(qn("w:lvlRestart"))
    return Level(
        start=_int(lvl.find(qn("w:start")), 1),
        fmt=_val(lvl.find(qn("w:numFmt")), "decimal") or "decimal",
        text=_val(lvl.find(qn("w:lvlText")), "") or "",
        restart=None if restart is None else _int(restart, 0),
        legal=lvl.find(qn("w:isLgl")) is not None,
        suffix=_SUFFIX.get(_val(lvl.find(qn("w:suff")), "tab") or "tab", " "),
        style=_val(lvl.find(qn("w:pStyle"))),
    )


def _ilvl(lvl: _Element) -> int:
    try:
        return int(lvl.get(qn("w:ilvl"), "0"))
    except ValueError:
        return 0


class Numbering:
    """The numbering definitions of a document and the running counters."""

    def __init__(self, numbering: _Element | None) -> None:
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.style_links: dict[str, str] = {}  # abstractNum -> numbering style it follows
        self.lists: dict[str, _List] = {}
        self._counters: dict[str, dict[int, int]] = {}
        self._started: set[str] = set()
        if numbering is None:
            return
        for abstract in numbering.iterfind(qn("w:abstractNum")):
            key = abstract.get(qn("w:abstractNumId"), "")
            self.abstracts[key] = {
                _ilvl(lvl): _level(lvl) for lvl in abstract.iterfind(qn("w:lvl"))
            }
            link = _val(abstract.find(qn("w:numStyleLink")))
            if link:
                self.style_links[key] = link
        for num in numbering.iterfind(qn("w:num")):
            entry = _List(_val(num.find(qn("w:abstractNumId")), "") or "")
            for override in num.iterfind(qn("w:lvlOverride")):
                ilvl = _ilvl(override)
                start = override.find(qn("w:startOverride"))
                if start is not None:
                    entry.overrides[ilvl] = _int(start, 1)
                lvl = override.find(qn("w:lvl"))
                if lvl is not None:
                    entry.level_overrides[ilvl] = _level(lvl)
            self.lists[num.get(qn("w:numId"), "")] = entry

    def resolve(self, num_id: str, style_num: dict[str, str]) -> _List | None:
        """The list of ``num_id``, following a numbering-style link once."""
        entry = self.lists.get(num_id)
        if entry is None:
            return None
        link = self.style_links.get(entry.abstract)
        if link and link in style_num and style_num[link] != num_id:
            linked = self.lists.get(style_num[link])
            if linked is not None:
                return _List(linked.abstract, entry.overrides, entry.level_overrides)
        return entry

    def level_for_style(self, num_id: str, style: str | None) -> int | None:
        """The level whose ``w:pStyle`` is ``style``, for paragraphs numbered by their style."""
        entry = self.lists.get(num_id)
        if entry is None or style is None:
            return None
        for ilvl, level in self.abstracts.get(entry.abstract, {}).items():
            if level.style == style:
                return ilvl
        return None

    def label(self, num_id: str, ilvl: int, style_num: dict[str, str]) -> str:
        """Advance the counters for a paragraph of list ``num_id`` at level ``ilvl`` and return
        the number text Word shows (with its separator), "" when there is none."""
        entry = self.resolve(num_id, style_num)
        if entry is None or num_id == "0":
            return ""
        levels = dict(self.abstracts.get(entry.abstract, {}))
        levels.update(entry.level_overrides)
        if ilvl not in levels:
            return ""
        counters = self._counters.setdefault(entry.abstract, {})
        if num_id not in self._started:
            self._started.add(num_id)
            for level, start in entry.overrides.items():
                counters[level] = start - 1
                for deeper in [d for d in counters if d > level]:
                    del counters[deeper]
        level = levels[ilvl]
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else level.start
        for deeper in [d for d in counters if d > ilvl]:
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or (restart > 0 and ilvl < restart):
                del counters[deeper]
        if level.fmt == "bullet":
            return ""
        text = level.text
        for shown in range(9):
            marker = f"%{shown + 1}"
            if marker not in text:
                continue
            other = levels.get(shown, Level())
            value = counters.get(shown, other.start)
            fmt = "decimal" if level.legal and shown != ilvl else other.fmt
            text = text.replace(marker, format_number(value, fmt))
        if not text:
            return ""
        return text + level.suffix
