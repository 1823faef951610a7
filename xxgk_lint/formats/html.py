"""Web pages: the report body of a CMS article page, its title and publication byline.

Page furniture outside the body (header, navigation, breadcrumbs, footer) is not the report
and is left out; furniture pasted inside the body stays, for T003 to flag. The page title and
a 发布时间 byline near the body are kept as the first lines (``Origin.context_lines``), so the
title and publication date are seen. Block elements become lines, ``<br>`` a line break,
data tables Markdown pipe rows with merged cells written once. Positions are line and
column in the HTML source (see ``htmlsource``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..errors import InputError
from ..source import Origin, Source
from .builder import (
    Deadline,
    LineBuffer,
    Piece,
    TextBuilder,
    blank_cell,
    join_wrapped,
    write_table,
)
from .htmlsource import _SKIPPED, SourceMap, decode_html

MAX_HTML_BYTES = 16 * 1024 * 1024
"""Larger pages are refused: article pages are well under 1 MB, Word exports a few MB."""
HTML_SECONDS = 30.0
MIN_BODY_CHARS = 1
MAX_SPAN = 1000  # colspan/rowspan beyond this are clamped, as browsers do for colspan

# CMS article containers, most specific first.
BODY_SELECTORS = (
    ".TRS_Editor", "#zoom", ".Custom_UnionStyle", "#ivs_content", ".webeditorview",
    ".article-content", ".xxgk_content", ".article_content", ".art_con", ".wzy_nr",
    ".article", "#content", ".content", "article", "main",
)  # fmt: skip
BLOCKS = {
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
    "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre",
    "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
}  # fmt: skip
_TITLE_WORDS = re.compile(r"报告|報告|年报|年報")
_BYLINE = re.compile(
    r"(?:发布|發佈|發布|成文|更新|发文)(?:时间|時間|日期)\s*[:：]?\s*\d{4}\s*[-/.年]\s*\d{1,2}"
)
_BYLINE_WORD = re.compile(r"(?:发布|發佈|發布|成文|更新|发文)(?:时间|時間|日期)")
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_TITLE_SPLIT = re.compile(r"\s*(?:_|\||–|—|-{1,2})\s*")
_CELL_TAG = re.compile(r"<!--.*?-->|<t[dh](?=[\s/>])[^>]*>", re.I | re.S)
"""A cell's start tag (comments skipped: a tag inside one is no cell)."""
_CELL_END = re.compile(r"</?(?:td|th|tr|table)(?=[\s/>])", re.I)
_BLANK_TEXT = re.compile(r"<[^>]*>|(&(?:nbsp|#0*160|#x0*a0);?|\xa0)", re.I)
"""In an empty cell: a tag (skipped), or a no-break space, the text of a cell that looks blank."""

Block = list[Piece] | tuple[str, list[list[list[Piece] | None]]]


def load_html(data: bytes, path: str) -> Source:
    """Extract the report from a web page, positions in its source."""
    if len(data) > MAX_HTML_BYTES:
        raise InputError(path, f"web page is larger than {MAX_HTML_BYTES // (1024 * 1024)} MB")
    with Deadline(path, HTML_SECONDS) as deadline:
        return _extract(data, path, deadline)


def _extract(data: bytes, path: str, deadline: Deadline) -> Source:
    text, encoding, bom = decode_html(data, path)
    smap = SourceMap(text, deadline)  # first: it refuses pathological nesting
    tree = LexborHTMLParser(text)
    walker = _Walker(_align(tree, smap, deadline), deadline, text)
    body = find_body(tree, deadline)
    if body is None:
        raise InputError(path, "web page has no text")
    builder = TextBuilder()
    context: set[int] = set()
    body_items = walker.blocks(body)
    head = [_plain(item) for item in body_items[:12]]
    for line in _context_lines(tree, body, walker, head):
        context.add(builder.line)
        builder.write_line(line)
    for item in body_items:
        if isinstance(item, tuple):
            write_table(builder, item[1])
        else:
            builder.write_line(item)
    extracted, offsets = builder.build()
    if not extracted.strip():
        raise InputError(path, "web page has no report text")
    origin = Origin("html", text, offsets, context_lines=frozenset(context))
    return Source(path, extracted, encoding, bom=bom, origin=origin)


