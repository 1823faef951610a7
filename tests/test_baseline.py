"""Baselines: findings recorded with --write-baseline stay hidden while the report is edited
elsewhere (lines shift, other sentences change) and come back when their own sentence does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from xxgk_lint.baseline import sentence_around
from xxgk_lint.cli import app

TITLE = "某某县水利局2016年政府信息公开工作年度报告"
HEAD = "一、主动公开政府信息情况"
# One paragraph, two sentences; T006 fires on the half-width comma of the first.
PARAGRAPH = "全年主动公开信息,共计十二条。其中政策文件五条，工作动态七条。"

runner = CliRunner()


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reports").mkdir()
    write(tmp_path, TITLE, HEAD, PARAGRAPH)
    return tmp_path


def write(root: Path, *lines: str) -> None:
    (root / "reports" / "r.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def check(*args: str):
    return runner.invoke(
        app, ["check", "--no-cache", "--format", "json", "--select", "D001,T006", *args, "reports"]
    )


def found(result) -> list[tuple[str, int]]:
    return [
        (d["code"], d["line"]) for f in json.loads(result.stdout)["files"] for d in f["diagnostics"]
    ]


def test_write_then_apply(project: Path) -> None:
    written = check("--write-baseline", "baseline.json")
    assert written.exit_code == 0
    assert "wrote 2 finding(s)" in written.stderr
    data = json.loads((project / "baseline.json").read_text("utf-8"))
    assert [(e["path"], e["code"], e["line"]) for e in data["findings"]] == [
        ("reports/r.txt", "D001", 1),
        ("reports/r.txt", "T006", 3),
    ]
    applied = check("--baseline", "baseline.json")
    assert applied.exit_code == 0
    assert found(applied) == []
    assert "2 finding(s) hidden by the baseline" in applied.stderr


def test_edits_elsewhere_keep_findings_hidden(project: Path) -> None:
    check("--write-baseline", "baseline.json")
    # Lines added above, the paragraph's other sentence rewritten, text added below.
    write(
        project,
        TITLE,
        "（本报告经局长办公会审议）",
        "",
        HEAD,
        "全年主动公开信息,共计十二条。其中政策文件六条，工作动态六条。",
        "二、收到和处理政府信息公开申请情况",
        "本年度未收到申请。",
    )
    assert found(check()) == [("D001", 1), ("T006", 5)]
    assert found(check("--baseline", "baseline.json")) == []


def test_editing_the_findings_own_sentence_brings_it_back(project: Path) -> None:
    check("--write-baseline", "baseline.json")
    write(project, TITLE, HEAD, "全年主动公开信息,共计十五条。其中政策文件五条，工作动态七条。")
    result = check("--baseline", "baseline.json")
    assert found(result) == [("T006", 3)]
    assert result.exit_code == 0  # T006 is info: below the default --fail-on error


def test_repeated_identical_findings_are_counted(project: Path) -> None:
    write(project, TITLE, HEAD, PARAGRAPH, PARAGRAPH)
    check("--write-baseline", "baseline.json")
    write(project, TITLE, HEAD, PARAGRAPH, PARAGRAPH, PARAGRAPH)
    assert found(check("--baseline", "baseline.json")) == [("T006", 5)]


def test_baseline_paths_do_not_depend_on_the_working_folder(project: Path, monkeypatch) -> None:
    check("--write-baseline", "ci/baseline.json")
    monkeypatch.chdir(project / "reports")
    result = runner.invoke(
        app,
        ["check", "--no-cache", "--format", "json", "--select", "D001,T006",
         "--baseline", "../ci/baseline.json", "r.txt"],
    )  # fmt: skip
    assert found(result) == []


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (None, "no such baseline file"),
        ("{not json", "not a readable baseline"),
        ('{"findings": []}', "not an xxgk-lint baseline"),
        ('{"format": 9, "findings": []}', "baseline format 9"),
    ],
)
def test_bad_baseline_files(project: Path, content: str | None, problem: str) -> None:
    if content is not None:
        (project / "baseline.json").write_text(content, encoding="utf-8")
    result = check("--baseline", "baseline.json")
    assert result.exit_code == 2
    assert problem in result.stderr


def test_sentence_around_stops_at_sentence_ends_and_line_breaks() -> None:
    text = "第一句。第二句有,问题。第三句。\n下一行。"
    start = text.index(",")
    assert sentence_around(text, start, start + 1) == "第二句有,问题。"
    last = text.index("下")
    assert sentence_around(text, last, last + 1) == "下一行。"


def test_writing_a_baseline_through_a_link_keeps_the_link(project: Path) -> None:
    (project / "baseline.json").symlink_to(project / "kept.json")
    assert check("--write-baseline", "baseline.json").exit_code == 0
    assert (project / "baseline.json").is_symlink()
    assert json.loads((project / "kept.json").read_text("utf-8"))["findings"]
    assert found(check("--baseline", "baseline.json")) == []
