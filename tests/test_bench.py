"""Smoke test of the benchmark's report generator: deterministic, decodable, lintable."""

from __future__ import annotations

import json

from bench.generate import cn_number, generate, plan, write_corpus, write_scaled
from xxgk_lint.check import select_checks
from xxgk_lint.engine import lint_source
from xxgk_lint.settings import Settings
from xxgk_lint.source import decode

COUNT = 12


def test_generation_is_deterministic() -> None:
    first = [generate(7, i) for i in range(COUNT)]
    again = [generate(7, i) for i in range(COUNT)]
    assert first == again
    assert generate(8, 0)[1] != first[0][1]


def test_reports_decode_and_carry_the_planned_title_year() -> None:
    for i in range(COUNT):
        spec, data = generate(3, i)
        source = decode(data, spec.name)
        title_year = spec.year + (1 if "year_mismatch" in spec.defects else 0)
        assert f"{title_year}年" in source.text[:400].replace("(", "").replace(")", "")
        if spec.edition != "2007" and spec.table_style == "pipe":
            assert "| （七）总计 |" in source.text or "| （七）總計 |" in source.text


def test_the_linter_runs_on_generated_reports() -> None:
    checks = select_checks()
    settings = Settings()
    codes = set()
    for i in range(COUNT):
        spec, data = generate(5, i)
        result = lint_source(decode(data, spec.name), checks, settings)
        assert result.error is None
        assert result.facts is not None
        codes.update(f.code for f in result.findings)
    assert codes  # some planned defects are found


def test_a_missing_period_is_reported() -> None:
    index = next(i for i in range(200) if plan(11, i).defects == ("missing_period",))
    spec, data = generate(11, index)
    result = lint_source(decode(data, spec.name), select_checks(["D001"]), Settings())
    assert [f.code for f in result.findings] == ["D001"]


def test_corpus_manifest_and_reuse(tmp_path) -> None:
    manifest = write_corpus(tmp_path, 5, seed="t")
    names = sorted(p.name for p in tmp_path.glob("r*.txt"))
    assert names == sorted(manifest["files"])
    stamp = {n: (tmp_path / n).stat().st_mtime_ns for n in names}
    assert write_corpus(tmp_path, 5, seed="t") == manifest
    assert {n: (tmp_path / n).stat().st_mtime_ns for n in names} == stamp
    saved = json.loads((tmp_path / "manifest.json").read_text("utf-8"))
    assert saved["bytes"] == sum((tmp_path / n).stat().st_size for n in names)


def test_scaled_reports_grow_to_their_size(tmp_path) -> None:
    small, large = write_scaled(tmp_path, [20_000, 200_000])
    assert 15_000 < small.stat().st_size < 30_000
    assert 180_000 < large.stat().st_size < 230_000


def test_chinese_heading_numbers() -> None:
    assert [cn_number(n) for n in (1, 10, 11, 20, 99)] == ["一", "十", "十一", "二十", "九十九"]
