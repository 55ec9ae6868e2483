"""What a piece of syntax says about names, in one place for the model, the fixes, the slice and
the policy: dotted names, the names a statement mentions, binds, changes and reads."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

import libcst as cst

from tflint_grad.model.nodes import kids

# The GradientTape methods that compute a set of gradients (a non-persistent tape allows one).
GRADIENT_METHODS = frozenset({"gradient", "jacobian", "batch_jacobian"})


def dotted(node: cst.BaseExpression) -> str | None:
    """`a.b.c` as a string, or None for anything that is not a plain attribute chain."""
    parts: list[str] = []
    while isinstance(node, cst.Attribute):
        parts.append(node.attr.value)
        node = node.value
    if not isinstance(node, cst.Name):
        return None
    parts.append(node.value)
    return ".".join(reversed(parts))


def root_name(node: cst.BaseExpression) -> str | None:
    """The name an attribute / subscript / call chain starts from, if any."""
    while isinstance(node, (cst.Attribute, cst.Subscript, cst.Call)):
        node = node.value if not isinstance(node, cst.Call) else node.func
    return node.value if isinstance(node, cst.Name) else None


def methods(cls: cst.ClassDef) -> list[cst.FunctionDef]:
    """The functions defined directly in a class body."""
    body = cls.body.body if isinstance(cls.body, cst.IndentedBlock) else ()
    return [s for s in body if isinstance(s, cst.FunctionDef)]


def subtree(node: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """The node and every node under it that can hold code, parents before children."""
    yield node
    for child in kids(node):
        yield from subtree(child)


def names_in(node: cst.CSTNode | None) -> set[str]:
    """Every variable name mentioned under `node`, read or bound (attribute names and keywords
    excluded)."""
    out: set[str] = set()
    stack = [node] if node is not None else []
    while stack:
        n = stack.pop()
        if isinstance(n, cst.Name):
            out.add(n.value)
        elif isinstance(n, cst.Attribute):
            stack.append(n.value)
        elif isinstance(n, cst.Arg):
            stack.append(n.value)
        else:
            stack.extend(kids(n))
    return out


class _Binds(cst.CSTVisitor):
    """Every name a statement or a def's body binds (targets, params, imports, defs)."""

    def __init__(self) -> None:
        self.names: set[str] = set()

    def _target(self, node: cst.BaseExpression) -> None:
        if isinstance(node, cst.Name):
            self.names.add(node.value)
        elif isinstance(node, (cst.Tuple, cst.List)):
            for element in node.elements:
                self._target(element.value)
        elif isinstance(node, cst.StarredElement):
            self._target(node.value)

    def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
        self._target(node.target)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._target(node.target)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self._target(node.target)

    def visit_For(self, node: cst.For) -> None:
        self._target(node.target)

    def visit_CompFor(self, node: cst.CompFor) -> None:
        self._target(node.target)

    def visit_AsName(self, node: cst.AsName) -> None:
        self._target(node.name)

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        self._target(node.target)

    def visit_Param(self, node: cst.Param) -> None:
        self.names.add(node.name.value)

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.names.add(node.name.value)

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.names.add(node.name.value)

    def visit_ImportAlias(self, node: cst.ImportAlias) -> None:
        if node.asname is None:
            self.names.add((dotted(node.name) or "").split(".")[0])


def binds(node: cst.CSTNode) -> set[str]:
    """Names bound anywhere under `node` (targets, parameters, imports, defs, classes)."""
    visitor = _Binds()
    node.visit(visitor)
    return visitor.names


def target_names(target: cst.BaseExpression) -> set[str]:
    """The names an assignment target binds (`a`, `a, (b, *c)`; not `a.b` or `a[i]`)."""
    visitor = _Binds()
    visitor._target(target)
    return visitor.names


def changes(node: cst.CSTNode, modules: Iterable[str]) -> set[str]:
    """Names a statement binds or mutates (`x = ...`, `x += ...`, `x.assign(...)`, `x[i] = ...`);
    calls on the imported `modules` (`tf.concat(...)`) mutate nothing."""
    out: set[str] = set()
    stack = [node]
    while stack:
        n = stack.pop()
        target: cst.CSTNode | None = None
        if isinstance(n, cst.AssignTarget) or isinstance(n, (cst.AugAssign, cst.AnnAssign)):
            target = n.target
        elif isinstance(n, (cst.For, cst.NamedExpr)):
            target = n.target
        elif isinstance(n, cst.AsName):
            target = n.name
        elif isinstance(n, (cst.FunctionDef, cst.ClassDef)):
            out.add(n.name.value)
            continue
        elif isinstance(n, cst.Call) and isinstance(n.func, cst.Attribute):
            target = n.func.value  # `x.assign(...)`, `xs.append(...)`; modules are dropped below
        elif isinstance(n, (cst.Import, cst.ImportFrom, cst.Global, cst.Nonlocal, cst.Del)):
            out |= names_in(n)
        if target is not None:
            while isinstance(target, (cst.Attribute, cst.Subscript)):
                target = target.value
            if isinstance(target, (cst.Name, cst.Tuple, cst.List, cst.StarredElement)):
                out |= names_in(target)
        stack.extend(kids(n))
    return out - set(modules)


def reads(node: cst.CSTNode) -> set[str]:
    """Names a statement reads: the names it mentions, less those it only assigns."""
    assigned: set[str] = set()
    if isinstance(node, cst.SimpleStatementLine):
        for small in node.body:
            if isinstance(small, cst.Assign):
                for t in small.targets:
                    if isinstance(t.target, (cst.Name, cst.Tuple, cst.List)):
                        assigned |= names_in(t.target)
                assigned -= names_in(small.value)
    return names_in(node) - assigned
