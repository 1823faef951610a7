"""Parse: classify each line, then let the Lark grammar build the outline tree.

Classification decides what one line is (heading of a numbering style, table row, title,
signature, body); ``grammars/outline.lark`` decides how lines nest. Real reports skip levels,
restart numbering and paste artefacts before heading numbers, so classification is tolerant
and the grammar accepts every sequence: what it cannot place is body text. A short line that
names a statutory part without a number (依申请公开政府信息情况, an HTML <h3>, a Word heading
paragraph) heads that part when the lines around it read as a heading's (``_plain_headings``).
"""

from __future__ import annotations

import hashlib
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple

from .chrome import is_chrome
from .numerals import CIRCLED, cn_to_int
from .sectionkeys import heading_key, heading_keys

# Heading styles, from the outermost to the innermost level the grammar knows.
STYLE_LEVELS = {
    "part": 1,  # 第一部分
    "cn": 2,  # 一、
    "cn_paren": 3,  # （一）
    "arabic": 4,  # 1. / 1、
    "arabic_paren": 5,  # （1）
    "arabic_half": 6,  # 1） / 1)
    "circled": 7,  # ①
}
UNNUMBERED = "unnumbered"  # a part heading without a number: 依申请公开政府信息情况

_CN = "一二三四五六七八九十"
# Artefacts seen before heading numbers: Word bookmarks, Markdown marks, bullets.
LEADING_ARTEFACT = re.compile(r"^(?:\s|\[bookmark:[^\]]*\]|#{1,6}(?=\s)|[*■●◆□▪•])*")
_HEADING_PATTERNS = [
    ("part", re.compile(rf"第([{_CN}]{{1,3}})(?:部分|章)\s*[、.,:]?\s*")),
    ("cn", re.compile(rf"([{_CN}]{{1,3}})\s*([、.,:]+|\s+(?=\S))\s*")),
    ("cn_paren", re.compile(rf"[(]\s*([{_CN}]{{1,3}})\s*[)]\s*[、.,:]*\s*")),
    ("arabic", re.compile(r"(\d{1,2})\s*(、|\.(?![\d%])|,(?=\D))\s*")),
    ("arabic_paren", re.compile(r"[(]\s*(\d{1,2})\s*[)]\s*[、.,:]*\s*")),
    ("arabic_half", re.compile(r"(\d{1,2})\s*([)])\s*[、.,:]*\s*")),
    ("circled", re.compile(rf"([{CIRCLED}])\s*[、.,:]*\s*")),
]
_HEADING_FIRST = f"第{_CN}({CIRCLED}"
_NEED_TITLE = ("cn", "arabic", "arabic_half")  # numbers that head nothing without a title
_BARE_MAX = 8  # the longest line that is a heading number alone (第十二部分：)
_NOT_AFTER_NUMBER = re.compile(r"[年月日号%倍个件条项是]|[一二三四五六七八九十]")
_NOT_AFTER_COMMA = re.compile(r"[是一二三四五六七八九十]")  # 一、年度工作情况 is a heading
_NEXT_DATE = re.compile(r"(\d{1,2})\s*(?:月|日|号)")  # 3、[4月]份: months, not item 3
# Where a heading's title ends: a sentence mark, or the close of its Markdown emphasis
# (**一、总体情况**); what follows, past the marks, is the heading's run-in body.
_TITLE_END = re.compile(r"[。:;!?]|\*\*|__")
_RUN_IN_LEAD = re.compile(r"[\s*_:。.]*")
_GAP = re.compile(r"\s+|-{2,}|—+|\(")  # what may set a run-in body off a title instead
_TITLE_WORDS = re.compile(r"报告|年报|工作总结|情况总结")
# A signature date as written under a report, blanks removed: 2024年2月5日 (numerals too),
# 2024-02-05, 2024.2.5, 2024/2/5, or the month alone (2024年2月).
_CN_YEAR = "[一二三四五六七八九〇零○O0]{4}"
_CN_SMALL = "[一二三四五六七八九十]{1,3}"
_DATE_LINE = re.compile(
    rf"(\d{{4}}|{_CN_YEAR})年(\d{{1,2}}|{_CN_SMALL})月(?:(\d{{1,2}}|{_CN_SMALL})[日号])?"
    r"|(\d{4})([-./])(\d{1,2})\5(\d{1,2})"
)
_SENTENCE_PUNCT = re.compile(r"[。,;:!?、]")
_TITLE_BREAKERS = re.compile(r"[。,;!?]")
_STOPPED_TITLE = re.compile(r"[^。,;!?]{4,60}(?:年度报告|年报)[。.]")
_SENTENCE_OPENER = re.compile(r"本|现|根据|依据|按照|特")
_TITLE_YEAR = re.compile(r"(?:19|20)\d\d|[〇零○一二][〇零○一二三四五六七八九]{3}")
_TABLE_CELL_LINE = re.compile(r"\|\s*$")
# A row whose cells a copy separated with spaces: three or more counts after an optional short
# label, "2.重复申请 0 0 1 0 0 0 1" or the fifteen numbers of a flattened 表四 on one line.
_COUNT = r"(?:0|[1-9]\d*(?:\.\d+)?|[/—-])"
_COUNT_ENDS = "/—-"
_NUMBER_RUN = re.compile(rf"(?:[^。:;\s][^。:;]{{0,40}}\s+)?{_COUNT}(?:\s+{_COUNT}){{2,}}")
# Page footers under a signature: contact details as sites print them.
_CONTACT_LINE = re.compile(
    r"^(?:联系)?(?:电话|地址|邮编|邮政编码|传真|电子邮箱|邮箱|e-?mail)\s*:", re.I
)
_FOOTER_LINES = 15  # trailing furniture lines skipped when looking for the signature
# Row labels of the unified-format tables (国办公开办函〔2021〕30号): when a flattened table puts
# one label per line, "一、本年新收政府信息公开申请数量" is a table cell, not a heading.
_TABLE_LABEL = re.compile(
    r"(?:本年度?新收|上年度?结转).{0,14}|本年度?办理结果|结转下一?年度?继续办理"
    r"|予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|总计|其他"
    r"|属于国家秘密|其他法律行政法规禁止公开|危及三安全一稳定|保护第三方合法权益"
    r"|属于三类内部事务信息|属于四类过程性信息|属于行政执法案卷|属于行政查询事项"
    r"|本机关不掌握相关政府信息|没有现成信息需要另行制作|补正后申请内容仍不明确"
    r"|信访举报投诉类申请|重复申请|要求提供公开出版物|无正当理由大量反复申请"
    r"|要求行政机关确认或重新出具已获取信息|申请人(?:无正当理由)?逾期.{0,40}"
)
_NUMBER_CELLS = re.compile(r"[\d.\s|/%-]*")
# An unnumbered line that may head a part: short, without sentence punctuation or cells, its
# text a part's name (……情况, ……事项, 概述, ……措施) rather than a sentence about one (未收取
# 费用, 本年度无其他需要报告的事项), and naming a statutory part (sectionkeys).
_PLAIN_MAX = 32
_PLAIN_BREAKERS = re.compile(r"[。,;:!?|\t]")
_PART_NAME = re.compile(
    r"(?:(情况|事项|措施|概述|概况|综述|总述|问题|不足|改进|整改|打算|方向|思路|计划|说明)"
    r"|其[他它]|公开|收费|减免|复议|诉讼|评议|考核|追究)(?:\([^()]{1,30}\))?$"
)  # group 1: a name only a part has; the others end table cells too (行政复议, 其他)
_NOT_PART_NAME = re.compile(
    r"^(?:无|本年|全年|今年|去年|上年|我)|未|没有|暂无|均|已|将|共计|共有|\d\s*[件条项个次篇%]"
)
_PART_NAME_LAST = frozenset("况项施述题足进改算向路划明他它开费免议讼评核究)")  # of _PART_NAME
_SAYS_NOTHING = re.compile(r"(?:本年度?|全年|今年)?(?:无|暂无|没有|未)")  # ……事项 / 无
_HEADING_CLOSE = re.compile(r"(?:\*\*|__)?[:。.]?(?:\*\*|__)?\s*$")
_CELL_MAX = 10  # a longer line without punctuation is text, not a cell of the format's tables
_PLAIN_RUN = 3  # this many part names in a row are a list of the parts, not headings


