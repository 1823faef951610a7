"""The command line: formats, exit codes and bad input, run as a user runs it."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from bench.generate import generate
from xxgk_lint import __version__
from xxgk_lint.check import select_checks
from xxgk_lint.cli import app
from xxgk_lint.engine import FileResult, discover, lint_source
from xxgk_lint.parallel import SERIAL_BELOW
from xxgk_lint.report.full import render as render_full
from xxgk_lint.report.summary import Counts
from xxgk_lint.settings import Settings
from xxgk_lint.source import decode

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
        (
            lambda p: p.write_bytes(b"\x7fELF\x02\x01\x01" + bytes(500)),
            "binary file, not a text report",
        ),
        (lambda p: p.write_bytes(b""), "empty file"),
        (lambda p: p.write_bytes(b"  \n\r\n"), "empty file"),
    ],
    ids=["binary", "empty", "blank"],
)
def test_bad_files_give_one_line_and_exit_two(tmp_path: Path, make, problem: str) -> None:
    path = tmp_path / "bad.txt"
    make(path)
    result = run("check", "--no-cache", str(path))
    assert result.exit_code == 2
    assert result.stderr == f"xxgk-lint: {path}: {problem}\n"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        ([], "未能读取 1 个文件，没有文件完成检查。"),
        (["--lang", "en"], "1 file(s) could not be read; no file was checked."),
        (["--format", "concise"], "未能读取 1 个文件，没有文件完成检查。"),
    ],
)
def test_an_unreadable_only_input_is_not_called_a_success(
    tmp_path: Path, args: list[str], said: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"\x7fELF\x02\x01\x01" + bytes(500))
    result = run("check", "--no-cache", *args, str(path))
    assert result.exit_code == 2
    assert result.stdout.strip().splitlines()[-1] == said
    assert "全部检查通过" not in result.stdout and "All checks passed" not in result.stdout


@pytest.mark.parametrize(
    ("args", "said"),
    [
        ([], "1 个文件未发现问题；未能读取 1 个文件。"),
        (
            ["--format", "concise", "--lang", "en"],
            "No problems found in 1 file(s); 1 file(s) could not be read.",
        ),
    ],
)
def test_a_good_file_beside_an_unreadable_one_is_not_all_passed(
    tmp_path: Path, args: list[str], said: str
) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\x7fELF\x02\x01\x01" + bytes(500))
    good = str(EXAMPLES / "clean-2021.txt")
    result = run("check", "--no-cache", *args, good, str(tmp_path / "bad.txt"))
    assert result.exit_code == 2
    assert result.stdout.strip().splitlines()[-1] == said
    machine = run("check", "--no-cache", "--format", "json", good, str(tmp_path / "bad.txt"))
    assert [f["path"] for f in json.loads(machine.stdout)["files"]] == [good]


def test_a_closed_pipe_ends_the_run_quietly() -> None:
    """The examples' JSON (over 100 KB) does not fit in a pipe's buffer: writing fails."""
    command = [sys.executable, "-m", "xxgk_lint.cli", "check", "--no-cache", "--format", "json"]
    proc = subprocess.Popen(
        [*command, "--jobs", "1", str(EXAMPLES)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)
    proc.stdout.close()  # as `| head` does
    assert proc.wait(timeout=60) == 1
    assert b"internal error" not in proc.stderr.read()


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh", "共发现 1 个问题，涉及 1 个文件（提示 1）；未能读取 2 个文件。"),
        ("en", "Found 1 problem in 1 file(s) (1 info); 2 file(s) could not be read."),
    ],
)
def test_full_summary_counts_unreadable_files(lang: str, said: str) -> None:
    report = "某某局2016年报告\n全年收到申请4件,均已办结。\n"
    ok = lint_source(decode(report.encode(), "ok.txt"), select_checks(["T006"]), Settings())
    bad = [FileResult("bad.txt", error="empty file"), FileResult("x.bin", error="binary file")]
    out = io.StringIO()
    counts = render_full([bad[0], ok, bad[1]], out, lang)
    assert (counts.files, counts.unreadable, counts.total) == (1, 2, 1)
    lines = out.getvalue().splitlines()
    assert lines[-1] == said
    assert not any("bad.txt" in line or "x.bin" in line for line in lines)


@pytest.mark.parametrize(
    ("files", "unreadable", "zh", "en"),
    [
        (2, 0, "全部检查通过（2 个文件）。", "All checks passed (2 files)."),
        (0, 0, "没有检查任何文件。", "No file was checked."),
        (
            0,
            1,
            "未能读取 1 个文件，没有文件完成检查。",
            "1 file(s) could not be read; no file was checked.",
        ),
        (
            2,
            1,
            "2 个文件未发现问题；未能读取 1 个文件。",
            "No problems found in 2 file(s); 1 file(s) could not be read.",
        ),
    ],
)
def test_summary_line_claims_success_only_when_every_file_was_checked(
    files: int, unreadable: int, zh: str, en: str
) -> None:
    counts = Counts()
    for i in range(files):
        counts.add(FileResult(f"ok{i}.txt"))
    for i in range(unreadable):
        counts.add(FileResult(f"bad{i}.txt", error="empty file"))
    assert (counts.summary_line("zh"), counts.summary_line("en")) == (zh, en)
    assert counts.passed == (files > 0 and not unreadable)


def test_full_output_groups_findings_of_one_code_after_three(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    lines = [f"第{n}项工作已经完成,效果良好。" for n in "一二三四五六"]
    path.write_text("某某局2016年报告\n" + "\n".join(lines) + "\n", encoding="utf-8")
    args = ["check", "--no-cache", "--select", "T006", str(path)]

    zh = run(*args).stdout.splitlines()
    assert [line for line in zh if ": T006 " in line] == [
        f"{path}:{n}:10: T006 中文语句中使用了半角标点“,”，应为全角“，”" for n in (2, 3, 4)
    ]
    assert f"{path}: …… 另有 3 处 T006" in zh
    assert zh[-2:] == ["T006×6", "共发现 6 个问题，涉及 1 个文件（提示 6）。"]

    en = run(*args, "--lang", "en").stdout.splitlines()
    assert len([line for line in en if ": T006 " in line]) == 3
    assert f"{path}: … and 3 more T006" in en
    assert en[-1] == "Found 6 problems in 1 file(s) (6 info)."

    concise = run(*args, "--format", "concise").stdout.splitlines()
    assert [line.split(": T006 ")[0] for line in concise[:-1]] == [
        f"{path}:{n}:10" for n in range(2, 8)
    ]
    assert not any("另有" in line for line in concise)
    diagnostics = json.loads(run(*args, "--format", "json").stdout)["files"][0]["diagnostics"]
    assert [(d["code"], d["line"]) for d in diagnostics] == [("T006", n) for n in range(2, 8)]


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
    path.write_text(
        "某某局2017年报告\n本报告所列数据统计期限自2017年2月1日起至2017年12月31日止。\n", "utf-8"
    )
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


FORMATS = ["full", "concise", "json", "json-lines", "sarif", "github", "gitlab", "junit"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Enough generated reports for worker processes, and one unreadable file among them."""
    folder = tmp_path_factory.mktemp("corpus")
    for i in range(SERIAL_BELOW + 4):
        spec, data = generate("cli-jobs", i)
        (folder / spec.name).write_bytes(data)
    (folder / "r00005-empty.txt").write_bytes(b"")
    return folder


