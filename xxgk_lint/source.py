"""Loading: bytes to text, and positions in the file as the user has it.

Every diagnostic is computed on character offsets into ``Source.text`` (the decoded file,
line endings untouched), and turned into (line, column) here, so positions always refer to
the original file whatever the later stages did.
"""

from __future__ import annotations

import codecs
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError

MAX_BYTES = 64 * 1024 * 1024
"""Refuse files larger than this: no real report comes close, and it keeps runs bounded."""

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass
class Source:
    """A decoded file: its text, encoding, line-ending style and line index."""

    path: str
    text: str
    encoding: str = "utf-8"
    bom: bool = False
    newline: str = "\n"
    line_starts: list[int] = field(default_factory=list)
    line_ends: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.line_starts:
            self._index_lines()

    def _index_lines(self) -> None:
        starts, ends = [0], []
        for m in _LINE_BREAK.finditer(self.text):
            ends.append(m.start())
            starts.append(m.end())
        ends.append(len(self.text))
        self.line_starts, self.line_ends = starts, ends

    @property
    def line_count(self) -> int:
        return len(self.line_starts)

    def line_of(self, offset: int) -> int:
        """0-based line index holding ``offset`` (an offset on a line break belongs to its line)."""
        return max(0, bisect_right(self.line_starts, offset) - 1)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset; columns count Unicode code points."""
        offset = max(0, min(offset, len(self.text)))
        index = self.line_of(offset)
        column = min(offset, self.line_ends[index]) - self.line_starts[index]
        return index + 1, column + 1

    def line_text(self, index: int) -> str:
        """Text of a 0-based line without its line break."""
        return self.text[self.line_starts[index] : self.line_ends[index]]


def _detect_newline(text: str) -> str:
    m = _LINE_BREAK.search(text)
    return m.group(0) if m else "\n"


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32 and b != 27)
    return bool(sample) and controls / len(sample) > 0.05


def decode(data: bytes, path: str) -> Source:
    """Decode report bytes: BOMs first, then UTF-8, then detection among Chinese encodings."""
    if len(data) > MAX_BYTES:
        raise InputError(path, f"file is larger than {MAX_BYTES // (1024 * 1024)} MB")
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


def load_path(path: Path, display: str | None = None) -> Source:
    """Read and decode one text file, with errors that name the file."""
    name = display or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(name, f"file is larger than {MAX_BYTES // (1024 * 1024)} MB")
        data = path.read_bytes()
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
    return decode(data, name)
