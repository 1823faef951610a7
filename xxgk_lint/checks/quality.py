"""Q001 thin-problems-part: the part on problems and improvements says nothing.

Evaluators single out a 存在的主要问题及改进情况 part that is empty, says 无, or is a line of
boilerplate: the regulation asks for the problems found *and* how they are being fixed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from ..check import Check, Message, RuleDoc
from ..chrome import is_chrome
from ..diagnostic import Diagnostic, Severity
from ..document import Document
from ..outline import Section
from .structure import analyse

MIN_CHARS = 12
"""Fewer characters than this (punctuation and blanks not counted) cannot name a problem and
a measure: 更新不及时，将加强督查 has ten."""

_WORDS = re.compile(r"[\W_]+")
_NOTHING = re.compile(r"(?:本年度?|今年)?(?:暂)?(?:无|没有|未发现)(?:问题|明显问题|相关问题|情况)?")
# A named problem: a shortfall word that says what falls short (不够及时, 偏少), not one that
# only says that something does (问题, 不足, 差距: 工作中还存在一些不足 names nothing).
_PROBLEM = re.compile(
    r"不够|不到位|不及时|不规范|不完善|不全面|不高|不强|不深|不细|不足以"
    r"|有待|尚需|仍需|还需|滞后|偏少|较少|单一|参差不齐|不平衡"
    r"|较慢|缓慢|陈旧|过时|不统一|不一致|不畅|较弱|偏弱|较低|偏低|未能|尚未|难以"
    r"|薄弱|欠缺|缺乏|缺少|短板|弱项|不严|不紧密|不充分|不精准|不深入|不透|不明显|不力|不准确"
    r"|不熟悉|超期|逾期|[率度]低|回应少"
    r"|(?:问题|不足)(?:主要)?(?:是|有|表现在|体现在)|主要(?:问题|不足)(?!及|和|与)"
)
# A named improvement: a measure or a commitment.
_IMPROVEMENT = re.compile(
    r"改进|整改|措施|加强|完善|提升|提高|强化|健全|加大|优化|规范|推进|落实|建立|下一步|今后|将"
)


def part_text(doc: Document, section: Section) -> str:
    """Everything a part says: run-in text, body, sub-headings and their content, tables."""
    pieces = [section.heading.inline]
    for sub in section.walk():
        if sub is not section:
            pieces.append(sub.heading.title + sub.heading.inline)
        pieces.extend(doc.lines[i].norm for i in sub.body if not is_chrome(doc.lines[i].norm))
        pieces.extend(doc.lines[i].norm for t in sub.tables for i in t.lines)
    return "".join(pieces)


def judge(text: str) -> str | None:
    """Why a problems part is thin ("empty", "nothing", "thin"), or None when it is not."""
    words = _WORDS.sub("", text)
    if not words:
        return "empty"
    if _NOTHING.fullmatch(words):
        return "nothing"
    if len(words) < MIN_CHARS or not (_PROBLEM.search(words) and _IMPROVEMENT.search(words)):
        return "thin"
    return None


class ThinProblemsPart(Check):
    code = "Q001"
    name = "thin-problems-part"
    severity = Severity.WARNING
    messages: ClassVar[dict[str, Message]] = {
        "empty": Message(
            "“存在的主要问题及改进情况”部分没有内容",
            "The part on main problems and improvements is empty",
        ),
        "nothing": Message(
            "“存在的主要问题及改进情况”部分只写了“{text}”，没有说明问题和改进措施",
            "The part on main problems and improvements only says '{text}', naming no problem and "
            "no improvement",
        ),
        "thin": Message(
            "“存在的主要问题及改进情况”部分过于简略，未同时写明存在的问题和改进措施",
            "The part on main problems and improvements is too thin to name both a problem and an "
            "improvement",
        ),
    }
    help = Message(
        "具体写明本年度工作中存在的主要问题，以及针对每个问题的改进措施",
        "Name the year's main problems and, for each, what is being done about it",
    )
    doc = RuleDoc(
        what_zh="“存在的主要问题及改进情况”部分为空、只写“无”“暂无”，或者过于简略"
        f"（去掉标点后不足{MIN_CHARS}字，或没有同时写到问题和改进措施）。",
        what_en="The problems part (section key problems) is empty, only says 无 or 暂无, or is too"
        " "
        f"short to name a problem and an improvement (under {MIN_CHARS} characters without "
        "punctuation, or naming only one of the two).",
        why_zh="《政府信息公开条例》第五十条第四项要求报告“政府信息公开工作存在的主要问题及改进情"
        "况”；国办公开办函〔2021〕30号把“敷衍塞责”列为追责情形，第三方评估也把这一部分空缺或泛泛而"
        "谈列为常见问题。",
        why_en="Art. 50(4) of the regulation requires the main problems and the improvements made; "
        "国办公开办函〔2021〕30号 holds people accountable for perfunctory reports, and evaluators "
        "single out an empty or generic problems part.",
        fires="五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项",
        passes="五、存在的主要问题及改进情况\n政策解读形式较为单一，图解、视频解读偏少。下一步将联"
        "合业务科室制作图解材料，提高解读的可读性。\n六、其他需要报告的事项",
    )

    def run(self, doc: Document) -> Iterator[Diagnostic]:
        section = doc.derived(analyse).headed.get("problems")
        if section is None:
            return
        text = part_text(doc, section)
        measures = _measures_part(doc, section)
        verdict = judge(text + part_text(doc, measures) if measures else text)
        if verdict:
            h = section.heading
            said = _as_written(doc, section) if verdict == "nothing" else ""
            yield self.diagnostic(h.start, h.title_end, verdict, text=said)


_MEASURES_HEADING = re.compile(r"改进|整改|下一步|工作(?:打算|计划|思路|安排)|努力方向")


def _measures_part(doc: Document, section: Section) -> Section | None:
    """The part right after a problems part when it holds the improvements (六、存在的主要问题
    then 七、改进措施): the two together answer what the regulation asks."""
    siblings = doc.outline.sections
    for parent in (s for top in doc.outline.sections for s in top.walk()):
        if section in parent.children:
            siblings = parent.children
    if section not in siblings:
        return None
    at = siblings.index(section)
    after = siblings[at + 1] if at + 1 < len(siblings) else None
    if after is not None and _MEASURES_HEADING.search(after.heading.title):
        return after
    return None


def _as_written(doc: Document, section: Section) -> str:
    """What a part says after its heading, as the report writes it (暫無, not the 暂无 it was
    judged by), lines joined, the punctuation closing a run-in heading left out."""
    end = doc.lines[section.last_line].end
    lines = doc.source.text[section.heading.title_end : end].splitlines()
    return "".join(line.strip() for line in lines).lstrip("。．.：:，,、 \u3000")