def _plain(item: Block) -> str:
    if isinstance(item, tuple):
        return ""
    return "".join(p.text for p in item)


def _children(node: LexborNode) -> Iterator[LexborNode]:
    child = node.child
    while child is not None:
        yield child
        child = child.next


def _text_nodes(root: LexborNode, deadline: Deadline) -> Iterator[LexborNode]:
    """Text nodes in document order, outside scripts, styles and the like."""
    stack = [root]
    count = 0
    while stack:
        node = stack.pop()
        if node.is_text_node:
            yield node
            continue
        if node.tag in _SKIPPED:
            continue
        count += 1
        if count % 2048 == 0:
            deadline.check()
        stack.extend(reversed(list(_children(node))))


def _align(tree: LexborHTMLParser, smap: SourceMap, deadline: Deadline) -> dict[int, Piece]:
    """Every text node's characters with their source offsets, by node id."""
    pieces: dict[int, Piece] = {}
    last = 0
    for node in _text_nodes(tree.root, deadline):
        text = node.text(deep=False)
        if not text or text.isspace():
            continue
        at = smap.locate(text)
        if at is None:
            pieces[node.mem_id] = Piece(text, [last] * len(text), last)
            continue
        stop = at + len(text)
        pieces[node.mem_id] = Piece(text, smap.begin[at:stop], smap.end[stop - 1])
        last = smap.begin[at]
    return pieces


class _Walker:
    """Turns a subtree into lines and tables."""

    def __init__(self, pieces: dict[int, Piece], deadline: Deadline, source: str = "") -> None:
        self.pieces = pieces
        self.deadline = deadline
        self.source = source
        self.last_end = 0  # source offset after the last text walked (document order)

    def blocks(self, root: LexborNode) -> list[Block]:
        out: list[Block] = []
        buf = LineBuffer()
        pre = 0
        stack: list[tuple[LexborNode, bool]] = [(root, False)]
        steps = 0
        while stack:
            node, leaving = stack.pop()
            steps += 1
            if steps % 2048 == 0:
                self.deadline.check()
            if leaving:
                pre -= node.tag == "pre"
                _flush(buf, out)
                continue
            if node.is_text_node:
                piece = self.pieces.get(node.mem_id)
                if piece is not None:
                    self._add_text(buf, out, piece, pre > 0)
                    self.last_end = max(self.last_end, piece.end)
                continue
            if not node.is_element_node or node.tag in _SKIPPED or _hidden(node):
                continue
            tag = node.tag
            if tag == "br":
                _flush(buf, out)
                continue
            if tag == "table" and _is_data_table(node):
                _flush(buf, out)
                self._caption(node, out)
                out.append(("table", self.table(node)))
                continue
            if tag in BLOCKS:
                _flush(buf, out)
                pre += tag == "pre"
                stack.append((node, True))
            stack.extend((child, False) for child in reversed(list(_children(node))))
        _flush(buf, out)
        return out

    @staticmethod
    def _add_text(buf: LineBuffer, out: list[Block], piece: Piece, pre: bool) -> None:
        if not pre:
            buf.add(piece)
            return
        start = 0
        for index, char in enumerate(piece.text + "\n"):
            if char == "\n":
                if index > start:
                    stop = piece.offsets[index] if index < len(piece.text) else piece.end
                    buf.add(Piece(piece.text[start:index], piece.offsets[start:index], stop))
                if index < len(piece.text):
                    _flush(buf, out)
                start = index + 1

    def _caption(self, table: LexborNode, out: list[Block]) -> None:
        for child in _children(table):
            if child.tag == "caption":
                out.extend(self.blocks(child))

    def source_start(self, node: LexborNode) -> int:
        """Source offset of the first text under ``node`` (-1 when it has none)."""
        for text in _text_nodes(node, self.deadline):
            piece = self.pieces.get(text.mem_id)
            if piece is not None:
                return piece.offsets[0]
        return -1

    def inline(self, node: LexborNode) -> list[Piece]:
        """A subtree as one line (a table cell, a title)."""
        return join_wrapped([item for item in self.blocks(node) if isinstance(item, list)])

    def table(self, table: LexborNode) -> list[list[list[Piece] | None]]:
        """Rows of cells; positions covered by rowspan/colspan are ``None``."""
        grid: dict[tuple[int, int], list[Piece] | None] = {}
        rows = _rows(table)
        for r, tr in enumerate(rows):
            c = 0
            for cell in _children(tr):
                if cell.tag not in ("td", "th"):
                    continue
                while (r, c) in grid:
                    c += 1
                colspan = _span(cell.attributes.get("colspan"), MAX_SPAN)
                rowspan = _span(cell.attributes.get("rowspan"), len(rows) - r)
                for dr in range(rowspan):
                    for dc in range(colspan):
                        grid[(r + dr, c + dc)] = None
                grid[(r, c)] = self.inline(cell) or self._blank(cell)
                c += colspan
            self.deadline.check()
        width = 1 + max((c for _, c in grid), default=-1)
        return [[grid.get((r, c)) for c in range(width)] for r in range(len(rows))]

    def _blank(self, cell: LexborNode) -> list[Piece]:
        """Where an empty cell is in the source: its no-break spaces, else its start tag (the
        first cell tag after the text walked so far); no place when that tag is not found."""
        source = self.source
        tag = next((m for m in _CELL_TAG.finditer(source, self.last_end) if m[0][1] != "!"), None)
        if tag is None or tag[0][1:3].lower() != cell.tag:
            return []  # the tree and the source disagree here: no place
        stop = _CELL_END.search(source, tag.end())
        spaces = [
            m.span(1)
            for m in _BLANK_TEXT.finditer(source, tag.end(), stop.start() if stop else tag.end())
            if m[1]
        ]
        start, end = (spaces[0][0], spaces[-1][1]) if spaces else tag.span()
        self.last_end = end
        return blank_cell(start, end)


