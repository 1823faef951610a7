"""Generate ``examples/formats/``: every ``examples/*.txt`` report as it is published.

For each report: ``NAME.docx`` (headings 一、/（一） by Word automatic numbering, tables as
Word tables with merged header and label cells), ``NAME.html`` (a CMS article page: header,
navigation, breadcrumb and footer around a ``.TRS_Editor`` body, tables with
rowspan/colspan), ``NAME.gbk.html`` (the same page in GBK, declared as gb2312) and
``NAME.pdf`` (reportlab, built-in CJK font STSong-Light, ruled tables). Output is
deterministic, so the committed files can be checked against a fresh run:

    python tools/make_examples.py            # write examples/formats/
    python tools/make_examples.py --check    # exit 1 when a committed file is stale
"""

from __future__ import annotations

import argparse
import html
import io
import re
import sys
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from xxgk_lint.document import Document
from xxgk_lint.numerals import int_to_cn
from xxgk_lint.source import decode
from xxgk_lint.suppress import directive_text

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
OUT = EXAMPLES / "formats"

_CN = "一二三四五六七八九十"
_HEADING = [
    (0, re.compile(rf"^([{_CN}]{{1,3}})、(\S.*)$")),
    (1, re.compile(rf"^（([{_CN}]{{1,3}})）(\S.*)$")),
]
_NUMBER = re.compile(r"^[\d.,%\s/-]+$")
_DELIMITER = re.compile(r"^:?-{3,}:?$")


# ---------------------------------------------------------------------------- the report
@dataclass
class Block:
    kind: str  # "title", "heading", "para", "blank", "table"
    text: str = ""
    level: int = 0  # heading: 0 for 一、, 1 for （一）
    auto: bool = False  # heading numbered by Word (the number matches the running counter)
    rows: list[list[str]] = field(default_factory=list)


def parse(text: str) -> list[Block]:
    """Blocks of a text report; a heading is automatic when Word's counter would show the
    same number (a skipped or repeated number stays literal text, as an author types it)."""
    blocks: list[Block] = []
    counters = [0, 0]
    # The title is the line the linter takes for the title; furniture pasted above it stays
    # in the article body, as on a real page.
    title_line = Document(decode(text.encode("utf-8"), "example")).outline.title_line
    for index, line in enumerate(text.splitlines()):
        if line.startswith("|") and line.rstrip().endswith("|"):
            cells = [c.strip() for c in line.strip()[1:-1].split("|")]
            if all(_DELIMITER.match(c) for c in cells):
                continue  # the Markdown separator row: every reader writes its own
            if blocks and blocks[-1].kind == "table":
                blocks[-1].rows.append(cells)
            else:
                blocks.append(Block("table", rows=[cells]))
            continue
        if not line.strip():
            blocks.append(Block("blank"))
            continue
        if index == title_line:
            blocks.append(Block("title", line))
            continue
        for level, pattern in _HEADING:
            m = pattern.match(line)
            if m and m.group(1) == int_to_cn(counters[level] + 1):
                counters[level] += 1
                if level == 0:
                    counters[1] = 0
                blocks.append(Block("heading", m.group(2), level=level, auto=True))
                break
        else:
            blocks.append(Block("para", line))
    return blocks


def spans(rows: list[list[str]]) -> list[list[tuple[int, int] | None]]:
    """(rowspan, colspan) of each cell, ``None`` for a covered position. Empty positions join
    the label cell to their left (header rows only) or above (label columns only): that is
    how the pipe form writes a merged cell, so the extracted text is unchanged."""
    width = max(len(r) for r in rows)
    grid = [r + [""] * (width - len(r)) for r in rows]
    numeric = [any(_NUMBER.match(c) and c for c in r) for r in grid]
    header = next((i for i, n in enumerate(numeric) if n), len(grid))
    label_cols = {
        c
        for c in range(width)
        if not any(_NUMBER.match(grid[r][c]) for r in range(len(grid)) if grid[r][c])
    }
    out: list[list[tuple[int, int] | None]] = [[(1, 1)] * width for _ in grid]
    taken = [[False] * width for _ in grid]
    for r in range(len(grid)):
        for c in range(width):
            if taken[r][c] or not grid[r][c] or _NUMBER.match(grid[r][c]):
                continue
            w = 1
            while r < header and c + w < width and not grid[r][c + w] and not taken[r][c + w]:
                w += 1
            h = 1
            while (
                r + h < len(grid)
                and (r + h < header or all(x in label_cols for x in range(c, c + w)))
                and all(not grid[r + h][x] and not taken[r + h][x] for x in range(c, c + w))
            ):
                h += 1
            for dr in range(h):
                for dc in range(w):
                    taken[r + dr][c + dc] = True
                    out[r + dr][c + dc] = None
            out[r][c] = (h, w)
    return out


