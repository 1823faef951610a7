"""Web page furniture: the lines a site wraps around a report (breadcrumbs, bylines, footers).

Shared by the outline (which must not mistake a footer for a signature), by the facts
(which read a page's 发布时间 from its byline) and by T003. Patterns run on the normalised
line (simplified, half-width), so 網站地圖 and 网站地图 match alike.

A line is furniture when it is built like furniture (label: value pairs, a bar of
navigation words, a breadcrumb trail), not when it merely mentions 网站 or 来源: a report
may well write 完善网站地图 or 信息来源于… in a sentence. Contact lines (地址:…, 邮编:…)
are furniture only inside a block of other furniture: the same line in the report's own
text is its contact paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from .cjk import HAN_CLASS
from .lazyre import lazy

_DATE = r"\d{4}\s*[-/.年]\s*\d{1,2}"
_CHROME_PATTERNS = [
    # breadcrumbs
    r"(当前|您|你)[^:>]{0,6}位置\s*[:>]",
    r"^(首页|主页|网站首页)\s*(>|»|›|→|/)",
    r"(>|»|›)\s*(正文|文章详情|详情|详细信息|内容)\s*$",
    # bylines with a date, metadata blocks
    rf"(^|\s)(发布|更新|发表|成文|生效|印发)(时间|日期)\s*:\s*{_DATE}",
    r"索引号\s*[:|]",
    r"有效性\s*[:|]\s*(有效|失效|废止|$)",
    # a counter's value is a figure, nothing, a bracket or the next label, not a sentence
    rf"(浏览|点击|阅读|访问|累计)(次数|数|量)\s*:\s*"
    rf"(\d+\s*次?\s*($|[^\d\s.万])|$|[^\d\s{HAN_CLASS}]|[{HAN_CLASS}]{{1,4}}\s*:)",
    r"字[体号](大小)?\s*:\s*(\[|【|大|中|小|$)",
    r"字[体号]\s*[\[【]\s*(大|中|小|\]|】)",
    r"(上一篇|下一篇|责任编辑)\s*:",
    r"全文共计\s*\d*\s*字",
    # tools and sharing
    r"^\W*扫一扫|扫一扫\s*(在|用)?手机",
    r"(^|\s)分享到\s*(:|$|(微信|微博|QQ)\S{0,6}(\s|$))",
    r"^分享\s*:?\s*($|微信|微博|QQ)",
    r"(打印本页|关闭窗口|返回顶部|回到顶部|收藏本页|加入收藏|设为首页)",
    r"^(go\s*|back\s*to\s*)?top$",
    r"^今天是\s*:?\s*\d{4}\s*[-/.年]",
    r"(您|你)是(本站|本网站?)?第\s*\d+\s*(位|个|名)(访客|访问者|浏览者|来访者)",
    r"(\[|【)\s*(关闭|打印|收藏)\s*(\]|】)",
    r"^\s*(打印|关闭|返回|收藏)(\s+(打印|关闭|返回|收藏|\S*close\S*))+\s*$",
    r"\S+\.(png|gif|jpg)\s+(关闭|打印)",
    r"视力保护色",
    r"相关(文档|附件|链接|阅读|新闻)\s*:\s*$",
    r"建议您?使用.{0,20}浏览器",
    r"本站已?支持\s*IPv6",
    r"请使用tab(按钮|键)切换",
    # footers
    r"ICP\s*[备证]\s*\d|ICP备案\s*(号|编号)\s*:|公网安备\s*\d",
    r"(网站)?标识码\s*:?\s*[0-9A-Z]{6,}",
    r"^(主办|承办|协办|运维|维护)单位\s*:",
    r"技术支持\s*:",
    r"版权所有\s*[:©(]|(copyright|©)\s*\d{4}",
]
CHROME = lazy("|".join(f"(?:{p})" for p in _CHROME_PATTERNS), re.IGNORECASE)
"""Patterns that make a line page furniture on their own (unless the line is prose)."""
_CHROME_HINT = re.compile(
    r"位置|首页|主页|[>»›]|(?:发布|更新|发表|成文|生效|印发)(?:时间|日期)|索引号|有效性"
    r"|(?:浏览|点击|阅读|访问|累计)(?:次数|数|量)|字[体号]|上一篇|下一篇|责任编辑|全文共计"
    r"|扫一扫|分享|打印|关闭|返回|回到顶部|(?i:top)|今天是|访客|访问者|浏览者|来访者|收藏"
    r"|视力保护色|相关(?:文档|附件|链接|阅读|新闻)|浏览器"
    r"|本站已?支持|请使用|(?i:ICP)|公网安备|标识码|(?:主办|承办|协办|运维|维护)单位|技术支持"
    r"|版权所有|©|(?i:copyright)"
)
"""Words one of which every pattern of ``CHROME`` holds: a quick scan that spares the
patterns for most lines."""

_BYLINE_LABEL = re.compile(
    r"(发布|更新|发表|成文)(时间|日期)\s*:|(信息|文章|稿件)?来源\s*:|作者\s*:|(责任)?编辑\s*:"
    r"|(浏览|点击|阅读|访问|累计)(次数|数|量)\s*:|字[体号](大小)?\s*[:\[【]|发布机构\s*:"
    r"|发文(机关|字号|日期)\s*:|主题分类\s*:|文号\s*:|分享到|打印|发布(者|人|单位|部门)\s*:"
    r"|(主办|承办|协办|运维|维护)(单位)?\s*:|技术支持\s*:"
)
"""Labels of a byline or metadata block: two of them on a short line make it furniture."""

_NAV_WORDS = frozenset(
    """首页 网站首页 主页 网站地图 站点地图 联系我们 网站声明 关于我们 隐私声明 免责声明
    法律声明 使用帮助 帮助 网站纠错 我要纠错 无障碍 无障碍浏览 关怀版 退出关怀版 长者版 老年版
    适老化 繁体版 繁体 简体版 简体 English ENGLISH 手机版 移动版 OA登录 邮箱登录 登录 注册
    设为首页 加入收藏 收藏本站 返回顶部 打印 关闭 打印本页 关闭窗口 一网通办 专题专栏 友情链接
    智能问答 页面 配色 辅助线 重置 读屏 语音 放大 缩小 大 中 小
    分享 分享到 字号 字体 RSS 订阅""".split()  # noqa: SIM905 (a word list reads best as text)
)
_NAV_SPLIT = re.compile(r"[|/\s·•>»›【】\[\]:]+")
_BREADCRUMB_SPLIT = re.compile(r"\s*(?:>|»|›|→)\s*")
_CONTACT = re.compile(
    r"^(通讯|联系|办公)?地址\s*:|^(邮政编码|邮编)\s*:|^(联系|咨询|值班|办公|投诉|监督)?电话\s*:"
    r"|^传真\s*:|^(电子)?邮箱\s*:|^e-?mail\s*:|^网址\s*:|^联系人\s*:|^(名称|文号|主题词|关键词)\s*:"
    r"|^(发文机关|发布机构|发文字号|主题分类|(信息)?来源)\s*:",
    re.IGNORECASE,
)
"""Lines that are furniture only next to other furniture: contact and metadata labels."""
_TOOL_WORDS = frozenset(
    """打印 关闭 打印本页 关闭窗口 返回 返回顶部 回到顶部 收藏 收藏本页 加入收藏 分享 分享到
    字号 字体 大 中 小""".split()  # noqa: SIM905 (a word list reads best as text)
)
"""Buttons of an article's tool bar (【打印本页】【关闭窗口】, 分享到, 字号:大 中 小)."""
_PROSE = re.compile(r"[。;]")
_LIST_ITEM = re.compile(
    rf"(\d{{1,2}}[.、]|[一二三四五六七八九十]+、|\([一二三四五六七八九十\d]{{1,3}}\))\s*[{HAN_CLASS}]"
)
"""A numbered item of the report (6.技术支持：由…, (二)访问量：…): pages never number furniture."""
_MAX_LINE = 200
_MAX_GAP = 2  # blank lines a furniture block may hold between its lines


