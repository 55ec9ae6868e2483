"""The Grad-CAM rewrite for Keras 2 code (unsafe). The gradient of a class score with respect to
a layer's output, `grads = K.gradients(model.output[...], layer.output)[0]`, optionally pooled
by `K.mean` / `K.sum` and read through one `K.function([model.input], [...])` called once,
becomes a model returning the layer's and the model's outputs, called on the input under a
tf.GradientTape. Only that exact shape is recognised; anything else gets no fix."""
from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

import libcst as cst

from tflint_grad.checks.base import FixBuilder, PositionOf
from tflint_grad.fixing.layout import indent, layout_of, place
from tflint_grad.model.scope import Model
from tflint_grad.syntax import changes, dotted, names_in, reads
from tflint_grad.types import Edit, Fix

_POOLING = {"keras.backend.mean": "reduce_mean", "keras.backend.sum": "reduce_sum"}
_POOLING_KEYWORDS = ("axis", "keepdims")  # K.mean and tf.reduce_mean spell them alike


@dataclass(frozen=True, slots=True)
class _Output:
    """One value the backend function returned, as the rewrite computes it eagerly."""

    kind: str          # "pooled" | "grads" | "target" | "layer" | "model"
    suffix: str = ""   # "[0]" of `layer.output[0]`; "reduce_mean(grads, axis=0)" when pooled


@dataclass(frozen=True, slots=True)
class _GradCam:
    """The recognised block, in the user's names."""

    block: Sequence[cst.CSTNode]
    target_at: int          # `class_output = model.output[:, class_idx]`
    grads_at: int           # `grads = K.gradients(class_output, layer.output)[0]`
    call_at: int            # `a, b = iterate([x])`, the last statement rewritten
    model: str
    target: str
    score: str              # what indexes the model's output: `[:, class_idx]`
    layer_output: str
    grads: str
    image: str              # what the backend function was called on
    outputs: tuple[tuple[str, _Output], ...]   # unpacked name -> the value it receives


class _NoFix(Exception):
    """The block is not the recognised shape."""


_Node = TypeVar("_Node", bound=cst.CSTNode)


def _require(condition: bool) -> None:
    if not condition:
        raise _NoFix


def _as(node: object, kind: type[_Node]) -> _Node:
    """The node as a `kind`, or no fix."""
    if not isinstance(node, kind):
        raise _NoFix
    return node


def gradcam_fix(model: Model, call: cst.Call) -> FixBuilder | None:
    """(Unsafe) rewrite a Keras 2 Grad-CAM block around this `K.gradients` call into the
    TensorFlow 2 form, or None when the block is not exactly the recognised shape."""
    try:
        found = _recognise(model, call)
        tf_name, import_after = _tensorflow_name(model, found.block[found.grads_at])
    except _NoFix:
        return None
    taken = set(_file_names(model))
    new = {base: _fresh(base, taken) for base in ("grad_model", "tape", "conv_outputs",
                                                  "predictions")}
    if tf_name is None:
        tf_name = _fresh("tf", taken)

    def build(pos: PositionOf) -> Fix | None:
        edits = list(_rewrite(model, pos, found, tf_name, new))
        if import_after is not None:
            line = pos(import_after)[1][0] + 1
            edits.insert(0, Edit(line, 1, line, 1,
                                 f"import tensorflow as {tf_name}{layout_of(model).newline}"))
        return Fix(f"rewrite the Keras 2 Grad-CAM as {new['grad_model']} = {tf_name}.keras.Model("
                   f"{found.model}.inputs, [{found.layer_output}, {found.model}.output]) called "
                   f"on {found.image} under a {tf_name}.GradientTape (unsafe: the heatmap's "
                   f"inputs are computed eagerly, the predictions recomputed, and new names "
                   f"bound)", False, tuple(edits))
    return build


# --- recognising the block ----------------------------------------------------------------------

