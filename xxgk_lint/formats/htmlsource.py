"""An HTML file's source: its encoding, and where each character of its text sits in it.

The tree comes from lexbor (``html.py``), which does not report source positions. The
standard library's tokenizer does: it walks the same source and yields every run of
character data with its offset, outside tags, comments, scripts and styles. Decoding each
run's character references one by one gives the page text with, for every character, the
offset of what it was written as (a reference maps to its ``&``). Text nodes of the tree are
then found in that stream in document order.
"""

from __future__ import annotations

import codecs
import re
from array import array
from bisect import bisect_right
from html import unescape
from html.parser import HTMLParser

from ..errors import InputError
from ..source import index_lines
from .builder import Deadline

# Encodings declared by Chinese pages, read as the superset a browser uses.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "gb_2312-80": "gb18030", "x-gbk": "gb18030",
              "big5": "big5hkscs", "iso-8859-1": "cp1252", "latin1": "cp1252", "ascii": "cp1252",
              "us-ascii": "cp1252"}  # fmt: skip
_META_CHARSET = re.compile(rb"<meta[^>]+?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
# The same references html.unescape decodes, so each is decoded exactly as a whole run would be.
_CHARREF = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)|\r\n?")
_SKIPPED = {"script", "style", "template", "noscript", "xmp", "iframe", "noembed", "noframes"}
# Elements that never nest (void) or close by themselves (optional end tags).
_FLAT = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead",
    "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rp", "html", "head", "body",
}  # fmt: skip
MAX_DEPTH = 1000
"""Deeper nesting is refused before the tree is built: browsers stop nesting at 512, and
building a tree that deep costs time that grows with the square of the depth."""


def declared_encoding(data: bytes) -> str | None:
    """The charset a page declares in ``<meta charset>`` or an http-equiv content type."""
    m = _META_CHARSET.search(data[:8192])
    if not m:
        return None
    name = m.group(1).decode("ascii").lower()
    try:
        codecs.lookup(name)
    except LookupError:
        return None
    return _SUPERSETS.get(name, name)


def decode_html(data: bytes, path: str) -> tuple[str, str, bool]:
    """(text, encoding, had a BOM). BOM first; then the declared charset, unless the bytes are
    valid UTF-8 with non-ASCII text (a page saved by a browser keeps its old declaration);
    then detection. GBK and GB2312 are read as GB18030, their superset."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding, True
            except UnicodeDecodeError as exc:
                raise InputError(path, f"invalid {encoding} after its byte-order mark") from exc
    try:
        text = data.decode("utf-8")
        if not text.isascii() or declared_encoding(data) in (None, "utf-8"):
            return text, "utf-8", False
    except UnicodeDecodeError:
        pass
    declared = declared_encoding(data)
    if declared and declared not in ("utf-8", "utf-16", "utf-16-le", "utf-16-be"):
        try:
            return data.decode(declared), declared, False
        except UnicodeDecodeError:
            pass
    for candidate in ("gb18030", "big5hkscs"):
        try:
            return data.decode(candidate), candidate, False
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise InputError(path, "cannot determine the page's text encoding")
    return data.decode(best.encoding, errors="replace"), best.encoding, False


class _Tokens(HTMLParser):
    """Offsets of every token the standard tokenizer sees, and which data runs to keep."""

    def __init__(self, source: str, deadline: Deadline) -> None:
        super().__init__(convert_charrefs=True)
        self._line_starts = [0, *(m.end() for m in re.finditer("\n", source))]
        self.starts: list[int] = []  # start offset of every token
        self.data: list[int] = []  # indices into ``starts`` of kept character data
        self._skip = 0
        self._depth = 0
        self._deadline = deadline

    def _here(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def _token(self) -> None:
        self.starts.append(self._here())
        if len(self.starts) % 4096 == 0:
            self._deadline.check()

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self._token()
        if tag in _SKIPPED:
            self._skip += 1
        if tag not in _FLAT:
            self._depth += 1
            if self._depth > MAX_DEPTH:
                raise InputError(self._deadline.path, f"web page nests more than {MAX_DEPTH} deep")

    def handle_endtag(self, tag: str) -> None:
        self._token()
        if tag in _SKIPPED and self._skip:
            self._skip -= 1
        if tag not in _FLAT and self._depth:
            self._depth -= 1

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self._token()

    def handle_data(self, data: str) -> None:
        self._token()
        if not self._skip:
            self.data.append(len(self.starts) - 1)

    def handle_comment(self, data: str) -> None:
        self._token()

    def handle_decl(self, decl: str) -> None:
        self._token()

    def handle_pi(self, data: str) -> None:
        self._token()

    def unknown_decl(self, data: str) -> None:
        self._token()


class SourceMap:
    """The page's character data as one string, each character with its source span."""

    def __init__(self, source: str, deadline: Deadline) -> None:
        tokens = _Tokens(source, deadline)
        tokens.feed(source)
        tokens.close()
        starts = [*tokens.starts, len(source)]
        parts: list[str] = []
        begin, end = array("q"), array("q")
        for index in tokens.data:
            _decode_run(source, starts[index], starts[index + 1], parts, begin, end)
        self.text = "".join(parts)
        self.begin, self.end = begin, end
        self._cursor = 0
        self.lines = index_lines(source)

    def locate(self, text: str) -> int | None:
        """Index in ``self.text`` of a text node's text: the next occurrence after the
        previous node's, else the nearest before it (nodes the tree moved, like text
        foster-parented out of a table)."""
        found = self.text.find(text, self._cursor)
        if found >= 0:
            self._cursor = found + len(text)
            return found
        found = self.text.rfind(text, 0, self._cursor)
        return found if found >= 0 else None

    def line_of(self, offset: int) -> int:
        return bisect_right(self.lines[0], offset) - 1


def _decode_run(
    source: str, start: int, stop: int, parts: list[str], begin: array, end: array
) -> None:
    """Decode source[start:stop] reference by reference (CR LF and CR read as LF)."""
    pos = start
    for m in _CHARREF.finditer(source, start, stop):
        if m.start() > pos:
            parts.append(source[pos : m.start()])
            begin.extend(range(pos, m.start()))
            end.extend(range(pos + 1, m.start() + 1))
        decoded = "\n" if m.group().startswith("\r") else unescape(m.group())
        parts.append(decoded)
        begin.extend([m.start()] * len(decoded))
        end.extend([m.end()] * len(decoded))
        pos = m.end()
    if stop > pos:
        parts.append(source[pos:stop])
        begin.extend(range(pos, stop))
        end.extend(range(pos + 1, stop + 1))
