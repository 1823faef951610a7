"""T001–T007: text hygiene, the publishing defects a reader sees before reading a figure.

Each rule finds its spans with a module of its own (garble, chrome, artefacts, punct,
placeholders) line by line, on the original text (placeholders: on the normalised text,
mapped back), so that positions and fixes refer to the file as the user has it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import ClassVar

from ..artefacts import find_artefacts
from ..check import Check, Message, RuleDoc
from ..chrome import Furniture, chrome_lines
from ..cjk import is_han
from ..diagnostic import Diagnostic, Edit, Fix, Severity
from ..document import Document, Line
from ..garble import Garble, find_garbles
from ..normalise import to_simplified
from ..placeholders import MAY_HOLD as MAY_HOLD_PLACEHOLDER
from ..placeholders import find_placeholders
from ..punct import find_half_width

_WHY_ACCURATE_ZH = (
    "《政府信息公开条例》第六条要求行政机关准确地公开政府信息；国办公开办函〔2021〕30号"
    "将年度报告“发布内容不准确不全面”列为追责情形。"
)
_WHY_ACCURATE_EN = (
    "Article 6 of the Regulations requires government information to be published accurately; "
    "国办公开办函〔2021〕30号 holds people accountable for annual reports whose published "
    "content is inaccurate (发布内容不准确)."
)
_WHY_SCRIPT_ZH = "《国家通用语言文字法》第九条：国家机关以普通话和规范汉字为公务用语用字。"
_WHY_SCRIPT_EN = (
    "Article 9 of the Law on the Standard Spoken and Written Chinese Language: state organs use "
    "standard (simplified) Chinese characters in official business."
)
_SNIPPET = 24


def _snippet(text: str) -> str:
    text = text.strip()
    return text if len(text) <= _SNIPPET else text[: _SNIPPET - 1] + "…"


def _furniture(doc: Document) -> dict[int, Furniture]:
    """Page furniture by line index (T003): whole furniture lines, never the title or the
    signature, and the furniture that ends a line of report text (any line's)."""
    found = chrome_lines([line.norm for line in doc.lines])
    keep = {doc.outline.title_line}
    if doc.outline.signature:
        keep |= {doc.outline.signature.issuer_line, doc.outline.signature.date_line}
    return {i: f for i, f in found.items() if not (f.whole and i in keep)}


def _chrome(doc: Document) -> set[int]:
    """Lines that are furniture and nothing else (T001, T005, T006 and T007 leave them to
    T003, whose fix deletes them)."""
    return {i for i, f in doc.derived(_furniture).items() if f.whole}


def _furniture_tail(doc: Document, line: Line) -> tuple[int, int] | None:
    """Where the furniture ending a line of report text starts: (normalised, original)
    column; None when the line has none (T006 and T007 leave that part to T003)."""
    found = doc.derived(_furniture).get(line.index)
    if found is None or found.whole:
        return None
    return found.start, line.orig_offset(found.start) - line.start


def _garbles(doc: Document) -> dict[int, list[Garble]]:
    """Garbled spans by line index (T002; T006 leaves a garbled ? to it)."""
    return {line.index: found for line in doc.lines if (found := find_garbles(line.text))}


def _readings(doc: Document) -> dict[int, list[tuple[int, int]]]:
    """Pinyin readings (original spans) by line index."""
    found: dict[int, list[tuple[int, int]]] = {}
    for start, end in doc.view.pinyin_spans:
        found.setdefault(doc.source.line_of(start), []).append((start, end))
    return found


def _delete_line(doc: Document, line: Line) -> Edit:
    """Delete a whole line with its line break (the last line keeps the break before it)."""
    if line.index + 1 < len(doc.lines):
        return Edit(line.start, doc.lines[line.index + 1].start, "")
    return Edit(line.start, line.end, "")


class PinyinAnnotation(Check):
    code = "T001"
    name = "pinyin-annotation"
    severity = Severity.ERROR
    fixable = "safe"
    messages: ClassVar[dict[str, Message]] = {
        "default": Message(
            "本行有 {count} 处汉字后带括号拼音注音（如“{example}”），是转换工具留下的，应删除",
            "{count} bracketed pinyin reading(s) after characters on this line (e.g. {example}), "
            "left by a conversion tool; delete them",
        )
    }
    help = Message(
        "删除括号中的拼音；整篇带注音时，请从原始文档重新导出",
        "Delete the bracketed readings; if the whole report carries them, "
        "export it again from the source document",
    )
    doc = RuleDoc(
        what_zh="汉字后紧跟括号注音（根據(jù)），常见于经繁体转换或被镜像站点处理过的文本。"
        "每行报告一次，指向该行第一处注音，修复删除该行全部注音：这类文本一行常有几十处注音，"
        "逐处报告会淹没其他问题，而人工核对和修复都以行为单位。",
        what_en="A toned pinyin reading in brackets right after a character (根據(jù)), typical of "
        "text passed through a traditional-script converter or a mirror site. Reported once per "
        "line, at the line's first reading; the fix deletes every reading on the line. Such "
        "text carries dozens of readings a line: one finding each would bury every other "
        "finding, while a person reviews and fixes it line by line.",
        why_zh=_WHY_ACCURATE_ZH,
        why_en=_WHY_ACCURATE_EN,
        fires="本单位依(yī)法公开政府信息。",
        passes="本单位依法公开政府信息（附件1）。",
    )

    def run(self, doc: Document) -> Iterator[Diagnostic]:
        chrome = doc.derived(_chrome)
        text = doc.source.text
        for index, spans in doc.derived(_readings).items():
            if index in chrome:
                continue  # the whole line goes with T003's fix
            line = doc.lines[index]
            if tail := _furniture_tail(doc, line):
                spans = [(s, e) for s, e in spans if s < line.start + tail[1]]
                if not spans:
                    continue  # in the furniture that ends the line: T003's
            first_start, first_end = spans[0]
            example = text[max(0, first_start - 1) : first_end]
            fix = Fix(tuple(Edit(s, e, "") for s, e in spans))
            yield self.diagnostic(
                first_start, first_end, count=len(spans), example=example, fix=fix
            )


class GarbledText(Check):
    code = "T002"
    name = "garbled-text"
    severity = Severity.ERROR
    messages: ClassVar[dict[str, Message]] = {
        "replacement": Message(
            "出现替换字符“{text}”（U+FFFD），原文字符在编码转换中丢失",
            "Replacement character “{text}” (U+FFFD): characters were lost "
            "in an encoding conversion",
        ),
        "private-use": Message(
            "出现私用区字符（{codepoint}），在其他设备上显示为乱码或空白",
            "Private-use character ({codepoint}): it shows as garbage or a blank on other devices",
        ),
        "question": Message(
            "疑似乱码“{text}”：汉字之间的问号多为无法编码而丢失的字符",
            "Probably garbled: “{text}”; a ? between Chinese characters usually stands for a "
            "character the encoder could not write",
        ),
        "mojibake": Message(
            "疑似乱码“{text}”：按错误编码解读的文字",
            "Probably garbled: “{text}” is text decoded with the wrong encoding",
        ),
        "mojibake-meant": Message(
            "疑似乱码“{text}”：按错误编码解读的文字，可能原为“{meant}”",
            "Probably garbled: “{text}” is text decoded with the wrong encoding, "
            "probably “{meant}”",
        ),
    }
    help = Message(
        "对照原始文档恢复这些文字，并以 UTF-8 重新保存发布",
        "Restore the text from the source document and publish it again saved as UTF-8",
    )
    doc = RuleDoc(
        what_zh="乱码：替换字符 U+FFFD、私用区字符、夹在汉字间代替丢失字符的半角问号（清河?路）、"
        "按错误编码解读的文字（UTF-8 被当作 GBK 读出的“娴嬭瘯”）。"
        "后者以重新编码、解码能否得到常用汉字来判断，不依赖词表。",
        what_en="Garbled text: U+FFFD, private-use characters, a half-width ? standing for a lost "
        "character between Chinese characters (清河?路), and mojibake (UTF-8 read as GBK: 娴嬭瘯). "
        "Mojibake is recognised by re-encoding the run and finding common Chinese, "
        "not by a word list.",
        why_zh=_WHY_ACCURATE_ZH,
        why_en=_WHY_ACCURATE_EN,
        fires="地址：本市人民路??号；申请表可在网站娴嬭瘯栏目下载。",
        passes="地址：本市人民路8号。如何申请?请见办事指南。",
    )

    def run(self, doc: Document) -> Iterator[Diagnostic]:
        for index, garbles in doc.derived(_garbles).items():
            line = doc.lines[index]
            for g in garbles:
                text = line.text[g.start : g.end]
                key = "mojibake-meant" if g.meant else g.kind
                codepoint = ", ".join(f"U+{ord(ch):04X}" for ch in text)
                start, end = line.start + g.start, line.start + g.end
                yield self.diagnostic(
                    start, end, key, text=text, codepoint=codepoint, meant=g.meant
                )


class PageChrome(Check):
    code = "T003"
    name = "page-chrome"
    severity = Severity.WARNING
    fixable = "safe"
    messages: ClassVar[dict[str, Message]] = {
        "default": Message(
            "网页栏目内容混入报告：“{text}”",
            "Web page furniture copied into the report: “{text}”",
        )
    }
    help = Message(
        "删除面包屑、发布信息、分享打印、页脚等网页元素，只保留报告正文",
        "Delete breadcrumbs, bylines, share/print bars and footers; keep only the report text",
    )
    doc = RuleDoc(
        what_zh="从网页复制报告时带入的网页元素：面包屑导航、发布时间/来源/浏览次数/字体/打印、"
        "扫一扫、分享到、网站地图、ICP备案和公网安备页脚、主办单位、关怀版/无障碍等。"
        "页脚中的地址、邮编、电话行只在与其他网页元素相邻时算作网页元素。标题和落款（发文机关、成文日期）不是网页元素。"
        "一行中报告文字后接网页元素（标题后接发布时间、落款日期后接【打印本页】）时，只报告并删除网页元素部分；"
        "修复只在要删除的每一段都是网页元素（标签及其取值、按钮、导航词）时提供，以免误删报告文字。",
        what_en="Page furniture copied with the report: breadcrumbs, "
        "发布时间/来源/浏览次数/字体/打印 "
        "bylines, 扫一扫, 分享到, 网站地图, ICP/公网安备 footers, 主办单位, accessibility bars. "
        "Address, postcode and telephone lines count only inside a block of other furniture. "
        "The title and the signature (issuer and date) are never furniture. When report text "
        "and furniture share a line (a title followed by its byline, a signature date followed "
        "by 【打印本页】), only the furniture is reported and deleted. The fix is offered only "
        "when every piece it deletes is furniture (a label and its value, a button, a "
        "navigation word), so that it never takes report text with it.",
        why_zh=_WHY_ACCURATE_ZH,
        why_en=_WHY_ACCURATE_EN,
        fires="首页 > 政务公开 > 年度报告\n发布时间：2024-01-20 来源：区政府办 浏览次数：",
        passes="本机关通过政府网站发布信息120条，信息来源均经审核。",
    )

    def run(self, doc: Document) -> Iterator[Diagnostic]:
        # A web page's title and byline, read from outside the article body for context, are
        # the page's own furniture, not something pasted into the report.
        for i, found in sorted(doc.derived(_furniture).items()):
            if i in doc.source.context_lines:
                continue
            line = doc.lines[i]
            if found.whole:
                start, end = doc.line_span(i)
                edit = _delete_line(doc, line)
            else:  # report text, then furniture: only the furniture goes
                start, end = line.orig_span(found.start, found.end)
                edit = Edit(line.orig_offset(found.cut), line.end, "")
            fix = Fix((edit,)) if found.safe else None
            text = doc.source.text[start:end]
            yield self.diagnostic(start, end, text=_snippet(text), fix=fix)


class ConversionArtefact(Check):
    code = "T004"
    name = "conversion-artefact"
    severity = Severity.ERROR
    fixable = "safe"
    messages: ClassVar[dict[str, Message]] = {
        "bookmark": Message(
            "Word 书签标记“{text}”残留在正文中", "Word bookmark marker “{text}” left in the text"
        ),
        "field": Message(
            "Word 域代码“{text}”残留在正文中", "Word field code “{text}” left in the text"
        ),
        "watermark": Message(
            "文档转换工具的水印残留在正文中：“{text}”",
            "A document converter's watermark is left in the text: “{text}”",
        ),
        "entity": Message(
            "网页字符实体“{text}”残留在正文中", "HTML character reference “{text}” left in the text"
        ),
        "page-number": Message("页码“{text}”残留在正文中", "Page number “{text}” left in the text"),
        "invisible": Message(
            "本行有 {count} 个不可见字符（{codepoint}），会干扰检索和读屏",
            "{count} invisible character(s) on this line ({codepoint}); "
            "they break search and screen readers",
        ),
        "nbsp": Message(
            "中文语句中夹有 {count} 个连续的不换行空格（U+00A0），是网页转换留下的段首缩进",
            "{count} no-break spaces (U+00A0) in a row inside Chinese text: a web page's "
            "paragraph indentation left by the conversion",
        ),
    }
    help = Message(
        "删除这些转换残留；用正规方式（另存为或打印为 PDF）重新导出文档",
        "Delete the left-overs; export the document again the proper way "
        "(Save As, or print to PDF)",
    )
    doc = RuleDoc(
        what_zh="文档转换的残留：[bookmark: _GoBack] 等书签标记，"
        "HYPERLINK、PAGEREF、MERGEFORMAT、{ PAGE } 等 Word 域代码，"
        "Spire、Aspose 等转换工具的评估版水印，单独成行的页码（— 3 —、第 2 页 共 5 页），"
        "作为文字留下的网页字符实体（&nbsp;、&ldquo;），零宽空格、软连字符、换页符等不可见字符和控制字符，"
        "以及夹在中文语句中的连续不换行空格（行首缩进和数字、西文旁的不算）。",
        what_en="Left-overs of document conversion: bookmark markers such as "
        "[bookmark: _GoBack], Word field codes (HYPERLINK, PAGEREF, MERGEFORMAT, { PAGE }), "
        "evaluation watermarks of converters "
        "(Spire, Aspose), page numbers on a line of their own (— 3 —, 第 2 页 共 5 页), "
        "HTML character references left as text (&nbsp;, &ldquo;), "
        "invisible and control characters (zero-width spaces, soft hyphens, "
        "form feeds), and runs of no-break spaces inside Chinese text (not an indentation "
        "opening a line, nor next to figures or Latin text).",
        why_zh=_WHY_ACCURATE_ZH,
        why_en=_WHY_ACCURATE_EN,
        fires="[bookmark: _GoBack]三、收到和处理政府信息公开申请情况",
        passes="三、收到和处理政府信息公开申请情况",
    )

    def run(self, doc: Document) -> Iterator[Diagnostic]:
        entities = not doc.source.path.lower().endswith((".md", ".markdown"))
        for line in doc.lines:
            found = find_artefacts(line.text, entities)
            invisible = [a for a in found if a.kind == "invisible"]
            for a in found:
                if a.kind == "invisible":
                    continue
                text = line.text[a.start : a.end]
                if a.whole_line:
                    edit = _delete_line(doc, line)
                else:
                    edit = Edit(line.start + a.start, line.start + a.end, a.replacement)
                start = line.start + a.start
                end = line.start + (a.end if a.kind == "nbsp" else len(line.text[: a.end].rstrip()))
                yield self.diagnostic(
                    start, end, a.kind, text=_snippet(text), count=len(text), fix=Fix((edit,))
                )
            if invisible:
                chars = "".join(line.text[a.start : a.end] for a in invisible)
                edits = tuple(Edit(line.start + a.start, line.start + a.end, "") for a in invisible)
                yield self.diagnostic(
                    edits[0].start,
                    edits[-1].end,
                    "invisible",
                    count=len(chars),
                    codepoint=", ".join(sorted({f"U+{ord(ch):04X}" for ch in chars})),
                    fix=Fix(edits),
                )


class TraditionalCharacters(Check):
    code = "T005"
    name = "traditional-characters"
    severity = Severity.ERROR
    fixable = "unsafe"
    messages: ClassVar[dict[str, Message]] = {
        "default": Message(
            "报告使用了繁体字：共 {count} 个（如“{example}”），应使用规范汉字",
            "The report uses traditional characters: {count} of them (e.g. “{example}”); "
            "standard simplified characters are required",
        )
    }
    help = Message(
        "用 OpenCC 等工具转换为简体后逐处核对（人名、地名中的字可能需要保留）",
        "Convert to simplified characters (e.g. with OpenCC) and check each change; "
        "characters in personal and place names may need to stay",
    )
    doc = RuleDoc(
        what_zh="报告中含有繁体字（与 OpenCC 繁简转换结果不同的字）。"
        "整篇报告只报告一次，给出数量和首次出现的位置；拼音注音、乱码（T002）和引号、书名号中的"
        "名称（“鴻海精密”《後漢書》）中的字不计，"
        "GB 2312 中本有的字（如乾、於）单独出现时不计。"
        "修复将全部繁体字转换为简体，需人工核对，属于非安全修复。",
        what_en="The report contains traditional characters (characters that OpenCC t2s conversion "
        "changes). Reported once per report with the count and the first place; pinyin readings "
        "garbled text (T002) and names in quotation or title marks (“鴻海精密”, 《後漢書》) "
        "are ignored, and characters of GB 2312 (乾, 於…) do not count "
        "on their own. The fix converts every traditional run; it needs review, so it is unsafe.",
        why_zh=_WHY_SCRIPT_ZH,
        why_en=_WHY_SCRIPT_EN,
        fires="本機關全年主動公開政府信息120條。",
        passes="本机关全年主动公开政府信息120条。",
    )

    def run(self, doc: Document) -> Iterator[Diagnostic]:
        if not doc.view.traditional:
            return  # simplification changed nothing: no line holds a traditional character
        line_edits: list[tuple[int, int, str]] = []
        count = 0
        first: tuple[int, int, int] | None = None
        chrome, garbles = doc.derived(_chrome), doc.derived(_garbles)
        for line in doc.lines:
            if line.index in chrome:
                continue  # the whole line goes with T003's fix
            changed = _traditional(doc, line)
            if changed and line.index in garbles:  # mojibake is T002's, not a script choice
                changed = _outside(changed, line.start, garbles[line.index])
            counted = [i for i, _, ambivalent in changed if not ambivalent]
            if not counted:
                continue
            count += len(counted)
            if first is None:
                first = (line.index, counted[0], counted[0] + 1)
            line_edits.append(_line_edit(doc.source.text, changed))
        if first is None:
            return
        text = doc.source.text
        _, start, end = first
        example = text[start:end]
        edits = tuple(Edit(s, e, r) for s, e, r in line_edits)
        yield self.diagnostic(
            start,
            end,
            count=count,
            example=example,
            data={"count": count, "first_line": doc.source.position(start)[0]},
            fix=Fix(edits, "unsafe"),
        )


def _traditional(doc: Document, line: Line) -> list[tuple[int, str, bool]]:
    """(original offset, simplified form, ambivalent) of each character of ``line`` that
    OpenCC changes; ambivalent characters belong to GB 2312 and are standard in some uses."""
    if line.text.isascii():
        return []
    readings = doc.derived(_readings).get(line.index)
    if readings:
        inside = {o for s, e in readings for o in range(s, e)}
        offsets = [o for o in range(line.start, line.end) if o not in inside]
        kept = "".join(doc.source.text[o] for o in offsets)
        simple = to_simplified(kept)
    else:  # the normalised line is the simplified one, character for character
        offsets, kept, simple = range(line.start, line.end), line.text, line.norm
    if simple == kept:
        return []
    quoted = {line.start + o for m in _QUOTED_NAME.finditer(line.text) for o in range(*m.span())}
    changed = []
    for o, a, b in zip(offsets, kept, simple, strict=True):
        if a != b and o not in quoted and (ambivalent := _han_in_gb2312(a)) is not None:
            changed.append((o, b, ambivalent))
    return changed


_QUOTED_NAME = re.compile(
    r"“[^“”\n]{1,20}”|「[^「」\n]{1,20}」|『[^『』\n]{1,20}』|《[^《》\n]{1,30}》"
)
"""A name in quotation marks or title marks (“鴻海精密”, 《後漢書》): a proper name or a title
quoted as its owner writes it, not the report's own choice of script."""


def _outside(
    changed: list[tuple[int, str, bool]], base: int, garbles: list[Garble]
) -> list[tuple[int, str, bool]]:
    """The changes of a line that fall outside its garbled spans (offsets from ``base``)."""
    return [c for c in changed if not any(g.start <= c[0] - base < g.end for g in garbles)]


@lru_cache(maxsize=4096)
def _han_in_gb2312(ch: str) -> bool | None:
    """None for a character that is not Han; else whether GB 2312 has it."""
    if not is_han(ch):
        return None
    try:
        ch.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


def _line_edit(text: str, changes: list[tuple[int, str, bool]]) -> tuple[int, int, str]:
    """One (start, end, replacement) edit of a line's changed characters: from the first to
    the last, the characters between them kept (one edit a line, not one a run: a long
    traditional report would otherwise carry thousands). A pinyin reading between them is
    kept too; T001's fix of it waits for the next pass."""
    start, end = changes[0][0], changes[-1][0] + 1
    chars = list(text[start:end])
    for offset, simple, _ in changes:
        chars[offset - start] = simple
    return start, end, "".join(chars)


class HalfWidthPunctuation(Check):
    code = "T006"
    name = "half-width-punctuation"
    severity = Severity.INFO
    fixable = "safe"
    messages: ClassVar[dict[str, Message]] = {
        "default": Message(
            "中文语句中使用了半角标点“{mark}”，应为全角“{full}”",
            "Half-width “{mark}” in Chinese text; the standard form is full-width “{full}”",
        )
    }
    help = Message(
        "将中文语句中的半角标点替换为全角标点",
        "Replace half-width marks in Chinese sentences with their full-width forms",
    )
    doc = RuleDoc(
        what_zh="汉字之间（或汉字与数字之间）的半角 , ; : ? ! 以及括住中文的半角括号 ( )。"
        "数字（1,000）、时间（09:08）、网址、邮箱、拉丁文字和括住拉丁文字的括号（(PPP)）不算。",
        what_en="Half-width , ; : ? ! between Chinese characters (or between Chinese and a "
        "figure), and half-width ( ) around Chinese text. Numbers (1,000), times (09:08), "
        "addresses, e-mail, "
        "Latin text and brackets around Latin text ((PPP)) do not count.",
        why_zh=_WHY_SCRIPT_ZH
        + "中文文本的标点符号用法以 GB/T 15834《标点符号用法》为准，使用全角形式。",
        why_en=_WHY_SCRIPT_EN + " Chinese punctuation follows GB/T 15834, in full-width forms.",
        fires="全年共收到申请46件,其中网上申请30件(含邮件申请)。",
        passes="全年共收到申请46件，其中网上申请30件（含PPP项目1,000个）。",
    )

    def run(self, doc: Document) -> Iterator[Diagnostic]:
        chrome, garbles = doc.derived(_chrome), doc.derived(_garbles)
        readings = doc.derived(_readings)
        for line in doc.lines:
            if line.index in chrome or line.text.isascii():
                continue
            skip = [(s - line.start, e - line.start) for s, e in readings.get(line.index, [])]
            skip += [(g.start, g.end) for g in garbles.get(line.index, [])]
            if tail := _furniture_tail(doc, line):
                skip.append((tail[1], len(line.text)))
            for m in find_half_width(line.text, skip):
                edits = tuple(Edit(line.start + s, line.start + e, r) for s, e, r in m.edits)
                full = "".join(r for _, _, r in m.edits)
                end = line.start + (m.start + 1 if m.mark != "()" else m.end)
                yield self.diagnostic(
                    line.start + m.start, end, mark=m.mark, full=full, fix=Fix(edits)
                )


class UnfilledPlaceholder(Check):
    code = "T007"
    name = "unfilled-placeholder"
    severity = Severity.ERROR
    messages: ClassVar[dict[str, Message]] = {
        "default": Message(
            "模板占位内容未填写：“{text}”", "Template placeholder left unfilled: “{text}”"
        )
    }
    help = Message(
        "填入实际内容（如网址、单位名称、年份），或删除该处",
        "Fill in the real content (address, body name, year) or delete it",
    )
    doc = RuleDoc(
        what_zh="套用模板或上年报告时未填写的占位内容：空括号（下载()、【】）、"
        "XX/XXX、××、○○、＿＿ 下划线空白、(单位名称)、[请填写]、此处填写，"
        "日期中代替数字的 X（X月X日、二〇一X年），X 组成的电话号码（0795-XXXXXXX），"
        "只由三个以上 x 组成的网址或邮箱名称（www.xxx.gov.cn）等。"
        "网址中属于更长名称的 xx（www.jxxx.gov.cn、xxgk）、两个 x 的名称（可能是地名缩写）、"
        "中文数字中的 ○（二○一八年）、隐去名字的姓名（申请人刘XX、王××同志）不算。",
        what_en="Placeholders left from a template or last year's report: empty brackets "
        "(下载(), 【】), XX/XXX, ××, ○○, ＿＿ blanks, (单位名称), [请填写], 此处填写, "
        "X standing for the figures of a date (X月X日, 二〇一X年), a telephone number of X "
        "(0795-XXXXXXX), and a web or mail name made only of three or more x "
        "(www.xxx.gov.cn). xx inside a longer name of an address (www.jxxx.gov.cn, xxgk), "
        "a name of two x (it may be a place's initials), ○ as the zero of a Chinese date "
        "(二○一八年) and a masked personal name (申请人刘XX, 王××同志) do not count.",
        why_zh=_WHY_ACCURATE_ZH,
        why_en=_WHY_ACCURATE_EN,
        fires="本报告电子版可在XX区人民政府网站下载（）。",
        passes="本报告电子版可在本区人民政府网站（www.example.gov.cn）下载。",
    )

    def run(self, doc: Document) -> Iterator[Diagnostic]:
        # Matched on the normalised line, so traditional (單位名稱) and full-width ＸＸ are
        # found by the same patterns; the span and the quoted text are the original's.
        chrome = doc.derived(_chrome)
        text = doc.source.text
        for line in doc.lines_with(MAY_HOLD_PLACEHOLDER):
            if line.index in chrome:
                continue
            aligned = line.text if len(line.text) == len(line.norm) else None
            tail = _furniture_tail(doc, line)
            for p in find_placeholders(line.norm, aligned):
                if tail and p.start >= tail[0]:
                    continue  # in the furniture that ends the line: T003's
                start, end = line.orig_span(p.start, p.end)
                yield self.diagnostic(start, end, text=text[start:end])
