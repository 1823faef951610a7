"""N003 table-identity, N004 text-table-mismatch and N005 blank-cell on tables written here."""

from __future__ import annotations

import pytest

from tests.conftest import codes_of, lint_text
from tests.tables_builders import (
    CARRY,
    DEFAULT_RESULTS,
    GRANTED,
    NEW,
    OLD,
    T3_HEAD,
    TOTAL7,
    flat,
    pipe,
    report,
    table2_spans,
    table3,
    table3_spans,
    table4_spans,
    tabs,
)

FORMS = {
    "pipe": pipe,
    "tabs": tabs,
    "flat": flat,
    "flat-runs": lambda spans: flat(spans, run_numbers=True, header_run=True),
}
YEARS = {"2021": 2023, "2019": 2020}
TABLE_CODES = ("N003", "N004", "N005", "F001")


def _report(form="pipe", edition="2021", t3=None, t2=None, t4=None, overview=None) -> str:
    render = FORMS[form]
    tables = {
        "table2": render(table2_spans(edition, t2)),
        "table3": render(table3_spans(t3 or table3(edition, DEFAULT_RESULTS))),
        "table4": render(table4_spans(t4)),
    }
    if overview is not None:
        tables["overview"] = overview
    return report(**tables, year=YEARS[edition])


def _at(text: str, needle: str, after: str = "") -> tuple[int, int]:
    """(line, column) of the unique ``needle`` (searched after ``after``)."""
    start = text.index(after) if after else 0
    offset = text.index(needle, start)
    assert needle not in text[start:][text[start:].index(needle) + len(needle) :] or after
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _only(findings, code):
    found = [f for f in findings if f.code == code]
    assert len(found) == 1, [(f.code, f.message) for f in findings]
    return found[0]


# ---- clean tables ---------------------------------------------------------------------


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("edition", YEARS)
def test_clean_tables_give_no_table_finding(form: str, edition: str) -> None:
    assert lint_text(_report(form, edition), *TABLE_CODES) == []


def test_2019_single_other_row_counts_in_the_total() -> None:
    results = {**DEFAULT_RESULTS, ("（六）其他处理",): [1, 0, 0, 0, 0, 0]}
    text = _report("flat", "2019", t3=table3("2019", results))
    assert lint_text(text, "N003") == []


# ---- N003 -----------------------------------------------------------------------------


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("edition", YEARS)
def test_row_total_not_the_applicants_sum(form: str, edition: str) -> None:
    t3 = table3(edition, DEFAULT_RESULTS).set((NEW,), 6, "917")
    text = _report(form, edition, t3=t3)
    finding = _only(lint_text(text, "N003"), "N003")
    assert finding.data == {
        "table": "三",
        "row": "一、本年新收政府信息公开申请数量",
        "column": "总计",
        "expected": 22,
        "found": 917,
    }
    assert (finding.line, finding.column) == _at(text, "917")
    assert finding.end_column == finding.column + 3


@pytest.mark.parametrize("form", FORMS)
def test_wrong_result_cell_is_reported_once_on_itself(form: str) -> None:
    row = ("（四）无法提供", "1.本机关不掌握相关政府信息")
    t3 = table3("2021", DEFAULT_RESULTS).set(row, 0, "41")
    text = _report(form, t3=t3)
    finding = _only(lint_text(text, "N003"), "N003")
    assert finding.data["row"] == "（四）无法提供/1.本机关不掌握相关政府信息"
    assert finding.data["column"] == "自然人"
    assert (finding.data["expected"], finding.data["found"]) == (4, 41)
    assert (finding.line, finding.column) == _at(text, "41")