def _recognise(model: Model, call: cst.Call) -> _GradCam:
    """The block around `K.gradients(...)`, checked statement by statement."""
    _require(model.imports.resolve(call.func) == "keras.backend.gradients")
    where = place(model, call)
    _require(where is not None)
    assert where is not None
    block, at = where
    grads_name, value = _assignment(block[at])
    grads, zero = _as(grads_name, cst.Name), _as(value, cst.Subscript)
    index = _as(zero.slice[0].slice, cst.Index) if len(zero.slice) == 1 else None
    _require(zero.value is call and _as(index and index.value, cst.Integer).value == "0")
    target_arg, source_arg = _positional(call, 2)
    target, source = _as(target_arg, cst.Name), _as(source_arg, cst.Attribute)
    _require(source.attr.value == "output")
    layer_at, model_name = _layer(model, block, at, source.value)
    target_at, score = _target(model, block, at, target.value, model_name, layer_at)
    i, pooled = at + 1, _pooling(model, block, at + 1, grads.value)
    if pooled is not None:
        i += 1
    function, inputs, outputs = _backend_function(model, block, i)
    _require(_reads_only_the_model(inputs, model_name))
    names, image = _function_call(block, i + 1, function)
    _require(len(names) == len(outputs) and len(set(names)) == len(names))
    known = {"grads": grads.value, "target": target.value, "model": model_name,
             "layer": _code(model, source)}
    read = [_output(model, o, known, pooled) for o in outputs]
    counts = _file_names(model)
    _require(counts.get(function, 0) == 2)  # bound here, called once here
    if pooled is not None:
        _require(counts.get(pooled[0], 0) == 2 and any(o.kind == "pooled" for o in read))
    fixed = {grads.value, target.value, model_name, function, *names_in(source)}
    _require(not (set(names) - {pooled[0] if pooled else ""}) & (fixed | reads(block[target_at])))
    _require(not names_in(image) & {grads.value, target.value, function,
                                     pooled[0] if pooled else ""})
    _require(all(_comments_movable(s) for s in (block[target_at], *block[at:i + 2])))
    return _GradCam(block, target_at, at, i + 1, model_name, target.value, score,
                    _code(model, source), grads.value, _code(model, image),
                    tuple(zip(names, read)))


def _assignment(stmt: cst.CSTNode) -> tuple[cst.BaseExpression, cst.BaseExpression]:
    """`name = value` alone on its line(s)."""
    _require(isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1)
    assert isinstance(stmt, cst.SimpleStatementLine)
    small = stmt.body[0]
    _require(isinstance(small, cst.Assign) and len(small.targets) == 1)
    assert isinstance(small, cst.Assign)
    return small.targets[0].target, small.value


def _positional(call: cst.Call, count: int) -> list[cst.BaseExpression]:
    _require(len(call.args) == count and all(a.keyword is None and not a.star for a in call.args))
    return [a.value for a in call.args]


def _last_binding(model: Model, block: Sequence[cst.CSTNode], at: int, name: str) -> int:
    """The index of the last statement before `at` that binds or changes `name`."""
    for i in range(at - 1, -1, -1):
        if name in changes(block[i], model.imports.aliases):
            return i
    raise _NoFix


def _target(model: Model, block: Sequence[cst.CSTNode], at: int, name: str, model_name: str,
            layer_at: int | None) -> tuple[int, str]:
    """`T = M.output[...]`, nothing in between reading T or changing what it reads (the
    layer's `L = M.get_layer(...)` reads the model only); where, and the index's text."""
    t_at = _last_binding(model, block, at, name)
    value = _as(_assignment(block[t_at])[1], cst.Subscript)
    output = _as(value.value, cst.Attribute)
    _require(output.attr.value == "output" and _as(output.value, cst.Name).value == model_name)
    read = reads(block[t_at])
    for i in range(t_at + 1, at):
        changed = changes(block[i], model.imports.aliases) - (
            {model_name} if i == layer_at else set())
        _require(name not in names_in(block[i]) and not changed & read)
    return t_at, _suffix(model, value, value.value)


def _layer(model: Model, block: Sequence[cst.CSTNode], at: int,
           layer: cst.BaseExpression) -> tuple[int | None, str]:
    """The source is the output of a layer of a model: `L`, `M.get_layer(...)`, `M.layers[i]`
    (L bound to one of the latter, M unchanged since): where L is bound, and M."""
    l_at = None
    if isinstance(layer, cst.Name):
        l_at = _last_binding(model, block, at, layer.value)
        _, layer = _assignment(block[l_at])
    if isinstance(layer, cst.Call) and isinstance(layer.func, cst.Attribute):
        owner, ok = layer.func.value, layer.func.attr.value == "get_layer"
    elif isinstance(layer, cst.Subscript) and isinstance(layer.value, cst.Attribute):
        owner, ok = layer.value.value, layer.value.attr.value == "layers" and len(layer.slice) == 1
    else:
        raise _NoFix
    model_name = _as(owner, cst.Name).value
    since = block[l_at + 1:at] if l_at is not None else ()
    _require(ok and not any(model_name in changes(s, model.imports.aliases) for s in since))
    return l_at, model_name


