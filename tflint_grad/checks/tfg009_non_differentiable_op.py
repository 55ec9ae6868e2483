"""TFG009: the path from source to target goes through an op with no gradient."""
from __future__ import annotations

from collections.abc import Iterator

from tflint_grad.checks.base import Finding, PositionOf
from tflint_grad.checks.no_gradient import first_per_call, head, line_of, source_text, target_text
from tflint_grad.model.paths import NoGradient, Why
from tflint_grad.model.scope import GradientCall, Model, Scope

CODE = "TFG009"
REASONS = frozenset({Why.OP_WITHOUT_GRADIENT, Why.OP_WITH_ZERO_GRADIENT})


def _finding(model: Model, scope: Scope, gc: GradientCall, i: int, found: NoGradient) -> Finding:
    cut = found.cut
    assert cut is not None
    source, target = source_text(model, gc, i), target_text(model, gc)

    def message(pos: PositionOf) -> str:
        where = f"'{cut.op}' (line {line_of(cut.node, pos)})"
        if found.zeros:
            return (f"{head(model, gc, i, zeros=True)}: every path from '{source}' to "
                    f"'{target}' goes through {where}, whose gradient is zero everywhere; use a "
                    f"smooth surrogate such as tf.tanh or a straight-through estimator")
        return (f"{head(model, gc, i)}: every path from '{source}' to '{target}' goes through "
                f"{where}, which has no gradient; {_surrogate(cut.op)} or keep it off the loss "
                f"path")
    return Finding(CODE, gc.node, message)


def _surrogate(op: str) -> str:
    """A differentiable stand-in that fits the op: a soft choice for arg* picks, a
    straight-through estimator for rounding."""
    name = op.rsplit(".", 1)[-1].lower()
    if name.startswith("arg") or name == "one_hot":
        return "use a soft choice (tf.nn.softmax of the scores, or a Gumbel-softmax)"
    return ("use a differentiable surrogate (e.g. a straight-through estimator, x + "
            "tf.stop_gradient(tf.round(x) - x))")


def check(model: Model) -> Iterator[Finding]:
    """Gradient calls whose every path goes through tf.round, tf.argmax, int casts, ..."""
    return first_per_call(model, REASONS, _finding)
