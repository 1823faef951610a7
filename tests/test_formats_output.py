"""Output formats for CI and tools: SARIF 2.1.0 (validated against the OASIS schema kept in
tests/data), JSON (against the shipped schema), JSON lines, GitHub annotations, GitLab Code
Quality, JUnit XML; --output-file, --statistics, --fail-on and --exit-zero."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from xxgk_lint.check import all_checks
from xxgk_lint.cli import app
from xxgk_lint.diagnostic import Severity
from xxgk_lint.engine import FileResult, Finding
from xxgk_lint.report.junit import render as render_junit

from .conftest import ROOT

# D001 (error, whole report) and T006 (info, line 3 column 9, with a safe fix).
REPORT = (
    "某某县水利局2016年政府信息公开工作年度报告\n"
    "一、主动公开政府信息情况\n"
    "全年主动公开信息,共计十二条。\n"
)
SARIF_SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-2.1.0.schema.json").read_text("utf-8"))

runner = CliRunner()


@pytest.fixture
def report(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "年报" / "水利局.txt"
    path.parent.mkdir()
    path.write_text(REPORT, encoding="utf-8")
    return path


def run(*args: str):
    return runner.invoke(app, ["check", "--no-cache", "--select", "D001,T006", *args])


def test_sarif_validates_against_the_sarif_2_1_0_schema(report: Path) -> None:
    result = run("--format", "sarif", "年报")
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    sarif_run = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert sarif_run["columnKind"] == "unicodeCodePoints"
    assert sarif_run["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")
    rules = sarif_run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(all_checks())
    for rule in rules:
        assert rule["shortDescription"]["text"]
        assert rule["fullDescription"]["text"]
        assert rule["help"]["text"] and rule["help"]["markdown"]
        # Every rule's help says how its positions are counted, in each output language.
        for help_text in (rule["help"]["text"], rule["help"]["markdown"]):
            assert "从 1 开始" in help_text and "Unicode 码位" in help_text
            assert "段落序号" in help_text and "HTML 源代码" in help_text
            assert "从第一页起" in help_text
    english = json.loads(run("--format", "sarif", "--lang", "en", "年报").stdout)
    for rule in english["runs"][0]["tool"]["driver"]["rules"]:
        for help_text in (rule["help"]["text"], rule["help"]["markdown"]):
            assert "1-based" in help_text and "Unicode code points" in help_text
            assert "paragraph number" in help_text and "HTML source" in help_text
            assert "first page" in help_text
    results = {r["ruleId"]: r for r in sarif_run["results"]}
    t006 = results["T006"]
    assert rules[t006["ruleIndex"]]["id"] == "T006"
    assert t006["level"] == "note"
    location = t006["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {
        "uri": "%E5%B9%B4%E6%8A%A5/%E6%B0%B4%E5%88%A9%E5%B1%80.txt",  # 年报/水利局.txt
        "uriBaseId": "%SRCROOT%",
    }
    assert location["region"] == {"startLine": 3, "startColumn": 9, "endLine": 3, "endColumn": 10}
    replacement = t006["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement["insertedContent"]["text"] == "，"
    assert replacement["deletedRegion"]["startColumn"] == 9
    assert "fixes" not in results["D001"]
    assert results["D001"]["level"] == "error"
    assert t006["partialFingerprints"]["xxgkLint/v1"]


def test_sarif_with_an_absolute_path_outside_the_working_folder(report: Path, monkeypatch) -> None:
    elsewhere = report.parent.parent / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    log = json.loads(run("--format", "sarif", str(report)).stdout)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert uri["uri"].startswith("file:///") and "uriBaseId" not in uri


def test_json_and_json_lines_carry_the_same_diagnostics(report: Path) -> None:
    data = json.loads(run("--format", "json", "年报").stdout)
    schema = json.loads(
        resources.files("xxgk_lint").joinpath("schemas/output.schema.json").read_text("utf-8")
    )
    jsonschema.validate(data, schema)
    lines = run("--format", "json-lines", "年报").stdout.splitlines()
    assert [json.loads(line) for line in lines] == data["files"][0]["diagnostics"]
    assert [json.loads(line)["code"] for line in lines] == ["D001", "T006"]


def test_github_annotations(report: Path) -> None:
    out = run("--format", "github", "年报").stdout.splitlines()
    assert out == [
        "::error file=年报/水利局.txt,line=1,col=1,endLine=1,endColumn=1,title=D001::D001 "
        "未载明数据统计期限（如“本报告所列数据的统计期限自2016年1月1日起至2016年12月31日止”）",
        "::notice file=年报/水利局.txt,line=3,col=9,endLine=3,endColumn=10,title=T006::T006 "
        "中文语句中使用了半角标点“,”，应为全角“，”",
    ]


def test_github_escapes_property_and_message_characters(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    odd = tmp_path / "a,b:50%.txt"
    odd.write_text(REPORT, encoding="utf-8")
    line = run("--format", "github", "--select", "D001", str(odd)).stdout.splitlines()[0]
    assert line.startswith("::error file=a%2Cb%3A50%25.txt,line=1,")


def test_gitlab_code_quality(report: Path) -> None:
    issues = json.loads(run("--format", "gitlab", "年报").stdout)
    assert [i["check_name"] for i in issues] == ["D001", "T006"]
    assert [i["severity"] for i in issues] == ["major", "info"]
    t006 = issues[1]
    assert t006["location"] == {"path": "年报/水利局.txt", "lines": {"begin": 3, "end": 3}}
    assert t006["description"].startswith("T006 ")
    assert len({i["fingerprint"] for i in issues}) == 2
    # The fingerprint follows the finding when lines are added above it.
    report.write_text("\n\n" + REPORT, encoding="utf-8")
    moved = json.loads(run("--format", "gitlab", "年报").stdout)[1]
    assert moved["location"]["lines"]["begin"] == 5
    assert moved["fingerprint"] == t006["fingerprint"]


def test_junit_is_valid_xml_per_file_and_rule(report: Path, tmp_path: Path) -> None:
    clean = tmp_path / "年报" / "clean.txt"
    clean.write_text("某某县水利局2016年政府信息公开工作年度报告\n", encoding="utf-8")
    args = ["check", "--no-cache", "--format", "junit", "--select", "T006", "年报"]
    root = ET.fromstring(runner.invoke(app, args).stdout)
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures")) == ("2", "1")
    suites = {Path(s.get("name")).name: s for s in root}
    assert suites["clean.txt"].find("testcase").find("failure") is None
    case = suites["水利局.txt"].find("testcase")
    assert case.get("name") == "T006 half-width-punctuation"
    assert case.get("line") == "3"
    assert case.find("failure").text.startswith("3:9: T006 ")


def test_junit_escapes_markup_and_drops_characters_xml_cannot_hold() -> None:
    finding = Finding(
        "T002", "garbled-text", Severity.ERROR, 'a <b> & "c" \x01 d', 'x&<y>".txt',
        1, 1, 1, 2, {}, None,
    )  # fmt: skip
    from io import StringIO

    out = StringIO()
    render_junit([FileResult('x&<y>".txt', [finding])], out, "en")
    root = ET.fromstring(out.getvalue())
    failure = root.find("testsuite/testcase/failure")
    assert failure.get("message") == 'a <b> & "c" \ufffd d'
    assert root.find("testsuite").get("name") == 'x&<y>".txt'


def test_output_file(report: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "results.sarif"
    result = run("--format", "sarif", "--output-file", str(target), "年报")
    assert result.exit_code == 1
    assert result.stdout == ""
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(json.loads(target.read_text("utf-8")))


def test_statistics(report: Path, tmp_path: Path) -> None:
    second = tmp_path / "年报" / "b.txt"
    second.write_text(REPORT.replace("信息,共计", "信息,共,计"), encoding="utf-8")
    text = run("--statistics", "年报").stdout.splitlines()
    assert text == ["3\tT006\t[*] half-width-punctuation", "2\tD001\t    missing-period"]
    rows = json.loads(run("--statistics", "--format", "json", "年报").stdout)
    assert rows[0] == {
        "code": "T006",
        "name": "half-width-punctuation",
        "count": 3,
        "fixable": True,
    }


def test_fail_on_and_exit_zero(report: Path) -> None:
    def only_info(*args: str) -> int:
        return runner.invoke(
            app, ["check", "--no-cache", "--select", "T006", *args, "年报"]
        ).exit_code

    assert only_info() == 0
    assert only_info("--fail-on", "info") == 1
    assert only_info("--fail-on", "warning") == 0
    assert run("年报").exit_code == 1
    assert run("--exit-zero", "年报").exit_code == 0


@pytest.mark.parametrize("name", ["github-workflow.yml", "gitlab-ci.yml"])
def test_ci_examples_run_as_written(name: str, report: Path) -> None:
    """Every xxgk-lint command of the CI examples in docs/ is accepted by this version."""
    import shlex

    yaml = pytest.importorskip("yaml")
    config = yaml.safe_load((ROOT / "docs" / name).read_text("utf-8"))
    jobs = config["jobs"].values() if "jobs" in config else [config["xxgk-lint"]]
    commands = [
        line
        for job in jobs
        for step in job.get("steps", [{"run": s} for s in job.get("script", [])])
        for line in str(step.get("run", "")).splitlines()
        if line.startswith("xxgk-lint ")
    ]
    assert commands
    for command in commands:
        args = shlex.split(command.replace('"$REPORTS"', "年报"))[1:]
        result = runner.invoke(app, args)
        assert result.exit_code in (0, 1), (command, result.stderr)


def test_ci_paths_keep_the_name_of_a_linked_report(report: Path, tmp_path: Path) -> None:
    """A report linked into the checked folder is annotated under its own name (the file the
    repository holds there), not its target's."""
    (tmp_path / "linked.txt").symlink_to(report)
    line = run("--format", "github", "--select", "D001", "linked.txt").stdout.splitlines()[0]
    assert line.startswith("::error file=linked.txt,line=1,")
    issues = json.loads(run("--format", "gitlab", "linked.txt").stdout)
    assert {i["location"]["path"] for i in issues} == {"linked.txt"}


def test_statistics_mark_only_what_fix_would_fix(tmp_path: Path, monkeypatch) -> None:
    """T005's fix is unsafe: ``--fix`` alone leaves it, so it is not marked fixable."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "r.txt").write_text(REPORT.replace("信息,", "資訊,"), encoding="utf-8")
    args = ("check", "--no-cache", "--select", "T005,T006", "--statistics")
    text = runner.invoke(app, [*args, "r.txt"]).stdout.splitlines()
    assert text == ["1\tT005\t    traditional-characters", "1\tT006\t[*] half-width-punctuation"]
    rows = json.loads(runner.invoke(app, [*args, "--format", "json", "r.txt"]).stdout)
    assert [(r["code"], r["fixable"]) for r in rows] == [("T005", False), ("T006", True)]
