"""P001–P002: personal information a published report must not carry.

A report sometimes names the applicant of a case or the clerk to call, with a resident
identity number or a mobile number. Both are personal information; the report should give
office telephone numbers instead. Numbers are read on the normalised line (full-width
digits folded) and reported masked, so the message does not repeat what it warns about.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import ClassVar

from ..check import Check, Message, RuleDoc
from ..diagnostic import Diagnostic, Severity
from ..document import Document
from ..lazyre import lazy

_WHY_ZH = (
    "《政府信息公开条例》第十五条：涉及个人隐私等公开会对第三方合法权益造成损害的政府信息，行政机关不得公开；"
    "《个人信息保护法》第三十四条：国家机关处理个人信息不得超出履行法定职责所必需的范围和限度。"
)
_WHY_EN = (
    "Article 15 of the Regulations: information whose disclosure would harm a third party's "
    "privacy must not be published; Article 34 of the Personal Information Protection Law: "
    "state organs may not process personal information beyond what their duties require."
)

_ID = lazy(
    r"(?<![0-9A-Za-z])(\d{6})( ?)(\d{8})\2(\d{3}[\dX])(?![0-9A-Za-z])(?!\2\d)", re.IGNORECASE
)
"""An identity number, written in one run or in its 6-8-4 groups (region, birth date,
sequence and check) with single blanks between them: 360721 19850312 0417."""
_NOT_AN_ID_BEFORE = lazy(
    r"(编号|编码|流水号|单号|索引号|档案号|案号|批号|序号|条码)\s*[:为是]?\s*$"
)
"""Labels of serial numbers (受理编号, 告知书编号, 档案号): an 18-digit serial number holding a
date passes the check digit one time in eleven."""
_PERSON_LABEL = lazy(r"身份|证件|公民")
"""What a label of an identity number holds (身份证编号, 证件号码)."""
_ID_DIGITS = re.compile(r"\d{17}|\d{6} \d{8} \d")  # what one holds, for finding its lines
_ID_SPACED_AFTER_DIGITS = re.compile(r"\d $")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_PROVINCES = frozenset(
    {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46}
    | {50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83, 91}
)
_MOBILE = lazy(
    r"(?<![0-9A-Za-z])(?<![0-9]-)(?:(?:\+|00)?86[-\s]?)?"
    r"(1[3-9]\d)([-\s]?)(\d{4})\2(\d{4})(?![-\s]?\d)(?![A-Za-z])"
)
_GROUPS_BEFORE = re.compile(r"\d\s$")
"""A digit group right before a number written in groups (138 0013 8000): the number may be
the end of a longer run of groups (a card number), not a telephone number of its own."""
_MOBILE_PREFIX = re.compile(r"1[3-9]\d")  # what a mobile number holds, for finding its lines
_NOT_A_PHONE_BEFORE = lazy(
    r"(信用代码|编号|编码|文号|索引号|账号|帐号|卡号|单号|批号|证号|注册号|流水号|代码|序号)\s*[:为是]?\s*$"
)
_NOT_A_PHONE_AFTER = lazy(r"\s*(元|件|条|人|号|个|次|万|亿|份|项|户|吨|米|册|张)")
_CONTEXT = 12


def id_number_valid(number: str, today: date | None = None) -> bool:
    """An 18-character resident identity number: known province, real birth date in the
    past, and the ISO 7064 MOD 11-2 check character."""
    number = number.upper()
    if int(number[:2]) not in _PROVINCES:
        return False
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    if not date(1900, 1, 1) <= born <= (today or date.today()):
        return False
    total = sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS, strict=False))
    return _ID_CHECK[total % 11] == number[17]


def _serial_number(norm: str, start: int) -> bool:
    """Whether the number at ``start`` follows the label of a serial number, not of a person."""
    before = norm[max(0, start - _CONTEXT) : start]
    return bool(_NOT_AN_ID_BEFORE().search(before)) and not _PERSON_LABEL().search(before)


def _masked(digits: str) -> str:
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


class PersonalIdNumber(Check):
    code = "P001"
    name = "personal-id-number"
    severity = Severity.ERROR
    messages: ClassVar[dict[str, Message]] = {
        "default": Message(
            "报告中出现居民身份证号码（{masked}），属于个人信息，不应公开",
            "A resident identity number ({masked}) appears in the report; it is personal "
            "information and must not be published",
        )
    }
    help = Message(
        "删除身份证号码，或只保留前后几位并以*遮盖其余部分",
        "Remove the identity number, or mask all but a few digits with *",
    )
    doc = RuleDoc(
        what_zh="18位居民身份证号码：省级行政区划代码有效、出生日期真实、"
        "校验码符合 ISO 7064 MOD 11-2，且不在更长的数字串中，也不在受理编号、档案号等编号标签之后；"
        "连写或按 6-8-4 分组、组间各空一格"
        "（360721 19850312 0417）均可。"
        "15位旧号码没有校验码，与15位的旧工商注册号等编号无法区分，"
        "且已于2013年停止使用，故不检查。",
        what_en="An 18-character resident identity number: a real province code, a real birth date "
        "and a valid ISO 7064 MOD 11-2 check character, not inside a longer run of digits nor "
        "after the label of a serial number (受理编号, 档案号); "
        "written in one run or in its 6-8-4 groups with single blanks between them "
        "(360721 19850312 0417). "
        "Old 15-digit numbers carry no check digit, cannot be told from other 15-digit codes "
        "(old business registration numbers) and went out of use in 2013, so they are not checked.",
        why_zh=_WHY_ZH,
        why_en=_WHY_EN,
        fires="申请人张某（身份证号110101199003074514）于3月提出申请。",
        passes="申请人张某（身份证号110101********4514）于3月提出申请。",
    )

    def run(self, doc: Document) -> Iterator[Diagnostic]:
        for line in doc.lines_with(_ID_DIGITS):
            norm = line.norm
            for m in _ID().finditer(norm):
                if m.group(2) and _ID_SPACED_AFTER_DIGITS.search(norm, 0, m.start()):
                    continue  # the end of a longer run of spaced digit groups
                number = m.group(1) + m.group(3) + m.group(4)
                if id_number_valid(number) and not _serial_number(norm, m.start()):
                    start, end = line.orig_span(*m.span())
                    yield self.diagnostic(start, end, masked=_masked(number.upper()))


class PersonalMobileNumber(Check):
    code = "P002"
    name = "personal-mobile-number"
    severity = Severity.WARNING
    messages: ClassVar[dict[str, Message]] = {
        "default": Message(
            "报告中出现手机号码（{masked}），应改用办公电话",
            "A mobile number ({masked}) appears in the report; "
            "give an office telephone number instead",
        )
    }
    help = Message(
        "将个人手机号码替换为单位办公电话或政务服务热线",
        "Replace the personal mobile number with an office line or the public service hotline",
    )
    doc = RuleDoc(
        what_zh="11位大陆手机号码（1[3-9]开头，含 138 0013 8000、138-0013-8000、+86 等写法）。"
        "固定电话（0558-2264424）、服务热线（12345）、统一社会信用代码、身份证号、文号和更长数字串中的数字不算。",
        what_en="An 11-digit mainland mobile number (1[3-9]…, also written 138 0013 8000, "
        "138-0013-8000 or with +86). Landlines (0558-2264424), hotlines (12345), unified social "
        "credit codes, identity numbers, document numbers and longer digit runs do not count.",
        why_zh=_WHY_ZH,
        why_en=_WHY_EN,
        fires="咨询电话：13912345678（李某）。",
        passes="咨询电话：0551-62601234，或拨打12345政务服务热线。",
    )

    def run(self, doc: Document) -> Iterator[Diagnostic]:
        for line in doc.lines_with(_MOBILE_PREFIX):
            norm = line.norm
            for m in _MOBILE().finditer(norm):
                if _NOT_A_PHONE_BEFORE().search(norm[max(0, m.start() - _CONTEXT) : m.start()]):
                    continue
                if _NOT_A_PHONE_AFTER().match(norm, m.end()):
                    continue
                if m.group(2) and _GROUPS_BEFORE.search(norm, 0, m.start()):
                    continue
                digits = m.group(1) + m.group(3) + m.group(4)
                start, end = line.orig_span(*m.span())
                yield self.diagnostic(start, end, masked=_masked(digits))
