"""The quick tests that spare the full work for most lines must never skip a line the full
work would report on: each one is a necessary condition of what it guards. Strings drawn
from the guarded patterns themselves (hypothesis ``from_regex``) check the claim."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from xxgk_lint import artefacts, chrome, garble, placeholders, quantities
from xxgk_lint.checks import privacy
from xxgk_lint.cjk import HAN_CLASS, common_chars, is_common, is_han
from xxgk_lint.normalise import _WIDTH_TABLE, fold_width
from xxgk_lint.partitions import NumberStatements, read_line
from xxgk_lint.quantities import bracket_depths, may_hold_counts_alike
from xxgk_lint.tables import statements

FEW = settings(max_examples=60, deadline=None)


def _each(patterns: list[re.Pattern[str]]):
    return st.sampled_from(patterns).flatmap(lambda p: st.from_regex(p))


@FEW
@given(_each([re.compile(p, re.IGNORECASE) for p in chrome._CHROME_PATTERNS]))
def test_every_furniture_pattern_holds_a_hint_word(text: str) -> None:
    assert chrome._CHROME_HINT.search(text)


@FEW
@given(st.from_regex(privacy._ID(), fullmatch=True))
def test_every_identity_number_holds_what_its_prefilter_finds(text: str) -> None:
    assert privacy._ID_DIGITS.search(text)


_FURNITURE = [
    "【打印本页】【关闭窗口】",
    "发布时间:2024-01-20 浏览次数:12 【打印】【关闭】",
    "分享到:",
    "来源:区政府办 作者:张三",
    "扫一扫在手机打开当前页",
    "当前位置:首页 » 年度报告",
]


@FEW
@given(
    st.from_regex(rf"[{HAN_CLASS}][{HAN_CLASS}0-9]{{0,20}}", fullmatch=True),
    st.sampled_from([" ", "  ", " \t"]),
    st.sampled_from(_FURNITURE),
)
def test_furniture_after_report_text_is_found_alone(head: str, blank: str, line: str) -> None:
    """Furniture a blank away from report text is found as furniture, and only it (the
    text before it, whatever it says, is never taken with it), unless that text is itself
    furniture."""
    found = chrome.furniture(head + blank + line)
    assert found is not None and found.end == len(head + blank + line)
    if found.whole:
        assert chrome.furniture(head) is not None or chrome._marks(head)
    else:
        assert (found.start, found.cut) == (len(head + blank), len(head)) and found.safe


@FEW
@given(_each([re.compile(p) for p in artefacts._FIELD_PATTERNS]))
def test_every_field_code_holds_an_upper_case_word_and_a_letter(text: str) -> None:
    assert artefacts._UPPER_WORD.search(text) and artefacts._MAY_HOLD.search(text)


@FEW
@given(
    _each(
        [
            artefacts._WATERMARK(),
            artefacts._BOOKMARK(),
            artefacts._INVISIBLE,
            artefacts._ENTITIES,
            artefacts._NBSP_RUN,
        ]
    )
)
def test_every_other_artefact_holds_a_letter_or_an_invisible_character(text: str) -> None:
    assert artefacts._MAY_HOLD.search(text)


@FEW
@given(
    _each(
        [
            placeholders._EMPTY_BRACKETS,
            placeholders._BRACKETED,
            re.compile(rf"[(【]\s*(?:请|此处)?(?:{placeholders._FILL})[^()【】]{{0,6}}[)】]"),
            re.compile(rf"\((?:本|贵)?(?:单位|机关)(?:{placeholders._NAME})\s*\)"),
            placeholders._BARE_INSTRUCTION,
            placeholders._XX,
            placeholders._CROSSES,
            placeholders._CIRCLES,
            placeholders._BLANKS,
            placeholders._DATE_X,
            placeholders._PHONE_X,
            re.compile(r"(?:www\.|https?://)[Xx]{3,6}\.gov\.cn|[Xx×]{3,}@163\.com"),
        ]
    )
)
def test_every_placeholder_form_holds_what_the_prefilter_finds(text: str) -> None:
    for line in text.splitlines() or [text]:
        assert not placeholders.spans(line) or placeholders.MAY_HOLD.search(line)


@FEW
@given(
    st.sampled_from(statements._PATTERNS + statements._ZERO).flatmap(
        lambda phrase: st.tuples(st.just(phrase.words), st.from_regex(phrase.pattern()))
    )
)
def test_every_statement_holds_its_words_and_a_number_or_a_negation(drawn) -> None:
    words, text = drawn
    assert statements._MAY_STATE.search(text)
    assert any(word in text for word in words)


@FEW
@given(st.from_regex(quantities._QUANTITY))
def test_every_count_is_announced_by_a_hint(text: str) -> None:
    counts = [q for q in quantities.find_quantities(text) if q.is_count]
    hinted = quantities._COUNT_HINT.findall(text)
    assert len(hinted) >= len(counts)


def test_two_counts_of_one_unit_are_needed_for_partitions_and_rates() -> None:
    assert may_hold_counts_alike("共受理申请12件，其中网上申请8件、当面申请4件。")
    assert may_hold_counts_alike("全年受理5名申请人，答复3位。")  # 名 and 位 are both 人
    assert not may_hold_counts_alike("受理申请12件，涉及8人。")
    assert not may_hold_counts_alike("2023年本机关继续推进政务公开。")
    found = NumberStatements()
    read_line(0, "受理申请12件，涉及8人，其中网上3人。", found)
    assert found.partitions == []  # no two counts of one unit before 其中: nothing to add up


@given(st.text(alphabet="一二三件人名位12 3、，,:;()（）其中共计等", max_size=40))
def test_lines_read_into_partitions_pass_the_quick_test(text: str) -> None:
    found = NumberStatements()
    read_line(0, text, found)
    if found.partitions or found.rates:
        assert may_hold_counts_alike(text)


@given(st.text(alphabet="([【〔《<{)]】〕》>}ab中 ", max_size=40))
def test_bracket_depths_match_a_walk_character_by_character(text: str) -> None:
    depths, depth = [], 0
    for ch in text:
        if ch in ")]】〕》>}":
            depth = max(depth - 1, 0)
        depths.append(depth)
        if ch in "([【〔《<{":
            depth += 1
    assert bracket_depths(text) == depths


@given(st.text(alphabet="，：；（）ＡＢ１２\u3000\u00a0中文ab ", max_size=40))
def test_folding_by_runs_matches_translating_everything(text: str) -> None:
    assert fold_width(text) == text.translate(_WIDTH_TABLE)


@given(st.characters())
def test_han_by_comparison_matches_the_character_class(ch: str) -> None:
    assert is_han(ch) == bool(re.match(f"[{HAN_CLASS}]", ch))
    assert is_han(ch + "x") == is_han(ch)
    assert not is_han("")


def test_the_common_characters_are_what_is_common_accepts() -> None:
    common = common_chars()
    assert len(common) == 3755  # GB 2312 level 1
    assert all(is_common(ch) for ch in common)
    assert "的" in common and "鍦" not in common


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="鍦ㄦ垜浠在我们的“”锟斤拷é¦–¡µÕþ¸®?？中文abc ", max_size=30))
def test_plain_lines_hold_no_garble(text: str) -> None:
    if not garble._suspects().search(text):
        assert garble.find_garbles(text) == []


def test_mojibake_still_found_after_the_quick_tests() -> None:
    assert [g.kind for g in garble.find_garbles("申请表可在网站娴嬭瘯栏目下载")] == ["mojibake"]
    assert [g.kind for g in garble.find_garbles("地址：本市人民路??号")] == ["question"]
    assert garble.find_garbles("本机关全年主动公开政府信息120条。") == []
