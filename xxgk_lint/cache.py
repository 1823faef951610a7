"""Result cache: a report unchanged since the last run is not checked again.

Entries are keyed by the file's bytes, its displayed path, the resolved settings (rules,
severities, pins, language), the registered checks and the installed code, and live in
``.xxgk_lint_cache/<version>/`` at the project root (the folder of the configuration file,
else the current folder), like ruff's. Writes go to a temporary file renamed into place, so
concurrent runs never see half an entry; an unreadable entry is a miss. The cache only
saves time: any problem with it is ignored.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import asdict
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__, engine
from .diagnostic import Severity
from .engine import FileResult, Finding
from .settings import Settings

if TYPE_CHECKING:
    from .check import Check

CACHE_DIR = ".xxgk_lint_cache"
_GITIGNORE = "# Created by xxgk-lint: nothing here belongs in version control.\n*\n"
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This is a cache of xxgk-lint results.\n"


@cache
def code_signature() -> str:
    """A digest of the installed checks and the package's files (size and mtime), so an
    upgrade, a new plugin or an edit of an editable install invalidates the cache."""
    from importlib.util import find_spec

    from .check import ENTRY_POINT_GROUP
    from .registry import entry_point_values

    parts = [__version__]
    files = {p for p in Path(__file__).parent.rglob("*") if p.suffix in {".py", ".lark", ".json"}}
    for name, value in sorted(entry_point_values(ENTRY_POINT_GROUP)):
        parts.append(f"{name}={value}")
        spec = find_spec(value.partition(":")[0].strip())
        if spec is not None and spec.origin:
            files.add(Path(spec.origin))
    for path in sorted(files):
        try:
            stat = path.stat()
        except OSError:
            continue
        parts.append(f"{path}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def settings_key(settings: Settings) -> str:
    """A digest of everything besides the file that decides a file's result."""
    payload = json.dumps(asdict(settings), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(f"{code_signature()}\n{payload}".encode()).hexdigest()


def _finding_json(f: Finding) -> dict[str, Any]:
    return {
        **f.as_json(),
        "start": f.start,
        "end": f.end,
        "help": f.help,
        "fingerprint": f.fingerprint,
    }


def _finding(data: dict[str, Any]) -> Finding:
    return Finding(
        data["code"],
        data["name"],
        Severity(data["severity"]),
        data["message"],
        data["path"],
        data["line"],
        data["column"],
        data["end_line"],
        data["end_column"],
        data["data"],
        data["fix"],
        data["start"],
        data["end"],
        data["help"],
        data["fingerprint"],
    )


class Cache:
    """A cache folder: ``<project root>/.xxgk_lint_cache`` unless ``--cache-dir`` names one."""

    def __init__(self, folder: Path) -> None:
        self.root = folder
        self.dir = folder / __version__

    @staticmethod
    def key(display: str, data: bytes, settings_digest: str) -> str:
        h = hashlib.sha256()
        for part in (settings_digest.encode(), display.encode("utf-8", "surrogatepass"), data):
            h.update(len(part).to_bytes(8, "little"))
            h.update(part)
        return h.hexdigest()

    def _entry(self, key: str) -> Path:
        return self.dir / f"{key}.json"

    def get(self, key: str) -> FileResult | None:
        """The cached result, or None when absent or unreadable."""
        try:
            data = json.loads(self._entry(key).read_bytes())
            return FileResult(
                data["path"],
                [_finding(f) for f in data["findings"]],
                data["facts"],
                lines={int(k): v for k, v in data["lines"].items()},
                pages={int(k): (v[0], v[1]) for k, v in data.get("pages", {}).items()},
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def put(self, key: str, result: FileResult) -> None:
        """Store a result; failures (read-only disk, full disk) are ignored."""
        entry = {
            "path": result.path,
            "facts": result.facts,
            "findings": [_finding_json(f) for f in result.findings],
            "lines": {str(f.line): result.display_line(f.line) for f in result.findings},
            "pages": {
                str(f.line): page
                for f in result.findings
                if (page := result.page_line(f.line)) is not None
            },
        }
        try:
            self._prepare()
            fd, tmp = tempfile.mkstemp(dir=self.dir, suffix=".tmp")
        except OSError:
            return
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(entry, fh, ensure_ascii=False)
            os.replace(tmp, self._entry(key))
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(tmp)

    def _prepare(self) -> None:
        if self.dir.is_dir():
            return
        self.dir.mkdir(parents=True, exist_ok=True)
        for name, text in ((".gitignore", _GITIGNORE), ("CACHEDIR.TAG", _TAG)):
            marker = self.root / name
            if not marker.exists():
                marker.write_text(text, encoding="utf-8")


def lint_cached(
    path: Path,
    display: str,
    checks: Callable[[], list[Check]],
    settings: Settings,
    folder: Path,
) -> FileResult:
    """One file's result, from the cache in ``folder`` when its bytes and settings are
    unchanged; ``checks`` makes the check instances, which only a miss needs."""
    try:
        if path.stat().st_size > settings.max_bytes:
            return engine.lint_path(path, display, checks(), settings)
        data = path.read_bytes()
    except OSError:
        return engine.lint_path(path, display, checks(), settings)
    cache = Cache(folder)
    key = cache.key(display, data, settings_key(settings))
    result = cache.get(key)
    if result is None:
        result = engine.lint_path(path, display, checks(), settings)
        if not result.error:
            cache.put(key, result)
    return result
