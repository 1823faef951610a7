"""Which unified table a block of rows is, and the (row, column) of every number cell."""

from __future__ import annotations

import pytest

from tests.tables_builders import (
    CARRY,
    DEFAULT_RESULTS,
    GRANTED,
    NEW,
    T3_HEAD,
    flat,
    pipe,
    report,
    table2_spans,
    table3,
    table3_spans,
    table4_spans,
    tabs,
)
from xxgk_lint.document import Document
from xxgk_lint.source import decode
from xxgk_lint.tables import Cell, Grid, recognise, tables_of
from xxgk_lint.tables.layout import read_label


def _tables(text: str):
    doc = Document(decode(text.encode("utf-8"), "t.txt"))
    return doc, tables_of(doc)


FORMS = {
    "pipe": pipe,
    "tabs": tabs,
    "flat": flat,
    "flat-runs": lambda spans: flat(spans, run_numbers=True, header_run=True),
}


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(("edition", "year", "cells"), [("2021", 2023, 200), ("2019", 2020, 198)])
def test_every_cell_is_placed(form: str, edition: str, year: int, cells: int) -> None:
    render = FORMS[form]
    text = report(
        render(table2_spans(edition)),
        render(table3_spans(table3(edition, DEFAULT_RESULTS))),
        render(table4_spans()),
        year=year,
    )
    _, found = _tables(text)
    assert [t.table for t in found.tables] == ["二", "三", "四"]
    assert sum(len(t.cells) for t in found.tables) == cells
    assert all(not t.unmapped for t in found.tables)
    t3 = found.of("三")[0]
    assert t3.get(GRANTED, "自然人").cell.text == "9"
    assert t3.get(GRANTED, "总计").cell.text == "12"
    assert t3.get("（四）无法提供/1.本机关不掌握相关政府信息", "商业企业").cell.text == "1"
    assert t3.get("四、结转下年度继续办理", "总计").cell.text == "2"
    t4 = found.of("四")[0]
    assert t4.get("行政复议", "尚未审结").cell.text == "1"
    assert t4.get("行政诉讼/未经复议直接起诉", "总计").cell.text == "1"


@pytest.mark.parametrize("form", FORMS)
def test_layout_edition_evidence(form: str) -> None:
    render = FORMS[form]
    _, new = _tables(report(render(table2_spans("2021")), render(table3_spans(table3("2021")))))
    assert {t.table: set(t.evidence) for t in new.tables} == {"二": {"2021"}, "三": {"2021"}}
    _, old = _tables(report(render(table2_spans("2019")), render(table3_spans(table3("2019")))))
    assert {t.table: set(t.evidence) for t in old.tables} == {"二": {"2019"}, "三": {"2019"}}
    t2 = old.of("二")[0]
    assert t2.get("行政处罚", "本年增/减").measure == "delta"
    assert t2.get("政府集中采购", "采购总金额").cell.text == "251000元"
    assert t2.get("政府集中采购", "采购总金额").measure == "amount"


def test_2019_single_other_row_is_a_leaf() -> None:
    _, found = _tables(report(table3=pipe(table3_spans(table3("2019")))))
    t3 = found.of("三")[0]
    assert "（六）其他处理" in t3.leaf_rows
    assert t3.subtotal_rows == []