def _pooling(model: Model, block: Sequence[cst.CSTNode], at: int,
             grads: str) -> tuple[str, str, str] | None:
    """`P = K.mean(grads, ...)` (or K.sum) -> (P, the tf reduction, its argument text)."""
    if at >= len(block):
        return None
    try:
        name, value = _assignment(block[at])
    except _NoFix:
        return None
    if not isinstance(value, cst.Call) or model.imports.resolve(value.func) not in _POOLING:
        return None
    args = value.args
    _require(bool(args) and args[0].keyword is None and not args[0].star
             and _as(args[0].value, cst.Name).value == grads and len(args) <= 3)
    _require(all(not a.star and (a.keyword is None or a.keyword.value in _POOLING_KEYWORDS)
                 for a in args[1:]))
    return _as(name, cst.Name).value, _POOLING[model.imports.resolve(value.func) or ""], \
        _suffix(model, value, value.func)


def _backend_function(model: Model, block: Sequence[cst.CSTNode], at: int
                      ) -> tuple[str, cst.BaseExpression, list[cst.BaseExpression]]:
    """`F = K.function(inputs, [outputs])`."""
    _require(at < len(block))
    name, value = _assignment(block[at])
    function = _as(value, cst.Call)
    _require(model.imports.resolve(function.func) == "keras.backend.function")
    inputs, outputs = _positional(function, 2)
    elements = [_as(e, cst.Element).value for e in _as(outputs, cst.List).elements]
    _require(bool(elements))
    return _as(name, cst.Name).value, inputs, elements


def _reads_only_the_model(inputs: cst.BaseExpression, model_name: str) -> bool:
    """`[model.input]` or `model.inputs`: no learning phase, no second input."""
    listed = isinstance(inputs, cst.List) and len(inputs.elements) == 1
    if isinstance(inputs, cst.List) and listed:
        inputs = _as(inputs.elements[0], cst.Element).value
    return isinstance(inputs, cst.Attribute) and inputs.attr.value == (
        "input" if listed else "inputs") and dotted(inputs.value) == model_name


def _function_call(block: Sequence[cst.CSTNode], at: int,
                   function: str) -> tuple[list[str], cst.BaseExpression]:
    """`a, b = F([x])` -> (["a", "b"], x)."""
    _require(at < len(block))
    names, value = _assignment(block[at])
    _require(isinstance(names, (cst.Tuple, cst.List)))
    assert isinstance(names, (cst.Tuple, cst.List))
    call = _as(value, cst.Call)
    _require(_as(call.func, cst.Name).value == function)
    given = [_as(e, cst.Element).value for e in _as(_positional(call, 1)[0], cst.List).elements]
    _require(len(given) == 1)
    return [_as(_as(e, cst.Element).value, cst.Name).value for e in names.elements], given[0]


def _output(model: Model, value: cst.BaseExpression, known: dict[str, str],
            pooled: tuple[str, str, str] | None) -> _Output:
    """What one element of the backend function's outputs is."""
    if isinstance(value, cst.Name):
        if pooled is not None and value.value == pooled[0]:
            return _Output("pooled", pooled[1] + pooled[2])
        for kind in ("grads", "target"):
            if value.value == known[kind]:
                return _Output(kind)
        raise _NoFix
    base = value
    while isinstance(base, cst.Subscript):
        base = base.value
    text = _code(model, base)
    for kind, spelled in (("layer", known["layer"]), ("model", f"{known['model']}.output")):
        if text == spelled:
            return _Output(kind, _suffix(model, value, base))
    raise _NoFix


def _code(model: Model, node: cst.CSTNode) -> str:
    """A node's text, on one line as written (a node spanning lines is not rewritten)."""
    text = model.module.code_for_node(node).strip()
    _require("\n" not in text)
    return text


def _suffix(model: Model, whole: cst.CSTNode, head: cst.CSTNode) -> str:
    """The text of `whole` after `head`, its first part: `[:, i]` of `model.output[:, i]`."""
    text, start = _code(model, whole), _code(model, head)
    _require(text.startswith(start))
    return text[len(start):]


def _has_comment(node: cst.CSTNode) -> bool:
    return isinstance(node, cst.Comment) or any(_has_comment(c) for c in node.children)


def _comments_movable(stmt: cst.CSTNode) -> bool:
    """No comment inside the statement: only on lines of its own before it, or after it."""
    assert isinstance(stmt, cst.SimpleStatementLine)
    return not _has_comment(stmt.with_changes(leading_lines=(),
                                              trailing_whitespace=cst.TrailingWhitespace()))


# --- names -----------------------------------------------------------------------------------

def _file_names(model: Model) -> Counter[str]:
    """How often each name occurs in the whole file, read or bound. CPython's tree, since
    selective parsing may have dropped function bodies from libcst's."""
    _require(model.tree is not None)
    assert model.tree is not None
    out: Counter[str] = Counter()
    for node in ast.walk(model.tree):
        if isinstance(node, ast.Name):
            out[node.id] += 1
        elif isinstance(node, ast.arg):
            out[node.arg] += 1
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            out[node.name] += 1
        elif isinstance(node, ast.alias):
            out[node.asname or node.name.split(".")[0]] += 1
    return out


