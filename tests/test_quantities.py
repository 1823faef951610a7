"""The quantity parser: values, units, hedges, and numbers that are not counts."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xxgk_lint.normalise import normalise
from xxgk_lint.numerals import int_to_cn
from xxgk_lint.quantities import Bound, bracket_depths, find_quantities, in_scale


def parsed(text: str) -> list[tuple[Decimal, str, Bound, str]]:
    norm = normalise(text).text
    return [(q.value, q.unit, q.bound, norm[q.start : q.end]) for q in find_quantities(norm)]


@pytest.mark.parametrize(
    ("text", "value", "unit", "bound", "span"),
    [
        ("全年公开信息3915条。", 3915, "条", Bound.EXACT, "3915条"),
        ("全年公开信息3,915条。", 3915, "条", Bound.EXACT, "3,915条"),
        ("全年公开信息１２０件。", 120, "件", Bound.EXACT, "120件"),
        ("访问量达1.2万次。", 12000, "次", Bound.EXACT, "1.2万次"),
        ("投入资金12.5万元。", 125000, "元", Bound.EXACT, "12.5万元"),
        ("受理申请二十三件。", 23, "件", Bound.EXACT, "二十三件"),
        ("受理申请一百零五件。", 105, "件", Bound.EXACT, "一百零五件"),
        ("行政诉讼两件。", 2, "件", Bound.EXACT, "两件"),
        ("查阅21余人次。", 21, "人次", Bound.LOWER, "21余人次"),
        ("发放宣传单300多份。", 300, "份", Bound.LOWER, "300多份"),
        ("发布信息100条以上。", 100, "条", Bound.LOWER, "100条以上"),
        ("发布信息约500条。", 500, "条", Bound.APPROX, "500条"),
        ("发布信息近500条。", 500, "条", Bound.APPROX, "500条"),
        ("发布信息500条左右。", 500, "条", Bound.APPROX, "500条左右"),
        ("发布信息不到500条。", 500, "条", Bound.UPPER, "500条"),
        ("收到来信数十件。", 10, "件", Bound.UNKNOWN, "十件"),
        ("受理咨询13 件。", 13, "件", Bound.EXACT, "13 件"),
        ("培训干部20名。", 20, "人", Bound.EXACT, "20名"),
        ("约占93%。", 93, "%", Bound.APPROX, "93%"),
        ("占2.8％。", Decimal("2.8"), "%", Bound.EXACT, "2.8%"),
        ("占百分之九十三。", 93, "%", Bound.EXACT, "百分之九十三"),
        ("全區共受理申請１２０件。", 120, "件", Bound.EXACT, "120件"),
        ("總數36件。", 36, "件", Bound.EXACT, "36件"),
    ],
)
def test_quantity(text: str, value, unit: str, bound: Bound, span: str) -> None:
    assert parsed(text) == [(Decimal(value), unit, bound, span)]


@pytest.mark.parametrize(
    "text",
    [
        "2017年7月13日",
        "（国办发〔2017〕24号）",
        "联系电话：0558-2264424",
        "“5.15政务公开日”",
        "10km2以上河流",
        "1.机构介绍。2.法规公文。",
        "第3条规定",
        "第二十三条",
        "每周2次",
        "前3名",
        "一次性告知",
        "高效办成一件事",
        "3个工作日内",
        "增长2个百分点",
        "统一部署",
        "一部分",
        "千家万户",
        "零件",
        "发布三条信息",
        "涉及3部门",
        "3.5件",
        "12345市民服务热线",
        "IPv6访问",
    ],
)
def test_not_a_quantity(text: str) -> None:
    assert parsed(text) == []


def test_brackets_are_marked() -> None:
    norm = "网上申请60件（占75%），《2016年统计手册》3本"
    found = find_quantities(normalise(norm).text)
    assert [(int(q.value), q.unit, q.enclosed) for q in found] == [
        (60, "件", False),
        (75, "%", True),
        (3, "本", False),
    ]
    assert bracket_depths("a(b)c") == [0, 0, 1, 0, 0]


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(["条", "件", "人次", "项"]))
def test_arabic_counts_in_any_width_and_grouping(n: int, unit: str) -> None:
    for digits in (str(n), f"{n:,}", str(n).translate({c: c + 0xFEE0 for c in range(48, 58)})):
        found = parsed(f"全年共受理{digits}{unit}，均已办结。")
        assert [(v, u) for v, u, _, _ in found] == [(n, unit)]


@given(st.integers(min_value=1, max_value=99))
def test_chinese_counts(n: int) -> None:
    found = parsed(f"办理复议{int_to_cn(n)}件，")
    assert [(v, u, b) for v, u, b, _ in found] == [(n, "件", Bound.EXACT)]


@given(st.integers(min_value=0, max_value=9999), st.integers(min_value=1, max_value=99))
def test_wan_multiplies(whole: int, tenths: int) -> None:
    [(value, unit, _, _)] = parsed(f"访问量达到{whole}.{tenths:02d}万次，")
    assert (value, unit) == (Decimal(f"{whole}.{tenths:02d}") * 10_000, "次")


@given(st.integers(min_value=1, max_value=100_000))
def test_hedges(n: int) -> None:
    assert parsed(f"查阅{n}余人次")[0][2] is Bound.LOWER
    assert parsed(f"发布约{n}条")[0][2] is Bound.APPROX
    assert parsed(f"发布{n}条")[0][2] is Bound.EXACT


@pytest.mark.parametrize(
    ("text", "scale", "shown"),
    [
        ("经费8万元", "万", "8万"),
        ("经费3.5万元", "万", "3.5万"),
        ("经费3.50万元", "万", "3.50万"),
        ("访问量1.2亿次", "亿", "1.2亿"),
        ("经费80000元", "", None),
        ("受理二万件", "", None),
    ],
)
def test_the_scale_written_is_kept_and_shown_back(text: str, scale: str, shown) -> None:
    [q] = find_quantities(normalise(text).text)
    assert q.scale == scale
    if shown:
        assert in_scale(q.value, q.scale) == shown


def test_a_figure_in_another_scale_is_shown_at_the_places_beside_it() -> None:
    assert in_scale(Decimal(3000), "万", Decimal("0.2") * 10_000) == "0.3万"
    assert in_scale(Decimal(3000), "万", Decimal("0.25") * 10_000) == "0.30万"
    assert in_scale(Decimal(13500), "万", Decimal(20000)) == "1.35万"  # never rounded away
