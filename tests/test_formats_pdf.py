"""PDF: reflowed paragraphs, ruled tables, page and line positions, scans without text."""

from __future__ import annotations

import io
import re

import pytest

pytest.importorskip("reportlab")

from reportlab.pdfgen import canvas

from tools.make_examples import make_pdf, parse
from xxgk_lint.errors import InputError
from xxgk_lint.formats import load_bytes

LONG = "本年度继续推进政府信息公开标准化规范化建设，" * 6
REPORT = f"""某局2021年政府信息公开工作年度报告

本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。{LONG}
一、总体情况
{LONG}全年主动公开信息12条。
| 项目 | 申请人情况 | |
|---|---|---|
| | 自然人 | 总计 |
| 本年新收 | 3 | 3 |
二、主动公开政府信息情况
全年主动公开政府信息12条。
"""


def _pdf(text: str) -> bytes:
    return make_pdf(parse(text))


def test_wrapped_lines_are_joined_into_paragraphs_and_tables_rebuilt() -> None:
    source = load_bytes(_pdf(REPORT), "r.pdf", ".pdf")
    expected = [line for line in REPORT.splitlines() if line.strip()]
    assert source.text.splitlines() == expected
    assert source.kind == "pdf"


def test_positions_are_printed_lines_with_their_page() -> None:
    source = load_bytes(_pdf(REPORT), "r.pdf", ".pdf")
    line, column = source.position(source.text.index("全年主动公开信息12条"))
    assert source.display_line(line)[column - 1 :].startswith("全年主动公开信息12条")
    assert line > 4  # the paragraph before it fills several printed lines
    assert source.page_line(line) == (1, line)


def test_paragraphs_continue_across_pages_and_lines_count_on() -> None:
    text = "某局2021年政府信息公开工作年度报告\n" + "\n".join(
        f"（{n}）{LONG}" for n in "一二三四五六七八九十"
    )
    text += "\n" + "最后一段跨页之后仍然完整。" * 2
    source = load_bytes(_pdf(text), "r.pdf", ".pdf")
    assert source.text.splitlines()[-1] == "最后一段跨页之后仍然完整。" * 2
    line, _ = source.position(len(source.text) - 2)
    page, on_page = source.page_line(line)
    assert page == 2 and on_page < line


def test_a_pdf_without_a_text_layer_cannot_be_checked() -> None:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.rect(50, 50, 400, 600, fill=1)  # what a scanned page looks like: no text at all
    page.showPage()
    page.save()
    with pytest.raises(InputError, match="no text layer"):
        load_bytes(buffer.getvalue(), "scan.pdf", ".pdf")


def test_page_numbers_are_not_report_text() -> None:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.setFont("Helvetica", 11)
    page.drawString(72, 760, "Report 2021")
    page.drawString(300, 40, "- 1 -")
    page.showPage()
    page.save()
    assert load_bytes(buffer.getvalue(), "r.pdf", ".pdf").text.splitlines() == ["Report 2021"]


def test_human_output_names_the_page(tmp_path) -> None:
    from typer.testing import CliRunner

    from xxgk_lint.cli import app

    report = tmp_path / "r.pdf"
    report.write_bytes(
        _pdf("某局2021年政府信息公开工作年度报告\n一、总体情况\n全年公开信息12条。\n")
    )
    result = CliRunner().invoke(app, ["check", str(report), "--select", "D001"])
    assert "r.pdf:1:1: D001" in result.output
    assert "第1页第1行" in result.output


# ---------------------------------------------------------------------------- unified tables
TABLE_CODES = ("N001", "N002", "N003", "N004", "N005", "F001", "S003")


def _table_findings(data: bytes):
    from xxgk_lint.check import select_checks
    from xxgk_lint.engine import lint_source
    from xxgk_lint.settings import Settings

    source = load_bytes(data, "r.pdf", ".pdf")
    settings = Settings(select=list(TABLE_CODES))
    return source, lint_source(source, select_checks(settings.select), settings).findings


LAYOUTS = [
    (True, "MIDDLE", False),
    (False, "MIDDLE", False),
    (False, "TOP", False),
    (False, "MIDDLE", True),
    (False, "TOP", True),
]


