"""Configuration files: where they are, what they say, and the settings each report gets.

Like ruff, the nearest ``.xxgk-lint.toml``, ``xxgk-lint.toml`` or ``pyproject.toml`` with a
``[tool.xxgk-lint]`` table, walking up from each checked file, applies to it; ``--config``
names one file for every report and ``--isolated`` ignores them all. Values are validated
against ``schemas/config.schema.json`` (shipped in the package, printed by
``xxgk-lint schema config``), so a mistake names the file, the key and what was expected.

Precedence: command line > ``--config`` file > nearest file > defaults.
"""

from __future__ import annotations

import codecs
import datetime
import difflib
import json
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from .errors import UsageError
from .settings import Settings

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_NAMES = (".xxgk-lint.toml", "xxgk-lint.toml", "pyproject.toml")
TABLE = "xxgk-lint"


class ConfigError(UsageError):
    """A configuration file that cannot be used: names the file, the key and the problem."""


@dataclass(frozen=True)
class RuleSelection:
    """One layer of rule selection; a later layer's ``select`` replaces what came before."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()


@dataclass(frozen=True)
class Config:
    """What one configuration file says (``path`` None: no file, the defaults)."""

    root: Path  # the folder holding the file: globs are relative to it, the cache lives in it
    path: Path | None = None
    rules: RuleSelection = RuleSelection()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)
    edition: str | None = None
    year: int | None = None
    issuer: str | None = None
    deadline: Mapping[str, str] = field(default_factory=dict)
    lang: str | None = None
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True)
class Overrides:
    """What the command line says; ``None`` leaves the configuration's value."""

    rules: RuleSelection = RuleSelection()
    edition: str | None = None
    year: int | None = None
    issuer: str | None = None
    lang: str | None = None


def registered_codes() -> list[str]:
    """Codes of every registered check, read from the entry points without importing the
    checks (a run served from the cache never needs them)."""
    from .check import ENTRY_POINT_GROUP
    from .registry import entry_point_values

    return sorted({name for name, _ in entry_point_values(ENTRY_POINT_GROUP)})


@cache
def schema() -> dict[str, Any]:
    """The configuration's JSON schema as shipped in the package."""
    from importlib import resources  # only a run with a configuration validates one

    text = resources.files("xxgk_lint").joinpath("schemas/config.schema.json").read_text("utf-8")
    return json.loads(text)


def _table(path: Path, data: dict[str, Any]) -> tuple[dict[str, Any] | None, str]:
    """The xxgk-lint table of a parsed file and how to name it in messages."""
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get(TABLE)
        return table, f"[tool.{TABLE}]"
    return data, ""


