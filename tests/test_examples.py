"""The example reports: the clean ones raise nothing, the broken ones raise every rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from xxgk_lint.check import all_checks, select_checks
from xxgk_lint.engine import lint_source
from xxgk_lint.settings import Settings
from xxgk_lint.source import load_path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _codes(path: Path) -> set[str]:
    settings = Settings()
    result = lint_source(load_path(path), select_checks(settings.select), settings)
    return {f.code for f in result.findings}


@pytest.mark.parametrize("name", ["clean-2007.txt", "clean-2021.txt"])
def test_clean_examples_raise_nothing(name: str) -> None:
    assert _codes(EXAMPLES / name) == set()


def test_broken_examples_raise_every_registered_rule() -> None:
    raised = set().union(*(_codes(p) for p in sorted(EXAMPLES.glob("broken-*.txt"))))
    assert raised == set(all_checks())
