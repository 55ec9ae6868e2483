"""TFG018: `model.fit` of a model whose loss reaches the weights only through ops without gradient."""
from __future__ import annotations

from collections.abc import Iterator

from tflint_grad.checks.base import Finding, PositionOf
from tflint_grad.model.scope import Model
from tflint_grad.model.training import CutTraining, cut_trainings

CODE = "TFG018"


def _finding(model: Model, found: CutTraining) -> Finding:
    op = model.code(found.op)
    fit = f"{model.code(found.fit.func)}(...)"
    where = (f"the loss '{found.function}' given to {found.model_name}.compile depends on "
             f"y_pred only through it" if found.role == "loss" else
             f"the last layer of '{found.model_name}' is Lambda({found.function}), whose "
             f"output depends on its input only through it" if found.role == "lambda" else
             f"'{found.model_name}' is a subclassed model whose {found.function} returns an "
             f"output that depends on its input only through it" if found.role == "model" else
             f"the last layer of '{found.model_name}' runs {found.function}, whose output "
             f"depends on its input only through it")

    def message(pos: PositionOf) -> str:
        line = pos(found.fit)[0][0]
        return (f"'{op}' has no gradient and {where}, so no weight gets a gradient: {fit} "
                f"on line {line} raises ValueError (No gradients provided for any variable.); "
                f"compute the loss from y_pred with differentiable ops (a sigmoid or softmax "
                f"instead of round/argmax, a hinge instead of a comparison) and keep the "
                f"non-differentiable version as a metric")
    return Finding(CODE, found.op, message, raised_at=found.fit)


def check(model: Model) -> Iterator[Finding]:
    """Keras trainings whose every weight would get a None gradient."""
    seen: set[int] = set()
    for found in cut_trainings(model):
        if id(found.op) not in seen:
            seen.add(id(found.op))
            yield _finding(model, found)
