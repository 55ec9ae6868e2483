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
}
_OTHER = "InvalidArgumentError (Value for attr 'shape_dtype'/'index_type' ... not in the list " \
         "of allowed values: int32, int64)"


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
    """tf.ones / tf.zeros / tf.fill / tf.random.* given a float dimension."""
    for scope in model.scopes:
        for found in scope.float_shapes:
            call, name, dims = found.call, found.op, found.dims
            shown = ", ".join(f"'{model.code(d)}'" for d in dims)
            short = "tf." + name.split(".", 1)[1]
            yield Finding(CODE, call, (
                f"{short} is given the float dimension {shown}; shape dimensions must be "
                f"integers, and {short} raises {_ERRORS.get(name, _OTHER)}; use integer "
                f"arithmetic (// instead of /) or int(...)"), integer_fix(model, dims))
