"""Python lists the model may follow item by item: names whose every use it understands.

A list grown by `append` holds exactly what was appended only if nothing else can reach it: no
alias (`other = losses`), no container holding it, no helper it is handed to (which may append
inside the tape), no rebinding to something else. A name qualifies when, in its scope, it is
bound only to list literals and otherwise only grown (`append`, `extend`, `insert`, `clear`
as statements), iterated, indexed, or read whole by a reduction (`sum`, `len`, `tf.add_n`, ...).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import libcst as cst

from tflint_grad.model.names import ImportTable
from tflint_grad.model.nodes import kids

GROWERS = frozenset({"append", "extend", "insert", "clear"})
# Calls that read a list whole and keep nothing of it.
_READERS = frozenset({"sum", "len", "max", "min", "print"})
_TF_READERS = frozenset({"tensorflow.add_n", "tensorflow.math.add_n", "tensorflow.stack",
                         "tensorflow.concat", "tensorflow.reduce_sum", "tensorflow.reduce_mean",
                         "tensorflow.math.reduce_sum", "tensorflow.math.reduce_mean",
                         "tensorflow.convert_to_tensor"})


class _Uses:
    """Every occurrence of each name, and the occurrences of the understood kinds."""

    def __init__(self, imports: ImportTable) -> None:
        self.imports = imports
        self.total: dict[str, int] = {}
        self.understood: dict[str, int] = {}
        self.literal: set[str] = set()
        self.other_binding: set[str] = set()

    def ok(self, name: str) -> None:
        self.understood[name] = self.understood.get(name, 0) + 1

    def visit_Name(self, node: cst.Name) -> None:
        self.total[node.value] = self.total.get(node.value, 0) + 1

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            if isinstance(target.target, cst.Name):
                name = target.target.value
                if isinstance(node.value, cst.List) and len(node.targets) == 1:
                    self.literal.add(name)
                    self.ok(name)
                else:
                    self.other_binding.add(name)

    def visit_Expr(self, node: cst.Expr) -> None:
        call = node.value
        if isinstance(call, cst.Call) and isinstance(call.func, cst.Attribute) and \
                isinstance(call.func.value, cst.Name) and call.func.attr.value in GROWERS:
            self.ok(call.func.value.value)

    def visit_Call(self, node: cst.Call) -> None:
        if len(node.args) != 1 and not (len(node.args) == 2 and node.args[1].keyword):
            return
        arg = node.args[0].value
        if not isinstance(arg, cst.Name) or node.args[0].star:
            return
        func = node.func
        if isinstance(func, cst.Name) and func.value in _READERS and \
                func.value not in self.imports.aliases:
            self.ok(arg.value)
        elif self.imports.resolve(func) in _TF_READERS:
            self.ok(arg.value)

    def visit_For(self, node: cst.For) -> None:
        if isinstance(node.iter, cst.Name):
            self.ok(node.iter.value)

    def visit_CompFor(self, node: cst.CompFor) -> None:
        if isinstance(node.iter, cst.Name):
            self.ok(node.iter.value)

    def visit_Subscript(self, node: cst.Subscript) -> None:
        if isinstance(node.value, cst.Name):
            self.ok(node.value.value)


def followed_lists(scope: cst.CSTNode, imports: ImportTable) -> frozenset[str]:
    """The names in this scope (a module or a function, nested scopes included) whose every
    use is one the model understands."""
    uses = _Uses(imports)
    # A plain walk over the code-holding children calling the visitor's methods: libcst's own
    # visit() rebuilds every node and was a tenth of the whole model's time.
    handlers: dict[type, Callable[[Any], None] | None] = {}
    stack = [scope]
    while stack:
        n = stack.pop()
        of = type(n)
        if of not in handlers:
            handlers[of] = getattr(uses, f"visit_{of.__name__}", None)
        handler = handlers[of]
        if handler is not None:
            handler(n)
        stack.extend(kids(n))
    return frozenset(n for n in uses.literal - uses.other_binding
                     if uses.understood.get(n, 0) == uses.total.get(n, 0))
