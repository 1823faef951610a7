"""Generate ``xxgk_lint/outline_parser.py``: the outline grammar as a stand-alone Lark parser.

Importing Lark and loading a parser costs a one-file run more time than parsing its outline,
so the package ships the parser that Lark's stand-alone generator builds from
``xxgk_lint/grammars/outline.lark``. The generated module records the grammar's digest;
``outline.py`` uses it only while the digest matches the grammar beside it (else it builds the
parser with Lark), and a test fails when the committed module is stale. (Lark numbers the
parser's states in an order that varies between runs, so staleness is told by the digest,
not by comparing the text.)

    python tools/generate_parser.py            # write xxgk_lint/outline_parser.py
    python tools/generate_parser.py --check    # exit 1 when the committed module is stale
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

import lark
from lark.tools.standalone import gen_standalone

from xxgk_lint.outline import GRAMMAR_PATH, PARSER_OPTIONS, grammar_digest

TARGET = Path(__file__).resolve().parent.parent / "xxgk_lint" / "outline_parser.py"
HEADER = '''"""The outline parser, generated from grammars/outline.lark: do not edit.

Regenerate with ``python tools/generate_parser.py`` after changing the grammar.
"""
GRAMMAR_SHA256 = "{digest}"

'''


def generate() -> str:
    """The module's source text."""
    grammar = GRAMMAR_PATH.read_text("utf-8")
    out = io.StringIO()
    out.write(HEADER.format(digest=grammar_digest(grammar)))
    gen_standalone(lark.Lark(grammar, **PARSER_OPTIONS), out=out)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report a stale module")
    args = parser.parse_args(argv)
    if args.check:
        from xxgk_lint import outline_parser

        if grammar_digest(GRAMMAR_PATH.read_text("utf-8")) != outline_parser.GRAMMAR_SHA256:
            print(f"{TARGET} is stale: run python tools/generate_parser.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(generate(), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
