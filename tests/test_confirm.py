"""--confirm against real TensorFlow: confirmed, refuted with values, intended derivatives."""
from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace

import pytest

from tflint_grad.api import lint_source
from tflint_grad.catalog import BY_CODE
from tflint_grad.confirm import TensorFlowMissing, confirm, confirm_one
from tflint_grad.confirm.runner import Runner
from tflint_grad.types import Diagnostic, Edit, FileResult, Fix

BEFORE_TAPE = """\
import tensorflow as tf

x = tf.ones((4, 1))
t = tf.ones((4, 1))
X = tf.concat([x, t], 1)
with tf.GradientTape() as tape:
    tape.watch(X)
    u = tf.tanh(X @ tf.constant([[2.0], [1.0]]))
u_x = tape.gradient(u, x)
print(u_x)
"""
# The rule's repair: build X inside the tape from watched x and t.
MOVE_CONCAT = Fix("watch x and t and build X inside the tape", True, (
    Edit(5, 1, 6, 1, ""),
    Edit(7, 5, 7, 18, "tape.watch(x)\n    tape.watch(t)\n    X = tf.concat([x, t], 1)"),
))

ORIGIN_NOTES = """\
import tensorflow as tf

x = tf.ones((1, 1))
t = tf.ones((1, 1))
W = tf.constant([[2.0], [1.0]])
with tf.GradientTape() as third:
    third.watch(x)
    with tf.GradientTape() as second:
        second.watch(x)
        with tf.GradientTape(persistent=True) as first:
            first.watch(x)
            first.watch(t)
            X = tf.concat([x, t], 1)
            u = tf.tanh(X @ W)
        u_x = first.gradient(u, x)
        u_t = first.gradient(u, t)
    u_xx = second.gradient(u_x, x)
u_xxx = third.gradient(u_xx, x)
"""

IN_FUNCTION = """\
import tensorflow as tf


def slope(points, scale=3.0):
    with tf.GradientTape() as tape:
        tape.watch(points)
        y = scale * points ** 2
    return tape.gradient(y, points)


def needs_values(a, b):
    with tf.GradientTape() as tape:
        y = a * b
    return tape.gradient(y, a)


def defaults(v=2.0):
    w = tf.Variable([v, 1.0])
    with tf.GradientTape() as tape:
        y = tf.reduce_sum(w ** 3)
    return tape.gradient(y, w)


print(slope(tf.constant([1.0, 2.0])))
"""


def _diag(source: str, line: int, needle: str, code: str = "TFG001",
          fix: Fix | None = None) -> Diagnostic:
    column = source.splitlines()[line - 1].index(needle) + 1
    # The message states the catalog's usual outcome, as the rule's own message does.
    return Diagnostic("prog.py", line, column, line, column + len(needle), code,
                      f"{code} test: {BY_CODE[code].outcomes[0].describe()}", fix)


@pytest.fixture(scope="module")
def runner():
    with Runner(timeout=600.0) as shared:
        yield shared


def test_none_gradient_confirmed_with_intended_derivative(runner: Runner) -> None:
    diag = _diag(BEFORE_TAPE, 9, "tape.gradient(u, x)", fix=MOVE_CONCAT)
    confirmation = confirm_one(runner, diag, BEFORE_TAPE)
    assert confirmation.status == "confirmed"
    assert confirmation.outcome == "tape.gradient returned None"
    assert confirmation.tensorflow and confirmation.tensorflow.startswith("2.")
    intended = confirmation.intended
    assert intended is not None and intended.label == "du/dx"
    assert intended.shape == (4, 1) and intended.dtype == "float32"
    assert intended.values == pytest.approx([0.0197322] * 4, abs=1e-6)
    assert intended.fd_error is not None and intended.fd_error < 1e-3


