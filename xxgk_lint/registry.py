"""The entry points of a group, without importing ``importlib.metadata`` on every start.

Finding entry points means importing ``importlib.metadata`` (about 25 ms: it pulls in the
``email`` package) and reading every installed distribution's metadata, on every run of a
command whose whole budget is a fraction of a second. The answer only changes when
distributions are installed or removed, and installing or removing one changes the
modification time of the folder on ``sys.path`` that holds it. So the scan's result is kept
in the user's cache folder, keyed by ``sys.path`` and the modification time of each entry,
and the scan runs again only when one of them changed. Anything wrong with the cache (absent,
unreadable, unwritable, stale) just means a scan: third-party plugins registered in the group
are found exactly as ``importlib.metadata.entry_points(group=...)`` finds them.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sys
import tempfile
from importlib import import_module
from pathlib import Path

CACHE_VERSION = 1


def _cache_file(group: str) -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    digest = hashlib.sha256(json.dumps([group, sys.executable, sys.path]).encode()).hexdigest()
    return Path(base) / "xxgk-lint" / f"entry-points-{digest[:16]}.json"


def _path_state() -> list:
    """Each ``sys.path`` entry with its modification time (None when it does not exist)."""
    state = []
    for entry in sys.path:
        try:
            state.append([entry, os.stat(entry or ".").st_mtime_ns])
        except OSError:
            state.append([entry, None])
    return [CACHE_VERSION, sys.version, state]


def _scan(group: str) -> list[list[str]]:
    from importlib.metadata import entry_points

    return [[ep.name, ep.value] for ep in entry_points(group=group)]


def _store(path: Path, payload: dict) -> None:
    """Write atomically (concurrent runs never read half a file); failures are ignored."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(payload, fh)
            os.replace(tmp, path)
        except OSError:
            os.unlink(tmp)


def entry_point_values(group: str) -> list[tuple[str, str]]:
    """(name, "module:attribute") of every entry point of ``group``, in discovery order."""
    path = _cache_file(group)
    state = _path_state()
    try:
        payload = json.loads(path.read_text("utf-8"))
        if payload["state"] == state:
            return [(name, value) for name, value in payload["entries"]]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    entries = _scan(group)
    _store(path, {"state": state, "entries": entries})
    return [(name, value) for name, value in entries]


_VALUE = re.compile(r"(?P<module>[\w.]+)\s*(:\s*(?P<attr>[\w.]+)\s*)?(\[.*\]\s*)?$")
"""An entry point's value, as ``importlib.metadata.EntryPoint`` parses it."""


def load(value: str) -> object:
    """The object an entry point's value names (``module:attr.sub``, ``module``)."""
    match = _VALUE.match(value.strip())
    if match is None:
        raise ValueError(f"malformed entry point value: {value!r}")
    obj = import_module(match["module"])
    for attr in filter(None, (match["attr"] or "").split(".")):
        obj = getattr(obj, attr)
    return obj