@pytest.mark.parametrize(
    ("row", "column", "was"), [(TOTAL7, 1, "3"), (CARRY, 0, "2"), (OLD, 0, "1")]
)
def test_wrong_cell_in_the_balance_rows(row: str, column: int, was: str) -> None:
    t3 = table3("2021", DEFAULT_RESULTS).set((row,), column, "93")
    text = _report("pipe", t3=t3)
    finding = _only(lint_text(text, "N003"), "N003")
    assert (finding.data["expected"], finding.data["found"]) == (int(was), 93)
    assert (finding.line, finding.column) == _at(text, "93")


@pytest.mark.parametrize("form", ["pipe", "flat"])
@pytest.mark.parametrize("edition", YEARS)
def test_balance_broken_with_consistent_rows(form: str, edition: str) -> None:
    t3 = table3(edition, DEFAULT_RESULTS).set((NEW,), 0, "23").set((NEW,), 6, "27")
    text = _report(form, edition, t3=t3)
    findings = lint_text(text, "N003")
    assert [(f.data["row"], f.data["column"]) for f in findings] == [
        ("四、结转下年度继续办理", "自然人"),
        ("四、结转下年度继续办理", "总计"),
    ]
    assert findings[0].data["expected"] == 7 and findings[0].data["found"] == 2
    assert "一 + 二 = 三（七）+ 四" in findings[0].message
    assert (findings[0].line, findings[0].column) == _at(text, "2", after=CARRY)


@pytest.mark.parametrize("form", ["pipe", "flat"])
@pytest.mark.parametrize("edition", YEARS)
def test_balance_holds_when_new_and_carried_forward_grow_together(form: str, edition: str) -> None:
    # Five more new applications, all still open at the end of the year: 一 + 二 = 三（七）+ 四.
    t3 = table3(edition, DEFAULT_RESULTS, carried_forward=[7, 0, 0, 0, 0, 0])
    assert t3.values[(NEW,)][0] == "23" and t3.values[(CARRY,)][6] == "7"
    assert lint_text(_report(form, edition, t3=t3), "N003") == []


@pytest.mark.parametrize("form", ["pipe", "flat"])
def test_result_total_not_the_sum_of_results(form: str) -> None:
    t3 = table3("2021", DEFAULT_RESULTS).set((TOTAL7,), 0, "19").set((TOTAL7,), 6, "23")
    text = _report(form, t3=t3)
    findings = lint_text(text, "N003")
    results = [f for f in findings if "各项办理结果之和" in f.message]
    assert [(f.data["row"], f.data["column"], f.data["expected"]) for f in results] == [
        ("（七）总计", "自然人", 17),
        ("（七）总计", "总计", 21),
    ]
    assert (results[0].line, results[0].column) == _at(text, "19", after="（七）总计")


@pytest.mark.parametrize("form", ["pipe", "flat"])
def test_result_total_over_every_result_row(form: str) -> None:
    # A count in every result row, each group's last leaf included: （七）总计 adds them all.
    rows = table3("2021").result_rows()
    results = {row: [1 + i % 3, i % 2, 0, 0, 1, 0] for i, row in enumerate(rows)}
    t3 = table3("2021", results)
    assert t3.values[(TOTAL7,)][6] == str(sum(sum(counts) for counts in results.values()))
    assert lint_text(_report(form, t3=t3), "N003") == []


def test_2019_single_other_row_wrong_cell() -> None:
    results = {**DEFAULT_RESULTS, ("（六）其他处理",): [1, 0, 0, 0, 0, 0]}
    t3 = table3("2019", results).set(("（六）其他处理",), 2, "36")
    text = _report("tabs", "2019", t3=t3)
    finding = _only(lint_text(text, "N003"), "N003")
    assert (finding.data["row"], finding.data["column"]) == ("（六）其他处理", "科研机构")


def test_group_subtotal_row_a_report_adds() -> None:
    rows = [
        T3_HEAD,
        "| （三）不予公开 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |",
        "| 1.属于国家秘密 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
        "| 4.保护第三方合法权益 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
    ]
    text = report(table3="\n".join(rows))
    findings = [f for f in lint_text(text, "N003") if f.data["row"] == "（三）不予公开"]
    assert [(f.data["column"], f.data["expected"], f.data["found"]) for f in findings] == [
        ("自然人", 2, 3),
        ("总计", 2, 3),
    ]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("edition", YEARS)
