"""TFG003: the source is a plain tensor, array or number the tape never watched."""
from __future__ import annotations

from collections.abc import Iterator

import libcst as cst

from tflint_grad.checks.base import FixBuilder, Finding, PositionOf
from tflint_grad.checks.no_gradient import (first_per_call, head, paths_of, raising_head,
                                           source_text, target_text)
from tflint_grad.fixing.layout import source_line
from tflint_grad.model.activations import Reader
from tflint_grad.model.paths import NoGradient, Why
from tflint_grad.model.scope import GradientCall, Kind, Model, Scope
from tflint_grad.types import Edit, Fix

CODE = "TFG003"
REASONS = frozenset({Why.NEVER_WATCHED})


def watch_fix(model: Model, gc: GradientCall, index: int) -> FixBuilder | None:
    """`tape.watch(source)` as the first statement of the tape's with-block."""
    with_node = gc.tape.block_line_node
    source = gc.source_exprs[index]
    if not isinstance(with_node, cst.With) or not isinstance(with_node.body, cst.IndentedBlock):
        return None
    if not isinstance(source, cst.Name) or gc.tape.name == "<tape>":
        return None
    first = with_node.body.body[0]
    text = f"{gc.tape.name}.watch({source.value})"

    def build(pos: PositionOf) -> Fix:
        (line, col), _ = pos(first)
        indent = source_line(model, line)[: col - 1]
        return Fix(f"add {text} at the top of the with-block", True,
                   (Edit(line, 1, line, 1, f"{indent}{text}\n"),))
    return build


def _finding(model: Model, scope: Scope, gc: GradientCall, i: int, found: NoGradient) -> Finding:
    tape, kind = gc.tape, found.source.kind
    source = source_text(model, gc, i)
    converted = kind in (Kind.NUMPY, Kind.NUMBER)
    # tape.watch(ndarray) raises: numbers and arrays need converting, which is no mere watch.
    fix = watch_fix(model, gc, i) if found.source.seq < tape.start and not converted else None
    # A numpy array or Python number as the source: the call raises before any gradient.
    error = {Kind.NUMPY: "AttributeError ('numpy.ndarray' object has no attribute '_id')"}.get(
        kind) or ({"int": "AttributeError ('int' object has no attribute 'dtype')",
                   "float": "TypeError (Cannot convert the argument `type_value` ... to a "
                            "TensorFlow DType)"}.get(found.source.numeric or "",
                                                      "AttributeError or TypeError")
                  if kind is Kind.NUMBER else None)
    opening = raising_head(model, gc, error) if error else head(model, gc, i)
    expr = gc.source_exprs[i]
    sliced = isinstance(expr, cst.Subscript)
    watched = model.code(expr.value) if isinstance(expr, cst.Subscript) else source
    return Finding(CODE, gc.node, (
        f"{opening}: '{source}' is "
        + (f"a slice, made at the gradient call, of '{watched}', " if sliced else "")
        + f"a {kind.value} that tape '{tape.name}' never watched (only trainable tf.Variables "
        f"are watched automatically); call {tape.name}.watch({watched}) at the top of the "
        f"with-block"
        + (", after converting it with tf.convert_to_tensor" if converted else "")
        + (f", and slice '{watched}' inside the block before using it" if sliced else "")), fix)


_ALL_VARIABLES = frozenset({"variables", "weights", "non_trainable_variables",
                            "non_trainable_weights"})
_NORMALIZATIONS = ("keras.layers.BatchNormalization",)


def _moving_statistics(model: Model) -> Iterator[Finding]:
    """`tape.gradient(loss, model.variables)` of a Sequential with a BatchNormalization layer:
    the list holds its moving mean and variance, non-trainable variables the tape never
    watches, so their entries are None."""
    if "BatchNormalization" not in model.source:
        return
    reader: Reader | None = None
    paths = paths_of(model)
    for scope in model.scopes:
        for gc in scope.calls:
            for i, expr in enumerate(gc.source_exprs):
                if not (isinstance(expr, cst.Attribute) and expr.attr.value in _ALL_VARIABLES):
                    continue
                if paths.verdict(gc, i) is not None or gc.tape.watch_unknown or gc.tape.watches:
                    continue  # another reason first, or the tape was told to watch things
                reader = reader or Reader(model)
                found = reader.layers(expr.value, scope.node)
                names = reader.layer_names(found[1]) if found is not None else []
                if found is None or _NORMALIZATIONS[0] not in names:
                    continue
                layer = found[1][names.index(_NORMALIZATIONS[0])]
                source, owner = model.code(expr), model.code(expr.value)

                def message(pos: PositionOf, gc: GradientCall = gc, source: str = source,
                            owner: str = owner, layer: cst.CSTNode = layer) -> str:
                    return (f"gradient of '{target_text(model, gc)}' with respect to "
                            f"'{source}' holds None: '{source}' includes the moving mean and "
                            f"variance of the BatchNormalization layer (line "
                            f"{pos(layer)[0][0]}), non-trainable variables the tape never "
                            f"watches; differentiate with respect to "
                            f"'{owner}.trainable_variables'")
                yield Finding(CODE, gc.node, message)
                break


def check(model: Model) -> Iterator[Finding]:
    """Gradients with respect to plain values the tape never watched."""
    yield from first_per_call(model, REASONS, _finding)
    yield from _moving_statistics(model)
