"""PDF reports for the tests: the unified tables of ``tables_builders`` laid out by reportlab,
ruled or borderless (Word and WPS tables with hidden borders), in narrow columns so that long
labels wrap over several lines, as published reports print them.
"""

from __future__ import annotations

import html
import io
import re

from tests.tables_builders import (
    DEFAULT_RESULTS,
    Spec,
    positions,
    report,
    table2_spans,
    table3,
    table3_spans,
    table4_spans,
)

FONT = "STSong-Light"
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
TABLE_WIDTH = 450.0


def report_pdf(
    t2: list[list[Spec]] | None = None,
    t3: list[list[Spec]] | None = None,
    t4: list[list[Spec]] | None = None,
    ruled: bool = False,
    valign: str = "MIDDLE",
    centred: bool = False,
) -> bytes:
    """``tables_builders.report`` as a PDF, the given tables (default: clean 2021 ones) laid
    out ruled or borderless, cells aligned vertically by ``valign`` (Word's default is TOP),
    labels left-aligned or ``centred`` (numbers are centred)."""
    from reportlab import rl_config

    rl_config.invariant = 1
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    body = ParagraphStyle("body", fontName=FONT, fontSize=12, leading=20, wordWrap="CJK")
    tables = {
        "@T2@": (t2 or table2_spans(), [90.0]),
        "@T3@": (t3 or table3_spans(table3(results=DEFAULT_RESULTS)), [50.0, 56.0, 96.0]),
        "@T4@": (t4 or table4_spans(), []),
    }
    story = []
    for line in report("@T2@", "@T3@", "@T4@").splitlines():
        if line in tables:
            spans, label_widths = tables[line]
            story.append(_table(spans, label_widths, ruled, valign, centred))
        elif line.strip():
            story.append(Paragraph(html.escape(line), body))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, invariant=1).build(story)
    return buffer.getvalue()


def _table(
    spans: list[list[Spec]], label_widths: list[float], ruled: bool, valign: str, centred: bool
):
    """A reportlab table of ``spans``: label columns of the given widths, the rest sharing
    what is left; numbers centred, 8.5 pt text."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Table, TableStyle

    grid = positions(spans)
    width = len(grid[0])
    number_width = (TABLE_WIDTH - sum(label_widths)) / (width - len(label_widths))
    widths = label_widths + [number_width] * (width - len(label_widths))
    cell = ParagraphStyle("cell", fontName=FONT, fontSize=8.5, leading=10.5, wordWrap="CJK")
    centre = ParagraphStyle("number", parent=cell, alignment=1)
    label = centre if centred else cell
    data = [
        [
            Paragraph(html.escape(c or ""), centre if _NUMBER.fullmatch(c or "") else label)
            for c in row
        ]
        for row in grid
    ]
    commands = [("VALIGN", (0, 0), (-1, -1), valign)]
    if ruled:
        commands.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    for r, row in enumerate(spans):
        c = 0
        for _, rowspan, colspan in row:
            while grid[r][c] is None:
                c += 1
            if rowspan > 1 or colspan > 1:
                commands.append(("SPAN", (c, r), (c + colspan - 1, r + rowspan - 1)))
            c += colspan
    return Table(data, colWidths=widths, style=TableStyle(commands))
