"""Template left-overs: blanks and stand-ins a drafter was meant to fill in.

Reports are often written over last year's text or a template: 可在本机关网站下载() with
the address never filled in, XX局, 20XX年, X月X日, 0795-XXXXXXX, www.xxx.gov.cn, ××, ○○,
【】, ＿＿ blanks, (单位名称), [请填写]. The forms are the ones a template uses for "put
something here"; each is checked against what stands around it so that XX inside a word of
an address (www.jxxx.gov.cn, xxgk), ○ in a Chinese date (二○一八年), an identifier
(_GoBack) or a masked personal name (申请人刘XX, 王××) does not count.

Addresses: a label of a web or mail address made only of three or more x (www.xxx.gov.cn,
xxx@163.com) is a placeholder: site names are pinyin words or initials, and no issuer's
initials are xxx. Two x (www.xx.gov.cn) may be the initials of a place (西乡, 新乡), so a
label of two is left alone, as is an x run inside a longer label (jxxx, xxgk).

Masked names: a report that mentions an applicant masks the given name, 申请人刘XX, 王××.
XX/×× right after one surname (or a two-character one: 欧阳XX) is such a mask when the
surname starts a word (after punctuation, a blank, the line start or a word naming a person:
申请人, 当事人, 群众, 市民…) and the mask ends one (punctuation, the line end, or words a
name goes with: 同志, 先生, 女士, 申请, 反映…). XX区, 市XX局, 20XX年 still count.

The patterns read a line's normalised text (``normalise``: simplified characters,
full-width forms folded to half-width), so that （單位名稱）, 此處填寫 and ＸＸ are the same
placeholders as (单位名称), 此处填写 and XX; the caller maps the spans back to the original.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .cjk import CJK_PUNCT, is_han
from .normalise import fold_width

_FILL = "填写|填入|输入|插入|选填|必填"
_NAME = "名称|全称|简称"
_EMPTY_BRACKETS = re.compile(r"[(\[【〔][\s_]*[)\]】〕]|“\s*”")
_BRACKETED = re.compile(r"[(\[【〔<〈]([^()\[\]【】〔〕<>〈〉\n]{1,16})[)\]】〕>〉]")
_INSTRUCTION = re.compile(
    rf"^\s*(?:请|此处|在此)?(?:{_FILL})(?!说明|要求|规范|方法|指南)"
    rf"|^\s*(?:本|贵)?(?:单位|机关|部门|机构|组织|学校|企业)(?:{_NAME})\s*$"
)
_BARE_INSTRUCTION = re.compile(r"(?:此处|在此)(?:填写|填入|输入)")
_XX = re.compile(r"[Xx]{2,}")
_CROSSES = re.compile(r"[×✕╳]{2,}")
_DATE_X = re.compile(
    r"(?<![A-Za-z])[Xx×]{1,2}(?:月(?:[Xx×]{1,2}[日号])?|[日号])"
    r"|(?<=[0-9〇零○一二三四五六七八九])[Xx×](?=年)"
)
"""X standing for the figures of a date: X月X日, X日前, 二〇一X年."""
_PHONE_X = re.compile(
    r"(?<![0-9A-Za-z_.@/-])(?:(?:0\d{2,3}|[Xx×]{3,4})-|\((?:0\d{2,3}|[Xx×]{3,4})\))?"
    r"(?=[0-9Xx×]{7,8}(?![0-9A-Za-z_.@/-]))\d*[Xx×]{3,}\d*"
)
"""A telephone number of X: 0795-XXXXXXX, (0795)XXXXXXX, XXXX-XXXXXXX."""
_SURNAMES = frozenset(
    """王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓
    曹 彭 曾 肖 田 董 袁 潘 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金
    石 廖 贾 夏 韦 付 傅 方 白 邹 孟 熊 秦 邱 江 尹 薛 闫 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚
    邵 万 钱 严 覃 武 戴 莫 孔 汤 常 温 康 施 牛 樊 葛 邢 齐 易 乔 伍 庞 颜 倪 庄 聂 章 鲁 岳
    翟 殷 詹 申 欧 耿 兰 焦 俞 左 柳 甘 祝 包 宁 尚 符 舒 阮 柯 纪 梅 童 凌 毕 季 裴 霍 涂 苗
    谷 盛 翁 冉 骆 蓝 游 辛 靳 管 柴 蒙 鲍 华 喻 祁 蒲 房 滕 屈 饶 牟 艾 尤 穆 卓 吉 缪 简
    项 麦 褚 娄 窦 戚 岑 景 党 宫 费 卜 冷 晏 席 卫 米 柏 宗 瞿 桂 佟 臧 闵 苟 邬 边 卞 姬 栾
    隋 刁 荣 巫 寇 桑 郎 甄 丛 仲 虞 敖 巩 佘 池 查 苑 迟 邝 欧阳 司马 上官 诸葛 东方 皇甫
    尉迟 公孙 慕容 令狐 夏侯 宇文 长孙 司徒 端木""".split()  # noqa: SIM905 (a list reads best as text)
)
"""Common surnames, without those that are also common words before a noun (于, 向, 和, 时,
全, 成, 文, 关, 路…): the name a mask follows."""
_TITLES = "[局科股处所站县市区镇乡村]长|主任|书记|经理|负责人|工作人员"
_BEFORE_NAME = re.compile(
    r"(?:申请人|当事人|群众|市民|村民|居民|农民|公民|职工|员工|原告|被告|上诉人|举报人|投诉人"
    r"|第三人|信访人|来访人|代理人|委托人|家属|业主|患者|学生|家长|老人|同志|先生|女士"
    rf"|{_TITLES})$"
)
"""Words naming a person, right before a masked name: 申请人刘XX, 市民王××, 局长张XX."""
_AFTER_NAME = re.compile(
    r"同志|先生|女士|老师|等人|等\d|申请|诉|不服|提出|反映|要求|来信|来电|来访|称|夫妇|一家|及其"
    rf"|答复|表示|对|向|于|因|的|与|和|{_TITLES}"
)
"""Words that follow a masked name (titles, verbs of an applicant, particles): 刘XX同志,
王××申请公开, 张XX诉县政府, 李XX的申请. Never a noun an organ's name ends with (局, 区)."""
_CIRCLES = re.compile(r"○{2,}")
_BLANKS = re.compile(r"_{2,}")
_NUMERALS = set("一二三四五六七八九十〇零○0123456789")
_URLISH = re.compile(r"://|www\.|@|\.(?:com|cn|net|org|gov)\b", re.IGNORECASE)
_RULE_LINE = re.compile(r"^[\s_\-—=*]+$")
MAY_HOLD = re.compile(  # never across a line break: T007 finds its lines in one scan
    rf"[(\[【〔](?:[^\S\r\n]|_)*[)\]】〕]|“[^\S\r\n]*”|[Xx×✕╳]{{2}}|[Xx×][年月日号]|○○|__"
    rf"|{_FILL}|{_NAME}"
)
"""What every placeholder form above holds (a bracketed instruction holds its verb or 名称):
most lines hold none of them, and brackets alone are in most lines."""
_CHINESE_PUNCT = frozenset(fold_width(CJK_PUNCT))
"""Chinese punctuation as the normalised text has it: full-width ，：（） folded to half-width."""


