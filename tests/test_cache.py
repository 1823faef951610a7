"""The result cache: hits for unchanged files and settings, misses after any change (of the
files, the settings, the tool's version or code), a location at the project root, tolerance
of corrupt entries and of concurrent runs, and pruning of entries no longer used."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from xxgk_lint import cache as cache_module
from xxgk_lint import engine, registry
from xxgk_lint.cache import Cache, code_signature, settings_key
from xxgk_lint.cli import app
from xxgk_lint.settings import Settings

REPORT = (
    "某某县水利局2016年政府信息公开工作年度报告\n"
    "一、主动公开政府信息情况\n"
    "全年主动公开信息,共计十二条。\n"
)

runner = CliRunner()


@pytest.fixture(autouse=True)
def fresh_process(monkeypatch) -> None:
    """Each test starts as a new process would: no cache folder considered for pruning yet."""
    monkeypatch.setattr(cache_module, "_checked", {})


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


# --- what the key's code signature covers --------------------------------------------------


@pytest.fixture
def fresh_signature():
    """``code_signature`` is computed once per process: a test that changes what it reads
    starts and ends with it forgotten, as a new process would."""
    code_signature.cache_clear()
    yield
    code_signature.cache_clear()


def test_new_version_invalidates(project: Path, linted, fresh_signature, monkeypatch) -> None:
    cold = check("reports")
    before, installed = settings_key(Settings()), cache_module.__version__
    monkeypatch.setattr(cache_module, "__version__", "0.1.0.post1")
    code_signature.cache_clear()  # an upgrade means a new process
    assert settings_key(Settings()) != before
    warm = check("reports")
    assert linted == ["a.txt", "b.txt", "a.txt", "b.txt"]
    assert warm.stdout == cold.stdout
    assert {p.parent.name for p in entries(project)} == {installed, "0.1.0.post1"}


def test_code_change_invalidates(project: Path, linted, fresh_signature, monkeypatch) -> None:
    # The signature reads the package's files (size, mtime): point it at a stand-in package.
    package = project / "site-packages" / "xxgk_lint"
    package.mkdir(parents=True)
    module = package / "checks.py"
    module.write_text("RULES = 1\n", encoding="utf-8")
    monkeypatch.setattr(cache_module, "__file__", str(package / "cache.py"))
    check("reports")
    check("reports")
    assert linted == ["a.txt", "b.txt"]  # the stand-in package caches as the real one
    module.write_text("RULES = 2\n", encoding="utf-8")  # same size: only the mtime tells
    stat = module.stat()
    os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    code_signature.cache_clear()
    check("reports")
    assert linted == ["a.txt", "b.txt", "a.txt", "b.txt"]
    check("reports")
    assert len(linted) == 4  # the edited code's results are cached in turn


def test_new_or_edited_plugin_changes_the_key(tmp_path: Path, fresh_signature, monkeypatch):
    plugin = tmp_path / "xxgk_cache_test_plugin.py"
    plugin.write_text("class Check: code = 'Z901'\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    before = settings_key(Settings())
    real = registry.entry_point_values
    plugins = [("Z901", "xxgk_cache_test_plugin:Check")]
    monkeypatch.setattr(registry, "entry_point_values", lambda group: real(group) + plugins)
    code_signature.cache_clear()
    installed = settings_key(Settings())
    assert installed != before
    plugin.write_text("class Check: code = 'Z901'  # edited\n", encoding="utf-8")
    code_signature.cache_clear()
    edited = settings_key(Settings())
    assert edited not in (before, installed)
    plugins[0] = ("Z901", "xxgk_cache_test_plugin:OtherCheck")  # registered anew, same file
    code_signature.cache_clear()
    assert settings_key(Settings()) not in (before, installed, edited)


def test_settings_key_follows_changed_settings() -> None:
    # The last key is remembered; a settings object changed afterwards must not reuse it.
    settings = Settings(select=["T006"])
    first = settings_key(settings)
    settings.lang = "en"
    assert settings_key(settings) != first
    assert settings_key(Settings(select=["T006"])) == first


# --- pruning --------------------------------------------------------------------------------

DAY = 24 * 60 * 60


def age(path: Path, seconds: float) -> None:
    """Make ``path`` last used (modified) ``seconds`` ago."""
    when = time.time() - seconds
    os.utime(path, (when, when))


def fake_entry(folder: Path, n: int, seconds_ago: float, size: int = 100) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{n:064x}.json"
    path.write_bytes(b"{}".ljust(size))
    age(path, seconds_ago)
    return path


def test_a_hit_refreshes_its_last_used_time_at_most_hourly(project: Path, linted) -> None:
    check("reports")
    recent, stale = entries(project)
    age(recent, 60)
    age(stale, 10 * DAY)
    recent_mtime = recent.stat().st_mtime_ns
    check("reports")
    assert len(linted) == 2  # both served from the cache
    assert recent.stat().st_mtime_ns == recent_mtime  # used a minute ago: not written again
    assert time.time() - stale.stat().st_mtime < 60  # used now


def test_pruning_deletes_what_was_not_used_and_keeps_the_rest(
    project: Path, linted, monkeypatch
) -> None:
    check("reports")
    root = project / ".xxgk_lint_cache"
    current = root / cache_module.__version__
    unused = fake_entry(current, 1, 31 * DAY)
    recent = fake_entry(current, 2, 29 * DAY)
    abandoned = current / "tmpdead1.tmp"  # a writer that died two hours ago
    abandoned.write_text("{", encoding="utf-8")
    age(abandoned, 2 * 60 * 60)
    writing = current / "tmplive1.tmp"  # a write in progress
    writing.write_text("{", encoding="utf-8")
    old_version = fake_entry(root / "0.0.1", 3, 40 * DAY).parent
    other_version = fake_entry(root / "0.0.2", 4, DAY)
    foreign = root / "0.0.2" / "notes.txt"  # not ours: never deleted
    foreign.write_text("", encoding="utf-8")
    age(foreign, 400 * DAY)
    age(root / "last-prune", 25 * 60 * 60)
    monkeypatch.setattr(cache_module, "_checked", {})  # a new run
    check("reports")
    assert len(linted) == 2  # the run's own entries were kept and served
    assert not unused.exists() and not abandoned.exists() and not old_version.exists()
    assert recent.exists() and writing.exists() and other_version.exists() and foreign.exists()
    assert len(entries(project)) == 4  # a.txt, b.txt, recent, other_version
    assert time.time() - (root / "last-prune").stat().st_mtime < 60
    assert not (root / "prune.lock").exists()


def test_pruning_runs_at_most_once_a_day(project: Path, monkeypatch) -> None:
    calls = []
    real = Cache.prune
    monkeypatch.setattr(Cache, "prune", lambda self, now=None: calls.append(now) or real(self))
    marker = project / ".xxgk_lint_cache" / "last-prune"

    def new_process_run() -> None:
        monkeypatch.setattr(cache_module, "_checked", {})
        check("reports")

    new_process_run()  # creates the cache: nothing to prune yet
    new_process_run()
    assert calls == [] and marker.exists()
    age(marker, 23 * 60 * 60)
    new_process_run()
    assert calls == []
    age(marker, 25 * 60 * 60)
    new_process_run()  # two files, one pruning
    assert len(calls) == 1
    new_process_run()
    new_process_run()
    assert len(calls) == 1
    age(marker, 25 * 60 * 60)
    check("reports")  # the same process: it already considered this folder
    assert len(calls) == 1


def test_an_existing_cache_without_a_marker_is_pruned(project: Path) -> None:
    check("reports")
    (project / ".xxgk_lint_cache" / "last-prune").unlink()  # as left by an older version
    unused = fake_entry(project / ".xxgk_lint_cache" / cache_module.__version__, 1, 31 * DAY)
    assert Cache(project / ".xxgk_lint_cache").maybe_prune()
    assert not unused.exists()
    assert (project / ".xxgk_lint_cache" / "last-prune").exists()
    assert not Cache(project / "nowhere").maybe_prune()  # no cache: nothing made, nothing done
    assert not (project / "nowhere").exists()


def test_over_the_size_cap_the_least_recently_used_go(tmp_path: Path, monkeypatch) -> None:
    cache = Cache(tmp_path / "cache")
    made = [fake_entry(cache.dir, n, (6 - n) * 60 * 60, size=5000) for n in range(6)]
    made.append(fake_entry(tmp_path / "cache" / "0.0.1", 9, 7 * 60 * 60, size=5000))
    use = [cache_module._disk_use(p.stat()) for p in made]
    monkeypatch.setattr(cache_module, "MAX_BYTES", sum(use[3:6]))  # room for the newest three
    assert cache.prune() == 4
    assert [p.exists() for p in made] == [False, False, False, True, True, True, False]


def test_only_one_of_concurrent_runs_prunes(tmp_path: Path, monkeypatch) -> None:
    root = tmp_path / "cache"
    Cache(root)._prepare()
    age(root / "last-prune", 2 * DAY)
    calls = []

    def slow_prune(self, now=None):
        calls.append(now)
        assert (root / "prune.lock").exists()
        time.sleep(0.2)
        return 0

    monkeypatch.setattr(Cache, "prune", slow_prune)
    start = threading.Barrier(8)
    pruned = []

    def run() -> None:
        start.wait()
        pruned.append(Cache(root).maybe_prune())

    threads = [threading.Thread(target=run) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(pruned) == [False] * 7 + [True]
    assert len(calls) == 1
    assert not (root / "prune.lock").exists()


def test_a_lock_left_by_a_dead_run_is_taken_over(tmp_path: Path) -> None:
    root = tmp_path / "cache"
    cache = Cache(root)
    cache._prepare()
    unused = fake_entry(cache.dir, 1, 31 * DAY)
    age(root / "last-prune", 2 * DAY)
    lock = root / "prune.lock"
    lock.touch()  # a run pruning now
    assert not cache.maybe_prune()
    assert lock.exists() and unused.exists()
    age(lock, 2 * 60 * 60)  # that run died
    assert cache.maybe_prune()
    assert not lock.exists() and not unused.exists()


def test_pruning_alongside_writers_and_readers(project: Path, monkeypatch) -> None:
    # Pruning as hard as it can (every entry counts as unused) while threads write and read:
    # no write fails, every read is a whole entry or a miss, no temporary file is touched.
    monkeypatch.setattr(cache_module, "MAX_AGE", -1)
    result = engine.lint_path(project / "reports" / "a.txt", "reports/a.txt", [], engine.Settings())
    cache = Cache(project / ".xxgk_lint_cache")
    deleted: list[str] = []
    real_unlink = cache_module._unlink
    monkeypatch.setattr(cache_module, "_unlink", lambda p: deleted.append(str(p)) or real_unlink(p))
    keys = [cache.key(f"r{n}.txt", b"bytes", "settings") for n in range(4)]
    seen: list[bool] = []
    done = threading.Event()

    def work(key: str) -> None:
        for _ in range(50):
            cache.put(key, result)
            got = cache.get(key)
            seen.append(got is None or got.facts == result.facts)

    def prune() -> None:
        while not done.is_set():
            cache.prune()

    pruner = threading.Thread(target=prune)
    pruner.start()
    workers = [threading.Thread(target=work, args=(key,)) for key in keys]
    for t in workers:
        t.start()
    for t in workers:
        t.join()
    done.set()
    pruner.join()
    assert all(seen) and len(seen) == 200
    assert deleted and not [p for p in deleted if p.endswith(".tmp")]
    assert not list(cache.dir.glob("*.tmp"))
    cache.put(keys[0], result)
    assert cache.get(keys[0]).facts == result.facts


def test_concurrent_processes_while_one_prunes(project: Path) -> None:
    check("reports")
    root = project / ".xxgk_lint_cache"
    unused = fake_entry(root / cache_module.__version__, 1, 31 * DAY)
    age(root / "last-prune", 2 * DAY)
    command = [sys.executable, "-m", "xxgk_lint.cli", "check", "--format", "json",
               "--select", "D001,T006", "reports"]  # fmt: skip
    procs = [
        subprocess.Popen(command, cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(3)
    ]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [1, 1, 1]
    assert len({out for out, _ in outputs}) == 1 and not any(err for _, err in outputs)
    assert not unused.exists()
    assert len(entries(project)) == 2
    assert time.time() - (root / "last-prune").stat().st_mtime < 120
    assert not (root / "prune.lock").exists()


def test_a_pipe_is_read_once_by_the_check_not_by_the_cache(project: Path) -> None:
    """``xxgk-lint check <(command)`` names a pipe: it can be read only once, and a pipe has
    nothing to key a cache entry on."""
    fifo = project / "reports" / "piped.txt"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_text(REPORT, encoding="utf-8"))
    writer.start()
    result = check(str(fifo))
    writer.join(timeout=30)
    assert result.exit_code == 1, result.stderr
    assert [d["code"] for d in json.loads(result.stdout)["files"][0]["diagnostics"]] == [
        "D001",
        "T006",
    ]
    assert entries(project) == []
