"""Paths as CI systems want them: relative to the working folder (the repository root in a
CI job), with forward slashes."""

from __future__ import annotations

import os


def relative_posix(display: str) -> str:
    """``display`` relative to the current folder when it lies below it, else as absolute.
    The path is taken as written first, so a linked report keeps its own name (the one the
    repository holds), and resolved only when the spelling hides that it is below the folder
    (a linked folder on the way). (``os.path``, not ``pathlib``: this runs once per file, and
    pathlib's parsing interns every path part, churning the interpreter's table of interned
    strings.)"""
    if display == "-":
        return display
    cwd = os.getcwd()
    path = os.path.abspath(display)
    if not path.startswith(os.path.join(cwd, "")):
        path, cwd = os.path.realpath(display), os.path.realpath(cwd)
    if path.startswith(os.path.join(cwd, "")):
        path = os.path.relpath(path, cwd)
    return path.replace(os.sep, "/")
