"""S002–S007: the declared outline, heading numbers and style, empty parts, title, order."""

from __future__ import annotations

import pytest

from xxgk_lint.document import Document
from xxgk_lint.facts import split_parts, title_parts
from xxgk_lint.normalise import fold_width
from xxgk_lint.source import Source

from .conftest import codes_of, lint_text

TITLE = "某某市统计局2023年政府信息公开工作年度报告\n"
SIX = (
    "一、总体情况\n本年度，我局……\n二、主动公开政府信息情况\n本年度主动公开……\n"
    "三、收到和处理政府信息公开申请情况\n本年度收到……\n四、政府信息公开行政复议、行政诉讼情况\n"
    "本年度未发生……\n五、存在的主要问题及改进情况\n信息更新不够及时，下一步将建立定期检查制度。\n"
    "六、其他需要报告的事项\n本年度未收取信息处理费。\n"
)


def one(findings, code: str):
    (found,) = [f for f in findings if f.code == code]
    return found


# --- S002 outline-mismatch ------------------------------------------------------------------


def test_s002_declared_count_differs() -> None:
    text = TITLE + (
        "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况三个部分组成。\n"
        "一、总体情况\n正文。\n二、主动公开政府信息情况\n正文。\n"
    )
    f = one(lint_text(text, "S002"), "S002")
    assert (f.line, f.column) == (2, 1)
    assert f.data["declared"] == {
        "count": 3,
        "parts": ["总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况"],
    }
    assert f.data["actual"] == {"count": 2, "parts": ["总体情况", "主动公开政府信息情况"]}


def test_s002_traditional_declaration_with_chinese_numeral() -> None:
    text = TITLE + (
        "本報告由總體情況、主動公開政府信息情況三個部分組成。\n"
        "一、總體情況\n正文。\n二、主動公開政府信息情況\n正文。\n"
    )
    f = one(lint_text(text, "S002"), "S002")
    assert f.data["declared"]["count"] == 3
    assert f.data["actual"]["parts"] == ["总体情况", "主动公开政府信息情况"]


def test_s002_declared_part_without_heading() -> None:
    text = TITLE + (
        "本报告由总体情况、重点领域信息公开、主动公开政府信息情况组成。\n"
        "一、总体情况\n正文。\n二、主动公开政府信息情况\n正文。\n"
    )
    f = one(lint_text(text, "S002"), "S002")
    assert "重点领域信息公开" in f.message
    assert f.data["declared"]["count"] is None


def test_s002_heading_not_declared() -> None:
    text = TITLE + (
        "本报告由总体情况、主动公开政府信息情况组成。\n"
        "一、总体情况\n正文。\n二、主动公开政府信息情况\n正文。\n三、政务服务平台建设\n正文。\n"
    )
    assert "政务服务平台建设" in one(lint_text(text, "S002"), "S002").message


@pytest.mark.parametrize(
    "declaration",
    [
        "全文包括总体情况、政府信息主动公开情况、依申请公开办理情况、复议诉讼情况、存在的不足及改进措施和其他事项六个方面。",
        "报告全文由概述，主动公开政府信息情况，收到和处理政府信息公开申请情况，因政府信息公开工作被申请行政复议和提起行政诉讼情况，"
        "政府信息公开工作存在的主要问题及改进情况，以及其他需要报告的事项6个部分组成。",
        "本报告分为以下六个部分：总体情况；主动公开政府信息情况；收到和处理政府信息公开申请情况；"
        "政府信息公开行政复议、行政诉讼情况；存在的主要问题及改进情况；其他需要报告的事项。",
        "本報告由總體情況、主動公開政府信息情況、收到和處理政府信息公開申請情況、行政復議和行政訴訟情況、"
        "存在的主要問題及改進情況、其他需要報告的事項組成。",
    ],
    ids=["six-aspects", "half-width-commas", "count-first", "traditional"],
)
def test_s002_names_match_by_meaning(declaration: str) -> None:
    assert lint_text(TITLE + declaration + "\n" + SIX, "S002") == []


def test_s002_non_statutory_parts_match_by_stem() -> None:
    text = TITLE + (
        "本报告由工作概况、重点领域公开情况、政策解读和回应关切情况组成。\n"
        "一、工作概况\n正文。\n二、重点领域信息公开工作情况\n正文。\n三、政策解读和回应社会关切工作\n正文。\n"
    )
    assert lint_text(text, "S002") == []


