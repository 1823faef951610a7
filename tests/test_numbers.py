"""N001 sum-mismatch and N002 percent-mismatch on report prose written for these tests."""

from __future__ import annotations

from time import perf_counter

import pytest

from xxgk_lint.checks.numbers import sum_verdict
from xxgk_lint.normalise import normalise
from xxgk_lint.partitions import NumberStatements, read_line

from .conftest import codes_of, lint_text

HEAD = (
    "某县民政局2019年政府信息公开工作年度报告\n"
    "本报告所列数据的统计期限自2019年1月1日起至2019年12月31日止。\n"
    "一、总体情况\n"
)
FIRST_LINE = 4  # the line a test's first sentence lands on


def lint(body: str, *codes: str):
    return lint_text(HEAD + body + "\n", *(codes or ("N001", "N002")))


def at(body: str, needle: str, line: int = FIRST_LINE) -> tuple[int, int, int, int]:
    """The (line, column, end_line, end_column) a finding on ``needle`` must have."""
    text = body.split("\n")[line - FIRST_LINE]
    column = text.index(needle) + 1
    return line, column, line, column + len(needle)


def where(finding) -> tuple[int, int, int, int]:
    return finding.line, finding.column, finding.end_line, finding.end_column


# --- N001: parts exceeding the total ---------------------------------------------------


def test_parts_exceeding_the_total_is_an_error_pointing_at_the_total() -> None:
    body = "全年共受理政府信息公开申请46件，其中当面申请20件、网上申请30件。"
    [found] = lint(body)
    assert found.code == "N001" and found.severity.value == "error"
    assert found.data == {"total": 46, "parts_sum": 50, "parts": [20, 30]}
    assert where(found) == at(body, "46件")
    assert "50" in found.message and "46" in found.message


def test_chinese_numerals() -> None:
    body = "本年度共收到行政复议申请二十三件，其中维持原决定十件、撤销十五件。"
    [found] = lint(body)
    assert found.data == {"total": 23, "parts_sum": 25, "parts": [10, 15]}
    assert where(found) == at(body, "二十三件")


def test_chinese_numerals_that_add_up() -> None:
    assert lint("共办理复议案件二十三件，其中维持十件、纠正十一件、终止两件。") == []


def test_wan_multiplier() -> None:
    body = "全年共发布政务信息1.2万条，其中工作动态8000条、通知公告5000条。"
    [found] = lint(body)
    assert found.data == {"total": 12000, "parts_sum": 13000, "parts": [8000, 5000]}
    assert where(found) == at(body, "1.2万条")


def test_amounts_in_wan_yuan_add_up_in_yuan() -> None:
    assert lint("共支出公开经费12.5万元，其中设备购置8万元、平台运维4.5万元。") == []


def test_a_round_wan_figure_beside_finer_ones_is_held_to_their_precision() -> None:
    body = "全年信息公开经费支出共12.5万元，其中网站运维8万元、培训费用3.5万元、宣传经费2万元。"
    [found] = lint(body)
    assert found.data == {"total": 125000, "parts_sum": 135000, "parts": [80000, 35000, 20000]}


@pytest.mark.parametrize(
    ("body", "zh", "en"),
    [
        (
            "本单位全年政务公开专项支出共10万元，其中平台升级6万元、人员培训2.5万元、印制资料3万元。",
            "所列分项之和 11.5万元（6万元+2.5万元+3万元）超过所述总数 10万元",
            "The listed parts add up to 11.5万元 (6万元+2.5万元+3万元), more than the stated "
            "total of 10万元",
        ),
        (  # the parts in 元 are summed in the 万 of the total, places and all
            "本年度共收取信息处理费0.25万元，其中复印费1600元、邮寄费1400元。",
            "所列分项之和 0.30万元（1600元+1400元）超过所述总数 0.25万元",
            "The listed parts add up to 0.30万元 (1600元+1400元), more than the stated total "
            "of 0.25万元",
        ),
        (  # a total in 元: the sum in 元, each part as written
            "全年安排公开经费共90000元，其中网站维护6万元、设备更新4.2万元。",
            "所列分项之和 102000元（6万元+4.2万元）超过所述总数 90000元",
            "The listed parts add up to 102000元 (6万元+4.2万元), more than the stated total "
            "of 90000元",
        ),
        (
            "全年门户网站访问量共3.6万人次，其中电脑端2.4万人次、移动端1.5万人次。",
            "所列分项之和 3.9万人次（2.4万人次+1.5万人次）超过所述总数 3.6万人次",
            "The listed parts add up to 3.9万人次 (2.4万人次+1.5万人次), more than the stated "
            "total of 3.6万人次",
        ),
    ],
)
def test_wan_figures_are_shown_as_written(body: str, zh: str, en: str) -> None:
    """The message gives figures in the writer's 万 and places; ``data`` stays in base units."""
    [found] = lint(body)
    assert found.message == zh
    [english] = lint_text(HEAD + body + "\n", "N001", lang="en")
    assert english.message == en
    assert all(isinstance(v, int) for v in (found.data["total"], *found.data["parts"]))


