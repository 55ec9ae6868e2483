"""The third labeled set, tests/cases3/: programs in other styles (subclassed Keras models, tf.Module,
helpers taking the model as a parameter, while loops, closures, list/dict sources, aliases).

Each program is linted and its (line, code) findings compared with its `# expect:` labels. Every
label was checked against real TensorFlow with tests/cases3/_verify.py (the instrumented runner of
tests/cases/_verify.py); `test_labels_hold_in_tensorflow` re-runs that check in one subprocess.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from labeled import check_set_shape, params, reported

CASES = Path(__file__).resolve().parent / "cases3"

# Cases whose labels are true in TensorFlow but which the engine gets wrong, by file name.
# The reason names the engine gap; strict xfail, so a fix makes the test flip.
KNOWN_MISSES: dict[str, str] = {
    "TFG002_v1_alias_closure.py": (
        "FN line 11: tf.gradients runs inside a closure returned by build_penalty(w) and called as "
        "`build_penalty(w)()`; calls of returned closures are not followed into their bodies"),
    "TFG003_dict_batch_random.py": (
        "FN line 11: the source `batch[\"features\"]` is a subscript of a dict display; the model "
        "does not map dict keys to the values stored under them"),
    "TFG006_closure_called_twice.py": (
        "FN line 12: one textual tape.gradient in `grad_of`, called twice from module level; "
        "TFG006 counts the calls written against a tape, not how often a helper runs them"),
    "TFG008_numpy_in_call.py": (
        "FN line 20: `net = Smooth()` is a model, but calling it does not look into Smooth.call, "
        "so the np.tanh there is invisible"),
    "TFG009_stop_gradient_module_call.py": (
        "FN line 19: the tf.stop_gradient sits inside FrozenHead.call; calling the module does not "
        "look into its methods"),
    "TFG011_dict_params_unused.py": (
        "FN line 13: the sources params[\"w\"], params[\"gamma\"] are subscripts of a dict "
        "display: sources the model cannot name get no verdict"),
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




def test_case_set_shape() -> None:
    check_set_shape(case_files(), KNOWN_MISSES, 55, expected_findings)


@pytest.mark.parametrize("path", params(case_files(), KNOWN_MISSES))
def test_case_findings_match_labels(path: Path) -> None:
    assert reported(path) == expected_findings(path)


def test_labels_hold_in_tensorflow() -> None:
    """Every label misbehaves in TF 2.21 as its code says; unlabeled lines and clean files don't."""
    pytest.importorskip("tensorflow")
    errors = VERIFY.run_many(case_files(), timeout=60.0)
    bad = {name: errs for name, errs in errors.items() if errs}
    assert not bad, bad
