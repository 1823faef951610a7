"""F001 outdated-format: a 2019/2021-edition report without the format's tables, or with another
edition's.

The edition follows from the report year (rules.md). The 2019 试行 format (国办公开办函〔2019〕
60号) and the 2021 format (〔2021〕30号) share 表四 but differ in 表二 (本年新制作数量, 政府集中
采购 … against 本年制发件数, 本年收费金额 …) and in 表三's （六）其他处理 (one row in 2019,
three items in 2021). A report that gives its statistics in prose instead of the tables, even
one with nothing to report, does not follow the format either.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from ..check import Check, Message, RuleDoc
from ..diagnostic import Diagnostic, Severity
from ..document import Document
from ..sectionkeys import heading_key
from ..tables import tables_of
from ..tables.layout import T2, T3, T4, TABLE_NAMES, TABLES

FORMATS = {
    "2019": (
        "国办公开办函〔2019〕60号（试行）",
        "the 2019 trial format (国办公开办函〔2019〕60号)",
    ),
    "2021": ("国办公开办函〔2021〕30号", "the 2021 format (国办公开办函〔2021〕30号)"),
}
_HOME = {T2: "active", T3: "application", T4: "review_litigation"}


class OutdatedFormat(Check):
    code = "F001"
    name = "outdated-format"
    severity = Severity.ERROR
    editions = ("2019", "2021")
    messages: ClassVar[dict[str, Message]] = {
        "none": Message(
            "未见{format_zh}规定的统计表格（表二、表三、表四），不能以文字叙述代替",
            "None of the tables of {format_en} (二, 三, 四) is present; "
            "prose does not replace them",
        ),
        "missing": Message(
            "缺少{format_zh}规定的表{table}“{table_zh}”",
            "Table {table} ({table_en}) of {format_en} is missing",
        ),
        "other": Message(
            "表{table}使用了{found_zh}的表格样式（“{label}”），{year}年度报告应使用{format_zh}",
            "Table {table} follows {found_en} ('{label}'); a {year} report must use {format_en}",
        ),
    }
    help = Message(
        "按年度报告格式的附件表格填报，表格样式以报告年度适用的格式为准",
        "Fill in the tables of the format that applies to the report's year",
    )
    doc = RuleDoc(
        what_zh="2019、2021年版年度报告缺少统一格式的表格（或以文字代替），或使用了另一版格式的表格，"
        "如2021年以后的报告仍用试行格式的“本年新制作数量”列、“政府集中采购”行或单行的“（六）其他处理”。",
        what_en="A 2019/2021-edition report lacks the format's "
        "tables (or replaces them with prose), "
        "or uses another edition's tables, e.g. the trial format's "
        "本年新制作数量 column, 政府集中采购 "
        "row or single-row （六）其他处理 in a 2021+ report.",
        why_zh="《政府信息公开条例》第五十条要求使用全国统一格式；国办公开办函〔2021〕30号修订了"
        "〔2019〕60号的试行格式，自2021年度报告起适用。",
        why_en="Art. 50 of the regulation requires the national unified format; "
        "国办公开办函〔2021〕30号 revised the 2019 trial format from the 2021 reports on.",
        fires="2022年度报告表二表头：信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量",
        passes="2022年度报告表二表头：信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数",
    )

    def run(self, doc: Document) -> Iterator[Diagnostic]:
        expected = doc.facts.edition or "2021"
        fmt = {"format_zh": FORMATS[expected][0], "format_en": FORMATS[expected][1]}
        tables = tables_of(doc).tables
        present = {t.table for t in tables}
        if not present:
            start, end = self._home(doc, T2)
            yield self.diagnostic(
                start, end, "none", data={"expected_edition": expected, "found": "none"}, **fmt
            )
            return
        for table in TABLES:
            if table not in present:
                start, end = self._home(doc, table)
                zh, en = TABLE_NAMES[table]
                yield self.diagnostic(
                    start,
                    end,
                    "missing",
                    data={"expected_edition": expected, "found": "incomplete"},
                    table=table,
                    table_zh=zh,
                    table_en=en,
                    **fmt,
                )
        for table in tables:
            for edition, cell in table.evidence.items():
                if edition == expected:
                    continue
                yield self.diagnostic(
                    cell.start,
                    cell.end,
                    "other",
                    data={"expected_edition": expected, "found": edition},
                    table=table.table,
                    label=doc.source.text[cell.start : cell.end],
                    found_zh=FORMATS[edition][0],
                    found_en=FORMATS[edition][1],
                    year=doc.facts.year or "",
                    **fmt,
                )

    @staticmethod
    def _home(doc: Document, table: str) -> tuple[int, int]:
        """The heading of the part a table belongs in, else the start of the report."""
        for section in doc.outline.sections:
            if heading_key(section.heading.title) == _HOME[table]:
                return section.heading.start, section.heading.title_end
        return 0, 0
