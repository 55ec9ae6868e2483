"""Adversarial programs, round two (tests/adversarial2/): correct TensorFlow that must get no findings.

Aimed at the engine's newer assumptions: local Keras / tf.Module classes as models, methods run
eagerly, parameter kinds taken from call sites, loop joins, object mutation, integer dtype and float
shape inference, tf aliases. Every program runs in TF 2.21 without error and each of its gradient
calls returns a real, non-None gradient (`test_programs_run_in_tensorflow`, all programs in one
subprocess, through the instrumented runner of round one). `fp_*` programs are false positives of
today's engine, listed in FALSE_POSITIVES with the assumption that breaks on them (strict xfail: a
fix flips the test, and the entry must then go).
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tflint_grad.api import lint_source

ROOT = Path(__file__).resolve().parent
HERE = ROOT / "adversarial2"
RUNNER = ROOT / "adversarial" / "_run_all.py"

# Every false positive found in this round has been fixed; new ones go here with their reason.
FALSE_POSITIVES: dict[str, str] = {
}


PROGRAMS = sorted(p for p in HERE.glob("*.py") if not p.name.startswith("_"))


def test_program_set_shape() -> None:
    names = [p.name for p in PROGRAMS]
    assert len(names) >= 40
    assert all(re.fullmatch(r"(fp|ok)_[a-z0-9_]+\.py", n) for n in names)
    assert sorted(FALSE_POSITIVES) == [n for n in names if n.startswith("fp_")]


def _expected_clean(path: Path) -> object:
    reason = FALSE_POSITIVES.get(path.name)
    marks = [] if reason is None else [pytest.mark.xfail(strict=True, reason=reason)]
    return pytest.param(path, id=path.name, marks=marks)


@pytest.mark.parametrize("path", [_expected_clean(p) for p in PROGRAMS])
def test_program_gets_no_findings(path: Path) -> None:
    result = lint_source(path.read_text(encoding="utf-8"), str(path))
    found = [f"{d.line}: {d.code}" for d in result.diagnostics]
    assert (list(result.problems), found) == ([], [])


def test_programs_run_in_tensorflow() -> None:
    """All programs in one subprocess: each runs, and every gradient call returns a real value."""
    pytest.importorskip("tensorflow")
    proc = subprocess.run([sys.executable, str(RUNNER), *map(str, PROGRAMS)], check=False,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr[-2000:]
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert sorted(report) == [p.name for p in PROGRAMS]
    bad = {name: r for name, r in report.items()
           if r["error"] or not r["calls"] or any(c != "ok" for c in r["calls"])}
    assert not bad, bad
