"""The unified tables of the 2019 试行 and 2021 formats, and their labels matched by stems.

Tables 二 (主动公开), 三 (收到和处理申请) and 四 (复议诉讼) of 国办公开办函〔2019〕60号 and
〔2021〕30号 (domain research §3.1–3.2). Labels arrive abbreviated, broken over lines, run
together (行政复议行政诉讼) and without their hierarchy, so each one is recognised by a
meaning-bearing stem on the normalised text with whitespace removed. A leaf row such as
1.属于国家秘密 belongs to （三）不予公开 by its stem, never by its position.

Row and column keys are the format's own labels: they are what ``data.row`` and
``data.column`` carry in findings.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from ..numerals import cn_to_int

T2, T3, T4 = "二", "三", "四"
TABLES = (T2, T3, T4)
TABLE_NAMES = {
    T2: ("主动公开政府信息情况", "proactive disclosure"),
    T3: ("收到和处理政府信息公开申请情况", "applications received and handled"),
    T4: ("政府信息公开行政复议、行政诉讼情况", "administrative review and litigation"),
}


class Label(NamedTuple):
    """What a label cell names.

    ``role``: ``row`` (a data row), ``group`` (a 表三 group: a subtotal row, or in 2019 the
    single （六） row), ``column``, ``caption`` (表二 第二十条第（N）项), ``header`` (other
    header words), ``marker`` (a label that names no row: 三、本年度办理结果), ``total``
    (总计/合计), ``other`` (其他), ``subtotal`` (小计). ``table`` is None for the words several
    tables share (总计, 其他, 小计), which take their meaning from the table around them.
    """

    table: str | None
    role: str
    key: str = ""
    group: str = ""  # 表三 leaf rows: the group; 表四 columns: the case group (a row key)
    part: str = ""  # 表二: the 第二十条 item (一 五 六 八 九) of a row, caption or column
    measure: str = "count"  # 表二 columns: "count", "delta" (本年增/减) or "amount"
    edition: str | None = None  # set when only that edition's layout has the label


_CN = "一二三四五六七八九十"


def _l(table, role, key, stem, **kw) -> tuple[re.Pattern[str], Label]:
    return re.compile(stem), Label(table, role, key, **kw)


# ---- 表三 ------------------------------------------------------------------------------
NEW = "一、本年新收政府信息公开申请数量"
CARRIED_OVER = "二、上年结转政府信息公开申请数量"
GRANTED = "（一）予以公开"
PARTIAL = "（二）部分公开"
REFUSED = "（三）不予公开"
UNABLE = "（四）无法提供"
NOT_PROCESSED = "（五）不予处理"
OTHER = "（六）其他处理"
RESULT_TOTAL = "（七）总计"
CARRIED_FORWARD = "四、结转下年度继续办理"

APPLICANTS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
TOTAL = "总计"
T3_COLUMNS = (*APPLICANTS, TOTAL)
ORG_SUBTOTAL = "小计"
"""A 法人或其他组织 subtotal column some templates add to 表三 (not the format's own)."""

_LEAVES = [
    (REFUSED, "1.属于国家秘密", r"国家秘密", None),
    (REFUSED, "2.其他法律行政法规禁止公开", r"禁止公开", None),
    (REFUSED, "3.危及“三安全一稳定”", r"三安全|一稳定", None),
    (REFUSED, "4.保护第三方合法权益", r"第三方", None),
    (REFUSED, "5.属于三类内部事务信息", r"内部事务", None),
    (REFUSED, "6.属于四类过程性信息", r"过程性", None),
    (REFUSED, "7.属于行政执法案卷", r"执法案卷", None),
    (REFUSED, "8.属于行政查询事项", r"查询事项", None),
    (UNABLE, "1.本机关不掌握相关政府信息", r"不掌握", None),
    (UNABLE, "2.没有现成信息需要另行制作", r"另行制作|现成信息", None),
    (UNABLE, "3.补正后申请内容仍不明确", r"不明确", None),
    (NOT_PROCESSED, "1.信访举报投诉类申请", r"信访|举报投诉", None),
    (NOT_PROCESSED, "2.重复申请", r"重复申请", None),
    (NOT_PROCESSED, "3.要求提供公开出版物", r"出版物", None),
    (NOT_PROCESSED, "4.无正当理由大量反复申请", r"大量反复|反复申请", None),
    (NOT_PROCESSED, "5.要求行政机关确认或重新出具已获取信息", r"重新出具|确认或", None),
    (
        OTHER,
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        r"不补正",
        "2021",
    ),
    (
        OTHER,
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        r"收费通知|缴纳费用",
        "2021",
    ),
]
OTHER_LEAF = f"{OTHER}/3.其他"


def leaf_key(group: str, leaf: str) -> str:
    return f"{group}/{leaf}"


LEAVES_2021 = (*(leaf_key(g, leaf) for g, leaf, _, _ in _LEAVES), OTHER_LEAF)

T3_ROWS = (NEW, CARRIED_OVER, GRANTED, PARTIAL, *LEAVES_2021, RESULT_TOTAL, CARRIED_FORWARD)
"""表三's rows in the 2021 format's order (2019's （六） is one row: see ``absent_rows``)."""

_TEXT_STEMS = {"1.本机关不掌握相关政府信息": r"|信息不存在|不存在"}
"""Stems a sentence may use for a leaf beyond the table's own (信息不存在 for 不掌握)."""
LEAF_REASONS: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (group, leaf_key(group, leaf), re.compile(stem + _TEXT_STEMS.get(leaf, "")))
    for group, leaf, stem, _ in _LEAVES
)
"""表三's leaf rows by the reasons a sentence gives for them (因涉及第三方合法权益不予公开):
(group, leaf row key, stem)."""

