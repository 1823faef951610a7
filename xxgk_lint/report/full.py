"""Human output in the style of ruff and rustc: location, message, source line, caret, help.

Each output line is a list of parts, plain text or (text, style). Rich's console prints them
in colour to a terminal; output that goes to a file or a pipe (pre-commit, CI logs) has no
colour to show, so it is written as it is, without loading the console (a tenth of the start
of a one-file run).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import TextIO

from rich.cells import cell_len

from ..engine import FileResult, Finding
from .summary import Counts

CONTEXT_BEFORE = 24  # characters of the line shown before a finding on a long line
MAX_SHOWN = 60  # characters of the finding itself shown at most
KEEP_BEFORE = 4  # characters before a finding kept longest when a narrow terminal needs room
COLOURS = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}
GROUP_AFTER = 3  # show this many findings of one code per file, then a count


def excerpt(
    line_text: str, col: int, end_col: int, cells: int | None = None
) -> tuple[str, int, int]:
    """A window of a long line around [col, end_col) (1-based, exclusive end), with the caret
    offsets measured in terminal cells, so double-width characters keep the caret aligned.
    ``cells``: the terminal cells the window may take (None: no limit), so that in a narrow
    terminal the line does not wrap and leave the caret under the wrong character."""
    start = max(0, col - 1 - CONTEXT_BEFORE)
    stop = min(len(line_text), max(end_col - 1, col) + CONTEXT_BEFORE, col - 1 + MAX_SHOWN)
    if cells is not None:
        start, stop = _fit(line_text, col - 1, max(end_col - 1, col), (start, stop), cells)
    shown = line_text[start:stop]
    prefix = "…" if start > 0 else ""
    suffix = "…" if stop < len(line_text) else ""
    caret_from = cell_len(prefix + line_text[start : col - 1])
    width = max(1, cell_len(line_text[col - 1 : min(max(end_col - 1, col), stop)]))
    return prefix + shown + suffix, caret_from, width


def _fit(text: str, at: int, end: int, window: tuple[int, int], cells: int) -> tuple[int, int]:
    """Narrow ``window`` (start, stop offsets of ``text``) until it and its ellipses take at
    most ``cells`` cells. Context after the finding goes first, then context before it beyond
    ``KEEP_BEFORE`` characters, then the finding's own tail; its first character ``at`` stays."""
    start, stop = window
    while cell_len(text[start:stop]) + (start > 0) + (stop < len(text)) > max(cells, 1):
        if stop > end:
            stop -= 1
        elif at - start > KEEP_BEFORE:
            start += 1
        elif stop > at + 1:
            stop -= 1
        elif start < at:
            start += 1
        else:
            break
    return start, stop


def _line_text(result: FileResult, line: int) -> str:
    return result.display_line(line).replace("\t", " ")


Part = str | tuple[str, str]
Write = Callable[..., None]


def _writer(out: TextIO) -> tuple[Write, int | None]:
    """A function printing one line made of parts: through Rich where colour may show (a
    terminal, or FORCE_COLOR), else as plain text; and the terminal's width (None when the
    output is not a terminal: a log or a file has no width to keep to)."""
    if not (os.environ.get("FORCE_COLOR") or out.isatty()):
        return lambda *parts: out.write("".join(_plain(p) for p in parts) + "\n"), None
    from rich.console import Console
    from rich.text import Text

    # emoji=False: ":name:" in a report is text, not an emoji code to replace
    console = Console(file=out, highlight=False, soft_wrap=True, emoji=False)
    width = console.width if out.isatty() else None
    return lambda *parts: console.print(Text.assemble(*parts)), width


def _plain(part: Part) -> str:
    return part if isinstance(part, str) else part[0]


def _render_finding(
    write: Write, result: FileResult, f: Finding, lang: str, width: int | None = None
) -> None:
    colour = COLOURS[f.severity.value]
    write((f"{f.path}:{f.line}:{f.column}:", "bold"), " ", (f.code, colour), " ", f.message)
    text = _line_text(result, f.line)
    if not text.strip():
        return
    end_col = f.end_column if f.end_line == f.line else len(text) + 1
    gutter = str(f.line)
    cells = width - len(gutter) - 3 if width else None  # "12 | " before the text
    shown, caret_from, caret_width = excerpt(text, f.column, end_col, cells)
    pad = " " * len(gutter)
    write((f"{pad} |", "blue"))
    write((f"{gutter} |", "blue"), " ", shown)
    write((f"{pad} |", "blue"), " " * (caret_from + 1), ("^" * caret_width, colour))
    page = result.page_line(f.line)
    if page:  # PDF lines are counted through the document; say where that is on paper
        where = "page {}, line {}" if lang == "en" else "第{}页第{}行"
        write((f"{pad} =", "blue"), " ", where.format(*page))
    if f.help:
        label = "help" if lang == "en" else "建议"
        write((f"{pad} =", "blue"), " ", (label, "bold"), ": ", f.help)
    write()


def render(results: Iterable[FileResult], out: TextIO, lang: str) -> Counts:
    write, width = _writer(out)
    counts = Counts()
    for result in results:
        counts.add(result)
        shown_per_code: dict[str, int] = {}
        hidden: dict[str, int] = {}
        for f in result.findings:
            seen = shown_per_code.get(f.code, 0)
            if seen >= GROUP_AFTER:
                hidden[f.code] = hidden.get(f.code, 0) + 1
                continue
            shown_per_code[f.code] = seen + 1
            _render_finding(write, result, f, lang, width)
        for code, n in hidden.items():
            more = f"… and {n} more {code}" if lang == "en" else f"…… 另有 {n} 处 {code}"
            write((f"{result.path}: {more}", "dim"))
    if counts.by_code:
        codes = "  ".join(f"{code}×{n}" for code, n in sorted(counts.by_code.items()))
        write((codes, "dim"))
    if counts.by_severity.get("error") or counts.unreadable:
        colour = COLOURS["error"]
    elif counts.total or not counts.files:  # warnings found, or nothing was checked:
        colour = COLOURS["warning"]  # not a success to show in green
    else:
        colour = "bold green"
    write((counts.summary_line(lang), colour))
    return counts
