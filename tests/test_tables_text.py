"""N004 on text that names parts of a table figure: units, reasons, both case kinds, 上年结转.

The default tables (tables_builders.DEFAULT_RESULTS) hold: 一、新收 22, 二、上年结转 1, 予以公开
12, 不予公开 1, 无法提供 5, 不予处理 1, （七） 21; 表四 行政复议 2, 直接起诉 1, 复议后起诉 0; 表二
行政规范性文件 制发 4. The report is 示例市规划和自然资源局's.
"""

from __future__ import annotations

import pytest

from tests.conftest import lint_text
from tests.tables_builders import (
    DEFAULT_RESULTS,
    pipe,
    report,
    table2_spans,
    table3,
    table3_spans,
    table4_spans,
)
from tests.test_tables_checks import _at, _only, _report

REASONS = {
    **DEFAULT_RESULTS,
    ("（三）不予公开", "6.属于四类过程性信息"): [1, 0, 0, 0, 0, 0],
    ("（四）无法提供", "2.没有现成信息需要另行制作"): [2, 0, 0, 0, 0, 0],
}
"""Groups that differ from their leaves: 不予公开 2 (第三方 1, 过程性 1), 无法提供 7 (不掌握 5,
另行制作 2), 不予处理 1 (重复申请 1); 新收 25."""


def _n004(overview: str, results=None, form: str = "pipe", t4: list[str] | None = None):
    t3 = table3("2021", results) if results else None
    text = _report(form, t3=t3, t4=t4, overview=overview)
    return text, lint_text(text, "N004")


# ---- parts named by their unit or issuer -----------------------------------------------


@pytest.mark.parametrize(
    "overview",
    [
        # the parts add up to the table's figure
        "全年共收到政府信息公开申请22件；从受理单位看，局机关收到申请10件，"
        "市不动产登记中心收到申请7件，其他直属单位收到申请5件。",
        # the main parts only (no 其他/其余): a short sum says nothing
        "全年共收到政府信息公开申请22件；其中局机关收到申请10件、市不动产登记中心收到申请7件。",
        # one named part alone
        "其中市不动产登记中心收到政府信息公开申请7件。",
        # 本级: the clauses after it, to the next ；, are about it too
        "全年共收到政府信息公开申请22件，其中局本级收到申请15件，予以公开9件，无法提供3件；办结21件。",
        # 以…名义: the issuers' figures add up
        "以市政府名义制发行政规范性文件3件，以本局名义制发行政规范性文件1件。",
        # parts of a wider count (全市各部门) are no parts of the table
        "全市各部门共收到政府信息公开申请300件，其中市政府办公室收到申请120件，"
        "市公安局收到申请90件，其他部门收到申请90件。",
        "2023年市不动产登记中心收到政府信息公开申请30件。",
    ],
)
def test_figures_of_named_parts_are_not_the_whole(overview: str) -> None:
    assert _n004(overview)[1] == []


@pytest.mark.parametrize(
    ("overview", "first", "last", "text_value"),
    [
        (  # the parts exceed the table
            "全年共收到政府信息公开申请22件；局机关收到申请10件，"
            "市不动产登记中心收到申请9件，其他直属单位收到申请5件。",
            "10件",
            "5件",
            24,
        ),
        (  # the parts end with the rest, and fall short
            "全年共收到政府信息公开申请22件；局机关收到申请10件，"
            "市不动产登记中心收到申请7件，其余单位收到申请4件。",
            "10件",
            "4件",
            21,
        ),
        (  # no lead figure: the sentence is still about disclosure applications
            "局机关收到政府信息公开申请20件、市不动产登记中心收到政府信息公开申请9件。",
            "20件",
            "9件",
            29,
        ),
    ],
)
def test_parts_that_do_not_add_up_fire_once(
    overview: str, first: str, last: str, text_value: int
) -> None:
    text, findings = _n004(overview)
    finding = _only(findings, "N004")
    assert finding.data == {"text_value": text_value, "table_value": 22}
    assert "合计" in finding.message
    assert (finding.line, finding.column) == _at(text, first, after="一、总体情况")
    end_line, end_column = _at(text, last, after=first)
    assert (finding.end_line, finding.end_column) == (end_line, end_column + len(last) - 1)


def test_issuers_that_do_not_add_up_fire_once() -> None:
    _, findings = _n004("以市政府名义制发行政规范性文件3件，以本局名义制发行政规范性文件2件。")
    finding = _only(findings, "N004")
    assert finding.data == {"text_value": 5, "table_value": 4}
    assert "3+2" in finding.message


def test_a_figure_after_the_part_and_its_semicolon_is_the_whole_again() -> None:
    _, findings = _n004(
        "全年共收到政府信息公开申请22件，其中局本级收到申请15件，予以公开9件；办结20件。"
    )
    assert _only(findings, "N004").data == {"text_value": 20, "table_value": 21}


