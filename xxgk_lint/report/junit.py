"""JUnit XML: one test suite per file, one failing test case per rule with findings, one
passing test case for a clean file, for CI systems that show test reports.

The root element carries the totals, known only at the end, so the suites are written to a
spool (in memory while small, then a temporary file) and copied out after the root's tag.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from typing import TextIO

from ..engine import FileResult
from .summary import Counts

# Characters XML 1.0 cannot carry at all, escaped or not (control characters of garbled text).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
SPOOL_BYTES = 8 * 1024 * 1024  # suites kept in memory before they go to a temporary file


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def suite(result: FileResult) -> ET.Element:
    """One file's test suite."""
    by_code: dict[str, list] = {}
    for f in result.findings:
        by_code.setdefault(f.code, []).append(f)
    element = ET.Element("testsuite", name=_clean(result.path))
    cases = by_code.items() if by_code else [("xxgk-lint", [])]
    for code, findings in cases:
        name = f"{code} {findings[0].name}" if findings else code
        case = ET.SubElement(
            element,
            "testcase",
            name=name,
            classname=_clean(result.path),
            file=_clean(result.path),
        )
        if findings:
            case.set("line", str(findings[0].line))
            failure = ET.SubElement(
                case,
                "failure",
                message=_clean(findings[0].message),
                type=findings[0].severity.value,
            )
            failure.text = _clean(
                "\n".join(f"{f.line}:{f.column}: {f.code} {f.message}" for f in findings)
            )
    element.set("tests", str(len(cases)))
    element.set("failures", str(len(by_code)))
    return element


def render(results: Iterable[FileResult], out: TextIO, lang: str) -> Counts:
    counts = Counts()
    total = failed = 0
    with tempfile.SpooledTemporaryFile(SPOOL_BYTES, "w+", encoding="utf-8") as spool:
        for result in results:
            counts.add(result)
            element = suite(result)
            total += int(element.get("tests", 0))
            failed += int(element.get("failures", 0))
            ET.indent(element, level=1)
            element.tail = "\n"
            spool.write("  " + ET.tostring(element, encoding="unicode"))
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        root = f'<testsuites name="xxgk-lint" tests="{total}" failures="{failed}"'
        if not counts.files:
            out.write(root + " />\n")
            return counts
        out.write(root + ">\n")
        spool.seek(0)
        shutil.copyfileobj(spool, out)
        out.write("</testsuites>\n")
    return counts
