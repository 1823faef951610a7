"""Q001 thin-problems-part: empty, 无, or too thin to name a problem and an improvement."""

from __future__ import annotations

import pytest

from xxgk_lint.checks.quality import judge
from xxgk_lint.normalise import to_simplified

from .conftest import lint_text

BEFORE = "某某市统计局2023年政府信息公开工作年度报告\n一、总体情况\n本年度，我局……\n"
AFTER = "六、其他需要报告的事项\n本年度未收取信息处理费。\n"


def problems(body: str, heading: str = "五、存在的主要问题及改进情况") -> str:
    return f"{BEFORE}{heading}\n{body}{AFTER}"


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ("", "empty"),
        ("无。\n", "nothing"),
        ("暂无。\n", "nothing"),
        ("本年度無。\n", "nothing"),
        ("工作还有不足，将继续努力。\n", "thin"),
        ("本年度我局政府信息公开工作总体平稳有序，各项工作均按计划开展完毕。\n", "thin"),
        ("工作中还存在一些不足和差距，今后将进一步加强和改进。\n", "thin"),
    ],
    ids=["empty", "wu", "zanwu", "traditional-wu", "short", "no-problem-named", "generic"],
)
def test_q001_fires(body: str, key: str) -> None:
    (f,) = lint_text(problems(body), "Q001")
    assert (f.line, f.column, f.end_column) == (4, 1, 15)
    assert judge(to_simplified(body)) == key


def test_q001_half_width_heading_and_traditional_nothing() -> None:
    (f,) = lint_text(problems("暫無.\n", "五.存在的主要问题及改进情况"), "Q001")
    assert f.code == "Q001"
    assert "只写了“暫無.”" in f.message  # quoted as the report writes it
    assert (f.line, f.column, f.end_column) == (4, 1, 15)
    assert judge(to_simplified("暫無.\n")) == "nothing"


@pytest.mark.parametrize(
    ("body", "heading"),
    [
        (
            "政策解读形式较为单一，图解、视频解读偏少。下一步将联合业务科室制作图解材料，提高解读的可读性。\n",
            "五、存在的主要问题及改进情况",
        ),
        (
            "（一）存在的问题\n部分科室信息更新不够及时。\n（二）改进措施\n建立每月检查、通报制度，督促及时更新。\n",
            "五、存在的主要问题及改进情况",
        ),
        (
            "依申請公開答復文書格式不夠統一。下一步將製定答復範本，規範答復文書。\n",
            "五、存在的主要問題及改進情況",
        ),
        (
            "1、部分信息更新不及时。\n2、将建立定期检查制度，加强督促落实。\n",
            "五、存在的不足及改进措施",
        ),
        (
            "基层站点公开栏更新较慢，部分内容陈旧。下一步将建立季度检查制度，督促及时更新。\n",
            "五、存在的主要问题及改进措施",
        ),
        (
            "一是政务公开队伍专业化水平欠缺；二是信息发布审核把关不严。2024年，我局将健全审核机制。\n",
            "五、存在的主要问题及改进情况",
        ),
        (
            "主要问题：政务新媒体更新频率低，互动回应少。改进措施：明确专人负责，定期更新。\n",
            "五、存在的主要问题及改进情况",
        ),
        (
            "工作人员对条例理解不透，答复申请存在超期现象。下一步组织专题培训，建立台账。\n",
            "五、存在的主要问题及改进情况",
        ),
    ],
    ids=[
        "paragraph",
        "sub-headings",
        "traditional",
        "numbered-items",
        "slow-and-stale",
        "lacking-and-lax",
        "labelled-problem",
        "overdue",
    ],
)
def test_q001_quiet(body: str, heading: str) -> None:
    assert lint_text(problems(body, heading), "Q001") == []


def test_q001_quiet_without_a_problems_part() -> None:
    assert lint_text(BEFORE + AFTER, "Q001") == []


def test_q001_short_but_naming_a_problem_and_a_measure() -> None:
    assert lint_text(problems("解读材料更新不及时。下一步将加强督查。\n"), "Q001") == []


def test_q001_reads_the_improvements_part_that_follows_the_problems_part() -> None:
    split = (
        f"{BEFORE}五、存在的主要问题\n一是栏目更新不及时；二是解读形式单一。\n"
        f"六、改进措施\n下一步将建立更新通报制度，增加图解解读。\n{AFTER}"
    )
    assert lint_text(split, "Q001") == []
    unrelated = split.replace("六、改进措施", "六、人大代表建议办理情况")
    assert [f.code for f in lint_text(unrelated, "Q001")] == ["Q001"]
