"""TFG008: the path from source to target leaves TensorFlow inside the tape."""
from __future__ import annotations

from collections.abc import Iterator

from tflint_grad.checks.base import Finding, PositionOf
from tflint_grad.checks.no_gradient import (first_per_call, head, line_of, raising_head,
                                           source_text, target_text)
from tflint_grad.model.paths import NoGradient, Why
from tflint_grad.model.scope import GradientCall, Kind, Model, Scope

CODE = "TFG008"
REASONS = frozenset({Why.LEFT_TENSORFLOW})


def _finding(model: Model, scope: Scope, gc: GradientCall, i: int, found: NoGradient) -> Finding:
    cut = found.cut
    assert cut is not None
    source, target = source_text(model, gc, i), target_text(model, gc)

    # A target that is itself a numpy value: the call raises instead of returning None.
    numpy_target = gc.target is not None and gc.target.kind is Kind.NUMPY and not gc.target.tf_value
    opening = raising_head(model, gc, "AttributeError ('numpy...' object has no attribute "
                                      "'_id'), since the target is a numpy value") \
        if numpy_target else head(model, gc, i)

    def message(pos: PositionOf) -> str:
        return (f"{opening}: on every path from '{source}' to '{target}' the value "
                f"leaves TensorFlow at '{cut.op}' (line {line_of(cut.node, pos)}), which the tape "
                f"cannot record; keep the computation in TensorFlow ops inside the tape")
    return Finding(CODE, gc.node, message)


def check(model: Model) -> Iterator[Finding]:
    """Gradient calls whose every path leaves TensorFlow (.numpy(), np.*, float())."""
    return first_per_call(model, REASONS, _finding)
