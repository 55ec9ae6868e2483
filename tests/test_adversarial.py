"""Adversarial programs, tests/adversarial/: correct TensorFlow that must get no findings.

Every program runs in TF 2.21 without error and each of its gradient calls returns a real,
non-None, non-zero gradient (`test_programs_run_in_tensorflow` checks this, all programs in one
subprocess). `ok_*` programs are left alone by the engine today; `fp_*` programs are false
positives, listed in FALSE_POSITIVES with the engine assumption that breaks on them (strict xfail:
a fix flips the test, and the entry must then go).
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tflint_grad.api import lint_source

HERE = Path(__file__).resolve().parent / "adversarial"

# Every false positive found so far has been fixed; new ones go here with their reason.
FALSE_POSITIVES: dict[str, str] = {
}


def programs() -> list[Path]:
    return sorted(p for p in HERE.glob("*.py") if not p.name.startswith("_"))


def _params() -> list[object]:
    return [pytest.param(path, id=path.name, marks=[pytest.mark.xfail(
        strict=True, reason=FALSE_POSITIVES[path.name])] if path.name in FALSE_POSITIVES else [])
        for path in programs()]


def test_program_set_shape() -> None:
    files = programs()
    assert len(files) >= 40
    assert all(re.fullmatch(r"(fp|ok)_[a-z0-9_]+\.py", p.name) for p in files)
    names = {p.name for p in files}
    assert set(FALSE_POSITIVES) == {n for n in names if n.startswith("fp_")}


@pytest.mark.parametrize("path", _params())
def test_program_gets_no_findings(path: Path) -> None:
    result = lint_source(path.read_text(encoding="utf-8"), str(path))
    assert not result.problems, result.problems
    assert [f"{d.line}: {d.code}" for d in result.diagnostics] == []


def test_programs_run_in_tensorflow() -> None:
    """All programs in one subprocess: each runs, and every gradient call returns a real value."""
    pytest.importorskip("tensorflow")
    proc = subprocess.run([sys.executable, str(HERE / "_run_all.py")], check=False,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr[-2000:]
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert set(report) == {p.name for p in programs()}
    bad = {name: r for name, r in report.items()
           if r["error"] or not r["calls"] or any(c != "ok" for c in r["calls"])}
    assert not bad, bad
