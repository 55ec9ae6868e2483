"""Autofix: every fix keeps formatting and comments, removes its finding, is idempotent, and the
fixed programs compute, in real TensorFlow, the derivative finite differences give.

The moving fixes (TFG001 into the tape, TFG005 into the outer block, TFG002 onto a new tape) are
checked case by case below; the one-line fixes' shapes are checked in test_rules_docs.py.
"""
from __future__ import annotations

import collections
import importlib.util
import io
import json
import os
import subprocess
import sys
import tokenize
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from tflint_grad.api import lint_source
from tflint_grad.fixes import apply_fixes
from tflint_grad.types import Diagnostic

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_rules_docs import _folder, without_expectations  # noqa: E402

FIXTURES = REPO / "fixtures"
# Fixtures where one fix pass is not the end, for reasons outside the fixes themselves.
NOT_IDEMPOTENT = {
    "float_shape_collocation.py": (
        "the engine reports tf.random.uniform's float shape on line 13 only once tf.zeros on "
        "line 12 no longer raises, so the second pass fixes line 13"),
}
# Fixed fixtures that still fail in TensorFlow, and why.
STILL_FAILING_IN_TF = {
    "collocation_numpy_points.py": (
        "TFG003's fix watches a numpy array; tape.watch(ndarray) raises ValueError (it needs "
        "tf.convert_to_tensor first)"),
    "wgan_gp_penalty_outside.py": (
        "TFG005's fix is right, but the penalty (built from d critic / d input) does not depend "
        "on the critic's last bias, so that gradient is None and the sum on line 37 raises"),
}


def fixes_of(source: str, path: str = "example.py") -> list[Diagnostic]:
    """The findings of a source that carry a fix (safe or unsafe)."""
    return [d for d in lint_source(source, path).diagnostics if d.fix is not None]


def fix_all(source: str) -> str:
    """One pass: every fix, safe and unsafe, applied to the source."""
    return apply_fixes(source, [d.fix for d in fixes_of(source) if d.fix is not None])


def comments(source: str) -> collections.Counter[str]:
    """The comments of a program, as tokenize sees them."""
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    return collections.Counter(t.string for t in tokens if t.type == tokenize.COMMENT)


