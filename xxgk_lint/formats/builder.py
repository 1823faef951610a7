"""Extracted text with, for every character, where it came from in the file.

Format readers write the report line by line: real characters carry their offset in the
file's origin text (see ``xxgk_lint.source.Origin``); characters the reader writes itself
(line breaks between blocks, table pipes) are *synthetic* and borrow a neighbour's place: at
the start of a line the next real character's, elsewhere the end of the previous one, so a
finding that starts on a row points at its first cell and one that ends a line ends there.
"""

from __future__ import annotations

import re
import signal
import threading
import time
from array import array
from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import InputError

_SPACES = re.compile(r"[ \t\n\r\f\u00a0]+")
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")


@dataclass
class Piece:
    """A run of extracted text; ``offsets[i]`` is the origin offset of ``text[i]``, ``end``
    the origin offset just after the run's last character."""

    text: str
    offsets: Sequence[int]
    end: int

    @classmethod
    def run(cls, text: str, start: int) -> Piece:
        """Text copied verbatim from origin offset ``start`` on."""
        return cls(text, range(start, start + len(text)), start + len(text))


class TextBuilder:
    """Accumulates the extracted text and its origin offsets."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._offsets = array("q")
        self._last_end = 0
        self._line_has_real = False
        self._pending: list[int] = []  # synthetic characters waiting for the next real one
        self.line = 0  # 0-based index of the line being written

    def add(self, piece: Piece) -> None:
        """Append real characters (no line breaks: use ``newline``)."""
        if not piece.text:
            return
        for index in self._pending:
            self._offsets[index] = piece.offsets[0]
        self._pending.clear()
        self._parts.append(piece.text)
        self._offsets.extend(piece.offsets)
        self._last_end = piece.end
        self._line_has_real = True

    def synthetic(self, text: str) -> None:
        """Append characters the reader writes itself (pipes, spaces), never line breaks."""
        for _ in text:
            if not self._line_has_real:
                self._pending.append(len(self._offsets))
            self._offsets.append(self._last_end)
        self._parts.append(text)

    def newline(self) -> None:
        """End the current line."""
        for index in self._pending:
            self._offsets[index] = self._last_end
        self._pending.clear()
        self._offsets.append(self._last_end)
        self._parts.append("\n")
        self._line_has_real = False
        self.line += 1

    def write_line(self, pieces: Sequence[Piece]) -> None:
        """Write one whole line of pieces and end it."""
        for piece in pieces:
            self.add(piece)
        self.newline()

    def build(self) -> tuple[str, array]:
        """The text and its offsets (one entry more than characters, for the end)."""
        for index in self._pending:
            self._offsets[index] = self._last_end
        self._pending.clear()
        offsets = array("q", self._offsets)
        offsets.append(self._last_end)
        return "".join(self._parts), offsets


class LineBuffer:
    """One line being assembled from inline pieces, with HTML-like white-space collapsing."""

    def __init__(self) -> None:
        self.pieces: list[Piece] = []
        self._space_pending = False

    def add(self, piece: Piece, collapse: bool = True) -> None:
        """Add a piece; with ``collapse`` runs of white space become one space, kept only
        between words (leading and trailing space of the line is dropped)."""
        if not collapse:
            self._flush_space()
            self.pieces.append(piece)
            return
        pos = 0
        for m in _SPACES.finditer(piece.text):
            if m.start() > pos:
                self._flush_space()
                self.pieces.append(_slice(piece, pos, m.start()))
            self._space_pending = bool(self.pieces)
            self._space_at = piece.offsets[m.start()]
            pos = m.end()
        if pos < len(piece.text):
            self._flush_space()
            self.pieces.append(_slice(piece, pos, len(piece.text)))

    def _flush_space(self) -> None:
        if self._space_pending:
            self.pieces.append(Piece(" ", (self._space_at,), self._space_at + 1))
            self._space_pending = False

    def text(self) -> str:
        return "".join(p.text for p in self.pieces)

    def take(self) -> list[Piece]:
        """The line's pieces; the buffer starts a new line."""
        pieces, self.pieces, self._space_pending = self.pieces, [], False
        return pieces


