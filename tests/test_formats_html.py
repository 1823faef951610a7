"""Web pages: body detection, furniture, merged cells, encodings, positions in the source."""

from __future__ import annotations

import codecs

import pytest

from xxgk_lint.check import select_checks
from xxgk_lint.engine import lint_source
from xxgk_lint.errors import InputError
from xxgk_lint.formats import load_bytes
from xxgk_lint.settings import Settings

PAGE = """<!DOCTYPE html>
<html><head><meta {meta}><title>某局2021年政府信息公开工作年度报告_某市人民政府</title>
<script>var crumbs = "<p>一、总体情况</p>";</script></head>
<body>
<div class="nav">首页 | 政务公开 | 网站地图</div>
<div class="crumb">当前位置：首页 &gt; 年度报告</div>
<h1>某局2021年政府信息公开工作年度报告</h1>
<div class="info"><span>发布时间：</span><span>2022-01-25</span> 来源：某局</div>
<div class="TRS_Editor">
<p>&nbsp;&nbsp;统计期限自2021年1月1日起至2021年12月31日止。</p>
<p>一、总体情况</p><p>全年主动公开信息&amp;数据<b>12</b>条。<br>分两行</p>
{body}
</div>
<div class="footer">主办单位：某市人民政府 ICP备00000000号</div>
</body></html>
"""
TABLE = """<table border="1">
<tr><td rowspan="2">项目</td><td colspan="2">申请人情况</td></tr>
<tr><td>自然人</td><td>总计</td></tr>
<tr><td>本年新收</td><td>3</td><td>3</td></tr>
</table>"""


def _page(body: str = "", meta: str = 'charset="utf-8"', encoding: str = "utf-8") -> bytes:
    return PAGE.format(meta=meta, body=body).encode(encoding)


def test_title_byline_and_body_without_page_furniture() -> None:
    source = load_bytes(_page(), "r.html", ".html")
    assert source.text.splitlines() == [
        "某局2021年政府信息公开工作年度报告",
        "发布时间：2022-01-25 来源：某局",
        "统计期限自2021年1月1日起至2021年12月31日止。",
        "一、总体情况",
        "全年主动公开信息&数据12条。",
        "分两行",
    ]
    assert source.context_lines == frozenset({0, 1})
    assert source.kind == "html" and not source.editable


def test_a_preamble_sentence_naming_the_report_does_not_stand_for_its_title() -> None:
    def lines(first: str) -> list[str]:
        page = _page().replace("<p>&nbsp;&nbsp;统计".encode(), f"<p>{first}</p><p>统计".encode())
        return load_bytes(page, "r.html", ".html").text.splitlines()

    named = lines("现向社会公布某局2021年政府信息公开工作年度报告。")
    assert named[0] == "某局2021年政府信息公开工作年度报告"  # the <h1> is still read
    assert named[2] == "现向社会公布某局2021年政府信息公开工作年度报告。"
    titled = lines("某局2021年政府信息公开工作年度报告")  # the body repeats the title itself
    assert titled.count("某局2021年政府信息公开工作年度报告") == 1


def test_positions_are_in_the_html_source() -> None:
    data = _page()
    source = load_bytes(data, "r.html", ".html")
    html_lines = data.decode().splitlines()
    line, column = source.position(source.text.index("12条"))
    assert html_lines[line - 1][column - 1 : column + 1] == "12"
    line, column = source.position(source.text.index("&数据"))
    assert html_lines[line - 1][column - 1 :].startswith("&amp;数据")  # an entity maps to its &
    line, column = source.position(source.text.index("统计期限"))
    assert html_lines[line - 1][column - 1 :].startswith("统计期限")  # after &nbsp;&nbsp;
    assert source.display_line(line) == html_lines[line - 1]
    # The title is the <h1>, not the <title> or the script holding the same words.
    line, column = source.position(0)
    assert html_lines[line - 1].startswith("<h1>") and column == 5


def test_merged_cells_are_written_once_and_covered_positions_left_empty() -> None:
    source = load_bytes(_page(TABLE), "r.html", ".html")
    assert source.text.splitlines()[-4:] == [
        "| 项目 | 申请人情况 | |",
        "|---|---|---|",
        "| | 自然人 | 总计 |",
        "| 本年新收 | 3 | 3 |",
    ]
    line, column = source.position(source.text.index("本年新收"))
    assert f"{line}:{column}" and "本年新收" in source.display_line(line)


def test_a_layout_table_is_read_as_text_not_as_a_data_table() -> None:
    body = "<table><tr><td><p>二、主动公开政府信息情况</p><p>全年公开12条。</p></td></tr></table>"
    lines = load_bytes(_page(body), "r.html", ".html").text.splitlines()
    assert lines[-2:] == ["二、主动公开政府信息情况", "全年公开12条。"]


@pytest.mark.parametrize(
    ("meta", "encoding"),
    [
        ('http-equiv="Content-Type" content="text/html; charset=gb2312"', "gbk"),
        ('charset="GBK"', "gbk"),
        ('name="keywords" content="年报"', "gbk"),  # nothing declared: detected
        ('charset="gb2312"', "utf-8"),  # saved by a browser as UTF-8, old declaration kept
    ],
)
def test_gbk_pages_are_decoded_as_gb18030(meta: str, encoding: str) -> None:
    source = load_bytes(_page(meta=meta, encoding=encoding), "r.html", ".html")
    assert source.encoding == ("gb18030" if encoding == "gbk" else "utf-8")
    assert "一、总体情况" in source.text.splitlines()


def test_utf16_page_with_bom() -> None:
    data = codecs.BOM_UTF16_LE + PAGE.format(meta='charset="utf-16"', body="").encode("utf-16-le")
    source = load_bytes(data, "r.html", ".html")
    assert source.bom and "一、总体情况" in source.text


def test_densest_block_when_no_known_container() -> None:
    page = (
        "<html><body><div class='nav'><a href='/'>首页</a> <a href='/x'>政务公开</a></div>"
        "<div class='main'><p>一、总体情况</p><p>本年度公开信息12条，办理申请3件。</p>"
        "<p>二、主动公开政府信息情况</p><p>全年主动公开政府信息12条。</p></div>"
        "<div class='footer'><a href='/map'>网站地图</a></div></body></html>"
    )
    lines = load_bytes(page.encode(), "r.html", ".html").text.splitlines()
    assert lines[0] == "一、总体情况" and "网站地图" not in " ".join(lines)


def test_furniture_inside_the_body_stays_for_t003() -> None:
    body = "<p>扫一扫在手机打开当前页面</p>"
    source = load_bytes(_page(body), "r.html", ".html")
    settings = Settings(select=["T003"])
    findings = lint_source(source, select_checks(settings.select), settings).findings
    flagged = {source.text.splitlines()[source.line_of(f.start)] for f in findings}
    assert "扫一扫在手机打开当前页面" in flagged


def test_page_without_text_is_an_error() -> None:
    with pytest.raises(InputError, match="no"):
        load_bytes(b"<html><body><img src='a.png'></body></html>", "r.html", ".html")


def test_page_byline_outside_the_body_is_not_page_chrome() -> None:
    """The byline is read for the publication date, but it was not pasted into the report."""
    source = load_bytes(_page(), "r.html", ".html")
    checks = select_checks(["T003"])
    assert lint_source(source, checks, Settings(select=["T003"])).findings == []
    pasted = _page(body="<p>发布时间：2022-01-25 来源：某局 浏览次数：12 【打印】</p>")
    found = lint_source(load_bytes(pasted, "r.html", ".html"), checks, Settings()).findings
    assert [f.code for f in found] == ["T003"]
