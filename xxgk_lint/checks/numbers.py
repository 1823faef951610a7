"""N001 sum-mismatch and N002 percent-mismatch: figures in the prose that do not add up.

Both rest on one reading of the report's sentences (``partitions.analyse``): stated totals
with the parts listed for them, and rates with the counts they come from.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import ClassVar

from ..check import Check, Message, RuleDoc
from ..diagnostic import Diagnostic, Severity
from ..document import Document
from ..partitions import Partition, Rate, analyse
from ..quantities import Bound, Quantity, in_scale

_WHY_ZH = (
    "国办公开办函〔2021〕30号要求高质量编报年度报告，对“发布内容不准确”的追究责任；"
    "粤办函〔2010〕249号通报年度报告“在公布前没有做好核实、校对工作，出现了数据失准”。"
)
_WHY_EN = (
    "国办公开办函〔2021〕30号 holds those responsible to account for reports whose content is "
    "inaccurate (发布内容不准确); 粤办函〔2010〕249号 named figures that do not hold (数据失准) "
    "as a defect of reports published without checking."
)


def _number(value: Decimal) -> int | float:
    """A value for JSON output: an int when whole."""
    return int(value) if value == value.to_integral_value() else float(value)


def _text(value: Decimal) -> str:
    return str(_number(value))


def _shown(value: Decimal, scale: str, beside: Decimal | None = None) -> str:
    """A figure in the message as the writer put it: 13.5万 for a 万 figure (at least at the
    places of the figure ``beside`` it), else its digits."""
    return in_scale(value, scale, beside) if scale else _text(value)


class SumMismatch(Check):
    code = "N001"
    name = "sum-mismatch"
    severity = Severity.ERROR
    messages: ClassVar[dict[str, Message]] = {
        "exceeds": Message(
            "所列分项之和 {parts_sum}{unit}（{parts_text}）超过所述总数 {total}{unit}",
            "The listed parts add up to {parts_sum}{unit} ({parts_text}), "
            "more than the stated total of {total}{unit}",
        ),
        "exceeds_lower": Message(
            "所列分项之和至少为 {parts_sum}{unit}（{parts_text}，“余”“多”“以上”按下限计），"
            "超过所述总数 {total}{unit}",
            "The listed parts add up to at least {parts_sum}{unit} ({parts_text}, counting "
            "余/多/以上 at their lower bound), more than the stated total of {total}{unit}",
        ),
        "short": Message(
            "所列分项之和 {parts_sum}{unit}（{parts_text}）少于所述总数 {total}{unit}，"
            "且未注明仅列举部分（如“等”“主要有”）",
            "The listed parts add up to {parts_sum}{unit} ({parts_text}), less than the stated "
            "total of {total}{unit}, and the list is not marked as partial (等, 主要有)",
        ),
    }
    help = Message(
        "核对总数与各分项数据；若只列举了部分分项，请注明“等”或补列“其他”项",
        "Check the total and each part; if only some parts are listed, say so (等) or add "
        "the remainder (其他)",
    )
    doc = RuleDoc(
        what_zh="正文中写明的总数（共/合计/总计 N…）与随后（或之前）列出的同一单位的分项"
        "（其中 a N、b N…；N（其中a、b）；a、b分别为N、M；在已答复的N件申请中，a…；"
        "a N、b N，共计 M；下一句“从申请方式看，a N、b N”）"
        "相加不符：分项之和超过总数为错误；少于总数且未注明仅列举部分（等、主要有、包括、以及其他……）为警告，“其中”后只列出两项时不判断。"
        "“余”“多”“以上”的分项按下限计；总数为约数（约、近、余）时不判断；与上年比较、"
        "单位不同、括号内的数字不计入。消息按原文所用的单位和精度写出数字（13.5万元），"
        "data 中的数值仍以基本单位（元、件、次）计。",
        what_en="A total stated in the text (共/合计/总计 N…) and the parts listed for it in the "
        "same unit (其中 a N、b N…; N（其中a、b）; a、b分别为N、M; 在已答复的N件申请中，a…; "
        "a N、b N，共计 M; a next sentence 从申请方式看，a N、b N) "
        "do not add up. Parts exceeding the total "
        "are an error; parts falling short of it are a warning unless the list is marked "
        "partial (等, 主要有, 包括, 以及其他…); two items after 其中 that fall short are not "
        "judged. Parts written 21余/300多/100以上 count at their lower bound; approximate "
        "totals (约, 近, 余) are not judged; comparisons with last year, other units and "
        "bracketed figures are never summed. The message writes figures in the writer's "
        "unit and precision (13.5万元); the values in data stay in base units (元, 件, 次).",
        why_zh=_WHY_ZH,
        why_en=_WHY_EN,
        fires="本局全年受理咨询共120人次，其中电话咨询70人次，现场咨询45人次，网上咨询12人次。",
        passes="本局全年受理咨询共120人次，其中电话咨询70人次，现场咨询38人次，网上咨询12人次。",
    )

    def run(self, doc: Document) -> Iterator[Diagnostic]:
        for partition in doc.derived(analyse).partitions:
            verdict = sum_verdict(partition)
            if verdict is None:
                continue
            kind, total = verdict
            start, end = doc.lines[partition.line].orig_span(total.start, total.end)
            parts_sum = sum(q.value for q in partition.parts)
            lower = any(q.bound is Bound.LOWER for q in partition.parts)
            key = "exceeds_lower" if kind == "exceeds" and lower else kind
            scaled = any(q.scale for q in (total, *partition.parts))
            yield self.diagnostic(
                start,
                end,
                key,
                data={
                    "total": _number(total.value),
                    "parts_sum": _number(parts_sum),
                    "parts": [_number(q.value) for q in partition.parts],
                },
                severity=Severity.WARNING if kind == "short" else None,
                total=_shown(total.value, total.scale),
                parts_sum=_shown(parts_sum, total.scale, total.value),
                parts_text="+".join(
                    _shown(q.value, q.scale) + (q.unit if scaled else "") for q in partition.parts
                ),
                unit=total.unit,
            )


def sum_verdict(partition: Partition) -> tuple[str, Quantity] | None:
    """("exceeds" or "short", the total to show) when the parts contradict every total they
    may belong to; None when they fit one of them or cannot be judged."""
    parts = partition.parts
    if len(parts) < 2 or not partition.total.exact:
        return None
    if any(q.bound not in (Bound.EXACT, Bound.LOWER) for q in parts):
        return None
    parts_sum = sum(q.value for q in parts)
    finest = _finest_slack((partition.total, *parts))
    slack = sum(min(q.slack, finest) for q in parts)
    may_fall_short = (
        partition.partial or partition.open_end or any(q.bound is Bound.LOWER for q in parts)
    )

    def fits(total: Quantity) -> bool:
        if not total.exact:
            return True  # an approximate total cannot be contradicted
        if abs(parts_sum - total.value) <= slack + min(total.slack, finest):
            return True
        return parts_sum < total.value and may_fall_short

    stated = (partition.total, *partition.alternatives)
    totals = (*stated, partition.combined) if partition.combined else stated
    if any(fits(total) for total in totals):
        return None
    if any(q.value == total.value for q in parts for total in totals):
        return None  # a part as large as the whole: the items overlap (受理12件，其中12件办结)
    running = [sum(q.value for q in parts[:k]) for k in range(1, len(parts))]
    if any(total.value in running for total in totals) and not _one_kind(partition):
        return None  # the first parts make up the total; the rest count along another dimension
    if parts_sum > partition.total.value:
        return "exceeds", max(stated, key=lambda q: q.value)  # beyond even the largest
    if len(parts) < 3 and not partition.closed:
        return None  # 其中 a、b falling short often picks out cases, not a breakdown
    return "short", partition.total


def _finest_slack(quantities: tuple[Quantity, ...]) -> Decimal:
    """The rounding of the most precise 万/亿 figure in a statement: a writer who puts 3.5万元
    beside 8万元 means 8.0万元, so the rounder figure is held to the finer precision."""
    slacks = [q.slack for q in quantities if q.slack]
    return min(slacks, default=Decimal(0))


def _one_kind(partition: Partition) -> bool:
    """Whether every part is known to count the same kind of thing (all reply results, all
    application channels): then the list is one breakdown, however its first items add up."""
    kinds = set(partition.families)
    return len(partition.families) == len(partition.parts) and len(kinds) == 1 and None not in kinds


class PercentMismatch(Check):
    code = "N002"
    name = "percent-mismatch"
    severity = Severity.WARNING
    messages: ClassVar[dict[str, Message]] = {
        "default": Message(
            "所述比例 {stated}% 与数据不符：{numerator}/{denominator} = {computed}%",
            "The stated percentage {stated}% does not match the counts: "
            "{numerator}/{denominator} = {computed}%",
        ),
        "change": Message(
            "所述增减幅度 {stated}% 与数据不符：({left}−{right})/{denominator} = {computed}%",
            "The stated change of {stated}% does not match the counts: "
            "({left}−{right})/{denominator} = {computed}%",
        ),
    }
    help = Message(
        "按所列数据重新计算比例，或核对分子、分母数据",
        "Recompute the percentage from the counts, or check the counts it is based on",
    )
    doc = RuleDoc(
        what_zh="正文写明的比例（占X%、占比X%、分别占X%、Y%、受理N件，办结M件，办结率X%）或与上年"
        "相比的增减幅度（较上年的M条增长X%；比上年增加D件，增长X%）与同一句中给出的分子、分母算得的值不符，超出按所写精度四舍五入"
        "（或截尾）的误差；写明“约”“近”的比例允许1个百分点的误差。分母不确定（未写明总数、"
        "总数为约数、分项与总数不符、比例前另有可作分母的数字）时不判断。",
        what_en="A percentage stated in the text (占X%, 占比X%, 分别占X%、Y%, 受理N件，办结M件，"
        "办结率X%) or a change on last year (较上年的M条增长X%; 比上年增加D件，增长X%) "
        "disagrees with the value computed from the "
        "counts given with it in the sentence, beyond rounding (or truncation) at the stated "
        "precision; 约/近 percentages may be one percentage point off. Nothing is reported "
        "when the denominator is uncertain (no stated total, an approximate total, parts that "
        "contradict the total, or another count the share may be out of).",
        why_zh=_WHY_ZH,
        why_en=_WHY_EN,
        fires="共受理申请80件，其中网上申请60件，占80%；当面申请20件，占20%。",
        passes="共受理申请80件，其中网上申请60件，占75%；当面申请20件，占25%。",
    )

    def run(self, doc: Document) -> Iterator[Diagnostic]:
        statements = doc.derived(analyse)
        checked = []
        for partition in statements.partitions:
            if partition.alternatives or partition.combined or sum_verdict(partition):
                continue  # the denominator itself is in doubt
            checked += [
                Rate(partition.line, s.part, partition.total, s.percent) for s in partition.shares
            ]
        for rate in [*checked, *statements.rates]:
            percent = rate.percent
            change = rate.kind in ("rise", "fall")
            if change:
                computed = change_mismatch(rate.numerator, rate.denominator, percent, rate.kind)
            else:
                computed = percent_mismatch(rate.numerator, rate.denominator, percent)
            if computed is None:
                continue
            # a change is shown as (this year − last year)/last year, a fall the other way
            left, right = (rate.denominator, rate.numerator)[:: -1 if rate.kind == "rise" else 1]
            start, end = doc.lines[rate.line].orig_span(percent.start, percent.end)
            yield self.diagnostic(
                start,
                end,
                "change" if change else "default",
                data={"stated": _number(percent.value), "computed": float(computed)},
                stated=str(percent.value),  # as written: 6.0%, not 6%
                computed=str(computed),
                numerator=_text(rate.numerator.value),
                denominator=_text(rate.denominator.value),
                left=_text(left.value),
                right=_text(right.value),
            )


def percent_mismatch(
    numerator: Quantity, denominator: Quantity, percent: Quantity
) -> Decimal | None:
    """The computed percentage, rounded to one more decimal than stated, when the stated one
    is off by more than rounding or truncation at its precision (one point for 约/近)."""
    if not (numerator.exact and denominator.exact) or denominator.value <= 0:
        return None
    if numerator.slack or denominator.slack:
        return None  # rounded figures (1.2万) cannot check a percentage
    if percent.bound not in (Bound.EXACT, Bound.APPROX):
        return None
    stated = percent.value
    decimals = max(-stated.as_tuple().exponent, 0)
    step = Decimal(1).scaleb(-decimals)
    computed = numerator.value * 100 / denominator.value
    if percent.bound is Bound.APPROX:
        fits = abs(computed - stated) <= max(step, Decimal(1))
    else:
        fits = stated - step / 2 <= computed < stated + step
    if fits:
        return None
    return round(computed, decimals + 1)


def change_mismatch(
    current: Quantity, base: Quantity, percent: Quantity, kind: str
) -> Decimal | None:
    """The computed change on last year's ``base`` ("rise" or "fall", a fall counted as a
    positive percentage), when the stated one is off by more than rounding at its precision."""
    if not (current.exact and base.exact) or current.slack or base.slack:
        return None
    change = base.value - current.value if kind == "fall" else current.value - base.value
    return percent_mismatch(current._replace(value=change), base, percent)
