"""TFG004: a gradient that is None is used where None raises."""
from __future__ import annotations

from collections.abc import Iterator

import libcst as cst

from tflint_grad.checks.base import Finding, PositionOf
from tflint_grad.checks.no_gradient import paths_of
from tflint_grad.model.paths import NoGradient
from tflint_grad.model.scope import Binding, GradientCall, Kind, Model, Scope, UseKind

CODE = "TFG004"
# What each use of None raises in TensorFlow 2.21, by how the model saw it used.
_RAISES = {
    UseKind.TARGET: "using it as the target of another gradient raises TypeError (Argument `target` "
              "should be a list or nested structure of Tensors ... but received None)",
    UseKind.ARITHMETIC: "arithmetic on it raises ValueError (Attempt to convert a value (None) with an "
                  "unsupported type)",
    UseKind.ARITHMETIC_WITH_NUMBER: "arithmetic with a Python number raises TypeError "
                                    "(unsupported operand type(s) ... 'NoneType')",
    UseKind.NEGATED: "negating it raises TypeError (bad operand type for unary -: 'NoneType')",
    UseKind.INDEXED: "indexing it raises TypeError ('NoneType' object is not subscriptable)",
    UseKind.NUMPY: "calling .numpy() on it raises AttributeError",
    UseKind.ATTRIBUTE: "reading an attribute of it raises AttributeError ('NoneType' object has no "
                 "attribute ...)",
    UseKind.TF_ARGUMENT: "passing it to a TensorFlow op raises ValueError (Attempt to convert a value "
                   "(None) with an unsupported type)",
}


def _returned_gradient(model: Model, b: Binding) -> tuple[str, Binding]:
    """`g = input_grad(model, x)` of a function whose one return is a gradient: that gradient,
    and the function's name; otherwise `b` itself."""
    fn = b.returned_by
    callee = model.functions.get(fn) if fn is not None else None
    if fn is None or callee is None or len(callee.returns) != 1 or len(callee.returns[0]) != 1:
        return "", b
    edge = callee.returns[0][0]
    if edge.cut is not None or edge.binding.kind is not Kind.GRADIENT or fn.decorators:
        return "", b
    return fn.name.value, edge.binding


def _none_targets(model: Model, scope: Scope) -> Iterator[Finding]:
    """A gradient whose target is the None a function without `return` hands back."""
    for gc in scope.calls:
        fn = gc.target.none_from if gc.target is not None else None
        if fn is None or gc.target is None:
            continue
        target, name = gc.target, fn.name.value

        def message(pos: PositionOf, gc: GradientCall = gc, target: Binding = target,
                    name: str = name, fn: cst.FunctionDef = fn) -> str:
            return (f"'{target.name}' is None: "
                    f"'{name}' (line {pos(fn)[0][0]}) has no return statement, so the call on "
                    f"line {pos(target.node)[0][0]} returns None, and using it as the target "
                    f"of {gc.method} raises TypeError (Argument `target` should be a list or "
                    f"nested structure of Tensors ... but received None); return the value "
                    f"from '{name}'")
        yield Finding(CODE, gc.node, message)


def check(model: Model) -> Iterator[Finding]:
    """The first use of each None gradient that raises."""
    from tflint_grad.checks import code_for  # the registry imports this module

    paths = paths_of(model)
    for scope in model.scopes:
        yield from _none_targets(model, scope)
        reported: set[int] = set()
        for use in sorted(scope.uses, key=lambda u: u.seq):
            if id(use.binding) in reported:
                continue
            helper, held = _returned_gradient(model, use.binding)
            found = paths.is_none(held)
            if found is None:
                continue
            reported.add(id(use.binding))
            gc = held.grad
            assert gc is not None
            name = use.binding.name if use.binding.name.isidentifier() else "the gradient"

            def message(pos: PositionOf, gc: GradientCall = gc, found: NoGradient = found,
                        name: str = name, how: UseKind = use.how, helper: str = helper) -> str:
                line = pos(gc.node)[0][0]
                why = (f"'{helper}' returns the result of the {gc.method} call on line {line}, "
                       f"which is None" if helper else
                       f"the {gc.method} call on line {line} returns None")
                return f"'{name}' is None ({why}: {code_for(found.why)}), and {_RAISES[how]}"
            yield Finding(CODE, use.node, message)