@pytest.mark.parametrize(
    "overview",
    [
        "示例市规划和自然资源局全年共收到政府信息公开申请30件。",
        "市规划和自然资源局收到政府信息公开申请30件。",
        "我局全年共收到政府信息公开申请30件。",
        "本机关全年共收到政府信息公开申请30件。",
    ],
)
def test_the_issuer_named_is_the_whole(overview: str) -> None:
    _, findings = _n004(overview)
    assert _only(findings, "N004").data == {"text_value": 30, "table_value": 22}


# ---- a count with its reason -------------------------------------------------------------


@pytest.mark.parametrize(
    "overview",
    [
        "其中，因涉及保护第三方合法权益不予公开1件，因本机关不掌握相关政府信息无法提供5件，"
        "属于重复申请不予处理1件。",
        "不予公开2件，无法提供7件，不予处理1件。",
        "因信息不存在无法提供5件。",
        "因本机关不掌握等原因无法提供7件。",  # an open list: the whole group
        "因不掌握或需另行制作无法提供7件。",  # two reasons: both rows
        "因涉及商业秘密不予公开5件。",  # a reason no row tells apart: not compared
        "因不掌握相关信息不予公开9件。",  # a reason of another group: not compared
    ],
)
def test_a_reason_is_compared_with_its_row(overview: str) -> None:
    assert _n004(overview, REASONS)[1] == []


@pytest.mark.parametrize(
    ("overview", "needle", "text_value", "table_value", "row"),
    [
        ("因涉及第三方合法权益不予公开2件。", "2件", 2, 1, "4.保护第三方合法权益"),
        ("因本机关不掌握相关政府信息无法提供6件。", "6件", 6, 5, "1.本机关不掌握相关政府信息"),
        ("属于重复申请不予处理2件。", "2件", 2, 1, "2.重复申请"),
        ("因不掌握或需另行制作无法提供8件。", "8件", 8, 7, "2.没有现成信息需要另行制作"),
        ("因本机关不掌握等原因无法提供5件。", "5件", 5, 7, "（四）无法提供"),
    ],
)
def test_a_reason_that_disagrees_with_its_row(
    overview: str, needle: str, text_value: int, table_value: int, row: str
) -> None:
    text, findings = _n004(overview, REASONS)
    finding = _only(findings, "N004")
    assert finding.data == {"text_value": text_value, "table_value": table_value}
    assert row in finding.message
    assert (finding.line, finding.column) == _at(text, needle, after="一、总体情况")


# ---- reviews and lawsuits together ---------------------------------------------------------


@pytest.mark.parametrize(
    "overview",
    [
        "因政府信息公开工作被申请行政复议和提起行政诉讼共3件，其中被申请行政复议2件、"
        "被提起行政诉讼1件。",
        "因政府信息公开被提起行政诉讼和申请行政复议共3件。",
        "因政府信息公开工作被申请行政复议、行政诉讼案件3件。",
    ],
)
def test_both_kinds_of_case_in_one_figure(overview: str) -> None:
    assert _n004(overview)[1] == []


@pytest.mark.parametrize(
    "overview",
    [
        "因政府信息公开工作被申请行政复议和提起行政诉讼共4件。",
        "因政府信息公开被提起行政诉讼和申请行政复议共4件。",
    ],
)
def test_both_kinds_of_case_that_disagree(overview: str) -> None:
    _, findings = _n004(overview)
    finding = _only(findings, "N004")
    assert finding.data == {"text_value": 4, "table_value": 3}
    assert "行政复议和行政诉讼" in finding.message


# ---- 上年结转 in the 收到 figure ------------------------------------------------------------


@pytest.mark.parametrize(
    "overview",
    [
        "全年共收到政府信息公开申请23件，其中自然人提出18件；上年结转1件。",
        "本年度共收到政府信息公开申请23件，上年结转1件，已办结21件。",
    ],
)
def test_carried_over_as_a_figure_of_its_own_is_not_in_the_received(overview: str) -> None:
    _, findings = _n004(overview)
    assert _only(findings, "N004").data == {"text_value": 23, "table_value": 22}


@pytest.mark.parametrize(
    "overview",
    [
        "全年共收到政府信息公开申请23件（含上年结转1件）。",
        "共收到政府信息公开申请23件，其中上年结转1件。",
        "全年共收到政府信息公开申请23件，包括上年结转的1件。",
        "加上上年结转1件，共收到政府信息公开申请23件。",
        "全年共收到政府信息公开申请22件，上年结转1件。",
        "共收到政府信息公开申请23件，其中新收22件、上年结转1件。",
    ],
)
def test_received_that_says_it_includes_the_carried_over(overview: str) -> None:
    assert _n004(overview)[1] == []


