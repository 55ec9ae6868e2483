"""The third labeled set, tests/cases3/: programs in other styles (subclassed Keras models, tf.Module,
helpers taking the model as a parameter, while loops, closures, list/dict sources, aliases).

Each program is linted and its (line, code) findings compared with its `# expect:` labels. Every
label was checked against real TensorFlow with tests/cases3/_verify.py (the instrumented runner of
tests/cases/_verify.py); `test_labels_hold_in_tensorflow` re-runs that check in one subprocess.
"""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from tflint_grad.api import lint_source

CASES = Path(__file__).resolve().parent / "cases3"

# Cases whose labels are true in TensorFlow but which the engine gets wrong, by file name.
# The reason names the engine gap; strict xfail, so a fix makes the test flip.
KNOWN_MISSES: dict[str, str] = {
    "TFG002_v1_alias_closure.py": (
        "FN line 11: `v1_grads = tf.compat.v1.gradients` is an assignment, not an import, so "
        "ImportTable.resolve() gives None and no 'gradients' event is made; also "
        "`build_penalty(w)()` calls the returned closure, not a named local function"),
    "TFG003_dict_batch_random.py": (
        "FN line 11: a dict literal is Kind.UNKNOWN, `batch[\"features\"]` is Kind.CALL, and "
        "_Search.untracked() only reports PLAIN kinds"),
    "TFG006_closure_called_twice.py": (
        "FN line 12: one textual tape.gradient in `grad_of`, called twice from module level; "
        "check_tfg006 counts tape.calls only. FP line 12 TFG011: the target is a PARAM with no "
        "deps and the source a module-level variable; paths._unconnected() has its PARAM/PHI "
        "guard only for model_of sources"),
    "TFG008_numpy_in_call.py": (
        "FN line 20: `net = Smooth()` of a local Keras subclass is Kind.CALL; calling it does not "
        "follow Smooth.call, so the np.tanh cut is invisible"),
    "TFG009_stop_gradient_module_call.py": (
        "FN line 19: `head` (instance of a local tf.Module) is Kind.CALL, so the source "
        "`head.trainable_variables` is unnamed (None) and gets no verdict"),
    "TFG011_dict_params_unused.py": (
        "FN line 13: sources params[\"w\"], params[\"gamma\"] are subscripts of a dict literal; "
        "both sources are None (unnamed), no verdict"),
}


def _load_verify():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("_verify_cases3", CASES / "_verify.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.VERIFY


VERIFY = _load_verify()


def expected_findings(path: Path) -> set[tuple[int, str]]:
    """The (line, code) pairs announced by `# expect: TFGnnn[, TFGnnn]` comments."""
    return {(line, code) for line, codes in VERIFY.labels(path).items() for code in codes}


def case_files() -> list[Path]:
    return sorted(p for p in CASES.glob("*.py") if not p.name.startswith("_"))


def _params() -> list[object]:
    return [pytest.param(path, id=path.name, marks=[pytest.mark.xfail(
        strict=True, reason=KNOWN_MISSES[path.name])] if path.name in KNOWN_MISSES else [])
        for path in case_files()]


def test_case_set_shape() -> None:
    files = case_files()
    assert len(files) >= 55
    assert all(re.fullmatch(r"(TFG\d{3}|clean)_[A-Za-z0-9_]+\.py", p.name) for p in files)
    for path in files:
        labels = expected_findings(path)
        if path.name.startswith("clean_"):
            assert not labels, path.name
        else:
            assert path.name[:6] in {code for _, code in labels}, path.name
    assert set(KNOWN_MISSES) <= {p.name for p in files}


@pytest.mark.parametrize("path", _params())
def test_case_findings_match_labels(path: Path) -> None:
    result = lint_source(path.read_text(encoding="utf-8"), str(path))
    assert not result.problems, result.problems
    actual = {(d.line, d.code) for d in result.diagnostics}
    assert actual == expected_findings(path)


def test_labels_hold_in_tensorflow() -> None:
    """Every label misbehaves in TF 2.21 as its code says; unlabeled lines and clean files don't."""
    pytest.importorskip("tensorflow")
    errors = VERIFY.run_many(case_files(), timeout=60.0)
    bad = {name: errs for name, errs in errors.items() if errs}
    assert not bad, bad
