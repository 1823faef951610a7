"""D001–D003: the statistics period and the year the report is about."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ..check import Check, Message, RuleDoc
from ..diagnostic import Diagnostic, Severity
from ..document import Document

_WHY_PERIOD_ZH = "年度报告应载明所列数据的统计期限，为上一年度1月1日至12月31日（如四川省地方标准DB51/T 2660—2019 第2.1条）。"
_WHY_PERIOD_EN = "A report must state its statistics period: 1 January to 31 December of the year covered (e.g. DB51/T 2660—2019 §2.1)."


class MissingPeriod(Check):
    code = "D001"
    name = "missing-period"
    severity = Severity.ERROR
    messages = {
        "default": Message(
            "未载明数据统计期限（如“本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止”）",
            "No statistics period is stated (e.g. 本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止)",
        )
    }
    help = Message("在报告开头说明统计期限", "State the statistics period in the opening paragraph")
    doc = RuleDoc(
        what_zh="全文没有说明所列数据的统计期限。",
        what_en="The report never states the period its figures cover.",
        why_zh=_WHY_PERIOD_ZH,
        why_en=_WHY_PERIOD_EN,
    )

    def run(self, doc: Document) -> Iterator[Diagnostic]:
        if doc.facts.period is None:
            year = doc.facts.year or "XXXX"
            yield self.diagnostic(0, 0, year=year)


class PeriodNotFullYear(Check):
    code = "D002"
    name = "period-not-full-year"
    severity = Severity.ERROR
    messages = {
        "default": Message(
            "统计期限 {start} 至 {end} 不是一个完整的自然年度（应为1月1日至12月31日）",
            "The statistics period {start} to {end} is not one full calendar year (1 January to 31 December)",
        ),
        "impossible": Message(
            "统计期限中的日期不存在：{start} 至 {end}",
            "The statistics period holds an impossible date: {start} to {end}",
        ),
    }
    doc = RuleDoc(
        what_zh="统计期限不是同一年的1月1日至12月31日，或含有不存在的日期。",
        what_en="The stated period is not 1 January to 31 December of one year, or holds an impossible date.",
        why_zh=_WHY_PERIOD_ZH,
        why_en=_WHY_PERIOD_EN,
    )

    def run(self, doc: Document) -> Iterator[Diagnostic]:
        period = doc.facts.period
        if period is None:
            return
        start, end = period.iso("start"), period.iso("end")
        data = {"start": start, "end": end}
        if not (_is_date(period.start) and _is_date(period.end)):
            yield self.diagnostic(
                period.start_offset, period.end_offset, "impossible", start=start, end=end, data=data
            )
        elif (
            period.start[1:] != (1, 1)
            or period.end[1:] != (12, 31)
            or period.start[0] != period.end[0]
        ):
            yield self.diagnostic(period.start_offset, period.end_offset, start=start, end=end, data=data)


def _is_date(ymd: tuple[int, int, int]) -> bool:
    try:
        date(*ymd)
        return True
    except (TypeError, ValueError):
        return False


class YearMismatch(Check):
    code = "D003"
    name = "year-mismatch"
    severity = Severity.ERROR
    messages = {
        "default": Message(
            "报告年度不一致：标题为 {title_year} 年，统计期限为 {period_year} 年，正文叙述的是 {text_year} 年",
            "The report's years disagree: title {title_year}, statistics period {period_year}, "
            "text reports on {text_year}",
        )
    }
    help = Message(
        "核对标题、统计期限和正文中的年份，常见于沿用上一年度报告未改年份",
        "Check the years in the title, the period and the text; a common sign of last year's report reused",
    )
    doc = RuleDoc(
        what_zh="标题年份、统计期限年份与正文所述年份不一致。",
        what_en="The title year, the period year and the year the text reports on disagree.",
        why_zh="年度报告内容雷同、照抄上年是国办公开办函〔2021〕30号点名追责的问题。",
        why_en="Reusing last year's text is one of the defects 国办公开办函〔2021〕30号 holds people accountable for.",
    )

    def run(self, doc: Document) -> Iterator[Diagnostic]:
        facts = doc.facts
        years = {
            "title_year": facts.title_year,
            "period_year": facts.period.year if facts.period else None,
            "text_year": facts.text_year,
        }
        known = {y for y in years.values() if y}
        if len(known) < 2:
            return
        shown = {k: (v if v else "—") for k, v in years.items()}
        if facts.period and facts.period.year != (facts.title_year or facts.period.year):
            start, end = facts.period.start_offset, facts.period.end_offset
        elif facts.title_line is not None:
            start, end = doc.line_span(facts.title_line)
        elif facts.period:
            start, end = facts.period.start_offset, facts.period.end_offset
        else:
            start = end = 0
        yield self.diagnostic(start, end, data=years, **shown)
