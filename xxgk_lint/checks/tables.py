"""N003 table-identity, N004 text-table-mismatch, N005 blank-cell: the unified tables' numbers.

The identities are those the tables imply (domain research §3.3): 表三's 总计 column is the sum
of the six applicant columns in every row, （七）总计 the sum of every result row, 一 + 二 =
三（七） + 四 in every column (the format's own note), a group subtotal row (when a report adds
one) the sum of its leaves; 表四's 总计 the sum of its four results in each group; and every
count a whole number of zero or more (a negative written with any dash or minus sign, −1 or
—1, is a negative number). A cell without a number (blank, placeholder, a word such as 若干)
is reported by N005 alone: it is an unknown count, so an identity with such a part fails only
when the known parts already exceed the total, and one whose total has none is not checked.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import ClassVar

from ..check import Check, Message, RuleDoc
from ..diagnostic import Diagnostic, Severity
from ..document import Document
from ..sectionkeys import heading_key
from ..tables import MappedCell, UnifiedTable, tables_of
from ..tables.identities import RULES, absent_rows, identity_failures, value_failures
from ..tables.layout import (
    CARRIED_OVER,
    NEW,
    OTHER,
    RESULT_TOTAL,
    T2,
    T3,
    T3_ROWS,
    T4,
    T4_GROUPS,
    TOTAL,
)
from ..tables.model import Cell
from ..tables.statements import Quantity, Statement, statements

_EDITIONS = ("2019", "2021")
_WHY_ZH = (
    "国办公开办函〔2021〕30号要求年度报告内容准确；表三表头注明“第一项加第二项之和，等于第三项加"
    "第四项之和”，各“总计”为其所在行列之和。数据失准是评估和通报中最常见的问题之一。"
)
_WHY_EN = (
    "国办公开办函〔2021〕30号 requires accurate reports; table 三's header states that items one "
    "and two add up to items three and four, and every 总计 is the sum of its row or column."
)


class TableIdentity(Check):
    code = "N003"
    name = "table-identity"
    severity = Severity.ERROR
    editions = _EDITIONS
    messages: ClassVar[dict[str, Message]] = {
        "default": Message(
            "表{table}“{row}”行“{column}”列应为 {expected}（{rule_zh}），表中为 {found}",
            "Table {table}, row '{row}', column '{column}' should be {expected} ({rule_en}), "
            "but the table says {found}",
        ),
        "value": Message(
            "表{table}“{row}”行“{column}”列为“{found}”：{problem_zh}",
            "Table {table}, row '{row}', column '{column}' holds '{found}': {problem_en}",
        ),
    }
    help = Message(
        "逐项核对该单元格及其所在行、列的数据，改正后各项合计应与总计一致",
        "Check this cell and the others in its row and column until the totals agree",
    )
    doc = RuleDoc(
        what_zh="统一格式表格的算术关系不成立：总计列不等于六类申请人之和；（七）总计不等于各项办理结果之和；"
        "一加二不等于三（七）加四；报告自行增加的分组小计行（如“（四）无法提供 小计”）"
        "或法人或其他组织“小计”列不等于其各项之和；表四各组总计不等于维持、纠正、其他、尚未审结之和；件数为负数或小数。",
        what_en="An arithmetic identity of the unified tables "
        "fails: the 总计 column is not the sum of "
        "the six applicant columns, （七）总计 not the sum of the results, "
        "一 + 二 ≠ 三（七） + 四, a group subtotal row or 小计 column a report adds is not the sum "
        "of its items, a table 四 total not the sum of its results, or a count is negative or "
        "fractional.",
        why_zh=_WHY_ZH,
        why_en=_WHY_EN,
        fires="| 一、本年新收政府信息公开申请数量 | | | 3 | 1 | 0 | 0 | 0 | 0 | 5 |",
        passes="| 一、本年新收政府信息公开申请数量 | | | 3 | 1 | 0 | 0 | 0 | 0 | 4 |",
    )

    def run(self, doc: Document) -> Iterator[Diagnostic]:
        for table in tables_of(doc).tables:
            for bad in value_failures(table):
                cell = bad.cell
                written = doc.source.text[cell.cell.start : cell.cell.end]
                yield self.diagnostic(
                    cell.cell.start,
                    cell.cell.end,
                    "value",
                    data=_data(cell, bad.expected, written),
                    table=cell.table,
                    row=cell.row,
                    column=cell.column,
                    found=written,
                    problem_zh=bad.problem_zh,
                    problem_en=bad.problem_en,
                )
            for failure in identity_failures(table):
                cell = failure.cell
                rule_zh, rule_en = (r.format(group=failure.group) for r in RULES[failure.rule])
                yield self.diagnostic(
                    cell.cell.start,
                    cell.cell.end,
                    data=_data(cell, failure.expected, failure.found),
                    table=cell.table,
                    row=cell.row,
                    column=cell.column,
                    expected=failure.expected,
                    found=failure.found,
                    rule_zh=rule_zh,
                    rule_en=rule_en,
                )


def _data(cell: MappedCell, expected: int | str, found: int | str) -> dict:
    return {
        "table": cell.table,
        "row": cell.row,
        "column": cell.column,
        "expected": expected,
        "found": found,
    }


class TextTableMismatch(Check):
    code = "N004"
    name = "text-table-mismatch"
    severity = Severity.ERROR
    editions = _EDITIONS
    messages: ClassVar[dict[str, Message]] = {
        "default": Message(
            "正文所述{name_zh}为 {text_value}，与表{table}{where}的 {table_value} 不一致",
            "The text gives {text_value} {name_en}, but "
            "table {table} gives {table_value} ({where})",
        ),
        "sum": Message(
            "正文分项所述{name_zh}合计为 {text_value}（{parts}），与表{table}{where}的 "
            "{table_value} 不一致",
            "The parts the text gives for {name_en} add up to {text_value} ({parts}), but "
            "table {table} gives {table_value} ({where})",
        ),
    }
    help = Message(
        "核对正文与表格，二者应出自同一统计口径并保持一致",
        "Check the text against the table: both must report the same figure",
    )
    doc = RuleDoc(
        what_zh="正文中陈述的数字（收到申请、予以公开、行政复议、行政诉讼等件数）与统一格式表格中的同一数据不一致。"
        "只比对说的是全表口径的数字：主语为下属单位、本级或“以…名义”的分项不逐一比对，同一句中分项列举的同一数据"
        "比对其合计（合计少于表中数而未列“其他”“其余”时视为只列了主要部分）；写明原因的件数（因涉及第三方合法权益"
        "不予公开2件）与表中该原因一行比对；“行政复议和行政诉讼共N件”与两者总计之和比对，“各N件”与每一项比对；"
        "紧随“收到申请N件”列出的自然人、法人或其他组织（及商业企业等各类）件数与表中“一、本年新收”行相应列比对；"
        "“收到申请N件”只在写明含上年结转时才可等于一加二；依申请公开部分（或段落）中未写“申请”的“结转下年度"
        "继续办理N件”也与表中“四、结转下年度继续办理”比对。",
        what_en="A number stated in the text (applications received, granted, reviews, lawsuits…) "
        "contradicts the same quantity in the unified tables. Only figures for the whole table "
        "are compared: a clause about a named sub-unit, 本级 or 以…名义 is not, and the parts one "
        "sentence lists for one quantity are compared as their sum (a short sum only when the "
        "list ends with the rest, 其他/其余); a count given with its reason is compared with that "
        "reason's row; 行政复议和行政诉讼共N件 with both totals and 各N件 with each; the "
        "applicant breakdown listed right after a 收到 figure (自然人, 法人或其他组织, 商业企业…) "
        "with row 一's columns; a 收到 figure (and its breakdown) may equal 一 + 二 only when "
        "the text says it includes the carried-over applications; 结转下年度继续办理N件 in a part "
        "or paragraph about applications with row 四 even when its sentence does not say 申请.",
        why_zh="正文与表格数据矛盾属于“发布内容不准确”（国办公开办函〔2021〕30号），读者无从判断哪个数字可信。",
        why_en="Text and tables that disagree are inaccurate content under "
        "国办公开办函〔2021〕30号: "
        "the reader cannot tell which figure is right.",
        fires="本年度共收到政府信息公开申请46件。（表三 一、本年新收 总计为 45）",
        passes="本年度共收到政府信息公开申请45件。（表三 一、本年新收 总计为 45）",
    )

    def run(self, doc: Document) -> Iterator[Diagnostic]:
        found = tables_of(doc)
        by_table = {name: found.of(name) for name in (T2, T3, T4)}
        parts = _context_parts(doc)
        skip = set(found.lines) | set(doc.outline.front)
        if doc.outline.title_line is not None:
            skip.add(doc.outline.title_line)
        for line in doc.lines:
            if line.index in skip or not line.norm.strip():
                continue
            said = statements(line.norm, doc.facts.year, parts.get(line.index), doc.facts.issuer)
            for statement in said:
                q = statement.quantity
                tables = by_table[q.table]
                if q.table != T2 and len(tables) != 1:
                    continue  # no table, or two of them: which one the text means is unclear
                value = _table_value(tables, q)
                if value is None or statement.value == value:
                    continue
                if statement.parts and statement.value < value and not statement.exhaustive:
                    continue  # the parts named may be the main ones only
                if statement.with_carried and _with_carried(tables, q) == statement.value:
                    continue
                yield self._finding(doc, line.index, statement, value)

    def _finding(self, doc: Document, index: int, statement: Statement, value: int) -> Diagnostic:
        start, end = doc.lines[index].orig_span(statement.start, statement.end)
        q = statement.quantity
        return self.diagnostic(
            start,
            end,
            "sum" if statement.parts else "default",
            data={"text_value": statement.value, "table_value": value},
            parts="+".join(str(p) for p in statement.parts),
            name_zh=q.name_zh,
            name_en=q.name_en,
            table=q.table,
            where=q.where,
            text_value=statement.value,
            table_value=value,
        )


def _with_carried(tables: list[UnifiedTable], q: Quantity) -> int | None:
    """A quantity of row 一 (new applications) with row 二's same cells added: what a figure
    that says it includes the carried-over applications (含上年结转) counts."""
    if not q.cells or any(row != NEW for row, _ in q.cells):
        return None
    new, carried = _table_value(tables, q), _table_value(tables, _carried_over(q))
    return None if new is None or carried is None else new + carried


def _carried_over(q: Quantity) -> Quantity:
    return q._replace(cells=tuple((CARRIED_OVER, column) for _, column in q.cells))


def _context_parts(doc: Document) -> dict[int, str]:
    """For each line inside a part (or sub-part) about applications or about review and
    litigation, that part's key: the innermost heading decides."""
    parts: dict[int, str] = {}
    for section in doc.outline.walk():  # parents before children: the innermost part wins
        key = heading_key(section.heading.title)
        if key in ("application", "review_litigation"):
            for index in range(section.heading.line, section.last_line + 1):
                parts[index] = key
    return parts


