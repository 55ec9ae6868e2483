"""TFG005: nested tapes, and the outer target was computed after the outer block ended."""
from __future__ import annotations

from collections.abc import Iterator

from tflint_grad.checks.base import Finding, PositionOf
from tflint_grad.checks.no_gradient import first_per_call, head, line_of
from tflint_grad.fixing.moving import move_fix
from tflint_grad.model.paths import NoGradient, Why
from tflint_grad.model.scope import GradientCall, Model, Scope

CODE = "TFG005"
REASONS = frozenset({Why.RECORDED_AFTER_OUTER_BLOCK})


def _finding(model: Model, scope: Scope, gc: GradientCall, i: int, found: NoGradient) -> Finding:
    step, tape = found.step, gc.tape
    assert step is not None

    def message(pos: PositionOf) -> str:
        return (f"{head(model, gc, i)}: '{model.statement_code(step.node)}' (line "
                f"{line_of(step.node, pos)}) ran after the block of tape '{tape.name}' (line "
                f"{line_of(tape.block_line_node or tape.node, pos)}) ended, so that tape never "
                f"recorded it; take the inner gradient and any slice of it inside the "
                f"'{tape.name}' with-block")
    return Finding(CODE, gc.node, message, move_fix(model, gc, i, step))


def check(model: Model) -> Iterator[Finding]:
    """Outer gradients whose target was made from an inner gradient after the outer block."""
    return first_per_call(model, REASONS, _finding)
