"""Tables that leave the format's layout: subtotal rows and columns a report adds, labels
broken over lines, rows left out, and a table of another shape (N003, N005)."""

from __future__ import annotations

import pytest

from tests.conftest import lint_text
from tests.tables_builders import (
    DEFAULT_RESULTS,
    report,
    table2_spans,
    table3,
    table3_spans,
    table4_spans,
    with_org_subtotal,
)
from tests.test_tables_checks import FORMS, TABLE_CODES, _at, _only, _report
from xxgk_lint.document import Document
from xxgk_lint.source import decode
from xxgk_lint.tables import Cell, Grid, recognise, tables_of

UNABLE = "（四）无法提供"
UNABLE_1 = "1.本机关不掌握相关政府信息"
PARTIAL_LABEL = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"


def _with_tables(table3_text: str, form: str = "pipe", t4: str | None = None) -> str:
    render = FORMS[form]
    return report(
        render(table2_spans("2021")),
        table3_text,
        t4 if t4 is not None else render(table4_spans()),
    )


def _t3(form: str = "pipe", spans=None) -> str:
    return FORMS[form](spans or table3_spans(table3("2021", DEFAULT_RESULTS)))


# ---- group subtotal rows (domain research §3.3 point 4) ------------------------------------


def _with_subtotal_row(form: str, values: list[str]) -> str:
    """表三 with a （四）无法提供 小计 row before the group's leaves."""
    body = _t3(form)
    if form == "pipe":
        row = f"|  | {UNABLE} | 小计 | " + " | ".join(values) + " |"
    else:
        row = "\t".join(["", UNABLE, "小计", *values])
    lines = body.split("\n")
    at = next(i for i, line in enumerate(lines) if UNABLE_1 in line)
    return "\n".join([*lines[:at], row, *lines[at:]])


@pytest.mark.parametrize("form", ["pipe", "tabs"])
def test_a_subtotal_row_that_adds_up(form: str) -> None:
    body = _with_subtotal_row(form, ["4", "1", "0", "0", "0", "0", "5"])
    text = _with_tables(body, form).replace(
        "依法依规做好政府信息公开工作。", "全年无法提供5件，予以公开12件。"
    )
    assert lint_text(text, "N003", "N004") == []


@pytest.mark.parametrize("form", ["pipe", "tabs"])
def test_a_subtotal_row_that_does_not_add_up(form: str) -> None:
    text = _with_tables(_with_subtotal_row(form, ["5", "1", "0", "0", "0", "0", "6"]), form)
    findings = lint_text(text, "N003")
    assert [
        (f.data["row"], f.data["column"], f.data["expected"], f.data["found"]) for f in findings
    ] == [
        (UNABLE, "自然人", 4, 5),
        (UNABLE, "总计", 5, 6),
    ]
    assert findings[0].line == _at(text, "小计")[0]


# ---- a 法人或其他组织 小计 column ----------------------------------------------------------


@pytest.mark.parametrize("form", FORMS)
def test_a_subtotal_column_is_read(form: str) -> None:
    spans = with_org_subtotal(table3_spans(table3("2021", DEFAULT_RESULTS)))
    assert lint_text(_with_tables(_t3(form, spans), form), *TABLE_CODES) == []


@pytest.mark.parametrize("form", FORMS)
def test_a_subtotal_column_that_does_not_add_up(form: str) -> None:
    spans = with_org_subtotal(table3_spans(table3("2021", DEFAULT_RESULTS)), wrong={0: "5"})
    finding = _only(lint_text(_with_tables(_t3(form, spans), form), *TABLE_CODES), "N003")
    assert finding.data == {
        "table": "三",
        "row": "一、本年新收政府信息公开申请数量",
        "column": "小计",
        "expected": 4,
        "found": 5,
    }


@pytest.mark.parametrize("form", ["pipe", "tabs"])
def test_a_wrong_total_beside_a_subtotal_column(form: str) -> None:
    t3 = table3("2021", DEFAULT_RESULTS).set(("一、本年新收政府信息公开申请数量",), 6, "23")
    spans = with_org_subtotal(table3_spans(t3))
    finding = _only(lint_text(_with_tables(_t3(form, spans), form), *TABLE_CODES), "N003")
    assert (finding.data["column"], finding.data["expected"], finding.data["found"]) == (
        "总计",
        22,
        23,
    )


# ---- labels broken over lines ----------------------------------------------------------


def _broken_label(form: str, partial: list[str] | None = None) -> str:
    t3 = table3("2021", DEFAULT_RESULTS)
    if partial:
        for column, value in enumerate(partial):
            t3.set(("（二）部分公开（区分处理的，只计这一情形，不计其他情形）",), column, value)
    body = _t3(form, table3_spans(t3))
    if form == "tabs":  # a cell with a line break, copied from Word
        return body.replace("（二）部分公开（区分", "（二）部分公开\n（区分")
    return body.replace("只计这一情形，不计", "只计这一情形，\n不计")  # a web page's wrapped cell


@pytest.mark.parametrize("form", ["tabs", "flat"])
def test_a_label_broken_over_lines_keeps_its_row(form: str) -> None:
    text = _with_tables(_broken_label(form), form)
    assert lint_text(text, *TABLE_CODES) == []
    t3 = tables_of(Document(decode(text.encode("utf-8"), "t.txt"))).of("三")[0]
    assert not t3.unmapped
    assert t3.get("（二）部分公开", "总计").cell.text == "2"


