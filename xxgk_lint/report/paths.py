"""Paths as CI systems want them: relative to the working folder (the repository root in a
CI job), with forward slashes."""

from __future__ import annotations

import os


def relative_posix(display: str) -> str:
    """``display`` relative to the current folder when it lies below it, else as absolute.
    (``os.path``, not ``pathlib``: this runs once per file, and pathlib's parsing interns
    every path part, churning the interpreter's table of interned strings.)"""
    if display == "-":
        return display
    path = os.path.realpath(display)
    cwd = os.path.realpath(os.getcwd())
    if path.startswith(os.path.join(cwd, "")):
        path = os.path.relpath(path, cwd)
    return path.replace(os.sep, "/")
