"""Rule documentation rendered from the checks themselves (``xxgk-lint rules``, ``rule CODE``).

Every page comes from the ``Check`` class: its code, name, default severity, editions,
fixability, ``RuleDoc`` and messages, so the documentation cannot drift from the rule.
Pages are Markdown, in Chinese or English, in the manner of ``ruff rule``.
"""

from __future__ import annotations

import json

from .check import Check, all_checks
from .errors import UsageError

_LABELS = {
    "zh": {
        "colon": "：",
        "severity": "默认级别",
        "editions": "适用版本",
        "all_editions": "全部（2007、2019、2021）",
        "fix": "自动修复",
        "what": "检查内容",
        "why": "为什么",
        "example": "示例",
        "fires": "会报告：",
        "passes": "不会报告：",
        "messages": "提示信息",
        "help": "修改建议",
        "none": "不支持",
        "safe": "支持（安全修复）",
        "unsafe": "支持（不安全修复，需人工确认）",
    },
    "en": {
        "colon": ": ",
        "severity": "Default severity",
        "editions": "Editions",
        "all_editions": "all (2007, 2019, 2021)",
        "fix": "Fix",
        "what": "What it finds",
        "why": "Why it matters",
        "example": "Example",
        "fires": "Reported:",
        "passes": "Not reported:",
        "messages": "Messages",
        "help": "How to fix",
        "none": "not available",
        "safe": "available (safe)",
        "unsafe": "available (unsafe: review the change)",
    },
}


def rule_summary(check: type[Check]) -> dict:
    """The facts of a rule that the listing shows (and ``--format json`` prints)."""
    return {
        "code": check.code,
        "name": check.name,
        "severity": check.severity.value,
        "editions": list(check.editions) or ["2007", "2019", "2021"],
        "fixable": check.fixable,
    }


def rules_json() -> str:
    return json.dumps(
        [rule_summary(c) for c in all_checks().values()], ensure_ascii=False, indent=2
    )


def rules_table() -> str:
    """A plain-text table of every registered rule: code, name, severity, editions, fix."""
    header = ("code", "name", "severity", "editions", "fix")
    rows = [
        (s["code"], s["name"], s["severity"], ", ".join(s["editions"]), s["fixable"])
        for s in map(rule_summary, all_checks().values())
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in [header, *rows]
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def find_rule(code: str) -> type[Check]:
    """The check registered under ``code`` (case-insensitive); UsageError when there is none."""
    check = all_checks().get(code.strip().upper())
    if check is None:
        raise UsageError(f"unknown rule code: {code}")
    return check


def render_rule(check: type[Check], lang: str = "zh") -> str:
    """A rule's documentation page as Markdown."""
    t = _LABELS["en" if lang == "en" else "zh"]
    doc = check.doc
    what, why = (doc.what_en, doc.why_en) if lang == "en" else (doc.what_zh, doc.why_zh)
    editions = ", ".join(check.editions) if check.editions else t["all_editions"]
    out = [
        f"# {check.name} ({check.code})",
        "",
        f"{t['severity']}{t['colon']}{check.severity.value}",
        f"{t['editions']}{t['colon']}{editions}",
        f"{t['fix']}{t['colon']}{t[check.fixable]}",
        "",
        f"## {t['what']}",
        "",
        what,
        "",
        f"## {t['why']}",
        "",
        why,
        "",
        f"## {t['example']}",
        "",
        t["fires"],
        "",
        "```text",
        doc.fires,
        "```",
        "",
        t["passes"],
        "",
        "```text",
        doc.passes,
        "```",
        "",
        f"## {t['messages']}",
        "",
    ]
    out += [f"- {(m.en if lang == 'en' else m.zh)}" for m in check.messages.values()]
    if check.help:
        out += ["", f"## {t['help']}", "", check.help.en if lang == "en" else check.help.zh]
    return "\n".join(out) + "\n"