def test_wan_figures_keep_the_data_in_base_units() -> None:
    body = "本单位全年政务公开专项支出共10万元，其中平台升级6万元、人员培训2.5万元、印制资料3万元。"
    [found] = lint(body)
    assert found.data == {"total": 100000, "parts_sum": 115000, "parts": [60000, 25000, 30000]}


def test_plain_figures_are_shown_without_units_on_the_parts() -> None:
    [found] = lint("全年共受理政府信息公开申请46件，其中当面申请20件、网上申请30件。")
    assert found.message == "所列分项之和 50件（20+30）超过所述总数 46件"


def test_round_wan_figures_within_the_finer_precision_add_up() -> None:
    assert lint("全年经费支出共12.5万元，其中网站运维8万元、培训费用3.5万元、宣传经费1万元。") == []
    assert lint("全年发布信息3万条，其中网站2.1万条、微博0.6万条、微信0.4万条。") == []


def test_traditional_characters_and_full_width_digits() -> None:
    body = "全區共受理政府信息公開申請１２０件，其中當面申請５０件、網上申請８０件。"
    [found] = lint(body)
    assert found.data == {"total": 120, "parts_sum": 130, "parts": [50, 80]}
    assert where(found) == at(body, "１２０件")


def test_thousands_separators() -> None:
    body = "全年主动公开信息共3,200条，其中门户网站2,500条、政务微博800条。"
    [found] = lint(body)
    assert found.data["total"] == 3200 and found.data["parts_sum"] == 3300


def test_only_parts_in_the_unit_of_the_total_are_summed() -> None:
    body = "共接待群众咨询100人次，其中电话咨询60人次，现场咨询50人次，办理事项30件。"
    [found] = lint(body)
    assert found.data == {"total": 100, "parts_sum": 110, "parts": [60, 50]}
    assert lint("共受理申请30件，其中当面申请10件、网上申请20件，涉及群众45人次。") == []


def test_lower_bound_part_counts_at_its_bound() -> None:
    body = "查阅档案共4000人次，其中：婚姻档案3600人次，文书档案350人次，财会档案60余人次。"
    [found] = lint(body)
    assert found.severity.value == "error"
    assert found.data == {"total": 4000, "parts_sum": 4010, "parts": [3600, 350, 60]}
    assert "至少" in found.message


def test_lower_bound_part_that_falls_short_is_not_judged() -> None:
    assert lint("查阅档案共500人次，其中婚姻档案300人次，文书档案150余人次。") == []


@pytest.mark.parametrize("total", ["约500条", "近500条", "500余条", "500多条"])
def test_approximate_total_is_not_judged(total: str) -> None:
    assert lint(f"全年发布信息{total}，其中政策文件300条、工作动态260条。") == []


def test_partial_list_still_errs_when_it_exceeds() -> None:
    body = "全年共发布信息500条，其中政策文件300条、工作动态260条等。"
    [found] = lint(body)
    assert found.severity.value == "error"


# --- N001: parts falling short --------------------------------------------------------


def test_parts_falling_short_is_a_warning() -> None:
    body = (
        "2019年，本局主动公开信息共980条。通过门户网站公开信息800条，其中政策文件120条、"
        "通知公告150条、工作动态300条、人事信息30条。"
    )
    [found] = lint(body)
    assert found.severity.value == "warning"
    assert found.data == {"total": 800, "parts_sum": 600, "parts": [120, 150, 300, 30]}
    assert where(found) == at(body, "800条")


@pytest.mark.parametrize(
    "body",
    [
        "全年共发布信息560条，其中政策文件30条、通知公告40条等。",
        "全年共发布信息560条，主要有政策文件30条、通知公告40条。",
        "全年共发布信息560条，其中主要包括政策文件30条、通知公告40条。",
        "全年共发布信息560条，包括政策文件30条、通知公告40条。",
        "全年共发布信息560条，其中政策文件30条、通知公告40条，以及其他各类信息。",
    ],
)
def test_partial_list_falling_short_is_not_judged(body: str) -> None:
    assert lint(body) == []


def test_a_counted_catch_all_item_completes_the_list() -> None:
    [found] = lint("全年共发布信息560条，其中政策文件30条、通知公告40条、其他信息50条。")
    assert found.severity.value == "warning"
    assert found.data["parts"] == [30, 40, 50]


def test_two_cases_picked_out_are_not_judged_short() -> None:
    assert lint("全年共召开新闻发布会12场，其中主要领导出席3场，分管领导出席5场。") == []