def test_table4_group_total(form: str, edition: str) -> None:
    values = ["1", "0", "0", "1", "9", "0", "0", "0", "1", "1", "0", "0", "0", "0", "0"]
    text = _report(form, edition, t4=values)
    finding = _only(lint_text(text, "N003"), "N003")
    assert finding.data == {
        "table": "四",
        "row": "行政复议",
        "column": "总计",
        "expected": 2,
        "found": 9,
    }
    assert (finding.line, finding.column) == _at(text, "9", after="复议后起诉")


@pytest.mark.parametrize("form", ["pipe", "tabs", "flat"])
@pytest.mark.parametrize("edition", YEARS)
def test_table4_litigation_after_review_total(form: str, edition: str) -> None:
    values = ["1", "0", "0", "1", "2", "0", "0", "0", "1", "1", "0", "1", "1", "0", "5"]
    text = _report(form, edition, t4=values)
    finding = _only(lint_text(text, "N003"), "N003")
    assert finding.data == {
        "table": "四",
        "row": "行政诉讼/复议后起诉",
        "column": "总计",
        "expected": 2,
        "found": 5,
    }
    assert (finding.line, finding.column) == _at(text, "5", after="复议后起诉")


@pytest.mark.parametrize("form", ["pipe", "tabs", "flat"])
@pytest.mark.parametrize("edition", YEARS)
def test_table4_groups_that_add_up(form: str, edition: str) -> None:
    # Every group non-zero and each total = 维持 + 纠正 + 其他 + 尚未审结.
    values = ["2", "1", "0", "1", "4", "1", "0", "0", "0", "1", "0", "1", "1", "1", "3"]
    assert lint_text(_report(form, edition, t4=values), "N003") == []


@pytest.mark.parametrize("form", ["pipe", "flat"])
@pytest.mark.parametrize(
    ("text", "expected"), [("-1", "non-negative integer"), ("1.5", "non-negative integer")]
)
def test_negative_or_fractional_count(text: str, expected: str, form: str) -> None:
    t3 = table3("2021", DEFAULT_RESULTS).set(("（五）不予处理", "2.重复申请"), 3, text)
    report_text = _report(form, t3=t3)
    findings = [f for f in lint_text(report_text, "N003") if f.data["expected"] == expected]
    assert len(findings) == 1
    assert findings[0].data["found"] == text
    assert (findings[0].line, findings[0].column) == _at(report_text, text, after="2.重复申请")


REFUSED = ("（五）不予处理", "2.重复申请")
"""A result row of DEFAULT_RESULTS: 自然人 1, the other applicants 0, 总计 1."""


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("written", ["−1", "‐1", "–1", "—1", "－1", "﹣2"])
@pytest.mark.parametrize("column", [0, 3])
def test_a_negative_count_with_any_dash_or_minus_sign(form: str, written: str, column: int) -> None:
    # A minus sign, a hyphen, an en or em dash before a number: a negative count (N003), not a
    # placeholder, and the cell's row still maps (no identity is silently dropped).
    text = _report(form, t3=table3("2021", DEFAULT_RESULTS).set(REFUSED, column, written))
    finding = _only(lint_text(text, "N003", "N005"), "N003")
    assert finding.data["row"] == "/".join(REFUSED)
    assert finding.data["expected"] == "non-negative integer"
    assert finding.data["found"] == written
    assert (finding.line, finding.column) == _at(text, written, after="2.重复申请")
    assert finding.end_column == finding.column + len(written)


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("written", ["−", "‐", "－", "x", "无", "/", "—", "空", "若干", "不详"])
@pytest.mark.parametrize(("column", "name"), [(0, "自然人"), (3, "社会公益组织"), (6, "总计")])
def test_a_placeholder_or_word_for_a_count_is_one_blank_cell(
    form: str, written: str, column: int, name: str
) -> None:
    # Column 0 should say 1 and 总计 1: the identities around the cell cannot tell what it
    # stands for, so N005 reports it once and N003 says nothing (here or on another cell).
    text = _report(form, t3=table3("2021", DEFAULT_RESULTS).set(REFUSED, column, written))
    finding = _only(lint_text(text, "N003", "N005"), "N005")
    assert finding.data == {"table": "三", "row": "/".join(REFUSED), "column": name}
    assert (finding.line, finding.column) == _at(text, written, after="2.重复申请")
    assert finding.end_column == finding.column + len(written)
    assert f"“{written}”" in finding.message


