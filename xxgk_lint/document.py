"""The document every check receives: original text, normalised view, lines, outline, facts."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from .normalise import NormalView, normalise
from .outline import Outline, parse_outline
from .settings import Settings
from .source import Source

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(slots=True)
class Line:
    """One line: original text and offsets, and its normalised text and offsets."""

    index: int  # 0-based
    start: int  # original offset of the line's first character
    end: int  # original offset after its last character (before the line break)
    text: str  # original text
    nstart: int  # normalised offset of the first character
    norm: str  # normalised text
    view: NormalView = field(repr=False)

    def orig_offset(self, norm_col: int) -> int:
        """Original offset of normalised column ``norm_col`` of this line (may be the line end)."""
        if norm_col >= len(self.norm):
            return self.end
        return self.view.to_orig(self.nstart + norm_col)

    def orig_span(self, norm_start: int, norm_end: int) -> tuple[int, int]:
        """Original span of the normalised columns [norm_start, norm_end) of this line."""
        if not self.view.pinyin_spans and norm_end < len(self.norm):
            # nothing was removed: a column is an offset from the line start (most reports)
            return self.start + norm_start, self.start + max(norm_start, norm_end)
        if norm_end >= len(self.norm) and norm_start < norm_end:
            return self.orig_offset(norm_start), self.end
        return self.view.span_to_orig(self.nstart + norm_start, self.nstart + norm_end)


@dataclass
class Document:
    """A report ready for checking. Expensive parts are computed once, on first use."""

    source: Source
    settings: Settings = field(default_factory=Settings)
    _derived: dict = field(default_factory=dict, repr=False)

    def derived(self, compute):
        """``compute(self)``, computed once per document: shared analysis for several checks."""
        if compute not in self._derived:
            self._derived[compute] = compute(self)
        return self._derived[compute]

    @cached_property
    def view(self) -> NormalView:
        return normalise(self.source.text)

    @cached_property
    def lines(self) -> list[Line]:
        view, src = self.view, self.source
        if view.pinyin_spans:
            nstarts = [0] + [m.end() for m in _LINE_BREAK.finditer(view.text)]
            nends = [m.start() for m in _LINE_BREAK.finditer(view.text)] + [len(view.text)]
        else:  # normalising kept every character in place: the original's lines are its lines
            nstarts, nends = src.line_starts, src.line_ends
        return [
            Line(
                i,
                src.line_starts[i],
                src.line_ends[i],
                src.line_text(i),
                ns,
                view.text[ns:ne],
                view,
            )
            for i, (ns, ne) in enumerate(zip(nstarts, nends, strict=True))
        ]

    @cached_property
    def outline(self) -> Outline:
        return parse_outline(self.lines)

    @cached_property
    def facts(self):
        from .facts import compute_facts

        return compute_facts(self)

    @property
    def path(self) -> str:
        return self.source.path

    def norm_span(self, start: int, end: int) -> tuple[int, int]:
        """Original span of a span of the whole normalised text."""
        return self.view.span_to_orig(start, end)

    @cached_property
    def _nstarts(self) -> list[int]:
        return [line.nstart for line in self.lines]

    def lines_with(self, pattern: re.Pattern[str]) -> list[Line]:
        """The lines whose normalised text holds a match of ``pattern``, found in one scan of
        the whole text rather than a search per line. ``pattern`` must never match a line
        break: then every line holding a match holds one of the scan's."""
        found: list[Line] = []
        for m in pattern.finditer(self.view.text):
            index = bisect_right(self._nstarts, m.start()) - 1
            if not found or found[-1].index != index:
                found.append(self.lines[index])
        return found

    def line_span(self, index: int) -> tuple[int, int]:
        """Original span of a line's text without leading and trailing blanks."""
        line = self.lines[index]
        stripped = line.text.strip()
        if not stripped:
            return line.start, line.start
        lead = len(line.text) - len(line.text.lstrip())
        return line.start + lead, line.start + lead + len(stripped)

    def body_lines(self) -> list[int]:
        """Lines that carry report text: everything but front matter, title and signature."""
        return list(self._body_lines)

    @cached_property
    def _body_lines(self) -> tuple[int, ...]:
        skip = set(self.outline.front)
        if self.outline.title_line is not None:
            skip.add(self.outline.title_line)
        if self.outline.signature:
            skip.add(self.outline.signature.date_line)
            if self.outline.signature.issuer_line is not None:
                skip.add(self.outline.signature.issuer_line)
        return tuple(
            line.index for line in self.lines if line.index not in skip and line.norm.strip()
        )
