"""Unified tables written for the tests, in every form they reach the linter as text.

A table is a list of rows of cells ``(text, rowspan, colspan)`` laid out as the HTML or Word
original would be. ``pipe`` writes it as the Word/HTML readers do (Markdown rows, a merged
cell once and its covered positions empty), ``tabs`` as a copy from Word, ``flat`` as a web
table copied as text (one cell a line ending in `` |``, a merged cell followed by extra pipes,
optionally a row's numbers run together on one line). ``report`` wraps tables into a complete
report of an invented body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

Spec = tuple[str, int, int]

APPLICANTS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
LEAVES = {
    "（三）不予公开": [
        "1.属于国家秘密",
        "2.其他法律行政法规禁止公开",
        "3.危及“三安全一稳定”",
        "4.保护第三方合法权益",
        "5.属于三类内部事务信息",
        "6.属于四类过程性信息",
        "7.属于行政执法案卷",
        "8.属于行政查询事项",
    ],
    "（四）无法提供": [
        "1.本机关不掌握相关政府信息",
        "2.没有现成信息需要另行制作",
        "3.补正后申请内容仍不明确",
    ],
    "（五）不予处理": [
        "1.信访举报投诉类申请",
        "2.重复申请",
        "3.要求提供公开出版物",
        "4.无正当理由大量反复申请",
        "5.要求行政机关确认或重新出具已获取信息",
    ],
    "（六）其他处理": [
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "3.其他",
    ],
}
T3_HEAD = "| 申请人情况 | " + " | ".join(APPLICANTS) + " | 总计 |"
"""A one-row header of 表三, as a report that drops the merged header writes it."""
NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
NEW = "一、本年新收政府信息公开申请数量"
OLD = "二、上年结转政府信息公开申请数量"
GRANTED = "（一）予以公开"
PARTIAL = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
TOTAL7 = "（七）总计"
CARRY = "四、结转下年度继续办理"


@dataclass
class Table3:
    """表三's values by row label path: a leaf is ("（三）不予公开", "1.属于国家秘密")."""

    edition: str = "2021"
    values: dict[tuple[str, ...], list[str]] = field(default_factory=dict)

    def result_rows(self) -> list[tuple[str, ...]]:
        rows = [(GRANTED,), (PARTIAL,)]
        for group, leaves in LEAVES.items():
            if group == "（六）其他处理" and self.edition == "2019":
                rows.append((group,))
            else:
                rows.extend((group, leaf) for leaf in leaves)
        return rows

    def set(self, row: tuple[str, ...], column: int, text: str) -> Table3:
        self.values[row][column] = text
        return self


def table3(
    edition: str = "2021",
    results: dict[tuple[str, ...], list[int]] | None = None,
    carried_over: list[int] | None = None,
    carried_forward: list[int] | None = None,
) -> Table3:
    """A consistent 表三: the given results (others 0), 一 computed so every identity holds."""
    t = Table3(edition)
    results = results or {}
    old = carried_over or [1, 0, 0, 0, 0, 0]
    carry = carried_forward or [2, 0, 0, 0, 0, 0]
    done = [0] * 6
    for row in t.result_rows():
        counts = results.get(row, [0] * 6)
        done = [a + b for a, b in zip(done, counts, strict=True)]
        t.values[row] = _with_total(counts)
    new = [d + c - o for d, c, o in zip(done, carry, old, strict=True)]
    assert all(n >= 0 for n in new)
    t.values[(NEW,)] = _with_total(new)
    t.values[(OLD,)] = _with_total(old)
    t.values[(TOTAL7,)] = _with_total(done)
    t.values[(CARRY,)] = _with_total(carry)
    return t


def _with_total(counts: list[int]) -> list[str]:
    return [str(c) for c in counts] + [str(sum(counts))]


DEFAULT_RESULTS = {
    (GRANTED,): [9, 2, 0, 0, 1, 0],
    (PARTIAL,): [2, 0, 0, 0, 0, 0],
    ("（三）不予公开", "4.保护第三方合法权益"): [1, 0, 0, 0, 0, 0],
    ("（四）无法提供", "1.本机关不掌握相关政府信息"): [4, 1, 0, 0, 0, 0],
    ("（五）不予处理", "2.重复申请"): [1, 0, 0, 0, 0, 0],
}