def test_tf_gradients_in_eager_confirmed_with_tensorflows_message(runner: Runner) -> None:
    source = "import tensorflow as tf\n\nx = tf.linspace(-1.0, 1.0, 5)\n" \
             "y = tf.tanh(x) ** 2\ndy = tf.gradients(y, x)[0]\n"
    confirmation = confirm_one(runner, _diag(source, 5, "tf.gradients(y, x)", "TFG002"), source)
    assert confirmation.status == "confirmed"
    assert confirmation.outcome == ("raised RuntimeError: tf.gradients is not supported when "
                                    "eager execution is enabled. Use tf.GradientTape instead.")


def test_correct_program_refuted_with_values(runner: Runner) -> None:
    source = "import tensorflow as tf\n\nx = tf.constant([1.0, 2.0, 3.0])\n" \
             "with tf.GradientTape() as tape:\n    tape.watch(x)\n    y = x ** 2\n" \
             "g = tape.gradient(y, x)\n"
    confirmation = confirm_one(runner, _diag(source, 7, "tape.gradient(y, x)", "TFG003"), source)
    assert confirmation.status == "refuted"
    actual = confirmation.actual
    assert actual is not None and actual.label == "dy/dx"
    assert actual.shape == (3,) and actual.values == pytest.approx([2.0, 4.0, 6.0])
    assert actual.fd_error is not None and actual.fd_error < 1e-3


@pytest.mark.parametrize("line, needle, expected", [
    (15, "first.gradient(u, x)", 0.0197322),
    (16, "first.gradient(u, t)", 0.0098661),
    (17, "second.gradient(u_x, x)", -0.0785386),
    (18, "third.gradient(u_xx, x)", 0.311043),
])
def test_origin_notes_derivatives(runner: Runner, line: int, needle: str,
                                  expected: float) -> None:
    confirmation = confirm_one(runner, _diag(ORIGIN_NOTES, line, needle, "TFG005"), ORIGIN_NOTES)
    assert confirmation.status == "refuted", confirmation
    actual = confirmation.actual
    assert actual is not None and actual.shape == (1, 1)
    assert actual.values[0] == pytest.approx(expected, rel=1e-4)
    assert actual.fd_error is not None and actual.fd_error < 2e-3 * max(1.0, abs(expected) * 10)


@pytest.mark.parametrize("line, needle, expected", [
    (8, "tape.gradient(y, points)", [6.0, 12.0]),  # through the call site's arguments
    (21, "tape.gradient(y, w)", [12.0, 3.0]),  # through the defaults
])
def test_function_runs(runner: Runner, line: int, needle: str, expected: list[float]) -> None:
    confirmation = confirm_one(runner, _diag(IN_FUNCTION, line, needle), IN_FUNCTION)
    assert confirmation.status == "refuted"
    assert confirmation.actual is not None
    assert confirmation.actual.values == pytest.approx(expected)


def test_function_without_call_site_runs_on_synthesized_values_and_says_so(
        runner: Runner) -> None:
    confirmation = confirm_one(runner, _diag(IN_FUNCTION, 14, "tape.gradient(y, a)", "TFG003"),
                               IN_FUNCTION)
    assert confirmation.status == "confirmed", confirmation
    assert confirmation.outcome.startswith("tape.gradient returned None (with synthesized "
                                           "values for a, b: float32 tensors"), confirmation


def test_function_without_call_site_or_tensorflow_alias_is_not_run(runner: Runner) -> None:
    source = IN_FUNCTION.replace("import tensorflow as tf", "from tensorflow import *")
    confirmation = confirm_one(runner, _diag(source, 14, "tape.gradient(y, a)"), source)
    assert confirmation.status == "not run"


def test_failure_before_the_flagged_line_is_a_value(runner: Runner) -> None:
    source = "import tensorflow as tf\n\nx = tf.ones([4.0, 1.0])\n" \
             "with tf.GradientTape() as tape:\n    tape.watch(x)\n    y = x * 2\n" \
             "g = tape.gradient(y, x)\n"
    confirmation = confirm_one(runner, _diag(source, 7, "tape.gradient(y, x)"), source)
    assert confirmation.status == "not run"
    assert confirmation.reason and confirmation.reason.startswith(
        "the slice failed at line 3 before the flagged call: TypeError")