def test_a_word_in_table4_is_one_blank_cell() -> None:
    t4 = ["1", "0", "0", "若干", "2", "0", "0", "0", "1", "1", "0", "0", "0", "0", "0"]
    text = _report("pipe", t4=t4)
    finding = _only(lint_text(text, "N003", "N005"), "N005")
    assert finding.data == {"table": "四", "row": "行政复议", "column": "尚未审结"}
    assert (finding.line, finding.column) == _at(text, "若干")


def test_a_blank_does_not_hide_a_wrong_number_beside_it() -> None:
    # 5 where 1 belongs: the known cells already exceed the row's 总计 and the column's
    # （七）总计, whatever the placeholder beside it stands for.
    t3 = table3("2021", DEFAULT_RESULTS).set(REFUSED, 0, "5").set(REFUSED, 1, "/")
    text = _report("pipe", t3=t3)
    findings = lint_text(text, "N003", "N005")
    assert [(f.code, f.data["column"]) for f in findings] == [
        ("N003", "自然人"),
        ("N005", "商业企业"),
    ]
    assert (findings[0].data["expected"], findings[0].data["found"]) == (1, 5)
    assert (findings[0].line, findings[0].column) == _at(text, "5", after="2.重复申请")


@pytest.mark.parametrize("form", ["pipe", "tabs", "flat"])
def test_a_change_written_with_a_minus_sign_or_dash_is_a_number(form: str) -> None:
    # 本年增/减 may be negative however the minus is written; a word after a label that is
    # no row (a header cell of a column the format lacks) is no value.
    t2 = {"行政处罚": ["40", "−3", "58"], "行政许可": ["35", "–2", "1326"]}
    text = _report(form, "2019", t2=t2)
    assert lint_text(text, "N003", "N005") == []


def test_a_change_may_be_negative_and_an_amount_fractional() -> None:
    text = _report("pipe", "2019", t2={"行政处罚": ["40", "-3", "58"]})
    assert lint_text(text, "N003") == []


@pytest.mark.parametrize("form", ["pipe", "flat"])
def test_fee_amount_may_be_fractional_and_counts_large(form: str) -> None:
    # 万元 amounts have decimals; large whole counts are counts.
    results = {**DEFAULT_RESULTS, (GRANTED,): [1250, 36, 4, 0, 7, 0]}
    t2 = {"行政事业性收费": ["0.75"], "行政许可": ["10386"]}
    text = _report(form, t2=t2, t3=table3("2021", results))
    assert "0.75" in text and "1297" in text
    assert lint_text(text, "N003") == []


def test_traditional_characters_and_full_width_digits() -> None:
    rows = "\n".join(
        [
            "| 行政復議 | | | | | 行政訴訟 |",
            "| 結果維持 | 結果糾正 | 其他結果 | 尚未審結 | 總計 | 未經復議直接起訴 | 復議後起訴 |",
            "| １ | ０ | ０ | ０ | ３ | ０ | ０ | ０ | ０ | ０ | ０ | ０ | ０ | ０ | ０ |",
        ]
    )
    text = report(table4=rows)
    finding = _only(lint_text(text, "N003"), "N003")
    assert finding.data["expected"] == 1 and finding.data["found"] == 3
    assert (finding.line, finding.column) == _at(text, "３")