def _slice(piece: Piece, start: int, end: int) -> Piece:
    stop = piece.offsets[end] if end < len(piece.text) else piece.end
    return Piece(piece.text[start:end], piece.offsets[start:end], stop)


def join_wrapped(lines: Sequence[Sequence[Piece]]) -> list[Piece]:
    """Lines of one cell (or one wrapped paragraph) as one line: joined directly next to a
    Chinese character, where a line break is only layout, and with a space between words."""
    out: list[Piece] = []
    for line in lines:
        if not line:
            continue
        if out and not (_CJK.match(out[-1].text[-1]) or _CJK.match(line[0].text[0])):
            out.append(Piece(" ", (out[-1].end,), out[-1].end))
        out.extend(line)
    return out


def blank_cell(start: int, end: int) -> list[Piece]:
    """An empty cell's place in the file (its empty paragraph, its ``&nbsp;``, its tag): a
    piece without text whose one offset is where the place starts, ``end`` where it ends."""
    return [Piece("", (start,), end)]


def write_table(
    builder: TextBuilder, rows: Sequence[Sequence[Sequence[Piece] | None]], continued: bool = False
) -> None:
    """Rows of cells as Markdown pipe rows, one row a line, a ``|---|`` separator after the
    first (not when ``continued``: more rows of the table before, cut by a page break);
    ``None`` is a position covered by a merged cell, written empty (``| |``). Rows are padded
    to the widest row. The space before a cell's text stands at the text, and the gap of an
    empty cell with a place (``blank_cell``) at that place, so a finding about a cell points
    at it, not at the end of the cell before."""
    width = max((len(row) for row in rows), default=0)
    for number, row in enumerate(rows):
        builder.synthetic("|")
        for index in range(width):
            cell = row[index] if index < len(row) else None
            first = next((piece for piece in cell if piece.text), None) if cell else None
            if first is not None:
                at = first.offsets[0]
                builder.add(Piece(" ", (at,), at))
                for piece in cell or ():
                    builder.add(_no_pipes(piece))
                builder.synthetic(" |")
            elif cell and cell[0].offsets:
                builder.add(Piece(" ", (cell[0].offsets[0],), cell[0].end))
                builder.synthetic("|")
            else:
                builder.synthetic(" |")
        builder.newline()
        if number == 0 and not continued:
            builder.synthetic("|" + "---|" * width)
            builder.newline()


def _no_pipes(piece: Piece) -> Piece:
    if "|" not in piece.text:
        return piece
    return Piece(piece.text.replace("|", "¦"), piece.offsets, piece.end)


_RING_AGAIN = 0.1
"""Seconds between alarms once a read's time is up."""


class _Expired(BaseException):
    """Raised by the alarm; a BaseException so library code catching Exception cannot hide it."""


class Deadline:
    """A time bound for reading one file. Readers call ``check`` in their loops; used as a
    context manager it also arms an alarm (main thread, Unix) that interrupts pure-Python
    library code between two bytecodes, such as pypdf parsing a huge content stream. Either
    way a hostile file ends with a clear error instead of a hang."""

    def __init__(self, path: str, seconds: float) -> None:
        self.path = path
        self.seconds = seconds
        self._until = time.monotonic() + seconds
        self._previous: object = None

    def error(self) -> InputError:
        return InputError(
            self.path, f"reading took longer than {self.seconds:g} s; the file is too complex"
        )

    def check(self) -> None:
        if time.monotonic() > self._until:
            raise self.error()

    def __enter__(self) -> Deadline:
        if (
            hasattr(signal, "setitimer")
            and threading.current_thread() is threading.main_thread()
            and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN)
        ):
            self._previous = signal.signal(signal.SIGALRM, _expire)
            # Repeating: an exception raised while Python runs a garbage-collection callback
            # or a finaliser is dropped, so the alarm rings again until the read ends.
            first = max(self.seconds, 0.001) + 1.0
            signal.setitimer(signal.ITIMER_REAL, first, _RING_AGAIN)
        return self

    def __exit__(self, kind, exc, traceback) -> None:
        try:
            if self._previous is not None:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, self._previous)
                self._previous = None
        except _Expired:
            pass
        if isinstance(exc, _Expired):
            raise self.error() from None


def _expire(signum, frame) -> None:
    raise _Expired
