"""Human output in the style of ruff and rustc: location, message, source line, caret, help."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape

from ..engine import FileResult, Finding
from .summary import Counts

CONTEXT_BEFORE = 24  # characters of the line shown before a finding on a long line
MAX_SHOWN = 60  # characters of the finding itself shown at most
COLOURS = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}
GROUP_AFTER = 3  # show this many findings of one code per file, then a count


def excerpt(line_text: str, col: int, end_col: int) -> tuple[str, int, int]:
    """A window of a long line around [col, end_col) (1-based, exclusive end), with the caret
    offsets measured in terminal cells, so double-width characters keep the caret aligned."""
    start = max(0, col - 1 - CONTEXT_BEFORE)
    stop = min(len(line_text), max(end_col - 1, col) + CONTEXT_BEFORE, col - 1 + MAX_SHOWN)
    shown = line_text[start:stop]
    prefix = "…" if start > 0 else ""
    suffix = "…" if stop < len(line_text) else ""
    caret_from = cell_len(prefix + line_text[start : col - 1])
    width = max(1, cell_len(line_text[col - 1 : min(max(end_col - 1, col), stop)]))
    return prefix + shown + suffix, caret_from, width


def _line_text(result: FileResult, line: int) -> str:
    return result.display_line(line).replace("\t", " ")


def _render_finding(console: Console, result: FileResult, f: Finding, lang: str) -> None:
    colour = COLOURS[f.severity.value]
    console.print(
        f"[bold]{escape(f.path)}:{f.line}:{f.column}:[/] [{colour}]{f.code}[/] {escape(f.message)}"
    )
    text = _line_text(result, f.line)
    if not text.strip():
        return
    end_col = f.end_column if f.end_line == f.line else len(text) + 1
    shown, caret_from, width = excerpt(text, f.column, end_col)
    gutter = str(f.line)
    pad = " " * len(gutter)
    console.print(f"[blue]{pad} |[/]")
    console.print(f"[blue]{gutter} |[/] {escape(shown)}")
    console.print(f"[blue]{pad} |[/] {' ' * caret_from}[{colour}]{'^' * width}[/]")
    page = result.page_line(f.line)
    if page:  # PDF lines are counted through the document; say where that is on paper
        where = "page {}, line {}" if lang == "en" else "第{}页第{}行"
        console.print(f"[blue]{pad} =[/] {where.format(*page)}")
    if f.help:
        label = "help" if lang == "en" else "建议"
        console.print(f"[blue]{pad} =[/] [bold]{label}[/]: {escape(f.help)}")
    console.print()


def render(results: Iterable[FileResult], out: TextIO, lang: str) -> Counts:
    # emoji=False: ":name:" in a report is text, not an emoji code to replace
    console = Console(file=out, highlight=False, soft_wrap=True, emoji=False)
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
            _render_finding(console, result, f, lang)
        for code, n in hidden.items():
            more = f"… and {n} more {code}" if lang == "en" else f"…… 另有 {n} 处 {code}"
            console.print(f"[dim]{escape(result.path)}: {more}[/]")
    if counts.by_code:
        codes = "  ".join(f"{code}×{n}" for code, n in sorted(counts.by_code.items()))
        console.print(f"[dim]{codes}[/]")
    if counts.by_severity.get("error") or counts.unreadable:
        colour = COLOURS["error"]
    elif not counts.files:  # nothing was checked: not a success to show in green
        colour = COLOURS["warning"]
    else:
        colour = "bold green"
    console.print(f"[{colour}]{counts.summary_line(lang)}[/]")
    return counts
