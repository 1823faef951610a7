"""JUnit XML: one test suite per file, one failing test case per rule with findings, one
passing test case for a clean file, for CI systems that show test reports."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TextIO

from ..engine import FileResult

# Characters XML 1.0 cannot carry at all, escaped or not (control characters of garbled text).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def render(results: list[FileResult], out: TextIO, lang: str) -> None:
    suites = ET.Element("testsuites", name="xxgk-lint")
    total = failed = 0
    for result in results:
        by_code: dict[str, list] = {}
        for f in result.findings:
            by_code.setdefault(f.code, []).append(f)
        suite = ET.SubElement(suites, "testsuite", name=_clean(result.path))
        cases = by_code.items() if by_code else [("xxgk-lint", [])]
        for code, findings in cases:
            name = f"{code} {findings[0].name}" if findings else code
            case = ET.SubElement(
                suite,
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
        suite.set("tests", str(len(cases)))
        suite.set("failures", str(len(by_code)))
        total += len(cases)
        failed += len(by_code)
    suites.set("tests", str(total))
    suites.set("failures", str(failed))
    ET.indent(suites)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(suites, encoding="unicode") + "\n")
