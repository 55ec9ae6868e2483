"""Realistic training scripts (fixtures/scripts/) under --confirm: every finding runs in
TensorFlow, inside the functions, methods and classes it sits in, and TensorFlow does what the
finding's message says (the same None, zeros or exception)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tflint_grad.api import lint_source
from tflint_grad.confirm import confirm
from tflint_grad.types import FileResult

SCRIPTS = Path(__file__).resolve().parent.parent / "fixtures" / "scripts"


@pytest.fixture(scope="module")
def confirmed() -> list[FileResult]:
    sources = {str(p): p.read_text(encoding="utf-8") for p in sorted(SCRIPTS.glob("*.py"))}
    results = [lint_source(text, path) for path, text in sources.items()]
    return confirm(results, sources, timeout=600.0)


@pytest.mark.needs_tensorflow
def test_every_finding_of_the_scripts_runs_and_states_what_tensorflow_did(
        confirmed: list[FileResult]) -> None:
    assert len(confirmed) >= 10
    findings = [d for result in confirmed for d in result.diagnostics]
    assert len(findings) >= 15
    for d in findings:
        assert d.confirmation is not None
        where = f"{Path(d.path).name}:{d.line} {d.code}"
        assert d.confirmation.status == "confirmed", (where, d.confirmation)
        assert not d.confirmation.other_outcome, (where, d.confirmation.outcome)


@pytest.mark.needs_tensorflow
def test_the_six_finding_pinn_runs_all_six(confirmed: list[FileResult]) -> None:
    (pinn,) = [r for r in confirmed if r.path.endswith("pinn_six_findings.py")]
    assert sorted(d.code for d in pinn.diagnostics) == [
        "TFG001", "TFG003", "TFG004", "TFG005", "TFG008", "TFG011"]
    assert all(d.confirmation is not None and d.confirmation.status == "confirmed"
               for d in pinn.diagnostics)
    typed = [d for d in pinn.diagnostics if d.code == "TFG004"]
    assert typed[0].confirmation is not None
    assert typed[0].confirmation.outcome.startswith(
        "raised TypeError: unsupported operand type(s) for *: 'float' and 'NoneType'")
