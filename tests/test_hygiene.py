"""T001–T007: text hygiene, on report text written for these tests."""

from __future__ import annotations

import re

import pytest

from xxgk_lint.check import all_checks
from xxgk_lint.engine import Finding

from .conftest import lint_text

PLACEHOLDER = re.compile(r"\{(\w+)\}")


def apply_fixes(text: str, findings: list[Finding]) -> str:
    """The text after applying every edit of the findings' fixes (positions are 1-based)."""
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    edits = []
    for f in findings:
        assert f.fix is not None, f"{f.code} at {f.line}:{f.column} has no fix"
        for e in f.fix["edits"]:
            edits.append(
                (
                    starts[e["line"] - 1] + e["column"] - 1,
                    starts[e["end_line"] - 1] + e["end_column"] - 1,
                    e["content"],
                )
            )
    edits.sort(reverse=True)
    for (start, end, content), later in zip(edits, [None, *edits], strict=False):
        assert later is None or end <= later[0], "overlapping edits"
        text = text[:start] + content + text[end:]
    return text


def spans(findings: list[Finding]) -> list[tuple[int, int, int]]:
    return [(f.line, f.column, f.end_column) for f in findings]


# T001 pinyin-annotation


def test_pinyin_readings_one_finding_per_line_with_one_fix() -> None:
    text = "本單位依(yī)法公開(kāi)政府信息。\n第二行沒有注音。\n報(bào)告如下"
    found = lint_text(text, "T001")
    assert spans(found) == [(1, 5, 9), (3, 2, 7)]
    assert "2" in found[0].message and "依(yī)" in found[0].message
    assert found[0].fix["applicability"] == "safe"
    assert len(found[0].fix["edits"]) == 2
    assert apply_fixes(text, found) == "本單位依法公開政府信息。\n第二行沒有注音。\n報告如下"


def test_full_width_bracket_reading_is_found() -> None:
    found = lint_text("政府信息公开（kāi）工作", "T001")
    assert spans(found) == [(1, 7, 12)]
    assert apply_fixes("政府信息公开（kāi）工作", found) == "政府信息公开工作"


@pytest.mark.parametrize(
    "text",
    ["本单位依法公开政府信息（附件1）。", "附件(a)和图(b)", "系统(API)接口", "采用PPP(ppp)模式"],
)
def test_brackets_that_are_not_readings_pass(text: str) -> None:
    assert lint_text(text, "T001") == []


# T002 garbled-text


@pytest.mark.parametrize(
    ("text", "span", "shown"),
    [
        ("宣传活动情况?;顒悠陂g,印发手册", (1, 7, 13), "?;顒悠陂g"),
        ("地址：某市清河?xùn)|路8号", (1, 8, 14), "?xùn)|"),
        ("地址：某市人民路??号", (1, 9, 11), "??"),
        ("2023?年全年", (1, 5, 6), "?"),
        ("申请表可在网站娴嬭瘯栏目下载", (1, 8, 11), "娴嬭瘯"),
        ("網站鍦ㄦ垜浠 欄目", (1, 3, 7), "鍦ㄦ垜浠"),
        ("进入网站é¦–é¡µ查看", (1, 5, 11), "é¦–é¡µ"),
        ("单位Õþ¸®¹«¿ª栏目", (1, 3, 11), "Õþ¸®¹«¿ª"),
        ("乱码Ã¤Â¸Â­Ã¦", (1, 3, 11), "Ã¤Â¸Â"),
        ("文字\ufffd\ufffd丢失", (1, 3, 5), "\ufffd"),
        ("文字锟斤拷锟斤拷丢失", (1, 3, 9), "锟斤拷"),
        ("申请人张\ue001提出申请", (1, 5, 6), "U+E001"),
    ],
)
def test_garbled_text_fires(text: str, span: tuple[int, int, int], shown: str) -> None:
    found = lint_text(text, "T002")
    assert spans(found) == [span]
    assert shown in found[0].message
    assert found[0].fix is None


