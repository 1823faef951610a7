"""What keeps a one-file run quick to start: patterns compiled on first use, and an outline
parser generated ahead of time that loads without Lark."""

from __future__ import annotations

import re
import subprocess
import sys

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


SYMBOLS = ["", "ft1x2xr3x2x1xsd", "x1r2r3r4r5r6r", "tx1x1", "d", "f", "1" * 7, "rr2x1xxsdxr"]


def test_the_generated_parser_is_current_and_used() -> None:
    """The committed stand-alone parser was generated from the grammar as it is now (else
    run tools/generate_parser.py), so a run loads it without importing Lark."""
    from xxgk_lint import outline_parser

    grammar = outline.GRAMMAR_PATH.read_text("utf-8")
    assert outline.grammar_digest(grammar) == outline_parser.GRAMMAR_SHA256
    outline._parser.cache_clear()
    assert type(outline._parser()).__module__ == outline_parser.__name__


def test_the_generated_parser_builds_the_trees_lark_builds() -> None:
    import lark

    built = lark.Lark(outline.GRAMMAR_PATH.read_text("utf-8"), **outline.PARSER_OPTIONS)
    outline._parser.cache_clear()
    generated = outline._parser()
    for symbols in SYMBOLS:
        assert generated.parse(symbols).pretty() == built.parse(symbols).pretty(), symbols


def test_a_changed_grammar_is_built_with_lark(monkeypatch: pytest.MonkeyPatch) -> None:
    from xxgk_lint import outline_parser

    monkeypatch.setattr(outline_parser, "GRAMMAR_SHA256", "0" * 64)
    outline._parser.cache_clear()
    try:
        assert type(outline._parser()).__module__.startswith("lark")
        assert _sections(Document(Source("a.txt", REPORT))) == ["总体情况", "其他事项"]
    finally:
        outline._parser.cache_clear()


def test_a_run_does_not_import_lark() -> None:
    script = (
        "import sys\n"
        "from xxgk_lint.document import Document\n"
        "from xxgk_lint.source import Source\n"
        f"doc = Document(Source('a.txt', {REPORT!r}))\n"
        "print(len(doc.outline.sections), 'lark' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, check=True)
    assert out.stdout.split() == [b"2", b"False"]


def test_lines_with_a_pattern_come_from_one_scan() -> None:
    doc = Document(Source("a.txt", "甲 123\r\n乙\n丙 45 678\n\n丁 9"))
    digits = re.compile(r"\d+")
    assert [line.index for line in doc.lines_with(digits)] == [0, 2, 4]
    assert [line.index for line in doc.lines_with(re.compile("戊"))] == []
    read = Document(Source("a.txt", "依(yī)法公开(gōng)\n第二行 12\n"))  # readings removed
    assert [line.index for line in read.lines_with(digits)] == [1]
