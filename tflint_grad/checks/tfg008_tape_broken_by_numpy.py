"""TFG008: the path from source to target leaves TensorFlow inside the tape."""
from __future__ import annotations

from collections.abc import Iterator

from tflint_grad.checks.base import Finding, PositionOf
from tflint_grad.checks.no_gradient import first_per_call, head, line_of, source_text, target_text
from tflint_grad.model.paths import NoGradient, Why
from tflint_grad.model.scope import GradientCall, Model, Scope

CODE = "TFG008"
REASONS = frozenset({Why.LEFT_TENSORFLOW})


def _finding(model: Model, scope: Scope, gc: GradientCall, i: int, found: NoGradient) -> Finding:
    cut = found.cut
    assert cut is not None
    source, target = source_text(model, gc, i), target_text(model, gc)

    def message(pos: PositionOf) -> str:
        return (f"{head(model, gc, i)}: on every path from '{source}' to '{target}' the value "
                f"leaves TensorFlow at '{cut.op}' (line {line_of(cut.node, pos)}), which the tape "
                f"cannot record; keep the computation in TensorFlow ops inside the tape")
    return Finding(CODE, gc.node, message)


def check(model: Model) -> Iterator[Finding]:
    """Gradient calls whose every path leaves TensorFlow (.numpy(), np.*, float())."""
    return first_per_call(model, REASONS, _finding)