class Heading(NamedTuple):
    """A heading: its style, number and title, with spans in the original file. An unnumbered
    part heading (依申请公开政府信息情况) has the style ``UNNUMBERED``, number 0 and no marker."""

    level: int
    style: str
    number: int
    line: int
    marker: str  # the numbering as written in the original, e.g. （四）、
    title: str  # normalised title text (up to the first sentence mark)
    start: int  # original offset of the marker
    end: int  # original offset of the end of the line's text
    title_start: int
    title_end: int
    inline: str = ""  # normalised run-in body after the title on the same line
    title_line: int | None = None  # the title's own line, when the number stands alone


class Table(NamedTuple):
    """A block of consecutive table-row lines (cells are read by the tables module)."""

    lines: list[int]


@dataclass
class Section:
    """A heading and everything under it until the next heading of its level or higher."""

    heading: Heading
    body: list[int] = field(default_factory=list)  # body line indices directly here
    tables: list[Table] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    last_line: int = 0

    def walk(self):
        """This section and all below it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


class Signature(NamedTuple):
    issuer_line: int | None
    date_line: int


@dataclass
class Outline:
    front: list[int] = field(default_factory=list)
    title_line: int | None = None
    preamble: list[int] = field(default_factory=list)
    preamble_tables: list[Table] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    signature: Signature | None = None
    tail: list[int] = field(default_factory=list)

    def walk(self):
        """Every section at every level, in document order."""
        for section in self.sections:
            yield from section.walk()

    def headings(self) -> list[Heading]:
        return [s.heading for s in self.walk()]

    def tables(self) -> list[Table]:
        found = list(self.preamble_tables)
        for section in self.walk():
            found.extend(section.tables)
        return sorted(found, key=lambda t: t.lines[0])


def strip_artefacts(line: str) -> int:
    """Length of the artefacts and indentation before a line's first real character."""
    return LEADING_ARTEFACT.match(line).end()