def _programs() -> list[object]:
    out: list[object] = []
    for path in sorted((REPO / "rules").glob("TFG*/bad.py")) + sorted(FIXTURES.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        if not fixes_of(source, str(path)):
            continue
        marks = ([pytest.mark.xfail(strict=True, reason=NOT_IDEMPOTENT[path.name])]
                 if path.name in NOT_IDEMPOTENT else [])
        out.append(pytest.param(path, id=path.relative_to(REPO).as_posix(), marks=marks))
    return out


# --- every program with a fixable finding ------------------------------------------------------

@pytest.mark.parametrize("path", _programs())
def test_fix_keeps_comments_removes_findings_and_is_idempotent(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    before = lint_source(source, str(path)).diagnostics
    fixed = fix_all(source)
    assert fixed != source
    compile(fixed, str(path), "exec")
    assert comments(fixed) == comments(source)
    after = lint_source(fixed, str(path))
    assert after.problems == ()
    assert [d for d in after.diagnostics if d.fix is not None] == []
    assert {d.code for d in after.diagnostics} <= {d.code for d in before}
    fixed_codes = collections.Counter(d.code for d in before if d.fix is not None)
    for code, count in fixed_codes.items():
        assert sum(d.code == code for d in after.diagnostics) < count
    assert fix_all(fixed) == fixed


@pytest.mark.parametrize("code", ["TFG001", "TFG005"])
def test_moving_fixes_only_move_lines_and_add_watches(code: str) -> None:
    bad = without_expectations((_folder(code) / "bad.py").read_text(encoding="utf-8"))
    fixed = (_folder(code) / "fixed.py").read_text(encoding="utf-8")
    old = collections.Counter(line.strip() for line in bad.splitlines())
    new = collections.Counter(line.strip() for line in fixed.splitlines())
    assert old != new or bad != fixed
    added = new - old
    assert old - new == collections.Counter()
    assert all(line.startswith("tape.watch(") for line in added.elements())


def test_tape_rewrite_wraps_the_forward_computation() -> None:
    fixed = (_folder("TFG002") / "fixed.py").read_text(encoding="utf-8")
    assert ("with tf.GradientTape() as tape:\n    tape.watch(x)\n"
            "    y = tf.reduce_sum(tf.tanh(2.0 * x))\ndy_dx = [tape.gradient(y, x)]\n") in fixed
    (finding,) = lint_source((_folder("TFG002") / "bad.py").read_text(encoding="utf-8")).diagnostics
    assert finding.fix is not None and not finding.fix.safe


def test_fix_safety_of_the_rule_examples() -> None:
    for code, safe in (("TFG001", True), ("TFG005", True), ("TFG002", False)):
        bad = (_folder(code) / "bad.py").read_text(encoding="utf-8")
        (finding,) = [d for d in lint_source(bad).diagnostics if d.code == code]
        assert finding.fix is not None and finding.fix.safe is safe, code


# --- TFG001 cases ---------------------------------------------------------------------------------

HEAD = "import tensorflow as tf\n\nx = tf.ones((3, 1))\nt = tf.zeros((3, 1))\n"


def _only(source: str, code: str) -> Diagnostic:
    (finding,) = [d for d in lint_source(source).diagnostics if d.code == code]
    return finding


def test_tfg001_moves_a_multiline_statement_with_its_comments() -> None:
    source = HEAD + (
        "# build the input\n"
        "X = tf.concat([x,\n"
        "               t], axis=1)  # (x, t)\n"
        "with tf.GradientTape() as tape:\n"
        "    # the network\n"
        "    tape.watch(X)\n"
        "    u = tf.reduce_sum(X ** 2)\n"
        "u_x = tape.gradient(u, x)\n")
    finding = _only(source, "TFG001")
    assert finding.fix is not None and finding.fix.safe
    assert apply_fixes(source, [finding.fix]) == HEAD + (
        "# build the input\n"
        "with tf.GradientTape() as tape:\n"
        "    tape.watch(x)\n"
        "    X = tf.concat([x,\n"
        "                   t], axis=1)  # (x, t)\n"
        "    # the network\n"
        "    tape.watch(X)\n"
        "    u = tf.reduce_sum(X ** 2)\n"
        "u_x = tape.gradient(u, x)\n")


def test_tfg001_keeps_existing_leading_watches_in_front() -> None:
    source = HEAD + (
        "X = tf.concat([x, t], 1)\n"
        "with tf.GradientTape() as tape:\n"
        "    tape.watch(x)\n"
        "    tape.watch(X)\n"
        "    u = X * 2.0\n"
        "g = tape.gradient(u, x)\n")
    fix = _only(source, "TFG001").fix
    assert fix is not None
    assert apply_fixes(source, [fix]).endswith(
        "with tf.GradientTape() as tape:\n    tape.watch(x)\n    X = tf.concat([x, t], 1)\n"
        "    tape.watch(X)\n    u = X * 2.0\ng = tape.gradient(u, x)\n")


@pytest.mark.parametrize("between", [
    "print(X.shape)\n",          # the transformed tensor is used before the tape
    "t = t + 1.0\n",             # an input of the transform changes before the tape
    "X2 = X * 3.0\n",
])
def test_tfg001_no_fix_when_the_statement_cannot_move(between: str) -> None:
    source = HEAD + ("X = tf.concat([x, t], 1)\n" + between +
                     "with tf.GradientTape() as tape:\n    tape.watch(X)\n    u = X * 2.0\n"
                     "g = tape.gradient(u, x)\n")
    assert _only(source, "TFG001").fix is None


def test_tfg001_fix_is_unsafe_when_the_moved_step_draws_random_numbers() -> None:
    source = HEAD + ("X = x + tf.random.normal((3, 1))\n"
                     "with tf.GradientTape() as tape:\n    tape.watch(X)\n    u = X * 2.0\n"
                     "g = tape.gradient(u, x)\n")
    fix = _only(source, "TFG001").fix
    assert fix is not None and not fix.safe


def test_tfg001_multiline_string_is_never_reindented() -> None:
    source = HEAD + ('X = tf.concat([x, t], 1) if """a\nb""" else x\n'
                     "with tf.GradientTape() as tape:\n    tape.watch(X)\n    u = X * 2.0\n"
                     "g = tape.gradient(u, x)\n")
    findings = [d for d in lint_source(source).diagnostics if d.code == "TFG001"]
    assert all(d.fix is None for d in findings)


def test_tfg001_step_after_the_block_moves_into_it() -> None:
    source = ("import tensorflow as tf\n\nx = tf.ones((3, 1))\n"
              "with tf.GradientTape() as tape:\n    tape.watch(x)\n    y = x * 2.0\n"
              "z = y * 3.0  # scale\ng = tape.gradient(z, x)\n")
    fix = _only(source, "TFG001").fix
    assert fix is not None and fix.safe
    fixed = apply_fixes(source, [fix])
    assert fixed.endswith("    y = x * 2.0\n    z = y * 3.0  # scale\ng = tape.gradient(z, x)\n")
    assert lint_source(fixed).diagnostics == ()


def test_fixes_keep_crlf_line_endings() -> None:
    source = (_folder("TFG001") / "bad.py").read_text(encoding="utf-8").replace("\n", "\r\n")
    fixed = fix_all(source)
    assert fixed != source and "\n" not in fixed.replace("\r\n", "")
    assert fixed.replace("\r\n", "\n") == fix_all(source.replace("\r\n", "\n"))


# --- TFG005 cases ---------------------------------------------------------------------------------

NESTED = ("import tensorflow as tf\n\nx = tf.ones((3, 1))\n"
          "with tf.GradientTape() as outer:\n    outer.watch(x)\n"
          "    with tf.GradientTape() as inner:\n        inner.watch(x)\n"
          "        u = tf.tanh(x)\n")


def test_tfg005_moves_the_gradient_and_the_slice_together() -> None:
    source = NESTED + "g = inner.gradient(u, x)\ng0 = g[:, 0:1]\nh = outer.gradient(g0, x)\n"
    fix = _only(source, "TFG005").fix
    assert fix is not None and fix.safe
    assert apply_fixes(source, [fix]) == NESTED + (
        "    g = inner.gradient(u, x)\n    g0 = g[:, 0:1]\nh = outer.gradient(g0, x)\n")


def test_tfg005_pulling_in_an_unrelated_dependency_is_unsafe() -> None:
    source = NESTED + "n = 1\ng = inner.gradient(u, x)\ng0 = g[:, 0:n]\nh = outer.gradient(g0, x)\n"
    fix = _only(source, "TFG005").fix
    assert fix is not None and not fix.safe
    fixed = apply_fixes(source, [fix])
    assert fixed.endswith("    n = 1\n    g = inner.gradient(u, x)\n    g0 = g[:, 0:n]\n"
                          "h = outer.gradient(g0, x)\n")
    assert [d.code for d in lint_source(fixed).diagnostics] == []


def test_tfg005_no_fix_when_moving_changes_what_a_statement_in_between_sees() -> None:
    source = NESTED + ("g = u\nprint(g)\ng = inner.gradient(u, x)\n"
                       "h = outer.gradient(g, x)\n")
    assert _only(source, "TFG005").fix is None


# --- TFG002 cases ---------------------------------------------------------------------------------

def test_tfg002_picks_a_free_tape_name_and_keeps_list_sources() -> None:
    source = ("import tensorflow as tf\n\ntape = 'not a tape'\na = tf.ones((2,))\n"
              "b = tf.ones((2,))\nloss = tf.reduce_sum(a * b)\ngs = tf.gradients(loss, [a, b])\n")
    fix = _only(source, "TFG002").fix
    assert fix is not None and not fix.safe
    assert apply_fixes(source, [fix]).endswith(
        "with tf.GradientTape() as tape_2:\n    tape_2.watch(a)\n    tape_2.watch(b)\n"
        "    loss = tf.reduce_sum(a * b)\ngs = tape_2.gradient(loss, [a, b])\n")


def test_tfg002_index_zero_of_a_tensor_source_is_the_tape_gradient() -> None:
    source = ("import tensorflow as tf\n\nx = tf.ones((2,))\ny = x * x\n"
              "g = tf.gradients(y, x)[0]\n")
    fix = _only(source, "TFG002").fix
    assert fix is not None
    assert apply_fixes(source, [fix]).endswith("    y = x * x\ng = tape.gradient(y, x)\n")


@pytest.mark.parametrize("call", [
    "tf.gradients(tf.reduce_sum(x * x), x)",     # forward computation inside the call
    "tf.gradients(y, x, stop_gradients=[x])",   # no tape equivalent built here
    "tf.gradients(z, x)",                        # z is not computed in this scope
])
def test_tfg002_no_fix_without_a_faithful_rewrite(call: str) -> None:
    source = f"import tensorflow as tf\nfrom lib import z\n\nx = tf.ones((2,))\ny = x * x\ng = {call}\n"
    assert _only(source, "TFG002").fix is None


# --- TensorFlow: the fixed examples give the finite-difference derivative -------------------------

_RECORDER = r'''
import json, runpy, sys
import tensorflow as tf

calls = []
real = tf.GradientTape.gradient

def gradient(self, target, sources, *args, **kwargs):
    value = real(self, target, sources, *args, **kwargs)
    flat = tf.nest.flatten(sources)
    results = tf.nest.flatten(value)
    if not tf.executing_eagerly():  # inside tf.function or jacobian's pfor: nothing to read yet
        calls.append({"sources": [], "values": ["symbolic" if v is not None else None
                                                for v in results]})
        return value
    calls.append({"sources": [s.numpy().tolist() for s in flat],
                  "values": [None if v is None else v.numpy().tolist() for v in results]})
    return value

tf.GradientTape.gradient = gradient
runpy.run_path(sys.argv[1], run_name="__main__")
print(json.dumps(calls))
'''


def central_difference(f: Callable[[np.ndarray], float], x: np.ndarray, h: float = 1e-4
                       ) -> np.ndarray:
    """d f / d x by central differences, in float64."""
    out = np.zeros_like(x, dtype=np.float64)
    for i in np.ndindex(x.shape):
        step = np.zeros_like(x, dtype=np.float64)
        step[i] = h
        out[i] = (f(x + step) - f(x - step)) / (2 * h)
    return out


def _first(f: Callable[[np.ndarray], float]) -> Callable[[np.ndarray], float]:
    return lambda z: float(np.sum(central_difference(f, z, 1e-3)))


_T = np.linspace(0.0, 0.5, 5).reshape(5, 1)
# What each fixed.py differentiates, as a float64 function of its source; for TFG005 the outer
# gradient differentiates the sum of the inner gradient.
INTENDED: dict[str, Callable[[np.ndarray], float]] = {
    "TFG001": lambda x: float(np.sum(np.tanh(np.concatenate([x, _T], 1) @ [[2.0], [1.0]]))),
    "TFG002": lambda x: float(np.sum(np.tanh(2.0 * x))),
    "TFG005": _first(lambda x: float(np.sum(np.tanh(2.0 * x)))),
}


@pytest.mark.parametrize("code", sorted(INTENDED))
def test_fixed_example_matches_finite_differences_in_tensorflow(code: str) -> None:
    if importlib.util.find_spec("tensorflow") is None:
        pytest.skip("tensorflow is not installed")
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", CUDA_VISIBLE_DEVICES="")
    proc = subprocess.run([sys.executable, "-c", _RECORDER, str(_folder(code) / "fixed.py")],
                          capture_output=True, text=True, check=False, env=env, timeout=240,
                          stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stderr[-3000:]
    calls = json.loads(proc.stdout.strip().splitlines()[-1])
    last = calls[-1]  # the gradient the finding was about is the program's last one
    (source,), (value,) = last["sources"], last["values"]
    assert value is not None
    expected = central_difference(INTENDED[code], np.asarray(source, dtype=np.float64))
    np.testing.assert_allclose(np.asarray(value), expected, rtol=1e-3, atol=1e-4)


def _fixed_fixtures() -> list[object]:
    out: list[object] = []
    for path in sorted(FIXTURES.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        if not fixes_of(source) or lint_source(fix_all(source)).diagnostics:
            continue  # only programs the fixes leave without findings should run cleanly
        marks = ([pytest.mark.xfail(strict=True, reason=STILL_FAILING_IN_TF[path.name])]
                 if path.name in STILL_FAILING_IN_TF else [])
        out.append(pytest.param(path, id=path.name, marks=marks))
    return out


@pytest.mark.parametrize("path", _fixed_fixtures())
def test_fixed_fixture_runs_without_none_gradients(path: Path, tmp_path: Path) -> None:
    if importlib.util.find_spec("tensorflow") is None:
        pytest.skip("tensorflow is not installed")
    fixed = tmp_path / path.name
    fixed.write_text(fix_all(path.read_text(encoding="utf-8")), encoding="utf-8")
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", CUDA_VISIBLE_DEVICES="")
    proc = subprocess.run([sys.executable, "-c", _RECORDER, str(fixed)], capture_output=True,
                          text=True, check=False, env=env, timeout=240, cwd=tmp_path,
                          stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stderr[-3000:]
    calls = json.loads(proc.stdout.strip().splitlines()[-1])
    assert all(v is not None for call in calls for v in call["values"])


# --- the command line -----------------------------------------------------------------------------

def _cli_has_fix() -> bool:
    proc = subprocess.run([sys.executable, "-m", "tflint_grad", "--help"], capture_output=True,
                          text=True, check=False, timeout=60, stdin=subprocess.DEVNULL)
    return "--fix" in proc.stdout


def test_cli_fix_keeps_encoding_and_crlf(tmp_path: Path) -> None:
    if not _cli_has_fix():
        pytest.skip("tflint-grad has no --fix option yet")
    text = ("# -*- coding: latin-1 -*-\n# entrée: x, t\n"
            + (_folder("TFG001") / "bad.py").read_text(encoding="utf-8"))
    path = tmp_path / "latin.py"
    path.write_bytes(text.replace("\n", "\r\n").encode("latin-1"))
    subprocess.run([sys.executable, "-m", "tflint_grad", "--fix", str(path)], capture_output=True,
                   check=False, timeout=120, cwd=tmp_path, stdin=subprocess.DEVNULL)
    expected = fix_all(text).replace("\n", "\r\n").encode("latin-1")
    assert path.read_bytes() == expected
