"""PDF: the text layer, page by page, as lines a reader sees, reflowed into paragraphs.

pypdf reports every piece of text with its position, and every ruled line drawn. Pieces on
one baseline make a *printed line*; the printed lines of all pages, in order, are what
positions refer to (line = printed line counted from the first page, column = character in
it; ``Source.page_line`` turns a line into page and line on that page). The text that is
checked joins the printed lines of a paragraph (a line reaching the right margin continues
on the next unless that one is indented), drops page numbers, and turns ruled tables into
Markdown pipe rows, merged cells written once. A PDF without a text layer (a scan) is an
error: nothing in it can be checked, and saying "no findings" would be false.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
from dataclasses import dataclass, field

from ..errors import InputError
from ..source import Origin, Source
from .builder import Deadline, Piece, TextBuilder, join_wrapped, write_table

MAX_PDF_BYTES = 64 * 1024 * 1024
MAX_PAGES = 1000
MAX_SEGMENTS = 5000  # ruled lines per page considered for tables
PDF_SECONDS = 60.0

_PAGE_NUMBER = re.compile(
    r"^[-—–\s]*(?:第\s*)?\d{1,4}\s*(?:页)?(?:\s*(?:/|共)\s*\d{1,4}\s*页?)?[-—–\s]*$"
)
_HEADING_START = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[、.．]|第[一二三四五六七八九十]{1,3}部分)"
)
_SENTENCE_END = re.compile(r"[。；！？：:;]\s*$")


@dataclass
class Chunk:
    """A piece of text drawn at one place."""

    text: str
    x: float
    y: float
    size: float
    offset: int = 0  # origin offset, set when printed lines are laid out

    @property
    def width(self) -> float:
        """Estimated: Chinese full width, Latin half; punctuation of ambiguous width (“ ” …)
        is full width in a Chinese font."""
        wide = "WFA" if any(unicodedata.east_asian_width(c) in "WF" for c in self.text) else "WF"
        half = sum(unicodedata.east_asian_width(c) not in wide for c in self.text)
        return (len(self.text) - half / 2) * self.size

    @property
    def right(self) -> float:
        return self.x + self.width


@dataclass
class PrintedLine:
    chunks: list[Chunk]
    y: float
    size: float
    page: int
    text: str = ""

    @property
    def x0(self) -> float:
        return self.chunks[0].x

    @property
    def x1(self) -> float:
        return max(c.right for c in self.chunks)


@dataclass
class Grid:
    """A ruled table: row and column boundaries, the merged regions, their chunks."""

    ys: list[float]  # row boundaries, top first
    xs: list[float]  # column boundaries, left first
    region: dict[tuple[int, int], tuple[int, int]]  # cell -> its region's top-left cell
    chunks: dict[tuple[int, int], list[Chunk]] = field(default_factory=dict)

    def cell_at(self, x: float, y: float) -> tuple[int, int] | None:
        if not (self.xs[0] <= x <= self.xs[-1] and self.ys[-1] <= y <= self.ys[0]):
            return None
        row = next((i for i in range(len(self.ys) - 1) if self.ys[i + 1] <= y), len(self.ys) - 2)
        col = next((j for j in range(len(self.xs) - 1) if x <= self.xs[j + 1]), len(self.xs) - 2)
        return self.region[(row, col)]


def load_pdf(data: bytes, path: str) -> Source:
    """Extract a PDF's text layer, positions by printed line."""
    if len(data) > MAX_PDF_BYTES:
        raise InputError(path, f"PDF is larger than {MAX_PDF_BYTES // (1024 * 1024)} MB")
    logger = logging.getLogger("pypdf")  # its warnings about damage would print raw to stderr
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        with Deadline(path, PDF_SECONDS) as deadline:
            return _read(data, path, deadline)
    finally:
        logger.setLevel(level)


def _read(data: bytes, path: str, deadline: Deadline) -> Source:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(path, "PDF is encrypted with a password")
        pages = reader.pages
        if len(pages) > MAX_PAGES:
            raise InputError(path, f"PDF has {len(pages)} pages (limit {MAX_PAGES})")
        collected = []
        for page in pages:
            deadline.check()
            collected.append(_collect(page, deadline))
    except InputError:
        raise
    except (
        PyPdfError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        OSError,
        RecursionError,
    ) as exc:
        raise InputError(path, f"damaged PDF ({type(exc).__name__}: {exc})") from exc
    if not any(chunks for chunks, _ in collected):
        raise InputError(
            path,
            "PDF has no text layer (a scanned image?): it cannot be checked; run OCR or "
            "check the text version",
        )
    return _build(path, collected, deadline)