# ---------------------------------------------------------------------------- Word
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_ABSTRACT = f"""<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="90">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
    <w:suff w:val="nothing"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
    <w:suff w:val="nothing"/><w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum>"""
_NUM = f"""<w:num xmlns:w="{W_NS}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>"""
FIXED_TIME = datetime(2024, 1, 1, 0, 0, 0)


def make_docx(blocks: list[Block]) -> bytes:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    document = docx.Document()
    numbering = document.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    abstract = parse_xml(_ABSTRACT)
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(_NUM))
    for block in blocks:
        if block.kind == "title":
            paragraph = document.add_paragraph(block.text, style="Title")
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif block.kind == "heading":
            paragraph = document.add_paragraph(block.text, style=f"Heading {block.level + 1}")
            ppr = paragraph._p.get_or_add_pPr()
            ppr.append(
                parse_xml(
                    f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{block.level}"/>'
                    '<w:numId w:val="90"/></w:numPr>'
                )
            )
        elif block.kind == "table":
            _docx_table(document, block.rows)
        else:
            document.add_paragraph(block.text)
    core = document.core_properties
    core.author = core.last_modified_by = "xxgk-lint examples"
    core.created = core.modified = FIXED_TIME
    core.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue())


def _docx_table(document, rows: list[list[str]]) -> None:
    width = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    # The grid's cells taken once, before any merge (``table.cell`` walks the whole table on
    # every call): merged regions are disjoint, so a cell is unchanged until its own merge.
    grid = table._cells
    for r, row in enumerate(spans(rows)):
        for c, span in enumerate(row):
            if span is None:
                continue
            cell = grid[r * width + c]
            h, w = span
            if h > 1 or w > 1:
                cell = cell.merge(grid[(r + h - 1) * width + c + w - 1])
            cell.text = rows[r][c] if c < len(rows[r]) else ""


def _fixed_zip(data: bytes) -> bytes:
    """The same archive with fixed timestamps, so the output is byte for byte repeatable."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info))
    return out.getvalue()


# ---------------------------------------------------------------------------- web page
_PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta {charset}>
<title>{title}_青禾县人民政府</title>
<link rel="stylesheet" href="/css/main.css">
<script>var _hmt = _hmt || []; window.siteId = "qh-001";</script>
</head>
<body>
<div class="top-bar"><span>欢迎访问青禾县人民政府网站</span>
<a href="#">无障碍</a> | <a href="#">长者版</a> | <a href="#">繁體版</a></div>
<div class="header"><div class="logo">青禾县人民政府</div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
<li><a href="/bsfw/">办事服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政府信息公开</a>
&gt; <a href="/zwgk/ndbg/">政府信息公开年报</a></div>
<div class="main">
<h1 class="article-title">{title}</h1>
<div class="article-info">来源：青禾县人民政府办公室 &nbsp; 浏览次数：<span id="hits">128</span>
&nbsp; 字号：【<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</div>
<div class="TRS_Editor">
{body}
</div>
<div class="article-tools"><a href="javascript:window.print()">【打印本页】</a>
<a href="javascript:window.close()">【关闭窗口】</a></div>
</div>
<div class="footer">
<p><a href="#">网站地图</a> | <a href="#">联系我们</a> | <a href="#">网站声明</a></p>
<p>主办单位：青禾县人民政府办公室 网站标识码：0000000000 京ICP备00000000号</p></div>
</body>
</html>
"""


def make_html(blocks: list[Block], charset: str) -> str:
    """The page's ``<h1>`` is the report title; when furniture was pasted above the title,
    the pasted lines and the title stay together in the article body, as they were pasted."""
    shown = [b for b in blocks if b.kind != "blank"]
    title = shown[0].text if shown and shown[0].kind == "title" else ""
    body: list[str] = []
    for block in blocks:
        if block.kind == "blank" or (block.kind == "title" and title):
            continue
        if block.kind == "table":
            body.append(_html_table(block.rows))
        elif block.kind == "heading":
            body.append(f"<p><strong>{html.escape(_heading_text(block, blocks))}</strong></p>")
        elif directive_text(block.text) is not None:
            body.append(f"<!-- xxgk-lint: {directive_text(block.text)} -->")  # a comment in HTML
        else:
            body.append(f'<p style="text-indent:2em;">{html.escape(block.text)}</p>')
    return _PAGE.format(charset=charset, title=html.escape(title), body="\n".join(body))