def _flush(buf: LineBuffer, out: list[Block]) -> None:
    pieces = buf.take()
    if pieces:
        out.append(pieces)


def _hidden(node: LexborNode) -> bool:
    style = node.attributes.get("style")
    return (bool(style) and _HIDDEN.search(style) is not None) or "hidden" in node.attributes


def _span(value: str | None, limit: int) -> int:
    """A rowspan/colspan value: 0 or junk reads as 1 (rowspan 0 as the rest of the table)."""
    digits = re.match(r"\s*(\d+)", value or "")
    if not digits:
        return 1
    number = int(digits.group(1)[:6])
    if number == 0:
        return max(1, limit) if limit != MAX_SPAN else 1
    return max(1, min(number, limit))


def _rows(table: LexborNode) -> list[LexborNode]:
    rows: list[LexborNode] = []
    for child in _children(table):
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(row for row in _children(child) if row.tag == "tr")
    return rows


def _is_data_table(table: LexborNode) -> bool:
    """A table of data, not one that lays out the page: no nested table, more than one
    column, no cell holding a long passage."""
    if table.css_first("table table") is not None or len(table.css("table")) > 1:
        return False
    widest = 0
    for tr in _rows(table):
        cells = [c for c in _children(tr) if c.tag in ("td", "th")]
        widest = max(widest, sum(_span(c.attributes.get("colspan"), MAX_SPAN) for c in cells))
        if any(len(c.text(deep=True)) > 400 for c in cells):
            return False
    return widest >= 2


def _text_len(node: LexborNode) -> int:
    return len(re.sub(r"\s+", "", node.text(deep=True)))


def find_body(tree: LexborHTMLParser, deadline: Deadline) -> LexborNode | None:
    """The article container: the most specific known CMS container holding at least half
    the text the largest of them holds, else the block with the densest text."""
    candidates: list[tuple[int, int, LexborNode]] = []
    for rank, selector in enumerate(BODY_SELECTORS):
        for node in tree.css(selector):
            size = _text_len(node)
            if size >= MIN_BODY_CHARS:
                candidates.append((rank, size, node))
        deadline.check()
    if candidates:
        largest = max(size for _, size, _ in candidates)
        fair = (c for c in candidates if c[1] >= 0.5 * largest)
        return min(fair, key=lambda c: (c[0], -c[1]))[2]
    return _densest(tree, deadline) or tree.body


