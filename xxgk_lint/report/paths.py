"""Paths as CI systems want them: relative to the working folder (the repository root in a
CI job), with forward slashes."""

from __future__ import annotations

from pathlib import Path


def relative_posix(display: str) -> str:
    """``display`` relative to the current folder when it lies below it, else as absolute."""
    if display == "-":
        return display
    path = Path(display).resolve()
    try:
        return path.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()
