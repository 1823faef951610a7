"""Loading: bytes to text, and positions in the file as the user has it.

Every diagnostic is computed on character offsets into ``Source.text`` (the decoded file,
line endings untouched), and turned into (line, column) here, so positions always refer to
the original file whatever the later stages did.

Word, HTML and PDF files are read by ``xxgk_lint.formats``: their ``Source.text`` is the
extracted report text, and an ``Origin`` maps every extracted character back to the file,
so ``position`` answers in the file's own terms (the HTML source, the Word paragraph, the
PDF page's text).
"""

from __future__ import annotations

import codecs
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError

MB = 1024 * 1024
MAX_TEXT_BYTES = 20 * MB
"""Default limit of a text report (``--max-size`` changes it). Real reports are a few hundred
KB; a text file this large is a log or a dump, and refusing it unread beats minutes of checks."""
MAX_BYTES = 64 * MB
"""Limit of any other file before it is read (the Word, web page and PDF readers keep their
own limits too)."""

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def index_lines(text: str) -> tuple[list[int], list[int]]:
    """Start and end offsets of every line of ``text`` (ends exclude the line break)."""
    starts, ends = [0], []
    for m in _LINE_BREAK.finditer(text):
        ends.append(m.start())
        starts.append(m.end())
    ends.append(len(text))
    return starts, ends


def _position_in(starts: list[int], ends: list[int], offset: int) -> tuple[int, int]:
    index = max(0, bisect_right(starts, offset) - 1)
    return index + 1, min(offset, ends[index]) - starts[index] + 1


@dataclass
class Origin:
    """Where the characters of an extracted text come from in the file as the user sees it.

    ``text`` is the file in the terms its positions are given in: the decoded HTML source, the
    Word paragraphs one per line (automatic numbers included), the PDF pages' text lines.
    ``offsets[i]`` is the offset in ``text`` of extracted character ``i``; one more entry maps
    the end of the extracted text. Characters the extractor wrote itself (line breaks between
    blocks, table pipes) map to the nearest real character on their line.
    """

    kind: str  # "docx", "html" or "pdf"
    text: str
    offsets: Sequence[int]
    pages: list[int] = field(default_factory=list)  # PDF: 0-based origin line starting each page
    context_lines: frozenset[int] = frozenset()  # extracted lines taken from outside the body
    line_starts: list[int] = field(default_factory=list)
    line_ends: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.line_starts:
            self.line_starts, self.line_ends = index_lines(self.text)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the file of extracted offset ``offset``."""
        offset = max(0, min(offset, len(self.offsets) - 1))
        return _position_in(self.line_starts, self.line_ends, self.offsets[offset])

    def line_text(self, line: int) -> str:
        """The file's 1-based line ``line`` (an HTML source line, a Word paragraph, a PDF line)."""
        if not 1 <= line <= len(self.line_starts):
            return ""
        return self.text[self.line_starts[line - 1] : self.line_ends[line - 1]]

    def page_line(self, line: int) -> tuple[int, int] | None:
        """(page, line on that page), both 1-based, of a 1-based line of a PDF's text."""
        if not self.pages:
            return None
        page = bisect_right(self.pages, line - 1)
        return page, line - self.pages[page - 1]


@dataclass
class Source:
    """A decoded file: its text, encoding, line-ending style and line index.

    For Word, HTML and PDF files ``text`` is the extracted report and ``origin`` maps it back
    to the file; ``line_starts``/``line_text`` always describe ``text`` (what checks read),
    ``position``/``display_line`` always describe the file (what users read).
    """

    path: str
    text: str
    encoding: str = "utf-8"
    bom: bool = False
    newline: str = "\n"
    line_starts: list[int] = field(default_factory=list)
    line_ends: list[int] = field(default_factory=list)
    origin: Origin | None = None

    def __post_init__(self) -> None:
        if not self.line_starts:
            self.line_starts, self.line_ends = index_lines(self.text)

    @property
    def kind(self) -> str:
        """The file's format: "text", "docx", "html" or "pdf"."""
        return self.origin.kind if self.origin else "text"

    @property
    def editable(self) -> bool:
        """Whether fixes (edits of ``text``) can be written back to the file: text files only."""
        return self.origin is None

    @property
    def context_lines(self) -> frozenset[int]:
        """0-based lines of ``text`` taken from outside the report body for context (the page
        title and publication byline of a web page): not part of the report as published."""
        return self.origin.context_lines if self.origin else frozenset()

    @property
    def line_count(self) -> int:
        return len(self.line_starts)

    def line_of(self, offset: int) -> int:
        """0-based line index holding ``offset`` (an offset on a line break belongs to its line)."""
        return max(0, bisect_right(self.line_starts, offset) - 1)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the file of an offset of ``text``; columns count Unicode
        code points (see ``Origin`` for Word, HTML and PDF files)."""
        if self.origin is not None:
            return self.origin.position(offset)
        offset = max(0, min(offset, len(self.text)))
        return _position_in(self.line_starts, self.line_ends, offset)

    def positions(self, offsets: Iterable[int]) -> list[tuple[int, int]]:
        """``position`` of many offsets (a fix of a long report may have thousands of edits):
        one loop, where calling ``position`` for each costs three calls an offset."""
        if self.origin is not None:
            return [self.origin.position(offset) for offset in offsets]
        starts, ends, size = self.line_starts, self.line_ends, len(self.text)
        found = []
        for offset in offsets:
            offset = 0 if offset < 0 else min(offset, size)
            index = bisect_right(starts, offset) - 1
            found.append((index + 1, min(offset, ends[index]) - starts[index] + 1))
        return found

    def line_text(self, index: int) -> str:
        """Text of a 0-based line of ``text`` without its line break."""
        return self.text[self.line_starts[index] : self.line_ends[index]]

    def display_line(self, line: int) -> str:
        """The file's 1-based line ``line`` as ``position`` counts lines, for showing a finding."""
        if self.origin is not None:
            return self.origin.line_text(line)
        return self.line_text(line - 1) if 1 <= line <= self.line_count else ""

    def page_line(self, line: int) -> tuple[int, int] | None:
        """(page, line on the page) of a 1-based line of a PDF; None for other formats."""
        return self.origin.page_line(line) if self.origin else None


