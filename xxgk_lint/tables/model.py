"""The table model: cells with their place in the original file, laid out in a grid.

A table reaches the linter either as text rows (Markdown pipes, tabs, one cell per line) or,
from a structured reader, as cells with row and column spans. Both become a ``Grid``: rows of
positions, each holding a ``Cell`` or ``None`` where another cell's span covers it. Text rows
cannot tell a covered position from an empty cell, so they keep empty cells as such and the
recogniser decides by counting (see recognise.py).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from .values import Value, parse_value


class Cell(NamedTuple):
    """One cell: its normalised text and the span of its text in ``doc.source.text``.

    An empty cell spans the gap between its delimiters (or the delimiter after it), so a
    finding about a blank cell points at the right place. (A named tuple, not a dataclass:
    a report has hundreds of cells, and a tuple is made three times as fast.)
    """

    text: str
    start: int
    end: int
    line: int = 0  # 0-based line of the cell
    rowspan: int = 1
    colspan: int = 1

    @property
    def value(self) -> Value:
        return parse_value(self.text)

    @property
    def is_label(self) -> bool:
        return not self.value.is_value

    @property
    def is_empty(self) -> bool:
        return not self.text.strip()


@dataclass
class Grid:
    """Rows of positions; ``None`` is a position covered by a merged cell. Rows rebuilt from
    a flattened table (one cell a line) are logical rows: their positions are not columns."""

    rows: list[list[Cell | None]] = field(default_factory=list)

    @classmethod
    def from_rows(cls, rows: Sequence[Sequence[Cell]]) -> Grid:
        """A grid of text rows: every cell takes one position, empty cells included."""
        return cls([list(row) for row in rows])

    @classmethod
    def from_spans(cls, rows: Sequence[Sequence[Cell]]) -> Grid:
        """A grid of cells with ``rowspan``/``colspan``, placed as HTML and Word tables place
        them: each cell takes the first free position of its row and covers its span."""
        placed: dict[tuple[int, int], Cell | None] = {}
        for r, row in enumerate(rows):
            c = 0
            for cell in row:
                while (r, c) in placed:
                    c += 1
                for dr in range(max(cell.rowspan, 1)):
                    for dc in range(max(cell.colspan, 1)):
                        placed[(r + dr, c + dc)] = None
                placed[(r, c)] = cell
                c += max(cell.colspan, 1)
        height = max((r for r, _ in placed), default=-1) + 1
        width = max((c for _, c in placed), default=-1) + 1
        return cls([[placed.get((r, c)) for c in range(width)] for r in range(height)])

    def cells(self) -> Iterator[Cell]:
        """Every cell once, in reading order."""
        for row in self.rows:
            yield from (cell for cell in row if cell is not None)
