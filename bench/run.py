"""The benchmark: cold start, throughput, memory, the read-decode-scan floor and scaling.

``python -m bench`` (or ``python -m bench.run``) generates the corpus under ``bench/out/``
(reused while the generator is unchanged), measures on this machine and writes
``bench/results.json`` and ``bench/RESULTS.md``. ``--quick`` makes a small run for trying
things out (its results are not written unless ``--write`` is given).

Every figure is a whole-process measurement of the ``xxgk-lint`` command as users run it,
except the floor (read and decode every file and make one regular-expression pass over it,
in one process) and the stage breakdowns (``bench.stages``).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import platform
import re
import statistics
import subprocess
import sys
import threading
import time
from itertools import pairwise
from pathlib import Path

from .generate import write_corpus, write_scaled

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
TARGETS = {
    "cold_start_ms": 200,
    "reports_per_s": 300,
    "floor_ratio": 20,
    "peak_mb": 150,
    "step_ratio": 15,  # 10× more text may cost at most 15× the time: no quadratic behaviour
    "big_report_s": 10,  # "a 50 MB report finishes in seconds"
}
FLOOR_PATTERN = re.compile(r"[一二三四五六七八九十]+、|\d+")


def lint_command() -> list[str]:
    """The installed console script next to this interpreter, else the module."""
    script = Path(sys.executable).with_name("xxgk-lint")
    return [str(script)] if script.exists() else [sys.executable, "-m", "xxgk_lint.cli"]


def machine() -> dict:
    info: dict = {
        "cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kb = int(meminfo.read_text().split("MemTotal:")[1].split()[0])
        info["memory_gb"] = round(kb / 1024 / 1024, 1)
    with contextlib.suppress(OSError):
        info["commit"] = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
    return info


def _tree_pss_kb(root: int) -> int:
    """Proportional set size of a process and its descendants (shared pages counted once)."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry.name}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
                    break
        except OSError:
            continue
    return total


