"""Broken tables published as a web page and as Word: the findings of their text.

For both layouts (2021 and the 2019 试行 format) a report is written in pipe form with one
defect: each identity of N003 (row total, （七）总计, 一 + 二 = 三（七）+ 四, 表四 总计, a
negative or fractional count), a blank or placeholder cell (N005), a text number that
contradicts the table (N004), the other edition's 表二 (F001), or none. ``tools/make_examples``
renders it as a page whose ``<table>`` has rowspan/colspan, as a .docx with merged Word table
cells and as a PDF with ruled tables. Each must give the codes and data of the text (keys
ending in ``_line`` are positions), the text must give the expected finding, and in the page
and the Word file the finding must point at the same cell or words as in the text.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import pytest

from tests.tables_builders import (
    CARRY,
    DEFAULT_RESULTS,
    GRANTED,
    NEW,
    OLD,
    TOTAL7,
    Table3,
    pipe,
    report,
    table2_spans,
    table3,
    table3_spans,
    table4_spans,
)
from tools.make_examples import make_docx, make_html, make_pdf, parse
from xxgk_lint.check import select_checks
from xxgk_lint.engine import Finding, lint_source
from xxgk_lint.formats import load_bytes
from xxgk_lint.settings import Settings
from xxgk_lint.source import Source, decode

YEARS = {"2021": 2023, "2019": 2020}
OTHER = {"2021": "2019", "2019": "2021"}
REFUSED = ("（五）不予处理", "2.重复申请")
SUFFIXES = (".html", ".docx", ".pdf")


@dataclass(frozen=True)
class Case:
    """One defect: how it is made, the finding it must give (``code`` None: a clean report;
    in ``data`` "EDITION" and "OTHER" stand for the report's edition and the other one)."""

    name: str
    code: str | None
    data: dict[str, Any] = field(default_factory=dict)
    message: str = ""
    t3: Callable[[Table3], Table3] = lambda t: t
    t4: list[str] | None = None
    overview: str | None = None
    other_table2: bool = False


CASES = [
    Case("clean", None),
    Case(
        "I1-row-total",
        "N003",
        {"table": "三", "row": NEW, "column": "总计", "expected": 22, "found": 917},
        "总计",
        t3=lambda t: t.set((NEW,), 6, "917"),
    ),
    Case(
        "I2-results-total",
        "N003",
        {"table": "三", "row": TOTAL7, "column": "自然人", "expected": 17, "found": 19},
        "（七）总计 = 各项办理结果之和",
        t3=lambda t: t.set((TOTAL7,), 0, "19").set((TOTAL7,), 6, "23"),
    ),
    Case(
        "I3-balance",
        "N003",
        {"table": "三", "row": CARRY, "column": "自然人", "expected": 7, "found": 2},
        "一 + 二 = 三（七）+ 四",
        t3=lambda t: t.set((NEW,), 0, "23").set((NEW,), 6, "27"),
    ),
    Case(
        "I4-table4-total",
        "N003",
        {"table": "四", "row": "行政复议", "column": "总计", "expected": 2, "found": 9},
        t4=["1", "0", "0", "1", "9", "0", "0", "0", "1", "1", "0", "0", "0", "0", "0"],
    ),
    Case(
        "I5-negative",
        "N003",
        {"row": "/".join(REFUSED), "expected": "non-negative integer", "found": "-1"},
        t3=lambda t: t.set(REFUSED, 3, "-1"),
    ),
    Case(
        "I5-fraction",
        "N003",
        {"row": "/".join(REFUSED), "expected": "non-negative integer", "found": "1.5"},
        t3=lambda t: t.set(REFUSED, 3, "1.5"),
    ),
    Case(
        "N005-placeholder",
        "N005",
        {"table": "三", "row": GRANTED, "column": "科研机构"},
        t3=lambda t: t.set((GRANTED,), 2, "/"),
    ),
    Case(
        "N005-blank",
        "N005",
        {"table": "三", "row": OLD, "column": "商业企业"},
        t3=lambda t: t.set((OLD,), 1, ""),
    ),
    Case(
        "N004-text-vs-table",
        "N004",
        {"text_value": 30, "table_value": 22},
        overview="全年共收到政府信息公开申请30件，均已按时答复。",
    ),
    Case(
        "F001-other-table2",
        "F001",
        {"expected_edition": "EDITION", "found": "OTHER"},
        other_table2=True,
    ),
]
IDS = [(edition, case) for edition in YEARS for case in CASES]


def _id(pair: tuple[str, Case]) -> str:
    return f"{pair[0]}-{pair[1].name}"


@cache
def _text(edition: str, name: str) -> str:
    case = next(c for c in CASES if c.name == name)
    t2 = table2_spans(OTHER[edition] if case.other_table2 else edition)
    tables = {
        "table2": pipe(t2),
        "table3": pipe(table3_spans(case.t3(table3(edition, DEFAULT_RESULTS)))),
        "table4": pipe(table4_spans(case.t4)),
    }
    if case.overview is not None:
        tables["overview"] = case.overview
    return report(**tables, year=YEARS[edition])


@cache
def _published(edition: str, name: str, suffix: str) -> bytes:
    blocks = parse(_text(edition, name))
    if suffix == ".html":
        return make_html(blocks, 'charset="utf-8"').encode("utf-8")
    if suffix == ".docx":
        return make_docx(blocks)
    pytest.importorskip("reportlab")
    return make_pdf(blocks)


def _source(edition: str, name: str, suffix: str) -> Source:
    if suffix == ".txt":
        return decode(_text(edition, name).encode("utf-8"), "report.txt")
    return load_bytes(_published(edition, name, suffix), "report" + suffix, suffix)


@cache
def _findings(edition: str, name: str, suffix: str) -> list[Finding]:
    settings = Settings()
    source = _source(edition, name, suffix)
    result = lint_source(source, select_checks(settings.select), settings)
    return sorted(result.findings, key=_key)


def _key(f: Finding) -> tuple[str, str]:
    return f.code, repr(sorted((k, v) for k, v in f.data.items() if not k.endswith("_line")))


def _table_findings(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.code[0] in "NF"]


# ---- the text gives the expected finding ------------------------------------------------


@pytest.mark.parametrize(("edition", "case"), IDS, ids=[_id(p) for p in IDS])
def test_text_gives_the_expected_finding(edition: str, case: Case) -> None:
    findings = _table_findings(_findings(edition, case.name, ".txt"))
    if case.code is None:
        assert findings == []
        return
    assert {f.code for f in findings} == {case.code}, [(f.code, f.message) for f in findings]
    marks = {"EDITION": edition, "OTHER": OTHER[edition]}
    data = {k: marks.get(v, v) if isinstance(v, str) else v for k, v in case.data.items()}
    hits = [f for f in findings if data.items() <= f.data.items() and case.message in f.message]
    assert len(hits) == 1, [(f.data, f.message) for f in findings]


# ---- each published form gives the findings of the text ---------------------------------

FORMS = [(edition, case, suffix) for edition, case in IDS for suffix in SUFFIXES]


@pytest.mark.parametrize(
    ("edition", "case", "suffix"), FORMS, ids=[f"{e}-{c.name}{s}" for e, c, s in FORMS]
)
def test_published_form_gives_the_findings_of_its_text(
    edition: str, case: Case, suffix: str
) -> None:
    expected = [_key(f) for f in _findings(edition, case.name, ".txt")]
    assert [_key(f) for f in _findings(edition, case.name, suffix)] == expected


@pytest.mark.parametrize("edition", YEARS)
def test_published_tables_have_merged_cells(edition: str) -> None:
    page = _published(edition, "clean", ".html").decode("utf-8")
    assert page.count("<table") == 3
    assert 'rowspan="' in page and 'colspan="' in page
    with zipfile.ZipFile(io.BytesIO(_published(edition, "clean", ".docx"))) as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    assert body.count("<w:tbl>") == 3
    assert "<w:gridSpan " in body and "<w:vMerge" in body
    assert "|" not in re.sub(r"<[^>]+>", "", body)  # cells, not pipe text


# ---- the finding points at the same place -----------------------------------------------


def _cell(line: str, column: int) -> str | None:
    """The pipe cell of a text line holding ``column``; None for a line of prose."""
    if not line.startswith("|"):
        return None
    start = line.rfind("|", 0, column - 1) + 1
    return line[start : line.index("|", column - 1)].strip()


def _html_cell(lines: list[str], line: int, column: int) -> str | None:
    """The content of the ``<td>`` of the page's source holding (line, column)."""
    text = lines[line - 1]
    start = text.rfind("<td", 0, column - 1)
    end = text.find("</td>", column - 1)
    if start < 0 or end < 0 or "</td>" in text[start : column - 1]:
        return None
    return html.unescape(text[text.index(">", start) + 1 : end]).strip()


def _docx_paragraphs(data: bytes) -> list[str]:
    """Every paragraph of the Word body in reading order, table cells' paragraphs included."""
    import docx
    from docx.oxml.ns import qn

    body = docx.Document(io.BytesIO(data)).element.body
    return ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p"))]


PLACES = [
    pytest.param(e, c, s, id=f"{e}-{c.name}{s}")
    for e, c in IDS
    if c.code
    for s in (".html", ".docx")
]


@pytest.mark.parametrize(("edition", "case", "suffix"), PLACES)
def test_finding_points_at_the_same_cell_or_words(edition: str, case: Case, suffix: str) -> None:
    text_lines = _text(edition, case.name).split("\n")
    data = _published(edition, case.name, suffix)
    lines = data.decode("utf-8").split("\n") if suffix == ".html" else _docx_paragraphs(data)
    pairs = zip(
        _table_findings(_findings(edition, case.name, ".txt")),
        _table_findings(_findings(edition, case.name, suffix)),
        strict=True,
    )
    for plain, published in pairs:
        line = text_lines[plain.line - 1]
        words = line[plain.column - 1 : plain.end_column - 1]
        shown = lines[published.line - 1][published.column - 1 : published.end_column - 1]
        cell = _cell(line, plain.column)
        if cell is None:
            assert (shown, published.end_line) == (words, published.line), plain.message
        elif suffix == ".html":
            assert html.unescape(shown).strip() == words.strip(), plain.message
            assert _html_cell(lines, published.line, published.column) == cell, plain.message
        else:
            assert lines[published.line - 1] == cell, plain.message
            assert shown == words.strip(), plain.message


# ---- an empty cell is found where it is ----------------------------------------------------

BLANK_ROW = "<tr><td>二、上年结转政府信息公开申请数量</td><td>&nbsp;</td><td>&nbsp;</td><td>1</td>"
"""The start of the row of the N005-blank case's page, up to the cell before the blank one."""


def _n005(page: str) -> tuple[Finding, str]:
    source = load_bytes(page.encode("utf-8"), "report.html", ".html")
    settings = Settings(select=["N005"])
    findings = lint_source(source, select_checks(settings.select), settings).findings
    assert len(findings) == 1, [(f.code, f.message) for f in findings]
    finding = findings[0]
    assert finding.end_line == finding.line
    line = source.display_line(finding.line)
    return finding, line[finding.column - 1 : finding.end_column - 1]


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        ("<td>&nbsp;</td>", "&nbsp;"),
        ("<td>&#160; &nbsp;</td>", "&#160; &nbsp;"),
        ('<td class="num"><p>&nbsp;</p></td>', "&nbsp;"),
        ("<td></td>", "<td>"),
        ('<TD CLASS="num">  </TD>', '<TD CLASS="num">'),
        ("<td><!-- <td>5</td> --></td>", "<td>"),
    ],
)
def test_an_empty_web_cell_is_its_spaces_or_its_tag(cell: str, shown: str) -> None:
    page = _published("2021", "N005-blank", ".html").decode("utf-8")
    assert page.count(BLANK_ROW + "<td>&nbsp;</td>") == 1
    page = page.replace(BLANK_ROW + "<td>&nbsp;</td>", BLANK_ROW + cell)
    finding, found = _n005(page)
    assert finding.data == {"table": "三", "row": OLD, "column": "商业企业"}
    assert found == shown
    line = page.split("\n")[finding.line - 1]
    assert line.startswith(BLANK_ROW) and line.index(cell) <= finding.column - 1


