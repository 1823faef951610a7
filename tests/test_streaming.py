"""Streaming output: every renderer reads the results once, as they come, writes what a
whole-document renderer would write, and holds no more memory for 10× the files."""

from __future__ import annotations

import io
import json
import tracemalloc
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest

from xxgk_lint.diagnostic import Severity
from xxgk_lint.engine import FileResult, Finding
from xxgk_lint.report import MODULES, get_renderer
from xxgk_lint.report.jsonstream import write_document
from xxgk_lint.report.statistics import render as render_statistics

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def _finding(path: str, i: int) -> Finding:
    fix = None
    if i % 3 == 0:
        edit = {"line": i + 1, "column": 9, "end_line": i + 1, "end_column": 10, "content": "，"}
        fix = {"applicability": "safe", "edits": [edit]}
    code = ("D001", "T006", "N001")[i % 3]
    return Finding(
        code,
        f"name-{code}",
        SEVERITIES[i % 3],
        f"第{i}处：全角“引号”与\\反斜杠\n换行",
        path,
        i + 1,
        3,
        i + 1,
        7,
        {"n": i, "词": ["甲", "乙"]},
        fix,
        fingerprint=f"{i:016x}:0",
    )


def results(count: int, per_file: int = 4) -> Iterator[FileResult]:
    """Results made on demand, as the workers deliver them."""
    for n in range(count):
        path = f"报告/r{n:05d}.txt"
        findings = [_finding(path, i) for i in range(n % (per_file + 1))]
        yield FileResult(path, findings, {"year": 2021, "edition": "2021"})


class Sink(io.TextIOBase):
    """Output that keeps nothing (what a pipe to another program costs the linter)."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        return len(text)


def _render(fmt: str, items, lang: str = "zh"):
    out = io.StringIO()
    if fmt == "statistics":
        counts = render_statistics(items, out, as_json=False)
    else:
        counts = get_renderer(fmt)(items, out, lang)
    return out.getvalue(), counts


FORMATS = [*MODULES, "statistics"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_renderers_read_a_one_shot_stream_and_count_it(fmt: str) -> None:
    listed = list(results(12))
    streamed, counts = _render(fmt, iter(listed))
    assert _render(fmt, listed)[0] == streamed  # a list and a stream give the same output
    assert counts.files == 12
    assert counts.total == sum(len(r.findings) for r in listed)
    assert counts.by_code["D001"] == sum(f.code == "D001" for r in listed for f in r.findings)
    assert counts.worst == 3


@pytest.mark.parametrize("fmt", ["json", "sarif", "gitlab"])
@pytest.mark.parametrize("count", [0, 1, 7])
def test_streamed_json_is_what_a_whole_document_dump_writes(fmt: str, count: int) -> None:
    text, _ = _render(fmt, results(count))
    document = json.loads(text)
    assert text == json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def test_json_summary_comes_last_with_the_totals() -> None:
    text, _ = _render("json", results(6))
    document = json.loads(text)
    assert list(document) == ["tool", "files", "summary"]
    assert [f["path"] for f in document["files"]] == [f"报告/r{n:05d}.txt" for n in range(6)]
    assert document["summary"] == {
        "files": 6,
        "diagnostics": 10,
        "by_severity": {"error": 5, "info": 2, "warning": 3},
        "by_code": {"D001": 5, "N001": 2, "T006": 3},
    }


def test_write_document_at_any_depth() -> None:
    def skeleton(mark):
        return {"a": [1, {"b": {"items": mark, "after": "尾"}}], "z": None}

    for items in ([], [{"x": [1, 2]}, "二", 3]):
        out = io.StringIO()
        write_document(out, skeleton, iter(items))
        expected = skeleton(items)
        assert out.getvalue() == json.dumps(expected, ensure_ascii=False, indent=2) + "\n"


def test_junit_suites_are_indented_as_element_tree_indents_them() -> None:
    text, _ = _render("junit", results(5))
    declaration, body = text.split("\n", 1)
    assert declaration == '<?xml version="1.0" encoding="UTF-8"?>'
    root = ET.fromstring(body)
    # a case per rule with findings (9 failures) and one for the clean file
    assert (root.get("tests"), root.get("failures")) == ("10", "9")
    ET.indent(root)
    assert ET.tostring(root, encoding="unicode") + "\n" == body


def _peak_bytes(fmt: str, count: int) -> int:
    tracemalloc.start()
    try:
        _render_to_sink(fmt, count)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _render_to_sink(fmt: str, count: int) -> None:
    if fmt == "statistics":
        render_statistics(results(count), Sink(), as_json=True)
    else:
        get_renderer(fmt)(results(count), Sink(), "zh")


@pytest.mark.parametrize("fmt", FORMATS)
def test_memory_does_not_grow_with_the_number_of_files(fmt: str, monkeypatch) -> None:
    # JUnit keeps its suites in memory up to SPOOL_BYTES, then in a temporary file: here
    # from the first suite on, so its memory is the same for any number of files.
    monkeypatch.setattr("xxgk_lint.report.junit.SPOOL_BYTES", 1)
    # A first pass, unmeasured: imports, caches, and the interpreter's table of interned
    # path parts (pathlib interns every name it parses) are not the renderer's growth.
    _render_to_sink(fmt, 2000)
    small, large = _peak_bytes(fmt, 1000), _peak_bytes(fmt, 2000)
    # Holding 1,000 more results takes 2.4 MB; streaming takes no more than copy buffers.
    assert large - small < 256 * 1024, (small, large)
