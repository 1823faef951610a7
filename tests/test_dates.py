"""D004 late-publication: the deadline by edition and issuer, and where the date comes from."""

from __future__ import annotations

import pytest

from xxgk_lint.facts import issuer_kind

from .conftest import lint_text

BODY = "一、总体情况\n本年度，我单位认真贯彻落实《条例》。\n"


def report(issuer: str, year: int, signed: str, title_issuer: str | None = None) -> str:
    title = (
        f"{title_issuer if title_issuer is not None else issuer}{year}年政府信息公开工作年度报告"
    )
    return f"{title}\n{BODY}\n\u3000\u3000{issuer}\n\u3000\u3000{signed}\n"


def test_d004_department_after_31_january() -> None:
    (f,) = lint_text(report("某某市统计局", 2022, "2023年2月20日"), "D004")
    assert f.data == {"published": "2023-02-20", "deadline": "2023-01-31"}
    assert (f.line, f.column, f.end_column) == (6, 3, 13)


@pytest.mark.parametrize(
    ("issuer", "signed"),
    [
        ("某某市统计局", "２０２３年２月２０日"),  # full-width digits
        ("某某市統計局", "2023年2月20日"),  # a traditional department name
        ("某某市統計局", "２０２３年２月２０日"),
    ],
    ids=["full-width-date", "traditional-issuer", "both"],
)
def test_d004_department_variants(issuer: str, signed: str) -> None:
    (f,) = lint_text(report(issuer, 2022, signed), "D004")
    assert f.code == "D004"
    assert f.data == {"published": "2023-02-20", "deadline": "2023-01-31"}
    assert (f.line, f.column, f.end_column) == (6, 3, 13)


def test_d004_government_office_is_a_department() -> None:
    text = report("某某县人民政府办公室", 2022, "二〇二三年二月十日", title_issuer="")
    (f,) = lint_text(text, "D004")
    assert f.data == {"published": "2023-02-10", "deadline": "2023-01-31"}


@pytest.mark.parametrize(
    ("issuer", "year", "signed"),
    [
        ("某某市统计局", 2022, "2023年1月31日"),  # department, on the last day
        ("某某县人民政府", 2022, "2023年3月20日"),  # a government's own report
        ("某某鎮人民政府", 2022, "2023年3月31日"),  # traditional, a township
        ("某某街道办事处", 2022, "2023年3月1日"),
        ("某某市统计局", 2017, "2018年3月20日"),  # 2007 edition: 31 March for everyone
        ("某某委员会管理处", 2022, "2022年12月30日"),  # signed within the year: not late
    ],
)
def test_d004_quiet(issuer: str, year: int, signed: str) -> None:
    assert lint_text(report(issuer, year, signed), "D004") == []


@pytest.mark.parametrize(
    ("issuer", "year", "signed", "deadline"),
    [
        ("某某县人民政府", 2022, "2023年4月2日", "2023-03-31"),
        ("某某市统计局", 2017, "2018年4月10日", "2018-03-31"),
        ("某某开发区管委会", 2022, "2023年4月1日", "2023-03-31"),  # unknown kind: 31 March
    ],
)
def test_d004_after_31_march(issuer: str, year: int, signed: str, deadline: str) -> None:
    (f,) = lint_text(report(issuer, year, signed), "D004")
    assert f.data["deadline"] == deadline


def test_d004_prefers_the_page_date_and_points_at_it() -> None:
    text = "发布时间：2023-02-10  来源：某某市统计局\n" + report(
        "某某市统计局", 2022, "2023年1月20日"
    )
    (f,) = lint_text(text, "D004")
    assert f.data == {"published": "2023-02-10", "deadline": "2023-01-31"}
    assert (f.line, f.column, f.end_column) == (1, 1, 16)


def test_d004_configured_issuer_overrides_the_inference() -> None:
    text = report("某某市统计局", 2022, "2023年2月20日")
    assert lint_text(text, "D004", issuer="government") == []


def test_d004_configured_deadline_overrides_the_legal_one() -> None:
    text = report("某某市统计局", 2022, "2023年1月27日")
    assert lint_text(text, "D004") == []
    (f,) = lint_text(text, "D004", deadline={"department": "01-25"})
    assert f.data == {"published": "2023-01-27", "deadline": "2023-01-25"}
    assert "配置规定的期限" in f.message


def test_d004_title_left_at_the_wrong_year_uses_the_stated_period() -> None:
    text = report("某某市统计局", 2023, "2023年4月20日").replace(
        "\n一、", "\n本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。\n一、", 1
    )
    (f,) = lint_text(text, "D004")
    assert f.data == {"published": "2023-04-20", "deadline": "2023-01-31"}


def test_d004_quiet_without_a_date() -> None:
    assert lint_text(f"某某市统计局2022年政府信息公开工作年度报告\n{BODY}", "D004") == []


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("某某市人民政府", "government"),
        ("某某区政府", "government"),
        ("某某县", "government"),
        ("某某镇人民政府", "government"),
        ("某某街道办事处", "government"),
        ("某某市人民政府办公室", "department"),
        ("某某省人民政府办公厅", "department"),
        ("某某市统计局", "department"),
        ("某某市发展和改革委员会", "department"),
        ("某某区政务服务中心", "department"),
        ("某某开发区管理委员会", None),
        ("某某", None),
    ],
)
def test_issuer_kind(name: str, kind: str | None) -> None:
    assert issuer_kind(name) == kind


