"""Word .docx: paragraphs and tables in document order, with Word's automatic numbers.

Tracked deletions, comments, field codes, drawings and text boxes are not report text;
tracked insertions are. Tables become Markdown pipe rows (a merged cell written once, the
positions it covers left empty). Positions: line = paragraph number, counting every
paragraph of the body in document order, those in table cells included (cells in reading
order); column = character in the paragraph as Word shows it, its automatic number
included. A soft line break inside a paragraph starts a new line of text, not a new
paragraph number.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from docx.oxml.ns import qn
from lxml.etree import _Element

from ..errors import InputError
from ..source import Origin, Source
from .builder import Deadline, Piece, TextBuilder, blank_cell, join_wrapped, write_table
from .numbering import Numbering

MAX_DOCX_BYTES = 64 * 1024 * 1024
MAX_MEMBERS = 2000
MAX_MEMBER_BYTES = 128 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
DOCX_SECONDS = 30.0

_SKIP = {
    qn(tag)
    for tag in (
        "w:pPr", "w:rPr", "w:del", "w:moveFrom", "w:instrText", "w:delText", "w:delInstrText",
        "w:drawing", "w:pict", "w:object", "w:footnoteReference", "w:endnoteReference",
        "w:commentReference", "w:fldData", "w:sym", "w:tcPr", "w:trPr", "w:tblPr", "w:sectPr",
    )
} | {"{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"}  # fmt: skip
_TEXT = {qn("w:t"): None, qn("w:tab"): "\t", qn("w:ptab"): "\t", qn("w:br"): "\n",
         qn("w:cr"): "\n", qn("w:noBreakHyphen"): "-"}  # fmt: skip
_P, _TBL, _TR, _TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")


def check_package(data: bytes, path: str) -> None:
    """Refuse zip bombs and XML with document type declarations before anything is parsed:
    sizes come from the zip directory (reading stops at the declared size), and Office XML
    never has a DTD, so one is an attack (entity expansion, external entities)."""
    if len(data) > MAX_DOCX_BYTES:
        raise InputError(path, f"Word file is larger than {MAX_DOCX_BYTES // (1024 * 1024)} MB")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(path, f"damaged Word file (not a readable zip archive: {exc})") from exc
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise InputError(path, f"Word file has {len(members)} parts (limit {MAX_MEMBERS})")
        total = sum(m.file_size for m in members)
        largest = max(members, key=lambda m: m.file_size, default=None)
        if largest is not None and largest.file_size > MAX_MEMBER_BYTES:
            raise InputError(path, f"Word file part {largest.filename} unpacks too large")
        if total > MAX_TOTAL_BYTES:
            raise InputError(path, "Word file unpacks too large (a zip bomb?)")
        names = {m.filename for m in members}
        if "[Content_Types].xml" not in names or not any(n.startswith("word/") for n in names):
            raise InputError(path, "zip archive that is not a Word .docx document")
        for member in members:
            if member.filename.endswith((".xml", ".rels")):
                try:
                    part = archive.read(member)
                except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
                    raise InputError(path, f"damaged Word file part {member.filename}") from exc
                if b"<!DOCTYPE" in part or b"<!ENTITY" in part:
                    raise InputError(
                        path, f"Word file part {member.filename} declares XML entities (unsafe)"
                    )


def load_docx(data: bytes, path: str) -> Source:
    """Extract a Word document's text, positions by paragraph."""
    with Deadline(path, DOCX_SECONDS) as deadline:
        check_package(data, path)
        import docx

        try:
            document = docx.Document(io.BytesIO(data))
        except Exception as exc:  # python-docx raises many kinds on a damaged package
            raise InputError(path, f"cannot read the Word document ({type(exc).__name__})") from exc
        reader = _Reader(document, deadline)
        reader.read(document.element.body)
        text, offsets = reader.builder.build()
    if not text.strip():
        raise InputError(path, "Word document has no text")
    origin = Origin("docx", "\n".join(reader.paragraphs), offsets)
    return Source(path, text, "utf-8", origin=origin)


def _val(element: _Element | None) -> str | None:
    return None if element is None else element.get(qn("w:val"))