def test_s002_quiet_without_a_declaration() -> None:
    assert lint_text(TITLE + SIX, "S002") == []
    text = TITLE + "本报告由某某市统计局办公室编制，由各科室提供数据。\n" + SIX
    assert lint_text(text, "S002") == []


def test_s002_an_annex_is_not_a_part() -> None:
    declaration = "本报告由总体情况、主动公开政府信息情况两个部分组成。\n"
    parts = "一、总体情况\n正文。\n二、主动公开政府信息情况\n正文。\n"
    for annex in ("三、附件\n统计表（略）\n", "三、附表：政府信息公开情况统计表\n| 规章 | 0 |\n"):
        assert lint_text(TITLE + declaration + parts + annex, "S002") == []
    other = TITLE + declaration + parts + "三、重点领域信息公开\n正文。\n"
    assert one(lint_text(other, "S002"), "S002").data["actual"]["count"] == 3


def test_s002_counts_unnumbered_part_headings() -> None:
    text = TITLE + (
        "本报告由总体情况、主动公开政府信息情况两个部分组成。\n"
        "总体情况\n本局全年推进各项公开工作。\n主动公开政府信息情况\n（一）公开数量\n全年公开信息85条。\n"
    )
    assert lint_text(text, "S002") == []
    f = one(lint_text(text.replace("两个", "三个"), "S002"), "S002")
    assert f.data["actual"] == {"count": 2, "parts": ["总体情况", "主动公开政府信息情况"]}


def test_declared_list_splitting() -> None:
    assert split_parts("收到和处理政府信息公开申请情况、存在的主要问题及改进措施和其他情况") == [
        "收到和处理政府信息公开申请情况",
        "存在的主要问题及改进措施",
        "其他情况",
    ]
    assert split_parts("信息公开相关举报,复议、诉讼情况,其他事项") == [
        "信息公开相关举报",
        "复议、诉讼情况",
        "其他事项",
    ]


# --- S003 heading-sequence ------------------------------------------------------------------


def test_s003_skip() -> None:
    text = (
        TITLE
        + "一、总体情况\n正文。\n二、主动公开\n正文。\n四、行政复议\n正文。\n五、其他\n正文。\n"
    )
    f = one(lint_text(text, "S003"), "S003")
    assert (f.line, f.column, f.end_line, f.end_column) == (6, 1, 6, 3)
    assert f.data == {"expected": 3, "found": 4}
    assert "三、" in f.message


def test_s003_restart_at_the_top_level_reports_once() -> None:
    parts = "".join(f"{n}、第{n}部分\n正文。\n" for n in "一二三四五六")
    text = TITLE + parts + "一、进一步加强学习\n二、进一步规范公开\n三、进一步改进服务\n"
    f = one(lint_text(text, "S003"), "S003")
    assert (f.line, f.data) == (14, {"expected": 7, "found": 1})


def test_s003_repeat_traditional_and_full_width() -> None:
    text = (
        TITLE
        + "一、總體情況\n（一）組織領導\n正文。\n（二）制度建設\n正文。\n（二）平臺建設\n正文。\n"
    )
    f = one(lint_text(text, "S003"), "S003")
    assert (f.line, f.column, f.data) == (7, 1, {"expected": 3, "found": 2})


def test_s003_repeat_half_width_brackets() -> None:
    text = (
        TITLE + "一、总体情况\n(一)组织领导\n正文。\n(二)制度建设\n正文。\n(二)平台建设\n正文。\n"
    )
    f = one(lint_text(text, "S003"), "S003")
    assert (f.line, f.column, f.end_column, f.data) == (7, 1, 4, {"expected": 3, "found": 2})


def test_s003_skip_full_width_digits() -> None:
    text = TITLE + "１．甲\n正文。\n２．乙\n正文。\n４．丙\n正文。\n"
    f = one(lint_text(text, "S003"), "S003")
    assert (f.line, f.column, f.end_column, f.data) == (6, 1, 3, {"expected": 3, "found": 4})
    assert "应为“３．”，实为“４．”" in f.message  # the expected marker in the heading's digits


def test_s003_backwards_and_only_the_first_break() -> None:
    text = TITLE + "1.甲\n正文。\n2.乙\n正文。\n4.丙\n正文。\n3.丁\n正文。\n7.戊\n正文。\n"
    f = one(lint_text(text, "S003"), "S003")
    assert (f.line, f.data) == (6, {"expected": 3, "found": 4})