def _is_prose(line: str) -> bool:
    """Sentences are report text whatever words they use."""
    return bool(_PROSE.search(line)) or line.count(",") >= 2 or len(line) > _MAX_LINE


def _is_nav_bar(line: str) -> bool:
    """A bar of navigation words: 首页 | 网站地图 | 联系我们, 关怀版 无障碍, 手机版 | 微信."""
    tokens = [t for t in _NAV_SPLIT.split(line) if t]
    if not tokens or any(len(t) > 10 for t in tokens):
        return False
    nav = sum(t in _NAV_WORDS for t in tokens)
    known = nav + sum(t in _SOCIAL_WORDS for t in tokens)
    return nav >= 1 and known * 3 >= len(tokens) * 2 and (len(tokens) >= 2 or len(tokens[0]) >= 3)


def _is_breadcrumb(line: str) -> bool:
    """A trail of three or more short names joined by >: 政务公开 > 年度报告 > 正文."""
    parts = _BREADCRUMB_SPLIT.split(line)
    return len(parts) >= 3 and all(0 < len(p) <= 15 for p in parts)


def _is_tool_bar(line: str) -> bool:
    """A bar of the article's tools only (print, close, share, font size, scan): it ends the
    report's text, so a contact line before it is the report's own, not a site footer's."""
    tokens = [t for t in _NAV_SPLIT.split(line) if t]
    return bool(tokens) and all(
        t in _TOOL_WORDS or t in _SOCIAL_WORDS or t.startswith("扫一扫") for t in tokens
    )