def test_2007_edition_tables_are_not_checked() -> None:
    t3 = table3("2021", DEFAULT_RESULTS).set((NEW,), 6, "917")
    text = report(table3=pipe(table3_spans(t3)), year=2017)
    assert lint_text(text, *TABLE_CODES) == []


# ---- N004 -----------------------------------------------------------------------------


def _n004(overview: str, form: str = "pipe"):
    text = _report(form, overview=overview)
    return text, lint_text(text, "N004")


def test_received_applications_disagree_with_the_table() -> None:
    text, findings = _n004("全年共收到政府信息公开申请30件，均已按时答复。")
    finding = _only(findings, "N004")
    assert finding.data == {"text_value": 30, "table_value": 22}
    assert (finding.line, finding.column) == _at(text, "30件")
    assert finding.end_column == finding.column + 2


@pytest.mark.parametrize(
    "overview",
    [
        "全年共收到政府信息公开申请22件，均已按时答复。",
        "全年共收到政府信息公开申请23件（含上年结转1件）。",
        "全市各部门共收到政府信息公开申请300件。",
        "其中通过网络收到申请15件。",
        "2022年收到政府信息公开申请30件。",
        "较上年收到申请8件有所增加。",
        "予以公开12件，部分公开2件，不予公开1件，无法提供5件，不予处理1件。",
        "因政府信息公开工作被申请行政复议2件，被提起行政诉讼1件。",
        "未发生政府信息公开行政复议被纠错的情况。",
        "全年收到行政许可申请300件。",
        "全年办结行政许可事项1200件，主动公开许可结果。",
        "全年办理行政复议案件120件。",
        "上年结转项目3个。",
    ],
)
def test_text_that_agrees_or_means_something_else(overview: str) -> None:
    assert _n004(overview)[1] == []


@pytest.mark.parametrize(
    ("overview", "needle", "text_value", "table_value"),
    [
        ("予以公开15件。", "15件", 15, 12),
        ("予以公开和部分公开共16件。", "16件", 16, 14),
        ("不予公开3件。", "3件", 3, 1),
        ("共办结政府信息公开申请20件。", "20件", 20, 21),
        ("政府信息公开申请结转下年度继续办理5件。", "5件", 5, 2),
        ("因政府信息公开被申请行政复议3件。", "3件", 3, 2),
        ("因政府信息公开工作被提起行政诉讼2件。", "2件", 2, 1),
        ("全年未收到政府信息公开申请。", "未收到政府信息公开申请", 0, 22),
        ("本年度未发生政府信息公开行政复议案件。", "未发生政府信息公开行政复议", 0, 2),
        ("全年共收到政府信息公开申请３０件。", "３０", 30, 22),
        ("本年度制发行政规范性文件6件。", "6件", 6, 4),
    ],
)
def test_text_numbers_against_each_quantity(
    overview: str, needle: str, text_value: int, table_value: int
) -> None:
    text, findings = _n004(overview)
    finding = _only(findings, "N004")
    assert finding.data == {"text_value": text_value, "table_value": table_value}
    assert (finding.line, finding.column) == _at(text, needle, after="一、总体情况")


def test_traditional_text_against_a_flattened_table() -> None:
    _, findings = _n004("全年共收到政府信息公開申請30件。", form="flat-runs")
    assert _only(findings, "N004").data == {"text_value": 30, "table_value": 22}


def test_the_part_a_sentence_is_in_tells_what_it_counts() -> None:
    text = (
        _report("pipe")
        .replace("本年度未收取信息处理费。", "本年度未收取信息处理费。\n")
        .replace(
            "五、存在的主要问题及改进情况",
            "本年度被申请行政复议3件。\n五、存在的主要问题及改进情况",
        )
    )
    finding = _only(lint_text(text, "N004"), "N004")
    assert finding.data == {"text_value": 3, "table_value": 2}
    assert (finding.line, finding.column) == _at(text, "3件。")


