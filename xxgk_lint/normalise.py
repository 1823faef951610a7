"""Normalisation: a view of the text for matching, never shown to the user.

Checks match against one canonical form (simplified characters, half-width ASCII, pinyin
readings removed) and report through ``to_orig`` so every position lands in the original
file. Traditional→simplified conversion and width folding keep one character for one
character; only pinyin removal deletes text, so the offset map is a short list of
break points rather than one integer per character.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from .cjk import HAN_CLASS, t2s_converter
from .lazyre import lazy

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PLAIN = "aaaaeeeeiiiioooouuuuüüüü"
_UNTONE = str.maketrans(_TONED, _PLAIN)

_SYLLABLE = lazy(
    r"(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?"
    r"(?:i(?:a(?:o|ng|n)?|e|u|ng|n|ong|o)?|u(?:a(?:i|ng|n)?|o|i|n|e)?|ü(?:e|an|n)?"
    r"|a(?:i|o|ng|n)?|o(?:u|ng)?|e(?:i|ng|n|r)?|ê)"
)
PINYIN_READING = re.compile(
    rf"[(（](?<=[^\s(（)）][(（])([a-zü{_TONED}]{{1,6}}(?: [a-zü{_TONED}]{{1,6}}){{0,3}})[)）]"
)
"""A bracketed reading right after a character or a word, as conversion tools leave it:
根據(jù), 認真(rèn zhēn). (The bracket comes first so the search skips ahead to brackets: five
times faster than a leading look-behind, which is tried at every position.)"""

_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_WIDTH.update({0x3000: 0x20, 0x00A0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x200B: 0x20})
_WIDTH_TABLE = str.maketrans(_WIDTH)
_WIDE_SPLIT = re.compile("([" + "".join(re.escape(chr(code)) for code in _WIDTH) + "]+)")


def is_pinyin_reading(content: str) -> bool:
    """True for toned pinyin syllables, one or a word's few separated by spaces, each with
    its tone mark: the marks keep (a), (ii), (PPP) and English words out."""
    syllables = content.split(" ")
    if not all(any(ch in _TONED for ch in syllable) for syllable in syllables):
        return False
    return all(_SYLLABLE().fullmatch(s.translate(_UNTONE)) is not None for s in syllables)


_TONELESS_READING = re.compile(rf"[(（](?<=[{HAN_CLASS}][(（])([a-z]{{2,6}})[)）]")
"""A reading without a tone mark right after a character: 的(de), 们(men), neutral tones."""
_NEAR = 40  # characters within which a toned reading vouches for a toneless one


def find_pinyin_readings(text: str) -> list[tuple[int, int]]:
    """Spans (start, end) of pinyin readings in ``text``.

    A neutral tone has no mark (我們(men)的(de)), so a toneless syllable counts too, but
    only near a toned reading: alone, (de) or (ok) may be anything."""
    toned = [m.span() for m in PINYIN_READING.finditer(text) if is_pinyin_reading(m.group(1))]
    if not toned:
        return toned
    starts = [s for s, _ in toned]
    toneless = [
        m.span()
        for m in _TONELESS_READING.finditer(text)
        if _SYLLABLE().fullmatch(m.group(1)) and _near(starts, m.start())
    ]
    return sorted(toned + toneless)


def _near(starts: list[int], at: int) -> bool:
    """Whether one of the sorted offsets ``starts`` lies within ``_NEAR`` of ``at``."""
    k = bisect_right(starts, at)
    return (k > 0 and at - starts[k - 1] <= _NEAR) or (k < len(starts) and starts[k] - at <= _NEAR)


def to_simplified(text: str) -> str:
    """OpenCC t2s keeping the length, so offsets stay valid (char by char where a phrase
    conversion would change it)."""
    converted = t2s_converter().convert(text)
    if len(converted) == len(text):
        return converted
    out = []
    for line in text.split("\n"):
        conv = t2s_converter().convert(line)
        if len(conv) != len(line):
            conv = "".join(c if len(c := t2s_converter().convert(ch)) == 1 else ch for ch in line)
        out.append(conv)
    return "\n".join(out)


def fold_width(text: str) -> str:
    """Full-width ASCII forms to half-width, odd spaces to a plain space.

    Only the runs of such characters are translated: ``str.translate`` looks up every
    character of a Chinese text in its table, which takes twice as long. Splitting at the
    runs spares the call a substitution makes for each of them (every full-width comma).
    """
    pieces = _WIDE_SPLIT.split(text)  # text, run, text, run, …, text
    pieces[1::2] = [run.translate(_WIDTH_TABLE) for run in pieces[1::2]]
    return "".join(pieces)


@dataclass
class NormalView:
    """Normalised text plus the map from its offsets back to the original text."""

    text: str
    _points: list[int] = field(default_factory=list)
    _shifts: list[int] = field(default_factory=list)
    pinyin_spans: list[tuple[int, int]] = field(default_factory=list)
    traditional: bool = False
    """Whether simplification changed any character: checks of traditional characters can
    skip a report that has none without looking at it line by line."""

    def to_orig(self, index: int) -> int:
        """Original offset of the character at normalised ``index``."""
        if not self._points:
            return index  # nothing was removed: offsets are the same
        k = bisect_right(self._points, index) - 1
        return index + (self._shifts[k] if k >= 0 else 0)

    def span_to_orig(self, start: int, end: int) -> tuple[int, int]:
        """Original span of a normalised span; the end stays exclusive and skips removed text."""
        if end <= start:
            o = self.to_orig(start)
            return o, o
        return self.to_orig(start), self.to_orig(end - 1) + 1


def normalise(text: str) -> NormalView:
    """Build the matching view of ``text``: pinyin removed, simplified, width-folded."""
    spans = find_pinyin_readings(text)
    pieces, points, shifts = [], [], []
    last = removed = 0
    for start, end in spans:
        pieces.append(text[last:start])
        removed += end - start
        points.append(start - removed + (end - start))
        shifts.append(removed)
        last = end
    pieces.append(text[last:])
    stripped = "".join(pieces)
    simplified = to_simplified(stripped)
    return NormalView(fold_width(simplified), points, shifts, spans, simplified != stripped)