def test_s003_list_may_not_start_past_one() -> None:
    text = TITLE + "一、总体情况\n（二）组织领导\n正文。\n（三）制度建设\n正文。\n"
    assert one(lint_text(text, "S003"), "S003").data == {"expected": 1, "found": 2}


@pytest.mark.parametrize(
    "body",
    [
        # restart under a new parent
        "一、总体情况\n（一）甲\n正文。\n（二）乙\n正文。\n二、主动公开\n（一）丙\n正文。\n（二）丁\n正文。\n",
        # items numbered on across their parents
        "一、总体情况\n（一）甲\n1.子一\n2.子二\n（二）乙\n3.子三\n4.子四\n二、主动公开\n正文。\n",
        # a lead-in line opens a second list
        "一、存在的主要问题及改进情况\n存在问题：\n1.甲\n2.乙\n改进措施：\n1.丙\n2.丁\n",
        # the first item runs on in the line above
        "一、总体情况\n主要措施有：（1）加强组织领导；\n（2）完善工作制度；\n（3）强化督促检查。\n",
        # 1、 and 1. share one sequence (S004's business)
        "一、总体情况\n1、甲\n正文。\n2.乙\n正文。\n3、丙\n正文。\n",
        # flattened format table rows are not headings
        "一、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\n5\n"
        "二、上年结转政府信息公开申请数量\n0\n二、政府信息公开行政复议、行政诉讼情况\n正文。\n",
    ],
    ids=["new-parent", "cousins", "lead-in", "run-on-item", "mixed-separators", "format-table"],
)
def test_s003_quiet(body: str) -> None:
    assert lint_text(TITLE + body, "S003") == []


# --- S004 heading-style ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "found", "suggested"),
    [
        ("(四)、以政务公开助力防风险", "(四)、", "（四）"),
        ("（四）、以政務公開助力防風險", "（四）、", "（四）"),
        ("一.总体情况", "一.", "一、"),
        ("一：总体情况", "一:", "一、"),
        ("一 总体情况", "一", "一、"),
    ],
)
def test_s004_malformed(line: str, found: str, suggested: str) -> None:
    text = TITLE + f"\u3000\u3000{line}\n正文。\n"
    f = one(lint_text(text, "S004"), "S004")
    assert f.data == {"found": line[: len(found)]}
    assert (f.line, f.column, f.end_column) == (2, 3, 3 + len(found))
    assert suggested in f.message


def test_s004_brackets_mixed_in_one_report() -> None:
    text = TITLE + "一、总体情况\n（一）甲\n正文。\n（二）乙\n正文。\n(三)丙\n正文。\n"
    f = one(lint_text(text, "S004"), "S004")
    assert (f.line, f.column, f.data) == (7, 1, {"found": "(三)"})
    assert "（三）" in f.message


def test_s004_arabic_separators_mixed() -> None:
    text = TITLE + "一、总体情况\n1、甲\n正文。\n2、乙\n正文。\n3.丙\n正文。\n"
    f = one(lint_text(text, "S004"), "S004")
    assert (f.line, f.data) == (7, {"found": "3."})


@pytest.mark.parametrize(
    "body",
    [
        "一、总体情况\n（一）甲\n1.子\n（1）孙\n①曾孙\n正文。\n",
        "一、总体情况\n(一)甲\n1、子\n(1)孙\n正文。\n",
        "一、总体情况\n（一）甲\n１．子\n正文。\n２．子\n正文。\n",
    ],
    ids=["full-width", "half-width", "full-width-digits"],
)
def test_s004_quiet(body: str) -> None:
    assert lint_text(TITLE + body, "S004") == []


UNNUMBERED_THIRD = TITLE + (
    "一、总体情况\n本年度，我局……\n二、主动公开政府信息情况\n本年度主动公开……\n"
    "收到和处理政府信息公开申请情况\n本年度收到申请6件，均已答复。\n"
    "四、政府信息公开行政复议、行政诉讼情况\n本年度未发生……\n"
)


def test_s004_unnumbered_heading_among_numbered_siblings() -> None:
    f = one(lint_text(UNNUMBERED_THIRD, "S003", "S004"), "S004")
    assert (f.line, f.column, f.end_column) == (6, 1, 16)
    assert f.data == {"found": ""}
    assert "应为“三、收到和处理政府信息公开申请情况”" in f.message


