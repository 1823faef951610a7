"""Web page furniture: the lines a site wraps around a report (breadcrumbs, bylines, footers).

Shared by the outline (which must not mistake a footer for a signature) and T003. Patterns
run on the normalised line (simplified, half-width), so 網站地圖 and 网站地图 match alike.
"""

from __future__ import annotations

import re

_CHROME_PATTERNS = [
    r"(当前|您的|您当前|你的)(所在)?位置\s*[:>]",
    r"^(首页|主页|网站首页)\s*(>|»|›|/|→)",
    r"(>|»|›)\s*(正文|文章详情|详情|详细信息)\s*$",
    r"(发布|更新|发表)(时间|日期)\s*[:]?.{0,30}(来源|作者|浏览|点击|阅读|访问|字体|字号|分享|打印)",
    r"(信息)?来源\s*:.{0,40}(浏览|点击|阅读|访问|字体|字号|打印|发布)",
    r"^(发布|更新)(时间|日期)\s*:\s*\d{4}[-/.年]",
    r"(浏览|点击|阅读|访问)(次数|数|量)\s*:",
    r"字[体号](大小)?\s*[:]?\s*[\[【(]?\s*(大|小|中|\]|】|$)",
    r"扫一扫",
    r"分享到\s*[:]?",
    r"(网站|站点)地图",
    r"(网站)?标识码",
    r"ICP\s*备|ICP\s*证|公网安备",
    r"^(主办|承办|协办)单位\s*:",
    r"技术支持\s*:",
    r"(联系我们|网站声明|隐私声明|免责声明|关于我们)\s*(\||$)",
    r"(打印本页|关闭窗口|返回顶部|\[\s*关闭\s*\]|【\s*关闭\s*】|【\s*打印\s*】|\[\s*打印\s*\])",
    r"^\s*(打印|关闭|返回|收藏)(\s+(打印|关闭|返回|收藏|\S*close\S*))+\s*$",
    r"\S+\.(png|gif|jpg)\s+(关闭|打印)",
    r"(关怀版|无障碍|长者版|繁体版|简体版|English)\s*(\||$|\s)",
    r"视力保护色",
    r"相关(文档|附件|链接)\s*:\s*$",
    r"OA登录",
    r"建议您使用.{0,20}浏览器",
    r"本站已?支持\s*IPv6",
    r"请使用tab(按钮|键)切换",
]
CHROME = re.compile("|".join(f"(?:{p})" for p in _CHROME_PATTERNS), re.IGNORECASE)


def is_chrome(norm_line: str) -> bool:
    """True when a (normalised) line is page furniture rather than report text."""
    line = norm_line.strip()
    if not line or len(line) > 160:
        return False
    return CHROME.search(line) is not None