def _detect_newline(text: str) -> str:
    m = _LINE_BREAK.search(text)
    return m.group(0) if m else "\n"


_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or (13 < b < 32 and b != 27))
"""Control bytes that text does not hold (tab, line breaks, form feed and escape are kept)."""


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return bool(sample) and controls / len(sample) > 0.05


def too_large(limit: int, size: int | None = None) -> str:
    """The problem of a text report over ``limit`` bytes, saying how to raise the limit."""
    shown = f" ({size / MB:.1f} MB)" if size is not None else ""
    return f"text file{shown} is larger than the {limit / MB:g} MB limit (raise it with --max-size)"


def decode(data: bytes, path: str) -> Source:
    """Decode report bytes: BOMs first, then UTF-8, then detection among Chinese encodings.
    (Size limits apply where bytes are read: ``load_path``, the command line's stdin.)"""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(path, f"invalid {encoding} after its byte-order mark") from exc
            return Source(path, text, encoding, bom=True, newline=_detect_newline(text))
    if _looks_binary(data):
        raise InputError(path, "binary file, not a text report")
    try:
        text = data.decode("utf-8")
        return Source(path, text, "utf-8", newline=_detect_newline(text))
    except UnicodeDecodeError:
        pass
    encoding = _detect_encoding(data)
    if encoding is None:
        raise InputError(path, "cannot determine the text encoding")
    text = data.decode(encoding, errors="replace")
    return Source(path, text, encoding, newline=_detect_newline(text))


def decode_input(data: bytes, name: str, limit: int) -> Source:
    """Decode a report read as bytes (standard input) as a file would be: refused when over
    ``limit`` (``data`` then holds only its start, one byte past the limit) or blank."""
    if len(data) > limit:
        raise InputError(name, too_large(limit))
    if not data.strip():
        raise InputError(name, "empty input")
    return decode(data, name)


def _detect_encoding(data: bytes) -> str | None:
    """GB18030 covers GBK and GB2312; try it strictly before asking charset-normalizer."""
    try:
        data.decode("gb18030")
        return "gb18030"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    return best.encoding if best else None


def _refuse_large(head: bytes, name: str, size: int | None, max_text_bytes: int) -> None:
    """Refuse a file over the text limit (``size`` bytes; None: unknown) from its first bytes
    ``head``, unless it is a Word file, a web page or a PDF no larger than ``MAX_BYTES``
    (their readers have limits of their own)."""
    from .formats import sniff

    if sniff(head[:1024]) == "text":
        raise InputError(name, too_large(max_text_bytes, size))
    if size is not None and size > MAX_BYTES:
        raise InputError(name, f"file is larger than {MAX_BYTES // MB} MB")


def _read(path: Path, name: str, max_text_bytes: int) -> bytes:
    """The file's bytes. A file over the limit is refused from its first bytes; no more than
    one byte past a limit is read, so a device or a pipe whose size ``stat`` cannot tell
    (``/dev/zero``, ``<(command)``) is refused too, instead of filling the memory."""
    size = path.stat().st_size
    limit = max(max_text_bytes, MAX_BYTES)
    with path.open("rb") as fh:
        if size > max_text_bytes:
            _refuse_large(fh.read(1024), name, size, max_text_bytes)
            fh.seek(0)
        data = fh.read(max_text_bytes + 1)
        if len(data) > max_text_bytes:  # not text, or grown since, or of no known size
            _refuse_large(data, name, None, max_text_bytes)
            data += fh.read(limit + 1 - len(data))
    if len(data) > limit:
        raise InputError(name, f"file is larger than {limit // MB} MB")
    return data


def read_path(
    path: Path, display: str | None = None, max_text_bytes: int = MAX_TEXT_BYTES
) -> bytes:
    """The bytes of one report file, with errors that name the file. A text file over
    ``max_text_bytes`` is refused before it is read; so is an empty one."""
    name = display or str(path)
    try:
        data = _read(path, name, max_text_bytes)
    except FileNotFoundError as exc:
        raise InputError(name, "no such file") from exc
    except IsADirectoryError as exc:
        raise InputError(name, "is a directory") from exc
    except PermissionError as exc:
        raise InputError(name, "permission denied") from exc
    except OSError as exc:
        raise InputError(name, exc.strerror or str(exc)) from exc
    if not data.strip():
        raise InputError(name, "empty file")
    return data


def load_path(
    path: Path, display: str | None = None, max_text_bytes: int = MAX_TEXT_BYTES
) -> Source:
    """Read one report file of any supported format (``read_path``), with errors that name
    the file."""
    from .formats import load_bytes

    data = read_path(path, display, max_text_bytes)
    return load_bytes(data, display or str(path), path.suffix.lower())