def test_s004_unnumbered_heading_follows_the_siblings_marker_style() -> None:
    text = UNNUMBERED_THIRD.replace("一、", "1.").replace("二、", "2.").replace("四、", "4.")
    assert "“3.收到和处理" in one(lint_text(text, "S004"), "S004").message


def test_s003_an_unnumbered_sibling_takes_its_number() -> None:
    """一、二、[unnumbered]四、: the missing number is the unnumbered heading's (S004), not a
    skip at 四、; a real skip after it still breaks the sequence."""
    assert lint_text(UNNUMBERED_THIRD, "S003") == []
    text = UNNUMBERED_THIRD + "六、其他需要报告的事项\n无。\n"
    assert one(lint_text(text, "S003"), "S003").data == {"expected": 5, "found": 6}


def test_s003_s004_quiet_when_every_part_is_unnumbered() -> None:
    text = TITLE + (
        "总体情况\n本局全年推进各项公开工作。\n主动公开政府信息情况\n（一）公开数量\n全年公开信息85条。\n"
        "（二）公开形式\n以门户网站为主。\n其他需要报告的事项\n无。\n"
    )
    assert lint_text(text, "S003", "S004", "S005") == []


# --- S005 empty-section ---------------------------------------------------------------------


def test_s005_heading_followed_by_its_sibling() -> None:
    text = TITLE + "四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n正文。\n"
    f = one(lint_text(text, "S005"), "S005")
    assert (f.line, f.column, f.end_line, f.end_column) == (2, 1, 2, 20)
    assert f.data == {"section": "review_litigation"}


def test_s005_last_heading_before_the_signature() -> None:
    text = TITLE + "一、总体情况\n正文。\n（一）组织建设\n\n某某市统计局\n2024年1月10日\n"
    f = one(lint_text(text, "S005"), "S005")
    assert (f.line, f.data) == (4, {})


def test_s005_traditional() -> None:
    text = TITLE + "五、存在的主要問題及改進情況\n六、其他需要報告的事項\n無。\n"
    assert one(lint_text(text, "S005"), "S005").data == {"section": "problems"}


def test_s005_full_width_digit_headings() -> None:
    f = one(lint_text(TITLE + "１．甲\n２．乙\n正文\n", "S005"), "S005")
    assert (f.line, f.column, f.end_column) == (2, 1, 4)
    assert "甲" in f.message


@pytest.mark.parametrize(
    "body",
    [
        "（一）主动公开情况。本年度主动公开信息120条。\n（二）依申请公开\n正文。\n",
        "一、总体情况\n（一）甲\n正文。\n二、主动公开\n| 规章 | 0 | 1 |\n",
        "1、部分科室对主动公开范围把握不准，更新信息不够及时。\n2、公开形式较为单一。\n正文。\n",
        "一、总体情况\n正文。\n二、下一步工作打算：\n一、进一步加强业务学习，提高工作人员的政策水平。\n"
        "二、进一步规范公开流程，确保信息发布及时准确。\n",
    ],
    ids=["run-in", "children-and-table", "sentence-items", "mis-numbered-items"],
)
def test_s005_quiet(body: str) -> None:
    assert lint_text(TITLE + body, "S005") == []


@pytest.mark.parametrize(
    "body",
    [
        "三、收到和处理政府信息公开申请情况\n全年收到申请40件，其中：\n1.当面申请9件；\n"
        "2.网上申请25件；\n3.信函申请6件。\n",
        "三、收到和处理政府信息公开申请情况\n全年收到申请40件，其中：\n1.当面申请9件\n"
        "2.网上申请25件\n3.信函申请6件\n四、其他需要报告的事项\n无。\n",
        "二、主动公开政府信息情况\n按类别分：\n（1）机构职能类15条；\n（2）政策文件类30条；\n",
        "五、存在的主要问题及改进情况\n（一）存在的主要问题\n1.个别科室更新信息不够及时；\n"
        "2.解读材料形式比较单一。\n（二）改进措施\n1.每季度通报栏目更新情况；\n2.增加图表解读。\n",
        "1.网站栏目维护不及时\n2.解读形式单一。\n",
    ],
    ids=["semicolons", "counts-without-punctuation", "bracketed", "problem-lists", "run-ends"],
)
def test_s005_quiet_on_list_items(body: str) -> None:
    assert lint_text(TITLE + body, "S005") == []


