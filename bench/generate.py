"""A deterministic generator of realistic annual reports for benchmarking the linter.

``generate(seed, index)`` always returns the same bytes for the same arguments (random
streams are seeded from strings, which Python hashes with SHA-512, so PYTHONHASHSEED does
not matter). Reports cover both editions of the regulation: 2007-style free-form parts with
收费及减免, and 2019/2021 reports with the six parts and the format's three tables. Some are
traditional (OpenCC s2t), some carry pinyin readings (根據(jù)), some are GB18030 or CRLF, and
some have defects a linter should find: missing parts, wrong sums, page furniture, a wrong
or missing period, a year mismatch, a gap in the heading numbers.

Usage: ``python -m bench.generate OUT_DIR --count 100 [--seed 1]``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from . import phrases as P
from .tables import (
    TableDefect,
    make_applications,
    render_active,
    render_applications,
    render_review,
)


def generator_digest() -> str:
    """A digest of the generator's own source: a cached corpus is rebuilt when it changes."""
    here = Path(__file__).parent
    digest = hashlib.sha256()
    for name in ("generate.py", "phrases.py", "tables.py"):
        digest.update((here / name).read_bytes())
    return digest.hexdigest()[:16]


CN_DIGITS = "〇一二三四五六七八九"
DEFECTS = {
    "2007": [
        "missing_part",
        "heading_gap",
        "sum_mismatch",
        "chrome",
        "wrong_period",
        "missing_period",
        "year_mismatch",
        "placeholder",
        "late",
    ],
    "2019": [
        "missing_part",
        "heading_gap",
        "sum_mismatch",
        "table_identity",
        "blank_cell",
        "text_table",
        "chrome",
        "wrong_period",
        "missing_period",
        "year_mismatch",
        "placeholder",
        "late",
    ],
}
DEFECTS["2021"] = DEFECTS["2019"]
PINYIN = {
    "據": "jù", "開": "kāi", "務": "wù", "報": "bào", "關": "guān", "於": "yú", "機": "jī",
    "發": "fā", "請": "qǐng", "處": "chǔ", "縣": "xiàn", "區": "qū", "進": "jìn", "對": "duì",
    "應": "yīng", "為": "wèi", "數": "shù", "辦": "bàn", "總": "zǒng", "條": "tiáo",
}  # fmt: skip


def cn_number(n: int) -> str:
    """一 … 九十九: the numbering of Chinese headings."""
    tens, ones = divmod(n, 10)
    if tens == 0:
        return CN_DIGITS[ones]
    head = "" if tens == 1 else CN_DIGITS[tens]
    return head + "十" + (CN_DIGITS[ones] if ones else "")


def cn_year(year: int) -> str:
    return "".join(CN_DIGITS[int(d)] for d in str(year))


@dataclass(frozen=True)
class Spec:
    """What one generated report is: edition, issuer, variants and defects."""

    index: int
    edition: str
    year: int
    issuer: str
    level: str
    issuer_type: str  # "government" or "department"
    script: str  # "simplified", "traditional" or "pinyin" (traditional with readings)
    encoding: str  # "utf-8", "utf-8-sig" or "gb18030"
    newline: str
    table_style: str  # "pipe", "tab" or "cells"
    heading_style: str  # "cn" (一、) or "part" (第一部分)
    target_bytes: int
    busy: float
    defects: tuple[str, ...] = field(default=())

    @property
    def name(self) -> str:
        return f"r{self.index:05d}-{self.edition}-{self.year}.txt"


def _issuer(rng: random.Random) -> tuple[str, str, str]:
    place = rng.choice(P.PLACE_FIRST) + rng.choice(P.PLACE_SECOND)
    suffix, level = rng.choice(P.PLACE_LEVELS)
    roll = rng.random()
    if roll < 0.2:
        return place + suffix + "人民政府", level, "government"
    if roll < 0.3:
        return place + suffix + "人民政府办公室", level, "department"
    if roll < 0.45:
        town = rng.choice(P.TOWN_FIRST) + rng.choice(P.PLACE_SECOND)
        return place + suffix + town + rng.choice(P.TOWN_GOVERNMENTS), "town", "government"
    return place + suffix + rng.choice(P.DEPARTMENTS), level, "department"


