"""D001 missing-period, D002 period-not-full-year, D003 year-mismatch."""

from __future__ import annotations

import pytest

from .conftest import lint_text

TITLE = "某县教育局{y}年政府信息公开工作年度报告\n"


def test_missing_period_fires() -> None:
    found = lint_text(TITLE.format(y=2018) + "一、概述\n2018年，本局公开信息40条。\n", "D001")
    assert [(f.code, f.line, f.column) for f in found] == [("D001", 1, 1)]


@pytest.mark.parametrize(
    "sentence",
    [
        "本报告所列数据的统计期限自2018年1月1日起至2018年12月31日止。",
        "本报告中所列数据統計期限為2018年1月1日至12月31日。",
        "报告中所列数据统计期限自２０１８年１月１日始，至２０１８年１２月３１日止。",
        "统计时限：2018年1月1日—2018年12月31日，数据均来自本局台账。",
        "本报告统计数据时间段为二〇一八年一月一日至十二月三十一日。",
        "本年度报告统计期限为2018年度。",
    ],
)
def test_period_in_any_wording(sentence: str) -> None:
    text = TITLE.format(y=2018) + sentence + "\n一、概述\n2018年，本局公开信息40条。\n"
    assert lint_text(text, "D001", "D002", "D003") == []


def test_date_range_without_statistics_context_is_not_a_period() -> None:
    text = TITLE.format(y=2018) + "2018年3月1日至3月5日，本局开展了公开宣传周活动。\n"
    assert [f.code for f in lint_text(text, "D001")] == ["D001"]


@pytest.mark.parametrize(
    ("period", "start", "end"),
    [
        ("自2018年2月1日起至2018年12月31日止", "2018-02-01", "2018-12-31"),
        ("自2018年1月1日起至2018年11月30日止", "2018-01-01", "2018-11-30"),
        ("自2017年1月1日起至2018年12月31日止", "2017-01-01", "2018-12-31"),
    ],
)
def test_period_not_a_full_year(period: str, start: str, end: str) -> None:
    line = f"本报告所列数据的统计期限{period}。"
    [found] = lint_text(TITLE.format(y=2018) + line + "\n", "D002")
    assert found.data == {"start": start, "end": end}
    assert found.line == 2
    assert line[found.column - 1 : found.end_column - 1] == period[1:-1]


def test_impossible_date() -> None:
    text = TITLE.format(y=2018) + "统计期限为2018年1月1日至2018年12月32日。\n"
    [found] = lint_text(text, "D002")
    assert "不存在" in found.message
    assert found.data["end"] == "2018-12-32"


def test_year_mismatch_between_title_and_period() -> None:
    text = TITLE.format(y=2019) + "本报告所列数据的统计期限自2018年1月1日起至2018年12月31日止。\n"
    [found] = lint_text(text, "D003")
    assert found.data == {"title_year": 2019, "period_year": 2018, "text_year": None}
    assert found.line == 2


def test_text_reporting_on_last_year() -> None:
    text = (
        TITLE.format(y=2023)
        + "本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。\n"
        + "一、总体情况\n2022年，我局持续推进政务公开。\n2022年，我局新建专栏3个。\n"
    )
    [found] = lint_text(text, "D003")
    assert found.data["text_year"] == 2022


def test_plans_for_next_year_are_not_the_text_year() -> None:
    text = (
        TITLE.format(y=2023)
        + "本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。\n"
        + "一、总体情况\n2023年，我局持续推进政务公开。\n"
        + "二、改进措施\n2024年，我局将进一步完善制度。\n2024年，我局拟开展培训。\n"
    )
    assert lint_text(text, "D003") == []
