"""The outline: line classification, the grammar's nesting, and every tolerance it promises."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xxgk_lint.document import Document
from xxgk_lint.outline import UNNUMBERED, Outline, match_heading, table_label
from xxgk_lint.source import Source


def parse(text: str, newline: str = "\n") -> Document:
    """A document of ``text`` as decoded, with its line breaks written as ``newline``."""
    return Document(Source("report.txt", text.replace("\n", newline)))


def headings(doc: Document) -> list[tuple[int, str, int, int]]:
    """(line index, style, number, level) of every heading, in document order."""
    return [(h.line, h.style, h.number, h.level) for h in doc.outline.headings()]


def top(doc: Document) -> list[str]:
    return [s.heading.title for s in doc.outline.sections]


@pytest.mark.parametrize(
    ("line", "style", "number", "marker"),
    [
        ("一、总体情况", "cn", 1, "一、"),
        ("十一、其他需要报告的事项", "cn", 11, "十一、"),
        ("（二）主动公开政府信息情况", "cn_paren", 2, "（二）"),
        ("(三)依申请公开情况", "cn_paren", 3, "(三)"),
        ("1.规章", "arabic", 1, "1."),
        ("12、政府和社会资本合作信息", "arabic", 12, "12、"),
        ("３．行政规范性文件", "arabic", 3, "３．"),
        ("（4）行政许可", "arabic_paren", 4, "（4）"),
        ("⑤行政处罚", "circled", 5, "⑤"),
        ("2）行政强制", "arabic_half", 2, "2）"),
        ("3)行政检查", "arabic_half", 3, "3)"),
        ("第二部分 主动公开政府信息情况", "part", 2, "第二部分"),
        ("第三章 依申请公开", "part", 3, "第三章"),
    ],
)
def test_every_heading_style(line: str, style: str, number: int, marker: str) -> None:
    doc = parse(f"{line}\n本部分的正文。")
    (heading,) = doc.outline.headings()
    assert (heading.style, heading.number, heading.marker) == (style, number, marker)
    assert doc.source.text[heading.start : heading.start + len(marker)] == marker


def test_levels_nest_by_style() -> None:
    doc = parse(
        "第一部分 总述\n一、总体情况\n（一）主动公开\n1.规章\n（1）行政许可\n1）许可事项\n①事项\n"
        "正文。\n二、主动公开政府信息情况\n正文。"
    )
    assert headings(doc) == [
        (0, "part", 1, 1),
        (1, "cn", 1, 2),
        (2, "cn_paren", 1, 3),
        (3, "arabic", 1, 4),
        (4, "arabic_paren", 1, 5),
        (5, "arabic_half", 1, 6),
        (6, "circled", 1, 7),
        (8, "cn", 2, 2),
    ]
    (part,) = doc.outline.sections
    assert [c.heading.number for c in part.children] == [1, 2]
    deepest = part.children[0].children[0].children[0].children[0].children[0].children[0]
    assert deepest.body == [7]


def test_run_in_heading_keeps_its_body() -> None:
    doc = parse("（一）主动公开情况。本年度主动公开政府信息120条。")
    (h,) = doc.outline.headings()
    assert h.title == "主动公开情况"
    assert h.inline == "本年度主动公开政府信息120条。"
    assert doc.source.text[h.title_start : h.title_end] == "主动公开情况"


def test_title_front_preamble_and_sections() -> None:
    doc = parse(
        "首页 > 政府信息公开 > 年度报告\n某某县人民政府2023年政府信息公开工作年度报告\n"
        "本报告依据《中华人民共和国政府信息公开条例》编制。\n一、总体情况\n正文。"
    )
    outline = doc.outline
    assert (outline.front, outline.title_line, outline.preamble) == ([0], 1, [2])
    assert top(doc) == ["总体情况"]


@pytest.mark.parametrize(
    "rows",
    [
        "| 信息内容 | 本年制发件数 | 本年废止件数 |\n| 规章 | 0 | 0 |\n| 行政规范性文件 | 3 | 1 |",
        "信息内容\t本年制发件数\t本年废止件数\n规章\t0\t0\n行政规范性文件\t3\t1",
        "第二十条第（一）项 |\n信息内容 |\n本年制发件数 |\n规章 |\n0 |",
    ],
    ids=["pipes", "tabs", "cell-per-line"],
)
def test_table_blocks(rows: str) -> None:
    doc = parse(f"二、主动公开政府信息情况\n{rows}\n三、收到和处理政府信息公开申请情况\n正文。")
    count = rows.count("\n") + 1
    (table,) = doc.outline.tables()
    assert table.lines == list(range(1, 1 + count))
    assert doc.outline.sections[0].tables == [table]
    assert top(doc) == ["主动公开政府信息情况", "收到和处理政府信息公开申请情况"]


def test_flattened_format_table_labels_are_not_headings() -> None:
    doc = parse(
        "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\n5\n"
        "二、上年结转政府信息公开申请数量\n0\n三、本年度办理结果\n（一）予以公开\n3\n"
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形） 1 0 0 0 0 0 1\n"
        "四、政府信息公开行政复议、行政诉讼情况\n本年度未发生。"
    )
    assert top(doc) == ["收到和处理政府信息公开申请情况", "政府信息公开行政复议、行政诉讼情况"]


def test_a_label_like_heading_with_text_stays_a_heading() -> None:
    assert table_label("不予公开") is False
    doc = parse("（二）依申请公开\n正文。\n（三）不予公开\n本年度不予公开2件，均已说明理由。")
    assert [h.title for h in doc.outline.headings()] == ["依申请公开", "不予公开"]


@pytest.mark.parametrize(
    "footer",
    ["", "\n\n扫一扫在手机打开\n网站地图 | 联系我们\n联系电话：0000-1234567\n地址：某某路1号\n"],
    ids=["bare", "page-footer"],
)
@pytest.mark.parametrize(
    "date",
    [
        "2024年1月10日",
        "二〇二四年一月十日",
        "2024 年 1 月 10 日",
        "2024-01-10",
        "2024.1.10",
        "2024/1/10",
        "\u30002024-1-10\u3000 ",
    ],
)
def test_signature(footer: str, date: str) -> None:
    doc = parse(f"一、总体情况\n正文。\n\n\u3000\u3000某某市统计局\n\u3000\u3000{date}{footer}")
    sig = doc.outline.signature
    assert sig is not None
    assert (sig.issuer_line, sig.date_line) == (3, 4)
    assert doc.outline.sections[0].body == [1]
    assert doc.facts.published == "2024-01-10"
    assert doc.facts.issuer == "某某市统计局"


def test_skipped_level_nests_under_the_nearest_higher_heading() -> None:
    doc = parse("一、总体情况\n1.规章\n正文。\n2.规范性文件\n正文。\n二、主动公开\n正文。")
    first, second = doc.outline.sections
    assert [c.heading.title for c in first.children] == ["规章", "规范性文件"]
    assert second.heading.number == 2


def test_numbering_restarts_under_a_new_parent() -> None:
    doc = parse("一、总体情况\n（一）甲\n正文。\n（二）乙\n正文。\n二、主动公开\n（一）丙\n正文。")
    assert [[c.heading.number for c in s.children] for s in doc.outline.sections] == [[1, 2], [1]]


def test_blank_lines_and_full_width_indentation() -> None:
    doc = parse(
        "\n\n\u3000\u3000一、总体情况\n\n\n\u3000\u3000正文。\n\n  二、主动公开\n\n正文。\n"
    )
    first, second = doc.outline.sections
    assert first.body == [5]
    assert doc.source.position(first.heading.start) == (3, 3)
    assert doc.source.position(second.heading.start) == (8, 3)


@pytest.mark.parametrize(
    ("line", "marker", "title"),
    [
        ("二、主动公开政府信息情况：", "二、", "主动公开政府信息情况"),
        ("（四）、以政务公开助力防风险", "（四）、", "以政务公开助力防风险"),
        ("(四)、以政务公开助力防风险", "(四)、", "以政务公开助力防风险"),
        ("一、、总体情况", "一、、", "总体情况"),
        ("一．总体情况", "一．", "总体情况"),
        ("一 总体情况", "一", "总体情况"),
    ],
)
def test_stray_punctuation_in_headings(line: str, marker: str, title: str) -> None:
    (h,) = parse(f"{line}\n正文。").outline.headings()
    assert (h.marker, h.title) == (marker, title)


def test_artefacts_before_a_heading_number() -> None:
    doc = parse(
        "二、主动公开\n11、统计信息\n正文。\n[bookmark: _GoBack]12、政府和社会资本合作信息：正文。"
    )
    h = doc.outline.headings()[-1]
    assert (h.style, h.number, h.marker) == ("arabic", 12, "12、")
    assert doc.source.position(h.start) == (4, 20)  # after the 19 characters of the bookmark


@pytest.mark.parametrize(
    "line",
    [
        "2017年，我局主动公开政府信息120条。",
        "5.15政务公开日，我局开展了宣传活动。",
        "1.2万条信息已归档。",
        "12月31日前完成目录更新。",
        "一是加强组织领导。",
        "3%的申请在当日答复。",
    ],
)
def test_years_and_decimals_at_line_start_are_not_headings(line: str) -> None:
    assert match_heading(line.replace("，", ",").replace("。", "。")) is None
    assert parse(f"一、总体情况\n{line}").outline.sections[0].body == [1]


def test_spans_map_into_the_original_with_traditional_pinyin_and_crlf() -> None:
    text = (
        "某某區2023年政府信息公開工作年度報告\n"
        "二、主動(dòng)公開(kāi)政府信息情況\n"
        "（一）規(guī)章。正文。"
    )
    doc = parse(text, newline="\r\n")
    second, sub = doc.outline.headings()
    assert second.title == "主动公开政府信息情况"
    original = doc.source.text
    assert original[second.title_start : second.title_end] == "主動(dòng)公開(kāi)政府信息情況"
    assert doc.source.position(second.start) == (2, 1)
    assert sub.title == "规章"
    assert original[sub.title_start : sub.title_end] == "規(guī)章"
    assert original[sub.start : sub.title_start] == "（一）"


_LINES = st.one_of(
    st.sampled_from(
        [
            "一、总体情况",
            "（二）主动公开。正文。",
            "(三)、依申请",
            "3.规章",
            "12、统计",
            "（4）许可",
            "②处罚",
            "第一部分 总述",
            "某某局2023年政府信息公开工作年度报告",
            "| 规章 | 0 | 1 |",
            "规章\t0\t1",
            "信息内容 |",
            "一、本年新收政府信息公开申请数量",
            "5",
            "2024年1月10日",
            "某某市统计局",
            "扫一扫在手机打开",
            "[bookmark: _GoBack]1、正文",
            "\u3000\u3000正文。",
            "主動(dòng)公開(kāi)",
            "依申请公开政府信息情况",
            "其他需要报告的事项",
            "行政复议",
            "无。",
            "",
        ]
    ),
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"),
        max_size=30,
    ),
)


@settings(max_examples=150, deadline=None)
@given(lines=st.lists(_LINES, max_size=25), newline=st.sampled_from(["\n", "\r\n"]))
def test_outline_never_fails_and_spans_lie_in_the_text(lines: list[str], newline: str) -> None:
    doc = parse("\n".join(lines), newline)
    outline: Outline = doc.outline
    n = len(doc.lines)
    for h in outline.headings():
        line = doc.lines[h.line]
        assert line.start <= h.start <= h.title_start <= h.title_end <= h.end == line.end
        assert doc.source.text[h.start : h.start + len(h.marker)] == h.marker
    for section in outline.walk():
        assert all(0 <= i < n for i in section.body)
    assert all(0 <= i < n for t in outline.tables() for i in t.lines)
    if outline.signature:
        assert 0 <= outline.signature.date_line < n
    placed = [
        *outline.front,
        *([outline.title_line] if outline.title_line is not None else []),
        *outline.preamble,
        *(i for t in outline.tables() for i in t.lines),
        *(i for s in outline.walk() for i in [s.heading.line, *s.body]),
        *(
            [outline.signature.issuer_line, outline.signature.date_line]
            if outline.signature
            else []
        ),
        *outline.tail,
    ]
    placed = [i for i in placed if i is not None]
    assert sorted(placed) == [line.index for line in doc.lines if line.norm.strip()]


# --- unnumbered part headings ----------------------------------------------------------------

_OPENING = "某某县水利局2015年政府信息公开工作年度报告\n本报告的统计期限为2015年全年。\n"


def plain(doc: Document) -> list[tuple[int, int, str]]:
    """(line, level, title) of every unnumbered heading."""
    return [(h.line, h.level, h.title) for h in doc.outline.headings() if h.style == UNNUMBERED]


def test_an_unnumbered_part_between_numbered_ones_is_their_sibling() -> None:
    doc = parse(
        _OPENING
        + "一、概述\n本局落实各项公开制度。\n二、主动公开政府信息情况\n全年公开信息85条。\n"
        "依申请公开政府信息情况\n全年收到申请4件，均已答复。\n"
        "四、其他需要报告的事项\n无。"
    )
    assert plain(doc) == [(6, 2, "依申请公开政府信息情况")]
    assert top(doc) == [
        "概述",
        "主动公开政府信息情况",
        "依申请公开政府信息情况",
        "其他需要报告的事项",
    ]
    h = doc.outline.sections[2].heading
    assert (h.number, h.marker, doc.source.text[h.start : h.title_end]) == (
        0,
        "",
        "依申请公开政府信息情况",
    )
    assert doc.outline.sections[2].body == [7]


def test_unnumbered_parts_hold_their_numbered_sub_headings() -> None:
    doc = parse(
        _OPENING
        + "概述\n本局落实各项公开制度。\n主动公开政府信息情况\n（一）公开数量\n全年公开信息85条。\n"
        "（二）公开形式\n以门户网站为主。\n### 其他需要报告的事项\n本年度无其他需要报告的事项。"
    )
    assert plain(doc) == [
        (2, 0, "概述"),
        (4, 0, "主动公开政府信息情况"),
        (9, 0, "其他需要报告的事项"),
    ]
    active = doc.outline.sections[1]
    assert [c.heading.title for c in active.children] == ["公开数量", "公开形式"]


def test_a_lone_part_name_in_prose_does_not_make_an_outline() -> None:
    doc = parse(_OPENING + "本局落实各项公开制度。\n其他需要报告的事项\n无。")
    assert plain(doc) == []


@pytest.mark.parametrize(
    "middle",
    [
        "本年度未收取任何费用\n",  # a sentence without its full stop
        "依申请公开政府信息情况如下\n",  # a sentence introducing a part
        "主动公开政府信息情况统计表\n| 类别 | 条数 |\n| 规章 | 2 |\n",  # a table caption
        "本报告包括：\n依申请公开政府信息情况\n政府信息公开收费及减免情况\n",  # a list of parts
        "依申请公开政府信息情况\n政府信息公开收费及减免情况\n存在的主要问题及改进措施\n",
    ],
    ids=["sentence", "introduction", "caption", "listed-after-colon", "run-of-three"],
)
def test_lines_that_mention_parts_are_body_text(middle: str) -> None:
    doc = parse(
        _OPENING
        + "一、主动公开政府信息情况\n全年公开信息85条。\n"
        + middle
        + "二、依申请公开政府信息情况\n全年收到申请4件。"
    )
    assert plain(doc) == []
    assert top(doc) == ["主动公开政府信息情况", "依申请公开政府信息情况"]


def test_a_restated_title_under_a_numbered_heading_is_not_a_heading() -> None:
    doc = parse(
        _OPENING + "一、主动公开政府信息情况\n全年公开信息85条。\n"
        "二、依申请公开政府信息情况\n依申请公开政府信息情况\n全年收到申请4件。\n"
        "三、其他需要报告的事项\n无。"
    )
    assert plain(doc) == []
    assert doc.outline.sections[1].body == [5, 6]


def test_a_part_already_numbered_is_not_headed_again() -> None:
    doc = parse(
        _OPENING + "一、存在的主要问题及改进措施\n栏目更新不及时。\n改进措施\n建立通报制度。\n"
    )
    assert plain(doc) == []


def test_cells_of_a_table_written_one_cell_a_line_are_not_headings() -> None:
    doc = parse(
        _OPENING + "主动公开政府信息情况\n全年公开信息85条。\n"
        "政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n结果维持\n结果纠正\n0\n0\n"
        "其他需要报告的事项\n无。"
    )
    assert [title for _, _, title in plain(doc)] == [
        "主动公开政府信息情况",
        "政府信息公开行政复议、行政诉讼情况",
        "其他需要报告的事项",
    ]


def test_a_part_named_like_a_report_is_not_the_title() -> None:
    doc = parse(
        "概述\n本局落实各项公开制度。\n其他需要报告的事项\n无。\n某某县水利局\n2016年3月1日"
    )
    assert doc.outline.title_line is None
    assert plain(doc) == [(0, 0, "概述"), (2, 0, "其他需要报告的事项")]
    assert doc.outline.signature == (4, 5)


def test_emphasis_closes_a_heading_title() -> None:
    doc = parse(
        "**一、总体情况**\n正文。\n**（一）主动公开。**全年公开12条。\n**二、主动公开情况：**\n"
    )
    assert [(h.title, h.inline) for h in doc.outline.headings()] == [
        ("总体情况", ""),
        ("主动公开", "全年公开12条。"),
        ("主动公开情况", ""),
    ]


def test_a_spaced_number_heads_a_title_listing_parts() -> None:
    assert match_heading("四　政府信息公开行政复议、行政诉讼情况")[:2] == ("cn", 4)
    assert match_heading("四 是加强培训，提高水平") is None


@pytest.mark.parametrize(
    "line", ["3、4月份，组织开展业务培训2次。", "11、12月对网站栏目开展自查。"]
)
def test_two_months_in_a_row_are_not_an_item(line: str) -> None:
    assert match_heading(line) is None
    assert match_heading("2、12月底前完成栏目改版")[:2] == ("arabic", 2)


@pytest.mark.parametrize(
    ("line", "title", "inline"),
    [
        ("六、其他需要报告的事项　无。", "其他需要报告的事项", "无。"),
        ("六、其他需要报告的事项（无）", "其他需要报告的事项", "无)"),
        ("六、其他需要报告的事项--无", "其他需要报告的事项", "无"),
        (
            "五、存在的主要问题及改进情况　栏目更新不及时。",
            "存在的主要问题及改进情况",
            "栏目更新不及时。",
        ),
        ("五、存在的主要问题 及改进情况。", "存在的主要问题 及改进情况", ""),
        ("一、总体情况（含监督保障）", "总体情况(含监督保障)", ""),
    ],
)
def test_a_body_set_off_by_a_gap_runs_on(line: str, title: str, inline: str) -> None:
    (h,) = parse(line).outline.headings()
    assert (h.title, h.inline) == (title, inline)


def test_a_signature_dated_by_the_month_alone() -> None:
    doc = parse("一、总体情况\n正文。\n\n某某市统计局\n\u30002024年1月\u3000")
    assert doc.outline.signature == (3, 4)
    assert doc.facts.published == "2024-01"
    assert doc.facts.published_source == "signature"


@pytest.mark.parametrize("last", ["2024/1.10", "2024年1月10日印发", "2024-13-40x", "20241月"])
def test_a_closing_line_that_is_not_a_date_is_no_signature(last: str) -> None:
    doc = parse(f"一、总体情况\n正文。\n某某市统计局\n{last}")
    assert doc.outline.signature is None
    assert doc.facts.published is None


@pytest.mark.parametrize(
    ("first", "second", "style"),
    [
        ("一、", "总体情况", "cn"),
        ("\u3000\u3000一、", "\u3000\u3000总体情况：", "cn"),
        ("（一）", "总体情况", "cn_paren"),
        ("第一部分", "总体情况", "part"),
        ("1.", "总体情况", "arabic"),
        ("1）", "总体情况", "arabic_half"),
    ],
)
def test_a_number_alone_takes_its_title_from_the_next_line(
    first: str, second: str, style: str
) -> None:
    doc = parse(f"{first}\n\n{second}\n本年度，我局认真贯彻落实《条例》。\n二、主动公开\n正文。")
    h = doc.outline.headings()[0]
    assert (h.style, h.number, h.marker, h.title) == (style, 1, first.strip(), "总体情况")
    assert (h.line, h.title_line) == (0, 2)
    assert doc.source.text[h.title_start : h.title_end] == "总体情况"
    assert doc.source.text[h.start : h.start + len(h.marker)] == h.marker
    assert doc.outline.sections[0].body == [3]


@pytest.mark.parametrize(
    "below",
    [
        "本年度，我局认真贯彻落实《条例》，全年共收到申请5件，均已按时办结。",  # a sentence
        "二、主动公开政府信息情况",  # a heading of its own
        "| 收到申请 | 5 |",  # a table row
    ],
)
def test_a_number_alone_before_text_that_is_no_title_stays_as_it_was(below: str) -> None:
    doc = parse(f"某某局2023年政府信息公开工作年度报告\n一、\n{below}\n正文。")
    assert all(h.title_line is None for h in doc.outline.headings())
    assert 1 not in [h.line for h in doc.outline.headings()]


def test_flattened_table_labels_under_lone_numbers_are_not_headings() -> None:
    doc = parse(
        "三、收到和处理政府信息公开申请情况\n（一）\n予以公开\n3\n（二）\n部分公开\n1\n"
        "四、政府信息公开行政复议、行政诉讼情况\n本年度未发生。"
    )
    assert [h.title for h in doc.outline.headings()] == [
        "收到和处理政府信息公开申请情况",
        "政府信息公开行政复议、行政诉讼情况",
    ]
    assert doc.outline.sections[0].body == [1, 2, 3, 4, 5, 6]


@pytest.mark.parametrize("line", ["1）件", "12)号文件规定", "2)", "3) "])
def test_half_bracket_numbers_that_head_nothing(line: str) -> None:
    """The tolerance of 1. holds for 1): a count or a document number is no heading, and a
    number alone is one only with a title on the next line."""
    assert match_heading(line) is None
