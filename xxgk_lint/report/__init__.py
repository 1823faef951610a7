"""Renderers: each turns the results of a run into one output format."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from ..engine import FileResult

Renderer = Callable[[list[FileResult], TextIO, str], None]


def get_renderer(name: str) -> Renderer:
    """The renderer for a format name (imported on demand to keep start-up fast)."""
    if name == "full":
        from .full import render
    elif name == "concise":
        from .concise import render
    elif name == "json":
        from .json_format import render
    else:  # the CLI validates names; this guards direct callers
        raise ValueError(f"unknown format: {name}")
    return render
