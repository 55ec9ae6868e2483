"""TFG002's repair: rewrite `tf.gradients(y, x)` into a GradientTape around the forward steps."""
from __future__ import annotations

import libcst as cst

from tflint_grad.checks.base import FixBuilder, PositionOf
from tflint_grad.checks.fixes import (_bound, _indent, _lines, _mentions, _movable, _newline,
                                      _parents, _place, _reads)
from tflint_grad.model.scope import Binding, Kind, Model
from tflint_grad.types import Edit, Fix

_TENSORS = frozenset({Kind.CONST, Kind.VARIABLE, Kind.FROZEN})
_GRADIENTS_ARGS = ("ys", "xs", "grad_ys")


# --- TFG002: tf.gradients -> GradientTape ---------------------------------------------------------

def tape_rewrite_fix(model: Model, call: cst.Call) -> FixBuilder | None:
    """TFG002 (unsafe): record the computation of ys on a GradientTape and ask the tape."""
    args = _gradients_args(call)
    tf_name = _tensorflow_alias(model, call.func)
    where = _place(model, call)
    if args is None or tf_name is None or where is None:
        return None
    ys, xs, grad_ys = args
    if not all(isinstance(n, cst.Name) for n in _items(ys)):
        return None
    sources = [n.value for n in _items(xs) if isinstance(n, cst.Name)]
    block, at = where
    needed, wrapped = _mentions(ys), set()
    for i in range(at - 1, -1, -1):
        bound = _bound(block[i], model)
        if bound & needed:
            if bound & set(sources):
                return None
            wrapped.add(i)
            needed |= _reads(block[i]) - set(sources)
    relevant = [i for i in sorted(wrapped) if _reads(block[i]) & set(sources)]
    if not relevant or not _mentions(xs) <= set(sources) | {tf_name}:
        return None
    first, last = relevant[0], max(wrapped)
    span = block[first:last + 1]
    if any(_bound(s, model) & set(sources) for s in block[first:at]) or not all(map(_movable, span)):
        return None
    if not isinstance(block[at], cst.SimpleStatementLine) or not _movable(block[at]):
        return None
    tape = _fresh_name(model, "tape")
    replaced, text = _gradient_text(model, call, tape, tf_name, ys, xs, grad_ys)
    if text is None:
        return None

    def build(pos: PositionOf) -> Fix | None:
        indent = _indent(model, pos, span[0])
        unit = model.module.default_indent if model.module.default_indent.strip() == "" else "    "
        (start, _), _ = pos(span[0])
        _, (end, _) = pos(span[-1])
        lines = _lines(model, [(start, end)], indent, indent + unit)
        if lines is None:
            return None
        newline = _newline(model)
        head = f"{indent}with {tf_name}.GradientTape() as {tape}:{newline}" + "".join(
            f"{indent}{unit}{tape}.watch({name}){newline}" for name in sources)
        (line, col), (end_line, end_col) = pos(replaced)
        return Fix(f"record the computation of {model.code(ys)} on a GradientTape and replace "
                   f"{model.code(call.func)} by {tape}.gradient", False,
                   (Edit(start, 1, end + 1, 1, head + lines),
                    Edit(line, col, end_line, end_col, text)))
    return build


def _gradients_args(call: cst.Call) -> tuple[cst.BaseExpression, cst.BaseExpression,
                                             cst.BaseExpression | None] | None:
    found: dict[str, cst.BaseExpression] = {}
    for i, arg in enumerate(call.args):
        if arg.star:
            return None
        name = arg.keyword.value if arg.keyword is not None else (
            _GRADIENTS_ARGS[i] if i < len(_GRADIENTS_ARGS) else None)
        if name not in _GRADIENTS_ARGS or name in found:
            return None  # stop_gradients, aggregation_method ...: no tape equivalent here
        found[name] = arg.value
    if "ys" not in found or "xs" not in found:
        return None
    return found["ys"], found["xs"], found.get("grad_ys")


def _items(expr: cst.BaseExpression) -> list[cst.BaseExpression]:
    if isinstance(expr, (cst.List, cst.Tuple)):
        return [e.value for e in expr.elements]
    return [expr]


def _tensorflow_alias(model: Model, func: cst.BaseExpression) -> str | None:
    """The local name TensorFlow is imported as, preferring the one this call spells."""
    while isinstance(func, cst.Attribute):
        func = func.value
    if isinstance(func, cst.Name) and model.imports.aliases.get(func.value) == "tensorflow":
        return func.value
    names = sorted(k for k, v in model.imports.aliases.items() if v == "tensorflow")
    return names[0] if names else None


def _fresh_name(model: Model, base: str) -> str:
    taken = model.memo.get("names")
    if not isinstance(taken, set):
        taken = _mentions(model.module)
        model.memo["names"] = taken
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base}_{n}"
    return name


def _gradient_text(model: Model, call: cst.Call, tape: str, tf_name: str, ys: cst.BaseExpression,
                   xs: cst.BaseExpression, grad_ys: cst.BaseExpression | None
                   ) -> tuple[cst.CSTNode, str | None]:
    """The node to replace and its tape form, returning the list tf.gradients returns."""
    extra = f", output_gradients={model.code(grad_ys)}" if grad_ys is not None else ""
    asked = f"{tape}.gradient({model.code(ys)}, {model.code(xs)}{extra})"
    if isinstance(xs, cst.List):
        return call, asked
    source = _binding_before(model, xs, call) if isinstance(xs, cst.Name) else None
    if source is None or source.kind not in _TENSORS:
        return call, f"{tf_name}.nest.flatten({asked})"
    parent = _parents(model).get(id(call))
    if isinstance(parent, cst.Subscript) and len(parent.slice) == 1 and isinstance(
            parent.slice[0].slice, cst.Index) and isinstance(parent.slice[0].slice.value,
                                                             cst.Integer) \
            and parent.slice[0].slice.value.value == "0":
        return parent, asked  # tf.gradients(y, x)[0] is the tape's gradient itself
    return call, f"[{asked}]"


def _binding_before(model: Model, name: cst.Name, call: cst.Call) -> Binding | None:
    """The binding a name holds at a call: the last one made in the call's block before it."""
    where = _place(model, call)
    if where is None:
        return None
    block, at = where
    before = {id(s) for s in block[:at]}
    for scope in model.scopes:
        found = [b for b in scope.bindings if b.name == name.value]
        if found and any(id(b.node) in before for b in found):
            last = max(found, key=lambda b: b.seq)
            return last if id(last.node) in before else None
    return None