@pytest.mark.parametrize(
    "args",
    [["--format", fmt] for fmt in FORMATS]
    + [["--statistics"], ["--statistics", "--format", "json"], ["--lang", "en"]],
)
def test_output_is_the_same_with_any_number_of_jobs(corpus: Path, args: list[str]) -> None:
    one, two = (run("check", "--no-cache", *args, "--jobs", jobs, str(corpus)) for jobs in "12")
    assert one.exit_code == two.exit_code == 2  # the empty file
    assert two.stdout == one.stdout
    assert two.stderr == one.stderr == f"xxgk-lint: {corpus / 'r00005-empty.txt'}: empty file\n"
    assert len(one.stdout) > 200  # findings of several files, not just a summary


def test_jobs_must_be_positive(broken: Path) -> None:
    result = run("check", "--jobs", "0", str(broken))
    assert result.exit_code == 2
    assert "--jobs" in result.stderr


def _write_text_of_size(path: Path, size: int) -> None:
    line = "一、主动公开政府信息情况。全年主动公开信息12条。\n".encode()
    with path.open("wb") as fh:
        fh.write(line * (size // len(line) + 1))


@pytest.mark.parametrize("cache", [[], ["--no-cache"]])
def test_a_50_mb_text_file_is_refused_unread(tmp_path: Path, monkeypatch, cache: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "huge.txt"
    _write_text_of_size(path, 50 * 1024 * 1024)

    def unread(*args, **kwargs):
        raise AssertionError("a file over the size limit must not be read")

    monkeypatch.setattr("xxgk_lint.formats.load_bytes", unread)
    start = time.perf_counter()
    result = run("check", *cache, str(path))
    assert time.perf_counter() - start < 5
    assert result.exit_code == 2
    assert result.stderr == (
        f"xxgk-lint: {path}: text file (50.0 MB) is larger than the 20 MB limit "
        "(raise it with --max-size)\n"
    )
    assert "共发现" not in result.stdout


def test_max_size_sets_the_limit_for_files_and_stdin(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    _write_text_of_size(path, 1024 * 1024 + 10)
    refused = run("check", "--no-cache", "--max-size", "1", str(path))
    assert refused.exit_code == 2
    assert "(1.0 MB) is larger than the 1 MB limit (raise it with --max-size)" in refused.stderr
    piped = run("check", "--max-size", "1", "-", input=path.read_bytes())
    assert piped.exit_code == 2
    assert (
        piped.stderr == "xxgk-lint: -: text file is larger than the 1 MB limit "
        "(raise it with --max-size)\n"
    )
    assert run("check", "--max-size", "0", str(path)).exit_code == 2  # not a limit


def test_binary_formats_keep_their_own_limits(tmp_path: Path) -> None:
    path = tmp_path / "big.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"0" * (1024 * 1024 + 10))
    result = run("check", "--no-cache", "--max-size", "1", str(path))
    assert result.exit_code == 2
    assert "--max-size" not in result.stderr  # the PDF reader's own verdict
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_failed_run_leaves_the_output_file_as_it_was(
    broken: Path, tmp_path: Path, monkeypatch
) -> None:
    target = tmp_path / "out" / "report.json"
    target.parent.mkdir()
    target.write_text("previous run\n", encoding="utf-8")

    def breaks(results, out, lang):
        out.write('{"tool": ')
        raise RuntimeError("renderer broke")

    monkeypatch.setattr("xxgk_lint.report.json_format.render", breaks)
    result = run("check", "--no-cache", "--format", "json", "-o", str(target), str(broken))
    assert result.exit_code == 2
    assert "internal error: RuntimeError: renderer broke" in result.stderr
    assert target.read_text(encoding="utf-8") == "previous run\n"
    assert [p.name for p in target.parent.iterdir()] == ["report.json"]  # no partial file


def test_output_file_is_complete_and_alone(broken: Path, tmp_path: Path) -> None:
    target = tmp_path / "new" / "report.json"
    result = run("check", "--no-cache", "--format", "json", "-o", str(target), str(broken))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["files"] == 1
    assert [p.name for p in target.parent.iterdir()] == ["report.json"]


def _modules_after(args: list[str]) -> set[str]:
    """The modules a fresh process has imported after running the command line."""
    code = (
        "import sys\n"
        "from xxgk_lint.cli import app\n"
        f"app({args!r}, standalone_mode=False)\n"
        "print(' '.join(sys.modules))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert proc.returncode == 0, proc.stderr
    return set(proc.stdout.split("\n")[-2].split())


def test_start_up_imports_only_what_the_command_needs(broken: Path) -> None:
    version = _modules_after(["--version"])
    assert not {"xxgk_lint.engine", "xxgk_lint.config", "lark", "rich"} & version
    one_report = _modules_after(["check", "--no-cache", "--format", "json", str(broken)])
    assert "xxgk_lint.engine" in one_report
    # no terminal renderer, no worker pool for one file, no pydantic (typer < 0.29)
    assert not {"rich", "multiprocessing", "concurrent.futures", "pydantic"} & one_report


def test_full_output_loads_rich_only_where_colour_can_show(broken: Path) -> None:
    piped = _modules_after(["check", "--no-cache", str(broken)])
    assert "rich.console" not in piped
    command = [sys.executable, "-m", "xxgk_lint.cli", "check", "--no-cache", str(broken)]
    plain = subprocess.run(command, capture_output=True, text=True, timeout=60)
    env = {**os.environ, "FORCE_COLOR": "1", "COLUMNS": "80"}
    coloured = subprocess.run(command, capture_output=True, text=True, timeout=60, env=env)
    assert "\x1b[" in coloured.stdout and "\x1b[" not in plain.stdout
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured.stdout) == plain.stdout


def test_a_bad_path_anywhere_stops_the_run_before_any_output(broken: Path, tmp_path: Path) -> None:
    result = run("check", "--format", "json", str(broken), str(tmp_path / "nope.txt"))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"xxgk-lint: {tmp_path / 'nope.txt'}: no such file or folder\n"


def test_folders_are_walked_in_sorted_path_order(tmp_path: Path) -> None:
    for name in ["b.txt", "a/z.md", "a/sub/y.txt", "a-1.txt", "B/x.TXT", ".hidden/h.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(BROKEN, encoding="utf-8")
    (tmp_path / "a" / ".draft.txt").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "notes.png").write_bytes(b"\x89PNG")
    (tmp_path / "link").symlink_to(tmp_path / "a", target_is_directory=True)
    found = [display for _, display in discover([str(tmp_path)])]
    expected = ["B/x.TXT", "a/sub/y.txt", "a/z.md", "a-1.txt", "b.txt"]  # by path parts
    assert found == [str(tmp_path / name) for name in expected]


def test_full_output_shows_the_text_verbatim(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text(
        "某某局2016年报告\n一、主动公开政府信息情况\n全年:smile:公开信息,共计十二条。\n", "utf-8"
    )
    out = run("check", "--no-cache", "--select", "T006", str(path)).stdout.splitlines()
    source = out.index("3 | 全年:smile:公开信息,共计十二条。")  # no emoji put in its place
    assert out[source + 1].index("^") - len("  | ") == cell_len("全年:smile:公开信息")