def match_heading(norm: str) -> tuple[str, int, int] | None:
    """(style, number, length of the marker) when a normalised line starts with a heading number."""
    first = norm[:1]
    if first not in _HEADING_FIRST and not first.isdecimal():
        return None  # what each pattern starts with: most lines start otherwise
    for style, pattern in _HEADING_PATTERNS:
        m = pattern.match(norm)
        if not m:
            continue
        rest = norm[m.end() :]
        if not rest.strip() and style in _NEED_TITLE:
            return None
        raw = m.group(1)
        spaced = style == "cn" and not (m.group(2) and m.group(2).strip())
        if spaced and (len(rest) > 30 or _TITLE_BREAKERS.search(rest[:30])):
            return None  # 一 then a space: a heading only before a short title (复议、诉讼情况)
        if style in _NEED_TITLE and _not_a_number_of_heading(m.group(2), rest):
            return None
        if style == "arabic" and _lists_dates(int(raw), m.group(2), rest):
            return None
        number = _number_of(style, raw)
        if number is None or number == 0:
            return None
        return style, number, m.end()
    return None


def _number_of(style: str, raw: str) -> int | None:
    """The value of a heading number as written in its style."""
    if style in ("cn", "cn_paren", "part"):
        return cn_to_int(raw)
    if style == "circled":
        return CIRCLED.index(raw) + 1
    return int(raw)


def bare_marker(norm: str) -> tuple[str, int, int] | None:
    """(style, number, length) of a line holding a heading number and nothing else (一、,
    1), （一）): its title may stand on the next line."""
    text = norm.rstrip()
    if len(text) > _BARE_MAX:
        return None
    for style, pattern in _HEADING_PATTERNS:
        m = pattern.fullmatch(text)
        if m:
            number = _number_of(style, m.group(1))
            return (style, number, len(text)) if number else None
    return None


def _not_a_number_of_heading(separator: str, rest: str) -> bool:
    """What follows the number makes it a count or 一是: 1 件, 一 年来, 一、二级 (after 、 a
    unit is a title's first word: 一、年度工作情况)."""
    after = _NOT_AFTER_COMMA if "、" in separator else _NOT_AFTER_NUMBER
    return after.match(rest) is not None


def _lists_dates(number: int, separator: str, rest: str) -> bool:
    """3、4月份 and 11、12月: two days or months in a row, not the item 3 (2.12月底前 is one)."""
    date = _NEXT_DATE.match(rest)
    return separator == "、" and date is not None and int(date.group(1)) == number + 1


