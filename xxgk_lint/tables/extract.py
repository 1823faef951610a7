"""Table rows out of report text, in the forms tables really arrive in.

- Markdown pipe rows (``| a | b |``, with a ``|---|`` separator): what the Word, HTML and PDF
  readers write, a merged cell written once and the positions it covers left empty.
- Tab-separated rows: a table copied from Word or a spreadsheet.
- A web table copied as text, flattened: one cell a line, each ending in `` |``, a merged
  cell followed by a run of pipes (``自然人 |||``), a row's numbers sometimes run together on
  one line (``0 0 1 0 0 0 1``), and labels without pipes between them.

A region is a run of such lines (blank lines inside are skipped). Lines holding whole rows
give one row each; one-cell lines are gathered into logical rows: the labels, then the values
that follow them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ..outline import is_table_row
from .layout import read_label
from .model import Cell, Grid
from .recognise import is_continuation
from .values import is_value_token, is_word

if TYPE_CHECKING:
    from ..document import Document, Line

_SEPARATOR = re.compile(r"\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?\s*)?")
_TOKEN = re.compile(r"\S+")
_LABEL_LINE_MAX = 60
"""A table label line is short: the longest label of the format is about 40 characters."""
_FRAGMENT_MAX = 24
_SENTENCE = re.compile(r"[。,;:!?]")


def line_cells(line: Line) -> list[Cell]:
    """The cells of one line of a table region (a Markdown separator row has none)."""
    norm = line.norm
    stripped = norm.strip()
    if _SEPARATOR.fullmatch(stripped):
        return []
    if "|" in norm:
        pieces, whole = _pipe_pieces(norm), False
    elif "\t" in norm:
        pieces, whole = _split_at(norm, "\t"), False
    else:
        pieces, whole = [(0, len(norm))], True
    cells: list[Cell] = []
    for a, b in pieces:
        cells.extend(_piece_cells(line, a, b, whole))
    return cells


def _split_at(norm: str, delimiter: str) -> list[tuple[int, int]]:
    """The spans of ``norm`` between its ``delimiter`` characters."""
    spans, start = [], 0
    for piece in norm.split(delimiter):
        spans.append((start, start + len(piece)))
        start += len(piece) + 1
    return spans


def _pipe_pieces(norm: str) -> list[tuple[int, int]]:
    """Cells between pipes. A Markdown row (``| a | b |``) has a cell between each pair of
    pipes; a flattened cell (``自然人 |||``) is the text before each pipe."""
    pieces = _split_at(norm, "|")
    markdown = norm.lstrip().startswith("|") and norm.replace("|", "").strip()
    if markdown and not norm[pieces[0][0] : pieces[0][1]].strip():
        pieces = pieces[1:]
    if pieces and not norm[pieces[-1][0] : pieces[-1][1]].strip():
        pieces = pieces[:-1]
    return pieces


def _piece_cells(line: Line, a: int, b: int, whole: bool) -> list[Cell]:
    """One cell, or a label and the run of numbers written after it with spaces between."""
    text = line.norm[a:b]
    stripped = text.strip()
    if not stripped:
        return [_cell(line, a, b, empty=True)]
    lead = len(text) - len(text.lstrip())
    if len(stripped.split(None, 1)) == 1:  # one token: the cell as it is
        return [_cell(line, a + lead, a + lead + len(stripped))]
    tokens = list(_TOKEN.finditer(text))
    values = _value_run(tokens)
    if values >= 2 or (whole and values == 1 and len(tokens) > 1):
        label_end = tokens[len(tokens) - values - 1].end() if values < len(tokens) else 0
        cells = [_cell(line, a + tokens[0].start(), a + label_end)] if label_end else []
        for token in tokens[len(tokens) - values :]:
            cells.append(_cell(line, a + token.start(), a + token.end()))
        return cells
    return [_cell(line, a + tokens[0].start(), a + tokens[-1].end())]


def _cell(line: Line, a: int, b: int, empty: bool = False) -> Cell:
    """A cell of normalised columns [a, b) of ``line``; an empty cell with no width points at
    the delimiter after it."""
    if empty and a == b:
        a, b = (b, b + 1) if b < len(line.norm) else (max(a - 1, 0), a)
    start, end = line.orig_span(a, b)
    text = "" if empty else line.norm[a:b].strip()
    return Cell(text, start, end, line.index)


@lru_cache(maxsize=4096)
def _is_label_line(norm: str) -> bool:
    """A short line naming a label of the format's tables (a pipe-less flattened cell)."""
    text = norm.strip()
    return 0 < len(text) <= _LABEL_LINE_MAX and "。" not in text and read_label(text) is not None


def _value_run(tokens: list[re.Match[str]]) -> int:
    """How many tokens at the end are a run of values: numbers and placeholders, and words
    written for a number (若干) after the run's first number."""
    values = 0
    while values < len(tokens) and _is_value_or_word(tokens[len(tokens) - 1 - values].group()):
        values += 1
    while values and not is_value_token(tokens[len(tokens) - values].group()):
        values -= 1  # a word before the numbers belongs to the label (2.重复 申请 1 0 0)
    return values


def _is_value_or_word(token: str) -> bool:
    return is_value_token(token) or (is_word(token) and read_label(token) is None)