def _heading_text(block: Block, blocks: list[Block]) -> str:
    """The heading as written in the text: its automatic number put back."""
    counters = [0, 0]
    for other in blocks:
        if other.kind != "heading":
            continue
        counters[other.level] += 1
        if other.level == 0:
            counters[1] = 0
        if other is block:
            number = int_to_cn(counters[block.level])
            return (f"{number}、" if block.level == 0 else f"（{number}）") + block.text
    return block.text


def _html_table(rows: list[list[str]]) -> str:
    lines = ['<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse;">']
    for r, row in enumerate(spans(rows)):
        cells = []
        for c, span in enumerate(row):
            if span is None:
                continue
            h, w = span
            attrs = (f' rowspan="{h}"' if h > 1 else "") + (f' colspan="{w}"' if w > 1 else "")
            text = rows[r][c] if c < len(rows[r]) else ""
            cells.append(f"<td{attrs}>{html.escape(text) if text else '&nbsp;'}</td>")
        lines.append("<tr>" + "".join(cells) + "</tr>")
    lines.append("</table>")
    return "\n".join(lines)


# ---------------------------------------------------------------------------- PDF
def make_pdf(blocks: list[Block]) -> bytes:
    from reportlab import rl_config

    rl_config.invariant = 1
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle(
        "body", fontName="STSong-Light", fontSize=11, leading=18, wordWrap="CJK", firstLineIndent=22
    )
    title = ParagraphStyle(
        "title", parent=body, fontSize=16, leading=24, alignment=TA_CENTER, firstLineIndent=0
    )
    cell = ParagraphStyle("cell", parent=body, fontSize=8, leading=10, firstLineIndent=0)
    story = []
    for block in blocks:
        if block.kind == "title":
            story += [Paragraph(html.escape(block.text), title), Spacer(1, 4 * mm)]
        elif block.kind == "heading":
            story.append(Paragraph(html.escape(_heading_text(block, blocks)), body))
        elif block.kind == "para":
            story.append(Paragraph(html.escape(block.text), body))
        elif block.kind == "table":
            story.append(_pdf_table(block.rows, cell, Table, TableStyle, colors))
            story.append(Spacer(1, 3 * mm))
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, title="", author="", invariant=1)
    doc.build(story)
    return buffer.getvalue()


PAGE_WIDTH = 451.0  # A4 less SimpleDocTemplate's default margins, in points
NUMBER_COLUMN = 34.0


def _pdf_table(rows, style, Table, TableStyle, colors):
    from reportlab.platypus import Paragraph

    width = max(len(r) for r in rows)
    grid = [r + [""] * (width - len(r)) for r in rows]
    data = [[Paragraph(html.escape(c), style) for c in r] for r in grid]
    numeric = [any(c and _NUMBER.match(c) for c in column) for column in zip(*grid, strict=True)]
    labels = max(1, numeric.count(False))
    label_width = (PAGE_WIDTH - NUMBER_COLUMN * numeric.count(True)) / labels
    widths = [NUMBER_COLUMN if n else label_width for n in numeric]
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]
    for r, row in enumerate(spans(rows)):
        for c, span in enumerate(row):
            if span and span != (1, 1):
                commands.append(("SPAN", (c, r), (c + span[1] - 1, r + span[0] - 1)))
    return Table(data, colWidths=widths, style=TableStyle(commands), repeatRows=0)


# ---------------------------------------------------------------------------- main
def variants(text: str) -> dict[str, bytes]:
    """Every published form of one text report, by file-name suffix."""
    blocks = parse(text)
    return {
        ".docx": make_docx(blocks),
        ".html": make_html(blocks, 'charset="utf-8"').encode("utf-8"),
        ".gbk.html": make_html(
            blocks, 'http-equiv="Content-Type" content="text/html; charset=gb2312"'
        ).encode("gbk", errors="xmlcharrefreplace"),
        ".pdf": make_pdf(blocks),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale files")
    args = parser.parse_args(argv)
    OUT.mkdir(exist_ok=True)
    stale = []
    for source in sorted(EXAMPLES.glob("*.txt")):
        for suffix, data in variants(source.read_text(encoding="utf-8")).items():
            target = OUT / (source.stem + suffix)
            if target.exists() and target.read_bytes() == data:
                continue
            stale.append(target)
            if not args.check:
                target.write_bytes(data)
    for target in stale:
        print(f"{'stale' if args.check else 'wrote'} {target.relative_to(ROOT)}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
