"""S001 missing-section and S008 section-not-headed, in both editions."""

from __future__ import annotations

import io

import docx
import pytest

from xxgk_lint.check import select_checks
from xxgk_lint.engine import lint_source
from xxgk_lint.formats import load_bytes
from xxgk_lint.sectionkeys import heading_key, heading_keys
from xxgk_lint.settings import Settings

from .conftest import lint_text

PERIOD = "本报告所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。\n"


def sections(findings, code: str) -> set[str]:
    return {f.data["section"] for f in findings if f.code == code}


REPORT_2007 = (
    "某市司法局2016年政府信息公开工作年度报告\n"
    + PERIOD.format(y=2016)
    + "一、主动公开政府信息情况\n全年主动公开信息320条。\n"
    "二、依申请公开政府信息情况\n全年受理申请9件，均按期答复。\n"
    "三、政府信息公开收费及减免情况\n本年度未收取任何费用。\n"
    "四、因政府信息公开申请行政复议、提起行政诉讼情况\n本年度未发生行政复议和行政诉讼。\n"
    "五、存在的主要问题及改进措施\n信息更新不够及时，下一步将建立更新通报制度加以改进。\n"
    "六、其他需要报告的事项\n无。\n"
)


def test_complete_2007_report_has_every_part() -> None:
    assert lint_text(REPORT_2007, "S001", "S008") == []


def test_missing_part_is_s001_and_other_is_only_a_warning() -> None:
    text = REPORT_2007.replace("三、政府信息公开收费及减免情况\n本年度未收取任何费用。\n", "")
    text = text.replace("六、其他需要报告的事项\n无。\n", "")
    found = lint_text(text, "S001")
    assert sections(found, "S001") == {"fees", "other"}
    severities = {f.data["section"]: f.severity.value for f in found}
    assert severities == {"fees": "error", "other": "warning"}
    assert all((f.line, f.column) == (1, 1) for f in found)


def test_inline_content_is_s008_not_s001() -> None:
    text = REPORT_2007.replace(
        "三、政府信息公开收费及减免情况\n本年度未收取任何费用。\n", ""
    ).replace(
        "全年受理申请9件，均按期答复。", "全年受理申请9件，均按期答复，办理中未收取任何费用。"
    )
    found = lint_text(text, "S001", "S008")
    assert sections(found, "S001") == set()
    [inline] = [f for f in found if f.code == "S008"]
    assert inline.data == {"section": "fees", "found_line": 6}
    assert inline.line == 6
    assert text.splitlines()[5][inline.column - 1 : inline.end_column - 1] == "未收取任何费用"


def test_unrelated_keyword_is_not_content() -> None:
    text = REPORT_2007.replace(
        "三、政府信息公开收费及减免情况\n本年度未收取任何费用。\n", ""
    ).replace(
        "全年主动公开信息320条。", "全年主动公开信息320条，包括医疗服务价格和收费标准等信息。"
    )
    assert sections(lint_text(text, "S001"), "S001") == {"fees"}


def test_headings_match_by_meaning_in_traditional_characters() -> None:
    text = (
        REPORT_2007.replace(
            "四、因政府信息公开申请行政复议、提起行政诉讼情况", "四、行政訴訟(復議)情況"
        )
        .replace("五、存在的主要问题及改进措施", "五、存在不足及下步打算")
        .replace("二、依申请公开政府信息情况", "二、政府信息依申請公開辦理情況")
    )
    assert lint_text(text, "S001", "S008") == []


REPORT_2021 = (
    "某区人民政府办公室2022年政府信息公开工作年度报告\n"
    + PERIOD.format(y=2022)
    + "一、总体情况\n本机关认真落实条例，全年工作有序推进。\n"
    "二、主动公开政府信息情况\n全年主动公开信息560条。\n"
    "三、收到和处理政府信息公开申请情况\n全年新收申请21件。\n"
    "四、政府信息公开行政复议、行政诉讼情况\n无。\n"
    "五、存在的主要问题及改进情况\n公开栏目维护不及时，将落实专人每周检查。\n"
    "六、其他需要报告的事项\n本年度未收取信息处理费。\n"
)