def table3_spans(t: Table3) -> list[list[Spec]]:
    """表三 as the format lays it out, with its merged cells."""
    results = t.result_rows()
    rows: list[list[Spec]] = [
        [(NOTE, 3, 3), ("申请人情况", 1, 7)],
        [("自然人", 2, 1), ("法人或其他组织", 1, 5), ("总计", 2, 1)],
        [(c, 1, 1) for c in APPLICANTS[1:]],
        [(NEW, 1, 3), *_cells(t.values[(NEW,)])],
        [(OLD, 1, 3), *_cells(t.values[(OLD,)])],
    ]
    seen: set[str] = set()
    for i, row in enumerate(results):
        cells: list[Spec] = []
        if i == 0:
            cells.append(("三、本年度办理结果", len(results) + 1, 1))
        if len(row) == 1:
            cells.append((row[0], 1, 2))
        else:
            if row[0] not in seen:
                cells.append((row[0], len(LEAVES[row[0]]), 1))
                seen.add(row[0])
            cells.append((row[1], 1, 1))
        rows.append(cells + _cells(t.values[row]))
    rows.append([(TOTAL7, 1, 2), *_cells(t.values[(TOTAL7,)])])
    rows.append([(CARRY, 1, 3), *_cells(t.values[(CARRY,)])])
    return rows


def _cells(values: list[str]) -> list[Spec]:
    return [(v, 1, 1) for v in values]


def with_org_subtotal(
    spans: list[list[Spec]], wrong: dict[int, str] | None = None
) -> list[list[Spec]]:
    """表三 spans with a 法人或其他组织 小计 column after 其他, as some templates add: the
    header gains the column, each data row the sum of its five organisation cells (or the
    text ``wrong`` gives for the data row of that index, counted from 一 = 0)."""
    wrong = wrong or {}
    out: list[list[Spec]] = []
    data = 0
    for i, row in enumerate(spans):
        if i == 0:
            out.append([(t, r, c + 1 if t == "申请人情况" else c) for t, r, c in row])
        elif i == 1:
            out.append([(t, r, c + 1 if t == "法人或其他组织" else c) for t, r, c in row])
        elif i == 2:
            out.append([*row, ("小计", 1, 1)])
        else:
            values = row[-7:]
            orgs = sum(int(t) for t, _, _ in values[1:6])
            cell = (wrong.get(data, str(orgs)), 1, 1)
            out.append([*row[:-1], cell, row[-1]])
            data += 1
    return out


T2_2021_DEFAULT = {
    "规章": ["0", "0", "3"],
    "行政规范性文件": ["4", "1", "27"],
    "行政许可": ["1326"],
    "行政处罚": ["58"],
    "行政强制": ["6"],
    "行政事业性收费": ["12.35"],
}
T2_2019_DEFAULT = {
    "规章": ["0", "0", "3"],
    "规范性文件": ["4", "4", "27"],
    "行政许可": ["35", "2", "1326"],
    "其他对外管理服务事项": ["12", "0", "240"],
    "行政处罚": ["40", "-1", "58"],
    "行政强制": ["8", "0", "6"],
    "行政事业性收费": ["3", "0"],
    "政府集中采购": ["15", "251000元"],
}


