"""``--statistics``: how many findings each rule has, most frequent first (like ruff)."""

from __future__ import annotations

import json
from collections import Counter
from typing import TextIO

from ..engine import FileResult


def rows(results: list[FileResult]) -> list[dict]:
    count: Counter = Counter()
    names: dict[str, str] = {}
    fixable: set[str] = set()
    for result in results:
        for f in result.findings:
            count[f.code] += 1
            names[f.code] = f.name
            if f.fix:
                fixable.add(f.code)
    ordered = sorted(count.items(), key=lambda item: (-item[1], item[0]))
    return [
        {"code": code, "name": names[code], "count": n, "fixable": code in fixable}
        for code, n in ordered
    ]


def render(results: list[FileResult], out: TextIO, as_json: bool) -> None:
    table = rows(results)
    if as_json:
        json.dump(table, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    width = max((len(str(r["count"])) for r in table), default=1)
    for r in table:
        mark = "[*] " if r["fixable"] else "    "
        out.write(f"{r['count']:>{width}}\t{r['code']}\t{mark}{r['name']}\n")
