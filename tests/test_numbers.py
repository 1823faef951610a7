"""N001 sum-mismatch and N002 percent-mismatch on report prose written for these tests."""

from __future__ import annotations

import pytest

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


def test_total_after_its_parts() -> None:
    body = "全年办理人大代表建议58件、政协委员提案71件，共计130件。"
    [found] = lint(body)
    assert found.severity.value == "warning"
    assert found.data == {"total": 130, "parts_sum": 129, "parts": [58, 71]}
    assert where(found) == at(body, "130件")
    assert lint("全年办理人大代表建议58件、政协委员提案71件，共计129件。") == []


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