def test_received_with_its_parts_listed_still_has_to_add_up() -> None:
    _, findings = _n004("共收到政府信息公开申请25件，其中新收22件、上年结转1件。")
    assert _only(findings, "N004").data == {"text_value": 25, "table_value": 22}


def test_the_issuer_named_is_no_narrower_scope() -> None:
    """An issuer whose name holds a word of a narrower scope (机构)."""
    body = "机构编制委员会办公室"
    text = _report(overview=f"{body}全年共收到政府信息公开申请30件。")
    text = text.replace("规划和自然资源局", body)
    assert _only(lint_text(text, "N004"), "N004").data == {"text_value": 30, "table_value": 22}


# ---- 各N件: the one figure for each kind listed ----------------------------------------------

T4_TWO_EACH = ["1", "0", "0", "1", "2", "1", "0", "0", "0", "1", "0", "1", "0", "0", "1"]
"""表四 with 行政复议 2 and 行政诉讼 2 (直接起诉 1, 复议后起诉 1)."""


def _in_review_part(sentence: str, t4: list[str] | None = None) -> list:
    """N004 findings with ``sentence`` written in part 四 above its table."""
    text = report(
        table2=pipe(table2_spans("2021")),
        table3=pipe(table3_spans(table3("2021", DEFAULT_RESULTS))),
        table4=sentence + "\n" + pipe(table4_spans(t4)),
    )
    return lint_text(text, "N004")


def test_each_kind_listed_has_the_figure() -> None:
    _, findings = _n004("因政府信息公开申请被申请行政复议、提起行政诉讼各5件。")
    assert sorted((f.data["text_value"], f.data["table_value"]) for f in findings) == [
        (5, 1),
        (5, 2),
    ]
    assert {f.message.split("为")[0] for f in findings} == {
        "正文所述行政复议案件数",
        "正文所述行政诉讼案件数",
    }


def test_each_kind_in_the_review_part() -> None:
    findings = _in_review_part("本年度发生行政复议和行政诉讼各2件。")
    assert _only(findings, "N004").data == {"text_value": 2, "table_value": 1}  # 诉讼 only
    assert _in_review_part("本年度发生行政复议和行政诉讼各2件。", T4_TWO_EACH) == []


@pytest.mark.parametrize(
    "overview",
    [
        "因政府信息公开工作被申请行政复议和提起行政诉讼各2件。",
        "因政府信息公开申请行政复议、行政诉讼案件各2件。",
        # no word of disclosure: another business's cases (a 司法局 handles many)
        "全年办理行政复议和行政诉讼案件各9件。",
    ],
)
def test_each_kind_that_agrees_or_is_not_about_disclosure(overview: str) -> None:
    assert _n004(overview, t4=T4_TWO_EACH)[1] == []


def test_each_result_kind_listed() -> None:
    _, findings = _n004("不予公开、无法提供各1件。")
    finding = _only(findings, "N004")
    assert finding.data == {"text_value": 1, "table_value": 5}
    assert "无法提供" in finding.message


# ---- the applicants of this year's applications ----------------------------------------------
# 表三 一、本年新收: 自然人 18, 商业企业 3, 法律服务机构 1 (总计 22); 二、上年结转: 自然人 1.


@pytest.mark.parametrize(
    "overview",
    [
        "全年共收到政府信息公开申请22件，其中自然人申请18件、法人或其他组织申请4件。",
        "本年度新收政府信息公开申请22件。其中，自然人18件，商业企业3件，科研机构0件，"
        "社会公益组织0件，法律服务机构1件，其他0件。",
        "共收到公民、法人和其他组织提出的政府信息公开申请22件，其中公民提出18件，"
        "法人和其他组织提出4件。",
        # it includes the carried-over: row 一 + 二 is also a fair reading
        "全年共收到政府信息公开申请23件（含上年结转1件），其中自然人申请19件、法人或其他组织申请4件。",
        # out of scope: another year, a wider body, a narrower subset, a named part
        "2022年共收到政府信息公开申请30件，其中自然人申请25件、法人或其他组织申请5件。",
        "全市各部门共收到政府信息公开申请300件，其中自然人申请250件、法人或其他组织申请50件。",
        "全年共收到政府信息公开申请22件，其中通过网络提交的自然人申请12件。",
        "全年共收到政府信息公开申请22件，其中局机关收到自然人申请10件。",
        # the breakdown belongs to a figure other than the received one
        "全年共收到政府信息公开申请22件，予以公开12件，其中自然人9件、法人或其他组织3件。",
        # 其他 alone is no kind of applicant
        "全年共收到政府信息公开申请22件，其他申请3件。",
        # a sentence of its own: not clearly this year's applications
        "全年共收到政府信息公开申请22件。自然人申请17件。",
        # no received figure: whose applications these are is unclear
        "自然人申请占比较高，自然人申请30件。",
    ],
)
def test_applicants_that_agree_or_are_not_compared(overview: str) -> None:
    assert _n004(overview)[1] == []


