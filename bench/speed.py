"""Speed benchmark: tflint-grad cold and warm against ruff, flake8 and grep on the corpus.

Each command runs several times; the table shows the median wall time, the peak resident memory
of the largest process (from wait4's rusage, what `/usr/bin/time -v` reports) and of all its
processes together (proportional set size, so pages forked workers share count once, sampled
from /proc every 0.1 s), the ratios that
issue 6 sets as goals, and tflint-grad's time per 1,000 lines on ¼, ½ and all of the corpus and
on one generated 50,000-line file. The Markdown goes to stdout and to bench/out/latest.md.
"""
from __future__ import annotations

import argparse
import datetime
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import gen_big
from corpus import (
    DEFAULT_CORPUS,
    REPO,
    copy_subset,
    count_lines,
    ensure_corpus,
    every_kth,
    python_files,
)

BIN = Path(sys.executable).parent
OUT = REPO / "bench" / "out" / "latest.md"
# The editable install registers tflint-grad as a flake8 plugin; the baseline is flake8 alone,
# so this launcher drops that one plugin before flake8 loads (workers fork and inherit it).
FLAKE8_ALONE = ("import sys, flake8.plugins.finder as finder; "
                "finder.BANNED_PLUGINS['tflint-grad'] = 'never'; "
                "from flake8.main.cli import main; sys.exit(main(sys.argv[1:]))")
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


@dataclass(frozen=True, slots=True)
class Sample:
    """One run of one command."""

    seconds: float
    peak_kb: int  # largest single process
    tree_peak_kb: int  # all processes of the run together (PSS), sampled
    failure: str | None  # why the run does not count, or None


@dataclass(frozen=True, slots=True)
class Row:
    """A command and its runs."""

    label: str
    shown: str  # the command as the table prints it
    samples: tuple[Sample, ...]

    @property
    def failure(self) -> str | None:
        """The first failed run's reason, if any run failed."""
        return next((s.failure for s in self.samples if s.failure), None)

    @property
    def median(self) -> float:
        """Median wall time in seconds."""
        return statistics.median(s.seconds for s in self.samples)

    @property
    def peak_mb(self) -> float:
        """Largest single-process peak over all runs, in MB."""
        return max(s.peak_kb for s in self.samples) / 1024

    @property
    def tree_peak_mb(self) -> float:
        """Largest all-processes peak over all runs, in MB."""
        return max(s.tree_peak_kb for s in self.samples) / 1024


def _pss_kb(pid: int) -> int:
    # Proportional set size: a page shared by n processes counts 1/n in each, so the sum over
    # forked workers is their real footprint (a sum of RSS would count shared pages n times).
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _tree_pss_kb(root: int) -> int:
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", encoding="ascii", errors="replace") as stat:
                text = stat.read()
        except OSError:
            continue
        fields = text[text.rfind(")") + 2:].split()  # fields 3.. of proc(5): state, ppid, ...
        parents[int(entry.name)] = int(fields[1])
        rss[int(entry.name)] = int(fields[21]) * PAGE_KB
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent and pid not in tree]
        tree.update(children)
        frontier.extend(children)
    return sum(_pss_kb(pid) or rss.get(pid, 0) for pid in tree)


def run_once(cmd: list[str], ok_codes: tuple[int, ...] = (0, 1)) -> Sample:
    """Run `cmd` from the repo root, output discarded; time it and measure its memory."""
    with tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        # Its own session, so an interrupted benchmark can stop the command and its workers.
        proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=err,
                                start_new_session=True)
        tree_peak = [0]
        done = threading.Event()

        def sample_tree() -> None:
            while not done.wait(0.1):
                try:
                    tree_peak[0] = max(tree_peak[0], _tree_pss_kb(proc.pid))
                except (OSError, ValueError, IndexError):
                    pass  # /proc changed under us or is not Linux's; the rusage figure remains

        sampler = threading.Thread(target=sample_tree, daemon=True)
        sampler.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        except BaseException:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            raise
        seconds = time.perf_counter() - started
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    failure = None
    if proc.returncode not in ok_codes or "Traceback (most recent call last)" in stderr:
        # The last line that is not a caret underline names the exception.
        said = [line.strip() for line in stderr.splitlines() if line.strip(" ^~")]
        failure = f"exit {proc.returncode}: {(said or [''])[-1][:300]}".replace("|", "/")
    peak_kb = usage.ru_maxrss  # kilobytes on Linux
    # A run shorter than one sample has no PSS figure; its largest process stands in.
    return Sample(seconds, peak_kb, tree_peak[0] or peak_kb, failure)


