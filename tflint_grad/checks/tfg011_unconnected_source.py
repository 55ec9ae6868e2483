"""TFG011: the target provably does not depend on the source."""
from __future__ import annotations

from collections.abc import Iterator

from tflint_grad.checks.base import Finding
from tflint_grad.checks.no_gradient import head, failed_sources, source_text, target_text
from tflint_grad.checks.second_derivatives import message, piecewise_second_derivatives
from tflint_grad.model.paths import Why
from tflint_grad.model.scope import Model

CODE = "TFG011"
REASONS = frozenset({Why.NOT_CONNECTED})


def check(model: Model) -> Iterator[Finding]:
    """Gradients of a target computed without the source at all."""
    done: set[int] = set()
    for scope, gc, i, found in failed_sources(model):
        # A name the model could not resolve may be what links the two.
        if found.why not in REASONS or scope.unresolved or id(gc) in done:
            continue
        done.add(id(gc))
        source, target = source_text(model, gc, i), target_text(model, gc)
        yield Finding(CODE, gc.node, (
            f"{head(model, gc, i)}: '{target}' does not depend on '{source}' at all; check that "
            f"the computation uses '{source}', or differentiate with respect to what it uses"))
    for second in piecewise_second_derivatives(model):
        # A network with every layer linear: its first derivative is a constant.
        if not second.net.relu and id(second.call) not in done:
            done.add(id(second.call))
            yield Finding(CODE, second.call.node, message(model, second))
