"""``check --jobs N`` as proposed: ``xxgk_lint.parallel.lint_many`` feeding streaming renderers.

The command line collects every result in a list before rendering, so its memory grows with
the number of files (reports full of findings make that hundreds of MB for 10,000 files).
This driver runs the same pipeline the way the proposal wires it: results stream from the
workers, in input order, into renderers that write each file as it comes and keep only the
counts for the summary. Its output is byte-identical to ``check --format concise|json``
(``tests/test_bench.py`` checks that), so the benchmark can measure the proposal before the
command line has it: ``python -m bench.drive [--jobs N] [--format concise|json] PATH...``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable
from typing import TextIO

from xxgk_lint import __version__
from xxgk_lint.engine import FileResult, discover
from xxgk_lint.parallel import lint_many
from xxgk_lint.report.summary import LABELS
from xxgk_lint.settings import Settings


class Counts:
    """What the summaries need, gathered while results stream past."""

    def __init__(self) -> None:
        self.files = 0
        self.by_severity: Counter = Counter()
        self.by_code: Counter = Counter()

    def add(self, result: FileResult) -> None:
        self.files += 1
        for f in result.findings:
            self.by_severity[f.severity.value] += 1
            self.by_code[f.code] += 1

    def summary_line(self, lang: str) -> str:
        """The closing line of the human formats (as ``report.summary.summary_line``)."""
        total, files, labels = sum(self.by_severity.values()), self.files, LABELS[lang]
        if lang == "en":
            if not total:
                return f"All checks passed ({files} file{'s' if files != 1 else ''})."
            parts = ", ".join(
                f"{self.by_severity[s]} {labels[s]}" for s in labels if self.by_severity[s]
            )
            return f"Found {total} problem{'s' if total != 1 else ''} in {files} file(s) ({parts})."
        if not total:
            return f"全部检查通过（{files} 个文件）。"
        parts = "，".join(
            f"{labels[s]} {self.by_severity[s]}" for s in labels if self.by_severity[s]
        )
        return f"共发现 {total} 个问题，涉及 {files} 个文件（{parts}）。"


def render_concise(results: Iterable[FileResult], out: TextIO, lang: str) -> Counts:
    counts = Counts()
    for result in results:
        counts.add(result)
        for f in result.findings:
            out.write(f"{f.path}:{f.line}:{f.column}: {f.code} [{f.severity.value}] {f.message}\n")
    out.write(counts.summary_line(lang) + "\n")
    return counts


def _dump(value: object, level: int) -> str:
    """``value`` as ``json.dump(indent=2)`` writes it at nesting ``level``."""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)


def render_json(results: Iterable[FileResult], out: TextIO, lang: str) -> Counts:
    """The JSON document of ``report.json_format``, written one file at a time."""
    counts = Counts()
    out.write('{\n  "tool": ' + _dump({"name": "xxgk-lint", "version": __version__}, 1))
    out.write(',\n  "files": [')
    for result in results:
        entry = {
            "path": result.path,
            "report": result.facts,
            "diagnostics": [f.as_json() for f in result.findings],
        }
        out.write(("," if counts.files else "") + "\n    " + _dump(entry, 2))
        counts.add(result)
    out.write("\n  ]" if counts.files else "]")
    summary = {
        "files": counts.files,
        "diagnostics": sum(counts.by_severity.values()),
        "by_severity": dict(sorted(counts.by_severity.items())),
        "by_code": dict(sorted(counts.by_code.items())),
    }
    out.write(',\n  "summary": ' + _dump(summary, 1) + "\n}\n")
    return counts


RENDERERS = {"concise": render_concise, "json": render_json}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--format", choices=sorted(RENDERERS), default="concise")
    args = parser.parse_args(argv)
    settings = Settings()
    failed = False

    def checked() -> Iterable[FileResult]:
        nonlocal failed
        for result in lint_many(discover(args.paths), settings, args.jobs, keep_lines=False):
            if result.error:
                print(f"xxgk-lint: {result.path}: {result.error}", file=sys.stderr)
                failed = True
            else:
                yield result

    counts = RENDERERS[args.format](checked(), sys.stdout, settings.lang)
    return 2 if failed else 1 if counts.by_severity["error"] else 0


if __name__ == "__main__":
    sys.exit(main())
