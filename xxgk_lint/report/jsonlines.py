"""One JSON object per line, one line per diagnostic (the objects of the JSON format)."""

from __future__ import annotations

import json
from typing import TextIO

from ..engine import FileResult


def render(results: list[FileResult], out: TextIO, lang: str) -> None:
    for result in results:
        for f in result.findings:
            out.write(json.dumps(f.as_json(), ensure_ascii=False) + "\n")
