"""Command line: ``xxgk-lint check PATH...`` and friends.

Exit codes: 0 no finding at the failing severity, 1 findings, 2 usage error, unreadable input
or internal error (one line on stderr naming the file; a traceback only with --debug).
"""

from __future__ import annotations

import contextlib
import os
import sys
from enum import Enum
from functools import partial
from pathlib import Path
from typing import Annotated, NoReturn, TextIO

import typer

from . import __version__
from .source import MAX_TEXT_BYTES, MB

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="政府信息公开工作年度报告合规检查 / "
    "Compliance linter for government information-disclosure annual reports.",
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    # Plain help and usage errors: Rich's boxes truncate option names in a narrow terminal
    # and fill CI logs with frames.
    rich_markup_mode=None,
)


class OutputFormat(str, Enum):
    full = "full"
    concise = "concise"
    json = "json"
    json_lines = "json-lines"
    sarif = "sarif"
    github = "github"
    gitlab = "gitlab"
    junit = "junit"


class Lang(str, Enum):
    zh = "zh"
    en = "en"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


class Edition(str, Enum):
    e2007 = "2007"
    e2019 = "2019"
    e2021 = "2021"


class Issuer(str, Enum):
    government = "government"
    department = "department"


class SchemaName(str, Enum):
    config = "config"
    output = "output"


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
    output_file: Annotated[
        Path | None, typer.Option("--output-file", "-o", help="Write the output to this file.")
    ] = None,
    lang: Annotated[
        Lang | None, typer.Option(help="Message language (default: the configuration's, else zh).")
    ] = None,
    select: Annotated[
        list[str] | None,
        typer.Option(help="Rule codes or prefixes to enable, replacing the configuration's."),
    ] = None,
    extend_select: Annotated[
        list[str] | None, typer.Option(help="Rule codes or prefixes to enable in addition.")
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option(help="Rule codes or prefixes to disable.")
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option("--config", help="Use this configuration file for every report."),
    ] = None,
    isolated: Annotated[bool, typer.Option(help="Ignore all configuration files.")] = False,
    edition: Annotated[Edition | None, typer.Option(help="Pin the format edition.")] = None,
    year: Annotated[
        int | None, typer.Option(min=2008, max=2100, help="Pin the report year.")
    ] = None,
    issuer: Annotated[Issuer | None, typer.Option(help="Pin the issuer type.")] = None,
    fail_on: Annotated[
        FailOn, typer.Option(help="Exit 1 when a finding has this severity or a higher one.")
    ] = FailOn.error,
    exit_zero: Annotated[bool, typer.Option(help="Exit 0 even when there are findings.")] = False,
    statistics: Annotated[
        bool, typer.Option(help="Show how many findings each rule has instead of the findings.")
    ] = False,
    baseline: Annotated[
        Path | None, typer.Option(help="Do not report findings recorded in this baseline file.")
    ] = None,
    write_baseline: Annotated[
        Path | None, typer.Option(help="Record the current findings in this baseline file.")
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Do not read or write the cache.")
    ] = False,
    cache_dir: Annotated[
        Path | None,
        typer.Option(help="Cache folder (default: .xxgk_lint_cache at the project root)."),
    ] = None,
    force_exclude: Annotated[
        bool, typer.Option(help="Apply the configured exclude globs to files named explicitly too.")
    ] = False,
    stdin_filename: Annotated[
        str | None, typer.Option(help="Name shown for a report read from stdin.")
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Worker processes [default: all cores; 1: check in this process].",
        ),
    ] = None,
    max_size: Annotated[
        int,
        typer.Option(
            "--max-size",
            min=1,
            metavar="MB",
            help="Refuse text reports larger than this (Word, web pages and PDF keep their "
            "own limits).",
        ),
    ] = MAX_TEXT_BYTES // MB,
    fix: Annotated[
        bool, typer.Option("--fix", help="Apply safe fixes to text reports (written in place).")
    ] = False,
    unsafe_fixes: Annotated[
        bool, typer.Option("--unsafe-fixes", help="With --fix or --diff: unsafe fixes too.")
    ] = False,
    diff: Annotated[
        bool,
        typer.Option("--diff", help="Show the changes fixes would make; write nothing."),
    ] = False,
    debug: Annotated[bool, typer.Option(help="Show tracebacks of internal errors.")] = False,
) -> None:
    """检查报告 / Check reports."""
    from .config import Overrides, Resolver, RuleSelection
    from .errors import XxgkLintError

    overrides = Overrides(
        rules=RuleSelection(
            select=tuple(_split(select)) or None,
            extend_select=tuple(_split(extend_select)),
            ignore=tuple(_split(ignore)),
        ),
        edition=edition.value if edition else None,
        year=year,
        issuer=issuer.value if issuer else None,
        lang=lang.value if lang else None,
    )
    failed: list[str] = []
    try:
        from .config import registered_codes
        from .engine import check_paths
        from .parallel import lint_many
        from .settings import Settings

        resolver = Resolver(registered_codes(), overrides, config, isolated)
        run_lang = resolver.settings_for(None, resolver.config_for(None)).lang
        max_bytes = max_size * MB
        check_paths(paths)  # a bad path stops the run before any output
        _check_targets(paths, output_file, write_baseline)
        fixing = _fix_run(fix, diff, unsafe_fixes, run_lang)
        echo = fix and not diff  # the fixed report of stdin goes to stdout, excluded or not
        files = _unique(_files(paths, resolver, force_exclude, stdin_filename, echo))
        if fixing is not None:  # fixes rewrite files one after another, without the cache
            results = fixing.results(_targets(files, resolver, None, max_bytes))
        else:
            folder_for = None if no_cache else partial(_cache_folder, cache_dir)
            targets = _targets(files, resolver, folder_for, max_bytes)
            keep_lines = output_format is OutputFormat.full and not statistics
            results = lint_many(targets, Settings(max_bytes=max_bytes), jobs, keep_lines=keep_lines)
        # The human formats' summaries count unreadable files; machine formats list checked ones.
        human = output_format in (OutputFormat.full, OutputFormat.concise) and not statistics
        shown = _baselined(_readable(results, failed, human), baseline, write_baseline)
        # Fixing standard input prints the fixed report on stdout: findings go to stderr.
        report_to = sys.stderr if fixing and fix and "-" in paths and not diff else None
        counts = _render(shown, output_format, output_file or report_to, run_lang, statistics)
        if fixing is not None:
            _fail(fixing.summary())
    except XxgkLintError as exc:
        _fail(str(exc))
        raise typer.Exit(2) from None
    except BrokenPipeError:  # the reader of the output went away (| head): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(1) from None
    except Exception as exc:  # an internal error must not cost the user a traceback
        if debug:
            raise
        _fail(f"internal error: {type(exc).__name__}: {exc} (run with --debug for details)")
        raise typer.Exit(2) from None
    if failed or (fixing is not None and fixing.failed):
        raise typer.Exit(2)
    if diff and fixing is not None and fixing.changed and not exit_zero:
        raise typer.Exit(1)  # as ruff --diff: fixes are pending
    threshold = {"error": 3, "warning": 2, "info": 1}[fail_on.value]
    if not exit_zero and counts.worst >= threshold:
        raise typer.Exit(1)


