"""TFG014: the target depends on the source only through Variable.assign."""
from __future__ import annotations

from collections.abc import Iterator

from tflint_grad.checks.base import Finding, PositionOf
from tflint_grad.checks.no_gradient import first_per_call, head, line_of, source_text, target_text
from tflint_grad.model.paths import NoGradient, Why
from tflint_grad.model.scope import GradientCall, Model, Scope

CODE = "TFG014"
REASONS = frozenset({Why.THROUGH_ASSIGN})


def _finding(model: Model, scope: Scope, gc: GradientCall, i: int, found: NoGradient) -> Finding:
    cut = found.cut
    assert cut is not None
    source, target = source_text(model, gc, i), target_text(model, gc)

    def message(pos: PositionOf) -> str:
        return (f"{head(model, gc, i)}: '{source}' reaches '{target}' only through "
                f"'{cut.op}' (line {line_of(cut.node, pos)}); an assign copies the value into "
                f"the variable and records no gradient back to what was assigned; compute "
                f"'{target}' from the assigned expression itself (keep it as a tensor) and "
                f"assign after taking the gradient")
    return Finding(CODE, gc.node, message)


def check(model: Model) -> Iterator[Finding]:
    """Gradient calls whose every path from the source goes through a Variable.assign."""
    return first_per_call(model, REASONS, _finding)
