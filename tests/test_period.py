"""D001 missing-period, D002 period-not-full-year, D003 year-mismatch."""

from __future__ import annotations

import pytest

from xxgk_lint.facts import academic_year_of

from .conftest import codes_of, lint_text

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
    found = lint_text(text, "D003")  # one finding on each sentence left from last year
    assert [(f.line, f.data["text_year"]) for f in found] == [(4, 2022), (5, 2022)]


def test_plans_for_next_year_are_not_the_text_year() -> None:
    text = (
        TITLE.format(y=2023)
        + "本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。\n"
        + "一、总体情况\n2023年，我局持续推进政务公开。\n"
        + "二、改进措施\n2024年，我局将进一步完善制度。\n2024年，我局拟开展培训。\n"
    )
    assert lint_text(text, "D003") == []


# --- the period in every wording (D001), judged by D002 -------------------------------------

REPORT = "{title}{period}\n一、概述\n{overview}\n二、存在的主要问题及改进措施\n{plans}\n"


def body(period: str, overview: str = "2018年，本局公开信息40条。", plans: str = "") -> str:
    plans = plans or "一是栏目更新偏慢；二是解读形式单一。下一步将加强培训。"
    return REPORT.format(title=TITLE.format(y=2018), period=period, overview=overview, plans=plans)


@pytest.mark.parametrize(
    "sentence",
    [
        "本报告所列数据统计期间为2018年1-12月。",
        "本报告所列数据统计期间为2018年1—12月。",
        "本报告所列数据统计期间为2018年1月至12月。",
        "本报告所列数据统计期间为2018年1月份至12月份。",
        "本报告所用数据的统计期限为2018年度1-12月。",
        "本报告所列数据时间起止为2018.1.1-2018.12.31。",
        "本报告所列数据时间起止为2018.1.1-12.31。",
        "统计期限：2018-01-01至2018-12-31。",
        "统计期限：2018-01-01-2018-12-31。",
        "统计时限为2018/1/1—2018/12/31。",
        "报告所列数据统计期限为二〇一八年一月至十二月。",
        "报告所列数据统计期限为二〇一八年一至十二月。",
        "报告所列数据统计期限为二0一八年元月一日至十二月三十一号。",
        "本报告统计期限为1月1日至12月31日。",  # the year is the title's
        "本报告所列数据的统计期间为2018年全年。",
        "本报告所列数据统计期限为2018年1月1日0时至2018年12月31日24时。",
    ],
)
def test_period_wordings_are_read_and_a_full_year_passes(sentence: str) -> None:
    assert lint_text(body(sentence), "D001", "D002", "D003") == []


@pytest.mark.parametrize(
    ("sentence", "start", "end", "stated"),
    [
        ("本报告所列数据统计期间为2018年1-11月。", "2018-01-01", "2018-11-30", "2018年1-11月"),
        ("数据统计期限为2018年2月至12月。", "2018-02-01", "2018-12-31", "2018年2月至12月"),
        ("所列数据时间起止为2018.1.1-2018.11.30。", "2018-01-01", "2018-11-30", None),
        ("统计期限：2018-02-01至2018-12-31。", "2018-02-01", "2018-12-31", None),
        ("统计期限为二〇一八年一月至十一月。", "2018-01-01", "2018-11-30", None),
        ("统计期限为2018.1.1-2018.2.30。", "2018-01-01", "2018-02-30", None),  # impossible
        ("统计期限为2018年至2019年。", "2018-01-01", "2019-12-31", "2018年至2019年"),
        ("统计期限为2018年1月1日0时至11月30日24时。", "2018-01-01", "2018-11-30", None),
    ],
)
def test_partial_periods_in_other_wordings_fail(
    sentence: str, start: str, end: str, stated: str | None
) -> None:
    [found] = lint_text(body(sentence), "D001", "D002")
    assert (found.code, found.data, found.line) == ("D002", {"start": start, "end": end}, 2)
    if stated:
        assert sentence[found.column - 1 : found.end_column - 1] == stated


@pytest.mark.parametrize(
    "sentence",
    [
        "据统计，2018年1-6月共受理申请20件。",  # a month span in a sentence about counts
        "全县2018年1-6月数据共享平台上线运行。",
        "2018.3.1-2018.3.5，本局开展了公开宣传周活动。",
    ],
)
def test_month_spans_and_dotted_dates_outside_a_period_statement_are_not_a_period(
    sentence: str,
) -> None:
    assert codes_of(lint_text(body(sentence), "D001", "D002")) == ["D001"]


def test_the_sentence_naming_the_period_wins_over_an_earlier_statistics_sentence() -> None:
    text = body(
        "据统计数据，2018年3月1日至3月5日宣传周期间发放资料500份。"
        "本报告所列数据统计期限为2018年1月1日至12月31日。"
    )
    assert lint_text(text, "D001", "D002") == []


# --- D003: plans for a later year, last year's sentences left in -----------------------------

PERIOD_2018 = "本报告所列数据的统计期限自2018年1月1日起至2018年12月31日止。"


@pytest.mark.parametrize(
    "plans",
    [
        "一是更新偏慢。2019年，继续加强督查考核。2019年，要进一步加强政策解读。",
        "2019年，全面推行栏目季度通报制度。2019年，开通政策问答专栏。",  # the part is plans
    ],
)
def test_later_years_in_the_improvements_part_are_plans(plans: str) -> None:
    assert lint_text(body(PERIOD_2018, plans=plans), "D003") == []


def test_later_years_with_plan_words_are_plans_anywhere() -> None:
    overview = "2018年，本局公开信息40条。2019年，本局拟新建专栏两个。2019年，计划培训三期。"
    assert lint_text(body(PERIOD_2018, overview=overview), "D003") == []


