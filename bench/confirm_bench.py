"""Time --confirm over the findings in fixtures/ against a bare `python -c "import tensorflow"`.

Both run as children of this process, with the worker's own environment, one after the other.
The findings go through confirm(), the CLI's path: one worker, requests streamed to it while
the next slices are cut. Per finding: the worker's time for its request (slice, follow-up,
finite differences); the parent's slicing overlaps it.
"""
from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tflint_grad.api import lint_source
from tflint_grad.confirm import confirm
from tflint_grad.confirm.runner import Runner, _environment
from tflint_grad.types import Diagnostic, FileResult

EXPECT = re.compile(r"#\s*expect:\s*(TFG\d{3})")
CALL = re.compile(r"[A-Za-z_][\w.]*\(")


def findings(folder: Path) -> list[tuple[Diagnostic, str]]:
    """The engine's findings, or the `# expect:` labels while the engine finds nothing."""
    out: list[tuple[Diagnostic, str]] = []
    for path in sorted(folder.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        diags = list(lint_source(source, str(path)).diagnostics)
        if not diags:
            for number, text in enumerate(source.splitlines(), 1):
                label, call = EXPECT.search(text), CALL.search(text.split("#")[0])
                if label and call:
                    column = call.start() + 1
                    diags.append(Diagnostic(str(path), number, column, number, column + 1,
                                            label.group(1), label.group(1)))
        out += [(d, source) for d in diags]
    return out


def main() -> int:
    """Print median ms per finding, the totals and the ratio to a bare TensorFlow import."""
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", nargs="?", default="fixtures")
    parser.add_argument("--python", default=sys.executable)
    args = parser.parse_args()
    work = findings(Path(args.folder))
    results: dict[str, list[Diagnostic]] = {}
    sources: dict[str, str] = {}
    for diag, source in work:
        results.setdefault(diag.path, []).append(diag)
        sources[diag.path] = source
    with tempfile.TemporaryDirectory() as home:
        started = time.perf_counter()
        subprocess.run([args.python, "-I", "-c", "import tensorflow"], check=True,
                       capture_output=True, cwd=home, env=_environment(home))
        bare = time.perf_counter() - started
    elapsed: list[float] = []
    if hasattr(Runner, "stream"):
        streamed = Runner.stream

        def timed(self: Runner, requests):  # type: ignore[no-untyped-def]
            for reply in streamed(self, requests):
                elapsed.append(float(reply.get("elapsed", 0.0)))
                yield reply

        Runner.stream = timed  # type: ignore[method-assign]
    else:  # the one-request-at-a-time runner, for before/after comparisons
        single = Runner.run

        def one(self: Runner, request):  # type: ignore[no-untyped-def]
            reply = single(self, request)
            elapsed.append(float(reply.get("elapsed", 0.0)))
            return reply

        Runner.run = one  # type: ignore[method-assign]
    started = time.perf_counter()
    out = confirm([FileResult(p, tuple(d)) for p, d in results.items()], sources,
                  python=args.python)
    total = time.perf_counter() - started
    statuses: dict[str, int] = {}
    for result in out:
        for diag in result.diagnostics:
            status = diag.confirmation.status if diag.confirmation else "none"
            statuses[status] = statuses.get(status, 0) + 1
    median = statistics.median(elapsed) * 1000 if elapsed else 0.0
    print(f"findings: {len(work)} {statuses}")
    print(f"bare import tensorflow: {bare * 1000:.0f} ms")
    print(f"--confirm total: {total * 1000:.0f} ms; beyond the import: "
          f"{(total - bare) * 1000 / max(1, len(work)):.0f} ms per finding; median worker time "
          f"per finding: {median:.0f} ms; max: {max(elapsed, default=0) * 1000:.0f} ms")
    print(f"ratio (--confirm total / bare import): {total / bare:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