def test_a_list_that_may_go_on_is_not_judged_short() -> None:
    body = "全年清理证明事项60项，其中取消20项，改为书面承诺30项；告知承诺事项10项。"
    assert lint(body) == []


# --- N001: where the total is -----------------------------------------------------------


def test_several_partitions_of_one_total() -> None:
    body = (
        "全年共办理建议提案150件，办结率100%。其中，人大代表建议60件、政协委员提案90件，"
        "均已按期答复。其中：城建类70件，教育类50件，社会保障类30件。"
    )
    assert lint(body) == []


def test_a_second_partition_that_does_not_add_up() -> None:
    body = (
        "全年共办理建议提案150件。其中人大代表建议60件、政协委员提案90件。"
        "其中城建类70件，教育类50件，社会保障类40件。"
    )
    [found] = lint(body)
    assert found.data == {"total": 150, "parts_sum": 160, "parts": [70, 50, 40]}
    assert where(found) == at(body, "150件")


def test_a_second_breakdown_into_replies_and_cases_carried_over() -> None:
    body = "全年共处理申请35件，其中上年结转5件，本年新收30件；办结33件，结转下年度4件。"
    [found] = lint(body)
    assert found.data == {"total": 35, "parts_sum": 37, "parts": [33, 4]}
    ok = "全年共处理申请35件，其中上年结转5件，本年新收30件；办结33件，结转下年度2件。"
    assert lint(ok) == []


def test_a_breakdown_by_another_dimension_in_the_next_sentence() -> None:
    body = (
        "全年共收到申请37件，较上年增加9件。其中，自然人申请33件，法人或其他组织申请4件。"
        "从申请方式看，网上申请21件，当面申请9件，信函申请8件。"
    )
    [found] = lint(body)
    assert found.data == {"total": 37, "parts_sum": 38, "parts": [21, 9, 8]}
    assert where(found) == at(body, "37件")


@pytest.mark.parametrize(
    "body",
    [
        "全年共收到申请37件，较上年增加9件。其中，自然人申请33件，法人或其他组织申请4件。"
        "从申请方式看，网上申请21件，当面申请9件，信函申请7件。"
        "从办理结果看，予以公开18件，部分公开6件，不予公开3件，无法提供7件，其他处理3件。",
        # no dimension named: the counts need not divide the total before
        "全年共收到申请37件。其中，自然人申请33件，法人或其他组织申请4件。"
        "另有网上咨询21件，电话咨询9件，来信咨询8件。",
    ],
)
def test_breakdowns_in_later_sentences_that_hold_or_are_not_judged(body: str) -> None:
    assert codes_of(lint(body, "N001")) == []


def test_a_breakdown_in_brackets_after_its_total() -> None:
    body = "全年共发布政策解读52篇（其中图文解读40篇、视频解读22篇），召开新闻发布会8场。"
    [found] = lint(body)
    assert found.data == {"total": 52, "parts_sum": 62, "parts": [40, 22]}
    assert where(found) == at(body, "52篇")


@pytest.mark.parametrize(
    "body",
    [
        "全年共发布政策解读52篇（其中图文解读40篇、视频解读12篇），召开新闻发布会8场。",
        "共收到申请26件（其中：网上申请18件，占69.2%；信函申请8件，占30.8%）。",
        # a breakdown of a change, a sub-item, a list marked partial that falls short
        "全年收到申请120件，比上年增加20件（其中网上申请15件、信函申请10件）。",
        "共收到申请26件（其中网上申请18件，含微信申请15件）。",
        "共收到申请26件（其中网上申请10件、信函申请5件、当面申请3件等）。",
    ],
)
def test_a_breakdown_in_brackets_that_holds_or_is_not_judged(body: str) -> None:
    assert codes_of(lint(body, "N001")) == []


def test_total_after_its_parts() -> None:
    body = "全年办理人大代表建议58件、政协委员提案71件，共计130件。"
    [found] = lint(body)
    assert found.severity.value == "warning"
    assert found.data == {"total": 130, "parts_sum": 129, "parts": [58, 71]}
    assert where(found) == at(body, "130件")
    assert lint("全年办理人大代表建议58件、政协委员提案71件，共计129件。") == []


def test_total_after_its_parts_with_its_scope_named() -> None:
    body = "2021年收到申请12件、2022年15件、2023年18件，三年共计46件。"
    [found] = lint(body)
    assert found.data == {"total": 46, "parts_sum": 45, "parts": [12, 15, 18]}
    assert where(found) == at(body, "46件")
    assert lint(body.replace("46件", "45件")) == []


def test_total_after_parts_exceeded() -> None:
    body = "印发宣传手册300份，发放宣传单页5000份，合计5200份。"
    [found] = lint(body)
    assert found.severity.value == "error"
    assert found.data == {"total": 5200, "parts_sum": 5300, "parts": [300, 5000]}
    assert where(found) == at(body, "5200份")


