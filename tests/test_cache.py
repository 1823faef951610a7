"""The result cache: hits for unchanged files and settings, misses after any change, a
location at the project root, tolerance of corrupt entries and of concurrent runs."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from xxgk_lint import engine
from xxgk_lint.cache import Cache
from xxgk_lint.cli import app

REPORT = (
    "某某县水利局2016年政府信息公开工作年度报告\n"
    "一、主动公开政府信息情况\n"
    "全年主动公开信息,共计十二条。\n"
)

runner = CliRunner()


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "a.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "reports" / "b.txt").write_text(REPORT.replace("十二", "十三"), encoding="utf-8")
    return tmp_path


@pytest.fixture
def linted(monkeypatch) -> list[str]:
    """The paths actually linted (cache misses) during a test."""
    calls: list[str] = []
    real = engine.lint_path

    def counting(path, display, checks, settings):
        calls.append(Path(display).name)
        return real(path, display, checks, settings)

    monkeypatch.setattr(engine, "lint_path", counting)
    return calls


def check(*args: str, fmt: str = "json"):
    return runner.invoke(app, ["check", "--format", fmt, "--select", "D001,T006", *args])


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob(".xxgk_lint_cache/*/*.json"))


def test_second_run_is_served_from_the_cache(project: Path, linted: list[str]) -> None:
    cold = check("reports")
    assert linted == ["a.txt", "b.txt"]
    assert len(entries(project)) == 2
    warm = check("reports")
    assert linted == ["a.txt", "b.txt"]  # nothing linted again
    assert warm.stdout == cold.stdout
    assert warm.exit_code == cold.exit_code == 1


def test_cached_full_output_still_shows_the_source_line(project: Path, linted) -> None:
    cold = check("reports", fmt="full")
    warm = check("reports", fmt="full")
    assert len(linted) == 2
    assert warm.stdout == cold.stdout
    assert "3 | 全年主动公开信息,共计十二条。" in warm.stdout


def test_cached_pdf_findings_keep_their_page(project: Path, linted) -> None:
    pdf = Path(__file__).resolve().parent.parent / "examples" / "formats" / "broken-2021.pdf"
    (project / "reports" / "r.pdf").write_bytes(pdf.read_bytes())
    args = ["check", "--format", "full", "--select", "N003", "reports/r.pdf"]
    cold = runner.invoke(app, args)
    warm = runner.invoke(app, args)
    assert linted == ["r.pdf"]
    assert "页第" in cold.stdout
    assert warm.stdout == cold.stdout


def test_changes_invalidate(project: Path, linted: list[str]) -> None:
    check("reports")
    (project / "reports" / "a.txt").write_text(REPORT.replace("全年", "本年"), encoding="utf-8")
    check("reports")
    assert linted[2:] == ["a.txt"]  # only the edited file
    check("--lang", "en", "reports")
    assert linted[3:] == ["a.txt", "b.txt"]  # other settings: other messages
    (project / "xxgk-lint.toml").write_text('[severity]\nT006 = "warning"\n', encoding="utf-8")
    result = check("reports")
    assert linted[5:] == ["a.txt", "b.txt"]
    severities = {
        d["severity"] for f in json.loads(result.stdout)["files"] for d in f["diagnostics"]
    }
    assert severities == {"error", "warning"}


def test_no_cache_neither_reads_nor_writes(project: Path, linted: list[str]) -> None:
    check("--no-cache", "reports")
    check("--no-cache", "reports")
    assert linted == ["a.txt", "b.txt", "a.txt", "b.txt"]
    assert not (project / ".xxgk_lint_cache").exists()


def test_cache_lives_at_the_configuration_root(project: Path, linted, monkeypatch) -> None:
    (project / "xxgk-lint.toml").write_text('select = ["D001", "T006"]\n', encoding="utf-8")
    monkeypatch.chdir(project / "reports")
    check("a.txt")
    assert len(entries(project)) == 1
    assert not (project / "reports" / ".xxgk_lint_cache").exists()
    assert (project / ".xxgk_lint_cache" / ".gitignore").read_text("utf-8").endswith("*\n")
    assert (project / ".xxgk_lint_cache" / "CACHEDIR.TAG").exists()


def test_cache_dir_option(project: Path, tmp_path: Path, linted) -> None:
    check("--cache-dir", str(tmp_path / "elsewhere"), "reports")
    assert len(list((tmp_path / "elsewhere").glob("*/*.json"))) == 2
    assert not (project / ".xxgk_lint_cache").exists()


def test_corrupt_entries_are_misses_and_rewritten(project: Path, linted: list[str]) -> None:
    cold = check("reports")
    for entry in entries(project):
        entry.write_text('{"path": "a.txt", "findings": [', encoding="utf-8")
    warm = check("reports")
    assert linted == ["a.txt", "b.txt", "a.txt", "b.txt"]
    assert warm.stdout == cold.stdout
    for entry in entries(project):
        json.loads(entry.read_text("utf-8"))


def test_concurrent_writers_leave_whole_entries(project: Path) -> None:
    result = engine.lint_path(project / "reports" / "a.txt", "reports/a.txt", [], engine.Settings())
    cache = Cache(project / ".xxgk_lint_cache")
    key = cache.key("reports/a.txt", b"same bytes", "settings")
    seen = []

    def work() -> None:
        for _ in range(20):
            cache.put(key, result)
            got = cache.get(key)
            seen.append(got is not None and got.facts == result.facts)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(seen) and len(seen) == 160
    assert not list(cache.dir.glob("*.tmp"))


def test_concurrent_processes(project: Path) -> None:
    command = [sys.executable, "-m", "xxgk_lint.cli", "check", "--format", "json",
               "--select", "D001,T006", "reports"]  # fmt: skip
    procs = [
        subprocess.Popen(command, cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(4)
    ]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [1, 1, 1, 1]
    assert len({out for out, _ in outputs}) == 1
    assert len(entries(project)) == 2
    assert not list(project.glob(".xxgk_lint_cache/*/*.tmp"))