def table2_spans(
    edition: str = "2021", values: dict[str, list[str]] | None = None
) -> list[list[Spec]]:
    """表二 in the 2021 or the 2019 试行 layout."""
    if edition == "2021":
        v = {**T2_2021_DEFAULT, **(values or {})}
        return [
            [("第二十条第（一）项", 1, 4)],
            [
                ("信息内容", 1, 1),
                ("本年制发件数", 1, 1),
                ("本年废止件数", 1, 1),
                ("现行有效件数", 1, 1),
            ],
            [("规章", 1, 1), *_cells(v["规章"])],
            [("行政规范性文件", 1, 1), *_cells(v["行政规范性文件"])],
            [("第二十条第（五）项", 1, 4)],
            [("信息内容", 1, 1), ("本年处理决定数量", 1, 3)],
            [("行政许可", 1, 1), (v["行政许可"][0], 1, 3)],
            [("第二十条第（六）项", 1, 4)],
            [("信息内容", 1, 1), ("本年处理决定数量", 1, 3)],
            [("行政处罚", 1, 1), (v["行政处罚"][0], 1, 3)],
            [("行政强制", 1, 1), (v["行政强制"][0], 1, 3)],
            [("第二十条第（八）项", 1, 4)],
            [("信息内容", 1, 1), ("本年收费金额（单位：万元）", 1, 3)],
            [("行政事业性收费", 1, 1), (v["行政事业性收费"][0], 1, 3)],
        ]
    v = {**T2_2019_DEFAULT, **(values or {})}
    head5 = [
        ("信息内容", 1, 1),
        ("上一年项目数量", 1, 1),
        ("本年增/减", 1, 1),
        ("处理决定数量", 1, 1),
    ]
    return [
        [("第二十条第（一）项", 1, 4)],
        [
            ("信息内容", 1, 1),
            ("本年新制作数量", 1, 1),
            ("本年新公开数量", 1, 1),
            ("对外公开总数量", 1, 1),
        ],
        [("规章", 1, 1), *_cells(v["规章"])],
        [("规范性文件", 1, 1), *_cells(v["规范性文件"])],
        [("第二十条第（五）项", 1, 4)],
        head5,
        [("行政许可", 1, 1), *_cells(v["行政许可"])],
        [("其他对外管理服务事项", 1, 1), *_cells(v["其他对外管理服务事项"])],
        [("第二十条第（六）项", 1, 4)],
        head5,
        [("行政处罚", 1, 1), *_cells(v["行政处罚"])],
        [("行政强制", 1, 1), *_cells(v["行政强制"])],
        [("第二十条第（八）项", 1, 4)],
        [("信息内容", 1, 1), ("上一年项目数量", 1, 1), ("本年增/减", 1, 2)],
        [("行政事业性收费", 1, 1), (v["行政事业性收费"][0], 1, 1), (v["行政事业性收费"][1], 1, 2)],
        [("第二十条第（九）项", 1, 4)],
        [("信息内容", 1, 1), ("采购项目数量", 1, 1), ("采购总金额", 1, 2)],
        [("政府集中采购", 1, 1), (v["政府集中采购"][0], 1, 1), (v["政府集中采购"][1], 1, 2)],
    ]


T4_DEFAULT = ["1", "0", "0", "1", "2", "0", "0", "0", "1", "1", "0", "0", "0", "0", "0"]


def table4_spans(values: list[str] | None = None) -> list[list[Spec]]:
    """表四: three header rows and one row of fifteen numbers."""
    results = [
        ("结果维持", 1, 1),
        ("结果纠正", 1, 1),
        ("其他结果", 1, 1),
        ("尚未审结", 1, 1),
        ("总计", 1, 1),
    ]
    return [
        [("行政复议", 1, 5), ("行政诉讼", 1, 10)],
        [
            *((text, 2, 1) for text, _, _ in results),
            ("未经复议直接起诉", 1, 5),
            ("复议后起诉", 1, 5),
        ],
        results + results,
        _cells(values or T4_DEFAULT),
    ]


def positions(spans: list[list[Spec]]) -> list[list[str | None]]:
    """The grid of a span table: each cell at its first position, covered positions None."""
    placed: dict[tuple[int, int], str | None] = {}
    for r, row in enumerate(spans):
        c = 0
        for text, rowspan, colspan in row:
            while (r, c) in placed:
                c += 1
            for dr in range(rowspan):
                for dc in range(colspan):
                    placed[(r + dr, c + dc)] = None
            placed[(r, c)] = text
            c += colspan
    width = max(c for _, c in placed) + 1
    return [[placed.get((r, c)) for c in range(width)] for r in range(len(spans))]


def pipe(spans: list[list[Spec]]) -> str:
    """Markdown rows as the readers write them: covered positions empty, a separator after
    the first row."""
    grid = positions(spans)
    lines = ["| " + " | ".join(cell or "" for cell in row) + " |" for row in grid]
    lines.insert(1, "|" + "---|" * len(grid[0]))
    return "\n".join(lines)


