"""TFG015: a Keras 2 backend function (`K.function`, `K.placeholder`, `keras.backend.gradients`)
that Keras 3 does not have, in code that runs."""
from __future__ import annotations

from collections.abc import Iterator

from tflint_grad.checks.base import FixBuilder, Finding
from tflint_grad.checks.eager_scopes import eager_scopes
from tflint_grad.fixing.gradcam import gradcam_fix
from tflint_grad.model.scope import BackendName, Model
from tflint_grad.syntax import subtree

CODE = "TFG015"

# What to write instead, for the functions Keras 2 gradient code used most.
_INSTEAD = {
    "function": "build tf.keras.Model(model.inputs, [outputs]) and call it, taking gradients "
                "with tf.GradientTape",
    "gradients": "take the gradient with tf.GradientTape",
    "placeholder": "pass real tensors (tf.keras.Input only builds models)",
    "get_session": "drop the session: TensorFlow 2 runs eagerly",
    "set_session": "drop the session: TensorFlow 2 runs eagerly",
    "learning_phase": "pass training=True/False when calling the model",
    "set_learning_phase": "pass training=True/False when calling the model",
}


def _message(model: Model, found: BackendName) -> str:
    instead = _INSTEAD.get(found.attr, f"use keras.ops.{found.attr} or its tf.* equivalent"
                           if found.origin.startswith("keras.") else "use TensorFlow 2 APIs")
    if found.imported:
        module = found.origin
        return (f"importing '{found.attr}' from '{module}' raises ImportError (cannot import "
                f"name '{found.attr}'): Keras 3 (tf.keras since TensorFlow 2.16) has no "
                f"backend.{found.attr}; {instead}")
    return (f"'{model.code(found.node)}' raises AttributeError (module '...backend' has no "
            f"attribute '{found.attr}'): Keras 3 (tf.keras since TensorFlow 2.16) removed "
            f"backend.{found.attr}; {instead}")


def check(model: Model) -> Iterator[Finding]:
    """Keras 2 backend functions reached from code that runs eagerly here."""
    for scope in eager_scopes(model):
        inner = {id(n) for found in scope.backend_names if found.call is not None
                 for a in found.call.args for n in subtree(a.value)}
        for found in scope.backend_names:
            if id(found.node) not in inner:  # `K.function([K.learning_phase()])`: the outer
                yield Finding(CODE, found.node, _message(model, found),  # lookup fails first
                              _fix(model, found))


def _fix(model: Model, found: BackendName) -> FixBuilder | None:
    """The Grad-CAM rewrite, for `K.gradients(...)` in the Keras 2 Grad-CAM block."""
    call = found.call
    if found.attr != "gradients" or found.imported or call is None or call.func is not found.node:
        return None
    return gradcam_fix(model, call)