def test_mojibake_message_says_what_it_was() -> None:
    found = lint_text("申请表可在网站娴嬭瘯栏目下载", "T002")
    assert "测试" in found[0].message
    found = lint_text("申请表可在网站娴嬭瘯栏目下载", "T002", lang="en")
    assert "测试" in found[0].message and "wrong encoding" in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        "如何申请?请见办事指南。",
        "是否需要收费?我们认为不需要。",
        "（是否公开?）由机关决定。",
        "公開與否如何決定?請見指南。",
        "如何申請？請見辦事指南。",  # a full-width ？ is a real question mark
        "What is PPP?项目合作",
        "网址 http://www.example.gov.cn/index.jsp?id=12",
        "住房公积金缴存比例为12%。",
        "二○一八年，全区政府信息公开工作稳步推进。",
        "维生素C,以及咖啡因×2",
        "本機關全年主動公開政府信息一百二十條。",
        "一、总体情况··········1",
        "××××局办公室",
        "温度为25°C，Café与Müller",
    ],
)
def test_clean_text_is_not_garbled(text: str) -> None:
    assert lint_text(text, "T002") == []


def _as_gbk(text: str) -> str:
    """``text`` written as UTF-8 and read back as GBK: what a wrongly decoded page shows."""
    return text.encode("utf-8").decode("gbk", errors="replace")


@pytest.mark.parametrize(
    ("meant", "shown", "said"),
    [
        # the first characters of the stretch are common ones (县政 reads as 鍘挎斂)
        ("县政府把信息公开", "鍘挎斂搴滄妸淇℃伅鍏", "县政府把信息"),
        # cut off by a replacement character inside its last character
        ("区政府按照", "鍖烘斂搴滄寜鐓", "区政府按"),
        ("无。", "鏃犮", "无"),
    ],
)
def test_mojibake_is_found_to_its_first_and_last_character(
    meant: str, shown: str, said: str
) -> None:
    text = "2023年，" + _as_gbk(meant) + "纳入考核。"
    found = lint_text(text, "T002")
    assert found[0].column == 7 and shown in found[0].message and said in found[0].message


@pytest.mark.parametrize(
    "meant",
    ["全年共收到申请（含网上申请）", "申请人：", "2023年，本区公开信息。"],
)
def test_gbk_read_as_latin1_is_found_with_its_punctuation(meant: str) -> None:
    garbled = meant.encode("gbk").decode("latin-1")
    found = lint_text("第一部分" + garbled + "结束", "T002")
    assert len(found) == 1 and meant.lstrip("0123456789") in found[0].message


def test_utf8_read_as_gbk_with_lost_bytes_is_found() -> None:
    # a decoder that drops what it cannot read leaves common characters among the rare ones
    garbled = "2023年政府信息公开工作年度报告".encode().decode("gbk", errors="ignore")
    found = lint_text("标题：" + garbled, "T002")
    assert any("年政府" in f.message for f in found)


def test_touching_garbles_are_one_finding() -> None:
    # mojibake broken by replacement characters is one defect, not one per piece
    found = lint_text("标题：" + _as_gbk("北京市海淀区政府"), "T002")
    assert len(found) == 1 and "北京市海" in found[0].message
    assert found[0].column == 4


def test_mojibake_is_not_counted_as_traditional_characters() -> None:
    text = (
        "某县2023年政府信息公开工作年度报告\n2023年，"
        + _as_gbk("县政府把信息公开工作")
        + "纳入考核。"
    )
    assert lint_text(text, "T005") == []
    # traditional characters outside it still are
    found = lint_text(text + "\n本機關繼續推進。", "T005")
    assert found[0].data == {"count": 5, "first_line": 3}


# T003 page-chrome

