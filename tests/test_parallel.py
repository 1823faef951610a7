"""Checking many files: the same results in the same order with any number of workers."""

from __future__ import annotations

import io
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from bench.generate import generate
from xxgk_lint.engine import discover
from xxgk_lint.errors import UsageError
from xxgk_lint.parallel import SERIAL_BELOW, Target, lint_many
from xxgk_lint.settings import Settings


def _corpus(folder: Path, count: int) -> list[Path]:
    paths = []
    for i in range(count):
        spec, data = generate("parallel", i)
        path = folder / spec.name
        path.write_bytes(data)
        paths.append(path)
    return paths


def _summary(results) -> list[tuple]:
    return [
        (r.path, r.error, [(f.code, f.line, f.column, f.message) for f in r.findings])
        for r in results
    ]


def test_workers_give_the_serial_results_in_input_order(tmp_path: Path) -> None:
    paths = _corpus(tmp_path, SERIAL_BELOW + 9)
    (tmp_path / "empty.txt").write_bytes(b"")  # an unreadable file keeps its place
    targets = list(discover([str(tmp_path)]))
    serial = list(lint_many(targets, Settings(), jobs=1))
    pooled = list(lint_many(targets, Settings(), jobs=2))
    assert _summary(pooled) == _summary(serial)
    assert [r.path for r in pooled] == [str(p) for p in sorted([*paths, tmp_path / "empty.txt"])]
    assert [r.path for r in pooled if r.error] == [str(tmp_path / "empty.txt")]


def test_results_keep_only_the_lines_findings_point_at(tmp_path: Path) -> None:
    _corpus(tmp_path, 6)
    results = list(lint_many(discover([str(tmp_path)]), Settings(), jobs=1))
    assert all(r.source is None for r in results)
    with_findings = [r for r in results if r.findings]
    assert with_findings
    for r in with_findings:
        assert set(r.lines) == {f.line for f in r.findings}
    bare = list(lint_many(discover([str(tmp_path)]), Settings(), jobs=1, keep_lines=False))
    assert all(not r.lines for r in bare)


def test_selection_and_per_file_settings(tmp_path: Path) -> None:
    paths = _corpus(tmp_path, SERIAL_BELOW)
    only_periods = list(lint_many([(p, p.name) for p in paths], Settings(select=["D"]), jobs=2))
    assert {f.code[0] for r in only_periods for f in r.findings} <= {"D"}
    own = replace(Settings(), select=["D001"])
    targets = [Target(p, p.name, settings=own) for p in paths]
    pinned = list(lint_many(targets, Settings(), jobs=2))
    assert {f.code for r in pinned for f in r.findings} <= {"D001"}
    with pytest.raises(UsageError):
        list(lint_many(targets, Settings(select=["Z9"]), jobs=2))


def test_standard_input_is_read_once_in_the_parent(monkeypatch) -> None:
    _, data = generate("stdin", 0)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    (result,) = lint_many([(None, "来自标准输入.txt")], Settings(), jobs=2)
    assert result.path == "来自标准输入.txt"
    assert result.error is None and result.facts is not None


def test_cached_results_equal_fresh_ones(tmp_path: Path) -> None:
    paths = _corpus(tmp_path, SERIAL_BELOW + 2)
    cache = tmp_path / "cache"
    targets = [Target(p, p.name, cache_folder=cache) for p in paths]
    fresh = list(lint_many(targets, Settings(), jobs=2))
    assert list(cache.rglob("*.json"))  # the workers wrote entries
    again = list(lint_many(targets, Settings(), jobs=2))
    assert _summary(again) == _summary(fresh)
    assert [r.lines for r in again] == [r.lines for r in fresh]


def test_standard_input_is_read_no_further_than_the_size_limit(monkeypatch) -> None:
    piped = io.BytesIO("一、总体情况\n".encode() * 1000)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(piped))
    (result,) = lint_many([(None, "-")], Settings(max_bytes=1000), jobs=1)
    assert result.error is not None and "larger than the" in result.error
    assert piped.tell() == 1001  # one byte past the limit tells it is too large
