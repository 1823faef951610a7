"""Word .docx: automatic numbering, tables with merged cells, revisions, positions."""

from __future__ import annotations

import io

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from tests.conftest import codes_of
from xxgk_lint.check import select_checks
from xxgk_lint.engine import lint_source
from xxgk_lint.formats import load_bytes
from xxgk_lint.formats.numbering import chinese, format_number
from xxgk_lint.settings import Settings

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# Level 0: 一、 (chineseCounting, "%1、"); level 1: （一） restarting after each level 0;
# level 2: 1. decimal that never restarts (lvlRestart 0).
NUMBERING = f"""<w:abstractNum xmlns:w="{W}" w:abstractNumId="77">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
    <w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
    <w:suff w:val="nothing"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:lvlRestart w:val="0"/><w:numFmt w:val="decimal"/>
    <w:suff w:val="nothing"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>"""
NUMS = f"""<w:num xmlns:w="{W}" w:numId="77"><w:abstractNumId w:val="77"/></w:num>"""
RESTART = f"""<w:num xmlns:w="{W}" w:numId="78"><w:abstractNumId w:val="77"/>
  <w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>"""


def _document() -> docx.document.Document:
    document = docx.Document()
    numbering = document.part.numbering_part.element
    first = numbering.find(qn("w:num"))
    abstract = parse_xml(NUMBERING)
    if first is not None:
        first.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(NUMS))
    numbering.append(parse_xml(RESTART))
    return document


def _numbered(document, text: str, level: int, num: int = 77):
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(
        parse_xml(
            f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'
        )
    )
    return paragraph


def _load(document, name: str = "r.docx"):
    buffer = io.BytesIO()
    document.save(buffer)
    return load_bytes(buffer.getvalue(), name, ".docx")


def test_headings_numbered_by_word_get_their_number_text() -> None:
    document = _document()
    document.add_paragraph("某局2021年政府信息公开工作年度报告")
    _numbered(document, "总体情况", 0)
    _numbered(document, "主动公开", 1)
    _numbered(document, "依申请公开", 1)
    _numbered(document, "第一项", 2)
    _numbered(document, "主动公开政府信息情况", 0)
    _numbered(document, "规章", 1)
    _numbered(document, "第二项", 2)
    source = _load(document)
    assert source.text.splitlines() == [
        "某局2021年政府信息公开工作年度报告",
        "一、总体情况",
        "（一）主动公开",
        "（二）依申请公开",
        "1.第一项",
        "二、主动公开政府信息情况",
        "（一）规章",
        "2.第二项",  # lvlRestart 0: never restarts
    ]
    # Line = paragraph number; the column counts the automatic number as Word shows it.
    assert source.position(source.text.index("主动公开政府")) == (6, 3)
    assert source.display_line(6) == "二、主动公开政府信息情况"


def test_start_override_restarts_a_list_sharing_the_abstract_definition() -> None:
    document = _document()
    _numbered(document, "总体情况", 0)
    _numbered(document, "其他需要报告的事项", 0, num=78)
    assert _load(document).text.splitlines() == ["一、总体情况", "五、其他需要报告的事项"]


def test_numbering_only_headings_are_seen_by_the_outline() -> None:
    document = _document()
    document.add_paragraph("某局2021年政府信息公开工作年度报告")
    document.add_paragraph("本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。")
    for title in ("总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况"):
        _numbered(document, title, 0)
        document.add_paragraph("本年度工作平稳。")
    source = _load(document)
    settings = Settings(select=["S001"])
    findings = lint_source(source, select_checks(settings.select), settings).findings
    missing = {f.data["section"] for f in findings}
    assert "overview" not in missing and "application" not in missing
    assert "review_litigation" in missing


@pytest.mark.parametrize(
    ("value", "fmt", "text"),
    [
        (11, "chineseCounting", "十一"),
        (20, "chineseCountingThousand", "二十"),
        (105, "chineseCounting", "一百零五"),
        (3, "chineseLegalSimplified", "叁"),
        (2, "ideographTraditional", "乙"),
        (4, "decimalEnclosedCircle", "④"),
        (28, "upperLetter", "BB"),
        (9, "lowerRoman", "ix"),
        (7, "decimalFullWidth", "７"),
        (7, "bullet", ""),
    ],
)
def test_number_formats(value: int, fmt: str, text: str) -> None:
    assert format_number(value, fmt) == text
    assert chinese(10) == "十"


def test_tables_become_pipe_rows_with_merged_cells_written_once() -> None:
    document = docx.Document()
    document.add_paragraph("表前段落")
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "项目"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "申请人情况"
    table.cell(1, 1).text = "自然人"
    table.cell(1, 2).text = "总计"
    table.cell(2, 0).text = "本年新收"
    table.cell(2, 1).text = "3"
    table.cell(2, 2).text = "3"
    document.add_paragraph("表后段落")
    source = _load(document)
    assert source.text.splitlines() == [
        "表前段落",
        "| 项目 | 申请人情况 | |",
        "|---|---|---|",
        "| | 自然人 | 总计 |",
        "| 本年新收 | 3 | 3 |",
        "表后段落",
    ]
    # Cells are paragraphs numbered in reading order, a covered cell too: 本年新收 is the 7th.
    assert source.position(source.text.index("本年新收")) == (7, 1)
    assert source.position(source.text.index("表后段落"))[0] == 10


def test_deletions_and_comments_are_dropped_insertions_kept() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("全年公开信息")
    paragraph._p.append(
        parse_xml(
            f'<w:del xmlns:w="{W}" w:id="1" w:author="a">'
            "<w:r><w:delText>99</w:delText></w:r></w:del>"
        )
    )
    paragraph._p.append(
        parse_xml(f'<w:ins xmlns:w="{W}" w:id="2" w:author="a"><w:r><w:t>12</w:t></w:r></w:ins>')
    )
    paragraph._p.append(parse_xml(f'<w:r xmlns:w="{W}"><w:commentReference w:id="0"/></w:r>'))
    run = paragraph.add_run("条。")
    run._r.append(parse_xml(f'<w:instrText xmlns:w="{W}"> PAGE </w:instrText>'))
    assert _load(document).text.strip() == "全年公开信息12条。"


def test_soft_line_breaks_start_lines_but_not_paragraphs() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("一、总体情况")
    paragraph.add_run().add_break()
    paragraph.add_run("全年公开信息12条。")
    source = _load(document)
    assert source.text.splitlines() == ["一、总体情况", "全年公开信息12条。"]
    assert source.position(source.text.index("12")) == (1, 14)


def test_traditional_text_in_word_is_flagged_at_its_paragraph() -> None:
    document = docx.Document()
    document.add_paragraph("某局2021年政府信息公开工作年度报告")
    document.add_paragraph("全年公開信息12條。")
    source = _load(document)
    settings = Settings(select=["T005"])
    findings = lint_source(source, select_checks(settings.select), settings).findings
    assert set(codes_of(findings)) == {"T005"}
    assert (2, 4) in {(f.line, f.column) for f in findings}  # 開 in 全年公開