_PAGE = (
    "首页 > 政务公开 > 年度报告\n"  # 1
    "\n"
    "某区2023年政府信息公开工作年度报告\n"  # 3
    "发布时间：2024-01-20 来源：区政府办 浏览次数： 【字体：大 中 小】 打印\n"  # 4
    "一、总体情况\n"
    "本机关通过政府网站发布信息120条，信息来源均经审核。\n"
    "如对本报告有疑问，请与区政府办联系。\n"
    "联系电话：0551-62601234\n"  # 8: the report's own contact line
    "\n"
    "某区人民政府办公室\n"  # 10
    "2024年1月20日\n"  # 11
    "扫一扫在手机打开当前页面\n"  # 12
    "网站地图 | 联系我们 | 关怀版 | 无障碍\n"  # 13
    "主办单位：某区人民政府 技术支持：某信息中心\n"  # 14
    "地址：某市某路1号\n"  # 15
    "邮编：100000\n"  # 16
    "某ICP备12345678号-1 某公网安备 34120202000164号"  # 17
)


def test_page_chrome_lines_are_found_and_deleted() -> None:
    found = lint_text(_PAGE, "T003")
    assert [f.line for f in found] == [1, 4, 12, 13, 14, 15, 16, 17]
    assert found[0].column == 1 and found[0].end_column == 17
    assert all(f.severity.value == "warning" for f in found)
    fixed = apply_fixes(_PAGE, found)
    assert fixed == (
        "\n某区2023年政府信息公开工作年度报告\n一、总体情况\n"
        "本机关通过政府网站发布信息120条，信息来源均经审核。\n"
        "如对本报告有疑问，请与区政府办联系。\n联系电话：0551-62601234\n\n"
        "某区人民政府办公室\n2024年1月20日\n"
    )


def test_contact_lines_right_above_the_tool_bar_are_report_text() -> None:
    text = (
        "某局2023年政府信息公开工作年度报告\n"
        "六、其他需要报告的事项\n"
        "本年度未收取信息处理费。\n"
        "地址：临江市滨江大道100号\n"
        "联系电话：0439-6212345\n"
        "【打印本页】 【关闭窗口】\n"
        "分享到：\n"
    )
    found = lint_text(text, "T003")
    assert [f.line for f in found] == [6, 7]
    assert "地址" in apply_fixes(text, found)


def test_metadata_lines_join_a_metadata_block() -> None:
    text = (
        "某局2023年政府信息公开工作年度报告\n"
        "索引号：11220581MB0123456X/2024-00012\n"
        "发文机关：临江市交通运输局\n"
        "成文日期：2024-01-25\n"
        "一、总体情况\n"
        "全年主动公开信息156条。\n"
        "来源：区统计局\n"
    )
    assert [f.line for f in lint_text(text, "T003")] == [2, 3, 4]


def test_traditional_and_full_width_chrome_is_found() -> None:
    text = (
        "某縣2019年政府信息公開工作年度報告\n"
        "網站地圖｜聯繫我們｜繁體版\n"
        "發佈時間：2020-01-15　來源：縣政府辦"
    )
    assert [f.line for f in lint_text(text, "T003")] == [2, 3]


@pytest.mark.parametrize(
    "line",
    [
        "当前位置：首页 > 政府信息公开 > 年度报告",
        "您现在的位置: 首页>部门信息公开目录>市公路局",
        "政务公开 > 政府信息公开年报 > 区政府办",
        "索引号：11340000MB0000000X/2024-00012 主题分类：工作报告",
        "信息来源： 浏览次数： 字体：[ ]",
        "字号：大 中 小",
        "上一篇：关于某某的通知",
        "分享到：",
        "【打印本页】【关闭窗口】",
        "版权所有：某市人民政府 网站标识码3412000032",
        "正文内容区域请使用tab按钮切换浏览",
        "发布者：区政府办  发布时间：2024-01-20",
    ],
)
def test_single_chrome_lines(line: str) -> None:
    text = "某市2023年政府信息公开工作年度报告\n" + line + "\n一、总体情况\n全年主动公开信息。"
    assert [f.line for f in lint_text(text, "T003")] == [2]