def test_list_right_after_a_marked_total() -> None:
    body = "全年共发布信息560条，政策文件300条、通知公告200条、工作动态80条。"
    [found] = lint(body)
    assert found.data == {"total": 560, "parts_sum": 580, "parts": [300, 200, 80]}
    assert lint("全年共发布信息560条，政策文件300条、通知公告200条、工作动态60条。") == []


def test_total_in_the_sentence_before_its_list() -> None:
    body = "本年度共受理申请67件，较上年有所下降。其中当面申请13 件，信函申请46件，网上申请10件。"
    [found] = lint(body)
    assert found.data == {"total": 67, "parts_sum": 69, "parts": [13, 46, 10]}


def test_parts_separated_by_semicolons() -> None:
    body = "共作出答复60件。其中予以公开20件；部分公开10件；不予公开15件；无法提供20件。"
    [found] = lint(body)
    assert found.data["parts_sum"] == 65


# --- N001: sequences that are not partitions ------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        # growth against last year, and values re-stated from last year to this year
        "全年共受理申请120件，比去年增加20件，其中当面申请50件、网上申请90件。",
        "权力事项由去年的3148项调整为今年的3158项，其中行政许可200项、行政处罚3000项。",
        # percentages beside the parts are not parts
        "共受理申请80件，其中网上申请60件（占75%），当面申请20件（占25%）。",
        # years, dates, document numbers, telephone numbers, 5.15, 10km2, ordinals
        "2019年5月15日，结合“5.15政务公开日”，印发《实施方案》（某政办发〔2019〕24号），"
        "共发放资料2000份，其中宣传册500份、宣传单1500份，咨询电话0558-2264424。",
        "公开10km2以上河流名称12条，其中：1.一级河流5条；2.二级河流7条。",
        "在全市考核中排名第3名，连续2年获评先进，共获表彰3次。",
        # several counts in one item, bracketed asides
        "共接待来访群众1250人次，其中个人来访900人次，集体来访30批350人次。",
        "共受理申请46件（其中网上申请30件），当面申请16件。",
        # a count listed twice under different headings: the first parts already make the total
        "本局共有工作人员45人，其中男性20人，女性25人，党员30人。",
        # siblings after a total, not its parts
        "全区各部门共发布预决算信息237条，政府债务信息1条，政府采购信息612条。",
        # the list refers to a total of last year and this year together
        "2019年共收到申请86件，上年结转3件，其中已办结85件，结转下年度4件。",
    ],
)
def test_not_a_partition(body: str) -> None:
    assert codes_of(lint(body, "N001")) == []


# --- N001: lists written in other common ways ------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "全年共受理申请60件，其中当面申请、网上申请和信函申请分别为12件、45件和8件。",
        "全年共受理申请60件，其中当面申请12件、网上申请45件和信函申请8件。",
        "全年共受理申请60件，其中当面申请12件，网上申请45件及信函申请8件。",
    ],
)
def test_last_part_joined_by_and(body: str) -> None:
    [found] = lint(body)
    assert found.data == {"total": 60, "parts_sum": 65, "parts": [12, 45, 8]}
    assert where(found) == at(body, "60件")


@pytest.mark.parametrize(
    "body",
    [
        "全年共受理申请60件，其中当面申请、网上申请和信函申请分别为10件、45件和5件。",
        "全年共受理申请60件，其中当面申请10件、网上申请45件和信函申请5件。",
        "共受理申请30件，其中网上申请20件和当面申请10件。",
    ],
)
def test_last_part_joined_by_and_that_adds_up(body: str) -> None:
    assert lint(body) == []


@pytest.mark.parametrize(
    "body",
    [
        # last year's figure between the total and its list, in the sentence before 其中
        "全年发布政务信息860条，比上年的790条增长8.9%。其中，工作动态500条、通知公告260条、"
        "政策文件110条。",
        # …and in the same sentence
        "全年发布政务信息860条，较去年同期的790条增长8.9%，其中工作动态500条、通知公告260条、"
        "政策文件110条。",
        # a change on last year closing the sentence before 其中
        "全年发布政务信息860条，比上年增加70条。其中，工作动态500条、通知公告260条、"
        "政策文件110条。",
    ],
)
def test_comparison_with_last_year_between_total_and_list(body: str) -> None:
    [found] = lint(body, "N001")
    assert found.data == {"total": 860, "parts_sum": 870, "parts": [500, 260, 110]}
    assert where(found) == at(body, "860条")


@pytest.mark.parametrize(
    "body",
    [
        "全年发布政务信息860条，比上年的790条增长8.9%。其中，工作动态500条、通知公告250条、"
        "政策文件110条。",
        # the list divides the change itself
        "全年发布政务信息860条，比上年增加70条。其中，工作动态40条、通知公告30条。",
        # both counts compared in one clause: which one the list divides is unclear
        "全年发布政务信息860条比上年的790条增加70条。其中，工作动态500条、通知公告370条。",
    ],
)
def test_comparison_with_last_year_not_misread(body: str) -> None:
    assert codes_of(lint(body, "N001")) == []


