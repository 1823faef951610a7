"""Renderers: each turns the results of a run into one output format."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:  # importing the engine here would load the whole pipeline for a renderer
    from ..engine import FileResult

Renderer = Callable[[list["FileResult"], TextIO, str], None]

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
