"""TFG017: `optimizer.minimize(...)` on a Keras 3 optimizer, which has no `minimize`."""
from __future__ import annotations

from collections.abc import Iterator

from tflint_grad.checks.base import Finding
from tflint_grad.model.scope import Model

CODE = "TFG017"


def check(model: Model) -> Iterator[Finding]:
    """Calls of `minimize` on optimizers made by keras.optimizers (tf.keras.optimizers)."""
    for scope in model.scopes:
        for found in scope.minimizes:
            owner = model.code(found.call.func).rsplit(".", 1)[0]
            cls = found.optimizer.keras_optimizer
            yield Finding(CODE, found.call, (
                f"{model.code(found.call.func)} raises AttributeError ('{cls}' object has no "
                f"attribute 'minimize'): '{owner}' is a Keras 3 optimizer (tf.keras since "
                f"TensorFlow 2.16), which only applies gradients; compute them with "
                f"tf.GradientTape and call {owner}.apply_gradients(zip(grads, variables))"))