# ---- 表四 ------------------------------------------------------------------------------
REVIEW = "行政复议"
DIRECT = "行政诉讼/未经复议直接起诉"
AFTER_REVIEW = "行政诉讼/复议后起诉"
T4_GROUPS = (REVIEW, DIRECT, AFTER_REVIEW)
RESULTS = ("结果维持", "结果纠正", "其他结果", "尚未审结")
T4_COLUMNS = (*RESULTS, TOTAL)
T4_CELLS = tuple((group, column) for group in T4_GROUPS for column in T4_COLUMNS)

# ---- 表二 ------------------------------------------------------------------------------
# Columns by concept: (key, stem, edition, measure); the parts (第二十条 items) they belong to.
T2_LAYOUT = {
    "2021": {
        "一": ("本年制发件数", "本年废止件数", "现行有效件数"),
        "五": ("本年处理决定数量",),
        "六": ("本年处理决定数量",),
        "八": ("本年收费金额",),
    },
    "2019": {
        "一": ("本年新制作数量", "本年新公开数量", "对外公开总数量"),
        "五": ("上一年项目数量", "本年增/减", "处理决定数量"),
        "六": ("上一年项目数量", "本年增/减", "处理决定数量"),
        "八": ("上一年项目数量", "本年增/减"),
        "九": ("采购项目数量", "采购总金额"),
    },
}
T2_ROWS = {
    "2021": {"一": ("规章", "行政规范性文件"), "五": ("行政许可",), "六": ("行政处罚", "行政强制"),
             "八": ("行政事业性收费",)},
    "2019": {"一": ("规章", "规范性文件"), "五": ("行政许可", "其他对外管理服务事项"),
             "六": ("行政处罚", "行政强制"), "八": ("行政事业性收费",), "九": ("政府集中采购",)},
}  # fmt: skip