def test_count_leading_in_its_list_and_closed_by_a_total() -> None:
    body = (
        "在已办结的96件申请中，予以公开60件，部分公开12件，不予公开8件，信息不存在20件，合计96件。"
    )
    [found] = lint(body)
    assert found.severity.value == "error"
    assert found.data == {"total": 96, "parts_sum": 100, "parts": [60, 12, 8, 20]}
    assert where(found) == at(body, "96件")


def test_count_leading_in_its_list_exceeded() -> None:
    body = "已办结的96件政府信息公开申请中，予以公开60件，部分公开12件，信息不存在30件。"
    [found] = lint(body)
    assert found.data == {"total": 96, "parts_sum": 102, "parts": [60, 12, 30]}


@pytest.mark.parametrize(
    "body",
    [
        "在已办结的50件申请中，予以公开30件，部分公开8件，不予公开4件，信息不存在8件。",
        "在已办结的50件申请中，予以公开30件，部分公开8件，不予公开4件，信息不存在8件，合计50件。",
        # a lead-in may pick out some cases only
        "在已办结的50件申请中，予以公开30件，部分公开8件，不予公开4件。",
        # 办理中 is a state, not a lead-in
        "共受理申请20件，已办结15件，另有5件正在办理中，涉及群众25人，答复18人。",
    ],
)
def test_count_leading_in_its_list_that_adds_up_or_may_be_partial(body: str) -> None:
    assert lint(body) == []


def test_first_parts_adding_up_do_not_hide_an_excess_of_one_kind() -> None:
    body = "已答复52件，其中同意公开40件，部分公开7件，不予公开5件，信息不存在4件。"
    [found] = lint(body)
    assert found.severity.value == "error"
    assert found.data == {"total": 52, "parts_sum": 56, "parts": [40, 7, 5, 4]}


@pytest.mark.parametrize(
    "body",
    [
        # applicants first, then results: two breakdowns of one total in one list
        "共受理申请52件，其中自然人申请40件、法人申请12件，同意公开45件。",
        "共受理申请52件，其中当面申请40件，网上申请12件，同意公开30件，不予公开22件。",
        # an item of unknown kind after the ones that add up
        "已答复52件，其中同意公开40件，部分公开7件，不予公开5件，另有在办4件。",
    ],
)
def test_first_parts_adding_up_across_kinds(body: str) -> None:
    assert codes_of(lint(body, "N001")) == []


@pytest.mark.parametrize(
    ("body", "total", "parts"),
    [
        (
            "全年共受理申请150件，其中自然人申请120件、法人申请30件；同意公开90件、部分公开30件、"
            "不予公开20件、信息不存在15件。",
            "150件",
            [90, 30, 20, 15],
        ),
        (
            "全年主动公开信息2400条，其中网站公开2000条，公开栏公开400条；按类别分，"
            "工作动态1500条，政策文件600条，其他400条。",
            "2400条",
            [1500, 600, 400],
        ),
    ],
)
def test_second_breakdown_after_a_semicolon(body: str, total: str, parts: list[int]) -> None:
    [found] = lint(body)
    assert found.severity.value == "error"
    assert found.data == {"total": int(total[:-1]), "parts_sum": sum(parts), "parts": parts}
    assert where(found) == at(body, total)


@pytest.mark.parametrize(
    "body",
    [
        "全年共受理申请150件，其中自然人申请120件、法人申请30件；同意公开90件、部分公开30件、"
        "不予公开20件、信息不存在10件。",
        # falling short: the rest may still be in hand
        "全年共受理申请150件，其中自然人申请120件、法人申请30件；同意公开90件、部分公开30件。",
        # topics may overlap, and nothing names the dimension
        "全年共受理申请150件，其中自然人申请120件、法人申请30件；涉及征地拆迁90件、"
        "社会保障50件、城乡规划30件。",
        # a breakdown of one part, not of the total
        "全年共受理申请150件，其中网上申请120件、当面申请30件；网上申请中，同意公开80件、"
        "不予公开50件。",
        # kinds mixed
        "全年主动公开信息2400条，其中网站公开2000条，公开栏公开400条；工作动态1500条，"
        "政策文件600条，其他400条。",
    ],
)
def test_no_second_breakdown(body: str) -> None:
    assert codes_of(lint(body, "N001")) == []


def test_a_total_before_the_parts_of_a_later_total() -> None:
    body = "全年共受理申请47件，当面申请21件，网上申请18件，信函申请8件，全年共办结45件。"
    assert codes_of(lint(body, "N001")) == []


