"""Where tflint-grad's cold time goes, serially in one process, on the corpus files its byte scan
passes: CPython's parse, selective parsing's decision, libcst on whole files and on what selective
parsing keeps, and the whole lint_source. libcst on what must be parsed is the floor a libcst
model cannot go under. Times are bench/ output, never assertions.

usage: bench/floor.py [CORPUS_SRC]   (default .corpus/src; fetch it with bench/corpus_check)
"""
from __future__ import annotations

import ast
import sys
import time
from collections.abc import Callable
from pathlib import Path

import libcst as cst

from tflint_grad import select
from tflint_grad.api import lint_source
from tflint_grad.checks import rules_triggered_by


def timed(step: Callable[[], object]) -> float:
    start = time.perf_counter()
    step()
    return time.perf_counter() - start


def main() -> int:
    src = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent.parent / ".corpus" / "src")
    files = []
    for path in sorted(src.rglob("*.py")):
        text = path.read_text(encoding="utf-8", errors="surrogateescape")
        rules = rules_triggered_by(text.encode("utf-8", "surrogatepass"))
        if rules:
            files.append((str(path), text, rules))
    trees: dict[str, ast.Module] = {}
    reduced: dict[str, str] = {}

    def decide() -> None:
        for path, text, rules in files:
            entries = [r.entry for r in rules]
            reduced[path] = select.reduced_for(text, trees[path], entries) or text

    t_ast = timed(lambda: [trees.__setitem__(p, ast.parse(t)) for p, t, _ in files])
    t_select = timed(decide)
    t_full = timed(lambda: [cst.parse_module(t) for _, t, _ in files])
    t_kept = timed(lambda: [cst.parse_module(reduced[p]) for p, _, _ in files])
    t_lint = timed(lambda: [lint_source(t, p) for p, t, _ in files])
    lines = sum(t.count("\n") for _, t, _ in files)
    blank = sum(sum(1 for line in t.splitlines() if not line.strip()) for _, t, _ in files)
    kept = sum(sum(1 for line in r.splitlines() if line.strip()) for r in reduced.values())
    print(f"{len(files)} files the scan passes, {lines:,} lines ({lines - blank:,} not blank; "
          f"selective parsing keeps {kept:,}); serial, one process")
    print("| step | s |\n|---|---|")
    for label, secs in (("ast.parse", t_ast), ("select (decide what to parse)", t_select),
                        ("libcst, whole files", t_full), ("libcst, what select keeps", t_kept),
                        ("lint_source (all of it)", t_lint)):
        print(f"| {label} | {secs:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
