"""The cached entry-point index: the same answer as a scan, rescanned when installs change."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.metadata import entry_points

import pytest

from xxgk_lint import registry
from xxgk_lint.check import ENTRY_POINT_GROUP, all_checks, select_checks, select_codes
from xxgk_lint.errors import UsageError


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path


def _scan() -> list[tuple[str, str]]:
    return [(ep.name, ep.value) for ep in entry_points(group=ENTRY_POINT_GROUP)]


def test_cached_index_equals_a_scan(cache_home) -> None:
    first = registry.entry_point_values(ENTRY_POINT_GROUP)
    assert first == _scan()
    (cached,) = (cache_home / "xxgk-lint").glob("entry-points-*.json")
    assert registry.entry_point_values(ENTRY_POINT_GROUP) == first
    assert {code for code, _ in first} == set(all_checks())
    assert json.loads(cached.read_text("utf-8"))["entries"] == [list(e) for e in first]


def test_a_changed_path_entry_means_a_new_scan(cache_home, tmp_path, monkeypatch) -> None:
    folder = tmp_path / "plugins"
    folder.mkdir()
    monkeypatch.setattr(sys, "path", [*sys.path, str(folder)])
    registry.entry_point_values(ENTRY_POINT_GROUP)
    calls = []
    real_scan = registry._scan
    monkeypatch.setattr(registry, "_scan", lambda group: calls.append(group) or real_scan(group))
    registry.entry_point_values(ENTRY_POINT_GROUP)
    assert calls == []  # unchanged: served from the cache
    later = folder.stat().st_mtime_ns + 1_000_000_000
    os.utime(folder, ns=(later, later))  # what installing a distribution there does
    registry.entry_point_values(ENTRY_POINT_GROUP)
    assert calls == [ENTRY_POINT_GROUP]


def test_a_broken_cache_file_is_a_miss(cache_home) -> None:
    registry.entry_point_values(ENTRY_POINT_GROUP)
    (cached,) = (cache_home / "xxgk-lint").glob("entry-points-*.json")
    cached.write_text("{not json", "utf-8")
    assert registry.entry_point_values(ENTRY_POINT_GROUP) == _scan()


def test_an_unwritable_cache_folder_is_ignored(tmp_path, monkeypatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", "utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # a file, not a folder
    assert registry.entry_point_values(ENTRY_POINT_GROUP) == _scan()


def test_load_reads_entry_point_values() -> None:
    assert registry.load("os.path:join") is os.path.join
    assert registry.load("os.path") is os.path
    assert registry.load("xxgk_lint.check:Check [extra]").__name__ == "Check"
    with pytest.raises(ValueError):
        registry.load("not a value!")


@pytest.mark.parametrize(
    ("select", "ignore"), [((), ()), (("T",), ()), (("all",), ("S00", "d001")), (("N001",), ("N",))]
)
def test_selected_codes_are_those_of_the_selected_checks(select, ignore) -> None:
    assert select_codes(select, ignore) == [c.code for c in select_checks(select, ignore)]


def test_selecting_codes_imports_no_check() -> None:
    probe = (
        "import sys; from xxgk_lint.check import select_codes; select_codes(['T'], ['T001']); "
        "print(any(m.startswith('xxgk_lint.checks.') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
    with pytest.raises(UsageError):
        select_codes(["Z9"])
