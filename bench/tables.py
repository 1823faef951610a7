"""The unified-format tables (二, 三, 四) of 2019/2021 reports: numbers and their text rendering.

Numbers satisfy the format's identities (总计 column = applicant columns; （七）总计 = the result
rows; 一 + 二 = 三（七） + 四; 表四 总计 = 维持 + 纠正 + 其他 + 尚未审结) unless the report is
meant to carry a table defect, in which case exactly one cell is made wrong or blank.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

APPLICANTS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
HEADER_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

# (label cells, weight of the leaf when spreading concluded applications; None: not a leaf)
_RESULTS_HEAD = [
    (("三、本年度办理结果", "（一）予以公开"), 40),
    (("（二）部分公开（区分处理的，只计这一情形，不计其他情形）",), 6),
    (("（三）不予公开", "1.属于国家秘密"), 0.2),
    (("2.其他法律行政法规禁止公开",), 0.3),
    (("3.危及“三安全一稳定”",), 0.2),
    (("4.保护第三方合法权益",), 1),
    (("5.属于三类内部事务信息",), 1),
    (("6.属于四类过程性信息",), 1),
    (("7.属于行政执法案卷",), 0.5),
    (("8.属于行政查询事项",), 0.5),
    (("（四）无法提供", "1.本机关不掌握相关政府信息"), 25),
    (("2.没有现成信息需要另行制作",), 3),
    (("3.补正后申请内容仍不明确",), 2),
    (("（五）不予处理", "1.信访举报投诉类申请"), 4),
    (("2.重复申请",), 2),
    (("3.要求提供公开出版物",), 0.5),
    (("4.无正当理由大量反复申请",), 0.5),
    (("5.要求行政机关确认或重新出具已获取信息",), 0.5),
]
_OTHER_2021 = [
    (("（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"), 2),
    (("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",), 0.3),
    (("3.其他",), 1),
]
_OTHER_2019 = [(("（六）其他处理",), 3)]


def result_rows(edition: str) -> list[tuple[tuple[str, ...], float]]:
    """The leaf result rows of Table 三 for an edition, with their typical weights."""
    return _RESULTS_HEAD + (_OTHER_2021 if edition == "2021" else _OTHER_2019)


@dataclass
class TableDefect:
    """Which cell a defective table gets wrong: ``kind`` is "sum" (off by ``delta``) or "blank"."""

    kind: str
    table: str
    delta: int = 0
    blank: str = ""


def _spread(rng: random.Random, total: int, weights: list[float]) -> list[int]:
    """Split ``total`` into len(weights) non-negative parts roughly in proportion to weights."""
    parts = [0] * len(weights)
    remaining = total
    left = sum(weights)
    for i, w in enumerate(weights):
        if remaining <= 0:
            break
        if i == len(weights) - 1 or left <= 0:
            parts[i] = remaining
            break
        share = remaining * w / left * rng.uniform(0.5, 1.5)
        take = min(remaining, max(0, round(share)))
        parts[i] = take
        remaining -= take
        left -= w
    return parts


@dataclass
class Applications:
    """Table 三: one list of six applicant counts per row, in row order."""

    new: list[int]
    carried: list[int]
    results: list[list[int]]  # one row per leaf result
    carry_next: list[int]

    @property
    def new_total(self) -> int:
        return sum(self.new)

    @property
    def carried_total(self) -> int:
        return sum(self.carried)

    @property
    def concluded_total(self) -> int:
        return sum(sum(row) for row in self.results)

    @property
    def disclosed_total(self) -> int:
        return sum(self.results[0])


def make_applications(rng: random.Random, edition: str, busy: float) -> Applications:
    """Counts for a body whose activity is ``busy`` (0: no applications at all)."""
    scales = [300, 25, 2, 2, 4, 4]
    new = [int(rng.random() ** 2 * s * busy) for s in scales]
    carried = [rng.randint(0, max(0, n // 8)) for n in new]
    weights = [w for _, w in result_rows(edition)]
    results_by_col, carry_next = [], []
    for n, c in zip(new, carried, strict=True):
        keep = rng.randint(0, max(0, (n + c) // 10))
        carry_next.append(keep)
        results_by_col.append(_spread(rng, n + c - keep, weights))
    results = [[col[i] for col in results_by_col] for i in range(len(weights))]
    return Applications(new, carried, results, carry_next)


def _row(cells: list[str], style: str) -> list[str]:
    if style == "pipe":
        return ["| " + " | ".join(cells) + " |"]
    if style == "tab":
        return ["\t".join(cells)]
    return [c for c in cells if c]  # "cells": one cell per line, as some page copies have it


def _numbers(values: list[int]) -> list[str]:
    return [str(v) for v in values]


def render_applications(
    apps: Applications, edition: str, style: str, defect: TableDefect | None, rng: random.Random
) -> list[str]:
    """Table 三 as text rows, the header included."""
    rows: list[list[str]] = []
    rows.append([HEADER_NOTE, "申请人情况"])
    rows.append(["自然人", "法人或其他组织", "总计"])
    rows.append(APPLICANTS[1:6])
    body: list[tuple[tuple[str, ...], list[int]]] = [
        (("一、本年新收政府信息公开申请数量",), apps.new),
        (("二、上年结转政府信息公开申请数量",), apps.carried),
    ]
    for (labels, _), values in zip(result_rows(edition), apps.results, strict=True):
        body.append((labels, values))
    seventh = [sum(col) for col in zip(*apps.results, strict=True)]
    body.append((("（七）总计",), seventh))
    body.append((("四、结转下年度继续办理",), apps.carry_next))
    cells = [[*labels, *_numbers([*values, sum(values)])] for labels, values in body]
    if defect is not None and defect.table == "three":
        row = rng.randrange(len(cells))
        col = rng.randrange(len(cells[row]) - 7, len(cells[row]))
        if defect.kind == "sum":
            cells[row][col] = str(int(cells[row][col]) + defect.delta)
        else:
            cells[row][col] = defect.blank
    rows.extend(cells)
    return [line for r in rows for line in _row(r, style)]


def render_active(
    rng: random.Random, edition: str, style: str, level: str, busy: float
) -> list[str]:
    """Table 二: the proactive-disclosure sub-tables of the edition."""
    makes_rules = level == "city" and rng.random() < 0.5
    rows: list[list[str]] = []

    def count(scale: int) -> str:
        return str(int(rng.random() * scale * busy))

    if edition == "2021":
        rows += [
            ["第二十条第（一）项"],
            ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ]
        for label, scale in (("规章", 3 if makes_rules else 0), ("行政规范性文件", 12)):
            made, repealed = count(scale), count(scale // 3 + 1)
            rows.append([label, made, repealed, str(int(made) + rng.randint(0, scale * 5))])
        rows += [
            ["第二十条第（五）项"],
            ["信息内容", "本年处理决定数量"],
            ["行政许可", count(2000)],
        ]
        rows += [["第二十条第（六）项"], ["信息内容", "本年处理决定数量"]]
        rows += [["行政处罚", count(600)], ["行政强制", count(40)]]
        rows += [["第二十条第（八）项"], ["信息内容", "本年收费金额（单位：万元）"]]
        rows.append(["行政事业性收费", f"{rng.random() * 500 * busy:.2f}"])
    else:
        rows += [
            ["第二十条第（一）项"],
            ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
        ]
        for label, scale in (("规章", 3 if makes_rules else 0), ("规范性文件", 12)):
            made = count(scale)
            rows.append([label, made, made, str(int(made) + rng.randint(0, scale * 5))])
        for item, labels in (
            ("五", ("行政许可", "其他对外管理服务事项")),
            ("六", ("行政处罚", "行政强制")),
        ):
            rows += [
                [f"第二十条第（{item}）项"],
                ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
            ]
            for label in labels:
                rows.append([label, count(80), str(rng.randint(-3, 5)), count(900)])
        rows += [["第二十条第（八）项"], ["信息内容", "上一年项目数量", "本年增/减"]]
        rows.append(["行政事业性收费", count(10), str(rng.randint(-2, 2))])
        rows += [["第二十条第（九）项"], ["信息内容", "采购项目数量", "采购总金额"]]
        rows.append(["政府集中采购", count(30), f"{rng.random() * 800 * busy:.2f}"])
    return [line for r in rows for line in _row(r, style)]


def render_review(
    rng: random.Random, style: str, busy: float, defect: TableDefect | None
) -> tuple[list[str], int, int]:
    """Table 四, and the numbers of review and litigation cases it reports."""
    groups = []
    for _ in range(3):
        parts = [int(rng.random() ** 3 * 6 * busy) for _ in range(4)]
        groups.append([*parts, sum(parts)])
    if defect is not None and defect.table == "four":
        g, i = rng.randrange(3), rng.randrange(5)
        groups[g][i] = groups[g][i] + defect.delta if defect.kind == "sum" else defect.blank
    rows = [
        ["行政复议", "行政诉讼"],
        ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"],
        ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2,
        [str(v) for group in groups for v in group],
    ]
    review = groups[0][4] if isinstance(groups[0][4], int) else 0
    suits = sum(g[4] for g in groups[1:] if isinstance(g[4], int))
    return [line for r in rows for line in _row(r, style)], review, suits