# --- N002 -----------------------------------------------------------------------------


def test_shares_that_do_not_match_the_counts() -> None:
    body = "共受理申请80件，其中网上申请60件，占80%；当面申请20件，占20%。"
    found = lint(body, "N002")
    assert [f.data for f in found] == [
        {"stated": 80, "computed": 75.0},
        {"stated": 20, "computed": 25.0},
    ]
    assert all(f.severity.value == "warning" for f in found)
    assert where(found[0]) == at(body, "80%")
    assert found[1].column == body.index("20%") + 1


def test_shares_that_match() -> None:
    assert lint("共受理申请80件，其中网上申请60件，占75%；当面申请20件，占25%。") == []
    assert lint("共受理申请3件，其中网上申请2件，占66.7%；当面申请1件，占33.3%。") == []
    # truncated rather than rounded
    assert lint("共受理申请3件，其中网上申请2件，占66.6%；当面申请1件，占33.3%。") == []


def test_share_beyond_the_stated_precision() -> None:
    [found] = lint("共受理申请3件，其中网上申请2件，占66.7%；当面申请1件，占33.5%。")
    assert found.data == {"stated": 33.5, "computed": 33.33}


def test_approximate_shares_allow_a_point() -> None:
    body = (
        "全年共公开信息37000条，其中通过门户网站公开34500条，约占93%；通过政务微博公开1000条，"
        "约占2.7%；通过其他渠道公开1500条，约占4.1%。"
    )
    assert lint(body) == []
    [found] = lint(body.replace("约占93%", "约占90%"))
    assert found.data == {"stated": 90, "computed": 93.2}


def test_shares_in_brackets_and_traditional_text() -> None:
    body = "共受理申請８０件，其中網上申請６０件（佔８０％），當面申請２０件（佔２５％）。"
    [found] = lint(body, "N002")
    assert found.data == {"stated": 80, "computed": 75.0}
    assert where(found) == at(body, "８０％")


def test_rate_out_of_a_stated_total() -> None:
    body = "全年共受理政府信息公开申请50件，按时答复48件，答复率100%。"
    [found] = lint(body)
    assert found.code == "N002"
    assert found.data == {"stated": 100, "computed": 96.0}
    assert where(found) == at(body, "100%")
    assert lint(body.replace("答复率100%", "答复率96%")) == []


def test_rate_out_of_the_cases_received_without_a_total_mark() -> None:
    body = "全年受理政务咨询3200件，办结3150件，办结率99.4%。"
    [found] = lint(body)
    assert found.data == {"stated": 99.4, "computed": 98.44}
    assert lint(body.replace("99.4%", "98.4%")) == []


def test_rate_qualified_on_time_is_out_of_the_cases_closed_on_time() -> None:
    body = "全年共受理申请52件，延期办结2件，按时办结50件，按时办结率90%。"
    [found] = lint(body)
    assert found.data == {"stated": 90, "computed": 96.2}


@pytest.mark.parametrize(
    "body",
    [
        # the count before the rate is the late ones, not those the rate counts
        "全年共受理申请52件，其中按时办结50件，延期办结2件，按时办结率96.2%。",
        "全年共受理申请52件，按时办结50件，未办结2件，办结率96.2%。",
        # several counts, or an approximate one, the rate may be out of
        "收到申请45件，上年结转5件，办结48件，办结率96%。",
        "全年受理政务咨询3200余件，办结3150件，办结率98.4%。",
        # more closed than came in: cases carried over from last year count too
        "受理申请45件，办结47件（含上年结转2件），办结率100%。",
    ],
)
def test_rate_not_judged_against_the_wrong_count(body: str) -> None:
    assert codes_of(lint(body, "N002")) == []


@pytest.mark.parametrize(
    "body",
    [
        # the denominator is stated elsewhere: the shares are not out of the first count
        "通过门户网站公开信息共5200条，约占80%；通过政务微博公开900条，约占15%。",
        # approximate denominator
        "共受理申请80余件，其中网上申请60件，占80%。",
        # the parts contradict the total, so the total is in doubt as a denominator
        "共受理申请80件，其中网上申请70件，占80%；当面申请20件，占20%。",
        # a rate with nothing to compute it from
        "政民互动平台共受理群众诉求2400件，回复率100%。",
    ],
)
def test_no_percentage_finding_without_a_sure_denominator(body: str) -> None:
    assert codes_of(lint(body, "N002")) == []