def _read_toml(path: Path) -> dict[str, Any]:
    """A TOML file's data; a UTF-8 byte-order mark (Windows Notepad writes one) is allowed."""
    try:
        data = path.read_bytes()
        return tomllib.loads(data.removeprefix(codecs.BOM_UTF8).decode("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except UnicodeDecodeError as exc:  # TOML is UTF-8; a GBK or UTF-16 file is not TOML
        raise ConfigError(
            f"{path}: invalid TOML: not UTF-8 text (byte {exc.start + 1}); save it as UTF-8"
        ) from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None


def find_config_file(start: Path) -> Path | None:
    """The nearest configuration file in ``start`` (a folder) or one of its parents."""
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            if name != "pyproject.toml":
                return candidate
            table, _ = _table(candidate, _read_toml(candidate))
            if table is not None:
                return candidate
    return None


def _key_path(parts: Iterable[Any]) -> str:
    shown = ""
    for part in parts:
        if isinstance(part, int):
            shown += f"[{part}]"
        else:
            shown += ("." if shown else "") + (
                part if part.replace("-", "").isalnum() else repr(part)
            )
    return shown


def _describe(error) -> str:
    """What was expected, in words, for one schema violation."""
    if error.validator == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        unknown = [k for k in error.instance if k not in allowed]
        hints = []
        for key in unknown:
            close = difflib.get_close_matches(key, allowed, n=1)
            hints.append(
                f"unknown key {key!r}" + (f" (did you mean {close[0]!r}?)" if close else "")
            )
        return "; ".join(hints) + f"; expected one of: {', '.join(allowed)}"
    expected = error.schema.get("description")
    found = json.dumps(error.instance, ensure_ascii=False)
    if expected:
        return f"expected {expected}, found {found}"
    return error.message


def _validate(path: Path, table: dict[str, Any], label: str) -> None:
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(schema())
    problems = []
    for error in sorted(validator.iter_errors(table), key=lambda e: list(map(str, e.path))):
        key = _key_path(error.absolute_path)
        if error.validator == "additionalProperties" and not key:
            where = label or "top level"
        else:
            where = f"{label} {key}".strip() if key else (label or "top level")
        problems.append(f"{path}: {where}: {_describe(error)}")
    if problems:
        raise ConfigError("\n".join(problems))


def _check_semantics(path: Path, table: dict[str, Any], label: str, known: Iterable[str]) -> None:
    """What the schema cannot say: rule codes that exist, dates that exist."""
    known = list(known)
    where = f"{label} " if label else ""

    def check_selectors(key: str, selectors: Iterable[str]) -> None:
        for selector in selectors:
            if not _known_selector(selector, known):
                raise ConfigError(
                    f"{path}: {where}{key}: unknown rule code or prefix {selector!r}; "
                    f"expected a code or prefix of: {', '.join(known)}"
                )

    for key in ("select", "extend-select", "ignore"):
        check_selectors(key, table.get(key, ()))
    for glob, selectors in table.get("per-file-ignores", {}).items():
        check_selectors(f"per-file-ignores.{glob!r}", selectors)
    check_selectors("severity", table.get("severity", {}))
    for issuer, month_day in table.get("deadline", {}).items():
        month, day = map(int, month_day.split("-"))
        try:
            datetime.date(2001, month, day)  # a common year: 02-29 is no fixed deadline
        except ValueError:
            raise ConfigError(
                f"{path}: {where}deadline.{issuer}: {month_day!r} is not a date; "
                'expected a date as "MM-DD", e.g. "01-20"'
            ) from None


def _known_selector(selector: str, known: Iterable[str]) -> bool:
    prefix = selector.upper()
    return prefix == "ALL" or any(code.startswith(prefix) for code in known)


def _upper(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(v.upper() for v in values)


def load_config(path: Path, known: Iterable[str]) -> Config:
    """Read, validate and convert one configuration file."""
    path = path.resolve()
    data = _read_toml(path)
    table, label = _table(path, data)
    if table is None:
        raise ConfigError(f"{path}: no [tool.{TABLE}] table")
    _validate(path, table, label)
    _check_semantics(path, table, label, known)
    select = table.get("select")
    return Config(
        root=path.parent,
        path=path,
        rules=RuleSelection(
            select=_upper(select) if select is not None else None,
            extend_select=_upper(table.get("extend-select", ())),
            ignore=_upper(table.get("ignore", ())),
        ),
        per_file_ignores=tuple(
            (glob, _upper(codes)) for glob, codes in table.get("per-file-ignores", {}).items()
        ),
        severity={k.upper(): v for k, v in table.get("severity", {}).items()},
        edition=table.get("edition"),
        year=table.get("year"),
        issuer=table.get("issuer"),
        deadline=dict(table.get("deadline", {})),
        lang=table.get("lang"),
        exclude=tuple(table.get("exclude", ())),
    )


def _matching(selectors: Iterable[str], known: Iterable[str]) -> set[str]:
    selectors = [s.upper() for s in selectors]
    if "ALL" in selectors:
        return set(known)
    return {code for code in known if any(code.startswith(s) for s in selectors)}


def resolve_codes(known: Iterable[str], layers: Iterable[RuleSelection]) -> set[str]:
    """The rule codes enabled after applying selection layers in order (defaults: all).

    A layer's ``select`` starts the set afresh (so ``--select`` on the command line means
    exactly those rules), ``extend-select`` adds and ``ignore`` removes.
    """
    known = list(known)
    codes = set(known)
    for layer in layers:
        if layer.select is not None:
            codes = _matching(layer.select, known)
        codes |= _matching(layer.extend_select, known)
        codes -= _matching(layer.ignore, known)
    return codes


def expand_severity(severity: Mapping[str, str], known: Iterable[str]) -> dict[str, str]:
    """Per-code severities from codes and prefixes: the longest matching prefix wins."""
    expanded = {}
    for code in known:
        matches = [s for s in severity if s == "ALL" or code.startswith(s)]
        if matches:
            best = max(matches, key=lambda s: -1 if s == "ALL" else len(s))
            expanded[code] = severity[best]
    return expanded


def _relative(path: Path, root: Path) -> str | None:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return None


@cache
def _spec(patterns: tuple[str, ...]):
    from pathspec import GitIgnoreSpec

    return GitIgnoreSpec.from_lines(patterns)


def glob_match(patterns: tuple[str, ...], path: Path, root: Path) -> bool:
    """Whether a file matches gitignore-style patterns relative to ``root`` (a file outside
    ``root`` is matched by its name)."""
    if not patterns:
        return False
    relative = _relative(path, root) or path.name
    return _spec(patterns).match_file(relative)


class Resolver:
    """Configuration and settings for each checked file, files read once per folder."""

    def __init__(
        self,
        known: Iterable[str],
        overrides: Overrides = Overrides(),
        config_file: Path | None = None,
        isolated: bool = False,
        cwd: Path | None = None,
    ) -> None:
        self.known = list(known)
        self.overrides = overrides
        rules = overrides.rules
        for selector in [*(rules.select or ()), *rules.extend_select, *rules.ignore]:
            if not _known_selector(selector, self.known):
                raise UsageError(f"unknown rule code or prefix: {selector}")
        self.cwd = (cwd or Path.cwd()).resolve()
        self.isolated = isolated
        self._fixed: Config | None = None
        if config_file is not None:
            if config_file.is_dir():
                raise ConfigError(f"{config_file}: --config names a folder, not a file")
            if not config_file.is_file():
                raise ConfigError(f"{config_file}: no such configuration file")
            self._fixed = load_config(config_file, self.known)
        self._by_folder: dict[Path, Config] = {}
        self._resolved: dict[Path, Path] = {}  # a folder as named -> the real one
        self._rules: dict[int, tuple[Config, set[str], dict[str, str]]] = {}
        self._by_file: dict[Path, Config] = {}

    def config_for(self, path: Path | None) -> Config:
        """The configuration applying to a file (``None``: standard input, from the cwd)."""
        if self._fixed is not None:
            return self._fixed
        if self.isolated:
            return Config(root=self.cwd)
        folder = self._folder_of(path) if path is not None else self.cwd
        if folder not in self._by_folder:
            found = find_config_file(folder)
            if found is None:
                self._by_folder[folder] = Config(root=self.cwd)
            else:
                if found not in self._by_file:
                    self._by_file[found] = load_config(found, self.known)
                self._by_folder[folder] = self._by_file[found]
        return self._by_folder[folder]

    def _folder_of(self, path: Path) -> Path:
        """The real folder of a file (a linked file's is its target's), each folder of a walk
        resolved once rather than once for each of its files."""
        if path.is_symlink():
            return path.resolve().parent
        if path.parent not in self._resolved:
            self._resolved[path.parent] = path.parent.resolve()
        return self._resolved[path.parent]

    def is_excluded(self, path: Path, config: Config) -> bool:
        return glob_match(config.exclude, path, config.root)

    def _rules_of(self, config: Config) -> tuple[set[str], dict[str, str]]:
        """The codes a configuration enables and their severities, worked out once for it."""
        kept = self._rules.get(id(config))
        if kept is None or kept[0] is not config:
            codes = resolve_codes(self.known, [config.rules, self.overrides.rules])
            kept = (config, codes, expand_severity(config.severity, self.known))
            self._rules[id(config)] = kept
        return set(kept[1]), dict(kept[2])

    def settings_for(self, path: Path | None, config: Config) -> Settings:
        """The settings for one file: enabled codes after per-file ignores and ``off``."""
        codes, severity = self._rules_of(config)
        if path is not None:
            for glob, selectors in config.per_file_ignores:
                if glob_match((glob,), path, config.root):
                    codes -= _matching(selectors, self.known)
        codes = {code for code in codes if severity.get(code) != "off"}
        o = self.overrides
        return replace(
            Settings(),
            select=sorted(codes),
            lang=o.lang or config.lang or "zh",
            edition=o.edition or config.edition,
            year=o.year or config.year,
            issuer=o.issuer or config.issuer,
            severity={code: level for code, level in severity.items() if level != "off"},
            deadline=dict(config.deadline),
        )