class Placeholder(NamedTuple):
    """A placeholder at [start, end) of a line."""

    start: int
    end: int
    text: str


def find_placeholders(line: str, original: str | None = None) -> list[Placeholder]:
    """Every unfilled placeholder of one line of normalised text, in order, without overlaps.

    ``original`` is the line as written, given when it has the line's length (normalising
    removed nothing from it). Folding loses the difference between ＿＿, a blank, and a
    half-width __, more likely Markdown emphasis; the original tells the two apart.
    """
    if not MAY_HOLD.search(line) or not any(map(is_han, line)) or _RULE_LINE.match(line):
        return []
    kept: list[Placeholder] = []
    for start, end in spans(line, original):
        if not kept or start >= kept[-1].end:
            kept.append(Placeholder(start, end, line[start:end]))
    return kept


def spans(line: str, original: str | None = None) -> list[tuple[int, int]]:
    """The spans of every placeholder form in ``line``, sorted, overlaps included (what
    ``find_placeholders`` reads after its quick tests)."""
    spans = [m.span() for m in _EMPTY_BRACKETS.finditer(line)]
    spans += [m.span() for m in _BRACKETED.finditer(line) if _INSTRUCTION.search(m.group(1))]
    spans += [m.span() for m in _BARE_INSTRUCTION.finditer(line)]
    spans += [m.span() for m in _XX.finditer(line) if _is_xx_placeholder(line, *m.span())]
    spans += [m.span() for m in _CROSSES.finditer(line) if not _masks_name(line, *m.span())]
    spans += [m.span() for m in _DATE_X.finditer(line)]
    spans += [m.span() for m in _PHONE_X.finditer(line)]
    spans += [m.span() for m in _CIRCLES.finditer(line) if not _in_numeral(line, *m.span())]
    spans += [m.span() for m in _BLANKS.finditer(line) if _blank(line, original, *m.span())]
    spans.sort(key=lambda s: (s[0], -s[1]))
    return spans