def measure(label: str, cmd: list[str], shown: str, runs: int, prime: bool = False) -> Row:
    """Run `cmd` `runs` times (after one unmeasured run to fill caches if `prime`)."""
    if prime:
        print(f"bench: {label}: priming the cache", file=sys.stderr)
        run_once(cmd)
    samples = []
    for number in range(1, runs + 1):
        sample = run_once(cmd)
        print(f"bench: {label} {number}/{runs}: {sample.seconds:.2f} s"
              + (f" FAILED {sample.failure}" if sample.failure else ""), file=sys.stderr)
        samples.append(sample)
    return Row(label, shown, tuple(samples))


def supported_flags(help_text: str) -> set[str]:
    """Which of the cache and worker flags this tflint-grad's --help mentions."""
    return {flag for flag in ("--no-cache", "--jobs", "--cache-dir") if flag in help_text}


def _version(cmd: list[str]) -> str:
    proc = subprocess.run(cmd, check=False, capture_output=True, text=True, cwd=REPO)
    return (proc.stdout.strip() or proc.stderr.strip() or "?").splitlines()[0]


def _ratio(numerator: Row, denominator: Row | None) -> float | None:
    if denominator is None or numerator.failure or denominator.failure or not denominator.median:
        return None
    return numerator.median / denominator.median


def goal_line(name: str, value: float | None, limit: float, unit: str) -> str:
    """One row of the goals table."""
    if value is None:
        return f"| {name} | n/a (a run failed or was skipped) | ≤ {limit:g}{unit} | n/a |"
    shown = f"{value:.0f} MB" if unit == " MB" else f"{value:.3g}×"
    return f"| {name} | {shown} | ≤ {limit:g}{unit} | {'yes' if value <= limit else 'no'} |"


def _row_line(row: Row) -> str:
    if row.failure:
        failed = f"failed: {row.failure}"
        return f"| {row.label} | `{row.shown}` | {len(row.samples)} | {failed} | | | | |"
    times = [s.seconds for s in row.samples]
    return (f"| {row.label} | `{row.shown}` | {len(row.samples)} | {row.median:.2f} | "
            f"{min(times):.2f} | {max(times):.2f} | {row.peak_mb:.0f} | {row.tree_peak_mb:.0f} |")