_ABSENT_ONE_BY_ONE = 3
"""Absent rows up to this many are reported one by one, more in one finding."""


def _after_gap(table: UnifiedTable, order: list[tuple[str, list[MappedCell]]], row: str) -> Cell:
    """Where an absent row belongs: the first cell of the next row the table has (in the
    format's order), else the table's last cell."""
    expected = list(T3_ROWS if table.table == T3 else T4_GROUPS)
    if row == OTHER:
        expected.insert(expected.index(RESULT_TOTAL), OTHER)
    later = set(expected[expected.index(row) + 1 :]) if row in expected else set()
    for key, cells in order:
        if key in later or key.split("/")[0] in later:
            return cells[0].cell
    return order[-1][1][-1].cell


def _table_value(tables: list[UnifiedTable], q: Quantity) -> int | None:
    """The quantity's value in the tables; None when a cell it needs is absent or not a count."""
    cells: list[MappedCell | None] = []
    if q.group:
        table = tables[0]
        rows = [r for r in table.leaf_rows if r.startswith(q.group + "/") or r == q.group]
        if not rows or table.unmapped:
            return None
        cells = [table.get(r, TOTAL) for r in rows]
    else:
        for row, column in q.cells:
            if q.table == T2 and row == "规范性文件":
                candidates = [
                    t.get(r, column) for t in tables for r in ("行政规范性文件", "规范性文件")
                ]
            else:
                candidates = [t.get(row, column) for t in tables]
            cells.append(next((c for c in candidates if c is not None), None))
    if any(c is None or not c.cell.value.is_count for c in cells):
        return None
    return sum(
        int(c.cell.value.number) for c in cells if c is not None and c.cell.value.number is not None
    )