def test_leaf_rows_belong_to_their_group_by_stem_not_position() -> None:
    rows = [
        "| 予以公开 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |",
        "| 第三方合法权益 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
        "| 国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
        "| 不掌握 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |",
        "| 逾期不补正 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
        "| 其他 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
        "| 总计 | 8 | 0 | 0 | 0 | 0 | 0 | 8 |",
    ]
    _, found = _tables("\n".join(rows))
    t3 = found.tables[0]
    assert t3.rows() == [
        "（一）予以公开",
        "（三）不予公开/4.保护第三方合法权益",
        "（三）不予公开/1.属于国家秘密",
        "（四）无法提供/1.本机关不掌握相关政府信息",
        "（六）其他处理/1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "（六）其他处理/3.其他",
        "（七）总计",
    ]


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("危及三安全一稳定", "（三）不予公开/3.危及“三安全一稳定”"),
        ("3.危及“三安全一稳定”", "（三）不予公开/3.危及“三安全一稳定”"),
        ("没有现成信息需要另行 制作", "（四）无法提供/2.没有现成信息需要另行制作"),
        (
            "要求行政机关确认或重新出具已获取信息",
            "（五）不予处理/5.要求行政机关确认或重新出具已获取信息",
        ),
        (
            "申请人逾期未按收费通知要求缴纳费用",
            "（六）其他处理/2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        ),
        ("(二)部分公开(区分处理的,只计这一情形,不计其他情形)", "（二）部分公开"),
        ("其他法律行政法规禁止公开", "（三）不予公开/2.其他法律行政法规禁止公开"),
        ("一、本年新收政府信息公开申请数量", NEW),
        ("四、结转下年度继续办理", CARRY),
        ("未经复议直接起诉", "行政诉讼/未经复议直接起诉"),
        ("复议后起诉", "行政诉讼/复议后起诉"),
        ("行政复议行政诉讼", "行政复议"),
        ("本年新 制作数量", "本年新制作数量"),
        ("本年收费金额(单位:万元)", "本年收费金额"),
    ],
)
def test_label_stems(label: str, key: str) -> None:
    found = read_label(label)
    assert found is not None
    assert found.key == key


def test_header_words_several_tables_share() -> None:
    assert read_label("总计").role == "total"
    assert read_label("(七)总计").role == "total"
    assert read_label("其他").role == "other"
    assert read_label("法人或其他组织").role == "header"


def test_traditional_characters_and_full_width_digits() -> None:
    rows = "\n".join(
        [
            "| 行政復議 | | | | | 行政訴訟 |",
            "| 結果維持 | 結果糾正 | 其他結果 | 尚未審結 | 總計 | 未經復議直接起訴 | 復議後起訴 |",
            "| １ | ０ | ０ | ０ | １ | ０ | ０ | ０ | ０ | ０ | ０ | ０ | ０ | ０ | ０ |",
        ]
    )
    doc, found = _tables(rows)
    t4 = found.of("四")[0]
    cell = t4.get("行政复议", "总计").cell
    assert cell.value.number == 1
    assert doc.source.position(cell.start) == (3, 19)


def test_table4_one_group_a_row() -> None:
    rows = "\n".join(
        [
            "| | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |",
            "| 行政复议 | 1 | 0 | 0 | 1 | 2 |",
            "| 未经复议直接起诉 | 0 | 0 | 0 | 0 | 0 |",
            "| 复议后起诉 | 0 | 1 | 0 | 0 | 1 |",
        ]
    )
    _, found = _tables(rows)
    t4 = found.of("四")[0]
    assert t4.get("行政诉讼/复议后起诉", "结果纠正").cell.text == "1"
    assert len(t4.cells) == 15


def test_group_subtotal_rows_a_report_adds() -> None:
    rows = "\n".join(
        [
            T3_HEAD,
            "| （三）不予公开 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |",
            "| 1.属于国家秘密 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
            "| 4.保护第三方合法权益 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
        ]
    )
    _, found = _tables(rows)
    t3 = found.of("三")[0]
    assert t3.subtotal_rows == ["（三）不予公开"]
    assert "（三）不予公开" not in t3.leaf_rows


def test_a_second_table_of_the_same_kind() -> None:
    body = pipe(table4_spans())
    _, found = _tables(body + "\n\n" + body)
    assert [t.table for t in found.tables] == ["四", "四"]


def test_unknown_row_label_is_kept_apart() -> None:
    rows = "\n".join(
        [
            T3_HEAD,
            "| 予以公开 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |",
            "| 某种自创的分类 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
        ]
    )
    _, found = _tables(rows)
    t3 = found.of("三")[0]
    assert len(t3.unmapped) == 1
    assert t3.rows() == ["（一）予以公开"]


