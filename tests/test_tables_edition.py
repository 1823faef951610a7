"""F001 outdated-format: the format's tables missing, or another edition's tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import codes_of, lint_text
from tests.tables_builders import (
    DEFAULT_RESULTS,
    flat,
    pipe,
    report,
    table2_spans,
    table3,
    table3_spans,
    table4_spans,
    tabs,
)

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _at(text: str, needle: str) -> tuple[int, int]:
    offset = text.index(needle)
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _full(render, edition: str, year: int, t2_edition: str | None = None) -> str:
    return report(
        render(table2_spans(t2_edition or edition)),
        render(table3_spans(table3(edition, DEFAULT_RESULTS))),
        render(table4_spans()),
        year=year,
    )


@pytest.mark.parametrize("render", [pipe, tabs, flat])
@pytest.mark.parametrize(("edition", "year"), [("2021", 2023), ("2019", 2020)])
def test_the_editions_own_tables_pass(render, edition: str, year: int) -> None:
    assert lint_text(_full(render, edition, year), "F001") == []


@pytest.mark.parametrize("render", [pipe, tabs, flat])
def test_trial_format_columns_in_a_2021_report(render) -> None:
    text = _full(render, "2021", 2023, t2_edition="2019")
    findings = lint_text(text, "F001")
    assert [f.data for f in findings] == [{"expected_edition": "2021", "found": "2019"}]
    assert (findings[0].line, findings[0].column) == _at(text, "本年新制作数量")
    assert "本年新制作数量" in findings[0].message


@pytest.mark.parametrize("render", [pipe, tabs])
def test_single_other_row_of_2019_in_a_2021_report(render) -> None:
    text = report(
        render(table2_spans("2021")),
        render(table3_spans(table3("2019", DEFAULT_RESULTS))),
        render(table4_spans()),
        year=2022,
    )
    finding = lint_text(text, "F001")[0]
    assert finding.data == {"expected_edition": "2021", "found": "2019"}
    assert (finding.line, finding.column) == _at(text, "（六）其他处理")


def test_central_purchasing_row_in_a_2021_table() -> None:
    table2 = pipe(table2_spans("2021")) + "\n| 政府集中采购 | 15 | | |"
    text = report(table2, pipe(table3_spans(table3("2021"))), pipe(table4_spans()))
    finding = lint_text(text, "F001")[0]
    assert finding.data["found"] == "2019"
    assert (finding.line, finding.column) == _at(text, "政府集中采购")


@pytest.mark.parametrize("render", [tabs, flat])
def test_2021_tables_in_a_2019_report(render) -> None:
    text = _full(render, "2021", 2020)
    findings = lint_text(text, "F001")
    assert {(f.data["expected_edition"], f.data["found"]) for f in findings} == {("2019", "2021")}
    assert len(findings) == 2  # 表二 and 表三 each show the 2021 layout


def test_prose_instead_of_tables() -> None:
    prose = "本年度未收到政府信息公开申请，未发生政府信息公开行政复议、行政诉讼案件。"
    text = report(table2="本年度主动公开政府信息86条。", table3=prose, table4="无。")
    findings = lint_text(text, "F001")
    assert [f.data for f in findings] == [{"expected_edition": "2021", "found": "none"}]
    assert (findings[0].line, findings[0].column) == _at(text, "二、主动公开政府信息情况")


def test_one_table_missing() -> None:
    text = report(pipe(table2_spans("2021")), pipe(table3_spans(table3("2021"))), "无。")
    findings = lint_text(text, "F001")
    assert [f.data for f in findings] == [{"expected_edition": "2021", "found": "incomplete"}]
    assert "表四" in findings[0].message
    assert (findings[0].line, findings[0].column) == _at(text, "四、政府信息公开行政复议")


def test_2007_reports_need_no_unified_tables() -> None:
    assert lint_text(report(year=2017), "F001") == []


def test_pinned_edition_decides() -> None:
    text = _full(pipe, "2021", 2023)
    findings = lint_text(text, "F001", edition="2019")
    assert {f.data["found"] for f in findings} == {"2021"}


def test_clean_example_has_no_finding_at_all() -> None:
    text = (EXAMPLES / "clean-2021.txt").read_text(encoding="utf-8")
    assert lint_text(text) == []


def test_broken_example_has_each_table_finding() -> None:
    text = (EXAMPLES / "broken-2021.txt").read_text(encoding="utf-8")
    assert set(codes_of(lint_text(text))) >= {"N003", "N004", "N005", "F001"}