@pytest.mark.parametrize(
    "line",
    [
        "（三）完善网站地图和无障碍功能",
        "数据来源：区统计局",
        "规范信息发布时间、来源等要素，全面提升网站质量。",
        "群众可通过扫一扫二维码查询办事进度",
        "四、分享到各平台的信息",
        "地址：某市某路1号",
        "2024年1月20日",
        "网站访问量：全年政府网站总访问量达125万人次",
        "浏览次数：年度报告专栏浏览次数1.2万次",
        "6.技术支持：由县大数据中心提供网站技术支持",
        "(二)点击量：政务新媒体文章累计点击量38万次",
        "分享到微信朋友圈的信息经审核后发布",
    ],
)
def test_report_text_is_not_chrome(line: str) -> None:
    text = "某市2023年政府信息公开工作年度报告\n一、总体情况\n" + line + "\n全年主动公开信息。"
    assert lint_text(text, "T003") == []


@pytest.mark.parametrize(
    "line",
    [
        "主办：某市人民政府办公室  承办：某市信息中心",
        "承办单位：某市信息中心",
        "分享：",
        "分享到：",
        "分享到： 微信 微博",
        "分享到 微信 QQ",
        "访问量：356 分享到：",
        "浏览次数：",
        "今天是：2013年3月28日 星期四",
        "今天是2024年1月22日",
        "您是第 12345 位访客",
        "您是本站第12345位访问者",
        "TOP",
        "Go Top",
        "回到顶部",
        "手机版 | 微信 | 微博",
    ],
)
def test_footer_and_toolbar_variants_are_chrome(line: str) -> None:
    text = "某市2023年政府信息公开工作年度报告\n一、总体情况\n全年主动公开信息。\n" + line
    found = lint_text(text, "T003")
    assert [(f.line, f.column) for f in found] == [(4, 1)]
    assert found[0].fix is not None


@pytest.mark.parametrize(
    "line",
    [
        "今天是政府信息公开条例施行十五周年",
        "（二）分享经验做法",
        "分享：典型案例汇编",
        "主办：全市政务公开培训班",
        "TOP10 重点领域",
        "访客接待登记制度",
        "全年网站访问量120万人次",
        "一是建立微信、微博矩阵",
    ],
)
def test_report_text_with_furniture_words_is_not_chrome(line: str) -> None:
    text = "某市2023年政府信息公开工作年度报告\n一、总体情况\n" + line + "\n全年主动公开信息。"
    assert lint_text(text, "T003") == []


@pytest.mark.parametrize(
    ("line", "column", "furniture"),
    [
        ("2024年1月20日 【打印本页】【关闭窗口】", 12, "【打印本页】【关闭窗口】"),
        ("2024年1月20日【打印】", 11, "【打印】"),
        ("某区人民政府办公室 打印本页 关闭窗口", 11, "打印本页 关闭窗口"),
        ("无其他需要报告的事项。分享到：", 12, "分享到："),
        (
            "全年共召开专题会议三次，审议文件十二件，培训二百人次。【打印】【关闭】",
            28,
            "【打印】【关闭】",
        ),
    ],
)
def test_furniture_after_report_text_is_reported_alone(
    line: str, column: int, furniture: str
) -> None:
    text = "某区2023年政府信息公开工作年度报告\n一、总体情况\n全年主动公开信息。\n" + line
    found = lint_text(text, "T003")
    assert [(f.line, f.column, f.end_column) for f in found] == [
        (4, column, column + len(furniture))
    ]
    assert apply_fixes(text, found) == text[: -len(line)] + line[: line.index(furniture)].rstrip()


def test_a_title_with_its_byline_is_still_the_title() -> None:
    text = (
        "某区2023年政府信息公开工作年度报告 发布时间：2024-01-20 来源：区政府办 【打印】\n"
        "一、总体情况\n全年主动公开信息。"
    )
    found = lint_text(text, "T003", "S006")
    assert [(f.code, f.line, f.column) for f in found] == [("T003", 1, 21)]
    assert apply_fixes(text, found).startswith("某区2023年政府信息公开工作年度报告\n一、")