def _fresh(base: str, taken: set[str]) -> str:
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base}_{n}"
    taken.add(name)
    return name


def _tensorflow_name(model: Model, stmt: cst.CSTNode
                     ) -> tuple[str | None, cst.CSTNode | None]:
    """The name a module-level `import tensorflow [as tf]` before the block binds, or (None,
    the last module-level import before it, after which `import tensorflow as tf` goes)."""
    parents, top = layout_of(model).parents, stmt
    while not isinstance(parents.get(id(top)), cst.Module):
        _require(id(top) in parents)
        top = parents[id(top)]
    last_import: cst.CSTNode | None = None
    for node in model.module.body[:next(i for i, n in enumerate(model.module.body) if n is top)]:
        for small in node.body if isinstance(node, cst.SimpleStatementLine) else ():
            last_import = node if isinstance(small, (cst.Import, cst.ImportFrom)) else last_import
            for alias in small.names if isinstance(small, cst.Import) else ():
                if model.module.code_for_node(alias.name) == "tensorflow":
                    asname = alias.asname.name if alias.asname is not None else None
                    return asname.value if isinstance(asname, cst.Name) else "tensorflow", None
    _require(last_import is not None)
    return None, last_import


# --- writing the TensorFlow 2 form --------------------------------------------------------------

def _trailing(stmt: cst.CSTNode) -> str:
    """The statement's end-of-line comment with the spaces before it, or ''."""
    assert isinstance(stmt, cst.SimpleStatementLine)
    after = stmt.trailing_whitespace
    return after.whitespace.value + after.comment.value if after.comment is not None else ""


def _rewrite(model: Model, pos: PositionOf, found: _GradCam, tf_name: str,
             new: dict[str, str]) -> Iterator[Edit]:
    """Delete the target's statement; replace K.gradients ... F([x]) by the tape form."""
    block, lead = found.block, indent(model, pos, found.block[found.grads_at])
    unit = model.module.default_indent if model.module.default_indent.strip() == "" else "    "
    newline = layout_of(model).newline
    grads_stmt, call_stmt = block[found.grads_at], block[found.call_at]
    function_stmt = block[found.call_at - 1]
    pooled = any(out.kind == "pooled" for _, out in found.outputs)
    pooling_stmt = block[found.grads_at + 1] if pooled else None
    target_stmt = block[found.target_at]
    kept = [f"{lead}{line.comment.value}" for s in block[found.grads_at + 1:found.call_at + 1]
            for line in getattr(s, "leading_lines", ()) if line.comment is not None]
    above = getattr(target_stmt, "leading_lines", ())  # the score's own comments move with it
    moved = [f"{lead}{unit}{line.comment.value}" for line in above if line.comment is not None]
    grad_model, tape = new["grad_model"], new["tape"]
    conv, predictions = new["conv_outputs"], new["predictions"]
    values = {"grads": found.grads, "target": found.target, "layer": conv, "model": predictions}
    lines = [*kept,
             f"{lead}{grad_model} = {tf_name}.keras.Model({found.model}.inputs, "
             f"[{found.layer_output}, {found.model}.output]){_trailing(function_stmt)}",
             f"{lead}with {tf_name}.GradientTape() as {tape}:",
             f"{lead}{unit}{conv}, {predictions} = {grad_model}({found.image})"
             f"{_trailing(call_stmt)}",
             *moved,
             f"{lead}{unit}{found.target} = {predictions}{found.score}{_trailing(target_stmt)}",
             f"{lead}{found.grads} = {tape}.gradient({found.target}, {conv})"
             f"{_trailing(grads_stmt)}"]
    for name, out in found.outputs:
        value = (f"{tf_name}.{out.suffix}" if out.kind == "pooled"
                 else values[out.kind] + out.suffix)
        comment = _trailing(pooling_stmt) if out.kind == "pooled" and pooling_stmt else ""
        lines.append(f"{lead}{name} = {value}.numpy(){comment}")
    (t_start, _), (t_end, _) = pos(target_stmt)
    yield Edit(t_start - (len(above) if moved else 0), 1, t_end + 1, 1, "")
    (g_start, _), _ = pos(grads_stmt)
    _, (c_end, _) = pos(call_stmt)
    text = newline.join(lines)
    if c_end < len(layout_of(model).lines) or (model.source or model.module.code).endswith("\n"):
        yield Edit(g_start, 1, c_end + 1, 1, text + newline)
    else:  # the last line of a file without a final newline
        yield Edit(g_start, 1, c_end, len(layout_of(model).lines[c_end - 1]) + 1, text)
