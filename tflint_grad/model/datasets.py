"""tf.data pipelines: what a dataset op reads reaches its result with no gradient.

`ds.reduce(init, f)`, `ds.map(f)` and the other dataset ops trace `f` into a dataset kernel;
the tape records the kernel's result as made from nothing it watched, so a variable `f` reads
(`lambda acc, x: acc + w * x`) and a tensor the dataset was built from get no gradient.
Iterating a plain dataset eagerly and computing with the variable in the loop body is fine:
that arithmetic runs on the tape.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import libcst as cst

from tflint_grad.model import ops
from tflint_grad.model.nodes import kids
from tflint_grad.model.scope import Cut, CutKind, Edge, Kind

if TYPE_CHECKING:
    from tflint_grad.model.core import WalkerCore
    from tflint_grad.model.exprs import Expressions

_MADE_BY = "tensorflow.data.Dataset."


def is_dataset(walker: WalkerCore, expr: cst.BaseExpression) -> bool:
    """`expr` is certainly a tf.data.Dataset: made by a `tf.data.Dataset.*` constructor, or by
    a dataset method on one, or a name or field bound to one."""
    if isinstance(expr, (cst.Name, cst.Attribute)):
        held = walker.held(expr)
        return held is not None and held.dataset
    if isinstance(expr, cst.Call):
        name = walker.resolve(expr.func)
        if name is not None:
            return name.startswith(_MADE_BY)
        func = expr.func
        return isinstance(func, cst.Attribute) and func.attr.value in ops.DATASET_METHODS \
            and is_dataset(walker, func.value)
    return False


def dataset_call_edges(walker: Expressions, call: cst.Call,
                       args_edges: list[Edge]) -> list[Edge] | None:
    """Edges into a dataset op's result, every one cut there; None when `call` is no dataset op.

    The functions handed to the op count with what they read: a lambda's free names and
    fields, a local function's too.
    """
    func = call.func
    name = walker.resolve(func)
    if name is not None:
        if not name.startswith(_MADE_BY):
            return None
        receiver: list[Edge] = []
        label = "tf.data.Dataset." + name[len(_MADE_BY):] + "()"
    elif isinstance(func, cst.Attribute) and \
            func.attr.value in ops.DATASET_METHODS | ops.DATASET_REDUCERS and \
            is_dataset(walker, func.value):
        receiver = walker.edges(func.value)
        method = func.attr.value
        label = (f"{walker.model.code(func)}()" if isinstance(func.value, (cst.Name, cst.Attribute))
                 else f"Dataset.{method}()")
    else:
        return None
    read: list[Edge] = []
    for a in call.args:
        read += _function_reads(walker, a.value)
    cut = Cut(CutKind.DATASET, label, call)
    return [Edge(e.binding, e.cut or cut) for e in receiver + args_edges + read]


def _function_reads(walker: Expressions, value: cst.BaseExpression) -> list[Edge]:
    """What a function handed to a dataset op reads from outside it."""
    fn: cst.Lambda | cst.FunctionDef | None = None
    if isinstance(value, cst.Lambda):
        fn = value
    elif isinstance(value, cst.Name):
        b = walker.lookup(value.value)
        if b is not None and b.kind is Kind.FUNCTION and b.function is not None:
            fn = b.function
    if fn is None:
        return []
    own = {p.name.value for p in fn.params.params}
    out: list[Edge] = []
    stack: list[cst.CSTNode] = [fn.body]
    while stack:
        n = stack.pop()
        if isinstance(n, cst.Attribute):
            held = walker.field(n)
            if held is not None:
                out.append(Edge(held))
                continue
        if isinstance(n, cst.Name) and n.value not in own:
            found = walker.lookup(n.value, local_names=True)
            if found is not None and found.kind is not Kind.FUNCTION:
                out.append(Edge(found))
        stack.extend(kids(n))
    return out