def scaling_line(label: str, files: int, lines: int, row: Row, whole_ms: float | None) -> str:
    """One row of the scaling table: time per 1,000 lines, and that against the whole corpus."""
    if row.failure:
        return f"| {label} | {files:,} | {lines:,} | failed: {row.failure} | | |"
    per_kline = row.median / lines * 1e6
    against = f"{per_kline / whole_ms:.2f}" if whole_ms else "—"
    return f"| {label} | {files:,} | {lines:,} | {row.median:.2f} | {per_kline:.2f} | {against} |"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the Markdown report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per command (default 3)")
    parser.add_argument("--flake8-runs", type=int, default=1, help="default 1; 0 skips it")
    parser.add_argument("--jobs", type=int, help="pass --jobs N to tflint-grad if it has it")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--big-lines", type=int, default=50_000)
    parser.add_argument("--skip-scaling", action="store_true")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    # `kill` of the benchmark unwinds it, so the command being timed is stopped too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    src = ensure_corpus(args.corpus)
    files = python_files(src)
    lines = count_lines(files)
    load = os.getloadavg()[0]
    tflint = str(BIN / "tflint-grad")
    help_text = subprocess.run([tflint, "--help"], check=False, capture_output=True,
                               text=True).stdout
    flags = supported_flags(help_text)
    notes: list[str] = []
    work = Path(tempfile.mkdtemp(prefix="tflint-grad-bench-"))
    try:
        extra = ["--cache-dir", str(work / "tflint-cache")] if "--cache-dir" in flags else []
        if args.jobs is not None:
            if "--jobs" in flags:
                extra += ["--jobs", str(args.jobs)]
            else:
                notes.append(f"--jobs {args.jobs} ignored: this tflint-grad has no --jobs")
        cold_flags = ["--no-cache"] if "--no-cache" in flags else []
        if not cold_flags:
            notes.append("this tflint-grad has no --no-cache: cold is a plain run")
        if not flags & {"--no-cache", "--cache-dir"}:
            notes.append("this tflint-grad has no cache: warm is a plain second run")

        def tflint_cmd(target: Path, cold: bool) -> list[str]:
            return [tflint, *extra, *(cold_flags if cold else []), str(target)]

        def shown(cmd: list[str]) -> str:
            text = " ".join(cmd).replace(str(work), "$TMP").replace(f"{BIN}/", "")
            return text.replace(f"{REPO}/", "").replace(sys.executable, "python")

        rows: dict[str, Row] = {}
        plan = [
            ("tflint-grad cold", tflint_cmd(src, cold=True), None, args.runs, False),
            ("tflint-grad warm", tflint_cmd(src, cold=False), None, args.runs, True),
            ("ruff cold", [str(BIN / "ruff"), "check", "--select", "F", "--no-cache", str(src)],
             None, args.runs, False),
            ("ruff warm", [str(BIN / "ruff"), "check", "--select", "F", "--cache-dir",
                           str(work / "ruff-cache"), str(src)], None, args.runs, True),
            ("flake8 -j2", [sys.executable, "-c", FLAKE8_ALONE, "-j2", str(src)],
             f"flake8 -j2 {shown([str(src)])}  (without the tflint-grad plugin)",
             args.flake8_runs, False),
            ("grep", ["grep", "-rl", "GradientTape", str(src)], None, args.runs, False),
        ]
        for label, cmd, display, runs, prime in plan:
            if runs < 1:
                continue
            rows[label] = measure(label, cmd, display or shown(cmd), runs, prime)

        scaling: list[str] = []
        if not args.skip_scaling:
            whole = rows["tflint-grad cold"]
            whole_ms = None if whole.failure else whole.median / lines * 1e6
            for k, label in ((4, "¼ corpus (every 4th file)"), (2, "½ corpus (every 2nd file)")):
                subset = every_kth(files, k)
                copy = copy_subset(subset, src, work / f"every-{k}" / "src")
                row = measure(f"tflint-grad cold, {label}", tflint_cmd(copy, cold=True), "",
                              args.runs)
                scaling.append(scaling_line(label, len(subset), count_lines(subset), row,
                                            whole_ms))
            scaling.append(scaling_line("all corpus", len(files), lines, whole, whole_ms))
            big = work / "big" / "big_model.py"
            big.parent.mkdir()
            big.write_text(gen_big.generate(args.big_lines), encoding="utf-8")
            row = measure("tflint-grad cold, generated file", tflint_cmd(big, cold=True), "",
                          args.runs)
            scaling.append(scaling_line("generated file (bench/gen_big.py)", 1, args.big_lines,
                                        row, whole_ms))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    cold, warm = rows["tflint-grad cold"], rows["tflint-grad warm"]
    peaks = [max(r.tree_peak_mb, r.peak_mb) for r in (cold, warm) if not r.failure]
    revision = _version(["git", "rev-parse", "--short", "HEAD"])
    changed = subprocess.run(["git", "status", "--porcelain", "--", "tflint_grad"], check=False,
                             capture_output=True, text=True, cwd=REPO).stdout.strip()
    if changed:
        revision += " with uncommitted changes in tflint_grad/"
    report = [
        f"## tflint-grad speed, {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC",
        "",
        (f"Machine: {platform.machine()}, {os.cpu_count()} cores, load average {load:.1f} at the "
         f"start (other work on the machine adds noise). Python {platform.python_version()}; "
         f"tflint-grad {metadata.version('tflint-grad')} (git {revision}); "
         f"{_version([str(BIN / 'ruff'), '--version'])}; flake8 {metadata.version('flake8')}."),
        (f"Corpus: {len(files):,} files, {lines:,} lines in {shown([str(src)])}. "
         f"Medians of {args.runs} runs (flake8: {args.flake8_runs}); warm rows after one "
         "unmeasured run that fills the cache. tflint-grad flags found in --help: "
         f"{', '.join(sorted(flags)) or 'none of --no-cache, --jobs, --cache-dir'}."),
        *(f"Note: {note}." for note in notes),
        "",
        ("| tool | command | runs | median s | min s | max s | peak MB (largest process) "
         "| peak MB (all processes, PSS) |"),
        "|---|---|---|---|---|---|---|---|",
        *(_row_line(row) for row in rows.values()),
        "",
        "### Goals (issue 6)",
        "",
        "| measure | measured | goal | met |",
        "|---|---|---|---|",
        goal_line("tflint-grad cold / ruff cold", _ratio(cold, rows.get("ruff cold")), 3, "×"),
        goal_line("tflint-grad cold / flake8 -j2", _ratio(cold, rows.get("flake8 -j2")), 0.05, "×"),
        goal_line("tflint-grad warm / ruff warm", _ratio(warm, rows.get("ruff warm")), 1.5, "×"),
        goal_line("tflint-grad peak memory (larger memory column)", max(peaks) if peaks else None,
                  300, " MB"),
    ]
    if scaling:
        report += ["", "### Scaling (tflint-grad cold)", "",
                   "| input | files | lines | median s | ms per 1k lines | against all corpus |",
                   "|---|---|---|---|---|---|", *scaling]
    text = "\n".join(report) + "\n"
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
