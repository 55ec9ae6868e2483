"""TFG002: tf.gradients called where eager execution is on; its repair rewrites
`tf.gradients(y, x)` into a GradientTape around the forward steps."""
from __future__ import annotations

from collections.abc import Iterator

import libcst as cst

from tflint_grad.checks.base import FixBuilder, Finding, PositionOf
from tflint_grad.checks.eager_scopes import eager_scopes
from tflint_grad.fixing.gradcam import gradcam_fix
from tflint_grad.fixing.layout import fresh_name, indent, layout_of, place, whole_lines
from tflint_grad.fixing.moving import movable
from tflint_grad.model.scope import Binding, Kind, Model
from tflint_grad.model.keras import SYMBOLIC_ATTRS
from tflint_grad.syntax import changes, names_in, reads, subtree
from tflint_grad.types import Edit, Fix

CODE = "TFG002"
_TENSORS = frozenset({Kind.CONST, Kind.VARIABLE, Kind.FROZEN})
_GRADIENTS_ARGS = ("ys", "xs", "grad_ys")


def tape_rewrite_fix(model: Model, call: cst.Call) -> FixBuilder | None:
    """(Unsafe) record the computation of ys on a GradientTape and ask the tape."""
    args = _gradients_args(call)
    tf_name = _tensorflow_alias(model, call.func)
    where = place(model, call)
    if args is None or tf_name is None or where is None:
        return None
    ys, xs, grad_ys = args
    if not all(isinstance(n, cst.Name) for n in _items(ys)):
        return None
    sources = [n.value for n in _items(xs) if isinstance(n, cst.Name)]
    block, at = where
    needed, wrapped = names_in(ys), set()
    for i in range(at - 1, -1, -1):
        bound = changes(block[i], model.imports.aliases)
        if bound & needed:
            if bound & set(sources):
                return None
            wrapped.add(i)
            needed |= reads(block[i]) - set(sources)
    relevant = [i for i in sorted(wrapped) if reads(block[i]) & set(sources)]
    if not relevant or not names_in(xs) <= set(sources) | {tf_name}:
        return None
    first, last = relevant[0], max(wrapped)
    forward = block[first:last + 1]
    if any(changes(s, model.imports.aliases) & set(sources) for s in block[first:at]) or not all(map(movable, forward)):
        return None
    if not isinstance(block[at], cst.SimpleStatementLine) or not movable(block[at]):
        return None
    tape = fresh_name(model, "tape")
    replaced, text = _gradient_text(model, call, tape, tf_name, ys, xs, grad_ys)
    if text is None:
        return None

    def build(pos: PositionOf) -> Fix | None:
        lead = indent(model, pos, forward[0])
        unit = model.module.default_indent if model.module.default_indent.strip() == "" else "    "
        (start, _), _ = pos(forward[0])
        _, (end, _) = pos(forward[-1])
        lines = whole_lines(model, [(start, end)], lead, lead + unit)
        if lines is None:
            return None
        newline = layout_of(model).newline
        head = f"{lead}with {tf_name}.GradientTape() as {tape}:{newline}" + "".join(
            f"{lead}{unit}{tape}.watch({name}){newline}" for name in sources)
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
    parent = layout_of(model).parents.get(id(call))
    if isinstance(parent, cst.Subscript) and len(parent.slice) == 1 and isinstance(
            parent.slice[0].slice, cst.Index) and isinstance(parent.slice[0].slice.value,
                                                             cst.Integer) \
            and parent.slice[0].slice.value.value == "0":
        return parent, asked  # tf.gradients(y, x)[0] is the tape's gradient itself
    return call, f"[{asked}]"


def _binding_before(model: Model, name: cst.Name, call: cst.Call) -> Binding | None:
    """The binding a name holds at a call: the last one made in the call's block before it."""
    where = place(model, call)
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


def _keras_tensor_ops_first(call: cst.Call) -> bool:
    """An argument applies a function to a model's `.output` / `.input` (`K.gradients(
    K.sum(model.output), model.input)`): that call runs first and may raise otherwise."""
    return any(isinstance(n, cst.Attribute) and n.attr.value in SYMBOLIC_ATTRS
               for arg in call.args for inner in subtree(arg.value) if isinstance(inner, cst.Call)
               for a in inner.args for n in subtree(a.value))


def check(model: Model) -> Iterator[Finding]:
    """tf.gradients reached from module-level code of a TF2 script, outside any graph."""
    for scope in eager_scopes(model):
        for found in scope.symbolic_gradients:
            if found.in_graph or scope.keras_unsure or _keras_tensor_ops_first(found.call):
                continue
            call = found.call
            where = "at module level" if scope.kind == "module" else (
                f"in '{scope.name}', which runs eagerly here")
            yield Finding(CODE, call, (
                f"{model.code(call.func)} is called {where}, and TensorFlow 2 raises "
                f"RuntimeError (tf.gradients is not supported when eager execution is enabled."
                f" Use tf.GradientTape instead.); compute it with tf.GradientTape, or trace "
                f"the function with @tf.function"),
                _fix(model, call, found.op))


def _fix(model: Model, call: cst.Call, op: str) -> FixBuilder | None:
    """The tape rewrite for tf.gradients; the Grad-CAM rewrite for `K.gradients` (tf.keras's
    backend keeps it as tf.gradients) in the Keras 2 Grad-CAM block."""
    if op == "tensorflow.gradients":
        return tape_rewrite_fix(model, call)
    return gradcam_fix(model, call) if op == "keras.backend.gradients" else None