@pytest.mark.parametrize("form", ["tabs", "flat"])
def test_a_wrong_cell_in_a_row_with_a_broken_label(form: str) -> None:
    text = _with_tables(_broken_label(form, ["3", "0", "0", "0", "0", "0", "2"]), form)
    finding = _only(lint_text(text, *TABLE_CODES), "N003")
    assert (finding.data["row"], finding.data["column"]) == ("（二）部分公开", "自然人")
    assert (finding.data["expected"], finding.data["found"]) == (2, 3)


def test_a_leaf_label_broken_over_lines_in_tab_form() -> None:
    body = _t3("tabs").replace(
        "行政机关不再处理其政府信息公开申请\t0", "行政机关不再\n处理其政府信息公开申请\t0"
    )
    text = _with_tables(body, "tabs")
    assert lint_text(text, *TABLE_CODES) == []


def _grid(*rows: list[str]) -> Grid:
    return Grid.from_rows([[Cell(text, 0, 0) for text in row] for row in rows])


def test_a_numbered_label_the_format_lacks_is_no_continuation() -> None:
    head = [
        "申请人情况",
        "自然人",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
        "总计",
    ]
    values = ["1", "0", "0", "0", "0", "0", "1"]
    [t3] = recognise([_grid(head, ["（三）不予公开", "9.其他原因", *values])])
    assert t3.cells == {} and len(t3.unmapped) == 1
    [t3] = recognise([_grid(head, ["（二）部分公开", "不计其他情形）", *values])])
    assert t3.get("（二）部分公开", "总计") is not None


def test_a_value_written_in_words_is_no_continuation() -> None:
    def rows(change: str) -> Grid:
        return _grid(
            ["第二十条第(八)项", "", "", ""],
            ["信息内容", "上一年项目数量", "本年增/减", ""],
            ["行政事业性收费", "38", change, ""],
        )

    [t2] = recognise([rows("-4")])
    assert t2.get("行政事业性收费", "本年增/减").cell.text == "-4"
    found = recognise([rows("减少4")])  # 减少4 is no rest of the label: the row is not placed
    assert not [key for t in found for key in t.cells if key[0] == "行政事业性收费"]


# ---- rows left out, and a table of another shape ----------------------------------------


def _without(body: str, *needles: str) -> str:
    return "\n".join(line for line in body.split("\n") if not any(n in line for n in needles))


@pytest.mark.parametrize("form", ["pipe", "tabs"])
@pytest.mark.parametrize(
    ("needle", "row", "next_row_text"),
    [
        ("8.属于行政查询事项", "（三）不予公开/8.属于行政查询事项", UNABLE_1),
        ("（七）总计", "（七）总计", "四、结转下年度继续办理"),
    ],
)
def test_a_row_left_out(form: str, needle: str, row: str, next_row_text: str) -> None:
    text = _with_tables(_without(_t3(form), needle), form)
    finding = _only(lint_text(text, "N005"), "N005")
    assert finding.data == {"table": "三", "row": row, "column": None}
    assert finding.line == _at(text, next_row_text, after="三、收到和处理")[0]


def test_the_last_row_left_out_points_at_the_table_end() -> None:
    text = _with_tables(_without(_t3(), "四、结转下年度继续办理"))
    finding = _only(lint_text(text, "N005"), "N005")
    assert finding.data["row"] == "四、结转下年度继续办理"
    assert finding.line == _at(text, "（七）总计", after="三、收到和处理")[0]


def test_the_other_group_left_out_is_one_row() -> None:
    text = _with_tables(_without(_t3(), "（六）其他处理", "收费通知", "3.其他"))
    finding = _only(lint_text(text, "N005"), "N005")
    assert finding.data["row"] == "（六）其他处理"


def test_many_rows_left_out_are_one_finding() -> None:
    body = _without(_t3(), "（三）不予公开", "2.其他法律", "3.危及", "4.保护", "5.属于", "6.属于")
    finding = _only(lint_text(_with_tables(body), "N005"), "N005")
    assert finding.data == {"table": "三", "row": None, "column": None}
    assert "6 行" in finding.message


def test_a_table_split_by_a_repeated_header_lacks_no_row() -> None:
    lines = _t3().split("\n")
    at = next(i for i, line in enumerate(lines) if UNABLE_1 in line)
    text = _with_tables("\n".join([*lines[:at], "", *lines[:4], *lines[at:]]))
    assert [f for f in lint_text(text, "N005")] == []


@pytest.mark.parametrize("form", ["pipe", "tabs"])
def test_a_table4_of_another_shape_is_said_once(form: str) -> None:
    five = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    rows = [["行政复议", "", "", "", "", "行政诉讼", "", "", "", ""], five + five]
    rows.append(["2", "1", "0", "1", "4", "1", "0", "0", "1", "3"])
    if form == "pipe":
        t4 = "\n".join("| " + " | ".join(r) + " |" for r in rows[:1])
        t4 += "\n|" + "---|" * 10 + "\n" + "\n".join("| " + " | ".join(r) + " |" for r in rows[1:])
    else:
        t4 = "\n".join("\t".join(r) for r in rows)
    text = _with_tables(_t3(form), form, t4=t4)
    finding = _only(lint_text(text, *TABLE_CODES), "N005")
    assert finding.data == {"table": "四", "row": None, "column": None}
    assert "10" in finding.message
    assert finding.line == _at(text, "2\t1" if form == "tabs" else "| 2 | 1", after="四、政府")[0]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("edition", ["2021", "2019"])
def test_full_tables_lack_no_row(form: str, edition: str) -> None:
    assert [f for f in lint_text(_report(form, edition), "N005")] == []