def table_label(rest: str) -> bool | None:
    """Whether the text after a heading number is a row label of the format's tables: None
    when it is not one, True when number cells follow it on the line, False when alone."""
    text = re.sub(r"\([^)]*\)|[“”\"'‘’]", "", rest)
    m = re.match(r"\D*", text)
    label = re.sub(r"[\s|]", "", m.group(0))
    if not _TABLE_LABEL.fullmatch(label) or not _NUMBER_CELLS.fullmatch(text[m.end() :]):
        return None
    return bool(re.search(r"\d", text))


def plain_part_title(norm: str) -> str | None:
    """The text of a line that reads as an unnumbered part heading (short, no sentence
    punctuation, a part's name naming a statutory part), else None. Whether it heads a part
    also depends on the lines around it (``_plain_headings``)."""
    text = _plain_text(norm)
    if not 2 <= len(text) <= _PLAIN_MAX or _PLAIN_BREAKERS.search(text):
        return None
    text = re.sub(r"\s+", "", text)
    if not _PART_NAME.search(text) or _NOT_PART_NAME.search(text):
        return None
    return text if heading_key(text) else None


def _plain_text(norm: str) -> str:
    """A line's text without what may wrap a heading: artefacts and indentation before it,
    Markdown emphasis around it (**总体情况**), one closing colon or full stop (总体情况：)."""
    text = norm[strip_artefacts(norm) :].strip()
    return _HEADING_CLOSE.sub("", text)


def _plain_part(norm: str) -> tuple[str, bool] | None:
    """(part key, whether the line ends the way only a part's name does) of a line that reads
    as an unnumbered part heading, else None."""
    title = plain_part_title(norm)
    if title is None:
        return None
    return heading_key(title), _PART_NAME.search(title).group(1) is not None


def _is_number_line(norm: str) -> bool:
    return bool(re.search(r"\d", norm)) and _NUMBER_CELLS.fullmatch(norm.strip()) is not None


@lru_cache(maxsize=4096)
def is_table_row(norm: str) -> bool:
    """Whether a normalised line is a table row (cached: the outline and the table reader ask
    about the same lines)."""
    line = norm.strip()
    if line.count("|") >= 2 or (_TABLE_CELL_LINE.search(line) and len(line) <= 60):
        return True
    last = line[-1:]
    if (last.isdecimal() or last in _COUNT_ENDS) and _NUMBER_RUN.fullmatch(line):
        return True  # (a run of counts ends in a figure or a dash: most lines end otherwise)
    if "\t" not in norm:
        return False
    cells = [c for c in norm.split("\t") if c.strip()]
    return len(cells) >= 2


PARSER_OPTIONS = {"parser": "lalr", "lexer": "basic", "maybe_placeholders": False}
GRAMMAR_PATH = Path(__file__).resolve().parent / "grammars" / "outline.lark"