def test_placeholders_and_marks_in_trailing_furniture_are_left_to_t003() -> None:
    text = "某区2023年政府信息公开工作年度报告\n某区人民政府 技术支持:XX网络公司 【打印】"
    assert lint_text(text, "T006", "T007") == []
    text = "某區2023年政府信息公開工作年度報告\n2024年1月20日 【打印本頁】【關(guān)閉窗口】"
    assert lint_text(text, "T001") == []
    found = lint_text(text, "T003")
    assert apply_fixes(text, found) == text.split(" ")[0]


def test_title_and_signature_are_never_chrome() -> None:
    found = lint_text(_PAGE, "T003")
    assert not {3, 10, 11} & {f.line for f in found}


# T004 conversion-artefact


@pytest.mark.parametrize(
    ("text", "span", "fixed"),
    [
        ("[bookmark: _GoBack]三、收到申请情况", (1, 1, 20), "三、收到申请情况"),
        ("[bookmark: _GoBack]三、收到和處理申請情況", (1, 1, 20), "三、收到和處理申請情況"),
        ("一、总体[bookmark: _Toc12345]情况", (1, 5, 26), "一、总体情况"),
        (
            '详见 HYPERLINK "http://www.a.gov.cn" http://www.a.gov.cn 网站',
            (1, 4, 35),
            "详见 http://www.a.gov.cn 网站",
        ),
        ("见第 PAGEREF _Toc123456 \\h 3 页", (1, 4, 25), "见第 3 页"),
        ("第 { PAGE } 页", (1, 3, 11), "第 页"),
        ("共 3 页 \\* MERGEFORMAT", (1, 7, 21), "共 3 页 "),
        ('目录 TOC \\o "1-3" \\h \\z \\u 一、总体情况', (1, 4, 25), "目录 一、总体情况"),
    ],
)
def test_word_artefacts_are_deleted(text: str, span: tuple[int, int, int], fixed: str) -> None:
    found = lint_text(text, "T004")
    assert spans(found) == [span]
    assert apply_fixes(text, found) == fixed


def test_converter_watermark_line_is_deleted_whole() -> None:
    text = (
        "Evaluation Warning: The document was created with Spire.Doc for .NET.\n"
        "某区2023年政府信息公开工作年度报告\n"
        "一、总体情况Created with an evaluation copy of Aspose.Words.\n"
    )
    found = lint_text(text, "T004")
    assert spans(found) == [(1, 1, 70), (3, 7, 55)]
    assert "Evaluation Warning" in found[0].message
    assert apply_fixes(text, found) == "某区2023年政府信息公开工作年度报告\n一、总体情况\n"


def test_invisible_characters_are_one_finding_per_line() -> None:
    text = "政府\u200b信息\u00ad公开\ufeff工作"
    found = lint_text(text, "T004")
    assert spans(found) == [(1, 3, 10)]
    assert "3" in found[0].message and "U+200B" in found[0].message
    assert apply_fixes(text, found) == "政府信息公开工作"


def test_form_feed_and_no_break_space_runs_are_deleted() -> None:
    nbsp = "\u00a0" * 4
    text = f"五、存在的主要问题及改进情况\f\n部分信息更新不及时。{nbsp}下一步将加强督查。"
    found = lint_text(text, "T004")
    assert spans(found) == [(1, 15, 16), (2, 11, 15)]
    assert "U+000C" in found[0].message and "4" in found[1].message
    assert apply_fixes(text, found) == (
        "五、存在的主要问题及改进情况\n部分信息更新不及时。下一步将加强督查。"
    )


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("全文&nbsp;&nbsp;&nbsp;如下：", "全文如下："),
        ("深化&ldquo;放管服&rdquo;改革", "深化“放管服”改革"),
        ("Spire&nbsp;Doc 与 A&amp;B 公司", "Spire Doc 与 A&B 公司"),
        ("编号&#12345;", "编号〹"),
    ],
)
def test_html_character_references_are_replaced(text: str, fixed: str) -> None:
    found = lint_text(text, "T004")
    assert found and all("&" in f.message for f in found)
    assert apply_fixes(text, found) == fixed


