"""P001 personal-id-number and P002 personal-mobile-number, on text written for these tests."""

from __future__ import annotations

import re
from datetime import date

import pytest

from xxgk_lint.check import all_checks
from xxgk_lint.checks.privacy import id_number_valid

from .conftest import lint_text


def spans(findings) -> list[tuple[int, int, int]]:
    return [(f.line, f.column, f.end_column) for f in findings]


# P001 personal-id-number


def test_id_number_check_digit_and_birth_date() -> None:
    assert id_number_valid("110101199003074514")
    assert id_number_valid("44030419851231002X")
    assert id_number_valid("44030419851231002x")
    assert not id_number_valid("110101199003074515")  # wrong check digit
    assert not id_number_valid("110101199013074514")  # month 13
    assert not id_number_valid("990101199003074510")  # no such province
    assert not id_number_valid("110101203003074510", today=date(2024, 1, 1))  # born later


@pytest.mark.parametrize(
    ("text", "span", "masked"),
    [
        ("申请人张某（身份证号110101199003074514）于3月提出申请。", (1, 11, 29), "4514"),
        ("申請人身份證號：44030419851231002X。", (1, 9, 27), "002X"),
        ("身份证号：４４０３０４１９８５１２３１００２Ｘ", (1, 6, 24), "002X"),
        # written in its 6-8-4 groups
        ("申请人（身份证号：110101 19900307 4514）多次申请。", (1, 10, 30), "4514"),
        ("身份证号 440304 19851231 002X", (1, 6, 26), "002X"),
        ("身份证编号：110101199003074514", (1, 7, 25), "4514"),  # a label of a person
    ],
)
def test_id_numbers_fire(text: str, span: tuple[int, int, int], masked: str) -> None:
    found = lint_text(text, "P001")
    assert spans(found) == [span]
    assert found[0].severity.value == "error"
    assert masked in found[0].message
    assert "19900307" not in found[0].message and "19851231" not in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        "申请人张某（身份证号110101********4514）于3月提出申请。",
        "编号1101011990030745141",  # inside a longer run of digits
        "身份证号110101199003074515",  # wrong check digit
        "旧身份证号110101900307451",  # 15 digits: not checked
        "统一社会信用代码91340100MA2N0XXXXX",
        "账号6222021001116245702",
        "身份证号110101 19900307 4515",  # grouped, wrong check digit
        "序列 12 110101 19900307 4514",  # the end of a longer run of groups
        "序列 110101 19900307 4514 88",  # the start of one
        "编号110101  19900307  4514",  # two blanks: not the groups of one number
        "编号110101 199003074514",  # grouped only in part
        "受理编号：110101199003074514",  # a serial number that passes the check by chance
        "告知书档案号为110101199003074514",
    ],
)
def test_non_id_numbers_pass(text: str) -> None:
    assert lint_text(text, "P001") == []


# P002 personal-mobile-number


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("咨询电话：13912345678（李某）", (1, 6, 17)),
        ("手机 139 1234 5678 联系", (1, 4, 17)),
        ("联系人手机：139-1234-5678", (1, 7, 20)),
        ("电话：+86 13912345678", (1, 4, 19)),
        ("電話：１３９１２３４５６７８", (1, 4, 15)),
        ("联系电话：(0571)86012345 13912345678", (1, 21, 32)),
    ],
)
def test_mobile_numbers_fire(text: str, span: tuple[int, int, int]) -> None:
    found = lint_text(text, "P002")
    assert spans(found) == [span]
    assert found[0].severity.value == "warning"
    assert "139****5678" in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        "咨询电话：0551-62601234，或拨打12345政务服务热线。",
        "举报电话：12390；办公电话010-12345678",
        "北京电话010-13912345678",
        "统一社会信用代码91370303MA3C13912345",
        "身份证号110101199003074514",
        "全年支出13912345678元",
        "卡号6222 1391 2345 6789",
        "编号：13912345678",
        "共计123456789012条",
        "某政发〔2023〕13912345678号",
    ],
)
def test_non_mobile_numbers_pass(text: str) -> None:
    assert lint_text(text, "P002") == []


@pytest.mark.parametrize("code", ["P001", "P002"])
def test_rule_docs_and_messages(code: str) -> None:
    check = all_checks()[code]
    assert code in {f.code for f in lint_text(check.doc.fires, code)}
    assert lint_text(check.doc.passes, code) == []
    placeholder = re.compile(r"\{(\w+)\}")
    for message in [*check.messages.values(), check.help]:
        assert set(placeholder.findall(message.zh)) == set(placeholder.findall(message.en))