def user_env() -> dict[str, str]:
    """The environment of measured runs: this one with Python's bytecode cache allowed, as a
    user has it (pip compiles bytecode at install time; where PYTHONDONTWRITEBYTECODE is set,
    as in some sandboxes, every run would otherwise compile the package from source)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def measure(cmd: list[str], sample_memory: bool = False) -> dict:
    """Wall time, exit code and peak memory of one whole-process run.

    ``max_rss_mb`` is the largest resident set of any process of the tree (wait4's rusage);
    ``tree_pss_mb`` (sampled every 50 ms when asked) is the peak of the whole tree's
    proportional set size, which counts pages shared by forked workers once.
    """
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT, env=user_env()
    )
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.05):
            peak[0] = max(peak[0], _tree_pss_kb(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    if sample_memory and Path("/proc/self/smaps_rollup").exists():
        sampler.start()
    stderr = proc.stderr.read() if proc.stderr else b""
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    done.set()
    result = {
        "wall_s": round(wall, 4),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 4),
        "exit": proc.returncode,
        "max_rss_mb": round(usage.ru_maxrss / 1024, 1),
    }
    if sampler.is_alive() or peak[0]:
        sampler.join()
        result["tree_pss_mb"] = round(peak[0] / 1024, 1)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {stderr.decode()[-2000:]}")
    return result


def _median_ms(cmd: list[str], runs: int) -> tuple[list[dict], float]:
    measure(cmd)  # warm the page cache and any caches the tool keeps
    done = [measure(cmd) for _ in range(runs)]
    return done, round(1000 * statistics.median(r["wall_s"] for r in done), 1)


def cold_start(report: Path, runs: int) -> dict:
    """Whole-process wall time of ``check`` on one report (the target), and of the lightest
    commands for comparison: ``check --format json`` (no terminal renderer) and ``--version``."""
    runs_, median = _median_ms(check_command(str(report)), runs)
    walls = [r["wall_s"] for r in runs_]
    _, as_json = _median_ms(check_command("--format", "json", str(report)), runs)
    _, version = _median_ms([*lint_command(), "--version"], runs)
    _, bare = _median_ms([sys.executable, "-c", "pass"], runs)
    return {
        "report": report.name,
        "runs": runs,
        "median_ms": median,
        "min_ms": round(1000 * min(walls), 1),
        "max_ms": round(1000 * max(walls), 1),
        "cpu_median_ms": round(1000 * statistics.median(r["cpu_s"] for r in runs_), 1),
        "json_median_ms": as_json,
        "version_median_ms": version,
        "python_startup_ms": bare,
    }


def import_breakdown(report: Path) -> dict[str, float]:
    """Self import time (ms) per top-level package in one run of the command (-X importtime)."""
    args = check_command(str(report))[len(lint_command()) :]
    cmd = [sys.executable, "-X", "importtime", "-m", "xxgk_lint.cli", *args]
    err = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=user_env()).stderr
    per: dict[str, float] = {}
    for line in err.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, _, name = line[len("import time:") :].split("|")
        top = name.strip().split(".")[0]
        per[top] = per.get(top, 0) + int(self_us) / 1000
    ranked = sorted(per.items(), key=lambda kv: -kv[1])
    return {name: round(ms, 1) for name, ms in ranked[:15]}


def stages(report: Path) -> dict:
    cmd = [sys.executable, "-m", "bench.stages", str(report)]
    out = subprocess.run(
        cmd, capture_output=True, text=True, cwd=ROOT, check=True, env=user_env()
    ).stdout
    return json.loads(out)


def check_command(*args: str) -> list[str]:
    """``xxgk-lint check`` without the result cache: every run does the work."""
    return [*lint_command(), "check", "--no-cache", *args]


def throughput(corpus: Path, count: int, size: int, jobs: int, fmt: str, runs: int = 1) -> dict:
    """``check --jobs N`` over the corpus, output streamed to /dev/null: the run of median
    wall time of ``runs`` (a shared machine's wall times vary by a tenth from run to run),
    with every run's wall time and the largest memory of them all."""
    cmd = check_command("--format", fmt, "--jobs", str(jobs), str(corpus))
    done = sorted(
        (measure(cmd, sample_memory=True) for _ in range(runs)), key=lambda r: r["wall_s"]
    )
    result = dict(done[len(done) // 2])
    result["max_rss_mb"] = max(r["max_rss_mb"] for r in done)
    result["tree_pss_mb"] = max(r.get("tree_pss_mb", 0) for r in done)
    result.update(
        runs=runs,
        walls_s=[r["wall_s"] for r in done],
        jobs=jobs,
        format=fmt,
        reports_per_s=round(count / result["wall_s"], 1),
        cpu_ms_per_report=round(1000 * result["cpu_s"] / count, 2),
        mb_per_s=round(size / 1e6 / result["wall_s"], 2),
    )
    return result


def floor(corpus: Path, count: int, size: int) -> dict:
    """Read and decode every report and make one regular-expression pass: the least any
    linter must do. One process, one core; the page cache is warm."""
    files = sorted(corpus.glob("*.txt"))
    for f in files:  # warm the cache as for the linter runs
        f.read_bytes()
    start = time.perf_counter()
    hits = 0
    for f in files:
        data = f.read_bytes()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("gb18030")
        hits += sum(1 for _ in FLOOR_PATTERN.finditer(text))
    wall = time.perf_counter() - start
    return {
        "wall_s": round(wall, 4),
        "reports_per_s": round(count / wall, 1),
        "mb_per_s": round(size / 1e6 / wall, 1),
        "matches": hits,
    }


def scaling(paths: list[Path]) -> list[dict]:
    rows = []
    for path in paths:
        size = path.stat().st_size
        # the largest is beyond the text size limit: raise it, to measure the pipeline itself
        max_size = str(math.ceil(size / 1024 / 1024) + 1)
        cmd = check_command("--format", "json", "--max-size", max_size, str(path))
        repeat = 1 if size > 20e6 else 3
        runs = [measure(cmd) for _ in range(repeat)]
        best = min(runs, key=lambda r: r["wall_s"])
        rows.append({"file": path.name, "mb": round(size / 1e6, 2), **best})
    for prev, row in pairwise(rows):
        row["time_ratio"] = round(row["wall_s"] / prev["wall_s"], 1)
        row["cpu_ratio"] = round(row["cpu_s"] / prev["cpu_s"], 1)
        row["size_ratio"] = round(row["mb"] / prev["mb"], 1)
    return rows


def verdicts(results: dict) -> dict[str, bool]:
    allcores = results["throughput"][-1]
    steps = [r["cpu_ratio"] / r["size_ratio"] * 10 for r in results["scaling"][1:]]
    return {
        "cold start ≤ 200 ms": results["cold_start"]["median_ms"] <= TARGETS["cold_start_ms"],
        "≥ 300 reports/s on all cores": allcores["reports_per_s"] >= TARGETS["reports_per_s"],
        "within 20× of the floor": results["floor_ratio"] <= TARGETS["floor_ratio"],
        "peak memory ≤ 150 MB": results["peak_mb"] <= TARGETS["peak_mb"],
        "no quadratic behaviour": all(s <= TARGETS["step_ratio"] for s in steps),
        "largest report ≤ 10 s": results["scaling"][-1]["wall_s"] <= TARGETS["big_report_s"],
    }


def _row(cells: list) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def markdown(results: dict) -> str:
    m = results["machine"]
    cs = results["cold_start"]
    lines = [
        "# xxgk-lint benchmark results",
        "",
        f"Machine: {m.get('cpu', '?')}, {m['usable_cores']} usable cores of {m['cores']}, "
        f"{m.get('memory_gb', '?')} GB memory, Python {m['python']}, {m['platform']}; "
        f"commit {m.get('commit', '?')} (with the working tree as it was); load average "
        f"{m['load_average_at_start']} at the start (the machine is shared: wall times vary "
        "with the load, CPU times less).",
        f"Corpus: {results['corpus']['count']} generated reports, "
        f"{results['corpus']['mb']} MB (`python -m bench.generate`). Reproduce: `python -m bench`.",
        "",
        "| target | result | met |",
        "|---|---|---|",
    ]
    ok = results["verdicts"]
    top = results["throughput"][-1]
    figures = [
        f"{cs['median_ms']} ms median of {cs['runs']}, min {cs['min_ms']}, CPU "
        f"{cs['cpu_median_ms']} ms (python alone: {cs['python_startup_ms']} ms)",
        f"{top['reports_per_s']} reports/s, {top['mb_per_s']} MB/s ({top['jobs']} jobs, "
        f"median of {top.get('runs', 1)} runs)",
        f"{results['floor_ratio']}× the floor ({results['floor']['reports_per_s']} reports/s)",
        f"{results['peak_mb']} MB (whole tree, proportional)",
        ", ".join(f"{r['mb']} MB: {r['cpu_s']} s CPU" for r in results["scaling"]),
        f"{results['scaling'][-1]['mb']} MB: {results['scaling'][-1]['wall_s']} s",
    ]
    for (name, met), figure in zip(ok.items(), figures, strict=True):
        lines.append(f"| {name} | {figure} | {'yes' if met else '**no**'} |")
    heads = ["jobs", "format", "wall s (median)", "walls s", "CPU s", "CPU ms/report"]
    heads += ["reports/s", "MB/s"]
    heads += ["max RSS MB", "tree PSS MB"]
    lines += ["", "## Throughput", "", _row(heads), _row(["---"] * len(heads))]
    for t in results["throughput"]:
        walls = ", ".join(str(w) for w in t.get("walls_s", [t["wall_s"]]))
        cells = [t["jobs"], t["format"], t["wall_s"], walls, t["cpu_s"], t["cpu_ms_per_report"]]
        cells.append(t["reports_per_s"])
        cells += [t["mb_per_s"], t["max_rss_mb"], t.get("tree_pss_mb", "")]
        lines.append(_row(cells))
    fl = results["floor"]
    lines += [
        "",
        "`xxgk-lint check --no-cache --jobs N --format F` over the corpus folder, output to "
        "/dev/null. Results stream from the workers in input order into the renderer, so memory "
        "does not grow with the number of files. Peak memory is the largest whole-tree PSS "
        "(pages shared by the forked workers counted once); max RSS is the largest process.",
        "",
        f"Floor (read + decode + one regex pass, one core): {fl['wall_s']} s, "
        f"{fl['reports_per_s']} reports/s, {fl['mb_per_s']} MB/s.",
        "",
        "## Scaling (one report grown 10× and 100×, `--format json`)",
        "",
        "| file | MB | wall s | CPU s | × CPU for 10× text | max RSS MB |",
        "|---|---|---|---|---|---|",
    ]
    for r in results["scaling"]:
        cells = [r["file"], r["mb"], r["wall_s"], r["cpu_s"], r.get("cpu_ratio", "")]
        lines.append(_row([*cells, r["max_rss_mb"]]))
    lines += [
        "",
        f"Cold start of the lighter commands (median of {cs['runs']}): `check --format json` "
        f"{cs['json_median_ms']} ms, `--version` {cs['version_median_ms']} ms. Every run has "
        "Python's bytecode cache, as after `pip install` (`user_env`).",
    ]
    if "previous" in results:
        p = results["previous"]
        lines += [
            "",
            f"## Previous results (commit {p['commit']})",
            "",
            f"Cold start {p['cold_start_ms']} ms; {p['reports_per_s_1_job']} reports/s with 1 "
            f"job, {p['reports_per_s_all']} reports/s ({p['mb_per_s_all']} MB/s) on all cores; "
            f"{p['floor_ratio']}× the floor; peak memory {p['peak_mb']} MB; largest report "
            f"{p['largest_report_s']} s.",
        ]
    lines += ["", "## Cold start: import time by package (ms, `-X importtime`)", ""]
    lines.append(", ".join(f"{k} {v}" for k, v in results["cold_start_imports"].items()))
    for title, key in (("Cold start", "cold_start_stages"), ("Largest report", "scaling_stages")):
        st = results[key]
        lines += ["", f"## {title}: stages in one process (ms, `python -m bench.stages`)", ""]
        lines.append(", ".join(f"{k} {v}" for k, v in st["stages_ms"].items()))
        slow = sorted(st["checks_ms"].items(), key=lambda kv: -kv[1])[:8]
        lines.append("")
        lines.append("Slowest checks: " + ", ".join(f"{k} {v}" for k, v in slow))
    return "\n".join(lines) + "\n"


def headline(results: dict) -> dict:
    """The figures of a run worth comparing with the next one."""
    rows = results["throughput"]
    return {
        "commit": results["machine"].get("commit", "?"),
        "cold_start_ms": results["cold_start"]["median_ms"],
        "reports_per_s_1_job": [t for t in rows if t["jobs"] == 1][-1]["reports_per_s"],
        "reports_per_s_all": rows[-1]["reports_per_s"],
        "mb_per_s_all": rows[-1]["mb_per_s"],
        "floor_ratio": results["floor_ratio"],
        "peak_mb": results["peak_mb"],
        "largest_report_s": results["scaling"][-1]["wall_s"],
    }


def pick_report(manifest: dict) -> str:
    """A typical report for the cold start: a simplified 2021 report of 8–20 KB."""
    for name, spec in manifest["files"].items():
        typical = spec["edition"] == "2021" and spec["script"] == "simplified"
        if typical and 8000 <= spec["target_bytes"] <= 20000 and not spec["defects"]:
            return name
    return next(iter(manifest["files"]))


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description="Measure xxgk-lint on this machine.")
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=21, help="cold-start repetitions")
    parser.add_argument("--scale-mb", type=float, default=0.5, help="size of the 1× report")
    parser.add_argument("--throughput-runs", type=int, default=3, help="runs of each throughput")
    parser.add_argument("--quick", action="store_true", help="500 reports, 5 runs, 0.05 MB 1×")
    parser.add_argument("--write", action="store_true", help="write results even with --quick")
    parser.add_argument("--render", action="store_true", help="only rewrite RESULTS.md")
    args = parser.parse_args(argv)
    if args.render:
        results = json.loads((HERE / "results.json").read_text("utf-8"))
        results["verdicts"] = verdicts(results)
        (HERE / "RESULTS.md").write_text(markdown(results), "utf-8")
        return results
    if args.quick:
        args.count, args.runs, args.scale_mb, args.throughput_runs = 500, 5, 0.05, 1
    corpus = OUT / f"corpus-{args.count}"
    print(f"generating {args.count} reports in {corpus} …", flush=True)
    manifest = write_corpus(corpus, args.count)
    size = manifest["bytes"]
    report = corpus / pick_report(manifest)
    results: dict = {
        "machine": machine(),
        "corpus": {"count": args.count, "mb": round(size / 1e6, 1)},
    }
    print("cold start …", flush=True)
    results["cold_start"] = cold_start(report, args.runs)
    results["cold_start_imports"] = import_breakdown(report)
    results["cold_start_stages"] = stages(report)
    print(json.dumps(results["cold_start"]), flush=True)
    results["floor"] = floor(corpus, args.count, size)
    print("floor", json.dumps(results["floor"]), flush=True)
    results["throughput"] = []
    all_cores = len(os.sched_getaffinity(0))
    plan = [(1, "concise"), (all_cores, "json"), (all_cores, "concise")]
    for jobs, fmt in plan:
        print(f"throughput, jobs {jobs}, {fmt} …", flush=True)
        runs = args.throughput_runs
        results["throughput"].append(throughput(corpus, args.count, size, jobs, fmt, runs))
        print(json.dumps(results["throughput"][-1]), flush=True)
    allcores = results["throughput"][-1]
    results["floor_ratio"] = round(allcores["wall_s"] / results["floor"]["wall_s"], 1)
    results["peak_mb"] = max(t.get("tree_pss_mb", t["max_rss_mb"]) for t in results["throughput"])
    sizes = [int(args.scale_mb * 1e6 * k) for k in (1, 10, 100)]
    print(f"scaling {[s // 1000 for s in sizes]} KB …", flush=True)
    scaled = write_scaled(OUT / "scale", sizes)
    results["scaling"] = scaling(scaled)
    results["scaling_stages"] = stages(scaled[-1])
    for row in results["scaling"]:
        print(json.dumps(row), flush=True)
    results["verdicts"] = verdicts(results)
    print(json.dumps(results["verdicts"], ensure_ascii=False, indent=1))
    if not args.quick or args.write:
        with contextlib.suppress(OSError, ValueError, KeyError, IndexError):
            results["previous"] = headline(json.loads((HERE / "results.json").read_text("utf-8")))
        (HERE / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n")
        (HERE / "RESULTS.md").write_text(markdown(results), "utf-8")
        print(f"wrote {HERE / 'results.json'} and {HERE / 'RESULTS.md'}")
    return results


if __name__ == "__main__":
    main()
