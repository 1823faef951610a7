"""Tables in forms real reports take: a 表四 left wholly blank, a 表三 split over two tables
with its header repeated, and text that names 行政诉讼 in a sentence about disclosure."""

from __future__ import annotations

import io

import docx
import pytest

from tests.conftest import codes_of, lint_text
from tests.tables_builders import (
    DEFAULT_RESULTS,
    flat,
    html_page,
    html_table,
    pipe,
    positions,
    report,
    table2_spans,
    table3,
    table3_spans,
    table4_spans,
    tabs,
)
from xxgk_lint.check import select_checks
from xxgk_lint.engine import Finding, lint_source
from xxgk_lint.formats import load_bytes
from xxgk_lint.settings import Settings

TABLE_CODES = ("N003", "N004", "N005", "F001")
FORMS = {"pipe": pipe, "tabs": tabs, "flat": flat}
BLANK_T4 = [""] * 15
ZERO_T4 = ["0"] * 15
NO_CASES = "本年度未发生因政府信息公开引起的行政复议、行政诉讼案件。"


def _text(form: str, t4: list[str] | None = None, t3_spans=None, overview: str = NO_CASES) -> str:
    render = FORMS[form]
    spans = t3_spans or table3_spans(table3("2021", DEFAULT_RESULTS))
    t3 = "\n".join(render(part) for part in spans) if t3_spans else render(spans)
    return report(
        render(table2_spans()), t3, render(table4_spans(t4 or ZERO_T4)), overview=overview
    )


def _lint_page(page: bytes) -> list[Finding]:
    settings = Settings(select=list(TABLE_CODES))
    source = load_bytes(page, "report.html", ".html")
    return lint_source(source, select_checks(settings.select), settings).findings


def _page(t4: list[str] | None = None, t3=None, overview: str = NO_CASES) -> bytes:
    t3 = t3 or [table3_spans(table3("2021", DEFAULT_RESULTS))]
    return html_page(
        html_table(table2_spans()),
        "".join(html_table(part) for part in t3),
        html_table(table4_spans(t4 or ZERO_T4)),
        overview,
    )


# ---- 表四 left wholly blank -------------------------------------------------------------


@pytest.mark.parametrize("form", FORMS)
def test_wholly_blank_table4_is_blank_cells_not_a_missing_table(form: str) -> None:
    findings = lint_text(_text(form, BLANK_T4), *TABLE_CODES)
    assert codes_of(findings) == ["N005"] * 3
    assert [f.data["row"] for f in findings] == [
        "行政复议",
        "行政诉讼/未经复议直接起诉",
        "行政诉讼/复议后起诉",
    ]


def test_wholly_blank_table4_on_a_page() -> None:
    assert codes_of(_lint_page(_page(BLANK_T4))) == ["N005"] * 3


@pytest.mark.parametrize("form", FORMS)
def test_table4_of_zeros_is_clean(form: str) -> None:
    assert lint_text(_text(form, ZERO_T4), *TABLE_CODES) == []


def test_table4_header_with_no_value_row_at_all() -> None:
    # A copy that dropped the blank row: the header alone still shows the table is there.
    text = _text("tabs", BLANK_T4)
    assert "\t" * 14 + "\n" in text
    assert codes_of(lint_text(text, *TABLE_CODES)) == ["N005"] * 3


def test_table4_missing_is_still_f001() -> None:
    text = _text("pipe").replace(pipe(table4_spans(ZERO_T4)), "本年度无行政复议、行政诉讼。")
    assert codes_of(lint_text(text, *TABLE_CODES)) == ["F001"]


# ---- 表三 split over two tables, header repeated ---------------------------------------


def _split(cut: int = 14, wrong: bool = False) -> list[list[list[tuple[str, int, int]]]]:
    """表三 as two tables, cut before its row ``cut`` (inside （三）不予公开), the header rows
    repeated on the second, as Word repeats them on a new page."""
    spans = table3_spans(table3("2021", DEFAULT_RESULTS))
    if wrong:
        row = spans[-2]  # （七）总计: its 自然人 cell one too many
        spans[-2] = [row[0], (str(int(row[1][0]) + 1), 1, 1), *row[2:]]
    return [spans[:cut], spans[:3] + spans[cut:]]


def test_table3_split_with_repeated_header_is_one_table() -> None:
    assert _lint_page(_page(t3=_split())) == []


@pytest.mark.parametrize("form", ["pipe", "tabs"])
def test_table3_split_in_text_with_repeated_header(form: str) -> None:
    assert lint_text(_text(form, t3_spans=_split()), *TABLE_CODES) == []


def test_table3_split_still_checks_its_identities() -> None:
    findings = _lint_page(_page(t3=_split(wrong=True)))
    assert {f.code for f in findings} == {"N003"}
    assert {f.data["row"] for f in findings} == {"（七）总计"}


def test_two_whole_tables3_are_still_two_tables() -> None:
    whole = table3_spans(table3("2021", DEFAULT_RESULTS))
    assert _lint_page(_page(t3=[whole, whole])) == []


# ---- 行政诉讼 in a sentence about disclosure cases -----------------------------------------


CASES = "因政府信息公开被申请行政复议2件，被提起行政诉讼{n}件。"


