"""The recording model on small programs: aliases, recording state, control flow, eagerness."""
from __future__ import annotations

import textwrap

import pytest

from tflint_grad import lint_source


def codes(source: str) -> list[tuple[int, str]]:
    result = lint_source(textwrap.dedent(source), "case.py")
    assert result.problems == ()
    return [(d.line, d.code) for d in result.diagnostics]


PRE_CONCAT = """
    {imports}
    x = tf.constant([[1.0]])
    t = tf.constant([[1.0]])
    X = tf.concat([x, t], 1)
    with {tape}() as tape:
        tape.watch(X)
        u = tf.tanh(X @ [[2.0], [1.0]])
    du = tape.gradient(u, x)
"""


@pytest.mark.parametrize("imports, tape", [
    ("import tensorflow as tf", "tf.GradientTape"),
    ("import tensorflow as tf\nfrom tensorflow import GradientTape as GT", "GT"),
    ("import tensorflow as tf\nimport tensorflow as tf1", "tf1.GradientTape"),
    ("import tensorflow.compat.v2 as tf", "tf.GradientTape"),
])
def test_tape_aliases_resolve(imports: str, tape: str) -> None:
    source = PRE_CONCAT.format(imports=imports.replace("\n", "\n    "), tape=tape)
    assert [c for _, c in codes(source)] == ["TFG001"]


def test_unknown_tape_class_is_not_a_tape() -> None:
    source = PRE_CONCAT.format(imports="import tensorflow as tf\n    from mylib import GradientTape",
                               tape="GradientTape")
    assert codes(source) == []


def test_message_names_the_step_and_the_lines() -> None:
    result = lint_source(textwrap.dedent(PRE_CONCAT.format(imports="import tensorflow as tf",
                                                           tape="tf.GradientTape")), "p.py")
    (d,) = result.diagnostics
    assert d.message.startswith("TFG001 gradient of 'u' with respect to 'x' is None")
    assert "'X = tf.concat([x, t], 1)' (line 5)" in d.message
    assert "before the tape on line 6" in d.message
    assert (d.line, d.column) == (9, 6)


def test_watch_then_concat_inside_the_tape_is_clean() -> None:
    assert codes("""
        import tensorflow as tf
        x = tf.ones([4, 1]); t = tf.ones([4, 1])
        with tf.GradientTape(persistent=True) as tape:
            tape.watch(x)
            tape.watch(t)
            X = tf.concat([x, t], 1)
            u = tf.tanh(X @ [[2.0], [1.0]])
        u_x = tape.gradient(u, x)
        u_t = tape.gradient(u, t)
    """) == []


def test_nested_tapes_inside_and_outside_the_outer_block() -> None:
    good = """
        import tensorflow as tf
        x = tf.ones([4, 1])
        with tf.GradientTape() as outer:
            outer.watch(x)
            with tf.GradientTape() as inner:
                inner.watch(x)
                u = tf.tanh(2.0 * x)
            g = inner.gradient(u, x)
            u_x = g[:, 0:1]
        u_xx = outer.gradient(u_x, x)
    """
    assert codes(good) == []
    bad = good.replace("            u_x = g[:, 0:1]\n", "").replace(
        "        u_xx =", "        u_x = g[:, 0:1]\n        u_xx =")
    assert codes(bad) == [(11, "TFG005")]


def test_trainable_variable_is_watched_but_frozen_one_is_not() -> None:
    source = """
        import tensorflow as tf
        w = tf.Variable(2.0{extra})
        with tf.GradientTape() as tape:
            y = w * w
        g = tape.gradient(y, w)
    """
    assert codes(source.format(extra="")) == []
    assert codes(source.format(extra=", trainable=False")) == [(6, "TFG003")]


def test_branches_and_loops_stay_silent_when_unsure() -> None:
    assert codes("""
        import tensorflow as tf
        x = tf.constant(1.0)
        with tf.GradientTape() as tape:
            if x > 0:
                tape.watch(x)
            y = x * 3.0
        g = tape.gradient(y, x)
    """) == []
    assert codes("""
        import tensorflow as tf
        def f(flag, x):
            with tf.GradientTape() as tape:
                tape.watch(x)
                y = x * x
            if flag:
                return tape.gradient(y, x)
            return tape.jacobian(y, x)
    """) == []


def test_tape_created_outside_a_loop_and_used_inside_it() -> None:
    assert codes("""
        import tensorflow as tf
        w = tf.Variable(1.0)
        with tf.GradientTape() as tape:
            losses = [w * i for i in range(3)]
        for i in range(3):
            g = tape.gradient(losses[i], w)
    """) == [(7, "TFG006")]


@pytest.mark.parametrize("wrapper", [
    "@tf.function\ndef step(x):",
    "def step(x):",
])
def test_tf_gradients_traced_or_eager(wrapper: str) -> None:
    source = "import tensorflow as tf\n" + wrapper + """
    return tf.gradients(tf.reduce_sum(x * x), x)
""" + ("" if wrapper.startswith("@") else "step = tf.function(step)\n") + "print(step(tf.ones([2])))\n"
    assert codes(source) == []


