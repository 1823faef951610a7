"""Errors that end a run or skip a file with one clear line (exit code 2)."""

from __future__ import annotations


class XxgkLintError(Exception):
    """Base of the errors the command line reports as one line, without a traceback."""


class InputError(XxgkLintError):
    """A file that cannot be read as a report: names the file and the problem."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class UsageError(XxgkLintError):
    """A command-line or configuration mistake."""
