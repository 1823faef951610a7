"""Fixing the user's file: the fix passes, overlaps, encodings and line endings kept byte for
byte, refusals, atomic writes, --diff, read-only formats and idempotence."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xxgk_lint import fixes
from xxgk_lint.check import select_checks
from xxgk_lint.diagnostic import Diagnostic, Edit, Fix
from xxgk_lint.engine import FileResult, lint_source
from xxgk_lint.fixes import FixOptions, FixRefused, apply_fixes, fix_path, fix_source
from xxgk_lint.settings import Settings
from xxgk_lint.source import Source, decode

from .conftest import ROOT

TITLE = "某县教育局2023年政府信息公开工作年度报告"
HYGIENE = ("T", "X")


def lint_for(*codes: str, lang: str = "zh"):
    chosen = Settings(select=list(codes or HYGIENE), lang=lang)
    checks = select_checks(chosen.select)
    return lambda source: lint_source(source, checks, chosen)


def fixed(text: str, *codes: str, unsafe: bool = False) -> tuple[str, fixes.FixOutcome]:
    """The text after the fix loop (nothing is written), and the outcome."""
    data = text.encode("utf-8")
    outcome = fix_source(
        decode(data, "report.txt"), data, lint_for(*codes), FixOptions(unsafe=unsafe), "zh"
    )
    return outcome.output.decode("utf-8"), outcome


def run_fix(path: Path, *codes: str, **options) -> fixes.FixOutcome:
    chosen = Settings(select=list(codes or HYGIENE))
    return fix_path(path, str(path), select_checks(chosen.select), chosen, FixOptions(**options))


def report(*body: str) -> str:
    return "\n".join([TITLE, "一、总体情况", *body]) + "\n"


# Each fixable rule through the loop


@pytest.mark.parametrize(
    ("code", "before", "after"),
    [
        ("T001", "本單位依(yī)法公開(kāi)信息。", "本單位依法公開信息。"),
        ("T001", "政府信息公开（kāi）工作", "政府信息公开工作"),
        ("T004", "[bookmark: _GoBack]全年主动公开信息。", "全年主动公开信息。"),
        ("T004", "详见附件 { PAGE } 第二页。", "详见附件 第二页。"),
        ("T004", "全年主动\u200b公开\u00ad信息。", "全年主动公开信息。"),
        ("T006", "全年共收到申请46件,其中网上申请30件(含邮件申请)。", None),
    ],
)
def test_each_safe_fix_gives_the_expected_text(code: str, before: str, after: str | None) -> None:
    after = after or "全年共收到申请46件，其中网上申请30件（含邮件申请）。"
    text, outcome = fixed(report(before), code)
    assert text == report(after)
    assert outcome.changed and sum(outcome.fixed.values()) >= 1
    assert set(outcome.fixed) == {code}
    assert [f.code for f in outcome.result.findings] == []


def test_page_chrome_lines_are_deleted_with_their_line_break() -> None:
    before = report("首页 > 政务公开 > 年度报告", "全年主动公开信息。", "扫一扫在手机打开当前页")
    text, outcome = fixed(before, "T003")
    assert text == report("全年主动公开信息。")
    assert outcome.fixed == {"T003": 2}


def signed(*body: str, date_line: str = "2024年1月22日") -> str:
    return report(*body) + "\n某县教育局\n" + date_line + "\n"


@pytest.mark.parametrize(
    "buttons", ["【打印本页】【关闭窗口】", " 【打印本页】 【关闭窗口】  ", "　[打印] [关闭]"]
)
def test_furniture_after_the_signature_date_goes_and_the_date_stays(buttons: str) -> None:
    before = signed("全年主动公开信息。", date_line="2024年1月22日" + buttons)
    text, outcome = fixed(before, "T003")
    assert text == signed("全年主动公开信息。")
    assert outcome.fixed == {"T003": 1}
    assert fixed(text, "T003")[0] == text  # and nothing more on a second run


def test_furniture_after_the_last_sentence_goes_and_the_sentence_stays() -> None:
    text, outcome = fixed(report("无其他需要报告的事项。分享到： 微信 微博"), "T003")
    assert text == report("无其他需要报告的事项。")
    assert outcome.fixed == {"T003": 1}


def test_a_byline_after_the_title_goes_and_the_title_stays() -> None:
    title_line = TITLE + " 发布时间：2024-01-20 浏览次数：56 【打印】【关闭】"
    before = report("全年主动公开信息。").replace(TITLE, title_line, 1)
    text, outcome = fixed(before, "T003")
    assert text == report("全年主动公开信息。")
    assert outcome.fixed == {"T003": 1}


@pytest.mark.parametrize(
    "line",
    [
        # furniture first, then report text: the line is not all furniture
        "发布时间：2024-01-20 某县教育局2023年政府信息公开工作年度报告",
        # report text, furniture, then report text again
        "2024年1月22日 【打印本页】 某县教育局",
    ],
)
def test_furniture_mixed_with_report_text_is_reported_but_never_deleted(line: str) -> None:
    before = report("全年主动公开信息。", line)
    text, outcome = fixed(before, "T003")
    assert text == before and not outcome.changed
    found = [f for f in outcome.result.findings if f.code == "T003"]
    assert len(found) == 1 and found[0].fix is None


def test_lines_of_furniture_alone_are_still_deleted_whole() -> None:
    furniture = [
        "主办：某县人民政府办公室  承办：某县信息中心",
        "分享到：",
        "今天是：2024年1月22日 星期一",
        "您是第 12345 位访客",
        "TOP",
        "【打印本页】【关闭窗口】",
        "手机版 | 微信 | 微博",
        "Copyright 2024 某县供水有限公司 版权所有 赣ICP备11012345号",
        "某县人民政府 主办 赣ICP备11012345号-2",
    ]
    text, outcome = fixed(report("全年主动公开信息。", *furniture), "T003")
    assert text == report("全年主动公开信息。")
    assert outcome.fixed == {"T003": len(furniture)}


def test_watermark_line_is_deleted() -> None:
    before = report(
        "全年主动公开信息。", "Evaluation Warning: The document was created with Spire.Doc"
    )
    assert fixed(before, "T004")[0] == report("全年主动公开信息。")


def test_unsafe_fix_only_with_unsafe_fixes() -> None:
    before = report("本機關全年主動公開政府信息一百二十條。")
    text, outcome = fixed(before, "T005")
    assert text == before and not outcome.changed
    assert outcome.unsafe == 1
    assert [(f.code, f.line, f.column) for f in outcome.result.findings] == [("T005", 3, 2)]
    text, outcome = fixed(before, "T005", unsafe=True)
    assert text == report("本机关全年主动公开政府信息一百二十条。")
    assert outcome.fixed == {"T005": 1} and outcome.unsafe == 0


def test_unused_suppression_line_is_deleted() -> None:
    before = report("<!-- xxgk-lint: disable-next-line=T006 -->", "全年主动公开信息十二条。")
    text, outcome = fixed(before, "T006", "X001")
    assert text == report("全年主动公开信息十二条。")
    assert outcome.fixed == {"X001": 1}


def test_a_suppressed_finding_is_not_fixed() -> None:
    before = report("<!-- xxgk-lint: disable-next-line=T006 -->", "全年主动公开信息,共计十二条。")
    text, outcome = fixed(before, "T006", "X001")
    assert text == before and not outcome.changed and not outcome.fixed


# Overlapping fixes


def diagnostic(code: str, *edits: tuple[int, int, str], applicability: str = "safe") -> Diagnostic:
    fix = Fix(tuple(Edit(*e) for e in edits), applicability)
    return Diagnostic(code, edits[0][0], edits[0][1], fix=fix)


def test_a_fix_overlapping_a_taken_one_waits_for_the_next_pass() -> None:
    text = "甲\n首页,栏目\n乙\n"
    source = decode(text.encode(), "r.txt")
    delete_line = diagnostic("T003", (2, 8, ""))
    comma = diagnostic("T006", (4, 5, "，"))
    result = apply_fixes(source, [comma, delete_line])
    assert result.text == "甲\n乙\n"
    assert result.applied == [delete_line] and result.skipped == [comma]


def test_line_deletion_and_an_edit_on_that_line_are_resolved_by_the_loop() -> None:
    before = report("首页 > 政务公开 > 年度报告[bookmark: _GoBack]", "全年主动公开信息。")
    text, outcome = fixed(before, "T003", "T004")
    assert text == report("全年主动公开信息。")
    assert outcome.fixed == {"T003": 1}  # the bookmark went with its line
    assert outcome.result.findings == []


@pytest.mark.parametrize(
    ("first", "second", "both"),
    [
        ((2, 4, "x"), (4, 6, "y"), True),  # touching spans
        ((2, 4, "x"), (3, 5, "y"), False),  # sharing a character
        ((2, 4, "x"), (3, 3, "y"), False),  # an insertion inside a replaced span
        ((3, 3, "x"), (3, 3, "y"), False),  # two insertions at one place: order unknown
        ((3, 3, "x"), (3, 5, "y"), True),  # an insertion before a replaced span
    ],
)
def test_overlap_rules(first: tuple, second: tuple, both: bool) -> None:
    source = decode(b"0123456789", "r.txt")
    a, b = diagnostic("T006", first), diagnostic("T006", second)
    result = apply_fixes(source, [b, a])
    assert len(result.applied) == (2 if both else 1)
    assert result.skipped == ([] if both else [b])


def test_identical_fixes_of_two_findings_are_one_change() -> None:
    source = decode("甲\n乙\n丙\n".encode(), "r.txt")
    a, b = diagnostic("T003", (2, 4, "")), diagnostic("T004", (2, 4, ""))
    result = apply_fixes(source, [a, b])
    assert result.text == "甲\n丙\n" and result.applied == [a, b]


def test_edits_of_one_fix_interleave_with_other_fixes() -> None:
    source = decode(b"ab,cd,ef", "r.txt")
    spread = diagnostic("T005", (0, 1, "A"), (7, 8, "F"), applicability="unsafe")
    comma = diagnostic("T006", (2, 3, "，"))
    assert apply_fixes(source, [spread, comma]).text == "ab，cd,ef"
    assert apply_fixes(source, [spread, comma], unsafe=True).text == "Ab，cd,eF"


# Cycles and the pass limit


def fake_lint(propose):
    """A lint whose only finding proposes ``propose(text)`` as a whole-text fix."""
    from xxgk_lint.check import all_checks
    from xxgk_lint.document import Document
    from xxgk_lint.engine import resolve

    def lint(source: Source) -> FileResult:
        diag = diagnostic("T006", (0, len(source.text), propose(source.text)))
        diag.args = {"mark": ",", "full": "，"}
        finding = resolve(Document(source, Settings()), diag, all_checks()["T006"](), "en")
        return FileResult(source.path, [finding], source=source)

    return lint


def test_fixes_that_undo_each_other_stop_with_a_message() -> None:
    source = decode(b"AB", "r.txt")
    loop = fixes.fix_loop(source, fake_lint(lambda t: t[::-1]), unsafe=False)
    assert loop.notice is not None and loop.notice.key == "cycle"
    assert "T006" in loop.notice.render("en", "r.txt")
    assert loop.source.text == "BA" and loop.fixed == {"T006": 1}


def test_fixes_that_never_settle_stop_at_the_pass_limit() -> None:
    source = decode(b"A", "r.txt")
    loop = fixes.fix_loop(source, fake_lint(lambda t: t + "A"), unsafe=False, max_passes=4)
    assert loop.notice is not None and loop.notice.key == "limit"
    assert loop.source.text == "AAAAA" and loop.fixed == {"T006": 4}


# Encodings and line endings, byte for byte


BAD, GOOD = "全年收到申请46件,其中网上申请30件。", "全年收到申请46件，其中网上申请30件。"


@pytest.mark.parametrize(
    ("encoding", "bom", "newline"),
    [
        ("utf-8", b"", "\n"),
        ("utf-8", b"\xef\xbb\xbf", "\r\n"),
        ("utf-16-le", b"\xff\xfe", "\r\n"),
        ("utf-16-be", b"\xfe\xff", "\n"),
        ("gb18030", b"", "\r\n"),
        ("gb18030", b"", "\r"),
    ],
)
def test_encoding_bom_and_line_endings_are_kept(
    tmp_path: Path, encoding: str, bom: bytes, newline: str
) -> None:
    def file(line: str) -> bytes:
        lines = [TITLE, "一、总体情况", "首页 > 政务公开 > 年度报告", line, "二、其他"]
        return bom + newline.join([*lines, ""]).encode(encoding)

    path = tmp_path / "report.txt"
    path.write_bytes(file(BAD))
    outcome = run_fix(path, "T003", "T006")
    expected = bom + newline.join([TITLE, "一、总体情况", GOOD, "二、其他", ""]).encode(encoding)
    assert outcome.written and path.read_bytes() == expected
    assert decode(expected, "r").encoding == decode(file(BAD), "r").encoding


def test_mixed_line_endings_keep_each_lines_own(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes(f"{TITLE}\r\n一、总体情况\n{BAD}\r\n扫一扫在手机打开当前页\r\n末行\n".encode())
    run_fix(path, "T003", "T006")
    assert path.read_bytes() == f"{TITLE}\r\n一、总体情况\n{GOOD}\r\n末行\n".encode()


def test_text_the_encoding_cannot_hold_is_refused() -> None:
    text = "本機關全年主動公開政府信息一百二十條。\n"
    original = text.encode("big5")
    source = Source("big5.txt", text, "big5")
    outcome = fix_source(source, original, lint_for("T005"), FixOptions(unsafe=True), "zh")
    assert "big5" in outcome.notice and "“关”（修复后第 1 行第 3 列）" in outcome.notice
    assert outcome.output == original and not outcome.changed and not outcome.fixed
    assert [f.code for f in outcome.result.findings] == ["T005"]


def test_a_file_that_does_not_read_back_to_its_bytes_is_not_fixed() -> None:
    text = report(BAD)
    source = Source("r.txt", text, "gb18030")
    original = text.encode("gb18030") + b"\xff"  # a byte the decoder replaced
    outcome = fix_source(source, original, lint_for("T006"), FixOptions(), "en")
    assert "does not read back" in outcome.notice
    assert outcome.output == original and not outcome.changed


def test_standard_input_gets_the_fixed_bytes_in_its_encoding() -> None:
    data = report(BAD).encode("gb18030")
    chosen = Settings(select=["T006"])
    outcome = fixes.fix_stdin(data, "-", select_checks(chosen.select), chosen, FixOptions())
    assert outcome.output == report(GOOD).encode("gb18030")
    assert outcome.fixed == {"T006": 1} and not outcome.written


# Writing: atomic, permissions, nothing when nothing changed, --diff


def test_a_failed_replace_leaves_the_original_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "report.txt"
    original = report(BAD).encode("utf-8")
    path.write_bytes(original)

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fixes.os, "replace", broken_replace)
    outcome = run_fix(path, "T006")
    assert outcome.failed and not outcome.written and "No space left" in outcome.notice
    assert path.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt"]  # no temporary left
    assert [f.code for f in outcome.result.findings] == ["T006"]  # of the file as it is


def test_permissions_are_kept_and_a_link_stays_a_link(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text(report(BAD), encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    outcome = run_fix(link, "T006")
    assert outcome.written and link.is_symlink()
    assert target.read_text(encoding="utf-8") == report(GOOD)
    assert target.stat().st_mode & 0o777 == 0o640


def test_a_file_changed_meanwhile_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(b"new")
    with pytest.raises(FixRefused) as refused:
        fixes.write_atomic(path, b"fixed", expected=b"old")
    assert refused.value.key == "changed" and path.read_bytes() == b"new"


def test_nothing_is_written_when_nothing_changes(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(report(GOOD), encoding="utf-8")
    before = path.stat()
    outcome = run_fix(path, "T006")
    after = path.stat()
    assert not outcome.changed and not outcome.written
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_diff_writes_nothing_and_shows_the_change(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    original = report("首页 > 政务公开 > 年度报告", BAD).encode("utf-8")
    path.write_bytes(original)
    outcome = run_fix(path, "T003", "T006", write=False)
    assert path.read_bytes() == original and outcome.changed and not outcome.written
    assert outcome.fixed == {"T003": 1, "T006": 1}
    assert outcome.diff.splitlines() == [
        f"--- {path}",
        f"+++ {path}",
        "@@ -1,4 +1,3 @@",
        f" {TITLE}",
        " 一、总体情况",
        "-首页 > 政务公开 > 年度报告",
        f"-{BAD}",
        f"+{GOOD}",
    ]


def test_diff_marks_a_missing_final_line_break() -> None:
    diff = fixes.unified_diff("甲\n乙,", "甲\n乙，", "r.txt")
    assert diff.endswith(
        "-乙,\n\\ No newline at end of file\n+乙，\n\\ No newline at end of file\n"
    )


@pytest.mark.parametrize(
    ("name", "kind"),
    [("broken-2007.docx", "Word"), ("broken-2007.html", "web page"), ("broken-2007.pdf", "PDF")],
)
def test_word_html_and_pdf_are_never_written(tmp_path: Path, name: str, kind: str) -> None:
    path = tmp_path / name
    shutil.copyfile(ROOT / "examples" / "formats" / name, path)
    original = path.read_bytes()
    chosen = Settings(select=["T003"], lang="en")
    outcome = fix_path(path, name, select_checks(chosen.select), chosen, FixOptions())
    assert path.read_bytes() == original and not outcome.changed and not outcome.written
    assert f"{kind} files are never edited" in outcome.notice
    assert "fix its 2 fixable problem(s)" in outcome.notice
    assert [f.code for f in outcome.result.findings] == ["T003", "T003"]


def test_summary_counts_fixed_and_unsafe_problems() -> None:
    _, outcome = fixed(report(BAD, "本機關全年主動公開政府信息。"), "T005", "T006")
    assert (outcome.fixed, outcome.unsafe) == ({"T006": 1}, 1)
    assert fixes.summary(1, 1, FixOptions(), "zh") == (
        "已修复 1 个问题（另有 1 个可用 --unsafe-fixes 修复）"
    )
    assert fixes.summary(1, 1, FixOptions(write=False), "en") == (
        "Would fix 1 problem(s) (1 more fixable with --unsafe-fixes)"
    )
    assert fixes.summary(0, 0, FixOptions(), "en") == "Fixed 0 problem(s)"


# Idempotence: fixing a fixed file changes nothing

_PIECES = [
    "全年主动公开信息十二条。",
    "全年收到申请46件,其中网上申请30件(含邮件申请)。",
    "本單位依(yī)法公開(kāi)政府信息;",
    "首页 > 政务公开 > 年度报告",
    "发布时间：2024-01-20 来源：区政府办 浏览次数：",
    "2024年1月22日 【打印本页】【关闭窗口】",
    "[bookmark: _GoBack]二、主动公开政府信息情况",
    '详见HYPERLINK "http://www.example.gov.cn" 网站,',
    "Evaluation Warning: The document was created with Spire.Doc",
    "公开\u200b信息:共计\u00ad十二条!",
    "<!-- xxgk-lint: disable-next-line=T006 -->",
    "<!-- xxgk-lint: disable=T01 -->",
    "費用:零元?",
    "",
]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    lines=st.lists(st.sampled_from(_PIECES), min_size=1, max_size=8),
    newline=st.sampled_from(["\n", "\r\n"]),
    unsafe=st.booleans(),
)
def test_fixing_a_fixed_file_changes_nothing(lines: list[str], newline: str, unsafe: bool) -> None:
    text = newline.join([TITLE, *lines, ""])
    data = text.encode("utf-8")
    lint, options = lint_for(), FixOptions(unsafe=unsafe)
    first = fix_source(decode(data, "r.txt"), data, lint, options, "zh")
    assert first.notice == ""
    second = fix_source(decode(first.output, "r.txt"), first.output, lint, options, "zh")
    assert second.output == first.output and not second.changed and not second.fixed
    if newline == "\r\n":  # no line break of another kind appeared
        assert first.output.count(b"\n") == first.output.count(b"\r\n")


def test_standard_input_over_the_size_limit_is_an_error() -> None:
    chosen = Settings(select=["T006"], max_bytes=16)
    data = report(BAD).encode("utf-8")
    outcome = fixes.fix_stdin(data[:17], "-", select_checks(chosen.select), chosen, FixOptions())
    assert "larger than" in (outcome.result.error or "") and outcome.output == b""


def test_a_pipe_is_read_once_diffed_and_never_replaced(tmp_path: Path) -> None:
    """``--diff <(command)``: the pipe's bytes are read once and diffed; ``--fix`` says it
    cannot write a pipe instead of calling the text unreadable."""
    import threading

    data = report("全年共收到申请46件,其中网上申请30件。").encode("utf-8")
    for write in (False, True):
        fifo = tmp_path / f"piped-{write}.txt"
        os.mkfifo(fifo)
        writer = threading.Thread(target=fifo.write_bytes, args=(data,))
        writer.start()
        outcome = run_fix(fifo, "T006", write=write)
        writer.join(timeout=30)
        if write:
            assert outcome.failed and "not a regular file" in outcome.notice
        else:
            assert outcome.changed and outcome.notice == ""
            assert "+全年共收到申请46件，其中" in outcome.diff
        assert fifo.is_fifo()


# The command line: --fix, --diff, --unsafe-fixes


def cli(*args: str, cwd: Path, input: bytes | None = None) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "xxgk_lint.cli", "check", "--no-cache", *args]
    return subprocess.run(command, cwd=cwd, input=input, capture_output=True, timeout=120)


def test_cli_fix_writes_safe_fixes_and_reports_what_remains(tmp_path: Path) -> None:
    text = report("全年共收到申请46件,其中網上申請30件。").replace("\n", "\r\n")
    (tmp_path / "r.txt").write_bytes(text.encode("utf-8"))
    done = cli("--select", "T005,T006", "--format", "concise", "--fix", "r.txt", cwd=tmp_path)
    after = (tmp_path / "r.txt").read_bytes().decode("utf-8")
    assert after == text.replace("46件,", "46件，")  # T006 fixed, CRLF kept; T005 is unsafe
    assert done.returncode == 1  # the traditional characters remain, an error
    assert b"T005" in done.stdout and b"T006" not in done.stdout
    assert "已修复 1 个问题（另有 1 个可用 --unsafe-fixes 修复）" in done.stderr.decode()

    unsafe = cli("--select", "T005", "--fix", "--unsafe-fixes", "r.txt", cwd=tmp_path)
    assert unsafe.returncode == 0, unsafe.stderr.decode()
    assert "网上申请30件" in (tmp_path / "r.txt").read_text("utf-8")


def test_cli_diff_shows_the_fixes_and_writes_nothing(tmp_path: Path) -> None:
    data = report("全年共收到申请46件,其中网上申请30件。").encode("utf-8")
    (tmp_path / "r.txt").write_bytes(data)
    done = cli("--select", "T006", "--diff", "r.txt", cwd=tmp_path)
    assert done.returncode == 1  # fixes are pending
    assert "-全年共收到申请46件,其中" in done.stdout.decode()
    assert "+全年共收到申请46件，其中" in done.stdout.decode()
    assert (tmp_path / "r.txt").read_bytes() == data
    clean = cli("--select", "T006", "--diff", "r.txt", "--fix", cwd=tmp_path)
    assert clean.returncode == 1 and (tmp_path / "r.txt").read_bytes() == data  # --diff wins


def test_cli_fix_of_stdin_prints_the_fixed_report(tmp_path: Path) -> None:
    data = report("全年共收到申请46件,其中网上申请30件。").encode("utf-8")
    done = cli("--select", "T006", "--fix", "-", cwd=tmp_path, input=data)
    assert done.returncode == 0
    assert done.stdout == data.replace("46件,".encode(), "46件，".encode())
    assert "已修复 1 个问题" in done.stderr.decode()


def test_cli_fix_of_excluded_stdin_gives_the_report_back_unchanged(tmp_path: Path) -> None:
    """An editor pipes its text through ``--fix -``: an excluded file must come back as it
    was, not as nothing."""
    (tmp_path / "xxgk-lint.toml").write_text('exclude = ["drafts/"]\n', encoding="utf-8")
    data = report("全年共收到申请46件,其中网上申请30件。").encode("utf-8")
    args = ("--select", "T006", "--fix", "--force-exclude", "--stdin-filename")
    excluded = cli(*args, "drafts/r.txt", "-", cwd=tmp_path, input=data)
    assert excluded.returncode == 0
    assert excluded.stdout == data
    checked = cli(*args, "r.txt", "-", cwd=tmp_path, input=data)
    assert checked.stdout == data.replace("46件,".encode(), "46件，".encode())


def test_cli_unsafe_fixes_alone_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text(report("无。"), encoding="utf-8")
    done = cli("--unsafe-fixes", "r.txt", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.decode().strip() == "xxgk-lint: --unsafe-fixes needs --fix or --diff"
