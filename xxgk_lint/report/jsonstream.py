"""Writing a JSON document one list item at a time, byte for byte as ``json.dump(indent=2)``
would write it whole, so the JSON formats need not hold every result of a run."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any, TextIO

_MARK = "\x00xxgk-lint: streamed list\x00"  # no real value holds NULs around this text
_MARK_JSON = json.dumps(_MARK)
INDENT = "  "


def dumps(value: Any, level: int = 0) -> str:
    """``value`` as ``json.dump(indent=2, ensure_ascii=False)`` writes it at nesting ``level``."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return text.replace("\n", "\n" + INDENT * level) if level else text


def _split(document: Any) -> tuple[str, str, int]:
    """The text before and after the marked list, and the nesting level of that list."""
    head, tail = dumps(document).split(_MARK_JSON, 1)
    line = head.rpartition("\n")[2]
    return head, tail, (len(line) - len(line.lstrip(" "))) // len(INDENT)


def write_document(out: TextIO, skeleton: Callable[[str], Any], items: Iterable[Any]) -> None:
    """Write ``skeleton(mark)`` with ``items`` written in place of ``mark`` as they come.

    ``skeleton`` is called twice: before the items (for the text before the list) and after
    them (for the text after it), so values after the list may hold totals of the items.
    A final newline follows, as the renderers have always written one.
    """
    head, _, level = _split(skeleton(_MARK))
    out.write(head)
    inner = "\n" + INDENT * (level + 1)
    written = False
    for item in items:
        out.write(("," if written else "[") + inner + dumps(item, level + 1))
        written = True
    out.write("\n" + INDENT * level + "]" if written else "[]")
    _, tail, _ = _split(skeleton(_MARK))
    out.write(tail + "\n")
