"""Settings that change what a run checks and how it reports (CLI now, configuration later)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Settings:
    """Pins and choices for a run; ``None`` means: infer from the report."""

    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    lang: str = "zh"
    edition: str | None = None  # "2007", "2019" or "2021"
    year: int | None = None
    issuer: str | None = None  # "government" or "department"
    severity: dict[str, str] = field(default_factory=dict)  # per-rule overrides