@lru_cache(maxsize=4096)
def _is_value_line(norm: str) -> bool:
    tokens = list(_TOKEN.finditer(norm))
    return bool(tokens) and _value_run(tokens) == len(tokens)


def _is_fragment(doc: Document, index: int, following: int | None) -> bool:
    """A label broken over lines in a flattened table: a short piece of text without sentence
    punctuation, followed by a one-cell line (``制作数量 |``) or a label line."""
    text = doc.lines[index].norm.strip()
    if following is None or not 0 < len(text) <= _FRAGMENT_MAX or _SENTENCE.search(text):
        return False
    nxt = doc.lines[following].norm.strip()
    return (nxt.endswith("|") and not nxt.startswith("|")) or _is_label_line(nxt)


def _is_word_after_values(cell: Cell, pending: list[Cell]) -> bool:
    """A flattened cell holding a word (若干) among a row's numbers: a value, not a label."""
    return (
        is_word(cell.text)
        and read_label(cell.text) is None
        and any(not c.is_label for c in pending)
    )


def _is_run_after_label(norm: str, cells: list[Cell], pending: list[Cell]) -> bool:
    """A run of numbers led by a word written for a number (若干 0 0 1) after a flattened row
    label still waiting for its values (a word that names nothing is no label of its own)."""
    if "|" in norm or "\t" in norm or not pending or not is_word(cells[0].text):
        return False
    if read_label(cells[0].text) is not None or any(c.is_label for c in cells[1:]):
        return False
    label = read_label(pending[-1].text) if pending[-1].is_label else None
    return label is not None and label.role in ("row", "group") and all(c.is_label for c in pending)


def _continues_row(norm: str, cells: list[Cell], pending: list[Cell]) -> bool:
    """A tab row that goes on from the labels of the line above: a cell broken over lines
    (``\t（二）部分公开`` then ``（区分处理的，只计这一情形，不计其他情形）\t\t3\t0…``) leaves
    the row's first labels on one line and the rest of its label and its values on the next."""
    if "\t" not in norm or "|" in norm or not pending or cells[0].is_empty:
        return False
    if not all(c.is_label or c.is_empty for c in pending) or not pending[-1].is_label:
        return False
    if not cells[0].is_label or not is_continuation(cells[0].text):
        return False
    label = read_label(pending[-1].text)
    return label is not None and label.role in ("row", "group", "total", "other", "subtotal")


def table_regions(doc: Document) -> list[list[int]]:
    """Runs of table lines: rows, label lines, number lines and broken labels, blank lines
    skipped. A run counts when it holds a table row or at least three label lines."""
    regions: list[list[int]] = []
    run: list[int] = []
    rows = labels = 0  # of the run; labels are counted on lines that are not rows
    filled = [line.index for line in doc.lines if line.norm.strip()]
    following = dict(zip(filled, [*filled[1:], None], strict=True))

    def close() -> None:
        nonlocal rows, labels
        if rows or labels >= 3:
            regions.append(list(run))
        run.clear()
        rows = labels = 0

    for index in filled:
        norm = doc.lines[index].norm
        if is_table_row(norm):
            rows += 1
            run.append(index)
        elif _is_label_line(norm):
            labels += 1
            run.append(index)
        elif run and (_is_value_line(norm) or _is_fragment(doc, index, following[index])):
            run.append(index)
        elif run:
            close()
    if run:
        close()
    return regions


def region_grid(doc: Document, region: list[int]) -> Grid:
    """The rows of one region: whole-row lines as they are, one-cell lines gathered into
    logical rows (labels, then the values after them)."""
    rows: list[list[Cell]] = []
    pending: list[Cell] = []
    fragment: Cell | None = None
    last_labels = False

    def flush() -> None:
        if pending:
            rows.append(list(pending))
            pending.clear()

    for index in region:
        line = doc.lines[index]
        if not (is_table_row(line.norm) or _is_label_line(line.norm) or _is_value_line(line.norm)):
            start, end = doc.line_span(index)
            fragment = Cell(line.norm.strip(), start, end, index)  # joins the next line's cell
            continue
        cells = line_cells(line)
        if fragment is not None and cells:
            first = cells[0]
            cells[0] = Cell(fragment.text + first.text, fragment.start, first.end, first.line)
        fragment = None
        if not cells:
            continue
        labels = [c for c in cells if c.is_label]
        filled = [c for c in cells if not c.is_empty]
        markdown = line.norm.lstrip().startswith("|") and len(filled) > 1
        was_labels, last_labels = last_labels, False  # the row above: its labels alone
        if (
            not labels
            or _is_value_line(line.norm)
            or (len(cells) == 1 and _is_word_after_values(cells[0], pending))
            or _is_run_after_label(line.norm, cells, pending)
        ):
            pending.extend(cells)  # numbers (or a word for one) continuing the row above
        elif _continues_row(line.norm, cells, pending):
            rows.append([*pending, *cells])  # a tab row whose label was broken over lines
            pending.clear()
        elif was_labels and not pending and _continues_row(line.norm, cells, rows[-1]):
            rows[-1] = [*rows[-1], *cells]
        elif markdown or len(filled) > 1:
            flush()
            rows.append(cells)
            last_labels = not markdown and all(c.is_label or c.is_empty for c in cells)
        else:
            if any(not c.is_label for c in pending):
                flush()
            pending.extend(cells)
    flush()
    return Grid.from_rows(rows)
