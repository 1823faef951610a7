"""What keeps a one-file run quick to start: patterns compiled on first use, and the outline
parser kept between runs in the user's cache folder, which any failure of the cache leaves
to be built again, and which concurrent runs share safely."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from xxgk_lint import outline
from xxgk_lint.document import Document
from xxgk_lint.lazyre import lazy
from xxgk_lint.source import Source

REPORT = (
    "某县2023年政府信息公开工作年度报告\n一、总体情况\n本机关依法公开信息。\n二、其他事项\n无。\n"
)


def test_a_lazy_pattern_compiles_once_on_first_use(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = re.compile
    monkeypatch.setattr(re, "compile", lambda p, f=0: calls.append(p) or real(p, f))
    pattern = lazy(r"\d+件", re.IGNORECASE)
    assert calls == []
    assert pattern().search("共12件").group() == "12件"
    assert pattern() is pattern()
    assert calls == [r"\d+件"]


def _sections(doc: Document) -> list[str]:
    return [s.heading.title for s in doc.outline.sections]


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    outline._parser.cache_clear()
    yield tmp_path / "cache" / "xxgk-lint"
    outline._parser.cache_clear()


def test_the_parser_is_kept_and_loaded_again(cache_home: Path) -> None:
    assert _sections(Document(Source("a.txt", REPORT))) == ["总体情况", "其他事项"]
    kept = list(cache_home.glob("outline-*.lark"))
    assert len(kept) == 1
    outline._parser.cache_clear()
    stamp = kept[0].stat().st_mtime_ns
    assert _sections(Document(Source("a.txt", REPORT))) == ["总体情况", "其他事项"]
    assert kept[0].stat().st_mtime_ns == stamp  # loaded, not built and written again


def test_a_corrupt_cache_file_is_built_again(cache_home: Path) -> None:
    assert _sections(Document(Source("a.txt", REPORT)))
    (kept,) = cache_home.glob("outline-*.lark")
    kept.write_bytes(b"not a parser")
    outline._parser.cache_clear()
    assert _sections(Document(Source("a.txt", REPORT))) == ["总体情况", "其他事项"]
    assert kept.read_bytes() != b"not a parser"


def test_an_unwritable_cache_folder_is_no_error(tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would go")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    outline._parser.cache_clear()
    try:
        assert _sections(Document(Source("a.txt", REPORT))) == ["总体情况", "其他事项"]
    finally:
        outline._parser.cache_clear()


def test_concurrent_runs_share_the_cache(tmp_path: Path) -> None:
    script = (
        "from xxgk_lint.document import Document\n"
        "from xxgk_lint.source import Source\n"
        f"doc = Document(Source('a.txt', {REPORT!r}))\n"
        "print(len(doc.outline.sections))\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    runs = [
        subprocess.Popen([sys.executable, "-c", script], env=env, stdout=subprocess.PIPE)
        for _ in range(4)
    ]
    assert [run.communicate(timeout=60)[0].strip() for run in runs] == [b"2"] * 4
    assert len(list((tmp_path / "xxgk-lint").glob("outline-*.lark"))) == 1
    assert not list((tmp_path / "xxgk-lint").glob("*.tmp"))


def test_lines_with_a_pattern_come_from_one_scan() -> None:
    doc = Document(Source("a.txt", "甲 123\r\n乙\n丙 45 678\n\n丁 9"))
    digits = re.compile(r"\d+")
    assert [line.index for line in doc.lines_with(digits)] == [0, 2, 4]
    assert [line.index for line in doc.lines_with(re.compile("戊"))] == []
    read = Document(Source("a.txt", "依(yī)法公开(gōng)\n第二行 12\n"))  # readings removed
    assert [line.index for line in read.lines_with(digits)] == [1]