def _chinese(ch: str) -> bool:
    """A Chinese character or punctuation mark; also the edge of the line (``ch`` empty)."""
    return not ch or is_han(ch) or ch in _CHINESE_PUNCT


def _is_xx_placeholder(line: str, start: int, end: int) -> bool:
    """XX as a stand-in: alone in Chinese text, or a whole label of an address."""
    if _address_label(line, start, end):
        return True
    return _stands_alone(line, start, end) and not _masks_name(line, start, end)


def _address_label(line: str, start: int, end: int) -> bool:
    """xxx as a whole label of a web or mail address: www.xxx.gov.cn, xxx@163.com."""
    if end - start < 3:
        return False  # xx may be initials (西乡: xx.gov.cn)
    left = line[start - 1] if start else ""
    right = line[end] if end < len(line) else ""
    if (left.isascii() and (left.isalnum() or left in "-_")) or (
        right.isascii() and (right.isalnum() or right in "-_")
    ):
        return False  # inside a longer label: jxxx, xxgk
    return left in (".", "/", "@") or right in (".", "@")


def _masks_name(line: str, start: int, end: int) -> bool:
    """XX/×× masking a given name: 申请人刘XX申请公开, （王××）, 欧阳XX同志."""
    if end - start > 3 or not start or not is_han(line[start - 1]):
        return False
    if end < len(line) and is_han(line[end]) and not _AFTER_NAME.match(line, end):
        return False  # XX局, 刘XX区: the mask must end a word
    for size in (1, 2):
        before = start - size
        if before < 0 or line[before:start] not in _SURNAMES:
            continue
        if not before or not is_han(line[before - 1]) or _BEFORE_NAME.search(line, 0, before):
            return True
    return False


def _stands_alone(line: str, start: int, end: int) -> bool:
    """XX as a stand-in: touching Chinese text, not part of a Latin word or an address."""
    left = line[start - 1] if start else ""
    right = line[end] if end < len(line) else ""
    if (left.isascii() and left.isalpha()) or (right.isascii() and right.isalpha()):
        return False
    if any(ch and ch in "./@_-" for ch in (left, right)):
        return False
    if _URLISH.search(_latin_token(line, start, end)):
        return False
    return _chinese(left) or _chinese(right) or left.isdigit() or right.isdigit()


def _latin_token(line: str, start: int, end: int) -> str:
    """The run around [start, end) up to a blank or Chinese text: the address XX may be
    part of. Chinese lines have few blanks, so a blank alone would make a whole sentence
    one token, and one address in it would hide 20XX年 anywhere else in the sentence."""
    while start and not (line[start - 1].isspace() or _chinese(line[start - 1])):
        start -= 1
    while end < len(line) and not (line[end].isspace() or _chinese(line[end])):
        end += 1
    return line[start:end]


def _in_numeral(line: str, start: int, end: int) -> bool:
    """○ as the zero of a Chinese numeral (二○○八年), not a stand-in."""
    left = line[start - 1] if start else ""
    right = line[end] if end < len(line) else ""
    return left in _NUMERALS or right in _NUMERALS


def _blank(line: str, original: str | None, start: int, end: int) -> bool:
    """A run of underscores as a blank: not part of an identifier (_GoBack), and when it is
    only two long, not written half-width (__) in the original."""
    if end - start == 2 and original is not None and original[start:end] == "__":
        return False
    return not _in_identifier(line, start, end)


def _in_identifier(line: str, start: int, end: int) -> bool:
    left = line[start - 1] if start else ""
    right = line[end] if end < len(line) else ""
    return (left.isascii() and left.isalnum()) or (right.isascii() and right.isalnum())
