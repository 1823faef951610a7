"""Table rows out of text: pipe rows, tabs, one cell a line, numbers run together; the grid."""

from __future__ import annotations

import pytest

from xxgk_lint.document import Document
from xxgk_lint.outline import is_table_row
from xxgk_lint.source import decode
from xxgk_lint.tables.extract import line_cells, region_grid, table_regions
from xxgk_lint.tables.model import Cell, Grid


def _doc(text: str) -> Document:
    return Document(decode(text.encode("utf-8"), "t.txt"))


def _cells(line: str) -> list[Cell]:
    return line_cells(_doc(line).lines[0])


def _shown(doc: Document, cell: Cell) -> str:
    return doc.source.text[cell.start : cell.end]


def test_markdown_row_keeps_empty_cells_and_their_place() -> None:
    doc = _doc("| 规章 | 0 | | 5 |")
    cells = line_cells(doc.lines[0])
    assert [c.text for c in cells] == ["规章", "0", "", "5"]
    assert cells[1].start == doc.source.text.index("0")
    assert _shown(doc, cells[2]).strip() == ""  # the gap between the pipes
    assert doc.source.position(cells[2].start) == (1, 11)


def test_empty_cell_without_width_points_at_the_next_pipe() -> None:
    doc = _doc("|规章|0||5|")
    cells = line_cells(doc.lines[0])
    assert [c.text for c in cells] == ["规章", "0", "", "5"]
    assert _shown(doc, cells[2]) == "|"


def test_markdown_separator_has_no_cells() -> None:
    assert _cells("|---|:---:|---|") == []


def test_flattened_cell_with_merged_pipes() -> None:
    assert [c.text for c in _cells("法人或其他组织 |||||")] == ["法人或其他组织", "", "", "", ""]


def test_flattened_blank_cell() -> None:
    assert [c.text for c in _cells(" |")] == [""]


def test_tab_row() -> None:
    assert [c.text for c in _cells("行政规范性文件\t3\t1\t18")] == [
        "行政规范性文件",
        "3",
        "1",
        "18",
    ]


def test_number_run_is_split_with_spans() -> None:
    doc = _doc("1 0 0 1 2 0 0 0 1 1 0 0 0 0 0")
    cells = line_cells(doc.lines[0])
    assert len(cells) == 15
    assert doc.source.position(cells[4].start) == (1, 9)
    assert cells[4].text == "2"


def test_label_followed_by_a_number_run() -> None:
    cells = _cells("2.重复申请 1 / 0 0 0 0 1")
    assert [c.text for c in cells] == ["2.重复申请", "1", "/", "0", "0", "0", "0", "1"]


def test_traditional_and_full_width_cells_are_normalised_with_original_spans() -> None:
    doc = _doc("| 規章 | ０ | １２ |")
    cells = line_cells(doc.lines[0])
    assert [c.text for c in cells] == ["规章", "0", "12"]
    assert _shown(doc, cells[2]) == "１２"


@pytest.mark.parametrize(
    "line",
    [
        "1 0 0 1 2 0 0 0 1 1 0 0 0 0 0",
        "2.重复申请 0 0 1 0 0 0 1",
        "一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3",
        "自然人 |",
        "| a | b |",
        "规章\t0\t0\t3",
    ],
)
def test_table_rows(line: str) -> None:
    assert is_table_row(line)


@pytest.mark.parametrize(
    "line",
    [
        "电话:0551 1234 5678",
        "本年度共收到申请12件，办结12件。",
        "2023年1月20日",
        "一、总体情况",
    ],
)
def test_not_table_rows(line: str) -> None:
    assert not is_table_row(line)


def test_region_takes_pipe_less_labels_and_bare_numbers() -> None:
    cells = [
        "第二十条第（一）项",
        "信息内容",
        "本年制发件数",
        "本年废止件数",
        "现行有效件数",
        "规章",
    ]
    text = "正文一句。\n" + "\n".join([*cells, "0", "0", "2"]) + "\n\n正文又一句。\n"
    doc = _doc(text)
    regions = table_regions(doc)
    assert regions == [list(range(1, 10))]
    grid = region_grid(doc, regions[0])
    assert [c.text for c in grid.rows[0]][-4:] == ["规章", "0", "0", "2"]


def test_lone_label_line_is_no_region() -> None:
    assert (
        table_regions(_doc("四、政府信息公开行政复议、行政诉讼情况\n本年度未发生行政复议。\n"))
        == []
    )


def test_flattened_rows_gather_labels_then_values() -> None:
    text = "（三）不予公开 |\n1.属于国家秘密 |\n0 0 0 0 0 0 0\n4.保护第三方合法权益 |\n1 |\n0 |\n"
    doc = _doc(text)
    grid = region_grid(doc, table_regions(doc)[0])
    assert [[c.text for c in row] for row in grid.rows] == [
        ["(三)不予公开", "1.属于国家秘密", "0", "0", "0", "0", "0", "0", "0"],
        ["4.保护第三方合法权益", "1", "0"],
    ]


def test_grid_from_spans_places_merged_cells() -> None:
    def c(text: str, rowspan: int = 1, colspan: int = 1) -> Cell:
        return Cell(text, 0, 0, 0, rowspan, colspan)

    grid = Grid.from_spans(
        [[c("a", 2, 1), c("b", 1, 2)], [c("d"), c("e")], [c("f"), c("g"), c("h")]]
    )
    assert [[x.text if x else None for x in row] for row in grid.rows] == [
        ["a", "b", None],
        [None, "d", "e"],
        ["f", "g", "h"],
    ]
    assert [x.text for x in grid.cells()] == ["a", "b", "d", "e", "f", "g", "h"]
