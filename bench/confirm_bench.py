"""Time --confirm over the findings in fixtures/ against a bare `python -c "import tensorflow"`."""
from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

from tflint_grad.api import lint_source
from tflint_grad.confirm import confirm_one
from tflint_grad.confirm.runner import Runner
from tflint_grad.types import Diagnostic

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
    started = time.perf_counter()
    subprocess.run([args.python, "-I", "-c", "import tensorflow"], check=True,
                   capture_output=True)
    bare = time.perf_counter() - started
    per_finding: list[float] = []
    statuses: dict[str, int] = {}
    started = time.perf_counter()
    with Runner(args.python) as runner:
        runner.start()
        startup = time.perf_counter() - started
        for diag, source in work:
            began = time.perf_counter()
            status = confirm_one(runner, diag, source).status
            per_finding.append(time.perf_counter() - began)
            statuses[status] = statuses.get(status, 0) + 1
    total = time.perf_counter() - started
    median = statistics.median(per_finding) * 1000 if per_finding else 0.0
    print(f"findings: {len(work)} {statuses}")
    print(f"bare import tensorflow: {bare * 1000:.0f} ms; worker start: {startup * 1000:.0f} ms")
    print(f"--confirm total: {total * 1000:.0f} ms; median per finding: {median:.0f} ms; "
          f"max: {max(per_finding, default=0) * 1000:.0f} ms")
    print(f"ratio (--confirm total / bare import): {total / bare:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