def _check_targets(paths: list[str], output_file: Path | None, baseline: Path | None) -> None:
    """Refuse output files the run could not or must not write, before any file is read."""
    from .report.output import check_target

    for option, path in (("--output-file", output_file), ("--write-baseline", baseline)):
        if path is not None:
            check_target(path, option, paths)


def _unique(files):
    """Each file once, however often it is named (a folder given twice, a file inside a
    folder also named, two paths or a link to one file, ``-`` twice): the first name wins."""
    from .engine import file_identity

    seen: set[object] = set()
    for item in files:
        identity = file_identity(item[0])
        if identity not in seen:
            seen.add(identity)
            yield item


def _fix_run(fix: bool, diff: bool, unsafe: bool, lang: str):
    """The fixing of this run (None: findings are only reported)."""
    from .errors import UsageError

    if unsafe and not (fix or diff):
        raise UsageError("--unsafe-fixes needs --fix or --diff")
    if not (fix or diff):
        return None
    from .fixes import FixOptions, FixRun

    return FixRun(FixOptions(unsafe=unsafe, write=not diff), lang)


def _files(
    paths: list[str],
    resolver,
    force_exclude: bool,
    stdin_filename: str | None,
    echo_stdin: bool = False,
):
    """(path, display, named, configuration) of every file to check and not excluded, found
    as the workers need more. With ``echo_stdin`` (``--fix -``, where stdout carries the
    report) excluded standard input is copied to stdout unchanged, as ruff does: an editor
    piping its text through the fixer must get it back, not nothing."""
    from .engine import discover

    for raw in paths:
        explicit = raw != "-" and not Path(raw).is_dir()
        for path, display in discover([raw]):
            named = path
            if path is None:  # standard input, named by --stdin-filename if at all
                display = stdin_filename or display
                named = Path(stdin_filename) if stdin_filename else None
            config = resolver.config_for(named)
            skippable = named is not None and (force_exclude or not explicit)
            if not (skippable and resolver.is_excluded(named, config)):
                yield path, _printable(display), named, config
            elif path is None and echo_stdin:
                _echo_stdin()


