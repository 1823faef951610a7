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

from .lazyre import lazy

_DATE = r"\d{4}\s*[-/.年]\s*\d{1,2}"
_CHROME_PATTERNS = [
    # breadcrumbs
    r"(当前|您|你)[^:>]{0,6}位置\s*[:>]",
    r"^(首页|主页|网站首页)\s*(>|»|›|→|/)",
    r"(>|»|›)\s*(正文|文章详情|详情|详细信息|内容)\s*$",
    # bylines with a date, metadata blocks
    rf"^(发布|更新|发表|成文|生效|印发)(时间|日期)\s*:\s*{_DATE}",
    r"索引号\s*[:|]",
    r"有效性\s*[:|]\s*(有效|失效|废止|$)",
    r"(浏览|点击|阅读|访问|累计)(次数|数|量)\s*:",
    r"字[体号](大小)?\s*:\s*(\[|【|大|中|小|$)",
    r"字[体号]\s*[\[【]\s*(大|中|小|\]|】)",
    r"(上一篇|下一篇|责任编辑)\s*:",
    r"全文共计\s*\d*\s*字",
    # tools and sharing
    r"^\W*扫一扫|扫一扫\s*(在|用)?手机",
    r"(^|\s)分享到\s*(:|$|微信|微博|QQ)",
    r"(打印本页|关闭窗口|返回顶部|收藏本页|加入收藏|设为首页)",
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
    r"|扫一扫|分享到|打印|关闭|返回|收藏|视力保护色|相关(?:文档|附件|链接|阅读|新闻)|浏览器"
    r"|本站已?支持|请使用|(?i:ICP)|公网安备|标识码|(?:主办|承办|协办|运维|维护)单位|技术支持"
    r"|版权所有|©|(?i:copyright)"
)
"""Words one of which every pattern of ``CHROME`` holds: a quick scan that spares the
patterns for most lines."""

_BYLINE_LABEL = re.compile(
    r"(发布|更新|发表|成文)(时间|日期)\s*:|(信息|文章|稿件)?来源\s*:|作者\s*:|(责任)?编辑\s*:"
    r"|(浏览|点击|阅读|访问|累计)(次数|数|量)\s*:|字[体号](大小)?\s*[:\[【]|发布机构\s*:"
    r"|发文(机关|字号|日期)\s*:|主题分类\s*:|文号\s*:|分享到|打印"
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
    r"|^传真\s*:|^(电子)?邮箱\s*:|^e-?mail\s*:|^网址\s*:|^联系人\s*:|^(名称|文号|主题词|关键词)\s*:",
    re.IGNORECASE,
)
"""Lines that are furniture only next to other furniture: contact and metadata labels."""
_PROSE = re.compile(r"[。;]")
_MAX_LINE = 200
_MAX_GAP = 2  # blank lines a furniture block may hold between its lines


def _is_prose(line: str) -> bool:
    """Sentences are report text whatever words they use."""
    return bool(_PROSE.search(line)) or line.count(",") >= 2 or len(line) > _MAX_LINE


def _is_nav_bar(line: str) -> bool:
    """A bar of navigation words: 首页 | 网站地图 | 联系我们, 关怀版 无障碍."""
    tokens = [t for t in _NAV_SPLIT.split(line) if t]
    if not tokens or any(len(t) > 10 for t in tokens):
        return False
    nav = sum(t in _NAV_WORDS for t in tokens)
    return nav >= 1 and nav * 3 >= len(tokens) * 2 and (len(tokens) >= 2 or len(tokens[0]) >= 3)


def _is_breadcrumb(line: str) -> bool:
    """A trail of three or more short names joined by >: 政务公开 > 年度报告 > 正文."""
    parts = _BREADCRUMB_SPLIT.split(line)
    return len(parts) >= 3 and all(0 < len(p) <= 15 for p in parts)


@lru_cache(maxsize=4096)
def is_chrome(norm_line: str) -> bool:
    """True when a (normalised) line is page furniture rather than report text (cached: the
    outline, the facts and several checks ask about the same lines)."""
    line = norm_line.strip()
    if not line or _is_prose(line):
        return False
    if (
        (_CHROME_HINT.search(line) and CHROME().search(line))
        or _is_nav_bar(line)
        or _is_breadcrumb(line)
    ):
        return True
    if ":" not in line and "字" not in line and "分享到" not in line and "打印" not in line:
        return False  # every byline label has one of these
    return len(_BYLINE_LABEL.findall(line)) >= 2


def chrome_lines(norm_lines: Sequence[str]) -> set[int]:
    """Indices of the furniture lines of a document, with the context ``is_chrome`` lacks.

    Contact and metadata lines (地址:…, 邮编:…, 名称:…) join the furniture when they sit in
    one block with it (blank lines aside); alone they are the report's own text.
    """
    found = {i for i, line in enumerate(norm_lines) if is_chrome(line)}
    weak = {
        i
        for i, line in enumerate(norm_lines)
        if i not in found and _CONTACT.search(line.strip()) and not _is_prose(line.strip())
    }
    changed = True
    while changed:
        changed = False
        for i in sorted(weak - found):
            if _neighbour(norm_lines, i, -1) in found or _neighbour(norm_lines, i, 1) in found:
                found.add(i)
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