def _densest(tree: LexborHTMLParser, deadline: Deadline) -> LexborNode | None:
    """The element whose paragraphs hold the most text (links not counted)."""
    scores: dict[int, float] = {}
    nodes: dict[int, LexborNode] = {}
    for text in _text_nodes(tree.body or tree.root, deadline):
        size = len(text.text(deep=False).strip())
        block = text.parent
        linked = False
        while block is not None and block.tag not in BLOCKS:
            linked |= block.tag == "a"
            block = block.parent
        if linked or block is None or size == 0:
            continue
        for weight, node in ((1.0, block.parent), (0.5, block.parent and block.parent.parent)):
            if node is not None and node.tag not in ("html", "body"):
                scores[node.mem_id] = scores.get(node.mem_id, 0.0) + weight * size
                nodes[node.mem_id] = node
    if not scores:
        return None
    return nodes[max(scores, key=lambda key: scores[key])]


def _inside(node: LexborNode, container: LexborNode) -> bool:
    while node is not None:
        if node.mem_id == container.mem_id:
            return True
        node = node.parent
    return False


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _context_lines(
    tree: LexborHTMLParser, body: LexborNode, walker: _Walker, head: list[str]
) -> list[list[Piece]]:
    """The title and the publication byline found outside the body, unless the body's first
    lines already hold them (the title as a line of its own: a sentence of the preamble that
    names the report, 现向社会公布……年度报告, does not stand for it)."""
    lines = []
    title = _title_node(tree, body)
    if title is not None:
        line = _title_part(walker.inline(title))
        text = _squash("".join(p.text for p in line))
        if text and not any(_squash(first).startswith(text) for first in head):
            lines.append(line)
    if not any(_BYLINE.search(first) for first in head):
        byline = _byline_node(tree, body, walker)
        if byline is not None:
            lines.append(walker.inline(byline))
    return [line for line in lines if line]


def _title_node(tree: LexborHTMLParser, body: LexborNode) -> LexborNode | None:
    """A heading naming the report outside the body, else the page's ``<title>``."""
    headings = tree.css("h1, h2, h3, [class*=title], [id*=title]")
    for node in [*(n for n in headings if n.tag != "title"), *tree.css("title")]:
        if _inside(node, body) or _inside(body, node):
            continue
        text = node.text(deep=True).strip()
        if text and len(text) <= 200 and _TITLE_WORDS.search(text):
            return node
    return None


def _title_part(line: list[Piece]) -> list[Piece]:
    """From a ``<title>`` like 某局2021年政府信息公开工作年度报告_某市人民政府, the part naming
    the report."""
    text = "".join(p.text for p in line)
    start = 0
    for part in _TITLE_SPLIT.split(text):
        at = text.find(part, start)
        if _TITLE_WORDS.search(part):
            return _cut(line, at, at + len(part))
        start = at + len(part)
    return line


def _cut(line: list[Piece], start: int, end: int) -> list[Piece]:
    out, pos = [], 0
    for piece in line:
        lo, hi = max(start - pos, 0), min(end - pos, len(piece.text))
        if lo < hi:
            stop = piece.offsets[hi] if hi < len(piece.text) else piece.end
            out.append(Piece(piece.text[lo:hi], piece.offsets[lo:hi], stop))
        pos += len(piece.text)
    return out


def _byline_node(tree: LexborHTMLParser, body: LexborNode, walker: _Walker) -> LexborNode | None:
    """The smallest block outside the body showing a publication date, nearest the body."""
    found: list[LexborNode] = []
    for text in _text_nodes(tree.body or tree.root, walker.deadline):
        if not _BYLINE_WORD.search(text.text(deep=False)) or _inside(text, body):
            continue
        node = text.parent
        for _ in range(4):
            if node is None or len(node.text(deep=True)) > 300:
                break
            if node.tag in BLOCKS and _BYLINE.search(node.text(deep=True)):
                found.append(node)
                break
            node = node.parent
    if not found:
        return None
    body_at = walker.source_start(body)
    before = [n for n in found if walker.source_start(n) < body_at]
    return before[-1] if before else found[0]