# --- the title's year and the period's disagree (D003): no deadline a year early ------------


def with_period(text: str, year: int) -> str:
    period = f"本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"
    return text.replace("\n一、", f"\n{period}\n一、", 1)


@pytest.mark.parametrize(
    ("title_year", "period_year"),
    [(2011, 2012), (2012, 2011)],
    ids=["title-a-year-early", "period-a-year-early"],
)
def test_d004_quiet_when_one_of_the_years_is_wrong(title_year: int, period_year: int) -> None:
    text = with_period(report("某某县人民政府", title_year, "2013年3月27日"), period_year)
    assert [f.code for f in lint_text(text, "D003", "D004")] == ["D003"]


def test_d004_still_fires_when_late_against_the_later_year() -> None:
    text = with_period(report("某某县人民政府", 2011, "2013年4月10日"), 2012)
    (f,) = lint_text(text, "D004")
    assert f.data == {"published": "2013-04-10", "deadline": "2013-03-31"}


def test_d004_edition_follows_the_year_it_judges() -> None:
    # A 2018 report titled 2019 by mistake: the 2007 regulation's 31 March applies, not the
    # 2019 one's 31 January for departments.
    text = with_period(report("某某市统计局", 2019, "2019年3月20日"), 2018)
    assert lint_text(text, "D004") == []
    late = with_period(report("某某市统计局", 2019, "2019年4月2日"), 2018)
    (f,) = lint_text(late, "D004")
    assert f.data == {"published": "2019-04-02", "deadline": "2019-03-31"}


# --- universities publishing by 学年 ------------------------------------------------------


def test_d004_quiet_for_an_academic_year_report() -> None:
    text = report("东岭大学", 2013, "2014年10月28日").replace("2013年", "2013-2014学年", 1)
    assert text.startswith("东岭大学2013-2014学年政府信息公开")
    assert lint_text(text, "D004") == []


def test_d004_applies_to_a_university_reporting_by_calendar_year() -> None:
    (f,) = lint_text(report("东岭大学", 2014, "2015年4月10日"), "D004")
    assert f.data == {"published": "2015-04-10", "deadline": "2015-03-31"}


def test_d004_year_after_the_report_name_keeps_the_title_issuer() -> None:
    text = (
        "云峰县人民政府政府信息公开工作年度报告（2022年度）\n"
        f"{BODY}\n\u3000\u3000云峰县人民政府办公室\n\u3000\u30002023年3月28日\n"
    )
    assert lint_text(text, "D004") == []  # the government's report: 31 March
    late = text.replace("2023年3月28日", "2023年4月2日")
    assert [f.data["deadline"] for f in lint_text(late, "D004")] == ["2023-03-31"]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("某市人民政府国有资产监督管理委员会", "department"),
        ("某市人民政府研究室", "department"),
        ("某市经济技术开发区管理委员会", None),  # a zone's committee: either
        ("某街道办事处", "government"),
    ],
)
def test_issuer_kind_by_the_final_organ_word(name: str, kind: str | None) -> None:
    assert issuer_kind(name) == kind


def test_d004_reads_a_byline_on_the_title_line() -> None:
    title = "某某市统计局2022年政府信息公开工作年度报告  发布时间：2023-02-10  来源：市统计局"
    text = f"导航 首页 > 政务公开\n{title}\n{BODY}\n"
    (f,) = lint_text(text, "D004")
    assert f.data == {"published": "2023-02-10", "deadline": "2023-01-31"}


@pytest.mark.parametrize(
    ("signed", "published"),
    [
        ("2023-02-06", "2023-02-06"),
        ("2023.2.6", "2023-02-06"),
        ("2023/2/6", "2023-02-06"),
        ("2023 年 2 月 6 号", "2023-02-06"),
        ("２０２３．２．６\u3000", "2023-02-06"),  # full-width, a trailing full-width blank
        ("2023年2月", "2023-02"),  # the month alone: all of February is past 31 January
        ("二〇二三年三月", "2023-03"),
    ],
)
def test_d004_reads_every_way_of_writing_the_signature_date(signed: str, published: str) -> None:
    (f,) = lint_text(report("某某市交通运输局", 2022, signed), "D004")
    assert f.data == {"published": published, "deadline": "2023-01-31"}
    assert (f.line, f.column) == (6, 3)


@pytest.mark.parametrize(
    ("issuer", "signed"),
    [
        ("某某市交通运输局", "2023年1月"),  # January may be the 31st: not late for certain
        ("某某市交通运输局", "2023-01-30"),
        ("某某市交通运输局", "2023/1/31"),
        ("某某县人民政府", "2023年3月"),
        ("某某县人民政府", "2023.3.31"),
        ("某某市交通运输局", "2023-02-30"),  # no such day: no publication date to judge
        ("某某市交通运输局", "2023-2.6"),  # separators disagree: not a date
    ],
)
def test_d004_quiet_on_signature_dates_within_the_deadline(issuer: str, signed: str) -> None:
    assert lint_text(report(issuer, 2022, signed), "D004") == []


def test_d004_a_month_alone_after_31_march_is_late_for_a_government() -> None:
    (f,) = lint_text(report("某某县人民政府", 2022, "\u30002023年4月\u3000"), "D004")
    assert f.data == {"published": "2023-04", "deadline": "2023-03-31"}