def test_confirm_replaces_each_diagnostic() -> None:
    diag = _diag(BEFORE_TAPE, 9, "tape.gradient(u, x)")
    results = [FileResult("prog.py", (diag,)), FileResult("empty.py")]
    out = confirm(results, {"prog.py": BEFORE_TAPE}, timeout=600.0)
    assert [r.path for r in out] == ["prog.py", "empty.py"]
    (confirmed,) = out[0].diagnostics
    assert confirmed.confirmation is not None and confirmed.confirmation.status == "confirmed"
    assert confirmed.line == diag.line and confirmed.message == diag.message


def _python_without_tensorflow() -> str | None:
    for candidate in ("/usr/bin/python3", shutil.which("python3")):
        if candidate and subprocess.run([candidate, "-I", "-c", "import tensorflow"],
                                        capture_output=True).returncode != 0:
            return candidate
    return None


def test_missing_tensorflow_is_one_clear_line() -> None:
    python = _python_without_tensorflow()
    if python is None:
        pytest.skip("every python here has TensorFlow")
    diag = _diag(BEFORE_TAPE, 9, "tape.gradient(u, x)")
    with pytest.raises(TensorFlowMissing) as caught:
        confirm([FileResult("prog.py", (diag,))], {"prog.py": BEFORE_TAPE}, python=python)
    message = str(caught.value)
    assert "\n" not in message and "pip install tensorflow" in message and "--python" in message


def test_an_outcome_the_message_does_not_state_is_another_outcome(runner: Runner) -> None:
    source = "import numpy as np\nimport tensorflow as tf\n\nx = tf.constant(2.0)\n" \
             "with tf.GradientTape() as tape:\n    tape.watch(x)\n" \
             "    loss = np.mean((x * 3.0).numpy() ** 2)\ng = tape.gradient(loss, x)\n"
    wrong = replace(_diag(source, 8, "tape.gradient(loss, x)", "TFG008"),
                    message="TFG008 gradient of 'loss' with respect to 'x' is None")
    said = confirm_one(runner, wrong, source)
    assert said.status == "confirmed" and said.other_outcome, said
    assert said.outcome.startswith("other outcome: raised AttributeError"), said.outcome
    right = lint_source(source, "prog.py").diagnostics
    assert [d.code for d in right] == ["TFG008"]
    held = confirm_one(runner, right[0], source)
    assert held.status == "confirmed" and not held.other_outcome, held
    assert held.outcome.startswith("raised AttributeError"), held.outcome


def test_ordinary_standard_library_imports_run(runner: Runner) -> None:
    source = ("import time\nimport logging\nimport functools\nimport tensorflow as tf\n\n"
              "logging.basicConfig(level=logging.WARNING)\nstart = time.time()\n"
              "scale = functools.reduce(lambda a, b: a * b, [1.0, 2.0])\n"
              "x = tf.constant([1.0, 2.0])\nwith tf.GradientTape() as tape:\n"
              "    y = tf.reduce_sum(x ** 2) * scale\ng = tape.gradient(y, x)\n"
              "logging.info('step took %.3f s', time.time() - start)\n")
    found = lint_source(source, "prog.py").diagnostics
    assert [d.code for d in found] == ["TFG003"]
    confirmation = confirm_one(runner, found[0], source)
    assert confirmation.status == "confirmed", confirmation
    assert confirmation.outcome == "tape.gradient returned None"


def test_a_handler_emptied_by_the_slice_keeps_its_indentation(runner: Runner) -> None:
    source = ("import tensorflow as tf\n\nx = tf.constant(3.0)\nwith tf.GradientTape() as t:\n"
              "    t.watch(x)\n    y = x * x\nfirst = t.gradient(y, x)\ntry:\n"
              "    again = t.gradient(y, x)\n    print(again)\nexcept ValueError as e:\n"
              "    print(e)\n")
    found = [d for d in lint_source(source, "prog.py").diagnostics if d.code == "TFG006"]
    assert found
    confirmation = confirm_one(runner, found[0], source)
    assert confirmation.status == "confirmed", confirmation
    assert confirmation.outcome.startswith("raised RuntimeError: A non-persistent"), confirmation


