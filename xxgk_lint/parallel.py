"""Checking many files: worker processes, a bounded queue of work, results in input order.

Reports are independent and checking them is CPU-bound, so a folder of thousands is spread
over worker processes. Workers start once (the checks are chosen and the parser built once
per worker), take small chunks of files from a shared queue as they become free (a large
report does not hold up the others), and send back results that are small: the source text
stays in the worker, only the lines the findings point at travel back (``slim``).
Results are yielded in input order, keeping at most a few chunks per worker in flight, so
memory does not grow with the number of files and output is the same with any ``jobs``.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import partial
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING

from . import engine
from .check import Check, all_checks, select_codes
from .engine import FileResult
from .errors import InputError
from .settings import Settings
from .source import decode_input

if TYPE_CHECKING:  # the pool's modules are imported only when a run needs workers
    from concurrent.futures import Future

CHUNK = 4
"""Files per work item: big enough to hide the cost of a hand-over, small enough to balance."""
IN_FLIGHT_PER_WORKER = 4
"""Chunks queued per worker ahead of the one being yielded: bounds memory, keeps workers fed."""
SERIAL_BELOW = 8
"""Fewer files than this are checked in-process: starting workers would cost more than it saves."""


@dataclass(frozen=True)
class Target:
    """One file to check, as the command line resolved it.

    ``settings`` are the file's own resolved settings (``select`` lists exact codes, as
    ``config.Resolver.settings_for`` returns them); None: the run's. ``cache_folder``: where
    results are cached for this file (None: no cache). ``data``: the bytes of standard input.
    """

    path: Path | None  # None: standard input
    display: str
    settings: Settings | None = None
    cache_folder: Path | None = None
    data: bytes | None = None


def slim(result: FileResult, keep_lines: bool = True) -> FileResult:
    """Drop the source text from a result, keeping only the lines its findings are on (what
    the human renderer shows), so results are small to send between processes and to hold."""
    if result.source is not None:
        if keep_lines:
            result.lines = {f.line: result.source.display_line(f.line) for f in result.findings}
            pages = {f.line: result.source.page_line(f.line) for f in result.findings}
            result.pages = {line: page for line, page in pages.items() if page}
        result.source = None
    return result


def default_jobs() -> int:
    """The cores this process may run on (respecting CPU affinity, as in containers)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class _Worker:
    """What a process needs to check files: the run's settings, check instances per selection."""

    def __init__(self, settings: Settings, keep_lines: bool) -> None:
        self.settings = settings
        self.keep_lines = keep_lines
        self._checks: dict[tuple[str, ...], list[Check]] = {}

    def checks_for(self, codes: list[str]) -> list[Check]:
        key = tuple(codes)
        if key not in self._checks:
            known = all_checks()
            self._checks[key] = [known[code]() for code in codes]
        return self._checks[key]

    def lint(self, target: Target) -> FileResult:
        settings = target.settings or self.settings
        checks = partial(self.checks_for, settings.select)  # a cache hit needs none
        if target.path is None:
            try:
                source = decode_input(target.data or b"", target.display, settings.max_bytes)
            except InputError as exc:
                return FileResult(target.display, error=exc.problem)
            result = engine.lint_source(source, checks(), settings)
        elif target.cache_folder is not None:
            from .cache import lint_cached

            result = lint_cached(target.path, target.display, checks, settings, target.cache_folder)
        else:
            result = engine.lint_path(target.path, target.display, checks(), settings)
        return slim(result, self.keep_lines)


_worker: _Worker | None = None


def _init_worker(settings: Settings, keep_lines: bool) -> None:
    import signal

    # Ctrl-C is the parent's to handle: it stops the pool, instead of every worker
    # printing its own traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    global _worker
    _worker = _Worker(settings, keep_lines)


def _lint_chunk(chunk: list[Target]) -> list[FileResult]:
    assert _worker is not None, "worker used before _init_worker"
    return [_worker.lint(target) for target in chunk]


def _targets(
    targets: Iterable[Target | tuple[Path | None, str]], settings: Settings
) -> Iterator[Target]:
    for target in targets:
        if not isinstance(target, Target):
            target = Target(*target)
        if target.path is None and target.data is None:
            # Standard input is read here (workers must not touch the parent's input), no
            # more than one byte past the size limit: enough to know it is too large.
            limit = (target.settings or settings).max_bytes
            target = replace(target, data=sys.stdin.buffer.read(limit + 1))
        yield target


def _context():
    """Fork where it is safe and cheap (Linux: workers inherit the imported modules)."""
    import multiprocessing

    if sys.platform == "linux":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def lint_many(
    targets: Iterable[Target | tuple[Path | None, str]],
    settings: Settings,
    jobs: int | None = None,
    *,
    keep_lines: bool = True,
) -> Iterator[FileResult]:
    """Check every target, yielding results in input order as they are ready.

    ``targets``: ``Target`` objects, or ``(path, display)`` pairs as ``engine.discover``
    yields them (``path`` None: standard input). ``settings``: the run's settings, whose
    ``select``/``ignore`` are code prefixes as on the command line (empty ``select``: all
    rules); targets may carry their own resolved settings. ``jobs``: worker processes (None:
    all cores; 1: in this process). ``keep_lines``: keep the lines findings point at (the
    human format shows them). A bad rule selection raises ``UsageError`` before any file is read.
    """
    settings = replace(settings, select=select_codes(settings.select, settings.ignore), ignore=[])
    jobs = default_jobs() if jobs is None or jobs < 1 else jobs
    items = _targets(targets, settings)
    head = list(islice(items, SERIAL_BELOW))
    worker = _Worker(settings, keep_lines)
    if jobs == 1 or len(head) < SERIAL_BELOW:
        for target in chain(head, items):
            yield worker.lint(target)
        return
    # The first file is checked here before the workers fork: they inherit what it warmed
    # up (the outline parser, the converters, compiled patterns) instead of each building it.
    yield worker.lint(head[0])
    yield from _pooled(chain(head[1:], items), settings, jobs, keep_lines)


def _chunks(targets: Iterator[Target]) -> Iterator[list[Target]]:
    while chunk := list(islice(targets, CHUNK)):
        yield chunk


def _pooled(
    targets: Iterator[Target], settings: Settings, jobs: int, keep_lines: bool
) -> Iterator[FileResult]:
    """The ordered window over a process pool: submit ahead, yield the oldest chunk first."""
    from concurrent.futures import ProcessPoolExecutor

    chunks = _chunks(targets)
    pending: deque[Future[list[FileResult]]] = deque()
    with ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=_context(),
        initializer=_init_worker,
        initargs=(settings, keep_lines),
    ) as pool:
        try:
            for chunk in islice(chunks, jobs * IN_FLIGHT_PER_WORKER):
                pending.append(pool.submit(_lint_chunk, chunk))
            while pending:
                results = pending.popleft().result()
                nxt = next(chunks, None)
                if nxt is not None:
                    pending.append(pool.submit(_lint_chunk, nxt))
                yield from results
        finally:
            for future in pending:
                future.cancel()
