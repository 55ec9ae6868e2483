"""Every rules/*/bad.py finding confirmed in real TensorFlow with the catalog's outcome; every
good.py gradient a real derivative that agrees with central finite differences; and where a
rule has fixed.py, the repair's intended derivative is what good.py computes."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tflint_grad.api import lint_source
from tflint_grad.catalog import BY_CODE, Result
from tflint_grad.confirm import confirm_one, run_site
from tflint_grad.confirm.runner import Runner
from tflint_grad.types import Derivative

RULES = Path(__file__).resolve().parent.parent / "rules"
FOLDERS = sorted(p for p in RULES.iterdir() if p.is_dir())
RELATIVE = 1e-2  # float32 slices: agreement relative to the derivative's size

NONE = "returned None"


def catalog_says(code: str, outcome: str) -> bool:
    """Is a confirmation's outcome one the catalog declares for the rule? A None code's
    confirmation says 'returned None' (or zeros); a raising one 'raised <Exception>: <message>'."""
    entry = BY_CODE[code]
    if not entry.raises:
        return outcome.endswith(NONE) or (
            outcome.endswith("returned zeros") and any(o.result is Result.ZEROS
                                                       for o in entry.outcomes))
    return any(o.result is Result.RAISES and outcome.startswith(f"raised {o.exception}: ")
               and o.message in outcome for o in entry.outcomes)


GRADIENT_CALL = re.compile(r"\b\w+\.gradient\(")


@pytest.fixture(scope="module")
def runner():
    with Runner(timeout=600.0) as shared:
        yield shared


def _bad(folder: Path) -> list[tuple[str, str, object]]:
    path = folder / "bad.py"
    source = path.read_text()
    return [(d.code, source, d) for d in lint_source(source, str(path)).diagnostics]


def _sites(source: str) -> list[tuple[int, int]]:
    return [(number, match.start() + 1) for number, text in enumerate(source.splitlines(), 1)
            for match in GRADIENT_CALL.finditer(text.split("#")[0])]


def _agrees(found: Derivative) -> float:
    assert found.fd_error is not None, found
    scale = max(1.0, max(abs(v) for v in found.values))
    assert found.fd_error <= RELATIVE * scale, found
    return found.fd_error


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name[:6])
def test_bad_confirmed_with_the_catalogs_outcome(runner: Runner, folder: Path) -> None:
    found = _bad(folder)
    assert folder.name[:6] in {code for code, _, _ in found}
    for code, source, diag in found:
        confirmation = confirm_one(runner, diag, source)  # type: ignore[arg-type]
        assert confirmation.status == "confirmed", (code, confirmation)
        assert catalog_says(code, confirmation.outcome), (code, confirmation.outcome)


# A straight-through estimator's gradient is a chosen surrogate for tf.round's (zero almost
# everywhere): a central difference must disagree with it, and the check has to say so.
SURROGATE = {"TFG009"}
# Rules whose programs train with model.fit, without a gradient call of their own.
FIT_TRAINED = {"TFG018"}


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name[:6])
def test_good_derivatives_match_finite_differences(runner: Runner, folder: Path) -> None:
    source = (folder / "good.py").read_text()
    sites = _sites(source)
    if folder.name[:6] in FIT_TRAINED:
        # good.py trains with model.fit: Keras takes the gradient, and test_rules_docs checks
        # that every gradient it took was a value.
        assert not sites and ".fit(" in source
        return
    assert sites
    for line, column in sites:
        found = run_site(runner, source, line, column, filename=str(folder / "good.py"))
        assert isinstance(found, Derivative), (folder.name, line, found)
        assert all(v == v for v in found.values) and any(found.values), found
        if folder.name[:6] in SURROGATE:
            assert found.fd_error is not None and found.fd_error > 0.1, found
            continue
        error = _agrees(found)
        print(f"{folder.name[:6]} good.py:{line} {found.label} max abs error {error:.2e}")


def _derivatives(runner: Runner, source: str) -> dict[str, Derivative]:
    """Every derivative a program's gradient calls compute, by label: du/d[x, t] gives
    du/dx and du/dt."""
    out: dict[str, Derivative] = {}
    for line, column in _sites(source):
        first = run_site(runner, source, line, column)
        assert isinstance(first, Derivative), (line, first)
        top, _, bottom = first.label.partition("/d")
        if bottom.startswith("[") and first.label.endswith("[0]"):
            names = bottom[1:].split("]")[0].split(", ")
            for item, name in enumerate(names):
                found = run_site(runner, source, line, column, item=item)
                assert isinstance(found, Derivative), (line, item, found)
                out[f"{top}/d{name}"] = found
        else:
            out[first.label] = first
    return out


@pytest.mark.parametrize("folder", [f for f in FOLDERS if (f / "fixed.py").exists()],
                         ids=lambda p: p.name[:6])
def test_intended_derivative_is_goods(runner: Runner, folder: Path) -> None:
    wanted = _derivatives(runner, (folder / "good.py").read_text())
    intended: list[Derivative] = []
    for code, source, diag in _bad(folder):
        confirmation = confirm_one(runner, diag, source)  # type: ignore[arg-type]
        if confirmation.intended is not None:
            intended.append(confirmation.intended)
    repaired = _derivatives(runner, (folder / "fixed.py").read_text())
    compared = 0
    for found in [*intended, *repaired.values()]:
        if found.label not in wanted:
            continue
        want = wanted[found.label]
        assert found.shape == want.shape and found.dtype == want.dtype, (found, want)
        assert found.values == pytest.approx(want.values, rel=1e-5, abs=1e-6), (found, want)
        compared += 1
    assert compared > len(intended), (sorted(repaired), sorted(wanted))  # fixed.py too
    assert all(found.label in wanted for found in intended), (intended, sorted(wanted))
    if folder.name[:6] in ("TFG001", "TFG003", "TFG005"):  # None findings with a repair
        assert intended, "the rule's fix gave no intended derivative"
        _agrees(intended[0])
