"""Which unified table a run of rows is, and which (row, column) each number cell stands for.

The rows come in document order from every table region (extract.py). A state machine reads
their labels: a label only one table has (自然人, 行政复议, 第二十条…) decides the table; the
last label of a row decides its row key, by stem (layout.py); the cells after it are the
row's values. Columns follow the format's order for 表三 (7) and 表四 (15), whose multi-row
headers lose their order when flattened, and the sub-table's own header for 表二, whose
columns differ between the 2019 and 2021 layouts.

Text rows write a merged cell once and leave the positions it covers empty, so a row may have
more cells than columns: covered positions lead a 表三 row (after its colspan labels) and
trail a 表二 row (under a colspan header), and are dropped from that side until the count fits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from .layout import (
    AFTER_REVIEW,
    APPLICANTS,
    DIRECT,
    GRANTED,
    LEAVES_2021,
    ORG_SUBTOTAL,
    OTHER,
    OTHER_LEAF,
    PARTIAL,
    RESULT_TOTAL,
    RESULTS,
    T2,
    T2_LAYOUT,
    T2_ROWS,
    T3,
    T3_COLUMNS,
    T4,
    T4_CELLS,
    T4_COLUMNS,
    T4_GROUPS,
    Label,
    read_label,
    t2_columns,
    t2_parts_of,
)
from .model import Cell, Grid
from .values import is_word


class MappedCell(NamedTuple):
    """A value cell of a unified table, with its row and column keys (a named tuple: a report
    has hundreds, and a tuple is made three times as fast as a dataclass)."""

    table: str
    row: str
    column: str
    cell: Cell
    measure: str = "count"  # "count", "delta" (may be negative) or "amount" (may be fractional)

    @property
    def missing(self) -> bool:
        """No number where one belongs: a blank, a placeholder (/, -, 空) or a word (若干)."""
        return not self.cell.value.is_number


@dataclass
class UnifiedTable:
    """One recognised table of the format, with its value cells by (row, column)."""

    table: str  # "二", "三" or "四"
    cells: dict[tuple[str, str], MappedCell] = field(default_factory=dict)
    labels: list[Cell] = field(default_factory=list)
    evidence: dict[str, Cell] = field(default_factory=dict)  # edition -> first label showing it
    unmapped: list[list[Cell]] = field(default_factory=list)  # value rows we could not place
    group_rows: dict[str, Cell] = field(default_factory=dict)  # 表三 group label of each group row
    columns: tuple[str, ...] = T3_COLUMNS  # 表三's value columns in order (a 小计 column added)

    def get(self, row: str, column: str) -> MappedCell | None:
        return self.cells.get((row, column))

    def rows(self) -> list[str]:
        """Row keys in the order the table gives them."""
        return list(dict.fromkeys(row for row, _ in self.cells))

    def cells_by_row(self) -> dict[str, list[MappedCell]]:
        """Each row key, in the order the table gives them, with the row's cells."""
        grouped: dict[str, list[MappedCell]] = {}
        for (row, _), cell in self.cells.items():
            grouped.setdefault(row, []).append(cell)
        return grouped

    @property
    def leaf_rows(self) -> list[str]:
        """表三 rows counted once in （七）总计: the leaves, and 2019's single （六） row."""
        rows = [r for r in self.rows() if r in LEAVES_2021 or r in (GRANTED, PARTIAL)]
        if OTHER in self.group_rows and not any(r.startswith(OTHER + "/") for r in rows):
            rows.append(OTHER)
        return rows

    @property
    def subtotal_rows(self) -> list[str]:
        """表三 group rows a report added as subtotals of their leaves."""
        leaves = self.leaf_rows
        return [g for g in self.group_rows if g not in leaves]


def recognise(grids: Iterable[Grid]) -> list[UnifiedTable]:
    """The unified tables found in ``grids`` (in document order)."""
    reader = _Reader()
    for grid in grids:
        for row in grid.rows:
            reader.row([cell for cell in row if cell is not None])
    return reader.finish()


