"""TFG010: the source has an integer dtype."""
from __future__ import annotations

from collections.abc import Iterator

from tflint_grad.checks.base import Finding
from tflint_grad.checks.no_gradient import first_per_call, head, source_text
from tflint_grad.model.paths import NoGradient, Why
from tflint_grad.model.scope import GradientCall, Model, Scope

CODE = "TFG010"
REASONS = frozenset({Why.INTEGER_DTYPE})


def _finding(model: Model, scope: Scope, gc: GradientCall, i: int, found: NoGradient) -> Finding:
    return Finding(CODE, gc.node, (
        f"{head(model, gc, i)}: '{source_text(model, gc, i)}' has an integer dtype, and tapes "
        f"only track floating-point tensors; create it as float (e.g. dtype=tf.float32) or cast "
        f"it with tf.cast(..., tf.float32) before watching"))


def check(model: Model) -> Iterator[Finding]:
    """Gradients with respect to integer tensors."""
    return first_per_call(model, REASONS, _finding)
