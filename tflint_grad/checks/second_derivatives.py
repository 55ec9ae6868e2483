"""Second derivatives of networks that are piecewise linear in their input (TFG020 reports the
ReLU ones, whose second gradient is zeros; TFG011 the all-linear ones, whose is None)."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import libcst as cst

from tflint_grad.checks.base import PositionOf
from tflint_grad.checks.no_gradient import line_of, paths_of, source_text, target_text
from tflint_grad.model.activations import Piecewise, Reader
from tflint_grad.model.nodes import assigned_value
from tflint_grad.model.scope import Binding, GradientCall, Kind, Model

# Ops that put their inputs side by side: linear, so a network of them stays piecewise linear.
_JOINING = frozenset({"tensorflow.concat", "tensorflow.stack", "tensorflow.reshape",
                      "tensorflow.identity"})
# Linear ops a network's output may pass through on its way to the first gradient's target.
_LINEAR_OUT = frozenset({"tensorflow.reduce_sum", "tensorflow.math.reduce_sum",
                         "tensorflow.reduce_mean", "tensorflow.math.reduce_mean",
                         "tensorflow.squeeze", "tensorflow.reshape", "tensorflow.identity"})


@dataclass(frozen=True, slots=True)
class SecondDerivative:
    """`outer.gradient(u_x, x)` where `u_x = inner.gradient(u, x)` and `u = net(x)`."""

    call: GradientCall       # the outer gradient
    index: int               # which of its sources
    first: GradientCall      # the gradient it differentiates
    network: cst.Call        # `net(X)`
    net: Piecewise


def piecewise_second_derivatives(model: Model) -> Iterator[SecondDerivative]:
    """Gradients of a gradient of `net(x)` where `net` is piecewise linear in `x`."""
    if "Dense" not in model.source:
        return
    reader: Reader | None = None
    for scope in model.scopes:
        for gc in scope.calls:
            first = _gradient_behind(gc.target) if gc.method == "gradient" else None
            if first is None or first.target is None or any(
                    a.keyword is not None and a.keyword.value == "output_gradients"
                    for a in first.node.args):
                continue
            found = _model_call(model, first.target)
            if found is None:
                continue
            call, made = found
            reader = reader or Reader(model)
            net = reader.lookup(call.func, scope.node)
            if net is None:
                continue
            inputs = _inputs(model, call, made)
            if not any(s is not None and s.name in inputs for s in first.sources):
                continue
            paths = paths_of(model)
            if any(paths.verdict(first, j) is not None for j in range(len(first.sources))):
                continue  # the first gradient already fails: another rule says how
            for i, source in enumerate(gc.sources):
                if source is not None and source.name in inputs:
                    if paths.verdict(gc, i) is None:  # else: None for a reason of its own
                        yield SecondDerivative(gc, i, first, call, net)
                    break


def message(model: Model, found: SecondDerivative) -> Callable[[PositionOf], str]:
    """What the second gradient is, and why."""
    gc, net = found.call, found.net
    source, target = source_text(model, gc, found.index), target_text(model, gc)
    output, name = target_text(model, found.first), model.code(found.network.func)
    verb = "is all zeros" if net.relu else "is None"
    what = (f"its layers are linear apart from '{net.relu}', so every second derivative is "
            f"zero wherever it exists" if net.relu else
            f"every layer is linear, so '{target}' does not depend on '{source}' at all")

    def text(pos: PositionOf) -> str:
        return (f"gradient of '{target}' with respect to '{source}' {verb}: '{target}' is "
                f"the gradient of '{output}' (line {line_of(found.first.node, pos)}), an "
                f"output of '{name}', which is piecewise linear in its input (made on line "
                f"{line_of(net.made, pos)}): {what}; use a smooth activation (tanh, softplus, "
                f"swish, gelu) in a network whose second derivatives matter (a physics-informed "
                f"loss, a Hessian)")
    return text


def _value(b: Binding) -> cst.BaseExpression | None:
    """The expression a name was assigned, `name = <value>`."""
    return assigned_value(b.node)


def _gradient_behind(b: Binding | None) -> GradientCall | None:
    """The gradient call whose result `b` is, or a slice of it (`u_x[:, 0:1]`)."""
    for _ in range(3):
        if b is None:
            return None
        if b.kind is Kind.GRADIENT:
            return b.grad
        value = _value(b)
        if not isinstance(value, cst.Subscript):
            return None
        tensors = [e for e in b.deps if e.cut is None]
        b = tensors[0].binding if len(tensors) == 1 else None
    return None


def _model_call(model: Model, b: Binding) -> tuple[cst.Call, Binding] | None:
    """`u = net(X)` (or `net(X)[:, 0:1]`, `self.net(X)`, `tf.reduce_sum(net(X))`, or
    `uvp = net(X); u = uvp[:, 0:1]`): the network's call and the binding it made."""
    value = _value(b)
    for _ in range(6):
        if isinstance(value, cst.Name):  # `u = uvp[:, 0:1]`: follow `uvp` to what made it
            dep = next((e.binding for e in b.deps if e.binding.name == value.value), None)
            if dep is None:
                return None
            b, value = dep, _value(dep)
        elif isinstance(value, cst.Subscript):
            value = value.value
        elif isinstance(value, cst.Call) and model.imports.resolve(value.func) in _LINEAR_OUT:
            given = [a.value for a in value.args if a.keyword is None]
            if not given:
                return None
            value = given[0]
        else:
            break
    if not isinstance(value, cst.Call) or not isinstance(value.func, (cst.Name, cst.Attribute)):
        return None
    return value, b


def _inputs(model: Model, call: cst.Call, made: Binding) -> set[str]:
    """The names the network's input is built from by joining ops only; empty when the
    input passes through anything else (`net(tf.sin(x))` is not piecewise linear in x)."""
    positional = [a.value for a in call.args if a.keyword is None and not a.star]
    if len(positional) != 1:
        return set()
    found: set[str] = set()
    return found if _joined(model, positional[0], made, found, 0) else set()


def _joined(model: Model, expr: cst.BaseExpression, made: Binding, found: set[str],
            depth: int) -> bool:
    if isinstance(expr, cst.Name):
        found.add(expr.value)  # a leaf; when it was joined from other names, those too
        dep = next((e.binding for e in made.deps if e.binding.name == expr.value), None)
        value = _value(dep) if dep is not None and depth < 3 else None
        if dep is not None and value is not None and (isinstance(value, (cst.List, cst.Tuple))
                                                      or _joining(model, value)):
            return _joined(model, value, dep, found, depth + 1)  # all of it joined, or none
        return True
    if isinstance(expr, (cst.List, cst.Tuple)):
        return all(not isinstance(e, cst.StarredElement) and
                   _joined(model, e.value, made, found, depth) for e in expr.elements)
    if isinstance(expr, cst.Call) and _joining(model, expr):
        given = [a.value for a in expr.args if a.keyword is None]
        return bool(given) and _joined(model, given[0], made, found, depth)
    return False


def _joining(model: Model, expr: cst.BaseExpression) -> bool:
    return isinstance(expr, cst.Call) and model.imports.resolve(expr.func) in _JOINING
