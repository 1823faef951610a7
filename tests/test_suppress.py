"""Suppression comments: regions, next line, whole file; the plain-text, Markdown and HTML
forms; full-width input; directive lines invisible to the checks; X001 for directives that
did nothing, with its position and fix."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from xxgk_lint.cli import app
from xxgk_lint.suppress import parse

from .conftest import codes_of, lint_text

TITLE = "某某县水利局2016年政府信息公开工作年度报告"
# Each of these lines has one half-width comma between Chinese characters (T006) at column 9.
FIRST = "全年主动公开信息,共计十二条。"
SECOND = "其中政策文件五条,工作动态七条。"


def report(*middle: str) -> str:
    return "\n".join([TITLE, "一、主动公开政府信息情况", *middle]) + "\n"


def positions(findings, code: str) -> list[tuple[int, int]]:
    return [(f.line, f.column) for f in findings if f.code == code]


def test_without_directives_both_lines_fire() -> None:
    assert positions(lint_text(report(FIRST, SECOND), "T006"), "T006") == [(3, 9), (4, 9)]


def test_disable_enable_region() -> None:
    text = report(
        "<!-- xxgk-lint: disable=T006 -- 引用原文，保留半角标点 -->",
        FIRST,
        "<!-- xxgk-lint: enable=T006 -->",
        SECOND,
    )
    found = lint_text(text, "T006", "X001")
    assert positions(found, "T006") == [(6, 9)]
    assert codes_of(found) == ["T006"]


def test_disable_without_enable_runs_to_the_end() -> None:
    text = report("<!-- xxgk-lint: disable=T -->", FIRST, SECOND)
    assert lint_text(text, "T006", "X001") == []


def test_next_line_skips_blank_lines_and_covers_one_line() -> None:
    text = report("<!-- xxgk-lint: disable-next-line=T006 -->", "", FIRST, SECOND)
    assert positions(lint_text(text, "T006", "X001"), "T006") == [(6, 9)]


def test_plain_text_form_with_full_width_input() -> None:
    # What a Chinese input method types: full-width #, colon, equals sign and comma.
    text = report("＃ xxgk-lint：disable-next-line＝T006，D001", FIRST, SECOND)
    found = lint_text(text, "T006", "X001")
    assert positions(found, "T006") == [(5, 9)]
    assert codes_of(found) == ["T006"]  # D001 did not run: its code is not "unused"


def test_bare_form_and_disable_file_for_a_whole_report_finding() -> None:
    text = report(FIRST, "xxgk-lint: disable-file=D001")
    assert positions(lint_text(report(FIRST), "D001"), "D001") == [(1, 1)]
    assert lint_text(text, "D001", "X001") == []


def test_directive_lines_are_invisible_to_the_outline_and_checks() -> None:
    directive = "<!-- xxgk-lint: disable-next-line=T006 -->"
    text = (
        f"# xxgk-lint: disable-file=D001\n{TITLE}\n一、主动公开政府信息情况\n{directive}\n{FIRST}\n"
    )
    found = lint_text(text, "D001", "T006", "S005", "S006", "X001")
    assert found == []  # the title is still the title, the section still has its content
    from xxgk_lint.document import Document
    from xxgk_lint.source import decode
    from xxgk_lint.suppress import mask

    doc = Document(mask(decode(text.encode("utf-8"), "r.txt")))
    assert doc.facts.title == TITLE
    assert doc.source.line_text(0).strip() == ""
    assert len(doc.source.text) == len(text)


def test_unused_directive_is_x001_with_position_and_fix() -> None:
    text = report("  <!-- xxgk-lint: disable-next-line=T006 -->", "全年主动公开信息，共计十二条。")
    (finding,) = lint_text(text, "T006", "X001")
    assert (finding.code, finding.severity.value) == ("X001", "warning")
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (3, 3, 3, 45)
    assert finding.data == {"codes": ["T006"]}
    assert finding.fix == {
        "applicability": "safe",
        "edits": [{"line": 3, "column": 1, "end_line": 4, "end_column": 1, "content": ""}],
    }


def test_partly_unused_directive_names_the_idle_code_without_a_fix() -> None:
    text = report("<!-- xxgk-lint: disable-next-line=T006,D001 -->", FIRST)
    (finding,) = [f for f in lint_text(text, "T006", "D001", "X001") if f.code == "X001"]
    assert finding.data == {"codes": ["D001"]}
    assert finding.fix is None


def test_unknown_code_malformed_directive_and_stray_enable() -> None:
    text = report(
        "<!-- xxgk-lint: disable=Z123 -->",
        "<!-- xxgk-lint: disabel=T006 -->",
        "<!-- xxgk-lint: enable=T006 -->",
        FIRST,
    )
    found = lint_text(text, "T006", "X001", lang="en")
    messages = [(f.line, f.message) for f in found if f.code == "X001"]
    assert messages == [
        (3, "The suppression comment names no known rule: Z123"),
        (4, "Unrecognised suppression comment: disabel=T006 (expected disable, enable, "
            "disable-next-line or disable-file)"),
        (5, "This enable comment has no matching disable before it: T006"),
    ]  # fmt: skip
    assert positions(found, "T006") == [(6, 9)]


def test_x001_follows_severity_and_selection() -> None:
    text = report("<!-- xxgk-lint: disable-next-line=T006 -->", "全年主动公开信息。")
    assert lint_text(text, "T006") == []
    (finding,) = lint_text(text, "T006", "X001", severity={"X001": "info"})
    assert finding.severity.value == "info"
    assert lint_text(text, "T006", "X001", severity={"X001": "off"}) == []


def test_parse_reads_kinds_codes_and_reasons() -> None:
    text = "<!-- xxgk-lint: disable = N001, t006 -- 数据口径不同 -->\n# xxgk-lint: disable-file\n"
    first, second = parse(text)
    assert (first.kind, first.codes, first.line) == ("disable", ("N001", "T006"), 1)
    assert (second.kind, second.codes, second.line) == ("disable-file", (), 2)
    assert parse("报告正文提到 xxgk-lint 工具。\n") == []


def test_markdown_and_html_files(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "r.md").write_text(
        report("<!-- xxgk-lint: disable-next-line=T006 -->", FIRST, SECOND), encoding="utf-8"
    )
    (tmp_path / "r.html").write_text(
        "<html><head><meta charset='utf-8'></head><body>\n"
        f"<h1>{TITLE}</h1>\n<p>一、主动公开政府信息情况</p>\n"
        "<!-- xxgk-lint: disable-next-line=T006 -->\n"
        f"<p>{FIRST}</p>\n<p>{SECOND}</p>\n</body></html>\n",
        encoding="utf-8",
    )
    args = ["check", "--no-cache", "--format", "json", "--select", "T006,X001", "r.md", "r.html"]
    files = json.loads(CliRunner().invoke(app, args).stdout)["files"]
    found = {
        f["path"]: [(d["code"], d["line"], d["column"]) for d in f["diagnostics"]] for f in files
    }
    assert found == {"r.md": [("T006", 5, 9)], "r.html": [("T006", 6, 12)]}


def _lint_files(files: dict[str, str]) -> dict[str, list[tuple[str, int, int]]]:
    """(code, line, column) of the T006 and X001 findings of each file, checked by the CLI."""
    for name, text in files.items():
        Path(name).write_text(text, encoding="utf-8")
    args = ["check", "--no-cache", "--format", "json", "--select", "T006,X001", *files]
    outcome = CliRunner().invoke(app, args)
    assert outcome.exit_code in (0, 1), outcome.output
    return {
        f["path"]: [(d["code"], d["line"], d["column"]) for d in f["diagnostics"]]
        for f in json.loads(outcome.stdout)["files"]
    }


def _page(*body: str) -> str:
    """An HTML page: the title in line 2, the section heading in line 3, then ``body``."""
    return (
        "<html><head><meta charset='utf-8'></head><body>\n"
        f"<h1>{TITLE}</h1>\n<p>一、主动公开政府信息情况</p>\n"
        + "".join(f"{line}\n" for line in body)
        + "</body></html>\n"
    )


def test_markdown_and_html_disable_enable_region(tmp_path: Path, monkeypatch) -> None:
    # The same line (one T006 at column 9) inside the region and again after it: only the
    # copy after the enable comment is reported, in both formats.
    monkeypatch.chdir(tmp_path)
    found = _lint_files(
        {
            "r.md": report(
                "<!-- xxgk-lint: disable=T006 -- 引用原文，保留半角标点 -->",
                FIRST,
                SECOND,
                "<!-- xxgk-lint: enable=T006 -->",
                FIRST,
            ),
            "r.html": _page(
                "<!-- xxgk-lint: disable=T006 -- 引用原文，保留半角标点 -->",
                f"<p>{FIRST}</p>",
                f"<p>{SECOND}</p>",
                "<!-- xxgk-lint: enable=T006 -->",
                f"<p>{FIRST}</p>",
            ),
        }
    )
    # Markdown: lines 4-5 are inside, line 7 after; HTML: lines 5-6 inside, line 8 after
    # (page source lines; ``<p>`` moves the column from 9 to 12).
    assert found == {"r.md": [("T006", 7, 9)], "r.html": [("T006", 8, 12)]}


def test_markdown_and_html_region_without_enable_and_all_rules(tmp_path: Path, monkeypatch):
    # An unclosed region runs to the end of the file; a region naming no code covers T006 too.
    monkeypatch.chdir(tmp_path)
    found = _lint_files(
        {
            "r.md": report(FIRST, "<!-- xxgk-lint: disable -->", SECOND, FIRST),
            "r.html": _page(f"<p>{FIRST}</p>", "<!-- xxgk-lint: disable -->", f"<p>{SECOND}</p>"),
        }
    )
    assert found == {"r.md": [("T006", 3, 9)], "r.html": [("T006", 4, 12)]}


def test_markdown_and_html_unused_region_is_x001(tmp_path: Path, monkeypatch) -> None:
    # The region holds only a clean line (full-width comma): its disable comment is X001, at
    # the comment's own line and columns; the enable that closes it is not reported. The
    # T006 after the region still fires.
    monkeypatch.chdir(tmp_path)
    clean = "全年主动公开信息，共计十二条。"
    disable = "<!-- xxgk-lint: disable=T006 -->"
    found = _lint_files(
        {
            "r.md": report(disable, clean, "<!-- xxgk-lint: enable=T006 -->", SECOND),
            "r.html": _page(
                disable, f"<p>{clean}</p>", "<!-- xxgk-lint: enable=T006 -->", f"<p>{SECOND}</p>"
            ),
        }
    )
    assert found == {
        "r.md": [("X001", 3, 1), ("T006", 6, 9)],
        "r.html": [("X001", 4, 1), ("T006", 7, 12)],
    }
    args = ["check", "--no-cache", "--format", "json", "--select", "T006,X001", "r.html"]
    (page,) = json.loads(CliRunner().invoke(app, args).stdout)["files"]
    (x001,) = [d for d in page["diagnostics"] if d["code"] == "X001"]
    assert x001["end_column"] == len(disable) + 1
    assert x001["data"] == {"codes": ["T006"]}