def test_character_references_in_markdown_are_markup() -> None:
    assert lint_text("全文&nbsp;&nbsp;如下", "T004", path="r.md") == []


def test_page_number_lines_are_deleted() -> None:
    text = "全年主动公开信息。\n— 3 —\n第 2 页 共 5 页\n3\n共5页，第1页\n一、总体情况"
    found = lint_text(text, "T004")
    assert [(f.line, f.column, f.end_column) for f in found] == [(2, 1, 6), (3, 1, 12), (5, 1, 8)]
    assert "— 3 —" in found[0].message
    assert apply_fixes(text, found) == "全年主动公开信息。\n3\n一、总体情况"


@pytest.mark.parametrize(
    "text",
    [
        "\u00a0\u00a0\u00a0\u00a02023年，我局坚持依法公开。",  # an indentation
        "某区人民政府办公室\u00a0\u00a0\u00a02024年1月20日",  # a signature's layout
        "政府信息\u00a0公开",  # one no-break space
        "联系人\t电话",
        "12",  # a table cell on a line of its own
        "第3页至第5页为附表",
        "AT&T 与 R&D 部门",
    ],
)
def test_layout_spaces_are_not_artefacts(text: str) -> None:
    assert lint_text(text, "T004") == []


@pytest.mark.parametrize(
    "text",
    [
        "三、收到和处理政府信息公开申请情况",
        "本页共3页，第1页",
        "The PAGE is blank; REF number 12",
        "公开目录见 http://www.example.gov.cn/ml/index.html",
    ],
)
def test_clean_text_has_no_artefact(text: str) -> None:
    assert lint_text(text, "T004") == []


# T005 traditional-characters


def test_traditional_characters_one_finding_per_report() -> None:
    text = "某區2023年政府信息公開工作年度報告\n本機關全年主動公開政府信息120條。\n以後繼續推進。"
    found = lint_text(text, "T005")
    assert len(found) == 1
    f = found[0]
    assert (f.line, f.column, f.end_column) == (1, 2, 3)
    assert f.data == {"count": 11, "first_line": 1}
    assert f.fix["applicability"] == "unsafe"
    assert apply_fixes(text, found) == (
        "某区2023年政府信息公开工作年度报告\n本机关全年主动公开政府信息120条。\n以后继续推进。"
    )


def test_quoted_names_are_not_counted_nor_converted() -> None:
    text = "本機關與“鴻海精密”合作。"
    found = lint_text(text, "T005")
    assert found[0].data == {"count": 3, "first_line": 1}
    assert apply_fixes(text, found) == "本机关与“鴻海精密”合作。"


def test_pinyin_readings_are_not_counted_nor_touched() -> None:
    text = "根據(jù)條例"
    found = lint_text(text, "T005")
    assert found[0].data == {"count": 2, "first_line": 1}
    assert apply_fixes(text, found) == "根据(jù)条例"


@pytest.mark.parametrize(
    "text",
    [
        "本机关全年主动公开政府信息120条，其中规范性文件12件。",
        "乾隆年间档案；于是继续推进。",
        "於某某同志参加培训；乾坤朗朗。",
        "（一）主动公开情况：ＰＰＰ项目１２个。",
        "我局与“鴻海精密”开展合作，并在《後漢書》研究会上发言。",
    ],
)
def test_simplified_text_has_no_traditional_characters(text: str) -> None:
    assert lint_text(text, "T005") == []


# T006 half-width-punctuation


def test_half_width_marks_in_chinese_text() -> None:
    text = "全年共收到申请46件,其中网上申请30件(含邮件申请)。\n占比100%,其中:3人;合计如何?请见附件!"
    found = lint_text(text, "T006")
    assert spans(found) == [
        (1, 11, 12),
        (1, 21, 28),
        (2, 7, 8),
        (2, 10, 11),
        (2, 13, 14),
        (2, 18, 19),
        (2, 23, 24),
    ]
    assert all(f.severity.value == "info" for f in found)
    assert apply_fixes(text, found) == (
        "全年共收到申请46件，其中网上申请30件（含邮件申请）。\n占比100%，其中：3人；合计如何？请见附件！"
    )


