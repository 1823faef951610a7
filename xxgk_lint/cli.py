"""Command line: ``xxgk-lint check PATH...`` and friends.

Exit codes: 0 no finding at the failing severity, 1 findings, 2 usage error, unreadable input
or internal error (one line on stderr naming the file; a traceback only with --debug).
"""

from __future__ import annotations

import sys
from enum import Enum
from functools import partial
from pathlib import Path
from typing import Annotated

import typer

from . import __version__

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="政府信息公开工作年度报告合规检查 / "
    "Compliance linter for government information-disclosure annual reports.",
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
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
    try:
        from .config import registered_codes

        resolver = Resolver(registered_codes(), overrides, config, isolated)
        run_lang = resolver.settings_for(None, resolver.config_for(None)).lang

        def cache_folder(root: Path) -> Path:
            """The project's cache folder: its configuration's folder, else the current one."""
            from .cache import CACHE_DIR

            return cache_dir or root / CACHE_DIR

        folder_for = None if no_cache else cache_folder
        results = _lint_paths(paths, resolver, folder_for, force_exclude, stdin_filename)
        failed = _report_errors(results)
        checked = [r for r in results if not r.error]
        checked = _apply_baseline(checked, baseline, write_baseline)
        _render(checked, output_format, output_file, run_lang, statistics)
    except XxgkLintError as exc:
        _fail(str(exc))
        raise typer.Exit(2) from None
    except Exception as exc:  # an internal error must not cost the user a traceback
        if debug:
            raise
        _fail(f"internal error: {type(exc).__name__}: {exc} (run with --debug for details)")
        raise typer.Exit(2) from None
    if failed:
        raise typer.Exit(2)
    threshold = {"error": 3, "warning": 2, "info": 1}[fail_on.value]
    if not exit_zero and any(f.severity.rank >= threshold for r in checked for f in r.findings):
        raise typer.Exit(1)


def _lint_paths(paths, resolver, cache_folder, force_exclude: bool, stdin_filename: str | None):
    """Lint every file the paths name, each with the settings of its configuration."""
    from .engine import discover

    pool: dict = {}

    def instances(codes: list[str]) -> list:
        """Check instances, made once per run and only when a file is actually linted."""
        from .check import all_checks

        known = all_checks()
        return [pool.setdefault(code, known[code]()) for code in codes]

    results = []
    for raw in paths:
        explicit = raw != "-" and not Path(raw).is_dir()
        for path, display in discover([raw]):
            named = path if path is not None else (Path(stdin_filename) if stdin_filename else None)
            config = resolver.config_for(named)
            skippable = named is not None and (force_exclude or not explicit)
            if skippable and resolver.is_excluded(named, config):
                continue
            settings = resolver.settings_for(named, config)
            if path is None:
                results.append(
                    _lint_stdin(stdin_filename or "-", instances(settings.select), settings)
                )
            else:
                folder = cache_folder(config.root) if cache_folder else None
                checks = partial(instances, settings.select)
                results.append(_lint_file(path, display, checks, settings, folder))
    return results


def _lint_stdin(name: str, checks, settings):
    from .engine import FileResult, lint_source
    from .errors import InputError
    from .source import decode

    try:
        source = decode(sys.stdin.buffer.read(), name)
    except InputError as exc:
        return FileResult(name, error=exc.problem)
    return lint_source(source, checks, settings)


def _lint_file(path: Path, display: str, checks, settings, cache_folder: Path | None):
    """One file's result (``checks`` makes the check instances: a cache hit needs none)."""
    if cache_folder is None:
        from . import engine

        return engine.lint_path(path, display, checks(), settings)
    from .cache import lint_cached

    return lint_cached(path, display, checks, settings, cache_folder)


def _report_errors(results) -> bool:
    for result in results:
        if result.error:
            _fail(f"{result.path}: {result.error}")
    return any(r.error for r in results)


def _apply_baseline(checked, baseline: Path | None, write_baseline: Path | None):
    """Write the baseline if asked, then hide what the baseline records."""
    from . import baseline as baselines

    if write_baseline is not None:
        count = baselines.write(write_baseline, checked)
        _fail(f"wrote {count} finding(s) to the baseline {write_baseline}")
        baseline = write_baseline
    if baseline is None:
        return checked
    checked, hidden = baselines.load(baseline).filter(checked)
    if hidden and write_baseline is None:
        _fail(f"{hidden} finding(s) hidden by the baseline {baseline}")
    return checked


def _render(checked, output_format: OutputFormat, output_file: Path | None, lang: str, stats: bool):
    from .report import get_renderer

    out = sys.stdout
    if output_file is not None:
        output_file.parent.mkdir(parents=True, exist_ok=True)
        out = output_file.open("w", encoding="utf-8")
    try:
        if stats:
            from .report.statistics import render

            render(
                checked, out, as_json=output_format in (OutputFormat.json, OutputFormat.json_lines)
            )
        else:
            get_renderer(output_format.value)(checked, out, lang)
    finally:
        if out is not sys.stdout:
            out.close()


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


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()


__all__ = ["Path", "app", "main"]
