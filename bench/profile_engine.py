"""Profile the engine on the corpus files that mention gradients, in one process, one core.

Selects the files whose bytes match `GradientTape` or `gradients(` (about 250 files), runs
`lint_source` on each under cProfile, and prints the slowest files and the functions where the
time goes. `--out FILE` also saves the raw profile for `python -m pstats` or snakeviz.

usage: profile_engine.py [--corpus DIR] [--top N] [--out FILE.prof]
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import re
import sys
import time
from pathlib import Path

from corpus import DEFAULT_CORPUS, ensure_corpus, python_files

from tflint_grad.api import lint_source

MENTIONS_GRADIENTS = re.compile(rb"GradientTape|gradients\(")


def gradient_files(src: Path) -> list[Path]:
    """The corpus files that mention a tape or a gradients call."""
    return [path for path in python_files(src) if MENTIONS_GRADIENTS.search(path.read_bytes())]


def main(argv: list[str] | None = None) -> int:
    """Profile, then print per-file and per-function times."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--out", type=Path, help="save the raw profile here")
    args = parser.parse_args(argv)
    src = ensure_corpus(args.corpus)
    files = gradient_files(src)
    sources = [(path, path.read_text(encoding="utf-8", errors="surrogateescape")) for path in files]
    lines = sum(source.count("\n") for _, source in sources)
    per_file: list[tuple[float, str, int]] = []
    findings = 0
    profile = cProfile.Profile()
    started = time.perf_counter()
    for path, source in sources:
        begun = time.perf_counter()
        profile.enable()
        result = lint_source(source, str(path))
        profile.disable()
        findings += len(result.diagnostics)
        per_file.append((time.perf_counter() - begun, path.relative_to(src).as_posix(),
                         source.count("\n")))
    total = time.perf_counter() - started
    print(f"{len(files)} files, {lines:,} lines, {findings} findings: {total:.1f} s under "
          f"cProfile ({total / lines * 1e6:.2f} ms per 1k lines)\n\nslowest files:")
    for seconds, name, count in sorted(per_file, reverse=True)[:10]:
        print(f"  {seconds:6.2f} s  {count:6,} lines  {name}")
    if args.out:
        profile.dump_stats(args.out)
    stats = pstats.Stats(profile, stream=sys.stdout).strip_dirs()
    stats.sort_stats("cumulative").print_stats(args.top)
    stats.sort_stats("tottime").print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