class _Reader:
    def __init__(self, document, deadline: Deadline) -> None:
        self.builder = TextBuilder()
        self.paragraphs: list[str] = []  # the paragraphs as shown, one per position line
        self._base = 0  # origin offset of the next paragraph
        self.deadline = deadline
        part = document.part
        try:
            numbering = part.numbering_part.element
        except (KeyError, NotImplementedError):
            numbering = None
        self.numbering = Numbering(numbering)
        self._styles = _style_numbering(part.styles.element)
        self._style_num = {style: num for style, (num, _) in self._styles.items() if num}
        self._default_style = _default_paragraph_style(part.styles.element)

    def read(self, container: _Element) -> None:
        for element in _blocks(container):
            if element.tag == _P:
                for line in self._paragraph_lines(element):
                    self.builder.write_line(line)
            elif _holds_tables(element):
                for tr in _children(element, _TR):
                    for tc in _children(tr, _TC):
                        self.read(tc)
            else:
                write_table(self.builder, self._table(element))

    def _label(self, p: _Element) -> str:
        num_id, ilvl, style = None, None, None
        ppr = p.find(qn("w:pPr"))
        if ppr is not None:
            style = _val(ppr.find(qn("w:pStyle")))
            numpr = ppr.find(qn("w:numPr"))
            if numpr is not None:
                num_id = _val(numpr.find(qn("w:numId")))
                ilvl = _val(numpr.find(qn("w:ilvl")))
        style = style or self._default_style
        if num_id is None and style in self._styles:
            num_id, style_ilvl = self._styles[style]
            if ilvl is None:
                ilvl = style_ilvl
        if not num_id:
            return ""
        if ilvl is None:
            level = self.numbering.level_for_style(num_id, style)
            ilvl = str(level or 0)
        try:
            level_number = int(ilvl)
        except ValueError:
            level_number = 0
        return self.numbering.label(num_id, level_number, self._style_num)

    def _table(self, tbl: _Element) -> list[list[list[Piece] | None]]:
        rows: list[list[list[Piece] | None]] = []
        for tr in _children(tbl, _TR):
            row: list[list[Piece] | None] = [None] * _grid(tr, "w:gridBefore")
            for tc in _children(tr, _TC):
                tcpr = tc.find(qn("w:tcPr"))
                span, merged = 1, False
                if tcpr is not None:
                    span = max(1, min(_int(_val(tcpr.find(qn("w:gridSpan")))), 1000))
                    vmerge = tcpr.find(qn("w:vMerge"))
                    merged = vmerge is not None and _val(vmerge) != "restart"
                content = self._cell(tc)
                row.append(None if merged else content)
                row.extend([None] * (span - 1))
            rows.append(row)
        return rows

    def _cell(self, tc: _Element) -> list[Piece]:
        """A cell's paragraphs on one line; each is a position line. An empty cell is placed
        at the start of its first paragraph."""
        start = self._base
        lines: list[list[Piece]] = []
        for element in tc.iter(_P):
            lines.extend(self._paragraph_lines(element))
        pieces = join_wrapped(lines)
        if pieces or self._base == start:  # text, or no paragraph to point at
            return pieces
        return blank_cell(start, start)

    def _paragraph_lines(self, p: _Element) -> list[list[Piece]]:
        """A paragraph's lines (split at soft line breaks); records it as the next position
        line, as Word shows it."""
        self.deadline.check()
        text = self._label(p) + "".join(_runs(p))
        base = self._base
        self.paragraphs.append(text.replace("\n", " "))
        self._base += len(text) + 1
        lines, column = [], 0
        for segment in text.split("\n"):
            lines.append([Piece.run(segment, base + column)] if segment else [])
            column += len(segment) + 1
        return lines


def _int(value: str | None) -> int:
    try:
        return int(value or 1)
    except ValueError:
        return 1


def _grid(tr: _Element, tag: str) -> int:
    trpr = tr.find(qn("w:trPr"))
    value = None if trpr is None else _val(trpr.find(qn(tag)))
    return min(_int(value), 1000) if value else 0


def _children(element: _Element, tag: str) -> Iterator[_Element]:
    """Children with ``tag``, looking through content controls and custom XML wrappers."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in (qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")):
            yield from _children(child, tag)


def _holds_tables(tbl: _Element) -> bool:
    """A layout table (a frame around the report or its tables): a cell holds a table. Its
    cells are read as the paragraphs and tables they hold, not as one row of text."""
    return any(tc.find(_TBL) is not None for tr in _children(tbl, _TR) for tc in _children(tr, _TC))


def _blocks(container: _Element) -> Iterator[_Element]:
    """Paragraphs and tables of the body in order, through content controls and insertions."""
    stack = [iter(container)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag in (_P, _TBL):
            yield child
        elif child.tag not in _SKIP:
            stack.append(iter(child))


def _runs(p: _Element) -> Iterator[str]:
    """The paragraph's text in order, without deletions, field codes, drawings, comments."""
    stack = [iter(p)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag
        if tag in _TEXT:
            yield child.text or "" if _TEXT[tag] is None else _TEXT[tag]
        elif tag not in _SKIP and tag not in (_P, _TBL) and isinstance(tag, str):
            stack.append(iter(child))


def _style_numbering(styles: _Element) -> dict[str, tuple[str | None, str | None]]:
    """Paragraph style id -> (numId, ilvl) it numbers with, following ``w:basedOn``."""
    own: dict[str, tuple[str | None, str | None]] = {}
    based: dict[str, str] = {}
    for style in styles.iterfind(qn("w:style")):
        sid = style.get(qn("w:styleId"), "")
        parent = _val(style.find(qn("w:basedOn")))
        if parent:
            based[sid] = parent
        numpr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if numpr is not None:
            own[sid] = (_val(numpr.find(qn("w:numId"))), _val(numpr.find(qn("w:ilvl"))))
    resolved: dict[str, tuple[str | None, str | None]] = {}
    for sid in {*own, *based}:
        current, seen = sid, set()
        while current and current not in own and current not in seen:
            seen.add(current)
            current = based.get(current)
        if current in own:
            resolved[sid] = own[current]
    return resolved


def _default_paragraph_style(styles: _Element) -> str | None:
    for style in styles.iterfind(qn("w:style")):
        if style.get(qn("w:type")) == "paragraph" and style.get(qn("w:default")) in ("1", "true"):
            return style.get(qn("w:styleId"))
    return None