def test_2021_edition_requires_the_overview() -> None:
    assert lint_text(REPORT_2021, "S001", "S008") == []
    text = REPORT_2021.replace("一、总体情况\n本机关认真落实条例，全年工作有序推进。\n", "")
    assert sections(lint_text(text, "S001"), "S001") == {"overview"}


def test_2021_edition_counts_a_sub_heading_as_inline_only() -> None:
    text = REPORT_2021.replace(
        "三、收到和处理政府信息公开申请情况\n全年新收申请21件。\n", ""
    ).replace(
        "一、总体情况\n本机关认真落实条例，全年工作有序推进。\n",
        "一、总体情况\n（一）依申请公开\n全年新收申请21件。\n",
    )
    found = lint_text(text, "S001", "S008")
    assert [(f.code, f.data["section"]) for f in found] == [("S008", "application")]


def test_government_report_needs_assessment_content() -> None:
    text = REPORT_2021.replace("某区人民政府办公室", "某区人民政府")
    assert sections(lint_text(text, "S001"), "S001") == {"assessment"}
    text = text.replace("全年工作有序推进。", "全年工作有序推进，并将政务公开纳入年度绩效考核。")
    assert lint_text(text, "S001") == []


# --- unnumbered part headings and headings naming two parts ------------------------------------

BARE_2007 = (
    "某市司法局2016年政府信息公开工作年度报告\n"
    + PERIOD.format(y=2016)
    + "主动公开政府信息情况\n全年主动公开信息320条。\n\n"
    "依申请公开政府信息情况\n全年受理申请9件，均按期答复。\n\n"
    "政府信息公开收费及减免情况\n本年度未收取任何费用。\n\n"
    "因政府信息公开申请行政复议、提起行政诉讼情况\n本年度未发生行政复议和行政诉讼。\n\n"
    "存在的主要问题及改进措施\n信息更新不够及时，下一步将建立更新通报制度加以改进。\n\n"
    "其他需要报告的事项\n无。\n"
)


def test_unnumbered_part_headings_head_their_parts() -> None:
    assert lint_text(BARE_2007, "S001", "S002", "S005", "S008") == []


def test_one_unnumbered_heading_among_numbered_ones() -> None:
    text = REPORT_2007.replace("二、依申请公开政府信息情况", "依申请公开政府信息情况")
    assert lint_text(text, "S001", "S005", "S008") == []


def test_a_sentence_naming_a_part_is_still_inline_content() -> None:
    text = BARE_2007.replace("政府信息公开收费及减免情况\n本年度未收取任何费用。\n\n", "").replace(
        "均按期答复。", "均按期答复，未收取任何费用。"
    )
    (inline,) = lint_text(text, "S001", "S008")
    assert (inline.code, inline.data["section"], inline.line) == ("S008", "fees", 7)


def test_a_missing_part_is_still_missing_when_parts_are_unnumbered() -> None:
    text = BARE_2007.replace("依申请公开政府信息情况\n全年受理申请9件，均按期答复。\n\n", "")
    assert sections(lint_text(text, "S001"), "S001") == {"application"}


def _lint_file(data: bytes, path: str, *codes: str):
    chosen = Settings(select=list(codes))
    source = load_bytes(data, path, "." + path.rsplit(".", 1)[-1])
    return lint_source(source, select_checks(chosen.select), chosen).findings


def test_html_heading_elements_without_numbers() -> None:
    title, *parts = [line for line in BARE_2007.split("\n") if line]
    period, parts = parts[0], parts[1:]
    body = "".join(
        f"<h3>{line}</h3>" if i % 2 == 0 else f"<p>{line}</p>" for i, line in enumerate(parts)
    )
    page = f"<html><body><h1>{title}</h1><p>{period}</p>{body}</body></html>"
    assert _lint_file(page.encode("utf-8"), "report.html", "S001", "S005", "S008") == []