@pytest.mark.parametrize(
    ("body", "title"),
    [
        ("（一）主动公开内容\n（二）主动公开方式\n本年度主动公开信息120条。\n", "主动公开内容"),
        ("六、其他需要报告的事项。\n", "其他需要报告的事项"),
        (
            "存在的主要问题及改进情况\n其他需要报告的事项\n无。\n",
            "存在的主要问题及改进情况",
        ),
    ],
    ids=["bare-sub-headings", "top-level-part-with-full-stop", "unnumbered-part"],
)
def test_s005_real_empty_headings_still_fire(body: str, title: str) -> None:
    found = lint_text(TITLE + "一、总体情况\n本局全年推进各项公开工作。\n" + body, "S005")
    assert title in one(found, "S005").message


# --- S006 missing-title ---------------------------------------------------------------------


def test_s006_no_title_line() -> None:
    text = "根据《中华人民共和国政府信息公开条例》规定，现公布2023年度报告。\n" + SIX
    f = one(lint_text(text, "S006"), "S006")
    assert (f.line, f.column) == (1, 1)


@pytest.mark.parametrize(
    ("title", "missing"),
    [
        ("2023年政府信息公开工作年度报告", "发布机关"),
        ("某某市统计局政府信息公开工作年度报告", "年度"),
        ("某某市统计局2023年政务公开工作总结", "政府信息公开工作年度报告"),
    ],
)
def test_s006_incomplete_title(title: str, missing: str) -> None:
    f = one(lint_text(f"\u3000{title}\n" + SIX, "S006"), "S006")
    assert (f.line, f.column, f.end_column) == (1, 2, 2 + len(title))
    assert missing in f.message


@pytest.mark.parametrize(
    "title",
    [
        "某某市统计局2023年政府信息公开工作年度报告",
        "某某市統計局2023年政府信息公開工作年度報告",
        "某某市統計局２０２３年政府信息公開工作年度報告",
        "某某市统计局 2023 年 政府信息公开 工作年度报告",
        "某某县人民政府\n2023年政府信息公开工作年度报告",
        "关于2023年度某某市统计局政府信息公开工作年度报告",
        "2023年某某区人民政府信息公开工作年度报告",
        "某某市统计局二〇二三年政府信息公开年报",
        "首页 > 政府信息公开 > 年度报告\n某某镇人民政府2023年政府信息公开年度报告",
        "某某市统计局政府信息公开工作年度报告\n（2023年度）",
    ],
)
def test_s006_quiet(title: str) -> None:
    assert lint_text(f"{title}\n" + SIX, "S006") == []


def test_title_parts() -> None:
    parts = title_parts("2023年某某区人民政府信息公开工作年度报告")
    assert (parts.issuer, parts.year, parts.name) == (
        "某某区人民政府",
        2023,
        "政府信息公开工作年度报告",
    )


# --- S007 section-order ---------------------------------------------------------------------

SWAPPED = (
    "一、总体情况\n正文。\n二、收到和处理政府信息公开申请情况\n正文。\n三、主动公开政府信息情况\n正文。\n"
    "四、政府信息公开行政复议、行政诉讼情况\n正文。\n五、存在的主要问题及改进情况\n正文。\n"
    "六、其他需要报告的事项\n正文。\n"
)


def test_s007_swapped_parts() -> None:
    f = one(lint_text(TITLE + SWAPPED, "S007"), "S007")
    assert (f.line, f.column, f.end_column) == (6, 1, 13)
    assert f.data == {"section": "active"}
    assert "收到和处理" in f.message


def test_s007_swapped_parts_half_width_dots_and_indented() -> None:
    # 一. headings (S004's business) indented with full-width spaces are still the parts
    body = "".join(
        f"\u3000\u3000{line.replace('、', '.', 1)}\n" if line[1:2] == "、" else f"{line}\n"
        for line in SWAPPED.splitlines()
    )
    assert body.startswith("\u3000\u3000一.总体情况\n正文。\n\u3000\u3000二.收到和处理")
    f = one(lint_text(TITLE + body, "S007"), "S007")
    assert (f.line, f.column, f.end_column) == (6, 3, 15)
    assert f.data == {"section": "active"}