@pytest.mark.parametrize("form", FORMS)
def test_litigation_clause_after_a_disclosure_review_clause(form: str) -> None:
    t4 = ["1", "0", "0", "1", "2", "0", "0", "0", "1", "1", "0", "0", "0", "0", "0"]
    wrong = lint_text(_text(form, t4, overview=CASES.format(n=3)), "N004")
    assert [(f.data["text_value"], f.data["table_value"]) for f in wrong] == [(3, 1)]
    assert lint_text(_text(form, t4, overview=CASES.format(n=1)), "N004") == []


@pytest.mark.parametrize(
    "overview",
    [
        "本局作为复议机关，全年办理行政复议案件36件，行政诉讼应诉12件。",
        "全年办理行政复议案件36件；政务公开栏目更新信息120条，行政诉讼应诉12件。",
    ],
)
def test_litigation_outside_disclosure_is_not_compared(overview: str) -> None:
    t4 = ["1", "0", "0", "1", "2", "0", "0", "0", "1", "1", "0", "0", "0", "0", "0"]
    assert lint_text(_text("pipe", t4, overview=overview), "N004") == []


# ---- a Word layout table framing the tables ---------------------------------------------


def _docx_table(document, spans):
    """A Word table of ``spans``, positions a merged cell covers left empty (merging cells
    with python-docx is slow, and merges are tested elsewhere)."""
    grid = positions(spans)
    table = document.add_table(rows=len(grid), cols=len(grid[0]))
    for cells, row in zip(table.rows, grid, strict=True):
        for cell, text in zip(cells.cells, row, strict=True):
            cell.text = text or ""
    return table


def _docx_report(t4: list[str], framed: bool) -> bytes:
    """The report as .docx; with ``framed`` its tables sit in the one cell of a frame table."""
    document = docx.Document()
    marks = {
        "@T2@": table2_spans(),
        "@T3@": table3_spans(table3("2021", DEFAULT_RESULTS)),
        "@T4@": table4_spans(t4),
    }
    frame = document.add_table(rows=1, cols=1).cell(0, 0) if framed else None
    for line in report("@T2@", "@T3@", "@T4@", NO_CASES).splitlines():
        if line in marks:
            table = _docx_table(document, marks[line])
            if frame is not None:
                frame._tc.append(table._tbl)  # moved into the frame's cell
                frame.add_paragraph("")
        elif frame is not None:
            frame.add_paragraph(line)
        else:
            document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _lint_docx(data: bytes) -> list[Finding]:
    settings = Settings(select=list(TABLE_CODES))
    source = load_bytes(data, "report.docx", ".docx")
    return lint_source(source, select_checks(settings.select), settings).findings


@pytest.mark.parametrize("framed", [False, True])
def test_tables_inside_a_word_frame_table(framed: bool) -> None:
    assert _lint_docx(_docx_report(ZERO_T4, framed)) == []
    wrong = ["1", "0", "0", "0", "2", *ZERO_T4[5:]]  # 总计 2 where the results add to 1
    findings = _lint_docx(_docx_report(wrong, framed))
    assert sorted(codes_of(findings)) == ["N003", "N004"]  # the text says no cases
    assert [f.data["row"] for f in findings if f.code == "N003"] == ["行政复议"]


# ---- 予以公开 given with the partly granted included ---------------------------------------

# The default 表三: 予以公开 12, 部分公开 2.


@pytest.mark.parametrize(
    "overview",
    [
        "予以公开14件（含部分公开2件）。",
        "予以公开（含部分公开）14件。",
        "予以公开14件，其中部分公开2件。",
        "予以公开12件，部分公开2件。",
    ],
)
def test_granted_that_includes_the_partly_granted(overview: str) -> None:
    assert lint_text(_text("pipe", overview=overview), "N004") == []


@pytest.mark.parametrize(
    ("overview", "found"),
    [
        ("予以公开15件（含部分公开2件）。", (15, 14)),
        ("予以公开14件（含部分公开3件）。", (3, 2)),
        ("予以公开14件，部分公开2件。", (14, 12)),
    ],
)
def test_granted_with_the_partly_granted_that_disagrees(
    overview: str, found: tuple[int, int]
) -> None:
    findings = lint_text(_text("pipe", overview=overview), "N004")
    assert [(f.data["text_value"], f.data["table_value"]) for f in findings] == [found]


def test_applicants_against_a_page_table_with_merged_header() -> None:
    """A CMS page's 表三 (法人或其他组织 spanning its five columns): the breakdown of the
    received figure is read against row 一's columns."""
    overview = "全年共收到政府信息公开申请22件，其中自然人申请18件、法人或其他组织申请5件。"
    [finding] = [f for f in _lint_page(_page(overview=overview)) if f.code == "N004"]
    assert finding.data == {"text_value": 5, "table_value": 4}
    agree = "全年共收到政府信息公开申请22件，其中自然人申请18件、法人或其他组织申请4件。"
    assert [f for f in _lint_page(_page(overview=agree)) if f.code == "N004"] == []


@pytest.mark.parametrize("form", FORMS)
def test_each_kind_of_case_against_table4(form: str) -> None:
    t4 = ["1", "0", "0", "1", "2", "1", "0", "0", "0", "1", "0", "1", "0", "0", "1"]
    said = "因政府信息公开申请行政复议、行政诉讼各2件。"
    assert codes_of(lint_text(_text(form, t4, overview=said), "N004")) == []
    said = "因政府信息公开申请行政复议、行政诉讼各3件。"
    assert codes_of(lint_text(_text(form, t4, overview=said), "N004")) == ["N004", "N004"]
