"""D001–D004: the statistics period, the year the report is about, and when it was published."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import ClassVar

from ..check import Check, Message, RuleDoc
from ..diagnostic import Diagnostic, Severity
from ..document import Document

# Rule-page examples.
_TITLE = "某某市统计局2023年政府信息公开工作年度报告\n"
_PERIOD = "本报告所列数据的统计期限自2023年1月1日起至2023年{end}止。"

_WHY_PERIOD_ZH = (
    "年度报告应载明所列数据的统计期限，为上一年度1月1日至12月31日"
    "（如四川省地方标准DB51/T 2660—2019 第2.1条）。"
)
_WHY_PERIOD_EN = (
    "A report must state its statistics period: 1 January to 31 December of the year covered "
    "(e.g. DB51/T 2660—2019 §2.1)."
)


class MissingPeriod(Check):
    code = "D001"
    name = "missing-period"
    severity = Severity.ERROR
    messages: ClassVar[dict[str, Message]] = {
        "default": Message(
            "未载明数据统计期限（如“本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止”）",
            "No statistics period is stated (e.g. 本报告所列数据的统计期限自{year}年1月1日起至"
            "{year}年12月31日止)",
        )
    }
    help = Message("在报告开头说明统计期限", "State the statistics period in the opening paragraph")
    doc = RuleDoc(
        what_zh="全文没有说明所列数据的统计期限。",
        what_en="The report never states the period its figures cover.",
        why_zh=_WHY_PERIOD_ZH,
        why_en=_WHY_PERIOD_EN,
        fires=_TITLE + "一、总体情况\n2023年，我局……",
        passes=_TITLE + _PERIOD.format(end="12月31日") + "\n一、总体情况\n2023年，我局……",
    )

    def run(self, doc: Document) -> Iterator[Diagnostic]:
        if doc.facts.period is None:
            year = doc.facts.year or "XXXX"
            yield self.diagnostic(0, 0, year=year)


class PeriodNotFullYear(Check):
    code = "D002"
    name = "period-not-full-year"
    severity = Severity.ERROR
    messages: ClassVar[dict[str, Message]] = {
        "default": Message(
            "统计期限 {start} 至 {end} 不是一个完整的自然年度（应为1月1日至12月31日）",
            "The statistics period {start} to {end} is not one full calendar year (1 January to 31 "
            "December)",
        ),
        "impossible": Message(
            "统计期限中的日期不存在：{start} 至 {end}",
            "The statistics period holds an impossible date: {start} to {end}",
        ),
    }
    doc = RuleDoc(
        what_zh="统计期限不是同一年的1月1日至12月31日，或含有不存在的日期。",
        what_en="The stated period is not 1 January to 31 December of one year, or holds an "
        "impossible date.",
        why_zh=_WHY_PERIOD_ZH,
        why_en=_WHY_PERIOD_EN,
        fires=_TITLE + _PERIOD.format(end="11月30日"),
        passes=_TITLE + _PERIOD.format(end="12月31日"),
    )

    def run(self, doc: Document) -> Iterator[Diagnostic]:
        period = doc.facts.period
        if period is None:
            return
        start, end = period.iso("start"), period.iso("end")
        data = {"start": start, "end": end}
        if not (_is_date(period.start) and _is_date(period.end)):
            yield self.diagnostic(
                period.start_offset,
                period.end_offset,
                "impossible",
                start=start,
                end=end,
                data=data,
            )
        elif (
            period.start[1:] != (1, 1)
            or period.end[1:] != (12, 31)
            or period.start[0] != period.end[0]
        ):
            yield self.diagnostic(
                period.start_offset, period.end_offset, start=start, end=end, data=data
            )


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
    messages: ClassVar[dict[str, Message]] = {
        "default": Message(
            "报告年度不一致：标题为 {title_year} 年，统计期限为 {period_year} 年，正文叙述的是 "
            "{text_year} 年",
            "The report's years disagree: title {title_year}, statistics period {period_year}, "
            "text reports on {text_year}",
        )
    }
    help = Message(
        "核对标题、统计期限和正文中的年份，常见于沿用上一年度报告未改年份",
        "Check the years in the title, the period and the text; a common sign of last year's "
        "report reused",
    )
    doc = RuleDoc(
        what_zh="标题年份、统计期限年份与正文所述年份不一致。",
        what_en="The title year, the period year and the year the text reports on disagree.",
        why_zh="年度报告内容雷同、照抄上年是国办公开办函〔2021〕30号点名追责的问题。",
        why_en="Reusing last year's text is one of the defects 国办公开办函〔2021〕30号 holds "
        "people accountable for.",
        fires=_TITLE + _PERIOD.replace("2023", "2022").format(end="12月31日"),
        passes=_TITLE + _PERIOD.format(end="12月31日"),
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


def deadline(edition: str | None, year: int, issuer_type: str | None) -> date:
    """The last day to publish the report on ``year``: 31 January of the next year for a
    department under the 2019 regulation (art. 49), else 31 March (art. 49; 2007 art. 31)."""
    if edition in ("2019", "2021") and issuer_type == "department":
        return date(year + 1, 1, 31)
    return date(year + 1, 3, 31)


def covered_year(doc: Document, published: date) -> int | None:
    """The year the report covers, for its deadline: the report year, unless the report was
    published within that year (a title left at the wrong year, D003), then the latest
    earlier year the period or the text states; None when no year fits."""
    facts = doc.facts
    if published.year > facts.year:
        return facts.year
    stated = [facts.period.year if facts.period else None, facts.text_year]
    earlier = [y for y in stated if y and y < published.year]
    return max(earlier, default=None)


class LatePublication(Check):
    code = "D004"
    name = "late-publication"
    severity = Severity.WARNING
    messages: ClassVar[dict[str, Message]] = {
        "default": Message(
            "报告发布日期 {published}（{source_zh}）晚于法定期限 {deadline}（{rule_zh}）",
            "Published on {published} ({source_en}), after the legal deadline {deadline} ("
            "{rule_en})",
        )
    }
    help = Message(
        "按期发布；若日期有误，更正落款或页面发布日期",
        "Publish on time; if the date is wrong, correct the signature or the page's date",
    )
    doc = RuleDoc(
        what_zh="报告的发布日期（网页的发布时间/发布日期，没有时取落款日期）晚于法定期限：2007年版"
        "为次年3月31日；2019、2021年版政府部门为次年1月31日，人民政府本级报告为次年3月31日；无法判"
        "断发布主体时按3月31日。发布主体由标题和落款推断（人民政府、乡镇、街道为政府，局、委、办公"
        "室、中心等为部门，人民政府办公室也是部门），可在配置中用 issuer 指定。data.published、"
        "data.deadline 为 ISO 日期。",
        what_en="The publication date (the page's 发布时间/发布日期, else the signature date) is "
        "after the legal deadline: 31 March of the next year in the 2007 edition; in 2019/2021, 31 "
        "January for a government department and 31 March for a government's own report; 31 March "
        "when the issuer is unknown. The issuer's kind is inferred from the title and signature ("
        "人民政府, 乡镇, 街道: government; 局, 委, 办公室, 中心…: department, a 人民政府办公室 "
        "included); configuration can set it (issuer). data.published and data.deadline are ISO "
        "dates.",
        why_zh="《政府信息公开条例》第四十九条：县级以上人民政府部门应当在每年1月31日前公布上一年"
        "度年度报告，本级政府年度报告在每年3月31日前公布（2007年版第三十一条：每年3月31日前）；国"
        "办公开办函〔2021〕30号把“不按时发布”列为追责情形。",
        why_en="Art. 49 of the regulation: departments of governments at county level and above "
        "publish by 31 January, a government's own report is published by 31 March (2007 art. 31: "
        "by 31 March); 国办公开办函〔2021〕30号 holds people accountable for late publication.",
        fires="某某市教育局2022年政府信息公开工作年度报告\n……\n某某市教育局\n2023年2月20日",
        passes="某某市教育局2022年政府信息公开工作年度报告\n……\n某某市教育局\n2023年1月20日",
    )

    _SOURCE: ClassVar[dict[str, tuple[str, str]]] = {
        "page": ("网页发布日期", "page date"),
        "signature": ("落款日期", "signature date"),
    }

    def run(self, doc: Document) -> Iterator[Diagnostic]:
        facts = doc.facts
        if not (facts.published and facts.year):
            return
        published = date.fromisoformat(facts.published)
        year = covered_year(doc, published)
        if year is None:
            return
        override = doc.settings.deadline_override(facts.issuer_type)
        due = (
            date(year + 1, *override)
            if override
            else deadline(facts.edition, year, facts.issuer_type)
        )
        if published <= due:
            return
        department = facts.edition in ("2019", "2021") and facts.issuer_type == "department"
        if override:
            rule_zh, rule_en = ("配置规定的期限", "the configured deadline")
        elif department:
            rule_zh, rule_en = ("政府部门为次年1月31日前", "departments: by 31 January")
        else:
            rule_zh, rule_en = ("次年3月31日前", "by 31 March of the next year")
        source_zh, source_en = self._SOURCE[facts.published_source or "signature"]
        start, end = facts.published_span or (0, 0)
        yield self.diagnostic(
            start,
            end,
            data={"published": facts.published, "deadline": due.isoformat()},
            published=facts.published,
            deadline=due.isoformat(),
            source_zh=source_zh,
            source_en=source_en,
            rule_zh=rule_zh,
            rule_en=rule_en,
        )