def test_s007_one_part_moved_to_the_front_traditional() -> None:
    text = (
        TITLE
        + "一、其他需要報告的事項\n正文。\n"
        + "".join(
            f"{n}、{t}\n正文。\n"
            for n, t in zip(
                "二三四五六",
                [
                    "總體情況",
                    "主動公開政府信息情況",
                    "收到和處理政府信息公開申請情況",
                    "行政復議、行政訴訟情況",
                    "存在的主要問題及改進情況",
                ],
                strict=True,
            )
        )
    )
    f = one(lint_text(text, "S007"), "S007")
    assert (f.line, f.data) == (2, {"section": "other"})


def test_s007_quiet_in_order_and_for_the_2007_edition() -> None:
    assert lint_text(TITLE + SIX, "S007") == []
    assert lint_text(TITLE.replace("2023", "2017") + SWAPPED, "S007") == []


def test_s007_a_combined_heading_is_in_order() -> None:
    text = TITLE + SIX.replace(
        "五、存在的主要问题及改进情况\n信息更新不够及时，下一步将建立定期检查制度。\n"
        "六、其他需要报告的事项\n本年度未收取信息处理费。\n",
        "五、存在的主要问题、改进情况及其他需要报告的事项\n信息更新不够及时，下一步将建立定期检查"
        "制度。本年度未收取信息处理费。\n",
    )
    assert lint_text(text, "S001", "S007", "S008") == []


def test_structure_rules_quiet_on_a_clean_report() -> None:
    assert codes_of(lint_text(TITLE + SIX, "S002", "S003", "S004", "S005", "S006", "S007")) == []


# --- S001/S008 and the assessment part ------------------------------------------------------


def test_assessment_under_the_overview_is_in_its_place() -> None:
    """A government's 工作考核、社会评议和责任追究 may sit inside 总体情况 (2021 format)."""
    government = "某某县人民政府2023年政府信息公开工作年度报告\n"
    overview = (
        "一、总体情况\n（一）主动公开\n正文。\n"
        "（二）监督保障\n本年度开展社会评议2次，未发生责任追究。\n"
    )
    text = government + overview + SIX.split("\n", 2)[2]
    assert lint_text(text, "S001", "S008") == []
    text = government + SIX + "七、附件说明\n本年度开展社会评议2次。\n"
    (f,) = lint_text(text, "S001", "S008")
    assert (f.code, f.data["section"], f.line) == ("S008", "assessment", 15)


def test_part_named_only_in_the_declaration_is_missing_not_inline() -> None:
    text = TITLE + (
        "本报告由总体情况、主动公开政府信息情况和其他需要报告的事项三个部分组成。\n"
        + SIX.split("六、")[0]
    )
    (f,) = lint_text(text, "S001", "S008")
    assert (f.code, f.data) == ("S001", {"section": "other"})


# --- real-life variants: spaced numbers, annexes, second lists, declarations, titles ---------


def test_a_number_and_a_full_width_space_head_a_part_with_a_list_title() -> None:
    text = TITLE + SIX.replace("四、政府信息公开行政复议", "四　政府信息公开行政复议")
    (f,) = lint_text(text, "S001", "S003", "S004", "S005", "S008")
    assert (f.code, f.data, f.line) == ("S004", {"found": "四"}, 8)
    assert "应为“四、”" in f.message


def test_s003_an_annex_numbers_its_own_headings() -> None:
    annex = "附件：2023年政府信息公开情况统计表\n一、主动公开情况\n| 主动公开信息数 | 条 | 64 |\n"
    assert lint_text(TITLE + SIX + annex, "S003", "S005") == []
    restart = "一、进一步加强学习\n正文。\n"
    assert codes_of(lint_text(TITLE + SIX + restart, "S003")) == ["S003"]


def test_s005_an_annex_line_is_not_the_last_parts_content() -> None:
    text = TITLE + SIX.replace("本年度未收取信息处理费。\n", "") + "附件：1.政府信息公开统计表\n"
    assert one(lint_text(text, "S005"), "S005").data == {"section": "other"}


def test_s003_text_between_two_lists_of_items_opens_the_second() -> None:
    body = (
        "一、存在的主要问题及改进情况\n存在的问题主要有\n1.信息更新不够及时。\n2.解读不足。\n"
        "下一步，我局将从以下方面改进\n1.加强队伍建设。\n2.提高公开质量。\n"
    )
    assert lint_text(TITLE + body, "S003") == []
    headings = (
        "一、存在的主要问题及改进情况\n1.加强队伍建设\n全年培训2次。\n1.提高公开质量\n正文。\n"
    )
    assert one(lint_text(TITLE + headings, "S003"), "S003").data == {"expected": 2, "found": 1}


