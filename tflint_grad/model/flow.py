"""How a function's result depends on one of its parameters: not at all, only through ops
without a gradient (round, argmax, comparisons, integer casts), or differentiably. Read by
model/training.py for the losses, Lambda functions and `call` methods `fit` trains through."""
from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Protocol

import libcst as cst

from tflint_grad.model import ops
from tflint_grad.model.scope import Model
from tflint_grad.syntax import names_in

_CUT_NAMES = ("round", "floor", "ceil", "argmax", "argmin", "argsort", "equal", "not_equal",
              "greater", "greater_equal", "less", "less_equal", "stop_gradient",
              "logical_and", "logical_or", "logical_not")
# The ops without a gradient (tf.sign is left out: its gradient is zeros, and Keras trains on).
CUT_OPS = (ops.NONDIFF_OPS - ops.ZERO_OPS) | frozenset(
    f"{prefix}{n}" for n in _CUT_NAMES
    for prefix in ("tensorflow.", "tensorflow.math.", "tensorflow.keras.backend.",
                   "keras.ops."))
_META_CALLS = frozenset({"shape", "size", "rank", "shape_n", "len"})


class Resolver(Protocol):
    """What a flow needs from its reader: the module, and canonical names ("" when none)."""

    model: Model

    def resolve(self, node: cst.BaseExpression) -> str: ...


class Dep(enum.IntEnum):
    """How a value depends on the parameter: not, only through cuts, or differentiably."""

    NONE = 0
    CUT = 1
    DIFF = 2


class Flow:
    """How values inside one function depend on one parameter."""

    def __init__(self, reader: Resolver, param: str) -> None:
        self.reader = reader
        self.env: dict[str, Dep] = {param: Dep.DIFF}
        self.first_cut: cst.CSTNode | None = None

    def statements(self, body: Sequence[cst.BaseStatement]) -> Dep | None:
        for i, stmt in enumerate(body):
            if not isinstance(stmt, cst.SimpleStatementLine):
                return None  # branches and loops: not followed
            for small in stmt.body:
                if isinstance(small, cst.Return):
                    last = i == len(body) - 1 and small is stmt.body[-1]
                    return self.dep(small.value) if last and small.value is not None else None
                if isinstance(small, cst.Assign) and len(small.targets) == 1 and \
                        isinstance(small.targets[0].target, cst.Name):
                    self.env[small.targets[0].target.value] = self.dep(small.value)
                elif isinstance(small, cst.Expr) and isinstance(small.value, (
                        cst.SimpleString, cst.ConcatenatedString)):
                    continue  # a docstring
                else:
                    return None
        return None

    def cut_at(self, node: cst.CSTNode, inputs: Dep) -> Dep:
        if inputs is Dep.NONE:
            return Dep.NONE
        if self.first_cut is None:
            self.first_cut = node
        return Dep.CUT

    def dep(self, expr: cst.BaseExpression) -> Dep:
        if isinstance(expr, cst.Name):
            return self.env.get(expr.value, Dep.NONE)
        if isinstance(expr, (cst.Integer, cst.Float, cst.SimpleString, cst.ConcatenatedString)):
            return Dep.NONE
        if isinstance(expr, cst.Comparison):
            inputs = max([self.dep(expr.left)] + [self.dep(c.comparator)
                                                  for c in expr.comparisons])
            return self.cut_at(expr, inputs)
        if isinstance(expr, cst.BinaryOperation):
            return max(self.dep(expr.left), self.dep(expr.right))
        if isinstance(expr, cst.UnaryOperation):
            inner = self.dep(expr.expression)
            return self.cut_at(expr, inner) if isinstance(expr.operator, cst.Not) else inner
        if isinstance(expr, cst.Attribute):
            if expr.attr.value in ops.META_ATTRS:
                return Dep.NONE
            if isinstance(expr.value, cst.Name) and expr.value.value not in self.env and \
                    not self.reader.resolve(expr.value):
                return Dep.DIFF  # `model.trainable_weights` read from outside: maybe weights
            return self.dep(expr.value)
        if isinstance(expr, cst.Subscript):
            return self.dep(expr.value)
        if isinstance(expr, (cst.Tuple, cst.List)):
            return max([Dep.NONE] + [self.dep(e.value) for e in expr.elements])
        if isinstance(expr, cst.Call):
            return self.call(expr)
        # Lambdas, comprehensions, conditionals: differentiable if they mention a tracked name
        # or anything from outside the function that is not an import (a model, its weights).
        mentioned = names_in(expr)
        return Dep.DIFF if any(self.env.get(n, Dep.NONE) is not Dep.NONE or (
            n not in self.env and n not in self.reader.model.imports.aliases)
            for n in mentioned) else Dep.NONE

    def call(self, call: cst.Call) -> Dep:
        if isinstance(call.func, cst.Name) and call.func.value == "super":
            return Dep.DIFF  # `super().call(...)`: the parent layer's own weights
        inputs = max([Dep.NONE] + [self.dep(a.value) for a in call.args])
        if isinstance(call.func, cst.Attribute) and not self.reader.resolve(call.func):
            inputs = max(inputs, self.dep(call.func.value))  # a method of a tracked value
        name = self.reader.resolve(call.func)
        if name.startswith("keras.backend."):  # tf.keras.backend keeps round/argmax; Keras 3's
            name = self.reader.model.imports.origin(call.func) or ""  # own backend does not
        if name in CUT_OPS:
            return self.cut_at(call, inputs)
        if name in ("tensorflow.cast", "tensorflow.dtypes.cast", "tensorflow.keras.backend.cast",
                    "keras.ops.cast"):
            dtype_expr = ops.arg(call, 1, "dtype")
            dtype = ops.dtype_name(dtype_expr, self.reader.resolve(dtype_expr)
                                   if dtype_expr is not None else None)
            if dtype in ops.INT_DTYPES:
                return self.cut_at(call, inputs)
            return inputs if dtype in ops.FLOAT_DTYPES else (Dep.DIFF if inputs else Dep.NONE)
        if name.split(".")[-1] in _META_CALLS:
            return Dep.NONE
        # Any other op or helper passes on what reaches it: nothing it does to a value cut
        # from y_pred makes a gradient path again (a helper cannot see y_pred otherwise).
        return inputs
