"""Leftovers of document conversion: Word bookmarks and field codes, converter watermarks,
invisible characters.

Converting a Word file to text or HTML by a tool, rather than by Word, can leak the
document's machinery into the text: ``[bookmark: _GoBack]`` (Word's last-edit marker),
field instructions (``HYPERLINK "…"``, ``PAGEREF _Toc…``, ``\\* MERGEFORMAT``, ``{ PAGE }``),
the watermark of an unlicensed converter, a printed page's number, HTML character references
left as text (&nbsp;, &ldquo;), control characters (a PDF's form feed) and runs of no-break
spaces inside a sentence. None of it is report text, so deleting it (or putting the
character an entity stands for in its place) is always safe.
"""

from __future__ import annotations

import html
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
_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f"
"""Control characters but tab and line breaks: a PDF's form feed between pages, a Word
file's vertical tab (manual line break) and field delimiters (U+0013–U+0015)."""
_INVISIBLE = re.compile(f"[\u00ad\u200b-\u200f\u2060\ufeff{_CONTROLS}]+")
_NBSP_RUN = re.compile(
    "(?<=[\u3400-\u9fff\u3001\u3002\uff01\uff0c\uff1a\uff1b\uff1f])\u00a0{2,}(?=[\u3400-\u9fff])"
)
"""A run of no-break spaces inside Chinese text (不及时。&nbsp;&nbsp;下一步): a web page's
indentation of a paragraph the conversion ran into the one before. Runs opening a line (an
indentation) or next to figures and Latin text (a signature's layout) are left alone."""
_ENTITIES = re.compile(
    r"(?:&(?:(?:nbsp|ensp|emsp|thinsp)(?![A-Za-z0-9]);?|(?:amp|lt|gt|quot|apos|ldquo|rdquo"
    r"|lsquo|rsquo|mdash|hellip|middot);|#\d{2,7};|#[xX][0-9a-fA-F]{2,6};))+"
)
"""HTML character references left as text (全文&nbsp;&nbsp;如下, &ldquo;放管服&rdquo;): a page
escaped twice, or copied from its source."""
_MAY_HOLD = re.compile(f"[A-Za-z&\u00a0\u00ad\u200b-\u200f\u2060\ufeff{_CONTROLS}]")
"""What every artefact contains: a Latin letter, an ampersand, a no-break space or an
invisible character. Most lines of a Chinese report have none and need no further look."""


class Artefact(NamedTuple):
    """An artefact at [start, end) of a line; ``whole_line`` when it is all the line holds."""

    start: int
    end: int
    kind: str  # "bookmark", "field", "watermark", "page-number", "entity", "invisible", "nbsp"
    whole_line: bool = False
    replacement: str = ""
    """What the fix puts in its place (the character an entity stands for); mostly nothing."""


_PAGE_NUMBER = re.compile(
    r"[-—–]+\s*\d{1,4}\s*[-—–]+|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页"
)
"""A page number on a line of its own (— 3 —, 第 2 页 共 5 页): a printed page's footer
copied with its text. A bare figure is not one: a table flattened one cell a line has those."""
_PAGE_LINE_MAX = 24


def find_artefacts(line: str, entities: bool = True) -> list[Artefact]:
    """Every conversion artefact of one line, in order, without overlaps; ``entities``: HTML
    character references count (not in Markdown, where they are the writer's markup)."""
    if len(line) <= _PAGE_LINE_MAX and (page := _PAGE_NUMBER.fullmatch(line.strip())):
        start = line.index(page.group())
        return [Artefact(start, start + len(page.group()), "page-number", True)]
    if not _MAY_HOLD.search(line):
        return []
    found = []
    if "[bookmark:" in line:
        found += [Artefact(*m.span(), "bookmark") for m in _BOOKMARK().finditer(line)]
    if _UPPER_WORD.search(line):
        fields = _FIELD().finditer(line)
        found += [Artefact(*_with_space(line, m.span()), "field") for m in fields]
    found += [Artefact(*m.span(), "invisible") for m in _INVISIBLE.finditer(line)]
    if entities and "&" in line:
        found += [_entity(line, *m.span()) for m in _ENTITIES.finditer(line)]
    if "\u00a0\u00a0" in line:
        found += [Artefact(*m.span(), "nbsp") for m in _NBSP_RUN.finditer(line)]
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


def _entity(line: str, start: int, end: int) -> Artefact:
    """A run of character references, replaced by what they stand for; a run of spaces by
    nothing in Chinese text or at an edge of the line, else by one blank (Spire&nbsp;Doc)."""
    text = html.unescape(line[start:end])
    if text.strip():
        return Artefact(start, end, "entity", replacement=text.replace("\u00a0", " "))
    left = line[start - 1] if start else ""
    right = line[end] if end < len(line) else ""
    latin = left.isascii() and left.isalnum() and right.isascii() and right.isalnum()
    return Artefact(start, end, "entity", replacement=" " if latin else "")


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
