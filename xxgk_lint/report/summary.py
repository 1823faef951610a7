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
    """Files checked, files that could not be read, and findings by severity and rule code."""

    def __init__(self) -> None:
        self.files = 0
        self.unreadable = 0
        self.by_severity: Counter[str] = Counter()
        self.by_code: Counter[str] = Counter()

    def add(self, result: FileResult) -> None:
        if result.error:  # not checked: it must not count as a file that passed
            self.unreadable += 1
            return
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

    @property
    def passed(self) -> bool:
        """Whether the run can be called a success: files were checked, every file could be
        read, and nothing was found."""
        return self.files > 0 and not self.unreadable and not self.total

    def summary_line(self, lang: str) -> str:
        """The closing line of the human formats. It claims success only when files were
        checked and none failed to be read."""
        return self._summary_en() if lang == "en" else self._summary_zh()

    def _summary_en(self) -> str:
        total, files, unreadable = self.total, self.files, self.unreadable
        if self.passed:
            return f"All checks passed ({files} file{'s' if files != 1 else ''})."
        if total:
            labels = LABELS["en"]
            parts = ", ".join(
                f"{self.by_severity[s]} {labels[s]}" for s in labels if self.by_severity[s]
            )
            line = f"Found {total} problem{'s' if total != 1 else ''} in {files} file(s) ({parts})"
        elif files:
            line = f"No problems found in {files} file(s)"
        elif unreadable:
            return f"{unreadable} file(s) could not be read; no file was checked."
        else:
            return "No file was checked."
        return f"{line}; {unreadable} file(s) could not be read." if unreadable else f"{line}."

    def _summary_zh(self) -> str:
        total, files, unreadable = self.total, self.files, self.unreadable
        if self.passed:
            return f"全部检查通过（{files} 个文件）。"
        if total:
            parts = "，".join(
                f"{LABELS['zh'][s]} {self.by_severity[s]}"
                for s in LABELS["zh"]
                if self.by_severity[s]
            )
            line = f"共发现 {total} 个问题，涉及 {files} 个文件（{parts}）"
        elif files:
            line = f"{files} 个文件未发现问题"
        elif unreadable:
            return f"未能读取 {unreadable} 个文件，没有文件完成检查。"
        else:
            return "没有检查任何文件。"
        return f"{line}；未能读取 {unreadable} 个文件。" if unreadable else f"{line}。"