def _holds_furniture(line: str) -> bool:
    """Whether a stripped, non-prose line holds page furniture somewhere."""
    if (
        (_CHROME_HINT.search(line) and CHROME().search(line))
        or _is_nav_bar(line)
        or _is_breadcrumb(line)
    ):
        return True
    if ":" not in line and "字" not in line and "分享到" not in line and "打印" not in line:
        return False  # every byline label has one of these
    return len(_BYLINE_LABEL.findall(line)) >= 2


class Furniture(NamedTuple):
    """The page furniture of one normalised line: [start, end) is the furniture itself.

    ``whole``: the line holds nothing else (deleting the line is the fix). Otherwise the line
    opens with report text (a title, a signature date) and the furniture follows it from
    ``cut`` (the end of that text, blanks after it included) to the end of the line.
    ``safe``: every piece of the furniture is furniture-like (a label, its value, a
    navigation word, a button), so deleting it cannot take report text with it.
    """

    start: int
    end: int
    cut: int
    whole: bool
    safe: bool


_TOKEN = re.compile(r"[【\[][^【】\[\]\n]*[】\]]|[^\s【\[]+|[【\[]")
"""Pieces of a line: a bracketed button (【打印】, [ 关闭 ]) or a run without blanks."""
_SOCIAL_WORDS = frozenset("微信 微博 头条 抖音 快手 客户端 APP App app 公众号 小程序".split())  # noqa: SIM905
"""Channels a navigation bar lists next to its words (手机版 | 微信 | 微博); furniture only
after something else on the line has shown the line to be furniture."""
_HAN = re.compile(f"[{HAN_CLASS}]")
_WEEKDAY = re.compile(r"(星期|周|礼拜)[一二三四五六日天]")
_ARROWS = ">»›→"
_COLONS = ":："
_BRACKETS = "【】[]|"


def _marks(token: str) -> bool:
    """A piece that is furniture on its own: a label, a button, a navigation word."""
    return bool(
        token.strip(_BRACKETS) in _NAV_WORDS
        or _BYLINE_LABEL.search(token)
        or _CONTACT.search(token)
        or _holds_furniture(token)
    )


def _furniture_like(token: str, before: str) -> bool:
    """A piece that may stand in furniture: one that marks it, a value after a label (来源:
    区政府办), a step of a breadcrumb, a channel name, a weekday, a figure with its unit
    (56次, 34120202000164号) or a piece without Chinese (2024-01-20, 09:15, |, ©, All Rights
    Reserved). A date or a name standing alone is not: it may be the report's own."""
    han = len(_HAN.findall(token))
    return bool(
        not han
        or (han == 1 and any(ch.isdigit() for ch in token))
        or _WEEKDAY.fullmatch(token)
        or token.strip(_BRACKETS) in _SOCIAL_WORDS
        or (before != "" and before[-1] in _COLONS + _ARROWS)
        or any(a in token for a in _ARROWS)
        or _CHROME_HINT.search(token)
        or _marks(token)
    )


_OWNER_AFTER = re.compile(r"(?i)copyright|©|\(c\)|版权所有")
"""Marks a site's owner follows: Copyright 2017 某市自来水公司."""
_OWNER_BEFORE = re.compile(r"(版权所有|主办|承办|协办|技术支持|运维|维护|制作)(单位)?$")
"""Labels a site's owner precedes: 某市人民政府 主办, 某市自来水公司 版权所有."""


def _all_furniture(line: str, tokens: list[re.Match[str]]) -> bool:
    """Whether every piece is furniture-like: on its own, inside a furniture phrase that
    spans pieces (您是第 12345 位访客), or as the owner named in a footer."""
    phrases = [m.span() for m in CHROME().finditer(line)] if _CHROME_HINT.search(line) else []
    pieces = [m.group() for m in tokens]
    for k, piece in enumerate(pieces):
        before = pieces[k - 1] if k else ""
        if _furniture_like(piece, before) or _OWNER_BEFORE.match(piece):
            continue
        if any(s <= tokens[k].start() and tokens[k].end() <= e for s, e in phrases):
            continue
        if k + 1 < len(pieces) and _OWNER_BEFORE.match(pieces[k + 1]):
            continue
        if any(_OWNER_AFTER.search(p) for p in pieces[max(0, k - 2) : k]):
            continue
        return False
    return True


