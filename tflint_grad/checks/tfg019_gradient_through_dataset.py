"""TFG019: the target depends on the source only through a tf.data pipeline."""
from __future__ import annotations

from collections.abc import Iterator

from tflint_grad.checks.base import Finding, PositionOf
from tflint_grad.checks.no_gradient import first_per_call, head, line_of, source_text, target_text
from tflint_grad.model.paths import NoGradient, Why
from tflint_grad.model.scope import GradientCall, Model, Scope

CODE = "TFG019"
REASONS = frozenset({Why.THROUGH_DATASET})


def _finding(model: Model, scope: Scope, gc: GradientCall, i: int, found: NoGradient) -> Finding:
    cut = found.cut
    assert cut is not None
    source, target = source_text(model, gc, i), target_text(model, gc)

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


def check(model: Model) -> Iterator[Finding]:
    """Gradient calls whose every path from the source goes through a tf.data op."""
    return first_per_call(model, REASONS, _finding)