@pytest.mark.parametrize(
    "declaration",
    [
        "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政"
        "复议行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项以及附表组成。",
        "本年度报告内容包括：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请"
        "情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报"
        "告的事项。",
    ],
    ids=["annex", "numbered-list"],
)
def test_s002_quiet_on_an_annex_or_the_lists_own_numbers(declaration: str) -> None:
    assert lint_text(TITLE + declaration + "\n" + SIX, "S002") == []
    short = declaration.replace("六、其他需要报告的事项", "").replace("、其他需要报告的事项", "")
    assert codes_of(lint_text(TITLE + short + "\n" + SIX, "S002")) == ["S002"]


@pytest.mark.parametrize(
    "front",
    [
        "某某市统计局2023年政府信息公开工作年度报告。\n",
        "政府信息公开年报\n" + TITLE,
        "某 某 市 统 计 局 2 0 2 3 年 政 府 信 息 公 开 工 作 年 度 报 告\n",
    ],
    ids=["full-stop", "column-name-above", "spaced-out"],
)
def test_s006_quiet_on_titles_as_copies_leave_them(front: str) -> None:
    assert lint_text(front + SIX, "S006") == []


def test_s006_a_sentence_naming_the_report_is_no_title() -> None:
    text = "现将本局2023年政府信息公开工作年度报告公布如下。\n" + SIX
    assert codes_of(lint_text(text, "S006")) == ["S006"]


def test_s003_quiet_on_a_line_opening_with_two_months() -> None:
    text = TITLE + SIX.replace(
        "本年度，我局……\n", "本年度，我局……\n3、4月份，组织开展业务培训2次。\n"
    )
    assert lint_text(text, "S003") == []


@pytest.mark.parametrize("line", ["六、其他需要报告的事项　无。", "六、其他需要报告的事项（无）"])
def test_s005_quiet_on_a_statement_set_off_by_a_gap(line: str) -> None:
    text = TITLE + SIX.replace("六、其他需要报告的事项\n本年度未收取信息处理费。\n", line + "\n")
    assert lint_text(text, "S005") == []
    assert codes_of(lint_text(TITLE + "六、其他 需要报告的事项。\n", "S005")) == ["S005"]


def test_s005_quiet_on_a_part_pointing_at_its_annex() -> None:
    text = TITLE + SIX.replace("本年度主动公开……\n", "附件1：主动公开政府信息情况统计表\n")
    assert lint_text(text, "S005") == []


# --- titles, declared lists and numbering written in other ways ----------------------------


@pytest.mark.parametrize(
    ("title", "issuer", "year"),
    [
        ("青石镇人民政府政府信息公开工作2023年度报告", "青石镇人民政府", 2023),
        ("某某县人民政府2023年度政府信息公开工作年度报告", "某某县人民政府", 2023),
        ("2023年某某市财政局政府信息公开工作年度报告", "某某市财政局", 2023),
        ("某某局关于2023年政府信息公开工作年度报告", "某某局", 2023),
        ("某某市水务局政府信息公开工作年度报告（2023）", "某某市水务局", 2023),
        ("东岭大学2013-2014学年信息公开工作年度报告", "东岭大学", 2013),
        ("政府信息公开工作年度报告（2023年）", None, 2023),
        ("政府信息公开工作年度报告(2023年度)", None, 2023),
        # a notice transmitting a report names the body whose report it is, when it does
        (
            "某某区人民政府办公室关于印发2023年度政府信息公开工作年度报告的通知",
            "某某区人民政府办公室",
            2023,
        ),
        (
            "某某区人民政府办公室关于印发某某区人民政府2023年政府信息公开工作年度报告的通知",
            "某某区人民政府",
            2023,
        ),
    ],
)
def test_title_parts_wherever_the_year_stands(title: str, issuer: str | None, year: int) -> None:
    parts = title_parts(fold_width(title))  # as normalised: （2023） reads (2023)
    assert (parts.issuer, parts.year) == (issuer, year)
    assert parts.name is not None