def plan(seed: int | str, index: int, target_bytes: int | None = None) -> Spec:
    """The spec of report ``index`` of the corpus ``seed``."""
    rng = random.Random(f"plan:{seed}:{index}")
    edition = rng.choices(["2007", "2019", "2021"], weights=[3, 2, 5])[0]
    year = {"2007": rng.randint(2008, 2018), "2019": rng.randint(2019, 2020)}.get(
        edition, rng.randint(2021, 2024)
    )
    issuer, level, issuer_type = _issuer(rng)
    script = rng.choices(["simplified", "traditional", "pinyin"], weights=[80, 12, 8])[0]
    encoding = rng.choices(["utf-8", "utf-8-sig", "gb18030"], weights=[85, 5, 10])[0]
    defects: tuple[str, ...] = ()
    if rng.random() < 0.55:
        defects = tuple(sorted(rng.sample(DEFECTS[edition], rng.choice([1, 1, 2, 3]))))
    if target_bytes is None:
        target_bytes = int(2000 * 20 ** rng.random())  # log-uniform 2 KB … 40 KB
    return Spec(
        index=index,
        edition=edition,
        year=year,
        issuer=issuer,
        level=level,
        issuer_type=issuer_type,
        script=script,
        encoding=encoding,
        newline=rng.choices(["\n", "\r\n"], weights=[8, 2])[0],
        table_style=rng.choices(["pipe", "tab", "cells"], weights=[60, 35, 5])[0],
        heading_style="part" if edition == "2007" and rng.random() < 0.1 else "cn",
        target_bytes=target_bytes,
        busy=0.0 if rng.random() < 0.2 else rng.uniform(0.2, 1.5),
        defects=defects,
    )