def test_space_after_half_width_comma_goes_with_it() -> None:
    text = "主动公开, 依申请公开"
    found = lint_text(text, "T006")
    assert spans(found) == [(1, 5, 6)]
    assert apply_fixes(text, found) == "主动公开，依申请公开"


def test_traditional_text_and_heading_brackets() -> None:
    # A list marker opening a line is S004's (heading style), not T006's: rules.md.
    text = "(一)主動公開情況(含下屬單位)\n全年公開信息120條,較上年增長5%。"
    found = lint_text(text, "T006")
    assert spans(found) == [(1, 10, 17), (2, 11, 12)]
    fixed = "(一)主動公開情況（含下屬單位）\n全年公開信息120條，較上年增長5%。"
    assert apply_fixes(text, found) == fixed


@pytest.mark.parametrize(
    "text",
    [
        "全年共收到申请46件，其中网上申请30件（含邮件申请）。",
        "投资1,000万元，时间09:08，比例3:1",
        "网址http://www.example.gov.cn:8080，邮箱xxgk@example.gov.cn",
        "推广(PPP)模式和BOT,TOT方式",
        "1.总体情况",
        "地址：清河?xùn)|路",
        "政府信息公(gōng)开",
    ],
)
def test_no_half_width_finding(text: str) -> None:
    assert lint_text(text, "T006") == []


def test_chrome_lines_are_left_to_t003() -> None:
    text = "某区2023年政府信息公开工作年度报告\n发布时间:2024-01-20 来源:区政府办 浏览次数:"
    assert lint_text(text, "T006") == []


# T007 unfilled-placeholder


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("本报告电子版可在本区政府网站下载()。", (1, 17, 19)),
        ("本报告电子版可在本区政府网站下载（ ）。", (1, 17, 20)),
        ("XX区人民政府2023年政府信息公开工作年度报告", (1, 1, 3)),
        ("20XX年度报告", (1, 3, 5)),
        ("××局办公室", (1, 1, 3)),
        ("○○科负责", (1, 1, 3)),
        ("统计期限自【】起", (1, 6, 8)),
        ("联系人：＿＿＿", (1, 5, 8)),
        ("联系人：_____", (1, 5, 10)),
        ("(单位名称)2023年政府信息公开工作年度报告", (1, 1, 7)),
        ("咨询电话：[请填写]", (1, 6, 11)),
        ("本年度收到申请（填写数字）件", (1, 8, 14)),
        ("此处填写本单位简介", (1, 1, 5)),
        ("在“”栏目公开", (1, 2, 4)),
        ("ＸＸ局负责", (1, 1, 3)),
        ("联系人：＿＿", (1, 5, 7)),
        # traditional characters: matched on the simplified text, reported on the original
        ("（單位名稱）2023年政府信息公開工作年度報告", (1, 1, 7)),
        ("此處填寫本單位簡介", (1, 1, 5)),
        ("咨詢電話：[請填寫]", (1, 6, 11)),
        ("本年度收到申請（填寫數字）件", (1, 8, 14)),
        ("在此輸入聯系電話", (1, 1, 5)),
        ("ＸＸ區人民政府2023年政府信息公開工作年度報告", (1, 1, 3)),
        # a single X for the figures of a date
        ("二〇二四年X月X日", (1, 6, 10)),
        ("请于X月X日前答复", (1, 3, 7)),
        ("截至X日", (1, 3, 5)),
        ("二〇二X年工作要点", (1, 4, 5)),
        ("（202X年）", (1, 5, 6)),
        ("××月××日", (1, 1, 7)),
        # a telephone number of X
        ("联系电话：0791-XXXXXXX", (1, 6, 18)),
        ("联系电话：(0791)XXXXXXXX", (1, 6, 20)),
        ("联系电话：XXXX-XXXXXXX", (1, 6, 18)),
        ("传真0791-××××××××", (1, 3, 16)),
        # an address whose name is only x
        ("本报告可在本区政府网站（www.xxx.gov.cn）下载", (1, 17, 20)),
        ("邮箱：xxx@163.com", (1, 4, 7)),
        ("网址http://XXXX.gov.cn", (1, 10, 14)),
        # a date of X in a sentence that also gives a web address
        ("统计期限为20XX年，电子版可在网站（www.xx.gov.cn）下载", (1, 8, 10)),
        ("电子版见http://www.a.gov.cn/xxgk/。统计期限为20XX年", (1, 38, 40)),
        # XX where no name is masked: after a word, or before a noun
        ("由XX负责", (1, 2, 4)),
        ("市XX局", (1, 2, 4)),
        ("刘XX区人民政府", (1, 2, 4)),
        ("各乡镇王XX科负责", (1, 5, 7)),
    ],
)
def test_placeholders_fire(text: str, span: tuple[int, int, int]) -> None:
    found = lint_text(text, "T007")
    assert spans(found) == [span]
    assert found[0].fix is None