@pytest.mark.parametrize(
    "title",
    [
        "青石镇人民政府政府信息公开工作2023年度报告",
        "某某县人民政府2023年度政府信息公开工作年度报告",
        "2023年某某市财政局政府信息公开工作年度报告",
        "某某局关于2023年政府信息公开工作年度报告",
        "某某区人民政府办公室关于印发2023年度政府信息公开工作年度报告的通知",
        "某某市水务局政府信息公开工作年度报告（2023）",
        "某某县人民政府办公室\n关于2023年政府信息公开工作年度报告",
        "某某县人民政府2023年度\n政府信息公开工作年度报告",
    ],
)
def test_s006_quiet_on_titles_written_in_other_orders(title: str) -> None:
    assert lint_text(f"{title}\n" + SIX, "S006") == []


@pytest.mark.parametrize(
    ("title", "missing"),
    [
        ("政府信息公开工作年度报告（2023年）", "发布机关"),
        ("政府信息公开工作年度报告\n（2023年度）", "发布机关"),
        ("青石镇人民政府政务公开工作2023年度总结", "政府信息公开工作年度报告"),
        ("青石镇人民政府政府信息公开工作年度报告（第一版）", "年度"),
    ],
)
def test_s006_fires_on_a_part_missing_wherever_the_rest_stands(title: str, missing: str) -> None:
    f = one(lint_text(f"{title}\n" + SIX, "S006"), "S006")
    assert missing in f.message


def test_title_year_in_brackets_is_the_report_year() -> None:
    doc = Document(Source("r.txt", "某某市水务局政府信息公开工作年度报告（2023）\n" + SIX))
    assert (doc.facts.year, doc.facts.year_source, doc.facts.issuer) == (
        2023,
        "title",
        "某某市水务局",
    )


NUMBERED_DECLARATION = (
    "本报告包括：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；"
    "四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。\n"
)


@pytest.mark.parametrize(
    "listed",
    [
        "一、总体情况；二、主动公开政府信息情况；以及三、其他需要报告的事项",
        "（一）总体情况（二）主动公开政府信息情况（三）其他需要报告的事项",
        ":1.总体情况,2.主动公开政府信息情况和3.其他需要报告的事项",
    ],
)
def test_a_declared_list_numbering_its_items(listed: str) -> None:
    assert split_parts(fold_width(listed)) == [
        "总体情况",
        "主动公开政府信息情况",
        "其他需要报告的事项",
    ]


def test_s002_numbered_declaration_gives_clean_names() -> None:
    text = TITLE + NUMBERED_DECLARATION + SIX
    assert lint_text(text, "S002") == []
    (f,) = lint_text(text.replace("六、其他需要报告的事项\n本年度未收取信息处理费。\n", ""), "S002")
    assert f.data["declared"]["parts"][0] == "总体情况"
    assert f.data["declared"]["parts"][3] == "政府信息公开行政复议、行政诉讼情况"
    assert "其他需要报告的事项" in f.message


def test_s003_s004_half_bracket_items() -> None:
    base = TITLE + "一、总体情况\n（一）主动公开\n1）规章\n正文。\n2）规范性文件\n正文。\n"
    assert lint_text(base + "3）行政许可\n正文。\n", "S003", "S004", "S005") == []
    skip = one(lint_text(base + "4）行政许可\n正文。\n", "S003"), "S003")
    assert (skip.line, skip.data) == (8, {"expected": 3, "found": 4})
    mixed = one(lint_text(base + "3)行政许可\n正文。\n", "S004"), "S004")
    assert (mixed.line, mixed.data) == (8, {"found": "3)"})
    assert "3）" in mixed.message
    malformed = one(lint_text(base + "3）、行政许可\n正文。\n", "S004"), "S004")
    assert malformed.data == {"found": "3）、"}


def test_s003_s005_headings_whose_titles_stand_on_the_next_line() -> None:
    lone = TITLE + (
        "一、\n总体情况\n正文。\n二、\n主动公开政府信息情况\n正文。\n"
        "三、\n其他需要报告的事项\n无。\n"
    )
    assert lint_text(lone, "S003", "S004", "S005") == []
    empty = lone.replace("总体情况\n正文。\n", "总体情况\n")
    f = one(lint_text(empty, "S005"), "S005")
    assert (f.line, f.column, f.end_line, f.end_column) == (2, 1, 3, 5)
    skip = one(lint_text(lone.replace("三、\n", "四、\n"), "S003"), "S003")
    assert (skip.line, skip.data) == (8, {"expected": 3, "found": 4})