@pytest.mark.parametrize("suffix", [".html", ".docx"])
def test_empty_cells_side_by_side_are_each_found_where_they_are(suffix: str) -> None:
    # 商业企业 and 科研机构 of 二、上年结转 both blank: two findings, each on its own cell (the
    # second is not placed at the first).
    blocks = parse(
        report(
            table3=pipe(
                table3_spans(table3("2021", DEFAULT_RESULTS).set((OLD,), 1, "").set((OLD,), 2, ""))
            )
        )
    )
    data = (
        make_html(blocks, 'charset="utf-8"').encode("utf-8")
        if suffix == ".html"
        else make_docx(blocks)
    )
    source = load_bytes(data, "report" + suffix, suffix)
    settings = Settings(select=["N005"])
    findings = lint_source(source, select_checks(settings.select), settings).findings
    assert [f.data["column"] for f in findings] == ["商业企业", "科研机构"]
    first, second = ((f.line, f.column) for f in findings)
    if suffix == ".docx":
        paragraphs = _docx_paragraphs(data)
        assert second == (first[0] + 1, 1)
        assert paragraphs[first[0] - 1] == paragraphs[second[0] - 1] == ""
        assert paragraphs[first[0] - 2] == "1"  # 自然人, the cell before
    else:
        lines = data.decode("utf-8").split("\n")
        assert first[0] == second[0] and first[1] < second[1]
        text = lines[first[0] - 1]
        cells = re.findall(r"<td>(.*?)</td>", text)
        assert cells[:6] == [OLD, "&nbsp;", "&nbsp;", "1", "&nbsp;", "&nbsp;"]
        for line, column in (first, second):
            assert text[column - 1 : column + 5] == "&nbsp;"
            assert _html_cell(lines, line, column) == ""
        assert text[: first[1]].count("<td>") == 5 and text[: second[1]].count("<td>") == 6
