"""Cell values of the unified tables: numbers, units, blanks and placeholders."""

from __future__ import annotations

from decimal import Decimal

import pytest

from xxgk_lint.normalise import normalise
from xxgk_lint.tables.values import Kind, is_word, parse_value


@pytest.mark.parametrize(
    ("text", "number", "unit"),
    [
        ("0", 0, ""),
        ("15", 15, ""),
        (" 7 ", 7, ""),
        ("1,326", 1326, ""),
        ("12.35", Decimal("12.35"), ""),
        ("251000元", 251000, "元"),
        ("3件", 3, "件"),
        ("1.5万元", Decimal("1.5"), "万元"),
        ("-2", -2, ""),
        ("+4", 4, ""),
        ("零", 0, ""),
    ],
)
def test_numbers(text: str, number, unit: str) -> None:
    value = parse_value(text)
    assert value.kind is Kind.NUMBER
    assert value.number == number
    assert value.unit == unit


def test_full_width_digits_after_normalisation() -> None:
    value = parse_value(normalise("１２").text)
    assert value.number == 12


@pytest.mark.parametrize("text", ["/", "-", "—", "——", "空", "无", "\\"])
def test_placeholders(text: str) -> None:
    value = parse_value(text)
    assert value.kind is Kind.PLACEHOLDER
    assert value.is_missing and value.is_value


@pytest.mark.parametrize("text", ["", "  "])
def test_blank(text: str) -> None:
    assert parse_value(text).kind is Kind.BLANK


@pytest.mark.parametrize(
    "text", ["规章", "1.属于国家秘密", "2019年", "第二十条第(一)项", "本年增/减"]
)
def test_labels_are_text(text: str) -> None:
    assert parse_value(text).kind is Kind.TEXT


@pytest.mark.parametrize(
    ("text", "is_count"), [("3", True), ("0", True), ("-1", False), ("2.5", False)]
)
def test_is_count(text: str, is_count: bool) -> None:
    assert parse_value(text).is_count is is_count


@pytest.mark.parametrize("minus", ["-", "−", "‐", "‑", "‒", "–", "—", "―", "﹣", "﹘"])
def test_a_minus_written_with_any_dash_is_a_negative_number(minus: str) -> None:
    value = parse_value(f"{minus}3")
    assert value.kind is Kind.NUMBER and value.number == -3
    assert not value.is_count
    assert parse_value(minus).kind is Kind.PLACEHOLDER


def test_a_full_width_minus_after_normalisation() -> None:
    assert parse_value(normalise("－２").text).number == -2
    assert parse_value(normalise("－").text).kind is Kind.PLACEHOLDER


@pytest.mark.parametrize("text", ["若干", "不详", "未统计", "暂无数据", "N/A"])
def test_words_for_a_number(text: str) -> None:
    assert parse_value(text).kind is Kind.TEXT
    assert is_word(text)


@pytest.mark.parametrize(
    "text", ["件", "万元", "1.属于国家秘密", "（一）予以公开", "2024年", "单位：件"]
)
def test_no_words_for_a_number(text: str) -> None:
    assert not is_word(text)
