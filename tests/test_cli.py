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


def test_output_file_naming_a_checked_report_is_refused(broken: Path, tmp_path: Path) -> None:
    """-o must never overwrite a report of the run: named, found in a folder, or linked."""
    before = broken.read_bytes()
    (tmp_path / "link.txt").symlink_to(broken)
    for args in (
        ["-o", str(broken), str(broken)],
        ["-o", str(broken), str(tmp_path)],
        ["-o", str(tmp_path / "link.txt"), str(broken)],
        ["--write-baseline", str(broken), str(broken)],
    ):
        result = run("check", "--no-cache", *args)
        assert result.exit_code == 2, args
        assert result.stdout == ""
        assert "names a report this run checks" in result.stderr
        assert len(result.stderr.splitlines()) == 1
    assert broken.read_bytes() == before


def test_output_file_beside_the_reports_is_written(broken: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.json"  # not a report suffix: not checked, so not refused
    result = run("check", "--no-cache", "--format", "json", "-o", str(target), str(tmp_path))
    assert result.exit_code == 1
    assert json.loads(target.read_text("utf-8"))["summary"]["files"] == 1


@pytest.mark.parametrize("option", ["--output-file", "--write-baseline"])
def test_unwritable_output_is_one_line_not_an_internal_error(
    broken: Path, tmp_path: Path, option: str
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    for target, problem in (
        (tmp_path, "names a folder, not a file"),
        (blocker / "sub" / "out.json", "cannot write the"),
    ):
        result = run("check", "--no-cache", option, str(target), str(broken))
        assert result.exit_code == 2
        assert result.stderr.startswith(f"xxgk-lint: {target}: ")
        assert problem in result.stderr and "internal error" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.txt", "file"]


def test_output_through_a_link_or_into_a_pipe_keeps_them(broken: Path, tmp_path: Path) -> None:
    """A link stays a link (its target gets the output); a FIFO is written, not replaced."""
    import threading

    link, real = tmp_path / "out.json", tmp_path / "real.json"
    link.symlink_to(real)
    assert run("check", "--no-cache", "--format", "json", "-o", str(link), str(broken)).exit_code
    assert link.is_symlink() and json.loads(real.read_text("utf-8"))["summary"]["files"] == 1
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    read: list[str] = []
    reader = threading.Thread(target=lambda: read.append(fifo.read_text("utf-8")))
    reader.start()
    result = run("check", "--no-cache", "--format", "concise", "-o", str(fifo), str(broken))
    reader.join(timeout=30)
    assert result.exit_code == 1
    assert "D001" in read[0]
    assert fifo.is_fifo()


@pytest.mark.skipif(not Path("/dev/full").is_char_device(), reason="needs /dev/full")
def test_a_full_disk_is_one_line_and_exit_two(broken: Path) -> None:
    command = [sys.executable, "-m", "xxgk_lint.cli", "check", "--no-cache", str(broken)]
    to_file = subprocess.run(
        [*command, "-o", "/dev/full"], capture_output=True, text=True, timeout=60
    )
    with open("/dev/full", "w") as full:
        to_stdout = subprocess.run(command, stdout=full, stderr=subprocess.PIPE, timeout=60)
    assert to_file.returncode == 2
    no_space = "No space left on device"
    assert to_file.stderr == f"xxgk-lint: /dev/full: cannot write the output: {no_space}\n"
    assert to_stdout.returncode == 2
    assert to_stdout.stderr.decode().endswith(f"cannot write the output: {no_space}\n")
    assert Path("/dev/full").is_char_device()


def test_closed_standard_output_keeps_the_exit_code(broken: Path) -> None:
    command = [sys.executable, "-m", "xxgk_lint.cli", "check", "--no-cache", str(broken)]
    proc = subprocess.run(command, stdout=subprocess.DEVNULL, capture_output=False, timeout=60)
    assert proc.returncode == 1
    code = "import os, sys; os.close(1); os.execv(sys.executable, sys.argv[1:])"
    closed = subprocess.run(
        [sys.executable, "-c", code, sys.executable, *command[1:]],
        stderr=subprocess.PIPE,
        timeout=60,
    )
    assert closed.returncode == 1
    assert closed.stderr == b""


def test_each_file_is_checked_once_however_often_it_is_named(
    broken: Path, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "link.txt").symlink_to(broken)
    once = json.loads(run("check", "--no-cache", "--format", "json", "broken.txt").stdout)
    result = run(
        "check", "--no-cache", "--format", "json",
        "broken.txt", "./broken.txt", str(broken), "link.txt", ".", str(tmp_path),
    )  # fmt: skip
    files = json.loads(result.stdout)["files"]
    assert [f["path"] for f in files] == ["broken.txt"]
    assert files[0]["diagnostics"] == once["files"][0]["diagnostics"]
    other = tmp_path / "other.txt"
    other.write_bytes(broken.read_bytes())  # same text, another file: both checked
    both = json.loads(run("check", "--no-cache", "--format", "json", ".").stdout)
    assert [f["path"] for f in both["files"]] == ["broken.txt", "other.txt"]


def test_stdin_named_twice_is_read_once(broken: Path) -> None:
    result = run("check", "--format", "concise", "-", "-", input=broken.read_bytes())
    assert result.exit_code == 1
    assert result.stdout.count("-:1:1: D001") == 1


@pytest.mark.parametrize("fix", [[], ["--fix"]])
def test_empty_stdin_is_refused_as_an_empty_file_is(fix: list[str]) -> None:
    for data in (b"", b" \n\r\n"):
        result = run("check", *fix, "-", input=data)
        assert result.exit_code == 2
        assert result.stderr.splitlines()[0] == "xxgk-lint: -: empty input"
        assert "D001" not in result.stdout + result.stderr


def test_narrow_terminal_keeps_the_source_line_within_its_width() -> None:
    from xxgk_lint.report.full import excerpt

    line = "本报告所列数据的统计期限自2017年1月1日起至2017年12月31日止。如有疑问,请联系办公室。"
    col = line.index(",") + 1
    wide = excerpt(line, col, col + 1)
    assert wide == excerpt(line, col, col + 1, None)  # no terminal: as before
    for cells in (40, 20, 8):
        shown, caret_from, width = excerpt(line, col, col + 1, cells)
        assert cell_len(shown) <= cells
        # the caret still points at the comma
        assert shown[len(cell_text_before(shown, caret_from))] == ","
        assert width == 1


def cell_text_before(text: str, cells: int) -> str:
    """The start of ``text`` that takes ``cells`` terminal cells."""
    taken = ""
    for char in text:
        if cell_len(taken) >= cells:
            break
        taken += char
    return taken


def test_help_in_a_narrow_terminal_shows_whole_option_names() -> None:
    command = [sys.executable, "-m", "xxgk_lint.cli", "check", "--help"]
    env = {**os.environ, "COLUMNS": "40"}
    proc = subprocess.run(command, capture_output=True, text=True, timeout=60, env=env)
    assert proc.returncode == 0
    for option in ("--output-file", "--unsafe-fixes", "--stdin-filename", "--exit-zero"):
        assert option in proc.stdout
    assert "╭" not in proc.stdout
    bad = subprocess.run(
        [*command[:-1], "--format", "xml", "x.txt"], capture_output=True, text=True, env=env
    )
    assert bad.returncode == 2
    assert "Error: Invalid value for '--format'" in bad.stderr and "╭" not in bad.stderr


def test_summary_is_green_only_for_a_success(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text(BROKEN.replace("信息12条", "信息,共12条"), "utf-8")
    command = [sys.executable, "-m", "xxgk_lint.cli", "check", "--no-cache", "--select"]
    env = {**os.environ, "FORCE_COLOR": "1", "COLUMNS": "80"}
    infos = subprocess.run([*command, "T006", str(path)], capture_output=True, text=True, env=env)
    passed = subprocess.run([*command, "T001", str(path)], capture_output=True, text=True, env=env)
    assert "\x1b[1;32m" not in infos.stdout.splitlines()[-1]  # 1 problem found: not green
    assert "\x1b[1;32m" in passed.stdout.splitlines()[-1]


def test_a_file_name_that_is_not_utf8_is_shown_not_fatal(broken: Path, tmp_path: Path) -> None:
    """A GBK file name unpacked from a Windows zip: every format prints it as \\xNN."""
    gbk = tmp_path / os.fsdecode("年报".encode("gbk") + b".txt")
    gbk.write_bytes(broken.read_bytes())
    shown = str(tmp_path / "\\xc4걨.txt")  # C4 is no UTF-8; EA B1 A8 happens to be 걨
    for output_format in ("full", "json", "sarif", "github", "junit"):
        result = run("check", "--no-cache", "--format", output_format, str(gbk))
        assert result.exit_code == 1, (output_format, result.stderr)
    concise = run("check", "--no-cache", "--format", "concise", str(tmp_path))
    assert f"{shown}:1:1: D001" in concise.stdout


def test_closed_standard_input_is_empty_input() -> None:
    code = "import os, sys; os.close(0); os.execv(sys.executable, sys.argv[1:])"
    command = [sys.executable, "-m", "xxgk_lint.cli", "check", "--no-cache", "-"]
    closed = subprocess.run(
        [sys.executable, "-c", code, *command], capture_output=True, text=True, timeout=60
    )
    assert closed.returncode == 2
    assert closed.stderr == "xxgk-lint: -: empty input\n"


def test_json_of_a_report_signed_with_a_month_only_validates(tmp_path: Path) -> None:
    report = tmp_path / "month.txt"
    report.write_text(
        "某某县统计局2023年政府信息公开工作年度报告\n一、总体情况\n本年度依法公开。\n\n"
        "某某县统计局\n2024年2月\n",
        encoding="utf-8",
    )
    data = json.loads(run("check", "--format", "json", str(report)).stdout)
    schema = json.loads(
        resources.files("xxgk_lint").joinpath("schemas/output.schema.json").read_text("utf-8")
    )
    jsonschema.validate(data, schema)
    assert data["files"][0]["report"]["published"] == "2024-02"
