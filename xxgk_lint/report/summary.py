"""Counts shared by the human formats: by severity and by rule code."""

from __future__ import annotations

from collections import Counter

from ..engine import FileResult

LABELS = {
    "zh": {"error": "错误", "warning": "警告", "info": "提示"},
    "en": {"error": "error", "warning": "warning", "info": "info"},
}


def counts(results: list[FileResult]) -> tuple[Counter, Counter]:
    by_severity: Counter = Counter()
    by_code: Counter = Counter()
    for result in results:
        for f in result.findings:
            by_severity[f.severity.value] += 1
            by_code[f.code] += 1
    return by_severity, by_code


def summary_line(results: list[FileResult], lang: str) -> str:
    by_severity, _ = counts(results)
    total = sum(by_severity.values())
    files = len(results)
    if lang == "en":
        if not total:
            return f"All checks passed ({files} file{'s' if files != 1 else ''})."
        labels = LABELS["en"]
        parts = ", ".join(f"{by_severity[s]} {labels[s]}" for s in labels if by_severity[s])
        return f"Found {total} problem{'s' if total != 1 else ''} in {files} file(s) ({parts})."
    if not total:
        return f"全部检查通过（{files} 个文件）。"
    parts = "，".join(f"{LABELS['zh'][s]} {by_severity[s]}" for s in LABELS["zh"] if by_severity[s])
    return f"共发现 {total} 个问题，涉及 {files} 个文件（{parts}）。"
