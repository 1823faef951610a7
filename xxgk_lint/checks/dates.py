"""D001–D004: the statistics period, the year the report is about, and when it was published."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import ClassVar

from ..check import Check, Message, RuleDoc
from ..diagnostic import Diagnostic, Severity
from ..document import Document
from ..facts import Period, YearSentence, edition_for_year, stated_years

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
        what_zh="全文没有说明所列数据的统计期限。说明的写法不限：自2023年1月1日起至2023年12月31日止"
        "、2023年1-12月、2023年1月至12月、2023.1.1-2023.12.31、2023-01-01至2023-12-31、二〇二三年"
        "一月至十二月、统计期限为2023年度，只要所在句子说的是统计期限或所列数据。",
        what_en="The report never states the period its figures cover. Any wording counts (自2023年"
        "1月1日起至2023年12月31日止, 2023年1-12月, 2023年1月至12月, 2023.1.1-2023.12.31, "
        "2023-01-01至2023-12-31, 二〇二三年一月至十二月, 统计期限为2023年度) in a sentence about "
        "the statistics period or the figures.",
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
        "academic": Message(
            "统计期限 {start} 至 {end} 既不是一个完整的学年（9月1日至次年8月31日），"
            "也不是一个完整的自然年度",
            "The statistics period {start} to {end} is neither one full academic year (1 September "
            "to 31 August) nor one full calendar year",
        ),
    }
    doc = RuleDoc(
        what_zh="统计期限不是同一年的1月1日至12月31日，或含有不存在的日期。统计期限的各种写法都能识别"
        "（自2023年1月1日起至2023年12月31日止、2023年1-12月、2023年1月至12月、2023.1.1-2023.12.31、"
        "2023-01-01至2023-12-31、二〇二三年一月至十二月）。标题写明学年的高等学校报告（××大学"
        "2013-2014学年信息公开工作年度报告，按教育部《高等学校信息公开办法》以学年为报告期），统计"
        "期限为一个完整学年（9月1日至次年8月31日）也不报。",
        what_en="The stated period is not 1 January to 31 December of one year, or holds an "
        "impossible date. Every way of writing the period is read (自2023年1月1日起至"
        "2023年12月31日止, 2023年1-12月, 2023年1月至12月, 2023.1.1-2023.12.31, "
        "2023-01-01至2023-12-31, 二〇二三年一月至十二月). A university report whose title names "
        "an academic year (××大学2013-2014学年信息公开工作年度报告, published by 学年 under the "
        "Ministry of Education's 《高等学校信息公开办法》) may also state one full academic year "
        "(1 September to 31 August).",
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
        elif not _full_year(period):
            academic = doc.facts.academic_year is not None
            if academic and _full_academic_year(period):
                return
            yield self.diagnostic(
                period.start_offset,
                period.end_offset,
                "academic" if academic else "default",
                start=start,
                end=end,
                data=data,
            )


def _full_year(period: Period) -> bool:
    return (
        period.start[1:] == (1, 1)
        and period.end[1:] == (12, 31)
        and period.start[0] == period.end[0]
    )


def _full_academic_year(period: Period) -> bool:
    """1 September to 31 August of the next year: the 学年 a university reports on."""
    return (
        period.start[1:] == (9, 1)
        and period.end[1:] == (8, 31)
        and period.end[0] == period.start[0] + 1
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
        ),
        "sentence": Message(
            "报告年度不一致：标题为 {title_year} 年，统计期限为 {period_year} 年，此句叙述的却是 "
            "{text_year} 年的工作",
            "The report's years disagree: title {title_year}, statistics period {period_year}, "
            "but this sentence reports on {text_year}",
        ),
    }
    help = Message(
        "核对标题、统计期限和正文中的年份，常见于沿用上一年度报告未改年份",
        "Check the years in the title, the period and the text; a common sign of last year's "
        "report reused",
    )
    doc = RuleDoc(
        what_zh="标题年份、统计期限年份与正文所述年份不一致：标题与统计期限的年份不同（指向统计期"
        "限）；正文中以较早年份开头、叙述工作的句子（报告2023年的正文里写“2022年，我局……”，指向该"
        "句，每句一条）；或正文句首的年份大多是标题和统计期限之后的年份。比较和回顾的句子（比2022年"
        "、较上年、同比、自2008年以来、截至）不算；晚于报告年度的年份在“存在的主要问题及改进情况”"
        "“其他需要报告的事项”部分或带有将、要、计划、继续、进一步、拟等字样时是工作计划，也不算。"
        "data.title_year、data.period_year、data.text_year 为各处年份（未载明的为 null）。",
        what_en="The title year, the period year and the year the text reports on disagree: the "
        "title and the period name different years (pointing at the period); a sentence opens "
        "with an earlier year and reports work (2022年，我局…… in a 2023 report; pointing at the "
        "sentence, one finding each); or most sentences open with a year after the title's and "
        "the period's. Comparisons and history (比2022年, 较上年, 同比, 自2008年以来, 截至) do not "
        "count; a later year in the problems or other part, or with 将, 要, 计划, 继续, 进一步, "
        "拟…, is a plan and does not count either. data.title_year, data.period_year and "
        "data.text_year are the years found (null when not stated).",
        why_zh="年度报告内容雷同、照抄上年是国办公开办函〔2021〕30号点名追责的问题。",
        why_en="Reusing last year's text is one of the defects 国办公开办函〔2021〕30号 holds "
        "people accountable for.",
        fires=_TITLE
        + _PERIOD.format(end="12月31日")
        + "\n一、总体情况\n2022年，我局持续推进政务公开。",
        passes=_TITLE
        + _PERIOD.format(end="12月31日")
        + "\n一、总体情况\n2023年，我局持续推进政务公开，比2022年多发布信息30条。"
        + "\n二、存在的主要问题及改进情况\n2024年，我局将进一步完善制度。",
    )

    def run(self, doc: Document) -> Iterator[Diagnostic]:
        facts = doc.facts
        period_year = facts.period.year if facts.period else None
        stated = stated_years(facts)
        if stated is None:
            return  # the text alone cannot disagree with itself
        first, last = stated
        years = {
            "title_year": facts.title_year,
            "period_year": period_year,
            "text_year": facts.text_year,
        }
        if facts.period and facts.title_year and period_year != facts.title_year:
            yield self._found(facts.period.start_offset, facts.period.end_offset, years)
        reports = [s for s in facts.year_sentences if s.kind == "report"]
        for stale in (s for s in reports if s.year < first):  # last year's text left in
            yield self._found(*self._span(doc, stale), {**years, "text_year": stale.year}, True)
        text_year = facts.text_year
        if text_year and text_year > last:  # the text is about a later year than stated
            later = next(s for s in reports if s.year == text_year)
            yield self._found(*self._span(doc, later), years)

    def _found(self, start: int, end: int, years: dict, sentence: bool = False) -> Diagnostic:
        shown = {k: (v if v else "—") for k, v in years.items()}
        return self.diagnostic(
            start, end, "sentence" if sentence else "default", data=years, **shown
        )

    @staticmethod
    def _span(doc: Document, found: YearSentence) -> tuple[int, int]:
        return doc.lines[found.line].orig_span(found.start, found.end)


def deadline(edition: str | None, year: int, issuer_type: str | None) -> date:
    """The last day to publish the report on ``year``: 31 January of the next year for a
    department under the 2019 regulation (art. 49), else 31 March (art. 49; 2007 art. 31)."""
    if edition in ("2019", "2021") and issuer_type == "department":
        return date(year + 1, 1, 31)
    return date(year + 1, 3, 31)


def covered_year(doc: Document, published: date) -> int | None:
    """The year the report covers, for its deadline: the report year; when the title's year
    and the period's disagree (D003), the later of them, so that a year written wrong in either
    never sets a deadline a year early; then, when the report was published within that year,
    the latest earlier year the period or the text states; None when no year fits."""
    facts = doc.facts
    year = facts.year
    if facts.year_source == "title":
        if facts.period:
            year = max(year, facts.period.year)
        elif facts.text_year:
            year = max(year, facts.text_year)
    if published.year > year:
        return year
    stated = [facts.period.year if facts.period else None, facts.text_year]
    earlier = [y for y in stated if y and y < published.year]
    return max(earlier, default=None)


def earliest_day(published: str) -> date:
    """The first day a publication date can mean: the date itself, or the 1st of the month
    when it was signed without its day (2024-02), so that the report is late only when the
    whole month is past the deadline."""
    return date.fromisoformat(published if len(published) > 7 else f"{published}-01")


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
        "室、中心等为部门，人民政府办公室也是部门），可在配置中用 issuer 指定。标题年份与统计期限"
        "年份不一致时（D003）按其中较晚的年份计算期限，不因某处年份写错而提前一年判断。标题写明学年"
        "的高等学校报告（××大学2013-2014学年信息公开工作年度报告）按教育部《高等学校信息公开办法》"
        "发布，不适用《条例》的期限，不报。落款日期可写作2024年2月5日、二〇二四年二月五日、"
        "2024-02-05、2024.2.5、2024/2/5；只写到月份的（2024年2月）整月都晚于期限才报。"
        "data.published、data.deadline 为 ISO 日期（只写到月份的落款为 ISO 年月，如2024-02）。",
        what_en="The publication date (the page's 发布时间/发布日期, else the signature date) is "
        "after the legal deadline: 31 March of the next year in the 2007 edition; in 2019/2021, 31 "
        "January for a government department and 31 March for a government's own report; 31 March "
        "when the issuer is unknown. The issuer's kind is inferred from the title and signature ("
        "人民政府, 乡镇, 街道: government; 局, 委, 办公室, 中心…: department, a 人民政府办公室 "
        "included); configuration can set it (issuer). When the title's year and the statistics "
        "period's disagree (D003), the deadline follows the later of them, so a year written "
        "wrong in either never sets a deadline a year early. A university report whose title "
        "names an academic year (××大学2013-2014学年信息公开工作年度报告) is published under the "
        "Ministry of Education's 《高等学校信息公开办法》, not by the regulation's deadlines: it "
        "is not judged. A signature date may read 2024年2月5日, 二〇二四年二月五日, 2024-02-05, "
        "2024.2.5 or 2024/2/5; one giving only the month (2024年2月) is late only when the whole "
        "month is past the deadline. data.published and data.deadline are ISO dates (an ISO "
        "month, such as 2024-02, for a signature without its day).",
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
        if not (facts.published and facts.year) or facts.academic_year is not None:
            return  # a university's 学年 report follows its own measures, not these deadlines
        published = earliest_day(facts.published)
        year = covered_year(doc, published)
        if year is None:
            return
        edition = facts.edition if year == facts.year else edition_for_year(year)
        if doc.settings.edition:
            edition = doc.settings.edition
        override = doc.settings.deadline_override(facts.issuer_type)
        due = date(year + 1, *override) if override else deadline(edition, year, facts.issuer_type)
        if published <= due:
            return
        department = edition in ("2019", "2021") and facts.issuer_type == "department"
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