@lru_cache(maxsize=4096)
def furniture(norm_line: str) -> Furniture | None:
    """The page furniture of a (normalised) line, or None for report text (cached: the
    outline, the facts and several checks ask about the same lines).

    A line that holds furniture is split into pieces (runs between blanks, bracketed
    buttons); the furniture starts at the first piece that is furniture on its own. Pieces
    before it holding Chinese text are report text the page put on the same line (a title
    followed by its byline, a signature date followed by 【打印本页】): the furniture is then
    only the rest of the line. A line of prose is report text, but for furniture after its
    last sentence (……事项。分享到:).
    """
    line = norm_line.strip()
    if not line or _LIST_ITEM.match(line):
        return None
    if _is_prose(line):
        return _after_prose(norm_line, line)
    if not _holds_furniture(line):
        return None
    lead = len(norm_line) - len(norm_line.lstrip())
    end = lead + len(line)
    tokens = list(_TOKEN.finditer(line))
    first = next((k for k, m in enumerate(tokens) if _marks(m.group())), 0)
    head = line[: tokens[first].start()].rstrip() if first else ""
    if head and _HAN.search(head) and not _holds_furniture(head) and not _OWNER_BEFORE.search(head):
        start = lead + tokens[first].start()
        safe = _all_furniture(line, tokens[first:])
        return Furniture(start, end, lead + len(head), False, safe)
    return Furniture(lead, end, lead, True, _all_furniture(line, tokens))


def _after_prose(norm_line: str, line: str) -> Furniture | None:
    """Furniture after the last sentence of a line of prose (无其他需要报告的事项。分享到:);
    ``line`` is ``norm_line`` stripped."""
    if line[-1] in "。;":
        return None  # (most prose lines end with their last sentence)
    k = max(line.rfind("。"), line.rfind(";")) + 1
    found = furniture(line[k:]) if k else None
    if found is None or not found.whole:
        return None
    at = len(norm_line) - len(norm_line.lstrip()) + k
    return Furniture(at + found.start, at + found.end, at, False, found.safe)


@lru_cache(maxsize=4096)
def is_chrome(norm_line: str) -> bool:
    """True when a (normalised) line is page furniture and nothing else."""
    found = furniture(norm_line)
    return found is not None and found.whole


def holds_chrome(norm_line: str) -> bool:
    """True when a (normalised) line holds page furniture, alone or after report text (a
    title followed by its 发布时间 byline): where a page's byline may be read."""
    return furniture(norm_line) is not None


def chrome_lines(norm_lines: Sequence[str]) -> dict[int, Furniture]:
    """The furniture of a document by line index, with the context ``furniture`` lacks.

    Contact and metadata lines (地址:…, 邮编:…, 名称:…) join the furniture when they sit in
    one block with whole lines of it (blank lines aside) other than a bar of article tools
    (【打印本页】, 分享到: the report's contact paragraph often ends right above one); alone
    they are the report's own text. Lines that only end in furniture are in the result too,
    with ``whole`` false.
    """
    found = {i: f for i, line in enumerate(norm_lines) if (f := furniture(line))}
    anchors = {i for i, f in found.items() if f.whole and not _is_tool_bar(norm_lines[i].strip())}
    weak = {
        i
        for i, line in enumerate(norm_lines)
        if i not in found and _CONTACT.search(line.strip()) and not _is_prose(line.strip())
    }
    changed = True
    while changed:
        changed = False
        for i in sorted(weak - anchors):
            if _neighbour(norm_lines, i, -1) in anchors or _neighbour(norm_lines, i, 1) in anchors:
                line = norm_lines[i]
                lead = len(line) - len(line.lstrip())
                found[i] = Furniture(lead, len(line.rstrip()), lead, True, True)
                anchors.add(i)
                changed = True
    return found


def _neighbour(norm_lines: Sequence[str], i: int, step: int) -> int | None:
    """The nearest non-blank line from ``i`` in direction ``step``, within the block."""
    j, gap = i + step, 0
    while 0 <= j < len(norm_lines):
        if norm_lines[j].strip():
            return j
        gap += 1
        if gap > _MAX_GAP:
            return None
        j += step
    return None