@pytest.mark.parametrize(
    ("body", "stated", "computed"),
    [
        # shares stated together after the list
        (
            "共受理申请80件，其中网上申请50件，当面申请20件，信函申请10件，分别占62.5%、30%和12.5%。",
            "30%",
            25.0,
        ),
        # shares of a marked total, without 其中
        ("全年共受理申请60件，当面申请24件，占45%，网上申请36件，占60%。", "45%", 40.0),
        ("共收到申请150件，同意公开和部分公开96件，占60%。", "60%", 64.0),
        # a count and its share in brackets after the total
        ("共收到申请150件，主要涉及房屋征收（63件，占40%）、社会保障等方面。", "40%", 42.0),
        ("共收到申请150件，主要涉及房屋征收（63件，40%）、社会保障等方面。", "40%", 42.0),
    ],
)
def test_shares_stated_in_other_ways(body: str, stated: str, computed: float) -> None:
    [found] = lint(body)
    assert found.code == "N002"
    assert found.data == {"stated": int(stated[:-1]), "computed": computed}
    assert where(found) == at(body, stated)


@pytest.mark.parametrize(
    "body",
    [
        "共受理申请80件，其中网上申请50件，当面申请20件，信函申请10件，分别占62.5%、25%和12.5%。",
        # as many shares as parts, or none of them is read
        "共受理申请80件，其中网上申请50件，当面申请20件，信函申请10件，分别占62.5%和30%。",
        "全年共受理申请60件，当面申请24件，占40%，网上申请36件，占60%。",
        "全年共受理申请50件，办结48件，占96%，其余2件正在办理。",
        "共收到申请150件，主要涉及房屋征收（60件，占40%）、社会保障（45件，占30%）等方面。",
        # the share may be out of the count between: 45 of 60 online
        "全年共受理申请80件，网上申请60件，同意公开45件，占75%。",
        "共收到申请150件，其中网上申请100件，主要涉及房屋征收（60件，占60%）。",
        # out of a whole the sentence does not give as a count
        "共收到申请150件，主要涉及房屋征收（60件，占全部申请的30%）。",
        # last year's count carried over: the denominator is not the marked total alone
        "共受理申请80件，上年结转5件，办结83件，占97.6%。",
        # an approximate total
        "共受理申请80余件，办结60件，占80%。",
    ],
)
def test_shares_stated_in_other_ways_not_judged_or_right(body: str) -> None:
    assert codes_of(lint(body, "N002")) == []


@pytest.mark.parametrize(
    ("body", "stated", "computed", "formula"),
    [
        ("全年发布政务信息860条，较上年的790条增长10%。", "10%", 8.9, "(860−790)/790"),
        ("全年受理申请45件，比去年的50件下降12%。", "12%", 10.0, "(50−45)/50"),
        ("本年新收申请131件，较上年同期的116件增长15.9%。", "15.9%", 12.93, "(131−116)/116"),
        # the difference as a count, then the percentage: last year's figure follows from it
        ("全年收到申请2356件，比上年减少124件，下降6.0%。", "6.0%", 5.0, "(2480−2356)/2480"),
        ("全年共受理申请68件，同比增加12件，增长25.4%。", "25.4%", 21.43, "(68−56)/56"),
        ("全年收到申请23件，与上年相比增加3件，同比增长15.3%。", "15.3%", 15.0, "(23−20)/20"),
        (
            "发布信息3200条，较上年的2800条增加400条，增长15.3%。",
            "15.3%",
            14.29,
            "(3200−2800)/2800",
        ),
    ],
)
def test_change_on_last_year(body: str, stated: str, computed: float, formula: str) -> None:
    [found] = lint(body)
    assert found.code == "N002" and found.severity.value == "warning"
    assert found.data == {"stated": float(stated[:-1]), "computed": computed}
    assert where(found) == at(body, stated)
    assert formula in found.message and "增减幅度" in found.message
    [found] = lint_text(HEAD + body + "\n", "N002", lang="en")
    assert found.message.startswith(f"The stated change of {stated}") and formula in found.message


@pytest.mark.parametrize(
    "body",
    [
        "全年发布政务信息860条，较上年的790条增长8.9%。",
        "全年受理申请45件，比去年的50件下降10%。",
        "全年共受理申请52件，比上年的40件增加12件，增长30%。",
        "全年收到申请2356件，比上年减少124件，下降5.0%。",
        "全年共受理申请68件，同比减少12件，下降15%。",
        "政务微博发布信息1450条，比上年多发布200条，增长16%。",
        # the difference disagrees with the two figures, or its direction with the percentage
        "全年发布信息共计3200条，较上年的2800条增加300条，增长15.3%。",
        "全年收到申请2356件，比上年减少124件，增长5.0%。",
        "全年公开信息1260条，其中网站1000条，比上年增加60条，增长5%。",
        # which count changed is unclear
        "全年受理申请60件，办结58件，较上年的50件增长16%。",
        "全年公开1260条，其中网站1000条，较上年的1120条增长12.5%。",
        # no base count stated
        "全年受理申请60件，同比增长20%。",
        "网站和微博发布信息分别为900条和300条，分别比上年增长10%和20%。",
    ],
)
def test_change_on_last_year_not_judged_or_right(body: str) -> None:
    assert codes_of(lint(body, "N002")) == []


