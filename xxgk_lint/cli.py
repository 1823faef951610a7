"""Command line: ``xxgk-lint check PATH...`` and friends.

Exit codes: 0 no finding at the failing severity, 1 findings, 2 usage error, unreadable input
or internal error (one line on stderr naming the file; a traceback only with --debug).
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from . import __version__

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="政府信息公开工作年度报告合规检查 / Compliance linter for government information-disclosure annual reports.",
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)


class OutputFormat(str, Enum):
    full = "full"
    concise = "concise"
    json = "json"


class Lang(str, Enum):
    zh = "zh"
    en = "en"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"xxgk-lint {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """政府信息公开工作年度报告合规检查 / Compliance linter for annual disclosure reports."""


def _split(values: list[str] | None) -> list[str]:
    return [v.strip() for value in values or [] for v in value.split(",") if v.strip()]


def _fail(message: str) -> None:
    typer.echo(f"xxgk-lint: {message}", err=True)


@app.command()
def check(
    paths: Annotated[list[str], typer.Argument(help="Files or folders to check; - for stdin.")],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="Output format.")
    ] = OutputFormat.full,
    lang: Annotated[Lang, typer.Option(help="Message language.")] = Lang.zh,
    select: Annotated[
        list[str] | None, typer.Option(help="Rule codes or prefixes to enable (N, S00, D001).")
    ] = None,
    ignore: Annotated[list[str] | None, typer.Option(help="Rule codes or prefixes to disable.")] = None,
    stdin_filename: Annotated[
        str | None, typer.Option(help="Name shown for a report read from stdin.")
    ] = None,
    debug: Annotated[bool, typer.Option(help="Show tracebacks of internal errors.")] = False,
) -> None:
    """检查报告 / Check reports."""
    from .check import select_checks
    from .engine import FileResult, discover, lint_path, lint_source
    from .errors import InputError, XxgkLintError
    from .report import get_renderer
    from .settings import Settings
    from .source import decode

    settings = Settings(select=_split(select), ignore=_split(ignore), lang=lang.value)
    failed = False
    results: list[FileResult] = []
    try:
        checks = select_checks(settings.select, settings.ignore)
        targets = list(discover(paths))
        for path, display in targets:
            if path is None:
                name = stdin_filename or "-"
                try:
                    source = decode(sys.stdin.buffer.read(), name)
                except InputError as exc:
                    results.append(FileResult(name, error=exc.problem))
                else:
                    results.append(lint_source(source, checks, settings))
            else:
                results.append(lint_path(path, display, checks, settings))
    except XxgkLintError as exc:
        _fail(str(exc))
        raise typer.Exit(2) from None
    except Exception as exc:  # an internal error must not cost the user a traceback
        if debug:
            raise
        _fail(f"internal error: {type(exc).__name__}: {exc} (run with --debug for details)")
        raise typer.Exit(2) from None

    for result in results:
        if result.error:
            _fail(f"{result.path}: {result.error}")
            failed = True
    checked = [r for r in results if not r.error]
    get_renderer(output_format.value)(checked, sys.stdout, settings.lang)
    if failed:
        raise typer.Exit(2)
    if any(f.severity.value == "error" for r in checked for f in r.findings):
        raise typer.Exit(1)


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()


__all__ = ["Path", "app", "main"]
