"""Shared helpers: lint a text written in the test, and find ../shared when it exists."""

from __future__ import annotations

from pathlib import Path

import pytest

from xxgk_lint.check import select_checks
from xxgk_lint.engine import Finding, lint_source
from xxgk_lint.settings import Settings
from xxgk_lint.source import decode

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def lint_text(
    text: str | bytes, *codes: str, path: str = "report.txt", **settings
) -> list[Finding]:
    """Findings of the given rule codes (all rules when none) on a report written in a test."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    chosen = Settings(select=list(codes), **settings)
    return lint_source(decode(data, path), select_checks(chosen.select), chosen).findings


def codes_of(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]


@pytest.fixture
def shared_dir() -> Path:
    """The ../shared folder of a development checkout; tests using it skip on a fresh clone."""
    if not (SHARED / "corpus" / "seeds").is_dir():
        pytest.skip("../shared is not available (fresh clone)")
    return SHARED