def test_a_share_of_the_total_after_a_first_breakdown_with_shares() -> None:
    body = (
        "共收到申请30件，其中自然人申请24件，占80%，法人或其他组织申请6件，占20%；"
        "网上申请18件，占70%。"
    )
    [found] = lint(body)
    assert found.code == "N002" and found.data == {"stated": 70, "computed": 60.0}
    assert where(found) == at(body, "70%")


def test_shares_of_the_total_after_a_first_breakdown_that_match() -> None:
    body = (
        "共收到申请30件，其中自然人申请24件，占80%，法人或其他组织申请6件，占20%；"
        "网上申请18件，占60%。"
    )
    assert lint(body) == []
    assert lint("共收到申请30件，其中自然人申请24件，占80%，其中网上申请18件，占75%。") == []


def test_rule_documentation_examples() -> None:
    from xxgk_lint.checks.numbers import PercentMismatch, SumMismatch

    for check in (SumMismatch, PercentMismatch):
        assert set(codes_of(lint(check.doc.fires, check.code))) == {check.code}
        assert lint(check.doc.passes, check.code) == []


def test_seeds(shared_dir) -> None:
    """The seed reports: the two known sum errors, and nothing on the consistent lines."""
    from xxgk_lint.check import select_checks
    from xxgk_lint.engine import lint_path
    from xxgk_lint.settings import Settings

    settings = Settings(select=["N001", "N002"])
    seeds = sorted((shared_dir / "corpus" / "seeds").glob("*.txt"))
    checks = select_checks(["N001", "N002"])
    lines = {
        path.name[:3]: [f.line for f in lint_path(path, path.name, checks, settings).findings]
        for path in seeds
    }
    assert lines == {"000": [5, 6], "001": [], "002": [], "003": [], "004": []}


def test_messages_in_english() -> None:
    body = "查阅档案共400人次，其中婚姻档案300人次，文书档案60人次，财会档案50余人次。"
    [found] = lint_text(HEAD + body + "\n", "N001", lang="en")
    assert found.message.startswith("The listed parts add up to at least 410人次")
    [found] = lint_text(HEAD + "共受理申请50件，按时答复48件，答复率100%。\n", "N002", lang="en")
    assert found.message == "The stated percentage 100% does not match the counts: 48/50 = 96.0%"


def test_every_message_has_the_same_placeholders_in_both_languages() -> None:
    from string import Formatter

    from xxgk_lint.checks.numbers import PercentMismatch, SumMismatch

    def fields(template: str) -> set[str]:
        return {name for _, name, _, _ in Formatter().parse(template) if name}

    for check in (SumMismatch, PercentMismatch):
        for message in check.messages.values():
            assert fields(message.zh) == fields(message.en)


# --- reading time ------------------------------------------------------------------------

REPEATED = [
    # the red-team shape: one paragraph of sentences joined by commas, each a total and its list
    "全年发布政务信息860条，其中工作动态500条，通知公告250条，政策文件110条，",
    "全年共受理申请47件，当面申请21件，占44.7%，网上申请18件，占38.3%，信函申请8件，占17%，",
    "在已办结的96件申请中，予以公开60件，部分公开16件，信息不存在20件，合计96件；",
    "共收到申请150件，主要涉及房屋征收（60件，占40%）、社会保障（45件，占30%）、",
    "印发宣传手册300份、宣传单页5000份，合计5300份，",
    "共收到申请26件（其中网上申请18件、信函申请8件），",
    "共收到申请37件。其中自然人33件，法人4件。从申请方式看，网上申请21件，当面申请16件。",
]


def _reading_time(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        found = NumberStatements()
        started = perf_counter()
        read_line(0, text, found)
        best = min(best, perf_counter() - started)
    return best


@pytest.mark.parametrize(
    "unit",
    REPEATED,
    ids=["qizhong", "shares", "lead-in", "brackets", "heji", "bracketed-list", "dimension"],
)
def test_a_long_one_line_paragraph_is_read_in_linear_time(unit: str) -> None:
    """Eight times the text may take up to three times longer than eight times the time:
    a reading quadratic in the line's length takes sixty-four times as long."""
    small, large = (normalise(unit * n).text for n in (100, 800))
    assert _reading_time(large) < 24 * _reading_time(small)


def test_a_long_one_line_paragraph_is_read_sentence_by_sentence() -> None:
    found = NumberStatements()
    read_line(0, normalise(REPEATED[0] * 500).text, found)
    assert len(found.partitions) == 500
    assert {tuple(int(q.value) for q in p.parts) for p in found.partitions} == {(500, 250, 110)}
    assert [sum_verdict(p) for p in found.partitions] == [None] * 500
    assert lint(REPEATED[1] * 300) == []
