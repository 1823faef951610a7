"""Where the time of one run goes: imports, set-up and each pipeline stage, in one fresh process.

``python -m bench.stages FILE`` prints JSON: milliseconds per stage (importing the CLI,
choosing the checks, loading, normalising, splitting lines, the outline, the facts, each
check, resolving findings, importing the renderer). Shared analyses (``Document.derived``)
are counted in the first check that asks for them.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0])
    stages: dict[str, float] = {}
    checks_ms: dict[str, float] = {}
    last = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal last
        now = time.perf_counter()
        stages[name] = round(1000 * (now - last), 2)
        last = now

    import xxgk_lint.cli  # noqa: F401  (the import cost of the command line)

    lap("import cli")
    from xxgk_lint.check import select_checks
    from xxgk_lint.document import Document
    from xxgk_lint.engine import resolve
    from xxgk_lint.settings import Settings
    from xxgk_lint.source import load_path

    lap("import pipeline")
    checks = select_checks()
    lap("select checks")
    settings = Settings()
    source = load_path(path, str(path), path.stat().st_size)  # any size: the stages are measured
    lap("load")
    doc = Document(source, settings)
    _ = doc.view
    lap("normalise")
    _ = doc.lines
    lap("lines")
    _ = doc.outline
    lap("outline")
    _ = doc.facts
    lap("facts")
    found = []
    for check in checks:
        start = time.perf_counter()
        if not check.editions or doc.facts.edition in check.editions:
            found.extend((check, d) for d in check.run(doc))
        checks_ms[check.code] = round(1000 * (time.perf_counter() - start), 2)
    last = time.perf_counter()
    stages["checks"] = round(sum(checks_ms.values()), 2)
    for check, diag in found:
        resolve(doc, diag, check, settings.lang)
    lap("resolve")
    from xxgk_lint.report import get_renderer

    get_renderer("full")
    lap("import renderer")
    json.dump(
        {"stages_ms": stages, "checks_ms": checks_ms, "findings": len(found)}, sys.stdout, indent=1
    )
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
