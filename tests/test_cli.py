"""The command line: formats, exit codes and bad input, run as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from xxgk_lint import __version__
from xxgk_lint.cli import app

from .conftest import ROOT

EXAMPLES = ROOT / "examples"
# A 2016 report missing its statistics period (D001, error) and its other parts (S001).
BROKEN = "某某局2016年政府信息公开工作年度报告\n一、主动公开政府信息情况\n全年主动公开信息12条。\n"

runner = CliRunner()


def run(*args: str, input: bytes | None = None):
    return runner.invoke(app, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    path = tmp_path / "broken.txt"
    path.write_text(BROKEN, encoding="utf-8")
    return path


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"xxgk-lint {__version__}"


def test_clean_report_exits_zero() -> None:
    result = run("check", str(EXAMPLES / "clean-2007.txt"))
    assert result.exit_code == 0, result.stdout
    assert "全部检查通过" in result.stdout


def test_findings_exit_one_with_full_output(broken: Path) -> None:
    result = run("check", str(broken))
    assert result.exit_code == 1
    assert f"{broken}:1:1: D001" in result.stdout
    assert "共发现" in result.stdout


def test_english_messages(broken: Path) -> None:
    result = run("check", "--lang", "en", "--format", "concise", str(broken))
    assert "No statistics period is stated" in result.stdout
    assert "Found" in result.stdout


def test_concise_is_one_line_per_finding(broken: Path) -> None:
    result = run("check", "--format", "concise", str(broken))
    lines = result.stdout.strip().splitlines()
    findings = [line for line in lines if line.startswith(str(broken))]
    assert len(findings) == len(lines) - 1  # the last line is the summary
    assert any(": D001 [error] " in line for line in findings)


def test_json_output_validates_against_the_shipped_schema(broken: Path) -> None:
    result = run("check", "--format", "json", str(broken), str(EXAMPLES / "clean-2007.txt"))
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    schema = json.loads(
        resources.files("xxgk_lint").joinpath("schemas/output.schema.json").read_text("utf-8")
    )
    jsonschema.validate(data, schema)
    first = data["files"][0]
    assert first["report"]["year"] == 2016
    assert first["report"]["edition"] == "2007"
    assert {d["code"] for d in first["diagnostics"]} >= {"D001", "S001"}
    assert data["files"][1]["diagnostics"] == []


def test_select_and_ignore_by_prefix(broken: Path) -> None:
    only_d = json.loads(run("check", "--format", "json", "--select", "D", str(broken)).stdout)
    assert {d["code"] for d in only_d["files"][0]["diagnostics"]} == {"D001"}
    no_d = json.loads(run("check", "--format", "json", "--ignore", "D00", str(broken)).stdout)
    assert "D001" not in {d["code"] for d in no_d["files"][0]["diagnostics"]}


def test_unknown_rule_code_is_a_usage_error(broken: Path) -> None:
    result = run("check", "--select", "Z999", str(broken))
    assert result.exit_code == 2
    assert "unknown rule code" in result.stderr


def test_stdin(broken: Path) -> None:
    result = run("check", "--format", "concise", "-", input=broken.read_bytes())
    assert result.exit_code == 1
    assert result.stdout.startswith("-:1:1: ")


def test_gb18030_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes(BROKEN.encode("gb18030"))
    result = run("check", "--format", "concise", str(path))
    assert result.exit_code == 1
    assert ": D001 " in result.stdout


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda p: p.write_bytes(b"\x7fELF\x02\x01\x01" + bytes(500)), "binary"),
        (lambda p: p.write_bytes(b""), "empty file"),
        (lambda p: p.write_bytes(b"  \n\r\n"), "empty file"),
    ],
)
def test_bad_files_give_one_line_and_exit_two(tmp_path: Path, make, problem: str) -> None:
    path = tmp_path / "bad.txt"
    make(path)
    result = run("check", str(path))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"xxgk-lint: {path}: {problem}" or problem in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    missing = run("check", str(tmp_path / "nope.txt"))
    assert missing.exit_code == 2
    assert "no such file" in missing.stderr
    empty = run("check", str(tmp_path))
    assert empty.exit_code == 2
    assert "no report files" in empty.stderr


def test_folder_is_searched_recursively(tmp_path: Path, broken: Path) -> None:
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    (nested / "r.txt").write_text(BROKEN, encoding="utf-8")
    (nested / "notes.png").write_bytes(b"\x89PNG")
    result = run("check", "--format", "json", str(tmp_path / "a"))
    paths = [f["path"] for f in json.loads(result.stdout)["files"]]
    assert paths == [str(nested / "r.txt")]


def test_caret_stays_under_double_width_text(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("某某局2017年报告\n本报告所列数据统计期限自2017年2月1日起至2017年12月31日止。\n", "utf-8")
    out = run("check", "--select", "D002", str(path)).stdout.splitlines()
    source = next(i for i, line in enumerate(out) if line.startswith("2 |"))
    caret_line = out[source + 1]
    shown = out[source][len("2 | ") :]
    caret_from = caret_line.index("^") - len("  | ")
    assert shown[: len("本报告所列数据统计期限自")] == "本报告所列数据统计期限自"
    assert caret_from == cell_len("本报告所列数据统计期限自")


def test_console_script_runs_as_a_process(broken: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "xxgk_lint.cli", "check", "--format", "concise", str(broken)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1
    assert ": D001 " in proc.stdout
