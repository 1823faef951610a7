"""Markdown reports: the text loader reads them; # heading marks and pipe tables are understood."""

from __future__ import annotations

from tests.conftest import lint_text
from xxgk_lint.formats import load_bytes

REPORT = """# 某局2021年政府信息公开工作年度报告

本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。

## 一、总体情况

全年主动公开信息12条。

## 二、主动公开政府信息情况

| 第二十条第（一）项 | | | |
|---|---|---|---|
| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
| 规章 | 0 | 0 | 0 |
"""


def test_markdown_is_read_as_text_with_positions_unchanged() -> None:
    source = load_bytes(REPORT.encode(), "r.md", ".md")
    assert source.kind == "text" and source.editable
    assert source.position(source.text.index("一、总体情况")) == (5, 4)


def test_markdown_headings_count_as_headings() -> None:
    missing = {f.data["section"] for f in lint_text(REPORT, "S001", path="r.md")}
    assert "overview" not in missing and "active" not in missing
    assert "review_litigation" in missing
