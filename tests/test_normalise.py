"""The matching view and its offset map back to the original text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from xxgk_lint.normalise import find_pinyin_readings, fold_width, normalise, to_simplified


def test_pinyin_readings_are_removed_and_recorded() -> None:
    text = "根據(jù)《條例》，報(bào)告如下"
    view = normalise(text)
    assert view.text == "根据《条例》,报告如下"
    assert [text[s:e] for s, e in view.pinyin_spans] == ["(jù)", "(bào)"]


def test_readings_need_a_tone_mark_and_a_valid_syllable() -> None:
    assert find_pinyin_readings("附件(a)和图(b)") == []
    assert find_pinyin_readings("系统(API)接口") == []
    assert find_pinyin_readings("開（kāi）展") == [(1, 6)]
    assert find_pinyin_readings("皖I(lǐng)CP") == [(2, 8)]
    assert find_pinyin_readings("認真(rèn zhēn)履職") == [(2, 12)]  # a word's reading
    assert find_pinyin_readings("項目(ok fine)和(ān quan)") == []  # every syllable toned


def test_neutral_tone_readings_count_next_to_toned_ones() -> None:
    text = "我們(men)的(de)工作公(gōng)開"
    assert [text[s:e] for s, e in find_pinyin_readings(text)] == ["(men)", "(de)", "(gōng)"]
    assert find_pinyin_readings("我們(men)的(de)工作") == []  # no toned reading vouches
    assert find_pinyin_readings("根據(jù)系统(ok)和附件(a)") == [(2, 6)]


def test_width_folding_and_simplification_keep_lengths() -> None:
    assert fold_width("（一）１２３，ＡＢ　") == "(一)123,AB "
    text = "國務院辦公廳關於印發"
    assert len(to_simplified(text)) == len(text)
    assert to_simplified(text) == "国务院办公厅关于印发"


def test_the_view_tells_whether_any_character_was_traditional() -> None:
    assert normalise("本機關（一）全年公開１２條").traditional
    assert not normalise("本机关（一）全年公开１２条").traditional
    assert not normalise("根据(jù)规定").traditional  # a reading alone is not traditional


def test_to_orig_points_at_the_original_character() -> None:
    text = "本報(bào)告共１２條(tiáo)。"
    view = normalise(text)
    i = view.text.index("12")
    start, end = view.span_to_orig(i, i + 2)
    assert text[start:end] == "１２"
    j = view.text.index("条")
    assert text[view.to_orig(j)] == "條"
    # a span ending just before a removed reading does not include it
    k = view.text.index("报")
    assert text[slice(*view.span_to_orig(k, k + 1))] == "報"


PIECES = st.sampled_from(
    [
        "報",
        "(bào)",
        "告",
        "（jù）",
        "根",
        "據",
        "１２",
        "，",
        "條",
        "例",
        "a",
        "(a)",
        "\n",
        "　",
        "x",
        "(lǐ)",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=40))
def test_offset_map_round_trips(pieces: list[str]) -> None:
    text = "".join(pieces)
    view = normalise(text)
    removed = sum(e - s for s, e in view.pinyin_spans)
    assert len(view.text) == len(text) - removed
    for i, ch in enumerate(view.text):
        orig = view.to_orig(i)
        assert fold_width(to_simplified(text[orig])) == ch
        assert not any(s <= orig < e for s, e in view.pinyin_spans)
    # mapped offsets are strictly increasing: the map never reorders text
    mapped = [view.to_orig(i) for i in range(len(view.text))]
    assert mapped == sorted(set(mapped))
