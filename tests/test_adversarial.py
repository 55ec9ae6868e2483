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

_BEFORE_TAPE = ("a binding made before the tape that is not `joined` counts as a step the tape "
                "missed; {what} is no op at all (it holds the same objects)")
_WATCH = ("tape.watch records only the binding of the Name it is given; {what}")
_LOOP_EXIT = ("the loop form of TFG006 assumes the loop body runs again unless an exit sits in "
              "the call's own block; {what}")
_CLOSURE = ("TFG011 treats the target's dependency closure as complete unless it holds an "
            "UNKNOWN or opaque binding; {what}")
_IMPORTS = ("ImportTable.resolve is module-global and ignores local bindings, so {what} is "
            "taken for the imported module")
_TFFUNC = "eager_scopes assumes a function is traced only if a decorator resolves to tf.function; "

FALSE_POSITIVES: dict[str, str] = {
    "fp_callable_parameter.py": _CLOSURE.format(
        what="calling a callable parameter reads module globals (here the variable w) that are "
             "not in the closure"),
    "fp_partial_loss.py": _CLOSURE.format(
        what="calling a functools.partial object runs a local function whose free module names "
             "(w) never enter the closure"),
    "fp_swap.py": ("tuple assignment `a, b = b, a` is walked pair by pair, so the second element "
                   "reads the already rebound `a`; Python evaluates the whole right side first"),
    "fp_walrus_rebinds.py": ("`(loss := expr)` never binds its target, so a later `loss` still "
                             "means the earlier constant (TFG011)"),
    "fp_chain_assign_watch.py": ("`x = x0 = value` makes two separate bindings, so watching x0 "
                                 "does not count as watching x (TFG003)"),
    "fp_watch_list_variable.py": _WATCH.format(
        what="watching a list variable `inputs = [a, b]` watches the list binding, not a and b"),
    "fp_watch_dict_variable.py": _WATCH.format(
        what="watching a dict variable `{'x': x}` watches the dict binding, not x"),
    "fp_watch_for_loop_alias.py": _WATCH.format(
        what="`for v in (x, t): tape.watch(v)` watches the loop target, not x and t"),
    "fp_watch_in_helper.py": ("a tape handed to a helper that calls tape.watch does not make "
                              "the tape's watches unknown (TFG003)"),
    "fp_list_before_tape.py": _BEFORE_TAPE.format(what="a list display `params = [w, b]`"),
    "fp_dict_before_tape.py": _BEFORE_TAPE.format(what="a dict display `{'dense': w}`"),
    "fp_star_call_before_tape.py": _BEFORE_TAPE.format(what="a tuple display `args = (x, y)`"),
    "fp_keras_submodel.py": _BEFORE_TAPE.format(
        what="building `keras.Sequential([encoder, head])` from layers"),
    "fp_functional_model_before_tape.py": _BEFORE_TAPE.format(
        what="building the functional `keras.Model(inputs, layer(inputs))`"),
    "fp_grad_wrt_rounded.py": (
        "_tracked takes a plain tensor made in the tape as tracked only through uncut edges; the "
        "output of tf.round on a watched input is recorded all the same (TFG003)"),
    "fp_session_positional_graph.py": (
        "TFG007 looks only for a `graph=` keyword; `Session('', cf.graph)` passes it by position"),
    "fp_cast_to_dtype_constant.py": (
        "int_valued looks only for a `dtype=` keyword; `tf.constant([1, 2, 3], DTYPE)` with a "
        "float dtype passed positionally by name is taken for an integer tensor (TFG010)"),
    "fp_local_exp_shadows_import.py": _IMPORTS.format(
        what="`exp = tf.math.exp; exp(x)` after `from math import exp`"),
    "fp_tf_name_shadowed.py": _IMPORTS.format(
        what="a parameter named `np` (bound to tf.experimental.numpy)"),
    "fp_tape_reentered.py": ("re-entering a spent non-persistent tape with `with tape:` starts a "
                             "fresh recording, but TFG006 pairs gradient calls across the re-entry"),
    "fp_tape_reentered_in_loop.py": (
        "a tape made once outside a loop but re-entered with `with tape:` inside it records "
        "afresh each iteration; TFG006 compares the call's loops with the tape's creation only"),
    "fp_tape_recreated_at_loop_end.py": (
        "the loop head join of a tape name keeps the first Tape object although each iteration "
        "rebinds the name to a new tape (TFG001, TFG006, TFG004)"),
    "fp_loop_if_return.py": _LOOP_EXIT.format(
        what="an if/else whose branches both return ends the loop but marks no exit"),
    "fp_while_break_in_if.py": _LOOP_EXIT.format(
        what="a conditional `break` right after the call ends the loop at the first iteration"),
    "fp_partial_tf_function_decorator.py": _TFFUNC + "`@functools.partial(tf.function, ...)` "
                                                     "traces it too (TFG002)",
    "fp_tf_function_alias_decorator.py": _TFFUNC + "`compiled = tf.function; @compiled` traces it "
                                                   "too (TFG002)",
    "fp_run_eagerly_toggled.py": (
        "one `tf.config.run_functions_eagerly(True)` anywhere makes every tf.function eager for "
        "the whole file, even after a later run_functions_eagerly(False) (TFG002)"),
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
