"""The arithmetic the unified tables must satisfy, and the cells that break it.

Identities (domain research §3.3): in 表三, 总计 = the six applicant columns in every row;
（七）总计 = every result row, column by column; a group subtotal row a report adds = its
items; 一 + 二 = 三（七） + 四 in every column (the format's own note); in 表四, 总计 = 结果维持
+ 结果纠正 + 其他结果 + 尚未审结 for each group. Every count is a whole number of zero or more.

A cell without a number (blank, placeholder, a word such as 若干) is an unknown count that
N005 reports: an identity whose total has none is not checked, and one with such a part fails
only when its known parts exceed the total (the unknown ones could make up a shortfall). One
wrong cell should give one finding on that cell: a wrong 总计 cell, once reported, enters the
column identities as its row's sum; and when a failing row and a failing column are both
explained by the cell where they cross, that cell alone is reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from .layout import (
    APPLICANTS,
    CARRIED_FORWARD,
    CARRIED_OVER,
    NEW,
    ORG_SUBTOTAL,
    OTHER,
    RESULT_TOTAL,
    RESULTS,
    T3,
    T3_ROWS,
    T4,
    T4_GROUPS,
    TOTAL,
)
from .recognise import MappedCell, UnifiedTable

RULES = {
    "row": ("总计 = 六类申请人之和", "总计 = the six applicant columns"),
    "orgs": (
        "小计 = 五类法人或其他组织之和",
        "小计 = the five kinds of legal persons and other organisations",
    ),
    "results": ("（七）总计 = 各项办理结果之和", "（七）总计 = the sum of all results"),
    "group": ("{group} = 其各小项之和", "{group} = the sum of its items"),
    "balance": ("一 + 二 = 三（七）+ 四", "一 + 二 = 三（七） + 四"),
    "review": (
        "总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
        "总计 = 维持 + 纠正 + 其他 + 尚未审结",
    ),
    "cross": (
        "所在行的总计和所在列的合计都与此格不符",
        "both its row total and its column sum disagree with this cell",
    ),
}


class Failure(NamedTuple):
    """A cell that breaks an identity: it says ``found``, the identity needs ``expected``."""

    cell: MappedCell
    expected: int
    found: int
    rule: str  # a key of RULES
    group: str = ""  # the group of a "group" rule


@dataclass
class _Counts:
    """A table's counts for the sums, with reported 总计 cells replaced by their row's sum.

    A cell without a number (blank, placeholder, word) is an unknown count of zero or more:
    an identity with such a part fails only when its known parts already exceed the total,
    since the unknown ones could make up any shortfall (N005 reports them)."""

    table: UnifiedTable
    corrected: dict[tuple[str, str], int] = field(default_factory=dict)
    counts: dict[tuple[str, str], int | None] = field(init=False)  # read once: sums reuse them
    missing: set[tuple[str, str]] = field(init=False)

    def __post_init__(self) -> None:
        self.counts = {key: _count(cell) for key, cell in self.table.cells.items()}
        self.missing = {key for key, cell in self.table.cells.items() if cell.missing}

    def part(self, row: str, column: str) -> int | None:
        """The count a cell adds to a sum (no number: 0); None when it holds no usable count."""
        key = (row, column)
        if key in self.corrected:
            return self.corrected[key]
        return self.counts.get(key, 0)

    def unknown(self, keys: Sequence[tuple[str, str]]) -> bool:
        """True when a cell of ``keys`` holds no number (and was not replaced by its row's sum)."""
        return any(k in self.missing and k not in self.corrected for k in keys)

    def total(self, row: str, column: str) -> int | None:
        """The count a total cell states; None when it states none or was already reported."""
        cell = self.table.get(row, column)
        if cell is None or (row, column) in self.corrected or not cell.cell.value.is_count:
            return None
        return self.part(row, column)

    def check(
        self, target: tuple[str, str], parts: Sequence[tuple[str, str]], rule: str, group: str = ""
    ) -> Failure | None:
        """A failure when the target's count is not the sum of the parts' counts (with unknown
        parts: when the known ones exceed it)."""
        found = self.total(*target)
        cell = self.table.get(*target)
        if found is None or cell is None:
            return None
        counts = [self.part(*k) for k in parts]
        if any(c is None for c in counts):
            return None
        expected = sum(c for c in counts if c is not None)
        if expected == found or (expected < found and self.unknown(parts)):
            return None
        return Failure(cell, expected, found, rule, group)


def _count(cell: MappedCell) -> int | None:
    """The count a cell holds (no number: 0); None when its number is no count."""
    value = cell.cell.value
    if cell.missing:
        return 0
    return int(value.number) if value.is_count and value.number is not None else None


def identity_failures(table: UnifiedTable) -> list[Failure]:
    """Every identity of ``table`` that fails, one failure per wrong cell where it can tell."""
    counts = _Counts(table)
    if table.table == T4:
        checks = (counts.check((g, TOTAL), [(g, r) for r in RESULTS], "review") for g in T4_GROUPS)
        return [f for f in checks if f is not None]
    if table.table != T3:
        return []
    rows: dict[str, Failure] = {}
    for row in table.rows():
        failure = counts.check((row, TOTAL), [(row, c) for c in APPLICANTS], "row")
        if failure is not None:
            rows[row] = failure
    if ORG_SUBTOTAL in table.columns:  # a 小计 column a report adds: its row's organisations
        checks = (
            counts.check((r, ORG_SUBTOTAL), [(r, c) for c in APPLICANTS[1:]], "orgs")
            for r in table.rows()
        )
        found_orgs = [f for f in checks if f is not None]
    else:
        found_orgs = []
    if table.unmapped:
        return [*rows.values(), *found_orgs]  # a row we could not place: sums would be guesses
    # The applicant columns first: a wrong applicant cell explains a failing row and column.
    columns, balances, groups = _columns(counts, APPLICANTS)
    found = _cross(counts, rows, columns, balances)
    # Rows still failing have a wrong 总计 cell: the 总计 column sees their applicants' sum.
    for row, failure in rows.items():
        counts.corrected[(row, TOTAL)] = failure.expected
    total_columns, total_balances, total_groups = _columns(counts, (TOTAL,))
    return [
        *found,
        *rows.values(),
        *found_orgs,
        *columns.values(),
        *total_columns.values(),
        *(f for f, _ in balances.values()),
        *(f for f, _ in total_balances.values()),
        *groups,
        *total_groups,
    ]


def _columns(
    counts: _Counts, names: Sequence[str]
) -> tuple[dict[str, Failure], dict[str, tuple[Failure, int]], list[Failure]]:
    """For each column: （七）总计 against the results, 一 + 二 against （七） + 四 (with the
    difference), and the group subtotal rows against their items."""
    table = counts.table
    leaves, subtotals = table.leaf_rows, table.subtotal_rows
    columns: dict[str, Failure] = {}
    balances: dict[str, tuple[Failure, int]] = {}
    groups: list[Failure] = []
    for column in names:
        parts = [(r, column) for r in leaves]
        failure = counts.check((RESULT_TOTAL, column), parts, "results") if leaves else None
        if failure is not None:
            columns[column] = failure
        for group in subtotals:
            members = [(r, column) for r in leaves if r.startswith(group + "/")]
            failure = counts.check((group, column), members, "group", group) if members else None
            if failure is not None:
                groups.append(failure)
        balance = _balance(counts, column)
        if balance is not None:
            balances[column] = balance
    return columns, balances, groups


def _balance(counts: _Counts, column: str) -> tuple[Failure, int] | None:
    """一 + 二 = 三（七） + 四: the failure (blamed on 四, or on （七） when 四 would have to be
    negative) and the difference 一 + 二 − （七） − 四. A side with a cell without a number
    only fails when the other side is known and smaller."""
    table = counts.table
    done, carried = table.get(RESULT_TOTAL, column), table.get(CARRIED_FORWARD, column)
    if done is None or carried is None:
        return None
    left, right = (
        [(NEW, column), (CARRIED_OVER, column)],
        [(RESULT_TOTAL, column), (CARRIED_FORWARD, column)],
    )
    a, b = counts.part(*left[0]), counts.part(*left[1])
    c, d = counts.part(*right[0]), counts.part(*right[1])
    if a is None or b is None or c is None or d is None or a + b == c + d:
        return None
    unknown_left, unknown_right = counts.unknown(left), counts.unknown(right)
    if (unknown_left and (unknown_right or a + b < c + d)) or (unknown_right and a + b > c + d):
        return None
    if a + b - c >= 0:
        return Failure(carried, a + b - c, d, "balance"), a + b - c - d
    return Failure(done, a + b - d, c, "balance"), a + b - c - d


def _cross(
    counts: _Counts,
    rows: dict[str, Failure],
    columns: dict[str, Failure],
    balances: dict[str, tuple[Failure, int]],
) -> list[Failure]:
    """Cells that explain a failing row and a failing applicant column at once; the row and
    column failures they explain are removed. A cell too big by x makes its row's applicants
    exceed 总计 by x, and its column's results exceed （七） by x (a result row), or （七)
    exceed its results by x (the （七） row), or unbalance 一 + 二 = （七） + 四 by ±x."""
    table = counts.table
    found: list[Failure] = []
    leaves = table.leaf_rows
    for row, failure in list(rows.items()):
        excess = failure.expected - failure.found  # applicants' sum minus the stated 总计
        candidates = []
        for column in APPLICANTS:
            col, bal = columns.get(column), balances.get(column)
            column_excess = col.expected - col.found if col else None
            if (
                (row in leaves and column_excess == excess)
                or (row == RESULT_TOTAL and column_excess == -excess)
                or (row in (NEW, CARRIED_OVER) and bal is not None and bal[1] == excess)
                or (row == CARRIED_FORWARD and bal is not None and bal[1] == -excess)
            ):
                candidates.append(column)
        cell = table.get(row, candidates[0]) if len(candidates) == 1 else None
        written = None if cell is None else counts.part(row, candidates[0])
        if cell is None or written is None or cell.missing:
            continue  # no cell to blame (a cell without a number is N005's)
        column = candidates[0]
        found.append(Failure(cell, written - excess, written, "cross"))
        del rows[row]
        if row in table.leaf_rows or row == RESULT_TOTAL:
            columns.pop(column, None)
        if row in (NEW, CARRIED_OVER, CARRIED_FORWARD, RESULT_TOTAL):
            balances.pop(column, None)
    return found


class BadValue(NamedTuple):
    """A number a cell cannot hold: a negative or fractional count, a fractional change, a
    negative amount."""

    cell: MappedCell
    expected: str  # what the cell should hold, for ``data.expected``
    problem_zh: str
    problem_en: str


_PROBLEMS = {
    "negative count": ("non-negative integer", "件数不能为负数", "a count cannot be negative"),
    "fractional count": ("non-negative integer", "件数应为整数", "a count must be a whole number"),
    "fractional delta": ("integer", "增减数应为整数", "a change in count must be a whole number"),
    "negative amount": ("non-negative number", "金额不能为负数", "an amount cannot be negative"),
}


_PROBLEM_OF = {  # (measure, negative, fractional) -> problem
    ("count", True, False): "negative count",
    ("count", True, True): "negative count",
    ("count", False, True): "fractional count",
    ("delta", True, True): "fractional delta",
    ("delta", False, True): "fractional delta",
    ("amount", True, False): "negative amount",
    ("amount", True, True): "negative amount",
}


def value_failures(table: UnifiedTable) -> list[BadValue]:
    """Cells whose number the column cannot hold."""
    found = []
    for cell in table.cells.values():
        n = cell.cell.value.number
        if n is None:
            continue
        fractional = n != n.to_integral_value()
        problem = _PROBLEM_OF.get((cell.measure, n < 0, fractional))
        if problem:
            found.append(BadValue(cell, *_PROBLEMS[problem]))
    return found


def absent_rows(table: UnifiedTable, others: Sequence[UnifiedTable] = ()) -> list[str]:
    """The format's rows of 表三 or 表四 that ``table`` lacks, left out or unreadable (a row
    another table of the same kind holds is not absent: a table split over pages). 表三's
    （六） may be 2019's single row or 2021's three; with neither it is one absent row."""
    present = {row for t in (table, *others) for row in t.rows()}
    if table.table == T4:
        return [row for row in T4_GROUPS if row not in present]
    if table.table != T3:
        return []
    expected = list(T3_ROWS)
    other_leaves = [row for row in expected if row.startswith(OTHER + "/")]
    if not present.intersection(other_leaves):
        at = expected.index(other_leaves[0])
        expected[at : at + len(other_leaves)] = [OTHER]
    return [row for row in expected if row not in present]
