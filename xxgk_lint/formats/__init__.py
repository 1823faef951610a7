"""Read the files reports are published as: text and Markdown, Word .docx, web pages, PDF.

The content decides the format, not the name: a PDF named .txt is read as a PDF, a Word
"web page" saved as .doc is read as HTML. A name that promises a binary format the content
does not have (.pdf, .docx) is an error, because it usually means a failed download (an HTML
error page saved under the report's name), and linting that page would only confuse.
"""

from __future__ import annotations

import codecs
import re

from ..errors import InputError
from ..source import Source, decode

HTML_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml"}
BINARY_SUFFIXES = {".pdf": "a PDF file", ".docx": "a Word .docx file"}

_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta)\b", re.I | re.S
)
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff(data: bytes) -> str:
    """What the bytes are: "pdf", "zip", "ole2", "rtf", "html" or "text"."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(_OLE2):
        return "ole2"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if _HTML_START.match(_as_ascii(head)):
        return "html"
    return "text"


def _as_ascii(head: bytes) -> bytes:
    """The start of a file with a BOM removed and UTF-16 narrowed, for markup sniffing."""
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            return head[len(bom) :].decode(encoding, errors="ignore").encode("ascii", "ignore")
    return head.removeprefix(codecs.BOM_UTF8)


def load_bytes(data: bytes, path: str, suffix: str = "") -> Source:
    """A ``Source`` for a file's bytes, by what the bytes are (``suffix`` breaks ties)."""
    kind = sniff(data)
    if kind == "pdf":
        from .pdf import load_pdf

        return load_pdf(data, path)
    if kind == "zip":
        from .docx import load_docx

        return load_docx(data, path)
    if kind == "ole2":
        raise InputError(
            path, "old binary Word/WPS format (.doc/.wps) cannot be read: save it as .docx"
        )
    if kind == "rtf":
        raise InputError(path, "RTF document cannot be read: save it as .docx")
    if suffix in BINARY_SUFFIXES:
        what = "an HTML page" if kind == "html" or _looks_like_html(data) else "text"
        raise InputError(
            path, f"is not {BINARY_SUFFIXES[suffix]} but {what}: check the download or the name"
        )
    if kind == "html" or (suffix in HTML_SUFFIXES | {".doc"} and _looks_like_html(data)):
        from .html import load_html

        return load_html(data, path)
    return decode(data, path)


def _looks_like_html(data: bytes) -> bool:
    return re.search(rb"<(?:html|body|p|div|table)\b", _as_ascii(data[:4096]), re.I) is not None