PINN_CLASS = '''import time
import tensorflow as tf


class PINN(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.dense = tf.keras.layers.Dense(1, activation="tanh")

    def call(self, X):
        return self.dense(X)

    def residual(self, x, t):
        X = tf.concat([x, t], 1)
        with tf.GradientTape() as tape:
            tape.watch(X)
            u = self(X)
        return tape.gradient(u, x)


x_c = tf.ones((4, 1))
t_c = tf.ones((4, 1))
model = PINN()
start = time.time()
r = model.residual(x_c, t_c)
print(r, time.time() - start)
'''


def test_a_method_runs_on_the_instance_the_file_builds(runner: Runner) -> None:
    found = lint_source(PINN_CLASS, "pinn.py").diagnostics
    assert [(d.line, d.code) for d in found] == [(18, "TFG001")]
    confirmation = confirm_one(runner, found[0], PINN_CLASS)
    assert confirmation.status == "confirmed", confirmation
    assert confirmation.outcome == "tape.gradient returned None (run through the call on line 25)"


def test_a_method_nothing_calls_is_not_run_and_says_why(runner: Runner) -> None:
    source = PINN_CLASS.replace("r = model.residual(x_c, t_c)", "r = None")
    found = lint_source(source, "pinn.py").diagnostics
    assert [d.code for d in found] == ["TFG001"]
    confirmation = confirm_one(runner, found[0], source)
    assert confirmation.status == "not run"
    assert "method 'residual'" in (confirmation.reason or ""), confirmation


THROUGH_CALLERS = '''import time
import tensorflow as tf

W = tf.constant([[2.0], [1.0]])


def train_step(batch, scale):
    with tf.GradientTape() as tape:
        u = tf.tanh(batch @ W) * scale
    return tape.gradient(u, batch)


def train(dataset, epochs):
    for epoch in range(epochs):
        for batch in dataset:
            g = train_step(batch, 2.0)
    return g


class Trainer:
    def __init__(self):
        self.w = tf.Variable([[1.0], [1.0]])

    def step(self, x):
        with tf.GradientTape() as tape:
            y = tf.reduce_sum(tf.round(x @ self.w))
        return tape.gradient(y, self.w)

    def fit(self, data):
        return [self.step(x) for x in data]


class GradLogger(tf.keras.callbacks.Callback):
    def on_epoch_end(self, epoch, logs=None):
        x = tf.constant([[1.0, 1.0]])
        with tf.GradientTape() as tape:
            y = self.model(x)
        print(tape.gradient(y, x))


data = tf.data.Dataset.from_tensor_slices(tf.ones((4, 2))).batch(2)
started = time.time()
print(train(data, 3), time.time() - started)
trainer = Trainer()
trainer.fit([tf.ones((1, 2))])
model = tf.keras.Sequential([tf.keras.Input((2,)), tf.keras.layers.Dense(1)])
model.compile(loss="mse", optimizer="sgd")
logger = GradLogger()
model.fit(tf.ones((4, 2)), tf.ones((4, 1)), epochs=1, verbose=0, callbacks=[logger])
'''


@pytest.mark.parametrize("line, needle, code, through", [
    (10, "tape.gradient(u, batch)", "TFG003", 43),  # train_step, called only by train()
    (27, "tape.gradient(y, self.w)", "TFG009", 45),  # Trainer.step, called only by fit()
    (38, "tape.gradient(y, x)", "TFG003", 49),  # a callback Keras calls from model.fit
])
def test_functions_and_methods_run_through_the_calls_that_reach_them(
        runner: Runner, line: int, needle: str, code: str, through: int) -> None:
    confirmation = confirm_one(runner, _diag(THROUGH_CALLERS, line, needle, code),
                               THROUGH_CALLERS)
    assert confirmation.status == "confirmed", confirmation
    assert confirmation.outcome == (f"tape.gradient returned None (run through the call on "
                                    f"line {through})"), confirmation