class BlankCell(Check):
    code = "N005"
    name = "blank-cell"
    severity = Severity.WARNING
    editions = _EDITIONS
    messages: ClassVar[dict[str, Message]] = {
        "default": Message(
            "表{table}“{row}”行“{column}”列未填数字（{shown_zh}），应填写数字（无则填0）",
            "Table {table}, row '{row}', column '{column}' holds no number ({shown_en}); "
            "write a number (0 for none)",
        ),
        "row": Message(
            "表{table}“{row}”行整行未填数字，应逐格填写（无则填0）",
            "Table {table}, row '{row}' has no numbers; fill in every cell (0 for none)",
        ),
        "absent": Message(
            "表{table}缺少统一格式规定的“{row}”行（或该行无法识别），应按格式逐行填写（无则填0）",
            "Table {table} has no row '{row}' of the unified format (or it cannot be read); "
            "give every row of the format (0 for none)",
        ),
        "absent_rows": Message(
            "表{table}缺少统一格式规定的 {count} 行（如“{row}”），或这些行无法识别，"
            "应按格式逐行填写（无则填0）",
            "Table {table} lacks {count} rows of the unified format (such as '{row}'), or they "
            "cannot be read; give every row of the format (0 for none)",
        ),
        "layout": Message(
            "表{table}未按统一格式的行列排列（一行 {count} 个数），其数据无法识别、无法核验，"
            "应使用统一格式的表格",
            "Table {table} does not follow the unified layout (a row of {count} numbers): its "
            "figures cannot be placed or checked; use the format's table",
        ),
        "column": Message(
            "表{table}“{column}”列有 {count} 个单元格未填数字（{rows}），应逐格填写（无则填0）",
            "Table {table}, column '{column}' has {count} "
            "blank cells ({rows}); fill them in (0 for none)",
        ),
    }
    help = Message(
        "统一格式表格的每个数据单元格都应填写数字，没有发生的填0，不要留空或填“/”“-”",
        "Every data cell of the unified tables needs a "
        "number: 0 when nothing happened, never blank, / or -",
    )
    doc = RuleDoc(
        what_zh="统一格式表格中应填数字的单元格为空，或填了“/”“-”“—”“空”“无”等占位符或“若干”等文字。"
        "此类单元格只由本规则报告，不再作为N003的错误数字报告。"
        "整行为空时按行报告一次，同一列有三个及以上空格时按列报告一次，其余逐格报告。"
        "表三、表四缺少统一格式规定的行（或该行无法识别）时逐行报告；表格的行列与统一格式不符、数据无法对应时报告一次。",
        what_en="A data cell of a unified table is blank or holds a placeholder (/, -, —, 空, 无) "
        "or a word (若干) instead of a number. Only this rule reports such a cell, never N003. "
        "A wholly blank row is reported once, a column with three or more blanks once, other "
        "blanks cell by cell. A row of the format that table 三 or 四 lacks (or that cannot be "
        "read) is reported row by row, and a table whose layout is not the format's, so that "
        "none of its numbers can be placed, once.",
        why_zh="空白与0含义不同：留空无法判断是未发生还是漏填，也使表格勾稽关系无法核验（如总计列整列留空）。",
        why_en="A blank is not a 0: it hides whether nothing happened or the figure was left out, "
        "and it leaves the table's identities unverifiable (a blank 总计 column).",
        fires="| 一、本年新收政府信息公开申请数量 | | | / | 0 | 0 | 0 | 0 | 0 | 0 |",
        passes="| 一、本年新收政府信息公开申请数量 | | | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
    )

    def run(self, doc: Document) -> Iterator[Diagnostic]:
        tables = tables_of(doc).tables
        for table in tables:
            yield from self._table(doc, table)
            others = [t for t in tables if t.table == table.table and t is not table]
            yield from self._absent(table, others)

    def _absent(self, table: UnifiedTable, others: list[UnifiedTable]) -> Iterator[Diagnostic]:
        """The format's rows a recognised 表三 or 表四 lacks: left out, or laid out so that
        their numbers cannot be placed (a table of another shape is said once)."""
        absent = absent_rows(table, others)
        if not absent:
            return
        if not table.cells:
            first = table.unmapped[0] if table.unmapped else []
            at = next(
                (c for c in first if not c.is_empty), table.labels[0] if table.labels else None
            )
            if at is None:
                return
            yield self.diagnostic(
                at.start,
                at.end,
                "layout",
                data={"table": table.table, "row": None, "column": None},
                table=table.table,
                count=len([c for c in first if not c.is_empty]),
            )
            return
        order = list(table.cells_by_row().items())
        if len(absent) > _ABSENT_ONE_BY_ONE:  # most of the table: one finding says it
            at = _after_gap(table, order, absent[0])
            yield self.diagnostic(
                at.start,
                at.end,
                "absent_rows",
                data={"table": table.table, "row": None, "column": None},
                table=table.table,
                count=len(absent),
                row=absent[0],
            )
            return
        for row in absent:
            at = _after_gap(table, order, row)
            yield self.diagnostic(
                at.start,
                at.end,
                "absent",
                data={"table": table.table, "row": row, "column": None},
                table=table.table,
                row=row,
            )

    def _table(self, doc: Document, table: UnifiedTable) -> Iterator[Diagnostic]:
        blank_rows: list[list[MappedCell]] = []
        by_column: dict[str, list[MappedCell]] = defaultdict(list)
        for cells in table.cells_by_row().values():
            missing = [c for c in cells if c.missing]
            if len(cells) > 1 and len(missing) == len(cells):
                blank_rows.append(cells)
            else:
                for cell in missing:
                    by_column[cell.column].append(cell)
        for cells in blank_rows:
            first, last = cells[0], cells[-1]
            yield self.diagnostic(
                first.cell.start,
                last.cell.end if last.cell.line == first.cell.line else first.cell.end,
                "row",
                data={"table": table.table, "row": first.row, "column": None},
                table=table.table,
                row=first.row,
            )
        for column, cells in by_column.items():
            if len(cells) >= 3:
                yield self.diagnostic(
                    cells[0].cell.start,
                    cells[0].cell.end,
                    "column",
                    data={"table": table.table, "row": None, "column": column},
                    table=table.table,
                    column=column,
                    count=len(cells),
                    rows="、".join(c.row for c in cells),
                )
                continue
            for cell in cells:
                written = doc.source.text[cell.cell.start : cell.cell.end] if cell.cell.text else ""
                yield self.diagnostic(
                    cell.cell.start,
                    cell.cell.end,
                    data={"table": table.table, "row": cell.row, "column": column},
                    table=table.table,
                    row=cell.row,
                    column=column,
                    shown_zh=f"“{written}”" if written else "空白",
                    shown_en=f"'{written}'" if written else "blank",
                )