def test_two_tables_three_make_the_text_ambiguous() -> None:
    body = pipe(table3_spans(table3("2021", DEFAULT_RESULTS)))
    text = report(table3=body + "\n\n" + body, overview="全年共收到政府信息公开申请30件。")
    assert lint_text(text, "N004") == []


OTHER_2019 = {**DEFAULT_RESULTS, ("（六）其他处理",): [1, 0, 0, 0, 0, 0]}
"""2019 results with the 试行 format's single （六）其他处理 row: 新收 23, 办结 22."""


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(
    ("overview", "needle", "text_value", "table_value"),
    [
        ("全年共收到政府信息公开申请30件，均已按时答复。", "30件", 30, 23),
        ("共办结政府信息公开申请20件。", "20件", 20, 22),
        ("其他处理3件。", "3件", 3, 1),
        ("政府信息公开申请结转下年度继续办理5件。", "5件", 5, 2),
        ("因政府信息公开被申请行政复议3件。", "3件", 3, 2),
    ],
)
def test_2019_text_numbers_against_the_trial_tables(
    overview: str, needle: str, text_value: int, table_value: int, form: str
) -> None:
    text = _report(form, "2019", t3=table3("2019", OTHER_2019), overview=overview)
    finding = _only(lint_text(text, "N004"), "N004")
    assert finding.data == {"text_value": text_value, "table_value": table_value}
    assert (finding.line, finding.column) == _at(text, needle, after="一、总体情况")


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(
    "overview",
    [
        "全年共收到政府信息公开申请23件，均已按时答复。",
        "共办结政府信息公开申请22件。",
        "其他处理1件。",
        "政府信息公开申请结转下年度继续办理2件。",
        "因政府信息公开被申请行政复议2件。",
    ],
)
def test_2019_text_that_agrees_with_the_trial_tables(overview: str, form: str) -> None:
    text = _report(form, "2019", t3=table3("2019", OTHER_2019), overview=overview)
    assert lint_text(text, "N004") == []


T2_2019 = {"规范性文件": ["4", "3", "27"]}
"""A 2019 表二 whose 规范性文件 row tells its columns apart: made 4, published 3, 27 in all."""


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(
    ("overview", "needle", "text_value", "table_value"),
    [
        ("本年度新制作规范性文件6件。", "6件", 6, 4),
        ("本年新公开规范性文件5件。", "5件", 5, 3),
        ("对外公开规范性文件总数30件。", "30件", 30, 27),
    ],
)
def test_2019_text_numbers_against_the_trial_table2(
    overview: str, needle: str, text_value: int, table_value: int, form: str
) -> None:
    text = _report(form, "2019", t2=T2_2019, overview=overview)
    finding = _only(lint_text(text, "N004"), "N004")
    assert finding.data == {"text_value": text_value, "table_value": table_value}
    assert (finding.line, finding.column) == _at(text, needle, after="一、总体情况")


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(
    ("edition", "overview"),
    [
        ("2019", "本年度新制作规范性文件4件，新公开规范性文件3件。"),
        ("2019", "对外公开规范性文件总数27件。"),
        ("2019", "本年对外公开规范性文件3件。"),  # this year's, not the 总数量
        ("2019", "本年度制发规范性文件5件。"),  # 2021 wording: the 试行 table has no 制发 column
        ("2021", "本年度新制作规范性文件6件。"),  # 2019 wording: the 2021 table has no such column
        ("2021", "本年度制发行政规范性文件4件，现行有效行政规范性文件27件。"),
    ],
)
def test_table2_text_that_agrees_or_reads_another_layout(
    edition: str, overview: str, form: str
) -> None:
    t2 = T2_2019 if edition == "2019" else None
    assert lint_text(_report(form, edition, t2=t2, overview=overview), "N004") == []


