"""Renderers: each turns the results of a run into one output format.

A renderer reads the results once, as they stream from the workers, writes each file's part
as it comes and keeps only the counts its summary and the exit code need (``Counts``), so a
run's memory does not grow with the number of files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib import import_module
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:  # importing the engine here would load the whole pipeline for a renderer
    from ..engine import FileResult
    from .summary import Counts

Renderer = Callable[[Iterable["FileResult"], TextIO, str], "Counts"]

MODULES = {
    "full": "full",
    "concise": "concise",
    "json": "json_format",
    "json-lines": "jsonlines",
    "sarif": "sarif",
    "github": "github",
    "gitlab": "gitlab",
    "junit": "junit",
}


def get_renderer(name: str) -> Renderer:
    """The renderer for a format name (imported on demand to keep start-up fast)."""
    if name not in MODULES:  # the CLI validates names; this guards direct callers
        raise ValueError(f"unknown format: {name}")
    return import_module(f".{MODULES[name]}", __name__).render