@pytest.mark.parametrize(
    "text",
    [
        "本报告电子版可在本区政府网站（www.example.gov.cn）下载。",
        "网址www.xx.gov.cn和XXL尺码",
        "二○一八年，全区工作稳步推进。",
        "申请人请填写《政府信息公开申请表》后提交。",
        "申請人請填寫《政府信息公開申請表》後提交。",
        "（填写说明见附件）",
        "（填寫說明見附件）",
        "網址www.xx.gov.cn",
        "二○一八年，全區工作穩步推進。",
        "本局__重点__工作",  # two half-width underscores: Markdown emphasis, not a blank
        "[bookmark: _GoBack]一、总体情况",
        "——————",
        "某某公司申请公开相关信息",
        # masked personal names
        "申请人刘XX申请公开征地补偿方案",
        "申请人刘××申请公开",
        "市民王XX来电反映",
        "（张XX）",
        "张XX、李××等3人",
        "欧阳XX同志",
        "局长王XX，",
        "李XX诉县政府信息公开一案",
        "当事人陈XX不服答复",
        "申請人劉ＸＸ申請公開",
        # X that is not a stand-in
        "X射线检测设备采购信息",
        "Max日均访问量",
        "网址www.xx.gov.cn",
        "网址www.jxxx.gov.cn",
        "访问xxgk.example.gov.cn",
        "尺寸为3×4米",
        "联系电话：0791-86281234",
    ],
)
def test_filled_text_passes(text: str) -> None:
    assert lint_text(text, "T007") == []


@pytest.mark.parametrize(
    ("text", "lang", "quoted"),
    [
        ("（單位名稱）2023年政府信息公開工作年度報告", "zh", "“（單位名稱）”"),
        ("此處填寫本單位簡介", "en", "“此處填寫”"),
        ("聯系人：ＸＸ，電話：＿＿＿", "zh", "“ＸＸ”"),
    ],
)
def test_placeholder_message_quotes_the_original_text(text: str, lang: str, quoted: str) -> None:
    found = lint_text(text, "T007", lang=lang)
    assert quoted in found[0].message


def test_placeholder_after_a_pinyin_reading_keeps_its_original_span() -> None:
    # the reading is removed from the normalised text; the finding still counts it
    text = "本單位依(yī)法公開，聯系人：ＸＸ\n此處(chù)填寫本單位簡介"
    found = lint_text(text, "T007")
    assert spans(found) == [(1, 17, 19), (2, 1, 10)]
    assert "“ＸＸ”" in found[0].message
    assert "“此處(chù)填寫”" in found[1].message


@pytest.mark.parametrize("code", ["T001", "T002", "T003", "T004", "T005", "T006", "T007"])
def test_rule_docs_and_messages(code: str) -> None:
    check = all_checks()[code]
    assert code in {f.code for f in lint_text(check.doc.fires, code)}
    assert lint_text(check.doc.passes, code) == []
    for message in [*check.messages.values(), check.help]:
        assert set(PLACEHOLDER.findall(message.zh)) == set(PLACEHOLDER.findall(message.en))
