"""Hostile and mislabelled files: one clear error line naming the file, never a hang or a
traceback. Every file is built here, in the test."""

from __future__ import annotations

import io
import struct
import time
import zipfile
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from xxgk_lint.cli import app
from xxgk_lint.errors import InputError
from xxgk_lint.formats import docx as docx_format
from xxgk_lint.formats import html as html_format
from xxgk_lint.formats import load_bytes

CONTENT_TYPES = (
    b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    b'content-types"/>'
)
LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>"""
EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE d [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&secret;</w:t></w:r></w:p></w:body></w:document>"""


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _real_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("一、总体情况")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# The time bound's alarm may land while Python runs a garbage-collection callback (Hypothesis
# installs some), where Python reports and drops it; the bound rings again, which is what
# these tests prove, so the report of the dropped one is expected.
_ALARM_MAY_BE_DROPPED = pytest.mark.filterwarnings(
    "ignore::pytest.PytestUnraisableExceptionWarning"
)


def _refused(data: bytes, name: str, match: str, seconds: float = 5.0) -> None:
    started = time.monotonic()
    with pytest.raises(InputError, match=match) as info:
        load_bytes(data, name, Path(name).suffix)
    assert info.value.path == name
    assert time.monotonic() - started < seconds


def test_zip_bomb_is_refused_from_the_zip_directory() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        with archive.open("word/media/bomb.bin", "w") as member:
            block = bytes(1024 * 1024)
            for _ in range(docx_format.MAX_MEMBER_BYTES // len(block) + 1):
                member.write(block)
    assert len(buffer.getvalue()) < 1024 * 1024  # a small file that unpacks to 129 MB
    _refused(buffer.getvalue(), "bomb.docx", "unpacks too large")


def test_zip_directory_lying_about_sizes_is_refused_before_reading() -> None:
    data = bytearray(_zip({"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": b"<x/>"}))
    central = data.rfind(b"PK\x01\x02")  # the last central directory entry: its sizes
    data[central + 24 : central + 28] = struct.pack("<I", 0xFFFFFFF0)
    _refused(bytes(data), "lying.docx", "unpacks too large")


def test_too_many_zip_members_is_refused() -> None:
    members = {"[Content_Types].xml": CONTENT_TYPES}
    members.update({f"word/p{i}.xml": b"<x/>" for i in range(docx_format.MAX_MEMBERS + 1)})
    _refused(_zip(members), "many.docx", "parts")


@pytest.mark.parametrize("xml", [LAUGHS, EXTERNAL], ids=["billion-laughs", "external-entity"])
def test_xml_with_entity_declarations_is_refused(xml: bytes) -> None:
    data = _zip({"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": xml})
    _refused(data, "entities.docx", "declares XML entities")


def test_damaged_docx_is_one_clear_error() -> None:
    data = _real_docx()
    _refused(data[: len(data) // 2], "cut.docx", "damaged Word file")
    _refused(_zip({"a.txt": b"hello"}), "other.docx", "not a Word .docx")


def test_huge_web_page_is_refused_by_size() -> None:
    page = b"<html><body><div class='TRS_Editor'>" + b"<p>" + b"x" * (20 * 1024 * 1024) + b"</p>"
    _refused(page, "huge.html", "larger than", seconds=2.0)


@_ALARM_MAY_BE_DROPPED
def test_slow_web_page_ends_at_the_time_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_format, "HTML_SECONDS", 0.0)
    page = b"<html><body>" + b"<div><p>text</p></div>" * 20000 + b"</body></html>"
    _refused(page, "slow.html", "longer than")


def test_deep_nesting_is_refused_before_the_tree_is_built() -> None:
    depth = 50_000
    page = b"<html><body>" + b"<div>" * depth + "一、总体情况".encode() + b"</div>" * depth
    _refused(page, "deep.html", "nests more than", seconds=2.0)


def test_nesting_within_the_limit_does_not_overflow_the_stack() -> None:
    depth = 900
    page = b"<html><body>" + b"<div>" * depth + "一、总体情况".encode() + b"</div>" * depth
    assert "一、总体情况" in load_bytes(page, "deep.html", ".html").text


def test_absurd_spans_are_clamped() -> None:
    page = (
        "<html><body><div class='TRS_Editor'><p>表</p><table>"
        "<tr><td colspan='999999999' rowspan='999999999'>a</td><td>b</td></tr>"
        "<tr><td>c</td><td>d</td></tr></table></div></body></html>"
    )
    source = load_bytes(page.encode(), "span.html", ".html")
    assert source.text.splitlines()[1].startswith("| a |")


@pytest.mark.parametrize(
    ("data", "name", "match"),
    [
        (
            b"<!DOCTYPE html><html><body>404 Not Found</body></html>",
            "r.pdf",
            "not a PDF file but an HTML page",
        ),
        ("一、总体情况\n全年公开12条。".encode(), "r.pdf", "not a PDF file but text"),
        (b"%PDF-1.7\n1 0 obj <</Type /Catalog>> garbage", "r.pdf", "PDF"),
        ("一、总体情况".encode(), "r.docx", "not a Word .docx file but text"),
        (b"<html><body><p>x</p></body></html>", "r.docx", "HTML page"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "r.doc", "old binary Word"),
        (b"{\\rtf1\\ansi hello}", "r.rtf", "RTF"),
    ],
)
def test_mislabelled_and_broken_files_give_one_clear_error(
    data: bytes, name: str, match: str
) -> None:
    _refused(data, name, match)


def test_content_decides_the_format_when_the_name_does_not_promise_one() -> None:
    page = "<html><body><div class='TRS_Editor'><p>一、总体情况</p></div></body></html>"
    assert load_bytes(page.encode(), "report.doc", ".doc").kind == "html"  # Word's web page
    assert load_bytes(page.encode(), "report.txt", ".txt").kind == "html"
    assert load_bytes(_real_docx(), "report.txt", ".txt").kind == "docx"
    assert load_bytes("# 一、总体情况\n".encode(), "r.md", ".md").kind == "text"


def test_cli_prints_one_line_and_exits_2(tmp_path: Path) -> None:
    bomb = tmp_path / "entities.docx"
    bomb.write_bytes(_zip({"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": LAUGHS}))
    fake = tmp_path / "fake.pdf"
    fake.write_bytes(b"<html><body>error</body></html>")
    result = CliRunner().invoke(app, ["check", str(bomb), str(fake)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("xxgk-lint:")]
    assert len(errors) == 2 and "entities.docx" in errors[0] and "fake.pdf" in errors[1]


def _pdf_with_operations(count: int) -> bytes:
    """A one-page PDF whose content stream shows text ``count`` times."""
    ops = b"BT /F1 10 Tf " + b"".join(
        b"1 0 0 1 %d %d Tm (abc) Tj " % (i % 500, i % 700) for i in range(count)
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>stream\n" % (len(ops) + 3) + ops + b"ET\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF" % (len(objects) + 1, xref)
    return out


@_ALARM_MAY_BE_DROPPED
def test_pdf_too_slow_to_parse_ends_at_the_time_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    from xxgk_lint.formats import pdf as pdf_format

    monkeypatch.setattr(pdf_format, "PDF_SECONDS", 0.2)
    _refused(_pdf_with_operations(60_000), "slow.pdf", "longer than", seconds=4.0)


def test_an_alarm_lost_inside_a_finaliser_rings_again() -> None:
    """Python drops an exception raised while it runs a garbage-collection callback or a
    finaliser; the time bound must not be lost with it."""
    from xxgk_lint.formats.builder import Deadline, _Expired

    dropped = 0
    start = time.monotonic()
    with pytest.raises(InputError, match="longer than"), Deadline("slow.pdf", 0.01):
        while time.monotonic() - start < 5:
            try:
                time.sleep(0.005)
            except _Expired:
                dropped += 1
                if dropped > 1:
                    raise
    assert dropped == 2 and time.monotonic() - start < 3
