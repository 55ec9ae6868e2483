"""TFG019: the target depends on the source only through a tf.data pipeline."""
from __future__ import annotations

from collections.abc import Callable, Iterator

import libcst as cst

from tflint_grad.checks.base import Finding, PositionOf
from tflint_grad.checks.no_gradient import first_per_call, head, line_of, source_text, target_text
from tflint_grad.model.paths import NoGradient, Why
from tflint_grad.model.scope import Cut, GradientCall, Model, Scope

CODE = "TFG019"
REASONS = frozenset({Why.THROUGH_DATASET})


def _finding(model: Model, scope: Scope, gc: GradientCall, i: int, found: NoGradient) -> Finding:
    cut = found.cut
    assert cut is not None
    source, target = source_text(model, gc, i), target_text(model, gc)

    if isinstance(cut.node, cst.For):
        return Finding(CODE, gc.node, _loop_message(model, gc, i, cut))
    built = cut.op.startswith("tf.data.")  # a dataset made from the source itself
    why = ("a dataset's elements are new tensors, not recorded as made from what it was built "
           "from" if built else "a tf.data op runs its function as a dataset kernel the tape "
           "does not record, so nothing it reads gets a gradient")
    advice = (f"compute '{target}' from '{source}' with TensorFlow ops on the tape (slice or "
              f"batch the tensor itself)" if built else
              f"compute '{target}' with TensorFlow ops on the tape instead (a Python loop "
              f"over the dataset, with '{source}' used in the loop body)")

    def message(pos: PositionOf) -> str:
        return (f"{head(model, gc, i)}: '{source}' reaches '{target}' only through "
                f"'{cut.op}' (line {line_of(cut.node, pos)}); {why}; {advice}")
    return Finding(CODE, gc.node, message)


def _loop_message(model: Model, gc: GradientCall, i: int, cut: Cut) -> Callable[[PositionOf], str]:
    source, target = source_text(model, gc, i), target_text(model, gc)

    def message(pos: PositionOf) -> str:
        return (f"{head(model, gc, i)}: '{source}' reaches '{target}' only through the for "
                f"loop over '{cut.op}' (line {line_of(cut.node, pos)}), which AutoGraph turns "
                f"into a Dataset.reduce inside @tf.function; the reduce records no gradient for "
                f"what the loop body read; take the gradient inside the loop body (per "
                f"element or batch), or iterate the dataset outside the tf.function")
    return message


def check(model: Model) -> Iterator[Finding]:
    """Gradient calls whose every path from the source goes through a tf.data op."""
    if model.functions_eagerly or model.functions_eagerly_off:
        # tf.functions may run eagerly: a for loop over a dataset is then a Python loop
        return first_per_call(model, REASONS, _finding,
                              keep=lambda found: not isinstance(found.cut and found.cut.node,
                                                                cst.For))
    return first_per_call(model, REASONS, _finding)
