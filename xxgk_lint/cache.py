"""Result cache: a report unchanged since the last run is not checked again.

Entries are keyed by the file's bytes, its displayed path, the resolved settings (rules,
severities, pins, language), the registered checks and the installed code, and live in
``.xxgk_lint_cache/<version>/`` at the project root (the folder of the configuration file,
else the current folder), like ruff's. Writes go to a temporary file renamed into place, so
concurrent runs never see half an entry; an unreadable entry is a miss. The cache only
saves time: any problem with it is ignored.

Pruning (as Go's build cache does): an entry's modification time is its "last used" time,
set when it is written and refreshed when a hit finds it older than an hour (one ``utime``
per entry per hour at most; atime is never relied on). At most once a day per cache folder
(the ``last-prune`` marker's mtime), the first file of a run that uses the folder prunes it:
entries unused for ``MAX_AGE`` are deleted, then, while entries of every version folder
together use more than ``MAX_BYTES`` of disk, the least recently used. ``prune.lock``
(created exclusively) keeps concurrent runs from pruning together; temporary files of
writers are only deleted once over an hour old, so a write in progress is never disturbed,
and every removal tolerates a file that another process removed or replaced first.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import json
import os
import re
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict
from functools import cache
from pathlib import Path
from stat import S_ISREG
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

DAY = 24 * 60 * 60
MAX_AGE = 30 * DAY
"""Entries not used (read or written) for this long are deleted by the next pruning."""
MAX_BYTES = 512 * 1024 * 1024
"""Disk use of all entries above which the least recently used are deleted."""
PRUNE_EVERY = DAY
"""Least time between two prunings of a cache folder (the ``last-prune`` marker's mtime)."""
REFRESH_AFTER = 60 * 60
"""A hit refreshes its entry's last-used time when it is older than this (so not every hit
writes to the disk)."""
STALE = 60 * 60
"""A temporary file or a ``prune.lock`` this old was left by a run that died."""
PRUNE_MARKER = "last-prune"
PRUNE_LOCK = "prune.lock"

_VERSION_DIR = re.compile(r"\d[\w.+!-]*")
_ENTRY = re.compile(r"[0-9a-f]{64}\.json")
_TEMP = re.compile(r"tmp\w+\.tmp")
_checked: dict[Path, float] = {}  # cache folder -> when this process last considered pruning


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


_last_key: tuple[str, Settings, str] | None = None  # (code signature, settings, digest)


def settings_key(settings: Settings) -> str:
    """A digest of everything besides the file that decides a file's result. The last one
    is remembered: the files of a folder share their settings (equal, if not the same
    object), and comparing is cheaper than serialising and hashing for every file."""
    global _last_key
    signature = code_signature()
    last = _last_key
    if last is not None and last[0] == signature and last[1] == settings:
        return last[2]
    payload = json.dumps(asdict(settings), sort_keys=True, ensure_ascii=False)
    digest = hashlib.sha256(f"{signature}\n{payload}".encode()).hexdigest()
    _last_key = (signature, copy.deepcopy(settings), digest)  # a copy: settings are mutable
    return digest


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
        entry = self._entry(key)
        try:
            fd = os.open(entry, os.O_RDONLY | getattr(os, "O_BINARY", 0))
            try:  # an entry is replaced whole, never changed: one read takes all of it
                stat = os.fstat(fd)
                data = json.loads(os.read(fd, stat.st_size + 1))
            finally:
                os.close(fd)
            if time.time() - stat.st_mtime > REFRESH_AFTER:  # mark it used (at most hourly)
                with contextlib.suppress(OSError):
                    os.utime(entry)
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
        for name, text in ((".gitignore", _GITIGNORE), ("CACHEDIR.TAG", _TAG), (PRUNE_MARKER, "")):
            marker = self.root / name
            if not marker.exists():
                marker.write_text(text, encoding="utf-8")

    def maybe_prune(self) -> bool:
        """Prune unless the folder was pruned less than ``PRUNE_EVERY`` ago or another run
        is pruning it; True when this call pruned."""
        now = time.time()
        marker = self.root / PRUNE_MARKER
        if self._pruned_recently(marker, now):
            return False
        lock = self.root / PRUNE_LOCK
        for _ in range(2):
            try:
                os.close(os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
                break
            except FileExistsError:  # another run is pruning, or died doing it
                try:
                    if now - lock.stat().st_mtime <= STALE:
                        return False
                    lock.unlink()
                except FileNotFoundError:
                    continue
                except OSError:
                    return False
            except OSError:  # a read-only cache: nothing to prune
                return False
        else:
            return False
        try:
            if self._pruned_recently(marker, now):  # a run that just pruned let go of the lock
                return False
            marker.touch()  # now: other runs skip pruning for a day
            self.prune(now)
            return True
        except OSError:
            return False
        finally:
            with contextlib.suppress(OSError):
                lock.unlink()

    def _pruned_recently(self, marker: Path, now: float) -> bool:
        try:
            return now - marker.stat().st_mtime < PRUNE_EVERY
        except FileNotFoundError:
            return not self.root.is_dir()  # no cache yet: nothing to prune
        except OSError:
            return True

    def prune(self, now: float | None = None) -> int:
        """Delete entries unused for ``MAX_AGE``, then the least recently used while all
        entries use more than ``MAX_BYTES``, and temporary files abandoned by dead writers,
        in every version's folder; empty folders of other versions go too. The number of
        files deleted is returned."""
        now = time.time() if now is None else now
        kept: list[tuple[float, int, Path]] = []  # (last used, disk use, path)
        removed = 0
        try:
            folders = [d for d in os.scandir(self.root) if _VERSION_DIR.fullmatch(d.name)]
        except OSError:
            return 0
        for folder in folders:
            try:
                files = list(os.scandir(folder.path))
            except OSError:  # not a folder, or removed meanwhile
                continue
            for item in files:
                entry = _ENTRY.fullmatch(item.name) is not None
                if not entry and _TEMP.fullmatch(item.name) is None:
                    continue
                try:
                    stat = item.stat(follow_symlinks=False)
                except OSError:  # removed or replaced meanwhile
                    continue
                if now - stat.st_mtime > (MAX_AGE if entry else STALE):
                    removed += _unlink(item.path)
                elif entry:
                    kept.append((stat.st_mtime, _disk_use(stat), Path(item.path)))
            if Path(folder.path) != self.dir:
                with contextlib.suppress(OSError):
                    os.rmdir(folder.path)  # only when empty
        total = sum(use for _, use, _ in kept)
        for _, use, path in sorted(kept, key=lambda k: k[0]):
            if total <= MAX_BYTES:
                break
            removed += _unlink(path)
            total -= use
        return removed


def _disk_use(stat: os.stat_result) -> int:
    """Bytes a file takes on the disk (its size where block counts are unknown)."""
    return max(stat.st_size, getattr(stat, "st_blocks", 0) * 512)


def _unlink(path: str | Path) -> int:
    """1 when the file was deleted, 0 when it was already gone or cannot be deleted (open
    elsewhere on Windows, a read-only folder)."""
    try:
        os.unlink(path)
    except OSError:
        return 0
    return 1


def _maybe_prune(folder: Path) -> None:
    """Consider pruning ``folder`` once per process (again after ``PRUNE_EVERY`` in a long
    one): the per-file cost is a dictionary look-up. Workers forked after the run's first
    file inherit the record, so they do not look at the marker again."""
    now = time.monotonic()
    last = _checked.get(folder)
    if last is not None and now - last < PRUNE_EVERY:
        return
    _checked[folder] = now
    Cache(folder).maybe_prune()


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
        status = path.stat()
        # A pipe or a device (``<(command)``) can be read only once, and only by the check.
        if not S_ISREG(status.st_mode) or status.st_size > settings.max_bytes:
            return engine.lint_path(path, display, checks(), settings)
        data = path.read_bytes()
    except OSError:
        return engine.lint_path(path, display, checks(), settings)
    _maybe_prune(folder)
    cache = Cache(folder)
    key = cache.key(display, data, settings_key(settings))
    result = cache.get(key)
    if result is None:
        result = engine.lint_path(path, display, checks(), settings)
        if not result.error:
            cache.put(key, result)
    return result
