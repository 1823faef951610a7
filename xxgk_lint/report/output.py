"""Where a run's output goes: standard output, or a file written whole or not at all.

Output files are checked before any report is read, so a run that could not write its output,
or would overwrite a report it checks, stops at once with one line instead of after minutes
of work; a device or a pipe (``/dev/stdout``, a FIFO) is written as it is, never replaced.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from ..errors import XxgkLintError


class OutputError(XxgkLintError):
    """An output that cannot, or must not, be written: names the file and the problem."""


def check_target(path: Path, option: str, inputs: Iterable[str]) -> None:
    """Refuse ``path`` as the file of ``option`` when it is a folder or one of the reports
    the run checks (``inputs`` as given on the command line): the user's reports are never
    overwritten by a report about them."""
    if path.is_dir():
        raise OutputError(f"{path}: {option} names a folder, not a file")
    if path.is_file() and any(_checks(raw, path) for raw in inputs if raw != "-"):
        raise OutputError(
            f"{path}: {option} names a report this run checks; it would be overwritten"
        )


def _checks(raw: str, path: Path) -> bool:
    """Whether checking ``raw`` (a file or a folder) reads the file ``path``."""
    from ..engine import REPORT_SUFFIXES

    named = Path(raw)
    if not named.is_dir():
        return named.exists() and os.path.samefile(named, path)
    if path.suffix.lower() not in REPORT_SUFFIXES:
        return False
    for inside, folder in ((path.absolute(), named.absolute()), _real(path, named)):
        if inside.is_relative_to(folder):
            parts = inside.relative_to(folder).parts
            return not any(part.startswith(".") for part in parts)
    return False


def _real(path: Path, folder: Path) -> tuple[Path, Path]:
    return Path(os.path.realpath(path)), Path(os.path.realpath(folder))


def cannot_write(name: str | Path, exc: OSError) -> OutputError:
    return OutputError(f"{name}: cannot write the output: {exc.strerror or exc}")


class Guarded:
    """A text stream whose write errors end the run with one line naming it (a full disk, a
    closed terminal), instead of an internal error; a closed pipe (``| head``) stays quiet."""

    def __init__(self, stream: TextIO, name: str) -> None:
        self._stream = stream
        self._name = name

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError as exc:
            raise self._problem(exc) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as exc:
            raise self._problem(exc) from None

    def _problem(self, exc: OSError) -> OSError | OutputError:
        return exc if exc.errno == errno.EPIPE else cannot_write(self._name, exc)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


@contextmanager
def open_output(target: Path | TextIO | None) -> Iterator[TextIO]:
    """Standard output (or the stream given), or the file ``target``: a regular file gets a
    temporary file beside it renamed onto it when the output is complete (a failed run never
    leaves half a file, and a symbolic link keeps pointing at it); a device or a pipe is
    written directly."""
    if target is None or not isinstance(target, Path):
        yield Guarded(target or sys.stdout, "standard output")  # type: ignore[misc]
        return
    real = Path(os.path.realpath(target))
    if real.exists() and not real.is_file():
        with _opened(real, target) as out:
            yield out
        return
    partial = real.with_name(f".{real.name}.{os.getpid()}.tmp")
    try:
        try:
            real.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise cannot_write(target, exc) from None
        with _opened(partial, target) as out:
            yield out
        try:
            os.replace(partial, real)
        except OSError as exc:
            raise cannot_write(target, exc) from None
    finally:
        with contextlib.suppress(OSError):  # none was made, or its folder cannot be made
            partial.unlink()


@contextmanager
def _opened(path: Path, shown: Path) -> Iterator[TextIO]:
    """``path`` open for writing, its errors (at opening, writing or the last flush) told
    as ``shown``'s."""
    try:
        stream = path.open("w", encoding="utf-8")
    except OSError as exc:
        raise cannot_write(shown, exc) from None
    guarded = Guarded(stream, str(shown))
    try:
        yield guarded  # type: ignore[misc]
        guarded.flush()
    finally:
        with contextlib.suppress(OSError):
            stream.close()