@pytest.mark.parametrize(("ruled", "valign", "centred"), LAYOUTS)
def test_unified_tables_with_wrapped_labels_read_whole(
    ruled: bool, valign: str, centred: bool
) -> None:
    """Ruled or borderless (hidden borders), cells in the middle or at the top, labels
    left-aligned or centred: every row of the three tables is one pipe row with its whole
    label, so no table finding fires and no wrapped label (2.其他法律行 …) is a heading."""
    from tests.pdf_builders import report_pdf

    data = report_pdf(ruled=ruled, valign=valign, centred=centred)
    source, findings = _table_findings(data)
    assert [(f.code, f.message) for f in findings] == []
    rows = source.text.splitlines()
    for label in (
        "2.其他法律行政法规禁止公开",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    ):
        assert any(re.search(rf"\| {label} \|( \|)* \d+ \|", row) for row in rows), label
    values = [row for row in rows if re.search(r"\| [\d.]+ \|( \|)*$", row)]
    assert len(values) == 6 + 25 + 1  # the rows of numbers of 表二, 三 and 四


def test_a_broken_identity_in_a_borderless_table_points_at_its_cell() -> None:
    from tests.pdf_builders import report_pdf
    from tests.tables_builders import DEFAULT_RESULTS, GRANTED, table3, table3_spans

    broken = table3(results=DEFAULT_RESULTS).set((GRANTED,), 6, "13")  # 总计 of 9+2+1 = 12
    source, findings = _table_findings(report_pdf(t3=table3_spans(broken)))
    cell = [f for f in findings if f.code == "N003" and f.data["row"] == "（一）予以公开"]
    assert cell and cell[0].data["column"] == "总计"
    assert (cell[0].data["expected"], cell[0].data["found"]) == (12, 13)
    line = source.display_line(cell[0].line)
    assert line[cell[0].column - 1 :].startswith("13")
    assert line.startswith("（一）予以公开")  # the printed line of that row
    assert source.page_line(cell[0].line)[0] == 2


def test_a_table_of_contents_is_not_a_table() -> None:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.setFont("Helvetica", 11)
    for n, y in enumerate(range(760, 660, -20), start=1):
        page.drawString(72, y, f"Part {n}")
        page.drawString(500, y, str(n * 3))
    page.showPage()
    page.save()
    text = load_bytes(buffer.getvalue(), "r.pdf", ".pdf").text
    assert "|" not in text


def test_figures_a_space_from_their_words_are_a_sentence_not_a_table() -> None:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.setFont("Helvetica", 11)
    for y in (760, 744):
        x = 72.0
        for word in ("Received", "12", "requests,", "answered", "12."):
            page.drawString(x, y, word)
            x += page.stringWidth(word, "Helvetica", 11) + 4
    page.showPage()
    page.save()
    assert "|" not in load_bytes(buffer.getvalue(), "r.pdf", ".pdf").text


def test_a_borderless_table_drawn_glyph_by_glyph_keeps_its_wrapped_labels() -> None:
    """Some exporters (WPS) place every character on its own: the characters of a cell's
    line are one cell again, and a label wrapped over two lines is one label."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.setFont("STSong-Light", 10)

    def draw(x: float, y: float, text: str) -> None:
        for char in text:
            page.drawString(x, y, char)
            x += page.stringWidth(char, "STSong-Light", 10)

    draw(72, 700, "项目")
    for k, head in enumerate(["自然人", "其他", "总计"]):
        draw(200 + 60 * k, 700, head)
    rows = [("1.属于国家秘密", None, "0"), ("2.其他法律行政", "法规禁止公开", "3")]
    y = 680
    for first, rest, value in rows:
        draw(72, y, first)
        for k in range(3):
            draw(205 + 60 * k, y, value)
        if rest:
            y -= 13
            draw(72, y, rest)
        y -= 20
    page.showPage()
    page.save()
    text = load_bytes(buffer.getvalue(), "r.pdf", ".pdf").text
    assert "| 2.其他法律行政法规禁止公开 | 3 | 3 | 3 |" in text.splitlines()
    assert "| 1.属于国家秘密 | 0 | 0 | 0 |" in text.splitlines()