# ---- N005 -----------------------------------------------------------------------------


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("placeholder", ["/", "—", "空"])
@pytest.mark.parametrize("edition", YEARS)
def test_placeholder_cell(form: str, placeholder: str, edition: str) -> None:
    t3 = table3(edition, DEFAULT_RESULTS).set((GRANTED,), 2, placeholder)
    text = _report(form, edition, t3=t3)
    finding = _only(lint_text(text, "N005"), "N005")
    assert finding.data == {"table": "三", "row": "（一）予以公开", "column": "科研机构"}
    assert finding.severity.value == "warning"
    assert (finding.line, finding.column) == _at(text, placeholder, after="（一）予以公开")


def test_empty_pipe_cell_points_at_the_gap() -> None:
    t3 = table3("2021", DEFAULT_RESULTS).set((OLD,), 1, "")
    text = _report("pipe", t3=t3)
    finding = _only(lint_text(text, "N005"), "N005")
    assert finding.data["column"] == "商业企业"
    line = text.split("\n")[finding.line - 1]
    assert line.startswith("| 二、上年结转")
    assert line[finding.column - 1 : finding.end_column - 1].strip() == ""
    assert line[: finding.column - 1].count("|") == 5


def test_whole_blank_row_is_one_finding() -> None:
    t3 = table3("2021", DEFAULT_RESULTS)
    for column in range(7):
        t3.set(("（三）不予公开", "1.属于国家秘密"), column, "/")
    findings = lint_text(_report("pipe", t3=t3), "N005")
    assert [f.data for f in findings] == [
        {"table": "三", "row": "（三）不予公开/1.属于国家秘密", "column": None}
    ]


def test_blank_total_column_is_one_finding_and_no_identity() -> None:
    t3 = table3("2021", DEFAULT_RESULTS)
    for row in t3.result_rows():
        t3.set(row, 6, "")
    text = _report("pipe", t3=t3)
    findings = lint_text(text, "N005", "N003")
    assert codes_of(findings) == ["N005"]
    assert findings[0].data == {"table": "三", "row": None, "column": "总计"}
    assert "21" in findings[0].message


def test_blank_in_table2_and_table4() -> None:
    t4 = ["1", "0", "0", "1", "2", "0", "0", "0", "1", "1", "0", "0", "-", "0", "0"]
    text = _report("flat", t2={"行政强制": ["空"]}, t4=t4)
    findings = lint_text(text, "N005")
    assert [f.data for f in findings] == [
        {"table": "二", "row": "行政强制", "column": "本年处理决定数量"},
        {"table": "四", "row": "行政诉讼/复议后起诉", "column": "其他结果"},
    ]


@pytest.mark.parametrize("form", ["pipe", "tabs", "flat"])  # a run of numbers loses a blank
def test_blank_in_the_2019_table2(form: str) -> None:
    t2 = {"规范性文件": ["4", "/", "27"], "行政许可": ["35", "", "1326"]}
    text = _report(form, "2019", t2=t2)
    findings = lint_text(text, "N005")
    assert [f.data for f in findings] == [
        {"table": "二", "row": "规范性文件", "column": "本年新公开数量"},
        {"table": "二", "row": "行政许可", "column": "本年增/减"},
    ]
    assert (findings[0].line, findings[0].column) == _at(text, "/", after="规范性文件")


@pytest.mark.parametrize("form", FORMS)
def test_2019_merged_cells_and_zero_counts_are_not_blank(form: str) -> None:
    # The 试行 表二 merges the last two cells of 行政事业性收费 and 政府集中采购 (a covered
    # position is empty in pipe and tab form); a year without applications writes 0s.
    t3 = table3("2019", {}, carried_over=[0] * 6, carried_forward=[0] * 6)
    text = _report(form, "2019", t3=t3)
    assert t3.values[(TOTAL7,)] == ["0"] * 7
    assert lint_text(text, "N005", "N003") == []