def test_word_heading_style_paragraphs_without_numbers() -> None:
    title, period, *parts = [line for line in BARE_2007.split("\n") if line]
    document = docx.Document()
    document.add_paragraph(title)
    document.add_paragraph(period)
    for i, line in enumerate(parts):
        if i % 2 == 0:
            document.add_heading(line, level=1)
        else:
            document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    assert _lint_file(buffer.getvalue(), "report.docx", "S001", "S005", "S008") == []


def test_a_heading_naming_two_parts_heads_both() -> None:
    text = REPORT_2007.replace(
        "三、政府信息公开收费及减免情况\n本年度未收取任何费用。\n"
        "四、因政府信息公开申请行政复议、提起行政诉讼情况\n本年度未发生行政复议和行政诉讼。\n",
        "三、收费及复议诉讼情况\n本年度未收取任何费用，未发生行政复议和行政诉讼。\n",
    )
    assert lint_text(text, "S001", "S008") == []


def test_heading_keys() -> None:
    assert heading_keys("收费及复议诉讼情况") == ("review_litigation", "fees")
    assert heading_keys("主动公开和依申请公开情况") == ("application", "active")
    for one_part in (
        "收到和处理政府信息公开申请情况",
        "因政府信息公开申请行政复议、提起行政诉讼情况",
        "存在的主要问题及改进措施",
        "政府信息公开收费及减免情况",
    ):
        assert heading_keys(one_part) == (heading_key(one_part),)
    assert heading_keys("重点领域信息公开") == ()


def test_an_aside_in_a_heading_does_not_name_its_part() -> None:
    """总体情况（含监督保障）heads the overview and, in its aside, the assessment too."""
    assert heading_keys("总体情况（含监督保障）") == ("overview", "assessment")
    assert heading_keys("其他需要报告的事项（含收取信息处理费情况）") == ("other", "fees")
    assert heading_key("收到和处理政府信息公开申请情况(含行政复议、行政诉讼)") == "application"
    assert heading_key("行政复议(诉讼)情况") == "review_litigation"
    text = REPORT_2021.replace("某区人民政府办公室", "某区人民政府").replace(
        "一、总体情况\n", "一、总体情况（含监督保障）\n"
    )
    assert lint_text(text, "S001", "S007", "S008") == []


# --- the assessment part: whose report needs it, what counts as its content --------------------

TOWN_2023 = (
    "青石镇人民政府2023年政府信息公开工作年度报告\n"
    + PERIOD.format(y=2023)
    + "一、总体情况\n（一）主动公开情况\n全年在镇政府网站专栏发布各类信息186条。\n"
    "（二）平台建设\n持续优化镇政府信息公开专栏。\n"
    + REPORT_2021.split("二、", 1)[1].join(("二、", ""))
)


def test_a_sub_district_office_is_no_peoples_government() -> None:
    """条例 art. 50(四) asks 工作考核、社会评议和责任追究 of a 人民政府's report only."""
    assert sections(lint_text(TOWN_2023, "S001"), "S001") == {"assessment"}
    street = TOWN_2023.replace("青石镇人民政府", "桂花街道办事处")
    assert lint_text(street, "S001", "S008") == []
    pinned = lint_text(street, "S001", issuer="government")
    assert sections(pinned, "S001") == {"assessment"}


@pytest.mark.parametrize(
    "sentence",
    [
        "将政务公开纳入全镇年度绩效考核。",
        "政府信息公开工作在全县综合考核中占3分。",
        "全年未发生责任追究。",
    ],
)
def test_assessment_content_in_the_overview(sentence: str) -> None:
    text = TOWN_2023.replace(
        "持续优化镇政府信息公开专栏。", "持续优化镇政府信息公开专栏。" + sentence
    )
    assert lint_text(text, "S001", "S008") == []