def tabs(spans: list[list[Spec]]) -> str:
    """Tab-separated rows, covered positions empty: a table copied from Word."""
    return "\n".join("\t".join(cell or "" for cell in row) for row in positions(spans))


def flat(spans: list[list[Spec]], run_numbers: bool = False, header_run: bool = False) -> str:
    """One cell a line ending in `` |``, a merged cell with a pipe per position it spans; with
    ``run_numbers`` a row's numbers on one line separated by spaces; with ``header_run`` the
    first header row's labels run together on one line."""
    lines: list[str] = []
    for i, row in enumerate(spans):
        if header_run and i == 0:
            lines.append("".join(text for text, _, _ in row) + " |")
            continue
        numbers = [text for text, _, _ in row if _is_number(text)]
        for text, _, colspan in row:
            if run_numbers and numbers and _is_number(text):
                continue
            lines.append(f"{text} " + "|" * colspan)
        if run_numbers and numbers:
            lines.append(" ".join(numbers))
    return "\n".join(lines)


VALUE_WORDS = ("若干", "不详")
"""Words the tests write where a number belongs: a flattened row runs them with its numbers."""


def _is_number(text: str) -> bool:
    """A value of a cell (a number with any minus sign, a placeholder, a word for a number)."""
    number = r"[-−‐–—－﹣]?\d+(?:\.\d+)?(?:元|万元|件)?"
    return text in VALUE_WORDS or re.fullmatch(rf"{number}|[/\-−‐—－空x无]|", text) is not None


REPORT = """\
示例市规划和自然资源局2023年政府信息公开工作年度报告

本报告依据《中华人民共和国政府信息公开条例》和国务院办公厅政府信息与政务公开办公室印发的年度报告格式编制。本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。

一、总体情况
2023年，示例市规划和自然资源局认真贯彻落实《中华人民共和国政府信息公开条例》，{overview}
二、主动公开政府信息情况
{table2}
三、收到和处理政府信息公开申请情况
{table3}
四、政府信息公开行政复议、行政诉讼情况
{table4}
五、存在的主要问题及改进情况
一是部分业务科室对主动公开的时效把握不够，个别信息发布滞后；二是政策解读形式较为单一。下一步，我局将建立信息发布提醒机制，并通过图解、问答等形式丰富政策解读。
六、其他需要报告的事项
本年度未收取信息处理费。

示例市规划和自然资源局
2024年1月20日
"""

OVERVIEW = "以公开为常态、不公开为例外，依法依规做好政府信息公开工作。"


def report(
    table2: str = "", table3: str = "", table4: str = "", overview: str = OVERVIEW, year: int = 2023
) -> str:
    """A complete report of an invented body around the given tables."""
    text = REPORT.format(overview=overview, table2=table2, table3=table3, table4=table4)
    if year != 2023:
        text = text.replace("2023", str(year)).replace("2024年1月20日", f"{year + 1}年1月20日")
    return text


def html_table(spans: list[list[Spec]]) -> str:
    """A table as a CMS page writes it: merged cells as rowspan/colspan, each cell's text in
    ``<p><span>``, a blank cell as ``&nbsp;``."""
    rows = []
    for row in spans:
        cells = []
        for text, rowspan, colspan in row:
            spans_attr = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (
                f' colspan="{colspan}"' if colspan > 1 else ""
            )
            body = text or "&nbsp;"
            cells.append(f'<td{spans_attr}><p align="center"><span>{body}</span></p></td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return '<table border="1" cellspacing="0"><tbody>' + "".join(rows) + "</tbody></table>"


def html_page(
    table2: str = "", table3: str = "", table4: str = "", overview: str = OVERVIEW
) -> bytes:
    """A GBK article page of ``report`` with the given HTML tables, a paragraph a line."""
    marks = {"@T2@": table2, "@T3@": table3, "@T4@": table4}
    text = report("@T2@", "@T3@", "@T4@", overview)
    body = "".join(marks.get(line, f"<p>{line}</p>") for line in text.splitlines() if line)
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
        f'</head><body><div class="TRS_Editor">{body}</div></body></html>'
    )
    return page.encode("gbk")
