"""Settings that change what a run checks and how it reports, resolved per file from the
command line and the configuration (``config.py``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .source import MAX_TEXT_BYTES

ISSUER_TYPES = ("government", "department")


@dataclass
class Settings:
    """Pins and choices for a run; ``None`` means: infer from the report."""

    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    lang: str = "zh"
    edition: str | None = None  # "2007", "2019" or "2021"
    year: int | None = None
    issuer: str | None = None  # "government" or "department"
    severity: dict[str, str] = field(default_factory=dict)  # code -> error|warning|info|off
    # Publication deadline overrides by issuer type, "MM-DD" of the year after the report year
    # (a province may require its departments to publish before the national 31 January).
    deadline: dict[str, str] = field(default_factory=dict)
    # Text reports larger than this are refused unread (``--max-size``); part of the cache
    # key, so a result checked under a raised limit is not served under the default one.
    max_bytes: int = MAX_TEXT_BYTES

    def deadline_override(self, issuer_type: str | None) -> tuple[int, int] | None:
        """(month, day) of the configured deadline for an issuer type, or None: legal default."""
        value = self.deadline.get(issuer_type or "")
        if not value:
            return None
        month, day = value.split("-")
        return int(month), int(day)