class _Writer:
    """Composes the report: sentences from the phrase bank, parts, tables, padding."""

    def __init__(self, spec: Spec, seed: int | str) -> None:
        self.spec = spec
        self.rng = random.Random(f"text:{seed}:{spec.index}")
        self.year = spec.year

    def has(self, defect: str) -> bool:
        return defect in self.spec.defects

    def fill(self, template: str, **extra) -> str:
        rng = self.rng
        values = {
            "year": self.year,
            "topic": rng.choice(P.TOPICS),
            "n": rng.randint(2, 60),
            "m": rng.randint(30, 400),
            "issuer": self.spec.issuer,
        }
        values.update(extra)
        return template.format(**values)

    def sentence(self, part: str) -> str:
        rng = self.rng
        lead = self.fill(rng.choice(P.LEADS))
        action = self.fill(rng.choice(P.ACTIONS[part]))
        outcome = rng.choice(P.OUTCOMES)
        return f"{lead}{rng.choice(P.ACTORS)}{action}" + (f"，{outcome}" if outcome else "") + "。"

    def paragraph(self, part: str, sentences: tuple[int, int] = (2, 5)) -> str:
        return "".join(self.sentence(part) for _ in range(self.rng.randint(*sentences)))

    def listing(self, total_label: str, unit: str, labels: list[str], scale: int) -> str:
        """共N…，其中a…b…: a stated total and its parts (wrong when the report has sum_mismatch)."""
        rng = self.rng
        parts = [rng.randint(0, scale) for _ in labels]
        total = sum(parts)
        if self.has("sum_mismatch") and rng.random() < 0.5:
            total += rng.choice([-7, -3, -1, 2, 5, 11])
        items = "，".join(f"{label}{n}{unit}" for label, n in zip(labels, parts, strict=True))
        return f"{total_label}{total}{unit}，其中{items}。"

    # --- the parts -------------------------------------------------------------------------

    def title(self) -> str:
        year = self.year
        if self.has("year_mismatch"):
            year += 1
        return self.fill(self.rng.choice(P.TITLE_FORMS), year=year)

    def period(self) -> str | None:
        if self.has("missing_period"):
            return None
        y = self.year
        start, end = (y, 1, 1), (y, 12, 31)
        if self.has("wrong_period"):
            start, end = self.rng.choice(
                [
                    ((y, 1, 1), (y, 11, 30)),
                    ((y - 1, 12, 1), (y, 11, 30)),
                    ((y, 1, 1), (y + 1, 1, 31)),
                ]
            )
        return self.rng.choice(P.PERIOD_SENTENCES).format(
            y1=start[0], m1=start[1], d1=start[2], y2=end[0], m2=end[1], d2=end[2]
        )

    def preamble(self, part_names: list[str]) -> list[str]:
        rng = self.rng
        fmt = {"2007": "", "2019": P.FORMAT_2019, "2021": P.FORMAT_2021}[self.spec.edition]
        lines = [self.fill(rng.choice(P.PREAMBLE_BASIS), format=fmt)]
        if rng.random() < 0.6:
            lines[0] += f"全文包括{'、'.join(part_names)}等{cn_number(len(part_names))}个部分。"
        period = self.period()
        if period:
            lines[0] += period
        site = "本机关门户网站（www.example.gov.cn）"
        if self.has("placeholder"):
            site = "本机关门户网站下载()"
        phone = f"0{rng.randint(310, 999)}-{rng.randint(2000000, 8999999)}"
        lines.append(self.fill(rng.choice(P.PREAMBLE_CONTACT), site=site, phone=phone))
        return lines

    def overview_2019(self, apps) -> list[list[str]]:
        """一、总体情况: five sub-parts; each is a list of lines (heading first)."""
        subs = [
            ("主动公开", "active"),
            ("依申请公开", "application"),
            ("政府信息管理", "management"),
            ("政府信息公开平台建设", "platform"),
            ("监督保障", "supervision"),
        ]
        out = []
        for k, (title, part) in enumerate(subs, 1):
            body = [self.paragraph(part)]
            if part == "application":
                new = apps.new_total
                if self.has("text_table"):
                    new += self.rng.choice([-4, -1, 1, 3, 9])
                body.insert(
                    0,
                    f"本年度共收到政府信息公开申请{new}件，上年结转{apps.carried_total}件，"
                    f"已办结{apps.concluded_total}件，其中予以公开{apps.disclosed_total}件。",
                )
            if part == "active":
                body.insert(
                    0,
                    self.listing(
                        "全年共主动公开政府信息",
                        "条",
                        ["通过门户网站公开", "通过政务新媒体公开", "通过公开栏等其他渠道公开"],
                        800,
                    ),
                )
            out.append([f"（{cn_number(k)}）{title}", *body])
        return out

    def parts_2019(self) -> list[tuple[str, str, list]]:
        """(key, heading title, blocks) of a 2019/2021 report; a block is a list of lines."""
        rng, spec = self.rng, self.spec
        apps = make_applications(rng, spec.edition, spec.busy)
        defect = None
        if self.has("table_identity"):
            defect = TableDefect(
                "sum", rng.choice(["three", "three", "four"]), rng.choice([-2, 1, 3])
            )
        elif self.has("blank_cell"):
            defect = TableDefect(
                "blank", rng.choice(["three", "four"]), blank=rng.choice(["", "/", "-"])
            )
        review_rows, _, _ = render_review(rng, spec.table_style, spec.busy, defect)
        problems_title = (
            "政府信息公开工作存在的主要问题及改进情况"
            if spec.edition == "2019" or rng.random() < 0.3
            else "存在的主要问题及改进情况"
        )
        other = P.OTHER_2021 if spec.edition == "2021" else P.OTHER_2019
        return [
            ("overview", "总体情况", [[self.paragraph("overview")], *self.overview_2019(apps)]),
            ("active", "主动公开政府信息情况",
             [render_active(rng, spec.edition, spec.table_style, spec.level, spec.busy)]),
            ("application", "收到和处理政府信息公开申请情况",
             [render_applications(apps, spec.edition, spec.table_style, defect, rng)]),
            ("review_litigation", "政府信息公开行政复议、行政诉讼情况", [review_rows]),
            ("problems", problems_title, [[self.problems()]]),
            ("other", "其他需要报告的事项", [[self.other(other)]]),
        ]  # fmt: skip

    def problems(self) -> str:
        rng = self.rng
        found = rng.sample(P.PROBLEMS, rng.randint(2, 3))
        fixes = rng.sample(P.IMPROVEMENTS, rng.randint(2, 3))
        order = "一二三"
        said = "；".join(f"{order[i]}是{p}" for i, p in enumerate(found))
        plan = "；".join(f"{order[i]}是{f}" for i, f in enumerate(fixes))
        return (
            f"{self.year}年，本机关政府信息公开工作还存在一些不足：{said}。下一步，我们将：{plan}。"
        )

    def other(self, choices: list[str]) -> str:
        rng = self.rng
        return self.fill(
            rng.choice(choices),
            fee=rng.randint(1, 20) * 100,
            a=rng.randint(0, 30),
            b=rng.randint(0, 30),
        )

    def parts_2007(self) -> list[tuple[str, str, list]]:
        rng = self.rng
        applications = [
            self.listing(
                "全年共受理政府信息公开申请", "件", ["当面申请", "网络申请", "信函申请"], 40
            ),
            self.listing(
                "已办结的申请中，答复",
                "件",
                ["同意公开", "同意部分公开", "信息不存在", "非本机关职责范围", "申请内容不明确"],
                25,
            ),
            self.paragraph("application", (1, 3)),
        ]
        review = rng.choice([P.REVIEW_NONE, P.REVIEW_SOME]).format(
            review=3, kept=2, fixed=1, suit=rng.randint(0, 2)
        )
        fees = self.fill(
            rng.choice(P.FEES_2007), fee=rng.randint(10, 500), waived=rng.randint(1, 5)
        )
        active = [
            ["（一）公开数量",
             self.listing("全年共主动公开政府信息", "条", ["通过门户网站公开", "通过公开栏公开",
                                                     "通过新闻媒体公开", "通过政务微博公开"], 600)],
            ["（二）重点领域信息公开", self.paragraph("active")],
            ["（三）公开形式", self.paragraph("platform")],
        ]  # fmt: skip
        return [
            ("overview", "概述", [[self.paragraph("overview")], [self.paragraph("management")]]),
            ("active", "主动公开政府信息情况", active),
            ("application", "依申请公开政府信息情况", [applications]),
            ("fees", "政府信息公开收费及减免情况", [[fees]]),
            ("review_litigation", "因政府信息公开申请行政复议、提起行政诉讼情况", [[review]]),
            ("problems", "存在的主要问题及改进措施", [[self.problems()]]),
            ("other", "其他需要报告的事项", [[self.other(P.OTHER_2007)]]),
        ]

    def published(self) -> tuple[int, int]:
        """(month, day) of publication in the next year: in time, unless the report is late."""
        rng = self.rng
        if self.has("late"):
            return rng.randint(4, 6), rng.randint(1, 28)
        if self.spec.issuer_type == "department" and self.spec.edition != "2007":
            return 1, rng.randint(5, 31)
        return rng.randint(1, 3), rng.randint(1, 28)

    # --- assembly --------------------------------------------------------------------------

    def pad(self, parts: list[tuple[str, str, list]], size: int) -> None:
        """Add paragraphs (and numbered items every few paragraphs) until ``size`` bytes."""
        rng = self.rng
        growable = ("overview", "active") if self.spec.edition == "2007" else ("overview",)
        paddable = [blocks for key, _, blocks in parts if key in growable]
        counters: dict[int, int] = {}
        growth = 0
        n = 0
        while size + growth < self.spec.target_bytes:
            blocks = paddable[n % len(paddable)]
            block = rng.choice(blocks)
            if n % 4 == 3:
                item = counters.get(id(block), 0) % 99 + 1
                counters[id(block)] = item
                heading = f"{item}.{rng.choice(P.TOPICS)}方面"
                block.append(heading)
                growth += 3 * len(heading)
            text = self.paragraph(rng.choice(list(P.ACTIONS)))
            block.append(text)
            growth += 3 * len(text) + 1
            n += 1

    def render(self) -> str:
        spec, rng = self.spec, self.rng
        parts = self.parts_2007() if spec.edition == "2007" else self.parts_2019()
        if self.has("missing_part"):
            droppable = [i for i, (key, _, _) in enumerate(parts) if key not in ("overview",)]
            del parts[rng.choice(droppable)]
        lines: list[str] = []
        if self.has("chrome"):
            lines += [rng.choice(P.CHROME_TOP), ""]
        lines += [self.title(), ""]
        if self.has("chrome"):
            month, day = self.published()
            date = f"{self.year + 1}-{month:02d}-{day:02d}"
            byline = rng.choice(P.CHROME_BYLINE).format(
                date=date, hh=rng.randint(8, 18), mm=f"{rng.randint(0, 59):02d}",
                issuer=spec.issuer, views=rng.randint(10, 3000),
            )  # fmt: skip
            lines += [byline, ""]
        lines += self.preamble([title for _, title, _ in parts])
        lines.append("")
        size = sum(3 * len(line) for line in lines)
        for _, _, blocks in parts:
            size += sum(3 * len(line) for block in blocks for line in block)
        self.pad(parts, size)
        number = 0
        for _, title, blocks in parts:
            number += 2 if self.has("heading_gap") and number == 2 else 1
            mark = (
                f"第{cn_number(number)}部分 "
                if spec.heading_style == "part"
                else f"{cn_number(number)}、"
            )
            lines.append(mark + title)
            for block in blocks:
                lines.extend(block)
            lines.append("")
        month, day = self.published()
        if rng.random() < 0.8:
            lines += [spec.issuer, f"{self.year + 1}年{month}月{day}日"]
        else:
            lines += [
                spec.issuer,
                f"{cn_year(self.year + 1)}年{cn_number(month)}月{cn_number(day)}日",
            ]
        if self.has("chrome"):
            lines += [""] + [
                line.format(issuer=spec.issuer, code=rng.randint(10**9, 10**10 - 1),
                            icp=rng.randint(10**7, 10**8), beian=rng.randint(10**13, 10**14))
                for line in rng.sample(P.CHROME_BOTTOM, 3)
            ]  # fmt: skip
        return "\n".join(lines) + "\n"