def _printable(name: str) -> str:
    """A path as every output format can carry it: bytes of a file name that are not UTF-8
    (a GBK name unpacked from a Windows zip) are shown as \\xNN, as Python's repr does,
    instead of failing the run when the name is printed."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def _echo_stdin() -> None:
    import shutil

    sys.stdout.flush()
    shutil.copyfileobj(sys.stdin.buffer, sys.stdout.buffer)
    sys.stdout.buffer.flush()


def _cache_folder(cache_dir: Path | None, root: Path) -> Path:
    """The project's cache folder: its configuration's folder, else the current one."""
    from .cache import CACHE_DIR

    return cache_dir or root / CACHE_DIR


def _targets(files, resolver, cache_folder, max_bytes: int):
    """The work for ``parallel.lint_many``, each file with its own settings (made as the
    workers ask for more, so they are not all held at once)."""
    from dataclasses import replace

    from .parallel import Target

    for path, display, named, config in files:
        settings = replace(resolver.settings_for(named, config), max_bytes=max_bytes)
        folder = cache_folder(config.root) if cache_folder and path is not None else None
        yield Target(path, display, settings, folder)


def _readable(results, failed: list[str], keep_errors: bool = False):
    """The results of files that could be checked (with ``keep_errors``, the others too, for
    the summary to count); each other file gets one line on stderr (and is recorded in
    ``failed``: the run exits 2)."""
    for result in results:
        if result.error:
            _fail(f"{result.path}: {result.error}")
            failed.append(result.path)
            if not keep_errors:
                continue
        yield result


def _baselined(results, baseline: Path | None, write_baseline: Path | None):
    """Results without the findings a baseline records, one file at a time. Writing a
    baseline records every finding, so they are all hidden; the file is written at the end."""
    from dataclasses import replace

    from . import baseline as baselines

    if write_baseline is not None:
        recorded = []
        for result in results:
            recorded.append(replace(result, facts=None, lines={}, pages={}))
            yield replace(result, findings=[])
        count = baselines.write(write_baseline, recorded)
        _fail(f"wrote {count} finding(s) to the baseline {write_baseline}")
        return
    if baseline is None:
        yield from results
        return
    accepted = baselines.load(baseline)
    hidden = 0
    for result in results:
        (kept,), hid = accepted.filter([result])
        hidden += hid
        yield kept
    if hidden:
        _fail(f"{hidden} finding(s) hidden by the baseline {baseline}")


def _render(
    results, output_format: OutputFormat, output_file: Path | TextIO | None, lang: str, stats: bool
):
    """Render the results as they come; returns the counts the exit code needs."""
    from .report.output import open_output

    with open_output(output_file) as out:
        if stats:
            from .report.statistics import render

            as_json = output_format in (OutputFormat.json, OutputFormat.json_lines)
            return render(results, out, as_json=as_json)
        from .report import get_renderer

        return get_renderer(output_format.value)(results, out, lang)


@app.command()
def schema(
    name: Annotated[SchemaName, typer.Argument(help="config or output.")],
) -> None:
    """打印 JSON Schema / Print the JSON schema of the configuration or of the JSON output."""
    from importlib import resources

    path = resources.files("xxgk_lint").joinpath(f"schemas/{name.value}.schema.json")
    text = path.read_text("utf-8")
    typer.echo(text, nl=not text.endswith("\n"))


class RulesFormat(str, Enum):
    table = "table"
    json = "json"


@app.command()
def rules(
    output_format: Annotated[
        RulesFormat, typer.Option("--format", help="Output format.")
    ] = RulesFormat.table,
) -> None:
    """列出所有规则 / List every rule: code, name, default severity, editions, fix."""
    from .ruledocs import rules_json, rules_table

    typer.echo(rules_json() if output_format is RulesFormat.json else rules_table())


@app.command()
def rule(
    code: Annotated[str, typer.Argument(help="Rule code, e.g. S002.")],
    lang: Annotated[Lang, typer.Option(help="Documentation language.")] = Lang.zh,
) -> None:
    """显示规则说明 / Show a rule's documentation."""
    from .errors import UsageError
    from .ruledocs import find_rule, render_rule

    try:
        check = find_rule(code)
    except UsageError as exc:
        _fail(str(exc))
        raise typer.Exit(2) from None
    typer.echo(render_rule(check, lang.value), nl=False)


def main() -> NoReturn:
    """Console-script entry point. The process ends without the interpreter's clean-up, as
    mypy's does: every file is closed and every worker joined by then, and freeing each
    object of the finished run would cost a one-file run more than a tenth of its time."""
    _open_closed_streams()
    try:
        app()
        code: int | str | None = 0
    except SystemExit as exc:
        code = exc.code
    if isinstance(code, str):  # sys.exit("message")
        print(code, file=sys.stderr)
        code = 1
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # the reader went away (| head): nothing left to tell it
        code = code or 1
    except (OSError, ValueError) as exc:  # a full disk: the output is incomplete
        _stderr(f"xxgk-lint: standard output: cannot write the output: {_reason(exc)}")
        code = 2
    try:
        sys.stderr.flush()
    except (OSError, ValueError):
        code = code or 1
    os._exit(code or 0)


def _open_closed_streams() -> None:
    """Started with a standard stream closed (``>&-``, ``<&-``), Python has no stream for
    it: use the null device, so output is dropped but the exit code still tells the result,
    and closed input reads as empty input."""
    for name, mode in (("stdin", "r"), ("stdout", "w"), ("stderr", "w")):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, mode, encoding="utf-8"))  # noqa: SIM115


def _reason(exc: BaseException) -> str:
    return (exc.strerror if isinstance(exc, OSError) else None) or str(exc)


def _stderr(line: str) -> None:
    with contextlib.suppress(OSError, ValueError):  # stderr gone too: the exit code tells
        print(line, file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()


__all__ = ["Path", "app", "main"]
