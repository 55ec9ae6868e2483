"""TFG012: float dimensions in a shape argument."""
from __future__ import annotations

from collections.abc import Iterator

import libcst as cst

from tflint_grad.checks.base import FixBuilder, Finding, PositionOf
from tflint_grad.model.scope import Model
from tflint_grad.types import Edit, Fix

CODE = "TFG012"
_ERRORS = {
    "tensorflow.ones": "TypeError (Cannot convert [...] to EagerTensor of dtype int32)",
    "tensorflow.zeros": "TypeError (Cannot convert [...] to EagerTensor of dtype int32)",
    "tensorflow.reshape": "InvalidArgumentError (Value for attr 'Tshape' of float is not in the "
                          "list of allowed values: int32, int64)",
    "tensorflow.tile": "InvalidArgumentError (Value for attr 'Tmultiples' of float is not in the "
                       "list of allowed values: int32, int64)",
    "tensorflow.broadcast_to": "InvalidArgumentError (Value for attr 'Tidx' of float is not in "
                               "the list of allowed values: int32, int64)",
    "tensorflow.image.resize": "ValueError ('size' must be a 1-D int32 Tensor)",
    "tensorflow.fill": "InvalidArgumentError (Value for attr 'index_type' of float is not in "
                       "the list of allowed values: int32, int64)",
}
# tf.random.* (RandomUniform, RandomStandardNormal, ...): their shape attr is called T.
_OTHER = "InvalidArgumentError (Value for attr 'T' of float is not in the list of allowed " \
         "values: int32, int64)"


def integer_fix(model: Model, dims: list[cst.BaseExpression]) -> FixBuilder | None:
    """4.0 -> 4 (safe); a float-valued expression -> round(...) (unsafe: it may not be whole)."""
    edits: list[tuple[cst.BaseExpression, str, bool]] = []
    for d in dims:
        if isinstance(d, cst.Float):
            value = float(d.value.replace("_", ""))
            if not value.is_integer():
                return None
            edits.append((d, str(int(value)), True))
        else:
            edits.append((d, f"round({model.code(d)})", False))

    def build(pos: PositionOf) -> Fix:
        out = []
        for node, text, _ in edits:
            (line, col), (end_line, end_col) = pos(node)
            out.append(Edit(line, col, end_line, end_col, text))
        safe = all(s for _, _, s in edits)
        return Fix("make the dimensions integers", safe, tuple(out))
    return build


def check(model: Model) -> Iterator[Finding]:
    """tf.ones / tf.zeros / tf.fill / tf.random.* given a float dimension, written there or
    passed in by a caller."""
    yield from check_literal(model)
    yield from check_passed(model)


def check_literal(model: Model) -> Iterator[Finding]:
    """The float dimensions written in the op's own shape argument."""
    for scope in model.scopes:
        for found in scope.float_shapes:
            call, name, dims = found.call, found.op, found.dims
            shown = ", ".join(f"'{model.code(d)}'" for d in dims)
            short = "tf." + name.split(".", 1)[1]
            params = [model.code(d) for d in dims if isinstance(d, cst.Name)
                      and d.value in scope.params]
            if params:  # typed from the callers: every call of the helper passes a float
                shown += (f" (parameter '{params[0]}', to which every call of "
                          f"'{scope.name}' passes a float)")
            yield Finding(CODE, call, (
                f"{short} is given the float dimension {shown}; shape dimensions must be "
                f"integers, and {short} raises {_ERRORS.get(name, _OTHER)}; use integer "
                f"arithmetic (// instead of /) or int(...)"), integer_fix(model, dims))


def check_passed(model: Model) -> Iterator[Finding]:
    """A helper's tf.ones(shape) / tf.random.*(shape) whose caller passes float dimensions:
    TensorFlow raises in the helper, on the first such call."""
    calls = [(scope, c) for scope in model.scopes for c in scope.local_calls if c.float_lists]
    for scope in model.scopes:
        if isinstance(scope.node, cst.FunctionDef) and scope.node.decorators:
            continue  # a decorator may convert the dimensions before the helper sees them
        for found in scope.shape_parameters:
            site = next(((s, c) for s, c in calls
                         if c.function is scope.node and found.param in c.float_lists), None)
            if site is None:
                continue
            caller, passed = site
            dims = passed.float_lists[found.param]
            shown = ", ".join(f"'{model.code(d)}'" for d in dims)
            short = "tf." + found.op.split(".", 1)[1]

            def message(pos: PositionOf, short: str = short, shown: str = shown,
                        call: cst.Call = passed.call, param: str = found.param,
                        op: str = found.op) -> str:
                return (f"{short} is given the float dimension {shown} through parameter "
                        f"'{param}' of '{model.code(call.func)}' (the call on line "
                        f"{pos(call)[0][0]}); shape dimensions must be integers, and {short} "
                        f"raises {_ERRORS.get(op, _OTHER)}; use integer arithmetic (// instead "
                        f"of /) or int(...) where the dimensions are computed")
            yield Finding(CODE, found.call, message)
