"""Rule documentation: every rule documented in both languages, and the doc commands."""

from __future__ import annotations

import json
import re
import string

import pytest
from typer.testing import CliRunner

from xxgk_lint.check import Message, all_checks
from xxgk_lint.cli import app
from xxgk_lint.ruledocs import render_rule, rules_table

from .conftest import codes_of, lint_text

CODES = list(all_checks())


def placeholders(template: str) -> set[str]:
    """The fields a message fills. A field ending in _zh or _en is one field given in each
    language ({name_zh} in Chinese, {name_en} in English), so the suffix is dropped."""
    fields = (field for _, field, _, _ in string.Formatter().parse(template) if field)
    return {re.sub(r"_(?:zh|en)$", "", field) for field in fields}


@pytest.mark.parametrize("code", CODES)
def test_every_rule_is_documented_in_chinese_and_english(code: str) -> None:
    check = all_checks()[code]
    doc = check.doc
    for text in (doc.what_zh, doc.what_en, doc.why_zh, doc.why_en, doc.fires, doc.passes):
        assert text.strip(), f"{code}: incomplete RuleDoc"
    assert check.name and check.name == check.name.lower() and " " not in check.name
    assert check.fixable in ("none", "safe", "unsafe")
    messages: list[Message] = [*check.messages.values(), *([check.help] if check.help else [])]
    assert check.messages
    for message in messages:
        assert message.zh.strip() and message.en.strip()
        assert placeholders(message.zh) == placeholders(message.en), f"{code}: {message}"


# The rules whose examples are whole (short) reports: each must do what its page says.
EXAMPLE_CODES = ["S001", "S002", "S003", "S004", "S005", "S006", "S007", "S008"]
EXAMPLE_CODES += ["D001", "D002", "D003", "D004", "Q001"]


@pytest.mark.parametrize("code", EXAMPLE_CODES)
def test_documented_examples_behave_as_documented(code: str) -> None:
    doc = all_checks()[code].doc
    assert code in codes_of(lint_text(doc.fires, code))
    assert code not in codes_of(lint_text(doc.passes, code))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_rule_page(lang: str) -> None:
    check = all_checks()["S002"]
    page = render_rule(check, lang)
    assert page.startswith("# outline-mismatch (S002)\n")
    assert "warning" in page
    assert check.doc.fires in page and check.doc.passes in page
    assert (check.doc.what_en if lang == "en" else check.doc.what_zh) in page


def test_rules_table_lists_every_rule() -> None:
    lines = rules_table().splitlines()
    assert lines[0].split() == ["code", "name", "severity", "editions", "fix"]
    assert [line.split()[0] for line in lines[2:]] == CODES
    assert "S007  section-order" in rules_table()


runner = CliRunner()


def test_cli_rules_json() -> None:
    result = runner.invoke(app, ["rules", "--format", "json"])
    assert result.exit_code == 0
    rules = json.loads(result.stdout)
    assert [r["code"] for r in rules] == CODES
    s007 = next(r for r in rules if r["code"] == "S007")
    assert s007 == {
        "code": "S007",
        "name": "section-order",
        "severity": "error",
        "editions": ["2019", "2021"],
        "fixable": "none",
    }


def test_cli_rule_page_in_both_languages() -> None:
    zh = runner.invoke(app, ["rule", "s002"])
    en = runner.invoke(app, ["rule", "S002", "--lang", "en"])
    assert zh.exit_code == en.exit_code == 0
    assert "## 检查内容" in zh.stdout and "## What it finds" in en.stdout


def test_cli_unknown_rule() -> None:
    result = runner.invoke(app, ["rule", "X999"])
    assert result.exit_code == 2
    assert result.stderr.strip() == "xxgk-lint: unknown rule code: X999"
    assert result.stdout == ""
