"""Garbled text: what broken encodings and lossy conversions leave in a report.

Four kinds, each found on one line of the original text:

- ``replacement``: U+FFFD, the mark a decoder leaves for bytes it could not read;
- ``private-use``: characters of the private-use areas (self-made glyphs of one font,
  meaningless anywhere else);
- ``question``: a half-width ``?`` standing for a character an encoder could not write
  (清河?路, 情况?;活), told apart from a real question mark by what surrounds it;
- ``mojibake``: a run that becomes ordinary Chinese when re-encoded with the codec it was
  wrongly decoded with (UTF-8 read as GBK: 鍦ㄦ垜浠 → 在我们; UTF-8 read as Latin-1:
  é¦–é¡µ → 首页; GBK read as Latin-1: Õþ¸® → 政府). Re-decoding, not a word list, decides.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .cjk import HAN_CLASS, common_chars, common_ratio, is_common, is_han, simplified
from .lazyre import lazy

_REPLACEMENT = re.compile("\ufffd+")
_PRIVATE_USE = re.compile("[\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]+")
_QUESTIONS = re.compile(r"\?+")
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
_JUNK = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ;|)]}>" + _TONED)
"""Characters that cannot follow a real question mark at once: letters glued to it, and
the left-overs of a broken pinyin reading (?xùn)|)."""
_CLOSERS = set(")]")  # may close a bracketed question: (是否公开?)
_QUESTION_WORD = lazy(
    r"吗|呢|么|怎|如何|为何|为什么|何以|哪|谁|几|多少|是否|能否|可否|有没有|是不是|难道|岂"
)
_CLAUSE_BREAK = lazy(r"[。！？!；;\n]")
_LOOKAHEAD = 6  # characters scanned past a garbled ? for more debris (?;顒悠陂g)
_CP1252_EXTRA = (
    "\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e"
    "\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
)
_LATIN_RUN = re.compile(f"[\u0080-\u00ff{_CP1252_EXTRA}]{{2,}}")
"""Runs of Latin-1 and Windows-1252 characters: the alphabet of UTF-8 or GBK read as Latin-1."""
_WIDE_RUN = re.compile(r"[^\x00-\x7f\s]{3,}")


class Garble(NamedTuple):
    """A garbled span of a line: offsets into that line, its kind and, for mojibake, the
    text it was most likely meant to be."""

    start: int
    end: int
    kind: str
    meant: str = ""


def find_garbles(line: str) -> list[Garble]:
    """Every garbled span of one line, in order, without overlaps."""
    suspects = _suspects().findall(line)
    if not suspects:
        return []  # plain text: nothing any kind of garble is made of
    found = [Garble(*m.span(), "replacement") for m in _REPLACEMENT.finditer(line)]
    found += [Garble(*m.span(), "private-use") for m in _PRIVATE_USE.finditer(line)]
    found += _mojibake(line, {ch for ch in suspects if ch != "?" and not is_common(ch)})
    found += [g for m in _QUESTIONS.finditer(line) if (g := _question(line, *m.span()))]
    found.sort(key=lambda g: (g.start, -g.end))
    kept: list[Garble] = []
    for g in found:
        if not kept or g.start > kept[-1].end:
            kept.append(g)
        elif g.start == kept[-1].end:
            kept[-1] = _joined(kept[-1], g)
    return kept


def _joined(first: Garble, second: Garble) -> Garble:
    """Two garbles that touch, as one: a mis-decoded line breaks into pieces of mojibake
    and replacement characters (鍖椾含甯傛捣娣�鍖�), which are one defect to a reader."""
    kinds = {first.kind, second.kind}
    kind = first.kind if len(kinds) == 1 else "mojibake"
    meant = (first.meant or "…") + (second.meant or "…")
    meant = re.sub("…+", "…", meant) if kind == "mojibake" and meant.strip("…") else ""
    return Garble(first.start, second.end, kind, meant)


def is_garbled_question(line: str, start: int, end: int) -> bool:
    """True when the ``?`` run at [start, end) of ``line`` stands for lost characters."""
    return _question(line, start, end) is not None


def _question(line: str, start: int, end: int) -> Garble | None:
    left = line[start - 1] if start else ""
    right = line[end] if end < len(line) else ""
    left_han, right_han = is_han(left), is_han(right)
    if end - start >= 2 and (left_han or right_han):
        needs_check = False  # 清河??路: a real question does not double its mark
    elif left_han and right in _JUNK:
        needs_check = right in _CLOSERS
    elif (left_han and (right_han or right.isdigit())) or (left.isdigit() and right_han):
        needs_check = True
    else:
        return None
    if needs_check and _is_question(line[:start]):
        return None
    return Garble(start, _debris_end(line, end), "question")


def _is_question(before: str) -> bool:
    """Whether the clause a ``?`` closes asks something (has an interrogative word)."""
    breaks = list(_CLAUSE_BREAK().finditer(before))
    clause = before[breaks[-1].end() :] if breaks else before
    return _QUESTION_WORD().search(simplified(clause)) is not None


def _debris_end(line: str, end: int) -> int:
    """End of the debris after a garbled ``?``: glued letters and brackets, and a stray
    letter glued to a Han character a few characters on (?;顒悠陂g)."""
    while end < len(line) and line[end] in _JUNK:
        end += 1
    limit = min(len(line), end + _LOOKAHEAD)
    for i in range(end, limit):
        ch = line[i]
        if ch.isspace() or not (is_han(ch) or ch in _JUNK):
            break
        if ch in _JUNK and is_han(line[i - 1]):
            end = i + 1
            while end < len(line) and line[end] in _JUNK:
                end += 1
            break
    return end


def _mojibake(line: str, rare: set[str]) -> list[Garble]:
    """Mojibake of one line; ``rare``: its characters that are neither ASCII, common nor CJK
    punctuation. A run without one has a plain ratio of 1 in every stretch (_plain_ratio): it
    cannot be UTF-8 read as GBK."""
    found = []
    for m in _WIDE_RUN.finditer(line) if rare else ():
        if not rare.isdisjoint(m.group()):
            found += _scan_run(m.group(), m.start(), "gbk", _utf8_as_gbk)
    for m in _LATIN_RUN.finditer(line):
        if len(set(m.group())) < 2 or not any(ch.isalpha() for ch in m.group()):
            continue  # dot leaders (·····), repeated marks (××××): deliberate, not mojibake
        found += _scan_run(m.group(), m.start(), "cp1252", _utf8_as_latin)
        if not found or found[-1].end <= m.start():
            found += _gbk_as_latin(m.group(), m.start())
    return found


def _encode(ch: str, codec: str) -> bytes | None:
    try:
        return ch.encode(codec)
    except UnicodeEncodeError:
        if codec == "cp1252" and ord(ch) <= 0xFF:
            return ch.encode("latin-1")  # C1 controls: bytes cp1252 leaves undefined
        return None


def _scan_run(run: str, base: int, codec: str, accept) -> list[Garble]:
    """Re-encode ``run`` with ``codec`` and look for stretches that decode as UTF-8.

    Every start is tried because mojibake can begin mid-run; a stretch is reported when
    ``accept(source, decoded)`` judges the decoded text to be what the source once was.
    """
    pieces = [_encode(ch, codec) for ch in run]
    found: list[Garble] = []
    i = 0
    while i < len(run):
        if not _may_start_utf8(pieces, i):
            i += 1
            continue
        j = i
        while j < len(run) and pieces[j] is not None:
            j += 1
        decoded, truncated, whole = _decode_from(pieces, i, j)
        decoded = _TEXT_PREFIX().match(decoded).group() if codec == "gbk" else decoded
        used = len(decoded.encode("utf-8"))
        end, total = i, 0
        while end < j and total < used:
            total += len(pieces[end])
            end += 1
        cut = whole and truncated > 0 and used == sum(map(len, pieces[i:j])) - truncated
        if (decoded and accept(run[i:end], decoded)) or (
            cut and codec == "gbk" and _cut_by_replacement(run, i, j, decoded)
        ):
            if cut:
                end = j  # the run ends inside a character whose last bytes were lost
            floor = found[-1].end - base if found else 0
            start, before = _extend_back(pieces, i, floor, codec)
            found.append(Garble(base + start, base + end, "mojibake", _meant(before + decoded)))
            i = end
        else:
            i += 1
    return found


_BACK = 8  # characters looked at before an accepted stretch for its beginning


def _extend_back(pieces: list[bytes | None], i: int, floor: int, codec: str) -> tuple[int, str]:
    """Where mojibake accepted from piece ``i`` really starts, and what the pieces before
    ``i`` decode to. Its first characters may be common ones (鍘挎斂 is UTF-8 县政 read as
    GBK): the stretch grows back over pieces that decode, to their last byte, as text of the
    same kind (Chinese for GBK) right up to ``i``."""
    best, text = i, ""
    for k in range(i - 1, max(floor, i - _BACK) - 1, -1):
        if pieces[k] is None:
            break
        data = b"".join(pieces[k:i])  # type: ignore[arg-type]
        try:
            decoded = data.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if codec != "gbk" or (_TEXT_PREFIX().fullmatch(decoded) and any(map(is_han, decoded))):
            best, text = k, decoded
    return best, text


def _cut_by_replacement(run: str, i: int, j: int, decoded: str) -> bool:
    """UTF-8 read as GBK where the decoder gave up: characters that decode, to their last
    byte, to Chinese up to a replacement character, where the rest of the last character's
    bytes were lost (鍖烘斂搴滄寜鐓� is 区政府按 and the start of 照). Being cut off in the
    middle of a character right at a U+FFFD is evidence enough for two common characters; a
    shorter stretch (鏃犮� is 无。, 寮� the start of 开) must be made of rare characters."""
    if j >= len(run) or run[j] != "\ufffd":
        return False
    if not all(is_han(ch) or _is_cjk_symbol(ch) for ch in decoded):
        return False
    if sum(map(is_han, decoded)) >= 2 and common_ratio(decoded) >= 0.75:
        return True
    return _plain_ratio(run[i:j]) == 0


def _may_start_utf8(pieces: list[bytes | None], i: int) -> bool:
    """Whether a multi-byte UTF-8 character can start at piece ``i`` (a cheap first test
    that rules out nearly every start in real text)."""
    piece = pieces[i]
    if piece is None or not 0xC2 <= piece[0] <= 0xEF:
        return False
    if len(piece) > 1:
        follow = piece[1]
    elif i + 1 < len(pieces) and pieces[i + 1]:
        follow = pieces[i + 1][0]
    else:
        return False
    return 0x80 <= follow <= 0xBF


_WINDOW = 16


def _decode_from(pieces: list[bytes | None], i: int, j: int) -> tuple[str, int, bool]:
    """The longest UTF-8 prefix of pieces[i:j], read in growing windows so that a long
    run of real text costs little: (decoded, unfinished tail bytes, whether it reached j)."""
    k = min(j, i + _WINDOW)
    while True:
        data = b"".join(pieces[i:k])
        decoded, truncated = _utf8_prefix(data)
        stopped = len(decoded.encode("utf-8")) + truncated < len(data)
        if stopped or k == j:
            return decoded, truncated, k == j and not stopped
        k = min(j, i + 2 * (k - i))


_TEXT_PREFIX = lazy(f"[{HAN_CLASS}\u3000-\u303f\uff00-\uffef\ufffd]*")


def _utf8_prefix(data: bytes) -> tuple[str, int]:
    """The longest valid UTF-8 prefix of ``data``, decoded, and how many bytes at the end
    form an unfinished character (0 when the prefix stops at an invalid byte or the end)."""
    try:
        return data.decode("utf-8"), 0
    except UnicodeDecodeError as exc:
        tail = len(data) - exc.start if exc.reason == "unexpected end of data" else 0
        return data[: exc.start].decode("utf-8"), tail


def _meant(decoded: str) -> str:
    """What the mojibake stood for, for the message: decoded again while that still works
    (text mis-decoded twice), and only when it is Chinese."""
    for _ in range(2):
        if any(is_han(ch) for ch in decoded) or not decoded:
            break
        try:
            decoded = _utf8_prefix(decoded.encode("cp1252"))[0]
        except UnicodeEncodeError:
            break
    return decoded if any(is_han(ch) for ch in decoded) else ""


def _utf8_as_gbk(source: str, decoded: str) -> bool:
    """UTF-8 read as GBK: rare source characters that decode to common Chinese."""
    han = [ch for ch in decoded if is_han(ch)]
    if decoded.strip("\ufffd") == "" and len(decoded) >= 2:
        return True  # 锟斤拷: replacement characters themselves mis-decoded
    if len(han) < 2 or any(not (is_han(ch) or _is_cjk_symbol(ch)) for ch in decoded):
        return False
    # Fewer decoded characters prove less; four or more come from a run whose common
    # characters are mostly bytes split across characters (UTF-8 read as GBK, the odd
    # byte dropped), which real text is not.
    rare_enough = 0.0 if len(han) == 2 else 0.4 if len(han) == 3 else 0.5
    return common_ratio(decoded) >= 0.75 and _plain_ratio(source) <= rare_enough


def _utf8_as_latin(source: str, decoded: str) -> bool:
    """UTF-8 read as Latin-1: at least two multi-byte characters decode cleanly."""
    return sum(ord(ch) >= 0x80 for ch in decoded) >= 2


def _gbk_as_latin(run: str, base: int) -> list[Garble]:
    """GBK read as Latin-1 (Õþ¸® → 政府): the whole run decodes to common Chinese, with the
    full-width punctuation of a sentence (Äê£¬ → 年，)."""
    data = b"".join(p for ch in run if (p := _encode(ch, "cp1252")) is not None)
    try:
        decoded = data.decode("gbk")
    except UnicodeDecodeError:
        return []
    han = [ch for ch in decoded if is_han(ch)]
    chinese = all(is_han(ch) or _is_cjk_symbol(ch) for ch in decoded)
    if len(han) >= 2 and chinese and common_ratio(decoded) >= 0.75:
        return [Garble(base, base + len(run), "mojibake", decoded)]
    return []


def _is_cjk_symbol(ch: str) -> bool:
    return "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"


@lru_cache(maxsize=1)
def _suspects() -> re.Pattern[str]:
    """A character other than ASCII (but ``?``), a common character or CJK punctuation: every
    garble holds one. Most lines hold none but a few quotation marks, and a character class
    finds them many times faster than set operations on every line."""
    plain = "".join(sorted(common_chars()))
    return re.compile(rf"[^\x00-\x3e\x40-\x7f\u3000-\u303f\uff00-\uffef{re.escape(plain)}]")


@lru_cache(maxsize=4096)
def _plain_ratio(text: str) -> float:
    """Share of the characters of ``text`` that are common Han characters; punctuation is
    left out, and every other character (a rare one, a bopomofo letter) counts as rare."""
    chars = [ch for ch in text if not _is_cjk_symbol(ch)]
    return sum(map(is_common, chars)) / len(chars) if chars else 1.0