def test_tf_gradients_eager_helper_and_graph_switches() -> None:
    eager = """
        import tensorflow as tf
        def helper(y, x):
            return tf.gradients(y, x)
        x = tf.ones([2])
        print(helper(x * x, x))
    """
    assert codes(eager) == [(4, "TFG002")]
    off = eager.replace("import tensorflow as tf\n",
                        "import tensorflow as tf\n        tf.compat.v1.disable_eager_execution()\n")
    assert codes(off) == []
    graph = """
        import tensorflow as tf
        with tf.Graph().as_default():
            x = tf.ones([2])
            g = tf.gradients(x * x, x)
    """
    assert codes(graph) == []


def test_unconnected_zero_and_unconnected_source() -> None:
    source = """
        import tensorflow as tf
        x = tf.ones([3]); t = tf.ones([3])
        with tf.GradientTape() as tape:
            tape.watch([x, t])
            u = tf.sin(x)
        u_t = tape.gradient(u, t{extra})
    """
    assert codes(source.format(extra="")) == [(7, "TFG011")]
    assert codes(source.format(
        extra=", unconnected_gradients=tf.UnconnectedGradients.ZERO")) == []


def test_unconnected_is_silent_when_the_source_escapes() -> None:
    assert codes("""
        import tensorflow as tf
        x = tf.ones([3]); t = tf.ones([3])
        register(t)
        with tf.GradientTape() as tape:
            tape.watch([x, t])
            u = model_of_everything(x)
        u_t = tape.gradient(u, t)
    """) == []


def test_float_shapes() -> None:
    assert codes("""
        import tensorflow as tf
        n = 64 / 4
        m = 64 // 4
        a = tf.zeros([m, 1])
        b = tf.ones([int(n), 1])
        c = tf.random.uniform((n, 2))
    """) == [(7, "TFG012")]


def test_numpy_and_round_on_the_path() -> None:
    assert codes("""
        import numpy as np
        import tensorflow as tf
        w = tf.Variable([1.0, 2.0])
        with tf.GradientTape(persistent=True) as tape:
            a = np.sum(w.numpy())
            b = tf.reduce_sum(tf.round(w))
            c = tf.reduce_sum(w + tf.stop_gradient(tf.round(w) - w))
        ga = tape.gradient(a, w)
        gb = tape.gradient(b, w)
        gc = tape.gradient(c, w)
    """) == [(9, "TFG008"), (10, "TFG009")]


def test_parameters_take_the_kind_every_call_site_passes() -> None:
    source = """
        import tensorflow as tf
        def saliency(f, images):
            with tf.GradientTape() as tape:
                score = f(images)
            return tape.gradient(score, images)
        images = tf.random.normal((2, 3))
        print(saliency(tf.tanh, {second}))
    """
    assert codes(source.format(second="images")) == [(6, "TFG003")]
    # A variable at any call site (or a value the model cannot name) keeps it silent.
    assert codes(source.format(second="images") + "    print(saliency(tf.tanh, tf.Variable(images)))\n") == []
    assert codes(source.format(second="make_images()")) == []


def test_aliased_parameters_are_never_proven_unconnected() -> None:
    source = """
        import tensorflow as tf
        def partial_t(x, t):
            with tf.GradientTape() as tape:
                tape.watch(x)
                u = tf.sin(x)
            return tape.gradient(u, t)
        x = tf.ones([3]); t = tf.zeros([3])
        print(partial_t(x, {second}))
    """
    assert codes(source.format(second="t")) == [(7, "TFG011")]
    assert codes(source.format(second="x")) == []


def test_a_tensor_made_inside_the_tape_from_a_watched_one_is_tracked() -> None:
    assert codes("""
        import tensorflow as tf
        x = tf.constant(3.0)
        with tf.GradientTape() as tape:
            tape.watch(x)
            x2 = x * 2.0
            y = x2 ** 2
        print(tape.gradient(y, x2))
        c = tf.constant(1.0)
        with tf.GradientTape() as tape2:
            c2 = c * 2.0
            z = c2 ** 2
        print(tape2.gradient(z, c2))
    """) == [(13, "TFG003")]


def test_loops_close_over_what_the_body_leaves() -> None:
    assert codes("""
        import tensorflow as tf
        w = tf.Variable([0.1, 0.2, 0.3])
        with tf.GradientTape() as tape:
            total = 0.0
            for i in range(3):
                total += w[i].numpy() ** 2
            loss = tf.constant(total)
        dw = tape.gradient(loss, w)
    """) == [(9, "TFG008")]
    # The same accumulation in TensorFlow is differentiable.
    assert codes("""
        import tensorflow as tf
        w = tf.Variable([0.1, 0.2, 0.3])
        with tf.GradientTape() as tape:
            total = 0.0
            for i in range(3):
                total += w[i] ** 2
        dw = tape.gradient(total, w)
    """) == []


def test_reading_a_field_after_the_block_is_not_a_step() -> None:
    assert codes("""
        import tensorflow as tf
        w = tf.Variable(1.0)
        with tf.GradientTape(persistent=True) as tape:
            info = make_info(w * w)
        g = tape.gradient(info.loss, w)
        loss = info.loss
        g2 = tape.gradient(loss, w)
        g3 = tape.gradient(tape_free_loss(), w)
    """) == []


def test_a_method_called_on_an_instance_made_here_runs_eagerly() -> None:
    source = """
        import tensorflow as tf
        class Saliency(tf.Module):
            {decorator}
            def explain(self, x):
                return tf.gradients(tf.reduce_sum(x * x), x)
        probe = Saliency()
        print(probe.explain(tf.ones([2])))
    """
    assert codes(source.format(decorator="")) == [(6, "TFG002")]
    assert codes(source.format(decorator="@tf.function")) == []
