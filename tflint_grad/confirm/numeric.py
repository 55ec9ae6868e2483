"""Central finite differences for a gradient, run inside the worker (stdlib + numpy only)."""
from __future__ import annotations

from typing import Callable, Sequence

import numpy as np

# Central differences are best at h ~ eps ** (1/3) relative to the value perturbed.
STEPS = {"float64": 1e-5, "float32": 4e-3, "float16": 1e-1, "bfloat16": 1e-1}
MAX_ELEMENTS = 4


def elements(size: int, count: int = MAX_ELEMENTS) -> list[int]:
    """Up to `count` flat indices spread evenly over an array of `size` elements."""
    if size <= count:
        return list(range(size))
    return sorted({round(i * (size - 1) / (count - 1)) for i in range(count)})


def step(value: float, dtype: str) -> float:
    """The perturbation for one element of the given dtype."""
    return STEPS.get(dtype, 4e-3) * max(1.0, abs(value))


# evaluate(index, sign) -> (sum of the target in float64, the perturbed element as stored)
Evaluate = Callable[[int, int], "tuple[float, float]"]


def max_error(evaluate: Evaluate, gradient: Sequence[float], indices: Sequence[int]) -> float:
    """Largest |central difference - gradient| over the perturbed elements."""
    worst = 0.0
    for index in indices:
        plus, x_plus = evaluate(index, 1)
        minus, x_minus = evaluate(index, -1)
        if x_plus == x_minus:
            raise ValueError("the perturbation vanished in this dtype")
        estimate = (plus - minus) / (x_plus - x_minus)
        worst = max(worst, abs(estimate - float(gradient[index])))
    return worst


# evaluate(sign) -> (sum of the target in float64, {flat index: nudge as stored})
Directional = Callable[[int], "tuple[float, dict[int, float]]"]


def directional_error(evaluate: Directional, gradient: Sequence[float]) -> float:
    """|central difference - gradient . nudge| along one direction, per unit of step.

    f(x + d) - f(x - d) is compared with g . (d+ - d-), the nudges as the slice's dtype
    stored them, then divided by the largest nudge: the error of a derivative.
    """
    plus, up = evaluate(1)
    minus, down = evaluate(-1)
    steps = {i: up[i] - down[i] for i in up}
    width = max(abs(v) for v in steps.values()) if steps else 0.0
    if width == 0.0:
        raise ValueError("the perturbation vanished in this dtype")
    predicted = sum(float(gradient[i]) * d for i, d in steps.items())
    return abs((plus - minus) - predicted) / width


def as_float64(value: object) -> np.ndarray:
    """Any tensor, variable, array or number as a float64 numpy array."""
    return np.array(value, dtype=np.float64)
