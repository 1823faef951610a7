"""PDF: reflowed paragraphs, ruled tables, page and line positions, scans without text."""

from __future__ import annotations

import io

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