def _collect(page, deadline: Deadline) -> tuple[list[Chunk], list[tuple[str, float, float, float]]]:
    """Text chunks and ruled segments (("h", y, x0, x1) / ("v", x, y0, y1)) of a page."""
    chunks: list[Chunk] = []
    segments: list[tuple[str, float, float, float]] = []
    path: list[tuple[float, float, float, float]] = []
    point: list[tuple[float, float]] = []

    def at(cm, x: float, y: float) -> tuple[float, float]:
        return x * cm[0] + y * cm[2] + cm[4], x * cm[1] + y * cm[3] + cm[5]

    def on_text(text, cm, tm, font, size) -> None:
        if not text or not text.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = abs(tm[3] * cm[3]) or abs(tm[0] * cm[0]) or 1.0
        size = float(size or 10) * scale
        for index, part in enumerate(text.split("\n")):
            if part.strip():
                chunks.append(Chunk(part, x, y - index * size * 1.2, size))

    def on_operator(op, args, cm, tm) -> None:
        deadline.check()
        if op == b"m" and len(args) >= 2:
            point[:] = [at(cm, float(args[0]), float(args[1]))]
        elif op == b"l" and len(args) >= 2 and point:
            end = at(cm, float(args[0]), float(args[1]))
            path.append((*point[0], *end))
            point[:] = [end]
        elif op == b"re" and len(args) >= 4:
            x, y, w, h = (float(a) for a in args[:4])
            corners = [at(cm, x, y), at(cm, x + w, y), at(cm, x + w, y + h), at(cm, x, y + h)]
            if abs(w) < 2 or abs(h) < 2:  # a rule drawn as a thin rectangle
                (ax, ay), (bx, by) = corners[0], corners[2]
                path.append(
                    ((ax + bx) / 2, ay, (ax + bx) / 2, by)
                    if abs(w) < 2
                    else (ax, (ay + by) / 2, bx, (ay + by) / 2)
                )
            else:
                path.extend((*corners[i], *corners[(i + 1) % 4]) for i in range(4))
        elif op in (b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"):
            for x0, y0, x1, y1 in path:
                if abs(y0 - y1) < 1 and abs(x1 - x0) >= 3:
                    segments.append(("h", (y0 + y1) / 2, min(x0, x1), max(x0, x1)))
                elif abs(x0 - x1) < 1 and abs(y1 - y0) >= 3:
                    segments.append(("v", (x0 + x1) / 2, min(y0, y1), max(y0, y1)))
            path.clear()
        elif op == b"n":
            path.clear()

    page.extract_text(visitor_text=on_text, visitor_operand_before=on_operator)
    return chunks, segments[:MAX_SEGMENTS]


def _lines(chunks: list[Chunk], page: int) -> list[PrintedLine]:
    """Chunks on one baseline, top to bottom, left to right."""
    lines: list[PrintedLine] = []
    for chunk in sorted(chunks, key=lambda c: (-c.y, c.x)):
        if lines and abs(lines[-1].y - chunk.y) <= 0.3 * max(chunk.size, lines[-1].size):
            lines[-1].chunks.append(chunk)
            lines[-1].size = max(lines[-1].size, chunk.size)
        else:
            lines.append(PrintedLine([chunk], chunk.y, chunk.size, page))
    for line in lines:
        line.chunks.sort(key=lambda c: c.x)
    return lines


def _needs_space(left: Chunk, right: Chunk) -> bool:
    gap = right.x - left.right
    cjk = (
        unicodedata.east_asian_width(left.text[-1]) in "WF"
        and unicodedata.east_asian_width(right.text[0]) in "WF"
    )
    return gap > (1.0 if cjk else 0.2) * right.size


def _cluster(values: list[float], tolerance: float = 2.0) -> list[float]:
    out: list[float] = []
    for value in sorted(values):
        if out and value - out[-1] <= tolerance:
            continue
        out.append(value)
    return out


def _grids(segments: list[tuple[str, float, float, float]]) -> list[Grid]:
    """Tables from ruled segments: connected rulings with at least two rows and columns;
    a missing rule between two cells merges them."""
    tol = 2.0
    hs = [s for s in segments if s[0] == "h"]
    vs = [s for s in segments if s[0] == "v"]
    parent = list(range(len(hs) + len(vs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (_, y, x0, x1) in enumerate(hs):
        for j, (_, x, y0, y1) in enumerate(vs):
            if x0 - tol <= x <= x1 + tol and y0 - tol <= y <= y1 + tol:
                parent[find(i)] = find(len(hs) + j)
    groups: dict[int, tuple[list, list]] = {}
    for i, segment in enumerate(hs):
        groups.setdefault(find(i), ([], []))[0].append(segment)
    for j, segment in enumerate(vs):
        groups.setdefault(find(len(hs) + j), ([], []))[1].append(segment)
    grids = [_grid(h_group, v_group) for h_group, v_group in groups.values()]
    return [grid for grid in grids if grid is not None]


def _ruled(group: list, at: float, mid: float, tol: float = 2.0) -> bool:
    """Whether a segment of ``group`` lies at ``at`` and crosses ``mid``."""
    return any(abs(s[1] - at) <= tol and s[2] - tol <= mid <= s[3] + tol for s in group)


def _top(root: dict[tuple[int, int], tuple[int, int]], cell: tuple[int, int]) -> tuple[int, int]:
    while root[cell] != cell:
        cell = root[cell]
    return cell


def _grid(h_group: list, v_group: list) -> Grid | None:
    """The grid of one connected set of rulings, cells merged where a rule is missing."""
    ys = sorted(_cluster([s[1] for s in h_group]), reverse=True)
    xs = _cluster([s[1] for s in v_group])
    if len(ys) < 2 or len(xs) < 2:
        return None
    cells = [(i, j) for i in range(len(ys) - 1) for j in range(len(xs) - 1)]
    root = {cell: cell for cell in cells}
    for i, j in cells:
        mid_y, mid_x = (ys[i] + ys[i + 1]) / 2, (xs[j] + xs[j + 1]) / 2
        if j + 1 < len(xs) - 1 and not _ruled(v_group, xs[j + 1], mid_y):
            a, b = _top(root, (i, j)), _top(root, (i, j + 1))
            root[max(a, b)] = min(a, b)
        if i + 1 < len(ys) - 1 and not _ruled(h_group, ys[i + 1], mid_x):
            a, b = _top(root, (i, j)), _top(root, (i + 1, j))
            root[max(a, b)] = min(a, b)
    return Grid(ys, xs, {cell: _top(root, cell) for cell in cells})


def _build(path: str, collected, deadline: Deadline) -> Source:
    printed: list[PrintedLine] = []
    page_starts: list[int] = []
    page_items: list[list[tuple[float, object]]] = []
    origin_lines: list[str] = []
    base = 0
    for number, (chunks, segments) in enumerate(collected, start=1):
        deadline.check()
        lines = _lines(chunks, number)
        page_starts.append(len(origin_lines))
        for line in lines:
            column, text = 0, ""
            for index, chunk in enumerate(line.chunks):
                if index and _needs_space(line.chunks[index - 1], chunk):
                    text += " "
                chunk.offset = base + len(text)
                text += chunk.text
            line.text = text
            origin_lines.append(text)
            base += len(text) + 1
            del column
        printed.extend(lines)
        grids = _grids(segments) if len(segments) < MAX_SEGMENTS else []
        items: list[tuple[float, object]] = []
        for line in lines:
            free = []
            for chunk in line.chunks:
                cx, cy = chunk.x + min(chunk.width, 1.0) / 2, chunk.y + chunk.size * 0.3
                grid = next((g for g in grids if g.cell_at(cx, cy) is not None), None)
                if grid is None:
                    free.append(chunk)
                else:
                    grid.chunks.setdefault(grid.cell_at(cx, cy), []).append(chunk)
            if free:
                items.append((line.y, PrintedLine(free, line.y, line.size, number, line.text)))
        items.extend((grid.ys[0], grid) for grid in grids if grid.chunks)
        items.sort(key=lambda item: -item[0])
        page_items.append(_drop_page_numbers(items))
    builder = TextBuilder()
    _write(builder, page_items)
    text, offsets = builder.build()
    origin = Origin("pdf", "\n".join(origin_lines), offsets, pages=page_starts)
    return Source(path, text, "utf-8", origin=origin)


def _plain(line: PrintedLine) -> str:
    return "".join(c.text for c in line.chunks)


def _drop_page_numbers(items: list[tuple[float, object]]) -> list[tuple[float, object]]:
    """Page numbers (3, - 3 -, 第3页, 3/12) on the first or last line of a page are furniture."""
    for index in (-1, 0):
        if (
            items
            and isinstance(items[index][1], PrintedLine)
            and _PAGE_NUMBER.match(_plain(items[index][1]))
        ):
            items = items[:-1] if index == -1 else items[1:]
    return items


def _pieces(line: PrintedLine) -> list[Piece]:
    out: list[Piece] = []
    for index, chunk in enumerate(line.chunks):
        if index and _needs_space(line.chunks[index - 1], chunk):
            out.append(Piece(" ", (chunk.offset,), chunk.offset))
        out.append(Piece.run(chunk.text, chunk.offset))
    return out


def _write(builder: TextBuilder, page_items: list[list[tuple[float, object]]]) -> None:
    """Paragraphs and tables of all pages; paragraphs continue across page breaks."""
    lines = [item for items in page_items for _, item in items]
    text_lines = [item for item in lines if isinstance(item, PrintedLine)]
    # Margins of the whole document: a page of short indented lines has the same margins.
    margin = (
        (min(line.x0 for line in text_lines), max(line.x1 for line in text_lines))
        if text_lines
        else (0.0, 0.0)
    )
    margins = {line.page: margin for line in text_lines}
    paragraph: list[list[Piece]] = []
    previous: PrintedLine | None = None
    for item in _join_tables(lines):
        if isinstance(item, list):
            if paragraph:
                builder.write_line(join_wrapped(paragraph))
                paragraph = []
            xs = _cluster([x for grid in item for x in grid.xs])
            for index, grid in enumerate(item):
                write_table(builder, _rows(grid, xs), continued=index > 0)
            previous = None
            continue
        if paragraph and not _continues(previous, item, margins):
            builder.write_line(join_wrapped(paragraph))
            paragraph = []
        paragraph.append(_pieces(item))
        previous = item
    if paragraph:
        builder.write_line(join_wrapped(paragraph))


def _join_tables(items: list[PrintedLine | Grid]) -> list[PrintedLine | list[Grid]]:
    """Tables as lists of grids: one that a page break cut in two (the next item after it
    is a table of the same outer width) is one table."""
    out: list[PrintedLine | list[Grid]] = []
    for item in items:
        if not isinstance(item, Grid):
            out.append(item)
        elif out and isinstance(out[-1], list) and _same_outline(out[-1][-1], item):
            out[-1].append(item)
        else:
            out.append([item])
    return out


def _same_outline(previous: Grid, grid: Grid) -> bool:
    return abs(previous.xs[0] - grid.xs[0]) <= 2.0 and abs(previous.xs[-1] - grid.xs[-1]) <= 2.0


def _continues(previous: PrintedLine | None, line: PrintedLine, margins) -> bool:
    """Whether ``line`` goes on with the paragraph ``previous`` ends."""
    if previous is None or abs(previous.size - line.size) > 0.5:
        return False
    left, right = margins[line.page]
    prev_left, prev_right = margins[previous.page]
    if previous.page == line.page and previous.y - line.y > 2.0 * line.size:
        return False
    centred = abs((previous.x0 - prev_left) - (prev_right - previous.x1)) < 2 * previous.size
    if centred and previous.x0 > prev_left + 2 * previous.size:  # a centred title on two lines
        return abs((line.x0 - left) - (right - line.x1)) < 2 * line.size
    if previous.x1 < prev_right - 2.5 * previous.size or line.x0 > left + 0.5 * line.size:
        return False
    return not (_SENTENCE_END.search(_plain(previous)) and _HEADING_START.match(_plain(line)))


def _rows(grid: Grid, xs: list[float]) -> list[list[list[Piece] | None]]:
    """The grid's rows over column boundaries ``xs`` (its own, or those of the whole table
    when a page break cut it): a region is written in its first row and column."""
    rows: list[list[list[Piece] | None]] = []
    for i in range(len(grid.ys) - 1):
        row: list[list[Piece] | None] = []
        seen: set[tuple[int, int]] = set()
        for k in range(len(xs) - 1):
            mid = (xs[k] + xs[k + 1]) / 2
            last = len(grid.xs) - 2
            j = next((j for j in range(last + 1) if mid <= grid.xs[j + 1]), last)
            region = grid.region[(i, j)]
            if region in seen or region[0] != i:
                row.append(None)
                continue
            seen.add(region)
            chunks = [
                c for cell, cs in grid.chunks.items() if grid.region[cell] == region for c in cs
            ]
            row.append(
                join_wrapped([_pieces(line) for line in _lines(chunks, 0)]) if chunks else []
            )
        rows.append(row)
    return rows
