"""The check protocol and the registry that finds checks through entry points.

Built-in checks are registered in pyproject.toml under the entry-point group
``xxgk_lint.checks`` exactly as a third-party package would register its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, ClassVar

from .diagnostic import Diagnostic, Severity
from .errors import UsageError

if TYPE_CHECKING:
    from .document import Document

ENTRY_POINT_GROUP = "xxgk_lint.checks"


@dataclass(frozen=True)
class Message:
    """A message template in Chinese and English; placeholders are filled from ``args``."""

    zh: str
    en: str

    def render(self, lang: str, args: dict) -> str:
        return (self.en if lang == "en" else self.zh).format(**args)


@dataclass(frozen=True)
class RuleDoc:
    """A rule's documentation page, in Chinese and English."""

    what_zh: str
    what_en: str
    why_zh: str = ""
    why_en: str = ""
    fires: str = ""
    passes: str = ""


class Check:
    """Base of every check: one rule code, its metadata and ``run``.

    Subclasses set the class attributes and implement ``run``, yielding diagnostics with
    offsets into the original text. ``editions`` lists the editions the rule applies to
    (empty: all).
    """

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity] = Severity.ERROR
    messages: ClassVar[dict[str, Message]]
    help: ClassVar[Message | None] = None
    doc: ClassVar[RuleDoc]
    editions: ClassVar[tuple[str, ...]] = ()
    fixable: ClassVar[str] = "none"  # "none", "safe" or "unsafe"

    def run(self, doc: Document) -> Iterable[Diagnostic]:
        raise NotImplementedError

    def diagnostic(self, start: int, end: int, key: str = "default", /, **kwargs) -> Diagnostic:
        """A diagnostic of this check; ``data`` and ``severity`` may be passed as keywords."""
        data = kwargs.pop("data", {})
        severity = kwargs.pop("severity", None)
        fix = kwargs.pop("fix", None)
        return Diagnostic(self.code, start, end, kwargs, data, key, severity, fix)


@lru_cache(maxsize=1)
def all_checks() -> dict[str, type[Check]]:
    """Every registered check class by code, sorted by code."""
    from .registry import entry_point_values, load

    found: dict[str, type[Check]] = {}
    for name, value in entry_point_values(ENTRY_POINT_GROUP):
        cls = load(value)
        if getattr(cls, "code", None) != name:
            raise UsageError(f"check {value} is registered as {name} but has code {cls.code}")
        found[name] = cls  # type: ignore[assignment]
    return dict(sorted(found.items()))


def _matches(code: str, selectors: Iterable[str]) -> bool:
    return any(code.startswith(s.strip().upper()) for s in selectors if s.strip())


def registered_codes() -> list[str]:
    """Codes of every registered check, from the entry points without importing a check."""
    from .registry import entry_point_values

    return sorted({name for name, _ in entry_point_values(ENTRY_POINT_GROUP)})


def select_codes(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[str]:
    """Codes of the checks chosen by code prefixes (``N``, ``S00``, ``D001``; empty ``select``
    or ``ALL``: every check), without importing any check."""
    select, ignore = list(select), list(ignore)
    known = registered_codes()
    for selector in [*select, *ignore]:
        prefix = selector.strip().upper()
        if prefix != "ALL" and not any(code.startswith(prefix) for code in known):
            raise UsageError(f"unknown rule code or prefix: {selector}")
    everything = not select or "ALL" in [s.strip().upper() for s in select]
    return [
        code
        for code in known
        if (everything or _matches(code, select)) and not _matches(code, ignore)
    ]


def select_checks(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[Check]:
    """Instances of the checks chosen by code prefixes (see ``select_codes``)."""
    codes = select_codes(select, ignore)
    known = all_checks()
    return [known[code]() for code in codes]


def run_checks(doc: Document, checks: Iterable[Check]) -> Iterator[Diagnostic]:
    """Run checks whose editions include the document's, in code order."""
    for check in checks:
        if check.editions and doc.facts.edition not in check.editions:
            continue
        yield from check.run(doc)