@dataclass
class _Reader:
    tables: list[UnifiedTable] = field(default_factory=list)
    current: UnifiedTable | None = None
    t2_header: list[Label] = field(default_factory=list)  # columns of the current 表二 sub-table
    blank_t4: list[Cell] = field(default_factory=list)  # a wholly blank 表四 value row

    def row(self, cells: Sequence[Cell]) -> None:
        labelled = [
            (i, cell, read_label(cell.text)) for i, cell in enumerate(cells) if cell.is_label
        ]
        for _, cell, label in labelled:
            if label is not None:
                self._label(cell, label)
        labelled = _without_words(labelled, cells)
        last = labelled[-1][0] if labelled else -1
        labelled = _without_continuations(labelled)
        tail = list(cells[last + 1 :])
        row_label = labelled[-1][2] if labelled else None
        has_values = any(not c.is_empty for c in tail)
        if self.current is None or not tail:
            return
        if self._is_blank_t4(tail):
            self.blank_t4 = self.blank_t4 or tail[-len(T4_CELLS) :]
            return
        if has_values or (row_label is not None and row_label.role in ("row", "group")):
            self._values(labelled, tail)

    def finish(self) -> list[UnifiedTable]:
        self._close()
        return self.tables

    def _start(self, table: str) -> None:
        self._close()
        self.current = UnifiedTable(table)
        self.t2_header = []
        self.blank_t4 = []

    def _is_blank_t4(self, tail: list[Cell]) -> bool:
        """A 表四 row of (at least) fifteen blank cells before any number: a body with no cases
        that left the cells empty. Kept aside, it is the table's values only if no row has
        any. (A Markdown row of blanks alone reads as one cell more: its leading pipe.)"""
        t = self.current
        return (
            t is not None
            and t.table == T4
            and not t.cells
            and len(tail) >= len(T4_CELLS)
            and all(c.is_empty for c in tail)
        )

    def _blank_t4_values(self, t: UnifiedTable) -> None:
        """Place a 表四 whose header is whole but whose values are all blank (its blank row,
        or, where the copy dropped that row, blanks at the header's last label), so N005
        reports the blanks rather than F001 a missing table."""
        keys = {label.key for c in t.labels if (label := read_label(c.text)) is not None}
        if not self.blank_t4 and not {DIRECT, AFTER_REVIEW, *RESULTS} <= keys:
            return
        last = t.labels[-1]
        blanks = self.blank_t4 or [Cell("", last.start, last.end, last.line)] * len(T4_CELLS)
        for (row, column), cell in zip(T4_CELLS, blanks, strict=True):
            t.cells[(row, column)] = MappedCell(T4, row, column, cell)

    def _close(self) -> None:
        t = self.current
        if t is None:
            return
        if t.table == T4 and not t.cells and not t.unmapped:
            self._blank_t4_values(t)
        if t.table == T3 and OTHER in t.group_rows and OTHER in t.leaf_rows:
            t.evidence.setdefault("2019", t.group_rows[OTHER])  # 2019: （六） is one row
        if t.cells or t.unmapped:  # labels alone (a heading naming 行政复议) make no table
            self.tables.append(t)
        self.current = None

    def _label(self, cell: Cell, label: Label) -> None:
        t = self.current
        if label.table is not None and (t is None or t.table != label.table):
            self._start(label.table)
        t = self.current
        if t is None:
            return
        t.labels.append(cell)
        if t.table == T3 and not t.cells and label.role == "subtotal":
            t.columns = _with_org_subtotal(t.labels)
        if label.edition:
            t.evidence.setdefault(label.edition, cell)
        if t.table == T2:
            if label.role in ("caption", "header"):
                self.t2_header = []
            elif label.role == "column":
                self.t2_header.append(label)

    def _values(self, labelled: list[tuple[int, Cell, Label | None]], tail: list[Cell]) -> None:
        t = self.current
        assert t is not None
        label = labelled[-1][2] if labelled else None
        if t.table == T4:
            if label is not None and label.key in T4_GROUPS:  # a 表四 laid out one group a row
                keys = [(label.key, column) for column in T4_COLUMNS]
            else:
                keys = list(T4_CELLS)
            self._place([(row, column, "count") for row, column in keys], tail, False)
            return
        row = self._row_key(labelled)
        if row is None:
            t.unmapped.append(tail)
            return
        if t.table == T3:
            placed = self._place([(row, column, "count") for column in t.columns], tail, False)
            if placed and label is not None and self.current:
                if label.role == "group":
                    self.current.group_rows[row] = labelled[-1][1]
                elif label.role == "subtotal":  # （四）无法提供 | 小计: the group's subtotal row
                    self.current.group_rows[row] = next(
                        cell for _, cell, lb in reversed(labelled) if lb and lb.key == row
                    )
            return
        for columns in self._t2_candidates(row):
            if _fit(tail, len(columns), True) is not None:
                self._place([(row, c.key, c.measure) for c in columns], tail, True)
                return
        t.unmapped.append(tail)

    def _row_key(self, labelled: list[tuple[int, Cell, Label | None]]) -> str | None:
        """The row a value row stands for: its last label, read in the current table."""
        t = self.current
        assert t is not None
        if not labelled or labelled[-1][2] is None:
            return None
        label = labelled[-1][2]
        if label.table == t.table and label.role in ("row", "group"):
            return label.key
        if t.table != T3:
            return None
        if label.role == "total":
            return RESULT_TOTAL
        if label.role == "other":
            return OTHER_LEAF
        if label.role == "subtotal":
            groups = [lb.key for _, _, lb in labelled if lb is not None and lb.role == "group"]
            return groups[-1] if groups else None
        return None

    def _t2_candidates(self, row: str) -> list[list[Label]]:
        """Possible columns of a 表二 row: the sub-table's header when its columns belong to the
        row's 第二十条 item, then the item's columns in the 2021 and the 2019 layouts."""
        part = next(p for layout in T2_ROWS.values() for p, rows in layout.items() if row in rows)
        found = []
        if self.t2_header and all(part in t2_parts_of(c.key) for c in self.t2_header):
            found.append(self.t2_header)
        for layout in T2_LAYOUT.values():
            if part in layout:
                found.append([t2_columns(k) for k in layout[part]])
        return found

    def _place(
        self, keys: Sequence[tuple[str, str, str]], tail: list[Cell], trailing_first: bool
    ) -> bool:
        """Map the row's cells to (row, column, measure) keys; a key placed before starts a
        new table of the same kind (a report with two tables 三)."""
        t = self.current
        assert t is not None
        fitted = _fit(tail, len(keys), trailing_first)
        if fitted is None:
            t.unmapped.append(tail)
            return False
        if any((row, column) in t.cells for row, column, _ in keys):
            header = self.t2_header
            self._start(t.table)
            self.t2_header = header
            t = self.current
            assert t is not None
        for (row, column, measure), cell in zip(keys, fitted, strict=True):
            t.cells[(row, column)] = MappedCell(t.table, row, column, cell, measure)
        return True


