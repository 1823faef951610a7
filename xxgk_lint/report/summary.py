"""Counts gathered while results stream past: the summaries of the human formats, the totals
of JSON and the exit code all need them, and none needs the results themselves."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..engine import FileResult

LABELS = {
    "zh": {"error": "错误", "warning": "警告", "info": "提示"},
    "en": {"error": "error", "warning": "warning", "info": "info"},
}
RANKS = {"error": 3, "warning": 2, "info": 1}


class Counts:
    """Files seen and findings by severity and by rule code."""

    def __init__(self) -> None:
        self.files = 0
        self.by_severity: Counter[str] = Counter()
        self.by_code: Counter[str] = Counter()

    def add(self, result: FileResult) -> None:
        self.files += 1
        for f in result.findings:
            self.by_severity[f.severity.value] += 1
            self.by_code[f.code] += 1

    @property
    def total(self) -> int:
        return sum(self.by_severity.values())

    @property
    def worst(self) -> int:
        """Rank of the most severe finding (error 3, warning 2, info 1; 0: none)."""
        return max((RANKS[s] for s, n in self.by_severity.items() if n), default=0)

    def summary_line(self, lang: str) -> str:
        """The closing line of the human formats."""
        total, files, by_severity = self.total, self.files, self.by_severity
        if lang == "en":
            if not total:
                return f"All checks passed ({files} file{'s' if files != 1 else ''})."
            labels = LABELS["en"]
            parts = ", ".join(f"{by_severity[s]} {labels[s]}" for s in labels if by_severity[s])
            return f"Found {total} problem{'s' if total != 1 else ''} in {files} file(s) ({parts})."
        if not total:
            return f"全部检查通过（{files} 个文件）。"
        parts = "，".join(
            f"{LABELS['zh'][s]} {by_severity[s]}" for s in LABELS["zh"] if by_severity[s]
        )
        return f"共发现 {total} 个问题，涉及 {files} 个文件（{parts}）。"
