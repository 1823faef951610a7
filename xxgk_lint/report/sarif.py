"""SARIF 2.1.0, for GitHub code scanning and other viewers.

Columns count Unicode code points (``columnKind``), as every other format does. Files below
the working folder are given relative to ``%SRCROOT%``; every rule the run knows is described
from its documentation (``RuleDoc``) and help; fixes are carried as SARIF ``fixes``; the
baseline fingerprint is the result's ``partialFingerprints`` so an alert follows a finding
across edits elsewhere in the report. Each rule's help ends with ``POSITIONS``: how lines and
columns are counted in text, Word, web pages and PDF.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from .. import __version__
from ..engine import FileResult, Finding
from .jsonstream import write_document
from .paths import relative_posix
from .summary import Counts

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
ROOT = "%SRCROOT%"
POSITIONS = {
    "zh": (
        "位置：行号和列号从 1 开始，列按 Unicode 码位计数。Word 文件的行号是段落序号"
        "（表格单元格中的段落按阅读顺序计数），列包括自动编号；网页的行和列是 HTML 源代码中的"
        "位置；PDF 的行号是从第一页起依次计数的文字行。"
    ),
    "en": (
        "Positions: lines and columns are 1-based; columns count Unicode code points. In a Word "
        "file the line is the paragraph number (paragraphs in table cells counted in reading "
        "order) and columns include automatic numbering; in a web page the line and column are "
        "those of the HTML source; in a PDF the line is the text line counted from the first page."
    ),
}
"""How every rule's positions are counted, added to each rule's help."""


def _text(zh: str, en: str, lang: str) -> str:
    return (en if lang == "en" else zh) or zh or en


def rule_descriptor(cls: type, lang: str) -> dict[str, Any]:
    """A SARIF reportingDescriptor from a check class's documentation and messages."""
    doc = cls.doc
    what = _text(doc.what_zh, doc.what_en, lang)
    why = _text(doc.why_zh, doc.why_en, lang)
    help_text = cls.help.en if lang == "en" and cls.help else (cls.help.zh if cls.help else "")
    fires, passes = ("Fires on", "Passes") if lang == "en" else ("会报告", "不会报告")
    lines = [what, why, help_text]
    markdown = [f"**{cls.code} {cls.name}**", what, why, help_text]
    if doc.fires:
        lines.append(f"{fires}: {doc.fires}")
        markdown.append(f"{fires}: `{doc.fires}`")
    if doc.passes:
        lines.append(f"{passes}: {doc.passes}")
        markdown.append(f"{passes}: `{doc.passes}`")
    positions = POSITIONS["en" if lang == "en" else "zh"]
    lines.append(positions)
    markdown.append(positions)
    return {
        "id": cls.code,
        "name": cls.name,
        "shortDescription": {"text": what},
        "fullDescription": {"text": " ".join(p for p in (what, why) if p)},
        "help": {
            "text": "\n".join(p for p in lines if p),
            "markdown": "\n\n".join(p for p in markdown if p),
        },
        "defaultConfiguration": {"level": LEVELS[cls.severity.value]},
        "properties": {"tags": ["compliance", cls.code[0]], "fixable": cls.fixable},
    }


def _location(path: str) -> dict[str, str]:
    shown = relative_posix(path)
    if shown.startswith("/"):
        return {"uri": Path(shown).as_uri()}
    return {"uri": quote(shown), "uriBaseId": ROOT}


def _folder_uri(folder: Path) -> str:
    uri = folder.resolve().as_uri()
    return uri if uri.endswith("/") else uri + "/"


def _region(line: int, column: int, end_line: int, end_column: int) -> dict[str, int]:
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def _fix(f: Finding, location: dict[str, str], lang: str) -> dict[str, Any]:
    applicability = f.fix["applicability"]
    label = (
        f"{f.code} fix ({applicability})" if lang == "en" else f"{f.code} 修复（{applicability}）"
    )
    return {
        "description": {"text": label},
        "artifactChanges": [
            {
                "artifactLocation": location,
                "replacements": [
                    {
                        "deletedRegion": _region(
                            e["line"], e["column"], e["end_line"], e["end_column"]
                        ),
                        "insertedContent": {"text": e["content"]},
                    }
                    for e in f.fix["edits"]
                ],
            }
        ],
    }


def sarif_results(result: FileResult, index: dict[str, int], lang: str) -> Iterator[dict[str, Any]]:
    """The SARIF results of one file (``index``: rule code -> position in the rule list)."""
    location = _location(result.path)
    for f in result.findings:
        item: dict[str, Any] = {
            "ruleId": f.code,
            "level": LEVELS[f.severity.value],
            "message": {"text": f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": location,
                        "region": _region(f.line, f.column, f.end_line, f.end_column),
                    }
                }
            ],
            "partialFingerprints": {"xxgkLint/v1": f.fingerprint},
            "properties": {"name": f.name, "data": f.data},
        }
        if f.code in index:
            item["ruleIndex"] = index[f.code]
        if f.fix:
            item["fixes"] = [_fix(f, location, lang)]
        yield item


def log(results: Any, lang: str) -> dict[str, Any]:
    """The SARIF log around ``results`` (the list of results, or the mark of a streamed one)."""
    from ..check import all_checks

    checks = all_checks()
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "xxgk-lint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": [rule_descriptor(cls, lang) for cls in checks.values()],
                    }
                },
                "originalUriBaseIds": {ROOT: {"uri": _folder_uri(Path.cwd())}},
                "columnKind": "unicodeCodePoints",
                "language": "en-US" if lang == "en" else "zh-CN",
                "results": results,
            }
        ],
    }


def render(results: Iterable[FileResult], out: TextIO, lang: str) -> Counts:
    from ..check import all_checks

    counts = Counts()
    index = {code: i for i, code in enumerate(all_checks())}

    def every_result() -> Iterator[dict[str, Any]]:
        for result in results:
            counts.add(result)
            yield from sarif_results(result, index, lang)

    write_document(out, lambda mark: log(mark, lang), every_result())
    return counts
