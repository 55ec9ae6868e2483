"""The second labeled set, tests/cases/: each program linted, findings compared with its labels.

Only (line, code) pairs are compared. Every label was checked against real TensorFlow by
tests/cases/_verify.py (gradient APIs instrumented); `test_labels_hold_in_tensorflow` re-runs that
check, all cases through one subprocess.
"""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from tflint_grad.api import lint_source

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


def _params() -> list[object]:
    return [pytest.param(path, id=path.name, marks=[pytest.mark.xfail(
        strict=True, reason=KNOWN_MISSES[path.name])] if path.name in KNOWN_MISSES else [])
        for path in case_files()]


def test_case_set_shape() -> None:
    files = case_files()
    assert len(files) >= 60
    assert all(re.fullmatch(r"(TFG\d{3}|clean)_[A-Za-z0-9_]+\.py", p.name) for p in files)
    for path in files:
        labels = expected_findings(path)
        if path.name.startswith("clean_"):
            assert not labels, path.name
        else:
            assert (path.name[:6] in {code for _, code in labels}), path.name
    assert set(KNOWN_MISSES) <= {p.name for p in files}


@pytest.mark.parametrize("path", _params())
def test_case_findings_match_labels(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    result = lint_source(source, str(path))
    assert not result.problems, result.problems
    actual = {(d.line, d.code) for d in result.diagnostics}
    assert actual == expected_findings(path)


def test_labels_hold_in_tensorflow() -> None:
    """Every label misbehaves in TF 2.21 as its code says; unlabeled lines and clean files don't."""
    pytest.importorskip("tensorflow")
    errors = VERIFY.run_many(case_files(), timeout=240.0)
    bad = {name: errs for name, errs in errors.items() if errs}
    assert not bad, bad