@pytest.mark.parametrize(
    ("overview", "expected"),
    [
        (
            "全年共收到政府信息公开申请22件，其中自然人申请17件、法人或其他组织申请5件。",
            [
                (5, 4, "“商业企业”“科研机构”“社会公益组织”“法律服务机构”“其他”列"),
                (17, 18, "自然人"),
            ],
        ),
        (
            "本年度新收政府信息公开申请22件。其中，自然人18件，商业企业3件，科研机构0件，"
            "社会公益组织0件，法律服务机构0件，其他1件。",
            [(0, 1, "“法律服务机构”列"), (1, 0, "“其他”列")],
        ),
        (
            "共收到公民、法人和其他组织提出的政府信息公开申请22件，其中公民提出20件，"
            "法人和其他组织提出2件。",
            [(2, 4, "“其他”列"), (20, 18, "“自然人”列")],
        ),
        (  # shares given with the items
            "共受理政府信息公开申请22件，其中，自然人申请17件，占77.3%；法人或其他组织申请5件，占22.7%。",
            [(5, 4, "“其他”列"), (17, 18, "“自然人”列")],
        ),
        (  # the next sentence takes up the breakdown
            "全年共收到政府信息公开申请22件。从申请人类型看，自然人申请17件，法人或其他组织申请5件。",
            [(5, 4, "“其他”列"), (17, 18, "“自然人”列")],
        ),
        (  # neither 一 nor 一 + 二
            "全年共收到政府信息公开申请23件（含上年结转1件），其中自然人申请20件、法人或其他组织申请3件。",
            [(3, 4, "“其他”列"), (20, 18, "“自然人”列")],
        ),
    ],
)
def test_applicants_that_disagree_with_row_one(overview: str, expected: list) -> None:
    _, findings = _n004(overview)
    found = sorted((f.data["text_value"], f.data["table_value"], f.message) for f in findings)
    assert [(t, v) for t, v, _ in found] == [(t, v) for t, v, _ in expected]
    for (_, _, message), (_, _, column) in zip(found, expected, strict=True):
        assert "“一、本年新收政府信息公开申请数量”行" in message and column in message


# ---- 结转 in a part about applications ---------------------------------------------------------


@pytest.mark.parametrize(
    "overview",
    [
        # a sub-part about applications: the sentence need not say 公开申请
        "\n（二）依申请公开\n全年严格按照法定时限答复，结转下年度继续办理5件。",
        # a paragraph about applications, in a sentence after the one that names them
        "二是依申请公开办理规范。全年按时答复，结转下年度继续办理5件。",
        "在依申请公开工作中，全年办结21件。结转下年度继续办理5件。",
    ],
)
def test_carried_forward_in_a_part_about_applications(overview: str) -> None:
    finding = _only(_n004(overview)[1], "N004")
    assert finding.data == {"text_value": 5, "table_value": 2}
    assert "“四、结转下年度继续办理”行" in finding.message


@pytest.mark.parametrize(
    "overview",
    [
        "\n（二）依申请公开\n全年严格按照法定时限答复，结转下年度继续办理2件。",
        # other business the part also tells of
        "\n（二）依申请公开\n全年办结21件。另外，全年受理信访事项40件，结转下年度继续办理5件。",
        "二是依申请公开办理规范。全年共受理行政许可申请300件，办结298件，结转下年度继续办理5件。",
        # a figure that names what it counts, and that is not an application
        "二是依申请公开办理规范。全年办结群众诉求300件。",
        # the paragraph has turned to another topic
        "二是依申请公开办理规范。三是加强政府信息管理，年度清理工作结转下年度继续办理5件。",
        # no word of applications at all
        "做好人大建议和政协提案办理工作，结转下年度继续办理5件。",
    ],
)
def test_carried_forward_about_something_else(overview: str) -> None:
    assert _n004(overview)[1] == []


@pytest.mark.parametrize("form", ["pipe", "tabs", "flat", "flat-runs"])
def test_applicants_in_every_table_form(form: str) -> None:
    overview = "全年共收到政府信息公开申请22件，其中自然人申请17件、法人或其他组织申请4件。"
    finding = _only(_n004(overview, form=form)[1], "N004")
    assert finding.data == {"text_value": 17, "table_value": 18}


def test_the_tables_own_reason_is_no_other_business() -> None:
    results = {**DEFAULT_RESULTS, ("（五）不予处理", "1.信访举报投诉类申请"): [1, 0, 0, 0, 0, 0]}
    overview = "\n（二）依申请公开\n因属于信访举报投诉类申请不予处理1件，结转下年度继续办理5件。"
    finding = _only(_n004(overview, results)[1], "N004")
    assert finding.data == {"text_value": 5, "table_value": 2}
