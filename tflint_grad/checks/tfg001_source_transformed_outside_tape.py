"""TFG001: the source reaches the target only through a step the tape did not record."""
from __future__ import annotations

from collections.abc import Iterator

from tflint_grad.checks.base import Finding, PositionOf
from tflint_grad.checks.no_gradient import first_per_call, head, line_of, source_text, target_text
from tflint_grad.fixing.moving import move_fix
from tflint_grad.model.paths import NoGradient, Why
from tflint_grad.model.scope import GradientCall, Kind, Model, Scope

CODE = "TFG001"
REASONS = frozenset({Why.RECORDED_ONLY_BEFORE_TAPE, Why.RECORDED_AFTER_BLOCK})


def _finding(model: Model, scope: Scope, gc: GradientCall, i: int, found: NoGradient) -> Finding:
    step, tape = found.step, gc.tape
    assert step is not None
    source, target = source_text(model, gc, i), target_text(model, gc)
    before = found.why is Why.RECORDED_ONLY_BEFORE_TAPE

    def message(pos: PositionOf) -> str:
        tape_line = line_of(tape.block_line_node or tape.node, pos)
        when = (f"before the tape on line {tape_line} started recording" if before else
                f"after the block of the tape on line {tape_line} ended")
        held = gc.sources[i] if i < len(gc.sources) else None
        variables = held is not None and (held.kind is Kind.VARIABLE or held.model_of is not None)
        advice = (f"compute '{step.name}' inside the tape, which records variables as they are "
                  f"read" if before and variables else
                  f"watch {source} and compute '{step.name}' inside the tape, or differentiate"
                  f" with respect to '{step.name}' and slice out the part for {source}"
                  if before else f"compute '{step.name}' inside the with-block of tape "
                  f"'{tape.name}'")
        return (f"{head(model, gc, i)}: '{source}' reaches '{target}' only through "
                f"'{model.statement_code(step.node)}' (line {line_of(step.node, pos)}), "
                f"computed {when}; {advice}")
    return Finding(CODE, gc.node, message, move_fix(model, gc, i, step))


def check(model: Model) -> Iterator[Finding]:
    """Gradient calls whose source reaches the target only through unrecorded steps."""
    return first_per_call(model, REASONS, _finding)