def test_page_footer_with_pipes_is_no_table() -> None:
    _, found = _tables("首页 | 网站地图 | 联系我们\n")
    assert found.tables == []


def test_recognise_from_a_grid_with_spans() -> None:
    def c(text: str, rowspan: int = 1, colspan: int = 1) -> Cell:
        return Cell(text, 0, len(text), 0, rowspan, colspan)

    rows = [
        [c("行政复议", 1, 5), c("行政诉讼", 1, 10)],
        [
            *(c(t, 2, 1) for t in ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")),
            c("未经复议直接起诉", 1, 5),
            c("复议后起诉", 1, 5),
        ],
        [c(t) for t in ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计") * 2],
        [c(str(n)) for n in (0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 2, 0, 0, 0, 2)],
    ]
    (t4,) = recognise([Grid.from_spans(rows)])
    assert t4.get("行政复议", "结果纠正").cell.text == "1"
    assert t4.get("行政诉讼/复议后起诉", "总计").cell.text == "2"


def test_labels_broken_over_lines_in_a_flattened_table() -> None:
    lines = [
        "第二十条第（一）项 ||||",
        "信息内容 |",
        "本年新",
        "制作数量 |",
        "本年新公开数量 |",
        "对外公开总数量 |",
        "规章 |",
        "0 |",
        "0 |",
        "2 |",
        "申请人情况 |||||||",
        "（四）无法提供 |",
        "1.本机关不",
        "掌握相关政府信息 |",
        "2 0 0 0 0 0 2",
    ]
    doc, found = _tables("\n".join(lines))
    t2, t3 = found.tables
    label = t2.evidence["2019"]
    assert doc.source.text[label.start : label.end] == "本年新\n制作数量"
    assert t2.get("规章", "对外公开总数量").cell.text == "2"
    assert t3.get("（四）无法提供/1.本机关不掌握相关政府信息", "总计").cell.text == "2"


REFUSED = ("（五）不予处理", "2.重复申请")


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("column", [0, 3, 6])
def test_a_word_where_a_number_belongs_is_placed_as_a_value(form: str, column: int) -> None:
    t3 = table3("2021", DEFAULT_RESULTS).set(REFUSED, column, "若干")
    _, found = _tables(report(table3=FORMS[form](table3_spans(t3))))
    t3_found = found.of("三")[0]
    assert not t3_found.unmapped
    assert len(t3_found.cells) == 175
    names = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    cell = t3_found.get("/".join(REFUSED), names[column])
    assert cell.cell.text == "若干" and cell.missing
    assert not t3_found.get("/".join(REFUSED), names[column - 1]).missing


def test_a_label_broken_by_a_space_before_its_numbers_keeps_its_words() -> None:
    _, found = _tables("| 申请人情况 |\n（一）予以 公开 9 2 0 0 1 0 12")
    t3 = found.of("三")[0]
    assert not t3.unmapped
    assert t3.get("（一）予以公开", "自然人").cell.text == "9"
    assert t3.get("（一）予以公开", "总计").cell.value.number == 12


def test_a_note_after_a_full_row_and_a_label_before_table4_numbers_are_no_values() -> None:
    rows = [
        T3_HEAD,
        "| （一）予以公开 | 9 | 2 | 0 | 0 | 1 | 0 | 12 | 含上年 |",
        "| 行政复议 | 行政诉讼 |",
        "| 数量 | 1 | 0 | 0 | 1 | 2 | 0 | 0 | 0 | 1 | 1 | 0 | 0 | 0 | 0 | 0 |",
    ]
    _, found = _tables("\n".join(rows))
    t3, t4 = found.tables
    assert not t3.unmapped and not t4.unmapped
    assert t3.get("（一）予以公开", "总计").cell.text == "12"
    assert t4.get("行政复议", "总计").cell.text == "2"
    assert len(t4.cells) == 15
