"""Leftovers of document conversion: Word bookmarks and field codes, converter watermarks,
invisible characters.

Converting a Word file to text or HTML by a tool, rather than by Word, can leak the
document's machinery into the text: ``[bookmark: _GoBack]`` (Word's last-edit marker),
field instructions (``HYPERLINK "…"``, ``PAGEREF _Toc…``, ``\\* MERGEFORMAT``, ``{ PAGE }``)
and the watermark of an unlicensed converter. None of it is report text, so deleting it is
always safe.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .lazyre import lazy

_QUOTED = r'"[^"\n]*"'
_SWITCHES = rf"(?:\s*\\\*\s*[A-Za-z]+|\s*\\[a-z](?:\s+{_QUOTED})?)*"
_FIELD_PATTERNS = [
    rf"(?:\{{\s*)?(?:HYPERLINK|INCLUDEPICTURE|INCLUDETEXT)\s+(?:\\[lo]\s+)?{_QUOTED}{_SWITCHES}(?:\s*\}})?",
    rf"(?:\{{\s*)?(?:PAGEREF|NOTEREF|REF)\s+_(?:Toc|Ref|Hlk)\d+{_SWITCHES}(?:\s*\}})?",
    rf"(?:\{{\s*)?TOC(?:\s+\\[a-z](?:\s+{_QUOTED})?)+(?:\s*\}})?",
    r"(?:\{\s*)?SEQ\s+\w+\s*\\\*\s*(?:ARABIC|ROMAN|ALPHABETIC)(?:\s*\})?",
    r"\{\s*(?:PAGE|NUMPAGES|SECTIONPAGES|DATE|TIME|FILENAME|AUTHOR)(?:\s+\\[^}\n]*)?\s*\}",
    r"\bEMBED\s+(?:Word|Excel|PowerPoint|Equation|Visio|Package|PBrush|Paint)\.[\w.]+",
    r"(?:\\\*\s*)?\bMERGEFORMAT\b",
    r"\b(?:FORMTEXT|FORMCHECKBOX|FORMDROPDOWN|MACROBUTTON)\b",
]
_FIELD = lazy("|".join(f"(?:{p})" for p in _FIELD_PATTERNS))
_UPPER_WORD = re.compile("[A-Z]{3}")  # every field instruction has one
_BOOKMARK = lazy(r"\[bookmark:[^\]\n]*\]")
_WATERMARK = lazy(
    r"(?:Evaluation\s+(?:Warning|Only|Mode|Version)|evaluation\s+copy|unregistered\s+version"
    r"|(?:Created|Generated|Converted|Produced)\s+(?:with|by)\s+(?:Free\s+)?(?:Spire|Aspose)"
    r"|Copyright\s+\d{4}(?:-\d{4})?\s+Aspose)",
    re.IGNORECASE,
)
_LATIN_TAIL = lazy(r"[^\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]*")
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff]+")
_MAY_HOLD = re.compile("[A-Za-z\u00ad\u200b-\u200f\u2060\ufeff]")
"""What every artefact contains: a Latin letter or an invisible character. Most lines of a
Chinese report have neither and need no further look."""


class Artefact(NamedTuple):
    """An artefact at [start, end) of a line; ``whole_line`` when it is all the line holds."""

    start: int
    end: int
    kind: str  # "bookmark", "field", "watermark" or "invisible"
    whole_line: bool = False


def find_artefacts(line: str) -> list[Artefact]:
    """Every conversion artefact of one line, in order, without overlaps."""
    if not _MAY_HOLD.search(line):
        return []
    found = []
    if "[bookmark:" in line:
        found += [Artefact(*m.span(), "bookmark") for m in _BOOKMARK().finditer(line)]
    if _UPPER_WORD.search(line):
        fields = _FIELD().finditer(line)
        found += [Artefact(*_with_space(line, m.span()), "field") for m in fields]
    found += [Artefact(*m.span(), "invisible") for m in _INVISIBLE.finditer(line)]
    mark = _WATERMARK().search(line)
    if mark:
        start = _sentence_start(line, mark.start())
        end = start + _LATIN_TAIL().match(line, start).end() - start
        whole = not (line[:start] + line[end:]).strip()
        found.append(Artefact(start, end, "watermark", whole))
    found.sort(key=lambda a: (a.start, -a.end))
    kept: list[Artefact] = []
    for a in found:
        if not kept or a.start >= kept[-1].end:
            kept.append(a)
    return kept


def _with_space(line: str, span: tuple[int, int]) -> tuple[int, int]:
    """A field instruction with the blank after it: deleting it leaves the field's result."""
    start, end = span
    while end < len(line) and line[end] == " ":
        end += 1
    return start, end


def _sentence_start(line: str, at: int) -> int:
    """Start of the Latin sentence holding the watermark (after Chinese text or a full stop)."""
    i = at
    while i > 0 and line[i - 1] not in ".。" and ord(line[i - 1]) < 0x3000:
        i -= 1
    while i < at and line[i] == " ":
        i += 1
    return i