@lru_cache(maxsize=1)
def _s2t():
    import opencc

    return opencc.OpenCC("s2t")


def _add_readings(text: str, rng: random.Random) -> str:
    """Pinyin readings after some characters, as some conversion tools leave them."""
    rate = rng.uniform(0.2, 0.7)
    out = []
    for ch in text:
        out.append(ch)
        reading = PINYIN.get(ch)
        if reading and rng.random() < rate:
            out.append(f"({reading})")
    return "".join(out)


def render_text(spec: Spec, seed: int | str) -> str:
    """The report text of ``spec`` (before encoding, with \\n line breaks)."""
    text = _Writer(spec, seed).render()
    if spec.script != "simplified":
        text = _s2t().convert(text)
    if spec.script == "pinyin":
        text = _add_readings(text, random.Random(f"pinyin:{seed}:{spec.index}"))
    return text


def encode(spec: Spec, text: str) -> bytes:
    """Line endings and encoding of the spec."""
    if spec.newline != "\n":
        text = text.replace("\n", spec.newline)
    return text.encode(spec.encoding)


def generate(seed: int | str, index: int, target_bytes: int | None = None) -> tuple[Spec, bytes]:
    """Report ``index`` of corpus ``seed``: its spec and its file content."""
    spec = plan(seed, index, target_bytes)
    return spec, encode(spec, render_text(spec, seed))