def test_an_examination_disclosed_as_news_is_not_assessment() -> None:
    text = TOWN_2023.replace("各类信息186条。", "各类信息186条，含公开招聘考核结果3批次。")
    assert sections(lint_text(text, "S001"), "S001") == {"assessment"}


# --- content evidence needs the part's own subject ---------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "重点公开税收减免政策。",
        "公开行政事业性收费项目和收费标准。",
        "公布依法收取的各项规费目录。",
    ],
)
def test_a_bodys_own_charges_are_not_the_fees_part(sentence: str) -> None:
    text = REPORT_2007.replace("三、政府信息公开收费及减免情况\n本年度未收取任何费用。\n", "")
    text = text.replace("全年主动公开信息320条。", "全年主动公开信息320条，" + sentence)
    assert sections(lint_text(text, "S001"), "S001") == {"fees"}


@pytest.mark.parametrize(
    "sentence",
    ["全年收取信息处理费0元。", "共收取复印费用12元。", "没有发生收费及减免情况。"],
)
def test_fees_reported_inline_are_s008(sentence: str) -> None:
    text = REPORT_2007.replace("三、政府信息公开收费及减免情况\n本年度未收取任何费用。\n", "")
    text = text.replace("均按期答复。", "均按期答复。" + sentence)
    found = lint_text(text, "S001", "S008")
    assert [(f.code, f.data["section"]) for f in found] == [("S008", "fees")]


def test_review_decisions_disclosed_are_not_the_review_part() -> None:
    without = REPORT_2021.replace("四、政府信息公开行政复议、行政诉讼情况\n无。\n", "")
    text = without.replace(
        "全年主动公开信息560条。", "全年主动公开信息560条，含行政复议决定书35件。"
    )
    assert sections(lint_text(text, "S001"), "S001") == {"review_litigation"}
    text = without.replace("全年新收申请21件。", "全年新收申请21件，被申请行政复议1件。")
    assert sections(lint_text(text, "S008"), "S008") == {"review_litigation"}


# --- unnumbered headings as copies write them ---------------------------------------------------


@pytest.mark.parametrize(
    "wrap",
    ["{}：", "**{}**", "{}。", "**{}：**"],
    ids=["colon", "bold", "full-stop", "bold-colon"],
)
def test_unnumbered_headings_with_a_colon_stop_or_emphasis(wrap: str) -> None:
    lines = BARE_2007.split("\n")
    text = "\n".join(
        wrap.format(line) if line.endswith(("情况", "措施", "事项")) and i > 1 else line
        for i, line in enumerate(lines)
    )
    assert lint_text(text, "S001", "S002", "S005", "S008") == []
    missing = text.replace(wrap.format("其他需要报告的事项") + "\n无。\n", "")
    assert sections(lint_text(missing, "S001"), "S001") == {"other"}


def test_sub_headings_naming_the_open_part_stay_inside_it() -> None:
    text = BARE_2007.replace(
        "信息更新不够及时，下一步将建立更新通报制度加以改进。\n",
        "存在问题：\n信息更新不够及时。\n改进措施：\n下一步将建立更新通报制度。\n",
    )
    assert lint_text(text, "S001", "S002", "S005", "S008") == []


@pytest.mark.parametrize("name", ["2022年政府信息公开工作情况", "工作开展情况", "年度工作情况"])
def test_a_first_part_named_only_as_the_work_is_the_overview(name: str) -> None:
    text = REPORT_2021.replace("一、总体情况", "一、" + name)
    assert lint_text(text, "S001", "S003", "S007", "S008") == []
    other = REPORT_2021.replace("一、总体情况", "一、组织领导情况")
    assert sections(lint_text(other, "S001"), "S001") == {"overview"}