def grammar_digest(grammar: str) -> str:
    """What the generated parser was built from: the grammar and the parser options."""
    return hashlib.sha256(repr((grammar, PARSER_OPTIONS)).encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def _parser():
    """The outline parser: the stand-alone one generated from the grammar (``outline_parser``,
    see tools/generate_parser.py), which loads without importing Lark; built with Lark
    instead when the grammar has changed since the module was generated."""
    from . import outline_parser

    grammar = GRAMMAR_PATH.read_text("utf-8")
    if grammar_digest(grammar) == outline_parser.GRAMMAR_SHA256:
        return outline_parser.Lark_StandAlone()
    import lark

    return lark.Lark(grammar, **PARSER_OPTIONS)


def _find_title(norm_lines: list[str], first_heading: int, parts=()) -> int | None:
    """The first short line naming a report before the first heading, past any page furniture
    (not a line naming a part: 其他需要报告的事项); one naming a year before one without (a
    site's column name 政府信息公开年报 printed above the title)."""
    found: list[int] = []
    seen = 0
    for i in range(min(first_heading, len(norm_lines))):
        text = norm_lines[i].strip()
        if not text or i in parts:
            continue
        seen += 1
        if seen > 8:
            break
        if is_chrome(text) or len(text) > 80:
            continue
        packed = re.sub(r"\s+", "", text)  # a title spaced out letter by letter: 年 度 报 告
        if _TITLE_WORDS.search(packed) and not _TITLE_BREAKERS.search(_title_body(packed)):
            found.append(i)
    dated = [
        i
        for i in found
        if _TITLE_YEAR.search(re.sub(r"\s+", "", norm_lines[i]))
        and not _SENTENCE_OPENER.match(norm_lines[i].strip())
    ]
    return (dated or found or [None])[0]


def _title_body(text: str) -> str:
    """A title line without the full stop a copy may leave after its name (……年度报告。); a
    sentence that ends so (本报告根据……编制。) keeps it."""
    if _STOPPED_TITLE.fullmatch(text) and not _SENTENCE_OPENER.match(text):
        return text[:-1]
    return text


def _is_footer(norm: str) -> bool:
    """Page furniture printed under a report: chrome or the site's contact lines."""
    return is_chrome(norm) or _CONTACT_LINE.match(norm.strip()) is not None


def signature_date(norm: str) -> tuple[int | None, ...] | None:
    """(year, month, day) as written on a line that is a signature date and nothing else, the
    day None when only the month is written (2024年2月); None when the line is not one.
    Whether the date exists is the reader's business: a mistyped date still closes the text."""
    m = _DATE_LINE.fullmatch(re.sub(r"\s+", "", norm))
    if not m:
        return None
    groups = m.groups()
    written = groups[:3] if groups[0] else (groups[3], groups[5], groups[6])
    return tuple(_date_number(g) for g in written)


def _date_number(text: str | None) -> int | None:
    """A date's number written in digits or Chinese numerals (二〇二四, 二0二四, 十五)."""
    if text is None:
        return None
    return int(text) if text.isdecimal() else cn_to_int(text.replace("0", "〇"))


def _find_signature(norm_lines, after: int) -> tuple[int | None, int] | None:
    """(issuer line, date line) of a closing signature, skipping trailing blank and chrome lines."""
    i, skipped = len(norm_lines) - 1, 0
    while i > after and (
        not norm_lines[i].strip() or (skipped < _FOOTER_LINES and _is_footer(norm_lines[i]))
    ):
        skipped += bool(norm_lines[i].strip())
        i -= 1
    if i <= after:
        return None
    if signature_date(norm_lines[i]) is None:
        return None
    j = i - 1
    while j > after and not norm_lines[j].strip():
        j -= 1
    issuer = norm_lines[j].strip() if j > after else ""
    if issuer and len(issuer) <= 40 and not _SENTENCE_PUNCT.search(issuer):
        return j, i
    return None, i


class Head(NamedTuple):
    """A heading as classified: its numbering, where its title starts, and its level."""

    style: str
    number: int
    length: int  # of the marker and what precedes it on the heading's line
    level: int
    title_line: int | None = None  # the next line, when the number stands alone (一、 / 总体情况)


def _head_title(norm_lines: list[str], head: Head, i: int) -> str:
    """The text after a heading's number: on its own line, or on the next one."""
    if head.title_line is not None:
        return norm_lines[head.title_line]
    return norm_lines[i][head.length :]


def _drop_table_labels(norm_lines: list[str], kinds: list[str], heads: dict[int, Head]) -> set[int]:
    """Turn numbered lines that are cells of a flattened format table back into body text: a
    row label with number cells on its line, or next to numbers, rows or other labels. Returns
    the lines turned back."""
    labels = {
        i: found
        for i, head in heads.items()
        if (found := table_label(_head_title(norm_lines, head, i))) is not None
    }

    def tabular(j: int) -> bool:
        return j in labels or kinds[j] == "r" or _is_number_line(norm_lines[j])

    dropped = set()
    for i, with_cells in labels.items():
        before = next((j for j in range(i - 1, -1, -1) if kinds[j]), None)
        after = next((j for j in range(i + 1, len(kinds)) if kinds[j]), None)
        if with_cells or any(j is not None and tabular(j) for j in (before, after)):
            title_line = heads.pop(i).title_line
            kinds[i] = "x"
            dropped.add(i)
            if title_line is not None:
                kinds[title_line] = "x"
    return dropped


def _neighbour(kinds: list[str], i: int, step: int) -> int | None:
    """The nearest non-blank line above (step -1) or below (step 1) line ``i``."""
    i += step
    while 0 <= i < len(kinds):
        if kinds[i]:
            return i
        i += step
    return None


def _says_something(norm: str) -> bool:
    """A line that is content, not a cell or a bare title: a sentence, a line longer than any
    cell of the format's tables, or a statement of nothing (无, 本年度未发生……)."""
    text = norm.strip()
    return (
        len(text) > _CELL_MAX
        or _PLAIN_BREAKERS.search(text) is not None
        or _SAYS_NOTHING.match(text) is not None
    )


def _caption(kinds: list[str], i: int) -> bool:
    """A line right above table rows: the table's caption (第二十条第（一）项)."""
    below = _neighbour(kinds, i, 1)
    return below is not None and kinds[below] == "r"


def _plain_headings(
    norm_lines: list[str], kinds: list[str], heads: dict, named: dict, cells: set[int]
) -> None:
    """Make headings of the lines that name a part without a number (``named``: line -> (part
    key, ends like a part's name only)) where the lines around them say so. No bare numbered
    heading comes right above (the line restates it or is its sub-title), nor a list opener
    (……：), nor a cell of a table written one cell a line (``cells``: the format's row labels);
    no cell follows. A line that could be a cell itself (行政复议, 其他) needs a sentence, a
    numbered heading or a table below it and no cell above it. Three or more part names in a
    row are a list of the parts. The headings sit at the level of the outermost
    numbered headings when they fill the gaps in that numbering (一、二、[依申请公开情况]四、), else
    above every numbered level (概述, then （一）（二）): whichever continues more numbers."""
    runs: list[list[int]] = []
    for i in sorted(i for i in named if kinds[i] == "x"):  # not the title, signature, front
        last = runs[-1][-1] if runs else None
        joins = last is not None and named[i][1] and named[last][1]
        if joins and _neighbour(kinds, i, -1) == last:
            runs[-1].append(i)
        else:
            runs.append([i])
    candidates = set()
    for run in runs:  # a run of part names (a cell such as 行政复议 starts a run of its own)
        above = _neighbour(kinds, run[0], -1)
        if len(run) < _PLAIN_RUN and not (
            above is not None and norm_lines[above].rstrip().endswith(":")
        ):
            candidates.update(run)

    def cell(j: int) -> bool:
        line = norm_lines[j]
        return j in cells or (
            kinds[j] == "x" and (_is_number_line(line) or not _says_something(line))
        )

    accepted: list[int] = []
    for i in sorted(candidates, reverse=True):  # from the end: one may stand above another
        above, below = _neighbour(kinds, i, -1), _neighbour(kinds, i, 1)
        named_only = named[i][1]
        if above is not None and (
            (above in heads and not _says_something(norm_lines[above]))
            or above in cells
            or (not named_only and above not in candidates and cell(above))
        ):
            continue
        if below is None or kinds[below] in "rsd" or below in heads or below in accepted[-1:]:
            pass
        elif named_only:
            if below in cells or _is_number_line(norm_lines[below]):
                continue
        elif cell(below) and not _caption(kinds, below):
            continue
        accepted.append(i)
    if not accepted:
        return
    accepted.sort()
    outer = min((head[3] for head in heads.values()), default=None)
    top = sorted((i, head[1]) for i, head in heads.items() if head[3] == outer)
    if outer is not None and _continues_more_as_siblings(top, accepted):
        taken = {k for i, _ in top for k in heading_keys(_title_of(norm_lines, heads[i], i))}
        placed = [i for i in accepted if named[i][0] not in taken]
        placed = _filling_gaps(top, placed)
        level = outer
    else:
        placed = _new_parts(accepted, named) if len({named[i][0] for i in accepted}) >= 2 else []
        level = 0
    for i in placed:
        heads[i] = Head(UNNUMBERED, 0, strip_artefacts(norm_lines[i]), level)
        kinds[i] = str(level)


def _new_parts(accepted: list[int], named: dict) -> list[int]:
    """The unnumbered headings that open a part: not one naming the part just opened again
    (存在的主要问题及改进情况, then 存在问题, 改进措施 inside it)."""
    placed: list[int] = []
    for i in accepted:
        if not placed or named[i][0] != named[placed[-1]][0]:
            placed.append(i)
    return placed


def _title_of(norm_lines: list[str], head: Head, i: int) -> str:
    rest = _head_title(norm_lines, head, i)
    return rest[: title_cut(rest)[0]].strip()


def title_cut(rest: str) -> tuple[int, int]:
    """(end of the title, start of the run-in body) in the text after a heading's number."""
    cut = _TITLE_END.search(rest)
    end = cut.start() if cut else len(rest)
    gap = _run_in_gap(rest[:end], sentence=cut is not None and cut.group() == "。")
    if gap is not None:
        return gap
    return end, _RUN_IN_LEAD.match(rest, cut.end()).end() if cut else end


def _run_in_gap(title: str, sentence: bool) -> tuple[int, int] | None:
    """Where a body set off by a gap, not a mark, runs on after a part's name: 其他需要报告的事项
    无 / --无 / (无), or a sentence (……改进情况　信息更新不及时。), not the rest of a name
    broken by a space (存在的主要问题 及改进情况)."""
    for gap in _GAP.finditer(title):
        body = title[gap.end() :]
        nothing = _SAYS_NOTHING.match(body) is not None and len(body.rstrip(")")) <= _PLAIN_MAX
        if gap.group() == "(" and not (nothing and body.endswith(")")):
            continue
        if nothing or (sentence and not _PART_NAME.search(body)):
            return gap.start(), gap.end()
    return None


def _continues_more_as_siblings(top: list[tuple[int, int]], plain: list[int]) -> bool:
    """Whether the outermost numbers run on better with the unnumbered headings taking a
    number each (their siblings) than restarting after each (their sub-headings)."""
    events = sorted([*top, *((i, 0) for i in plain)])
    as_siblings = as_parents = 0
    sibling_count = parent_count = 0
    for _, number in events:
        if number == 0:
            sibling_count += 1
            parent_count = 0
            continue
        as_siblings += number == sibling_count + 1
        as_parents += number == parent_count + 1
        sibling_count = parent_count = number
    return as_siblings > 0 and as_siblings >= as_parents


def _filling_gaps(top: list[tuple[int, int]], plain: list[int]) -> list[int]:
    """The unnumbered headings that take the numbers missing between their numbered
    siblings (二、[…]四、: one; before 三、: two), or come after the last of them."""
    placed: list[int] = []
    bounds = [(-1, 0), *top, (sys.maxsize, None)]
    for (start, before), (end, after) in pairwise(bounds):
        between = [i for i in plain if start < i < end]
        if between and (after is None or after - before - 1 == len(between)):
            placed.extend(between)
    return placed


def _join_titles(
    norm_lines: list[str], kinds: list[str], heads: dict[int, Head], alone: dict[int, Head]
) -> None:
    """Make one heading of a number alone on its line and the title on the next line (一、 /
    总体情况): the title line is then part of the heading, not text. The next line must read
    as a title: text, not a heading or a row, a short name before any sentence mark. With a
    figure below it, the number and the name are cells of a table written one cell a line
    (（一） / 予以公开 / 3): text, not a heading."""
    for i, head in alone.items():
        j = _neighbour(kinds, i, 1)
        if j is None or kinds[j] != "x" or j in alone or not _reads_as_title(norm_lines[j]):
            continue
        below = _neighbour(kinds, j, 1)
        if below is not None and _is_number_line(norm_lines[below]):
            heads.pop(i, None)
            kinds[i] = "x"
            continue
        heads[i] = head._replace(title_line=j)
        kinds[i], kinds[j] = str(head.level), ""


def _reads_as_title(norm: str) -> bool:
    """A line that can be a heading's title: a short name (its run-in body may follow)."""
    text = norm.strip()
    title = text[: title_cut(text)[0]].strip()
    return 2 <= len(title) <= _PLAIN_MAX and not _TITLE_BREAKERS.search(title)


def classify(norm_lines: list[str]) -> tuple[list[str], list[int], dict[int, Head]]:
    """One grammar symbol per non-blank line: the string the outline grammar parses, with
    each heading's ``Head`` by line."""
    heads: dict[int, Head] = {}
    kinds: list[str] = []
    plain: list[int] = []  # lines that may name a part without a number
    alone: dict[int, Head] = {}  # numbers alone on their line (一、), heading no title yet
    for i, norm in enumerate(norm_lines):
        if not norm.strip():
            kinds.append("")
            continue
        if is_table_row(norm):
            kinds.append("r")
            continue
        skip = strip_artefacts(norm)
        found = match_heading(norm[skip:])
        if found:
            style, number, length = found
            heads[i] = Head(style, number, skip + length, STYLE_LEVELS[style])
            kinds.append(str(STYLE_LEVELS[style]))
            if not norm[heads[i].length :].strip():  # （一） alone: its title may follow
                alone[i] = heads[i]
        elif bare := bare_marker(norm[skip:]):
            kinds.append("x")
            alone[i] = Head(bare[0], bare[1], skip + bare[2], STYLE_LEVELS[bare[0]])
        else:
            kinds.append("x")
            text = _plain_text(norm)
            if text[-1:] in _PART_NAME_LAST and len(text) <= _PLAIN_MAX + 8:
                plain.append(i)
    _join_titles(norm_lines, kinds, heads, alone)
    cells = _drop_table_labels(norm_lines, kinds, heads)
    named = {i: found for i in plain if (found := _plain_part(norm_lines[i]))}
    first_heading = min(heads, default=len(norm_lines))
    title = _find_title(norm_lines, first_heading, named)
    if title is not None:
        for i in range(title):
            if kinds[i]:
                kinds[i] = "f"
        kinds[title] = "t"
    last_heading = max(heads) if heads else (title if title is not None else -1)
    sig = _find_signature(norm_lines, last_heading)
    if sig:
        issuer, date = sig
        if issuer is not None:
            kinds[issuer] = "s"
        kinds[date] = "d"
    if named:
        _plain_headings(norm_lines, kinds, heads, named, cells)
    symbols, lines = [], []
    for i, kind in enumerate(kinds):
        if kind:
            symbols.append(kind)
            lines.append(i)
    return symbols, lines, heads


def parse_outline(doc_lines) -> Outline:
    """Build the outline of a document from its ``Line`` objects (see document.py)."""
    norm_lines = [line.norm for line in doc_lines]
    symbols, line_of_symbol, heads = classify(norm_lines)
    tree = _parser().parse("".join(symbols))
    outline = Outline()

    def heading_for(index: int) -> Heading:
        line = doc_lines[index]
        head = heads[index]
        skip = strip_artefacts(line.norm)
        marker_start = line.orig_offset(skip)
        marker_end = line.orig_offset(head.length)
        if head.title_line is None:
            title_line, title_at = line, head.length
        else:  # 一、 / 总体情况: the title starts the next line
            title_line = doc_lines[head.title_line]
            title_at = strip_artefacts(title_line.norm)
        rest = title_line.norm[title_at:]
        end, run_in = title_cut(rest)
        return Heading(
            level=head.level,
            style=head.style,
            number=head.number,
            line=index,
            marker=line.text[marker_start - line.start : marker_end - line.start].strip(),
            title=rest[:end].strip(),
            start=marker_start,
            end=title_line.end,
            title_start=title_line.orig_offset(title_at),
            title_end=title_line.orig_offset(title_at + end),
            inline=rest[run_in:].strip(),
            title_line=head.title_line,
        )

    def run(token) -> list[int]:
        """The lines of a token (a run of body, table or front lines is one token)."""
        return line_of_symbol[token.start_pos : token.end_pos]

    def items(children, body: list[int], tables: list[Table]) -> None:
        for child in children:
            if hasattr(child, "data"):
                if child.data == "table":
                    tables.append(Table(run(child.children[0])))
            else:
                body.extend(run(child))

    def section(node) -> Section:
        head_token = node.children[0]
        sec = Section(heading_for(line_of_symbol[head_token.start_pos]))
        rest = node.children[1:]
        items([c for c in rest if not _is_section(c)], sec.body, sec.tables)
        sec.children = [section(c) for c in rest if _is_section(c)]
        sec.last_line = max(
            [sec.heading.line, sec.heading.title_line or 0, *sec.body]
            + [t.lines[-1] for t in sec.tables]
            + [c.last_line for c in sec.children]
        )
        return sec

    for node in tree.children:
        if node.data == "front":
            outline.front = [line for token in node.children for line in run(token)]
        elif node.data == "title":
            outline.title_line = line_of_symbol[node.children[0].start_pos]
        elif node.data == "preamble":
            items(node.children, outline.preamble, outline.preamble_tables)
        elif _is_section(node):
            outline.sections.append(section(node))
        elif node.data == "signature":
            marks = [line_of_symbol[t.start_pos] for t in node.children]
            outline.signature = Signature(marks[0] if len(marks) == 2 else None, marks[-1])
        elif node.data == "tail":
            items(node.children, outline.tail, [])
    return outline


def _is_section(node) -> bool:
    return hasattr(node, "data") and node.data.startswith("sec")