def test_a_text_reporting_on_a_later_year_still_fires() -> None:
    overview = "2019年，本局公开信息40条。\n2019年，本局新建专栏两个。"
    [found] = lint_text(body(PERIOD_2018, overview=overview), "D003")
    assert found.data == {"title_year": 2018, "period_year": 2018, "text_year": 2019}
    assert (found.line, found.column) == (4, 1)


def test_a_stale_year_opening_the_overview_fires_on_its_sentence() -> None:
    overview = (
        "2017年，县教育局把信息公开纳入年度考核，调整了领导小组。\n"
        "（一）公开情况。2018年，本局公开信息40条。2018年，本局新建专栏两个。"
    )
    [found] = lint_text(body(PERIOD_2018, overview=overview), "D003")
    assert found.data == {"title_year": 2018, "period_year": 2018, "text_year": 2017}
    assert (found.line, found.column, found.end_column) == (4, 1, 6)
    assert "此句" in found.message


def test_each_stale_sentence_is_pointed_at() -> None:
    overview = "（一）公开情况。2017年，本局公开信息40条。\n2017年，本局新建专栏两个。"
    found = lint_text(body(PERIOD_2018, overview=overview), "D003")
    assert [(f.line, f.column, f.data["text_year"]) for f in found] == [(4, 9, 2017), (5, 1, 2017)]


def test_a_stale_year_without_a_period_is_judged_against_the_title() -> None:
    text = TITLE.format(y=2018) + "一、概述\n2017年，本局公开信息40条。\n"
    [found] = lint_text(text, "D003")
    assert found.data == {"title_year": 2018, "period_year": None, "text_year": 2017}
    assert found.line == 3


@pytest.mark.parametrize(
    "overview",
    [
        "2017年，全县受理申请30件，较上年增加5件。2018年，受理47件。",
        "2017年，全县受理申请30件。2018年，全县受理申请47件。",  # year on year
        "2017年，本局受理申请30件，2018年增至47件。",
        "2008年以来，本局累计公开信息两万余条。",
        "2016年，本局出台公开目录编制办法，沿用至今。",
        "2017年，同比减少申请5件的情况已有分析。",
        "2017年，本局存在栏目更新不及时的问题，现已整改完毕。",  # last year's problems
    ],
)
def test_comparisons_and_history_are_not_stale(overview: str) -> None:
    assert lint_text(body(PERIOD_2018, overview=overview), "D003") == []


def test_a_stale_sentence_in_a_web_page_points_into_the_page() -> None:
    page = (
        "<html><body><h1>某县教育局2018年政府信息公开工作年度报告</h1>\n"
        f"<p>{PERIOD_2018}</p>\n<p>一、概述</p>\n"
        "<p>\u3000\u30002017年，我局以教育经费为重点推进信息公开。</p>\n"
        "<p>\u3000\u30002018年，我局公开信息40条。</p>\n</body></html>\n"
    )
    [found] = lint_text(page.encode(), "D003", path="report.html")
    assert found.data["text_year"] == 2017
    line = page.splitlines()[found.line - 1]
    assert line[found.column - 1 : found.end_column - 1] == "2017年"


# --- universities reporting by 学年 -----------------------------------------------------------

UNIVERSITY = (
    "东岭大学{title}信息公开工作年度报告\n本报告所列数据统计时间为{period}。\n一、概述\n{text}\n"
)


@pytest.mark.parametrize(
    "period",
    [
        "2013年9月1日至2014年8月31日",
        "2013.9.1-2014.8.31",
        "2013-2014学年",
        "2013年1月1日至12月31日",
    ],
)
def test_an_academic_year_title_accepts_a_full_academic_or_calendar_year(period: str) -> None:
    text = UNIVERSITY.format(
        title="2013-2014学年", period=period, text="2014年，学校修订了信息公开实施细则。"
    )
    assert lint_text(text, "D002", "D003") == []


def test_an_academic_year_title_with_a_short_period_fires() -> None:
    text = UNIVERSITY.format(
        title="2013—2014学年度", period="2013年9月1日至2014年7月31日", text="本学年公开信息527条。"
    )
    [found] = lint_text(text, "D002")
    assert found.data == {"start": "2013-09-01", "end": "2014-07-31"}
    assert "学年" in found.message


def test_an_academic_period_under_a_calendar_year_title_fires() -> None:
    text = UNIVERSITY.format(
        title="2014年", period="2013年9月1日至2014年8月31日", text="本学年公开信息527条。"
    )
    assert codes_of(lint_text(text, "D002")) == ["D002"]


def test_an_academic_year_report_with_an_earlier_year_fires() -> None:
    text = UNIVERSITY.format(
        title="2013-2014学年",
        period="2013年9月1日至2014年8月31日",
        text="2012年，学校公开信息300条。",
    )
    [found] = lint_text(text, "D003")
    assert found.data == {"title_year": 2013, "period_year": 2013, "text_year": 2012}


@pytest.mark.parametrize(
    ("title", "year"),
    [
        ("东岭大学2013-2014学年信息公开工作年度报告", 2013),
        ("东岭大学2013—2014学年度信息公开工作年度报告", 2013),
        ("东岭大学 2013 至 2014 学年信息公开年度报告", 2013),
        ("东岭大学2013-14学年信息公开工作年度报告", 2013),
        ("东岭大学二〇一三—二〇一四学年信息公开工作年度报告", 2013),
        ("东岭大学2013-2015学年信息公开工作年度报告", None),  # not one academic year
        ("东岭大学2014年信息公开工作年度报告", None),
    ],
)
def test_academic_year_of_a_title(title: str, year: int | None) -> None:
    assert academic_year_of(title) == year
