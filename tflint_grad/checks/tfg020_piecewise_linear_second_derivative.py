"""TFG020: a second derivative of a ReLU network, which is piecewise linear in its input."""
from __future__ import annotations

from collections.abc import Iterator

from tflint_grad.checks.base import Finding
from tflint_grad.checks.second_derivatives import message, piecewise_second_derivatives
from tflint_grad.model.scope import Model

CODE = "TFG020"


def check(model: Model) -> Iterator[Finding]:
    """Gradients of a gradient of `net(x)` where `net` is ReLU-like and otherwise linear."""
    for found in piecewise_second_derivatives(model):
        if found.net.relu:
            yield Finding(CODE, found.call.node, message(model, found))
