"""``--statistics``: how many findings each rule has, most frequent first (like ruff); ``[*]``
marks the rules whose findings ``--fix`` fixes (an unsafe fix needs ``--unsafe-fixes``)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from ..engine import FileResult
from .summary import Counts


def render(results: Iterable[FileResult], out: TextIO, as_json: bool) -> Counts:
    """Count findings one file at a time, then write the table."""
    counts = Counts()
    names: dict[str, str] = {}
    fixable: set[str] = set()
    for result in results:
        counts.add(result)
        for f in result.findings:
            names[f.code] = f.name
            if f.fix and f.fix["applicability"] == "safe":  # as ruff: what --fix would fix
                fixable.add(f.code)
    ordered = sorted(counts.by_code.items(), key=lambda item: (-item[1], item[0]))
    table = [
        {"code": code, "name": names[code], "count": n, "fixable": code in fixable}
        for code, n in ordered
    ]
    if as_json:
        json.dump(table, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return counts
    width = max((len(str(r["count"])) for r in table), default=1)
    for r in table:
        mark = "[*] " if r["fixable"] else "    "
        out.write(f"{r['count']:>{width}}\t{r['code']}\t{mark}{r['name']}\n")
    return counts
