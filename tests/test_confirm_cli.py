"""`tflint-grad --confirm` end to end, on a script and on a notebook, with real TensorFlow."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BAD = next(iter(sorted(ROOT.glob("rules/TFG003-*/bad.py"))))


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tflint_grad", "--no-cache", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=600, check=False)


@pytest.mark.needs_tensorflow
def test_confirm_on_a_notebook_maps_cells_and_shows_the_fixed_derivative(tmp_path: Path) -> None:
    lines = BAD.read_text(encoding="utf-8").splitlines(keepends=True)
    half = len(lines) // 2
    cells = [{"cell_type": "markdown", "metadata": {}, "source": ["# notes\n"]},
             {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
              "source": ["%matplotlib inline\n", *lines[:half]]},
             {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
              "source": lines[half:]}]
    notebook = tmp_path / "study.ipynb"
    notebook.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4,
                                    "nbformat_minor": 5}), encoding="utf-8")
    proc = run("--confirm", "--format", "json", notebook.name, cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    (finding,) = json.loads(proc.stdout)
    assert finding["code"] == "TFG003" and finding["cell"] == 3
    confirmation = finding["confirmation"]
    assert confirmation["status"] == "confirmed", confirmation
    assert "returned None" in confirmation["outcome"]
    assert confirmation["intended"] is not None and confirmation["intended"]["fd_error"] < 1e-2



def test_a_refuted_finding_does_not_fail_the_run_but_a_confirmed_one_does() -> None:
    from tflint_grad.cli import _exit_code
    from tflint_grad.types import Confirmation, Diagnostic, FileResult

    def result(status: str) -> FileResult:
        d = Diagnostic("a.py", 3, 1, 3, 9, "TFG011", "TFG011 ...",
                       confirmation=Confirmation(status, "returned a gradient"))
        return FileResult("a.py", (d,))

    assert _exit_code([result("refuted")], exit_zero=False) == 0
    assert _exit_code([result("confirmed")], exit_zero=False) == 1
    assert _exit_code([result("not run")], exit_zero=False) == 1
