"""Diagnostics: what a check found, where (offsets into the original text), and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


@dataclass(frozen=True)
class Edit:
    """Replace original text [start, end) with ``replacement``."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class Fix:
    edits: tuple[Edit, ...]
    applicability: str = "safe"  # "safe" or "unsafe"


@dataclass
class Diagnostic:
    """One finding. ``start``/``end`` index ``Source.text``; ``args`` fill the message."""

    code: str
    start: int
    end: int
    args: dict[str, Any] = field(default_factory=dict)
    data: dict[str, Any] = field(default_factory=dict)
    message_key: str = "default"
    severity: Severity | None = None  # None: the check's default severity
    fix: Fix | None = None
