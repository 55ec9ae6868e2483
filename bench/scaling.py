"""Scaling run: time and peak memory per line of tflint-grad on generated files of several shapes.

Each shape is generated at several sizes (1,000 to 100,000 lines by default); each file is linted
cold (`--no-cache`) in its own process, and the table prints wall time and peak resident memory
per 1,000 lines (the start-up time of a 3-line file taken off, so that the per-line cost is the
file's own). The run fails (exit 1) when, for any shape, the time or the memory per line at the
largest size is more than --max-ratio (1.5) times that at the smallest: the cost must grow with
the file, not faster. Times are measurements for bench/, never assertions in a test.

usage: bench/scaling.py [--sizes 1000,10000,100000] [--shapes a,b] [--max-ratio 1.5] [--keep DIR]
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HEADER = "import numpy as np\nimport tensorflow as tf\n\n"


def _watched(indent: str, tape: str, x: str, y: str, value: str) -> str:
    """A tape block at `indent` that watches x and computes y from it (3 lines)."""
    return (f"{indent}with tf.GradientTape() as {tape}:\n"
            f"{indent}    {tape}.watch({x})\n"
            f"{indent}    {y} = {value}\n")


def module_tapes(i: int) -> str:
    """The robustness suite's big.py block: a module-level tape watching a fresh tensor (5 lines)."""
    return (f"a{i} = tf.ones([2, 1]) * {i}\n"
            + _watched("", f"tape{i}", f"a{i}", f"b{i}", f"tf.reduce_sum(a{i} * a{i})")
            + f"g{i} = tape{i}.gradient(b{i}, a{i})\n")


def many_functions(i: int) -> str:
    """A function per block, each with its own tape and a helper call (10 lines)."""
    return (f"def step{i}(model, x):\n"
            + _watched("    ", "tape", "x", "u", "model(x)")
            + f"        loss = tf.reduce_mean(u * u) + {i}.0\n"
            f"    return tape.gradient(loss, x)\n\n"
            f"def helper{i}(v):\n    return tf.nn.relu(v) * {i}\n\n")


def one_long_function(i: int) -> str:
    """Statements of one function body: locals feeding a tape every fifth line (5 lines)."""
    return (f"    x{i} = tf.ones([2, 1]) * {i}\n"
            + _watched("    ", f"t{i}", f"x{i}", f"y{i}",
                       f"tf.reduce_sum(x{i} * x{i}) + y{i - 1 if i else 0}")
            + f"    g{i} = t{i}.gradient(y{i}, x{i})\n")


def elif_chain(i: int) -> str:
    """A function dispatching on a 100-branch if/elif chain before its tape (206 lines).

    One chain per function: CPython itself cannot compile a chain of a few thousand elifs
    (RecursionError), so a 100,000-line file of one chain is not a program."""
    branches = "".join(f"    {'if' if k == 0 else 'elif'} mode == {k}:\n        x = x * {k}.0\n"
                       for k in range(100))
    return (f"def dispatch{i}(x, mode):\n{branches}"
            + _watched("    ", "tape", "x", "y", "tf.reduce_sum(x * x)")
            + "    return tape.gradient(y, x)\n\n")


def deep_loops(i: int) -> str:
    """Nested loops around a tape inside a function (8 lines)."""
    return (f"def loops{i}(xs, n):\n"
            f"    for a in range(n):\n"
            f"        for b in range(n):\n"
            f"            while b < n:\n"
            + _watched("                ", "tape", "xs", "y", f"tf.reduce_sum(xs * {i}.0)")
            + "                b += 1\n")


def build(shape: str, lines: int) -> str:
    """A file of about `lines` lines made of the shape's blocks."""
    block: Callable[[int], str] = SHAPES[shape][0]
    per = SHAPES[shape][1]
    count = max(1, (lines - 4) // per)
    if shape == "one-long-function":
        body = "".join(block(i) for i in range(count))
        return HEADER + "def run():\n    y0 = 0.0\n" + body + "    return g0\n"
    return HEADER + "".join(block(i) for i in range(count))


SHAPES: dict[str, tuple[Callable[[int], str], int]] = {
    "module-tapes": (module_tapes, 5),
    "many-functions": (many_functions, 10),
    "one-long-function": (one_long_function, 5),
    "elif-chain": (elif_chain, 206),
    "deep-loops": (deep_loops, 8),
}


def measure(tool: list[str], path: Path) -> tuple[float, float, int]:
    """Wall seconds, peak RSS (MB) of the child, and its exit code, for one cold lint of `path`."""
    start = time.perf_counter()
    proc = subprocess.Popen([*tool, "--no-cache", "--format", "json", str(path)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        err = proc.stderr.read().decode() if proc.stderr else ""
        raise SystemExit(f"{path}: exit {code}\n{err}")
    return wall, usage.ru_maxrss / 1024, code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--shapes", default=",".join(SHAPES))
    parser.add_argument("--max-ratio", type=float, default=1.5)
    parser.add_argument("--keep", type=Path, help="write the generated files here")
    parser.add_argument("--tool", default=str(Path(sys.executable).parent / "tflint-grad"))
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    shapes = args.shapes.split(",")
    out = args.keep or Path(tempfile.mkdtemp(prefix="tflint-scaling-"))
    out.mkdir(parents=True, exist_ok=True)
    load = os.getloadavg()
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}, {os.cpu_count()} cores")
    print("| shape | lines | wall s | ms / 1k lines beyond start-up | peak MB | KB / line |")
    print("|---|---|---|---|---|---|")
    empty = out / "empty.py"
    empty.write_text(HEADER)
    base = sorted(measure([args.tool], empty)[0] for _ in range(3))[1]
    print(f"| (start-up: a 3-line file) | 3 | {base:.2f} | | | |")
    failed = []
    for shape in shapes:
        per_line: list[tuple[float, float]] = []
        for size in sizes:
            path = out / f"{shape}-{size}.py"
            text = build(shape, size)
            path.write_text(text)
            n = text.count("\n")
            wall, mb, _ = measure([args.tool], path)
            per_line.append((max(wall - base, 1e-3) / n, mb / n))
            print(f"| {shape} | {n} | {wall:.2f} | {1e6 * (wall - base) / n:.1f} | {mb:.0f} | "
                  f"{1024 * mb / n:.1f} |", flush=True)
        t_ratio = per_line[-1][0] / per_line[0][0]
        # Memory has a fixed floor (the interpreter and libcst); the ratio uses what the file adds.
        print(f"| {shape} | ratio largest/smallest: time {t_ratio:.2f} | | | | |")
        if t_ratio > args.max_ratio:
            failed.append(f"{shape}: time per line grows {t_ratio:.2f}x")
    for line in failed:
        print("FAIL", line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
