"""PDF: the text layer, page by page, as lines a reader sees, reflowed into paragraphs.

pypdf reports every piece of text with its position, and every ruled line drawn. Pieces on
one baseline make a *printed line*; the printed lines of all pages, in order, are what
positions refer to (line = printed line counted from the first page, column = character in
it; ``Source.page_line`` turns a line into page and line on that page). The text that is
checked joins the printed lines of a paragraph (a line reaching the right margin continues
on the next unless that one is indented), drops page numbers, and turns tables into Markdown
pipe rows, merged cells written once: ruled tables from their rules, borderless ones (hidden
borders) from where their words stand. A PDF without a text layer (a scan) is an error:
nothing in it can be checked, and saying "no findings" would be false.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise

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

    @cached_property
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


# ---------------------------------------------------------------------------- borderless tables
# A table printed without rules (Word or WPS with hidden borders) is found from where its words
# stand: lines of numbers give the rows and the value columns, left edges shared by labels the
# label columns, and a label broken over lines is one cell again (its lines aligned left or
# centred, each but the last full, the next not starting a numbered label of its own). A label
# without numbers beside it spans rows (三、本年度办理结果) or is a header or caption row.
# pdfplumber's text strategy finds columns the same way but makes every printed line a row,
# which is the wrapped-label problem itself, so this works on the chunks pypdf's visitor gives.

_VALUE = re.compile(r"[-−－]?\d[\d,]*(?:\.\d+)?%?|[/／\-—－–]|空")
_WORD_GAP = 0.6  # a gap wider than this many font sizes separates two cells on a line
_ROW_GAP = 2.5  # lines further apart than this many font sizes are not one table


@dataclass
class Word:
    """Chunks of one printed line close enough to be one cell's text there."""

    chunks: list[Chunk]
    line: PrintedLine

    @property
    def x0(self) -> float:
        return self.chunks[0].x

    @property
    def x1(self) -> float:
        return max(c.right for c in self.chunks)

    @property
    def y(self) -> float:
        return self.line.y

    @property
    def size(self) -> float:
        return max(c.size for c in self.chunks)

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def middle(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def text(self) -> str:
        return "".join(c.text for c in self.chunks).strip()

    @property
    def value(self) -> bool:
        return _VALUE.fullmatch(self.text) is not None


@dataclass
class Region:
    """A run of printed lines of one page that form a borderless table, and their words."""

    lines: list[PrintedLine]
    words: list[Word]
    numeric: list[tuple[float, float]]  # x ranges of the value columns, left first


def _words(line: PrintedLine) -> list[Word]:
    words: list[Word] = []
    for chunk in line.chunks:
        if words and chunk.x - words[-1].x1 <= _WORD_GAP * chunk.size:
            words[-1].chunks.append(chunk)
        else:
            words.append(Word([chunk], line))
    return words


def _borderless(
    pages: list[tuple[list[PrintedLine], list[Grid]]], deadline: Deadline
) -> list[tuple[list[Grid], set[int]]]:
    """Per page, the borderless tables among its free lines and the ids of the lines they
    take. A table a page break cut (one ending a page, the next starting the following page
    with the same value columns) gets one set of columns, so its parts join again."""
    found: list[list[Region]] = []
    for number, (lines, _) in enumerate(pages):
        deadline.check()
        continued = bool(number and found[-1] and _last_free(pages[number - 1][0], found[-1][-1]))
        found.append(_regions(_without_page_numbers(lines), continued))
    groups: list[list[tuple[int, Region]]] = []
    for number, regions in enumerate(found):
        for index, region in enumerate(regions):
            previous = groups[-1][-1] if groups else None
            if (
                index == 0
                and previous is not None
                and previous[0] == number - 1
                and previous[1] is found[number - 1][-1]
                and _same_columns(previous[1].numeric, region.numeric)
                and _first_free(pages[number][0], region)
                and _last_free(pages[number - 1][0], previous[1])
            ):
                groups[-1].append((number, region))
            else:
                groups.append([(number, region)])
    out: list[tuple[list[Grid], set[int]]] = [([], set()) for _ in pages]
    for group in groups:
        columns = _columns([word for _, region in group for word in region.words])
        for number, region in group:
            out[number][0].append(_table_grid(region, columns))
            out[number][1].update(id(line) for line in region.lines)
    return out


def _without_page_numbers(lines: list[PrintedLine]) -> list[PrintedLine]:
    return [line for line in lines if not _PAGE_NUMBER.match(_plain(line))]


def _first_free(lines: list[PrintedLine], region: Region) -> bool:
    free = _without_page_numbers(lines)
    return bool(free) and free[0] is region.lines[0]


def _last_free(lines: list[PrintedLine], region: Region) -> bool:
    free = _without_page_numbers(lines)
    return bool(free) and free[-1] is region.lines[-1]


def _same_columns(a: list[tuple[float, float]], b: list[tuple[float, float]]) -> bool:
    """Whether every value column of one part of a table stands over one of the other's
    (a part may lack columns: 表二's last sub-tables have one)."""
    few, many = sorted((a, b), key=len)
    return all(any(p[0] <= q[1] and q[0] <= p[1] for q in many) for p in few)


def _regions(lines: list[PrintedLine], continued: bool) -> list[Region]:
    """Tables among a page's lines: runs of lines holding a label and a number or several
    numbers (one such line at least with two, unless the run goes on with a table that ended
    the page before), the lines between them when they look like table lines, and the
    header above and wrapped labels below."""
    words = [_words(line) for line in lines]
    seeds = [i for i, ws in enumerate(words) if _row_of_numbers(ws)]
    spans: list[list[int]] = []
    for i in seeds:
        between = range(spans[-1][1] + 1, i) if spans else range(0)
        if spans and all(_table_line(words, k, spans[-1][0], i) for k in between):
            spans[-1][1] = i
        else:
            spans.append([i, i])
    regions: list[tuple[int, int]] = []
    for start, end in spans:
        floor = regions[-1][1] + 1 if regions else 0
        while start > floor and _table_line(words, start - 1, start, end):
            start -= 1
        while end + 1 < len(lines) and _table_tail(words, end + 1, start, end):
            end += 1
        if (continued and start == 0) or _is_table(words[start : end + 1]):
            regions.append((start, end))

    out = []
    for start, end in regions:
        region_words = [w for ws in words[start : end + 1] for w in ws]
        numeric = _overlapping([(w.x0, w.x1) for w in region_words if w.value])
        out.append(Region(lines[start : end + 1], region_words, numeric))
    return out


def _row_of_numbers(words: list[Word]) -> bool:
    """A line of a table row with numbers: a label and numbers, or numbers, set apart by
    more than a space (a sentence's figures sit a space from their words)."""
    gaps = [b.x0 - a.x1 for a, b in pairwise(words)]
    return any(w.value for w in words) and any(gap >= 1.5 * words[0].size for gap in gaps)


def _is_table(rows: list[list[Word]]) -> bool:
    """Two lines at least, one of them with two numbers or more (one number a line is a table
    of contents)."""
    return len(rows) > 1 and any(sum(w.value for w in row) >= 2 for row in rows)


def _table_line(words: list[list[Word]], k: int, start: int, end: int) -> bool:
    """Whether line ``k`` (next to the lines ``start``..``end`` of a table) is one of its
    lines: the table's font size, close to its neighbour, and not a paragraph line as wide as
    the table."""
    seed = words[start] + words[end]
    size = max(w.size for w in seed)
    left, right = min(w.x0 for w in seed), max(w.x1 for w in seed)
    line = words[k]
    neighbour = words[k + 1] if k < start else words[k - 1]
    if any(abs(w.size - size) > 0.5 for w in line):
        return False
    if abs(line[0].y - neighbour[0].y) > _ROW_GAP * size:
        return False
    return len(line) > 1 or line[0].x1 - line[0].x0 < 0.6 * (right - left)


def _table_tail(words: list[list[Word]], k: int, start: int, end: int) -> bool:
    """Whether line ``k`` after a table's last row of numbers still belongs to it: a table
    line whose words are numbers or stand left of the numbers (a label's wrapped end)."""
    first_value = min(w.x0 for ws in words[start : end + 1] for w in ws if w.value)
    return _table_line(words, k, start, end) and all(
        w.value or w.x1 <= first_value for w in words[k]
    )


def _overlapping(ranges: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The ranges merged where they overlap, left first."""
    out: list[tuple[float, float]] = []
    for x0, x1 in sorted(ranges):
        if out and x0 <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], x1))
        else:
            out.append((x0, x1))
    return out


@dataclass
class Columns:
    """The columns of a borderless table: boundaries (left first, one more than columns),
    the index of the first value column, and for each column how far right its text may
    reach before it stands over the next column's numbers (labels may span columns)."""

    xs: list[float]
    first_value: int
    limits: list[float]

    def of(self, word: Word) -> int:
        """A label's column by where it starts, a number's or header's by its middle."""
        label = word.x1 <= self.xs[self.first_value] + 0.5 * word.size
        return self.at(word.x0 if label else (word.x0 + word.x1) / 2)

    def at(self, x: float) -> int:
        """The column ``x`` stands in (the first or last one beyond the table's edges)."""
        return min(max(bisect_left(self.xs, x) - 1, 0), len(self.xs) - 2)


def _columns(words: list[Word]) -> Columns:
    """Value columns are where the numbers stand; label columns (the labels of rows of
    numbers and their wrapped lines, left of the numbers) start where at least three labels
    start (left-aligned cells) or where a gap runs through all labels."""
    numeric = _overlapping([(w.x0, w.x1) for w in words if w.value])
    bounds = [(a[1] + b[0]) / 2 for a, b in pairwise(numeric)]
    left = min(w.x0 for w in words) - 1.0
    right = max(w.x1 for w in words) + 1.0
    limits = [b[0] for _, b in pairwise(numeric)] + [right]
    lines: dict[int, list[Word]] = {}
    for word in words:
        lines.setdefault(id(word.line), []).append(word)
    labels = [
        w
        for line in lines.values()
        if any(w.value for w in line) or all(w.x1 < numeric[0][0] for w in line)
        for w in line
        if w.x1 < numeric[0][0]
    ]
    if not labels:
        return Columns([left, *bounds, right], 0, limits)
    edges = _shared_edges([w.x0 for w in labels])
    gaps = [x0 for (_, a), (x0, _) in pairwise(_overlapping([(w.x0, w.x1) for w in labels]))]
    starts = _cluster([left, *(x - 0.5 for x in [*edges, *gaps] if x - 0.5 > left + 1.0)])
    values = (max(w.x1 for w in labels) + numeric[0][0]) / 2
    spanning = [right] * len(starts)
    return Columns([*starts, values, *bounds, right], len(starts), spanning + limits)


def _shared_edges(xs: list[float], tolerance: float = 1.5) -> list[float]:
    """Positions where at least three of ``xs`` fall together (left edges of a column)."""
    out: list[float] = []
    group: list[float] = []
    for x in [*sorted(xs), float("inf")]:
        if group and x - group[0] > tolerance:
            if len(group) >= 3:
                out.append(group[0])
            group = []
        group.append(x)
    return out


def _table_grid(region: Region, columns: Columns) -> Grid:
    """The rows of a borderless table: one for each line of numbers, with the label cells
    around it; a label with no numbers beside it joins the nearest row when it is a group
    label spanning rows (nothing else in its column there), else is a row of its own (a
    header, a caption)."""
    headers = _header_lines(region.words, columns)
    cells = _cells(region.words, columns, headers)
    anchors = _cluster([w.y for w in region.words if w.value], 0.3 * region.words[0].size)
    rows: dict[float, dict[int, list[Word]]] = {y: {} for y in anchors}
    loose: list[tuple[int, list[Word]]] = []
    for column, cell in cells:
        top, bottom = cell[0].y, cell[-1].y
        tol = 0.3 * cell[0].size
        inside = anchors[bisect_left(anchors, bottom - tol) : bisect_right(anchors, top + tol)]

        if inside:
            rows[max(inside)].setdefault(column, []).extend(cell)
        else:
            loose.append((column, cell))
    for column, cell in loose:
        spanning = column < columns.first_value and id(cell[0].line) not in headers
        y = _row_for(rows, anchors, column, cell) if spanning else cell[0].y
        rows.setdefault(y, {}).setdefault(column, []).extend(cell)
    ordered = sorted(rows, reverse=True)
    size = region.words[0].size
    ys = [ordered[0] + size, *((a + b) / 2 for a, b in pairwise(ordered)), ordered[-1] - size]
    cols = range(len(columns.xs) - 1)
    grid = Grid(ys, columns.xs, {(i, j): (i, j) for i in range(len(ordered)) for j in cols})
    for i, y in enumerate(ordered):
        for j, words in rows[y].items():
            grid.chunks[(i, j)] = [chunk for word in words for chunk in word.chunks]
    return grid


def _row_for(
    rows: dict[float, dict[int, list[Word]]], anchors: list[float], column: int, cell: list[Word]
) -> float:
    """The row a label without numbers beside it joins: the nearest row of numbers when it
    is a label spanning rows (below the first row, its column free there), else a row of its
    own at the cell's first line (a caption, a row left blank)."""
    y = (cell[0].y + cell[-1].y) / 2
    if y > max(anchors):
        return cell[0].y
    nearest = min(anchors, key=lambda a: abs(a - y))
    return cell[0].y if column in rows[nearest] else nearest


def _cells(words: list[Word], columns: Columns, headers: set[int]) -> list[tuple[int, list[Word]]]:
    """The table's words gathered into cells with their columns: the labels (``_label_cells``),
    and in each value column its numbers one a cell and its header text wrapped over lines."""
    by_column: dict[int, list[Word]] = {}
    for word in words:
        by_column.setdefault(columns.of(word), []).append(word)
    fill = _fills(words, columns)
    labels = [w for k, ws in by_column.items() if k < columns.first_value for w in ws]
    label_cells = _label_cells(labels, words, columns, fill, headers)
    cells = [(columns.of(cell[0]), cell) for cell in label_cells]
    for column, column_words in sorted(by_column.items()):
        if column < columns.first_value:
            continue
        current: list[Word] = []
        for word in sorted(column_words, key=lambda w: (-w.y, w.x0)):
            above = current[-1] if current else None
            if above and _continues_header(above, word, fill, columns, column):
                current.append(word)
                continue
            if current:
                cells.append((column, current))
            current = [word]
        cells.append((column, current))
    return cells


def _label_cells(
    labels: list[Word], words: list[Word], columns: Columns, fill: list[float], headers: set[int]
) -> list[list[Word]]:
    """The labels gathered into cells: a word continues the cell whose last line is just
    above it, aligned with it (left edges or, centred, middles), when that line is full (a
    left-aligned one reaches as far as the column's text, a centred one is as wide as the
    widest line centred there) and the two lines are not two rows of numbers."""
    numbered = {id(w.line) for w in words if w.value}
    widest = _widest_centred(labels)
    cells: list[list[Word]] = []
    open_cells: list[list[Word]] = []
    for word in sorted(labels, key=lambda w: (-w.y, w.x0)):
        open_cells = [c for c in open_cells if c[-1].y - word.y <= 2.2 * word.size]
        cell = next((c for c in open_cells if _continues_label(c[-1], word)), None)
        if cell is not None and not (
            {id(cell[-1].line), id(word.line)} <= numbered
            or (id(word.line) in headers) != (id(cell[-1].line) in headers)
            or not _full(cell[-1], word, fill, columns, widest)
        ):
            cell.append(word)
            continue
        cells.append([word])
        open_cells.append(cells[-1])
    return cells


def _continues_label(above: Word, word: Word) -> bool:
    """Whether ``word`` may go on with the line ``above``: the next line, the same size,
    aligned with it, no wider, starting no numbered label of its own."""
    tol = 0.5 * word.size
    if _HEADING_START.match(word.text) or abs(above.size - word.size) > 0.5:
        return False
    if not 0 < above.y - word.y <= 2.2 * word.size or word.width > above.width + tol:
        return False
    return abs(above.x0 - word.x0) <= tol or abs(above.middle - word.middle) <= tol


def _full(
    above: Word, word: Word, fill: list[float], columns: Columns, widest: dict[int, float]
) -> bool:
    """Whether the line ``above`` is full, so that its text wraps onto ``word``'s line."""
    if abs(above.x0 - word.x0) <= 0.5 * word.size:
        return above.x1 >= fill[columns.at(above.x1)] - 1.5 * above.size
    return above.width >= widest[id(above)] - 1.5 * above.size


def _widest_centred(words: list[Word]) -> dict[int, float]:
    """For each word, the width of the widest word centred where it is."""
    out: dict[int, float] = {}
    group: list[Word] = []
    for word in [*sorted(words, key=lambda w: w.middle), None]:
        if group and (word is None or word.middle - group[-1].middle > 0.5 * word.size):
            width = max(w.width for w in group)
            out.update((id(w), width) for w in group)
            group = []
        if word is not None:
            group.append(word)
    return out


def _fills(words: list[Word], columns: Columns) -> list[float]:
    """How far right the text of each column reaches: labels ending in it, words of a value
    column that do not reach over the next one."""
    reach = list(columns.xs[1:])
    ends: dict[int, float] = {}
    for word in words:
        k = columns.of(word)
        if k < columns.first_value:
            k = columns.at(word.x1)
        elif word.x1 > columns.limits[k]:
            continue
        ends[k] = max(ends.get(k, 0.0), word.x1)
    for k, x in ends.items():
        reach[k] = x
    return reach


def _header_lines(words: list[Word], columns: Columns) -> set[int]:
    """Lines below the first row of numbers with words over the value columns: the header
    rows of sub-tables (表二's 信息内容 | 本年处理决定数量), where no label goes on."""
    first = max(w.y for w in words if w.value)
    return {
        id(w.line)
        for w in words
        if w.y < first and not w.value and columns.of(w) >= columns.first_value
    }


def _continues_header(
    above: Word, word: Word, fill: list[float], columns: Columns, column: int
) -> bool:
    """Whether ``word`` goes on with the header text ``above`` in value column ``column``:
    the next line, and ``above`` fills the column without reaching over the next one's
    numbers."""
    if above.value or word.value or abs(above.size - word.size) > 0.5:
        return False
    if above.y - word.y > 2.2 * word.size:
        return False
    return fill[column] - 1.5 * above.size <= above.x1 <= columns.limits[column]


def _build(path: str, collected, deadline: Deadline) -> Source:
    page_starts: list[int] = []
    origin_lines: list[str] = []
    pages: list[tuple[list[PrintedLine], list[Grid]]] = []
    base = 0
    for number, (chunks, segments) in enumerate(collected, start=1):
        deadline.check()
        lines = _lines(chunks, number)
        page_starts.append(len(origin_lines))
        for line in lines:
            text = ""
            for index, chunk in enumerate(line.chunks):
                if index and _needs_space(line.chunks[index - 1], chunk):
                    text += " "
                chunk.offset = base + len(text)
                text += chunk.text
            line.text = text
            origin_lines.append(text)
            base += len(text) + 1
        grids = _grids(segments) if len(segments) < MAX_SEGMENTS else []
        pages.append((_outside_grids(lines, grids), [grid for grid in grids if grid.chunks]))
    borderless = _borderless(pages, deadline)
    page_items: list[list[tuple[float, object]]] = []
    for (lines, grids), (tables, taken) in zip(pages, borderless, strict=True):
        items: list[tuple[float, object]] = [
            (line.y, line) for line in lines if id(line) not in taken
        ]
        items.extend((grid.ys[0], grid) for grid in [*grids, *tables])
        items.sort(key=lambda item: -item[0])
        page_items.append(_drop_page_numbers(items))
    builder = TextBuilder()
    _write(builder, page_items)
    text, offsets = builder.build()
    origin = Origin("pdf", "\n".join(origin_lines), offsets, pages=page_starts)
    return Source(path, text, "utf-8", origin=origin)


def _outside_grids(lines: list[PrintedLine], grids: list[Grid]) -> list[PrintedLine]:
    """The parts of ``lines`` outside the ruled ``grids``; the chunks inside go to their cells."""
    out: list[PrintedLine] = []
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
            out.append(PrintedLine(free, line.y, line.size, line.page, line.text))
    return out


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
    members: dict[tuple[int, int], list[Chunk]] = {}
    for cell, chunks in grid.chunks.items():
        members.setdefault(grid.region[cell], []).extend(chunks)
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
            chunks = members.get(region, [])
            row.append(
                join_wrapped([_pieces(line) for line in _lines(chunks, 0)]) if chunks else []
            )
        rows.append(row)
    return rows
