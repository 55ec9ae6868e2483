"""The second labeled set, tests/cases/: each program linted, findings compared with its labels.

Only (line, code) pairs are compared. Every label was checked against real TensorFlow by
tests/cases/_verify.py (gradient APIs instrumented); `test_labels_hold_in_tensorflow` re-runs that
check, all cases through one subprocess.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from labeled import check_set_shape, params, reported

CASES = Path(__file__).resolve().parent / "cases"


def _load_verify():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("_verify_cases", CASES / "_verify.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


VERIFY = _load_verify()  # the label parser and the TF checker, shared with tests/cases/_verify.py

# Cases whose labels are true in TensorFlow but which the engine gets wrong, by file name.
# The reason says what the engine misses; strict xfail, so a fix makes the test flip.
KNOWN_MISSES: dict[str, str] = {
    "TFG007_session_run_variable.py": (
        "FN line 10: s.run(v) inside `with Session() as s` needs every fetched binding to be a "
        "known eager kind; v is a function parameter (the eager tf.Variable passed by the caller)"),
}


def expected_findings(path: Path) -> set[tuple[int, str]]:
    """The (line, code) pairs announced by `# expect: TFGnnn[, TFGnnn]` comments."""
    return {(line, code) for line, codes in VERIFY.labels(path).items() for code in codes}


def case_files() -> list[Path]:
    return list(VERIFY.case_files())




def test_case_set_shape() -> None:
    check_set_shape(case_files(), KNOWN_MISSES, 60, expected_findings)


@pytest.mark.parametrize("path", params(case_files(), KNOWN_MISSES))
def test_case_findings_match_labels(path: Path) -> None:
    assert reported(path) == expected_findings(path)


def test_labels_hold_in_tensorflow() -> None:
    """Every label misbehaves in TF 2.21 as its code says; unlabeled lines and clean files don't."""
    pytest.importorskip("tensorflow")
    errors = VERIFY.run_many(case_files(), timeout=240.0)
    bad = {name: errs for name, errs in errors.items() if errs}
    assert not bad, bad