_LABELS: list[tuple[re.Pattern[str], Label]] = [
    # 表三 header note and applicant columns
    _l(T3, "header", "勾稽关系", r"勾稽|第一项加第二项"),
    _l(T3, "header", "申请人情况", r"申请人情况"),
    _l(T3, "header", "法人或其他组织", r"法人或其他组织|法人或其它组织"),
    *(_l(T3, "column", c, c) for c in APPLICANTS[:5]),
    # 表四: the case groups and results
    _l(T4, "column", DIRECT, r"直接起诉|未经复议"),
    _l(T4, "column", AFTER_REVIEW, r"复议后"),
    _l(T4, "column", REVIEW, r"行政复议|^复议$"),
    _l(T4, "column", "行政诉讼", r"行政诉讼|^诉讼$"),
    _l(T4, "column", "结果维持", r"维持"),
    _l(T4, "column", "结果纠正", r"纠正"),
    _l(T4, "column", "其他结果", r"其他结果|其它结果"),
    _l(T4, "column", "尚未审结", r"未审结"),
    # 表三 leaf rows, then groups and the other rows
    *(
        _l(T3, "row", leaf_key(group, leaf), stem, group=group, edition=edition)
        for group, leaf, stem, edition in _LEAVES
    ),
    _l(T3, "group", REFUSED, r"不予公开"),
    _l(T3, "group", UNABLE, r"无法提供"),
    _l(T3, "group", NOT_PROCESSED, r"不予处理"),
    _l(T3, "group", OTHER, r"其他处理|其它处理"),
    _l(T3, "row", GRANTED, r"予以公开"),
    _l(T3, "row", PARTIAL, r"部分公开"),
    _l(T3, "row", NEW, r"新收"),
    _l(T3, "row", CARRIED_OVER, r"上一?年度?结转"),
    _l(T3, "row", CARRIED_FORWARD, r"结转下|结转至下|转入下|下一?年度?继续"),
    _l(T3, "marker", "三、本年度办理结果", r"办理结果"),
    # 表二: captions, header words, rows and columns
    _l(T2, "header", "信息内容", r"信息内容"),
    _l(T2, "row", "行政规范性文件", r"行政规范性文件", part="一"),
    _l(T2, "row", "规范性文件", r"规范性文件", part="一"),
    _l(T2, "row", "规章", r"规章", part="一"),
    _l(T2, "row", "其他对外管理服务事项", r"对外管理|管理服务事项", part="五", edition="2019"),
    _l(T2, "row", "行政许可", r"行政许可", part="五"),
    _l(T2, "row", "行政处罚", r"行政处罚", part="六"),
    _l(T2, "row", "行政强制", r"行政强制", part="六"),
    _l(T2, "row", "行政事业性收费", r"事业性收费", part="八"),
    _l(T2, "row", "政府集中采购", r"集中采购|政府采购", part="九", edition="2019"),
    _l(T2, "column", "本年制发件数", r"制发", edition="2021"),
    _l(T2, "column", "本年废止件数", r"废止", edition="2021"),
    _l(T2, "column", "现行有效件数", r"现行有效", edition="2021"),
    _l(T2, "column", "本年收费金额", r"收费金额", measure="amount", edition="2021"),
    _l(T2, "column", "本年处理决定数量", r"本年处理决定"),
    _l(T2, "column", "处理决定数量", r"处理决定"),
    _l(T2, "column", "本年新制作数量", r"新制作|制作数量", edition="2019"),
    _l(T2, "column", "本年新公开数量", r"新公开", edition="2019"),
    _l(T2, "column", "对外公开总数量", r"对外公开|公开总数", edition="2019"),
    _l(T2, "column", "上一年项目数量", r"上一?年项目|上一年", edition="2019"),
    _l(T2, "column", "本年增/减", r"增/?减|增加/减少", measure="delta", edition="2019"),
    _l(T2, "column", "采购项目数量", r"采购项目|采购数量", edition="2019"),
    _l(T2, "column", "采购总金额", r"采购总金额|采购金额", measure="amount", edition="2019"),
    # words several tables share
    _l(None, "total", TOTAL, rf"^[(]?[{_CN}]*[)、.]?(?:总计|合计)"),
    _l(None, "subtotal", "小计", r"小计"),
    _l(
        None,
        "other",
        "其他",
        r"^[(]?(?:\d+|[一二三四五六七八九十]+)?[)、.]?(?:其他|其它)(?:情形|情况)?$",
    ),
]
_CAPTION = re.compile(r"第二十条(?:第)?[(]?([一二三四五六七八九十]{1,2})[)]?项?")
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=4096)
def read_label(text: str) -> Label | None:
    """The label a cell's normalised text names, or None when it names nothing we know."""
    compact = _SPACE.sub("", text)
    if not compact:
        return None
    m = _CAPTION.search(compact)
    if m:
        part = m.group(1)
        edition = "2019" if cn_to_int(part) == 9 else None
        return Label(T2, "caption", f"第二十条第（{part}）项", part=part, edition=edition)
    for pattern, label in _LABELS:
        if pattern.search(compact):
            return label
    return None


@cache
def t2_columns(key: str) -> Label:
    """The column label of 表二 named ``key`` (for the layout's default columns)."""
    for _, label in _LABELS:
        if label.table == T2 and label.role == "column" and label.key == key:
            return label
    raise KeyError(key)


@cache
def t2_parts_of(column: str) -> frozenset[str]:
    """The 第二十条 items whose sub-table has the column ``column`` in either edition."""
    return frozenset(
        part for layout in T2_LAYOUT.values() for part, cols in layout.items() if column in cols
    )