def _with_org_subtotal(labels: list[Cell]) -> tuple[str, ...]:
    """表三's columns with a 法人或其他组织 小计 column where the header puts it among the five
    kinds of organisation (after 其他 in the templates that add one)."""
    orgs = set(APPLICANTS[1:])
    seen = 0
    for cell in labels[:-1]:
        label = read_label(cell.text)
        if label is not None and (label.key in orgs or label.role == "other"):
            seen += 1
    at = 1 + min(seen, len(orgs))
    return (*T3_COLUMNS[:at], ORG_SUBTOTAL, *T3_COLUMNS[at:])


_ROW_ROLES = ("row", "group", "total", "other", "subtotal")


def _without_words(
    labelled: list[tuple[int, Cell, Label | None]], cells: Sequence[Cell]
) -> list[tuple[int, Cell, Label | None]]:
    """The row's labels without the words written where its numbers belong (若干, 不详, 未统计):
    short texts naming nothing after the row's label, or after the first number of a row
    without labels (表四). They stay in the row as values (N005 reports them), so the row
    still maps."""
    end = len(labelled)
    while end and labelled[end - 1][2] is None and is_word(labelled[end - 1][1].text, 1):
        end -= 1
    if end == len(labelled):
        return labelled
    if end:
        label = labelled[end - 1][2]
        return labelled[:end] if label is not None and label.role in _ROW_ROLES else labelled
    first = next((i for i, c in enumerate(cells) if c.value.is_value and not c.is_empty), None)
    return labelled if first is None else [item for item in labelled if item[0] < first]


_DIGIT = re.compile(r"\d")
_NUMBERED = re.compile(r"\s*[(]?\s*(?:\d+|[一二三四五六七八九十]+)\s*[)、.]")


def _without_continuations(
    labelled: list[tuple[int, Cell, Label | None]],
) -> list[tuple[int, Cell, Label | None]]:
    """The row's labels without the rest of a label broken over lines (（二）部分公开 then
    （区分处理的，只计这一情形，不计其他情形）): a label naming nothing and not numbered, after
    a label naming a row, belongs to that label."""
    while (
        len(labelled) >= 2
        and labelled[-1][2] is None
        and labelled[-2][2] is not None
        and labelled[-2][2].role in _ROW_ROLES
        and is_continuation(labelled[-1][1].text)
    ):
        labelled = labelled[:-1]
    return labelled


def is_continuation(text: str) -> bool:
    """Text that may continue a label broken over lines: it names nothing and holds no digit
    or numbering of its own (9.其他原因 is a row of its own, though not one of the format's;
    减少4 is a value written in words)."""
    return read_label(text) is None and not _DIGIT.search(text) and not _NUMBERED.match(text)


def _fit(cells: list[Cell], count: int, trailing_first: bool) -> list[Cell] | None:
    """The row's value cells once empty positions covered by merged cells are dropped."""
    cells = list(cells)
    sides = (-1, 0) if trailing_first else (0, -1)
    for side in sides:
        while len(cells) > count and cells[side].is_empty:
            cells.pop(side)
    while len(cells) > count and cells[-1].is_label:
        cells.pop()  # a word after a full row (a flattened table's 备注): no value of it
    return cells if len(cells) == count else None
