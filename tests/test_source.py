"""Loading: encodings, line endings and positions in the original file."""

from __future__ import annotations

import codecs

import pytest

from xxgk_lint.errors import InputError
from xxgk_lint.source import decode

TEXT = "某县人民政府2021年政府信息公开工作年度报告\n一、总体情况\n根據统计，全年公开信息12条。\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.replace("根據", "根据").encode("gbk"), "gb18030"),
    ],
)
def test_decodes_every_supported_encoding(data: bytes, encoding: str) -> None:
    source = decode(data, "r.txt")
    assert source.encoding == encoding
    assert "政府信息公开工作年度报告" in source.text


def test_bom_is_not_part_of_the_text() -> None:
    source = decode(codecs.BOM_UTF8 + "一、总体情况".encode(), "r.txt")
    assert source.bom is True
    assert source.position(0) == (1, 1)
    assert source.text.startswith("一")


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_positions_count_code_points_per_line_whatever_the_line_ending(newline: str) -> None:
    text = newline.join(["标题", "第二行：共12条", "第三行"])
    source = decode(text.encode("utf-8"), "r.txt")
    assert source.newline == newline
    assert source.line_count == 3
    offset = source.text.index("12")
    assert source.position(offset) == (2, 6)
    assert source.line_text(1) == "第二行：共12条"
    assert source.position(source.text.index("第三行")) == (3, 1)


def test_astral_characters_count_as_one_column() -> None:
    source = decode("𠀀𠀁共12条".encode(), "r.txt")
    assert source.position(source.text.index("12")) == (1, 4)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "utf-16"),
    ],
)
def test_unreadable_bytes_raise_a_clear_error(data: bytes, problem: str) -> None:
    with pytest.raises(InputError) as info:
        decode(data, "bad.txt")
    assert info.value.path == "bad.txt"
    assert problem in info.value.problem


def test_a_device_of_endless_bytes_is_refused_at_the_limit(tmp_path) -> None:
    """``stat`` gives a device no size: reading stops one byte past the limit."""
    from pathlib import Path

    from xxgk_lint.source import MB, load_path

    zero = Path("/dev/zero")
    if not zero.is_char_device():
        pytest.skip("needs /dev/zero")
    with pytest.raises(InputError, match="larger than the 1 MB limit"):
        load_path(zero, max_text_bytes=1 * MB)
    small = tmp_path / "r.txt"
    small.write_text("某县2023年政府信息公开工作年度报告\n", encoding="utf-8")
    assert load_path(small, max_text_bytes=1 * MB).text.startswith("某县2023年")