def iter_corpus(seed: int | str, count: int) -> Iterator[tuple[Spec, bytes]]:
    for index in range(count):
        yield generate(seed, index)


def write_corpus(out_dir: Path, count: int, seed: int | str = 1) -> dict:
    """Write ``count`` reports and ``manifest.json`` (each file's spec); reuse a matching corpus."""
    manifest_path = out_dir / "manifest.json"
    key = {"generator": generator_digest(), "seed": str(seed), "count": count}
    if manifest_path.exists():
        manifest = json.loads(manifest_path.read_text("utf-8"))
        if manifest.get("key") == key and all((out_dir / n).exists() for n in manifest["files"]):
            return manifest
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob("r*.txt"):
        old.unlink()
    files, total = {}, 0
    for spec, data in iter_corpus(seed, count):
        (out_dir / spec.name).write_bytes(data)
        files[spec.name] = {**asdict(spec), "defects": list(spec.defects)}
        total += len(data)
    manifest = {"key": key, "bytes": total, "files": files}
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), "utf-8")
    return manifest


def write_scaled(out_dir: Path, sizes: list[int], seed: int | str = "scale") -> list[Path]:
    """One simplified 2021 report grown to each size in bytes (the scaling series)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    key_path = out_dir / "scaled.json"
    key = {"generator": generator_digest(), "seed": str(seed)}
    fresh = key_path.exists() and json.loads(key_path.read_text("utf-8")) == key
    base = replace(
        plan(seed, 0),
        edition="2021",
        year=2023,
        script="simplified",
        encoding="utf-8",
        newline="\n",
        table_style="pipe",
        heading_style="cn",
        defects=(),
        busy=1.0,
    )
    paths = []
    for size in sizes:
        path = out_dir / f"scaled-{size // 1000}k.txt"
        if not (fresh and path.exists()):
            spec = replace(base, target_bytes=size)
            path.write_bytes(encode(spec, render_text(spec, seed)))
        paths.append(path)
    key_path.write_text(json.dumps(key), "utf-8")
    return paths


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--seed", default="1")
    args = parser.parse_args(argv)
    manifest = write_corpus(args.out, args.count, args.seed)
    print(f"{len(manifest['files'])} reports, {manifest['bytes'] / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
