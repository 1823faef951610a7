"""The unified-format tables of a report: extraction from text, recognition, cell values.

``tables_of(doc)`` is computed once per document (``doc.derived``) and shared by the table
checks (N003–N005, F001).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .extract import region_grid, table_regions
from .model import Cell, Grid
from .recognise import MappedCell, UnifiedTable, recognise
from .values import Kind, Value, parse_value

if TYPE_CHECKING:
    from ..document import Document

__all__ = [
    "Cell",
    "Grid",
    "Kind",
    "MappedCell",
    "ReportTables",
    "UnifiedTable",
    "Value",
    "parse_value",
    "recognise",
    "tables_of",
]


@dataclass
class ReportTables:
    """The unified tables found in a report, and the lines the table regions take."""

    tables: list[UnifiedTable]
    lines: frozenset[int]

    def of(self, table: str) -> list[UnifiedTable]:
        return [t for t in self.tables if t.table == table]


def _compute(doc: Document) -> ReportTables:
    regions = table_regions(doc)
    grids = [region_grid(doc, region) for region in regions]
    return ReportTables(recognise(grids), frozenset(i for region in regions for i in region))


def tables_of(doc: Document) -> ReportTables:
    """The report's unified tables, computed once per document."""
    return doc.derived(_compute)
