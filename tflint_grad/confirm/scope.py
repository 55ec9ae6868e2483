"""The statements of one scope as slice units: what each binds, mutates and reads."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import libcst as cst

# Calls on a module alias that change TensorFlow's global state, so later statements depend on them.
STATE_SETTERS = re.compile(r"config|disable_|enable_|set_seed|set_random_seed|set_floatx|"
                           r"clear_session|mixed_precision|set_global_policy|reset_default_graph")
BRANCHES = (cst.If, cst.Else, cst.For, cst.While, cst.Try, cst.ExceptHandler, cst.Finally)
LOOPS = (cst.For, cst.While)


@dataclass(eq=False)
class Unit:
    """A leaf statement, a whole def/class, or the header of a compound statement."""

    node: cst.CSTNode
    index: int
    chain: tuple[cst.CSTNode, ...]
    kills: set[str] = field(default_factory=set)
    mods: set[str] = field(default_factory=set)
    uses: set[str] = field(default_factory=set)


class _Reads(cst.CSTVisitor):
    """Every name read in an expression (attribute names and keywords excluded)."""

    def __init__(self) -> None:
        self.names: set[str] = set()

    def visit_Name(self, node: cst.Name) -> None:
        self.names.add(node.value)

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        node.value.visit(self)
        return False

    def visit_Arg(self, node: cst.Arg) -> bool:
        node.value.visit(self)
        return False


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
            self.names.add(_dotted(node.name).split(".")[0])


def reads(node: cst.CSTNode | None) -> set[str]:
    """Names read anywhere under `node`."""
    if node is None:
        return set()
    visitor = _Reads()
    node.visit(visitor)
    return visitor.names


def binds(node: cst.CSTNode) -> set[str]:
    """Names bound anywhere under `node`."""
    visitor = _Binds()
    node.visit(visitor)
    return visitor.names


def _dotted(node: cst.BaseExpression) -> str:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return f"{_dotted(node.value)}.{node.attr.value}"
    return ""


def root_name(node: cst.BaseExpression) -> str | None:
    """The name an attribute / subscript / call chain starts from, if any."""
    while isinstance(node, (cst.Attribute, cst.Subscript, cst.Call)):
        node = node.value if not isinstance(node, cst.Call) else node.func
    return node.value if isinstance(node, cst.Name) else None


def free_names(node: cst.FunctionDef | cst.ClassDef) -> set[str]:
    """Names a def or class reads from outside itself."""
    return reads(node) - binds(node.body) - binds_params(node) | {
        n for d in node.decorators for n in reads(d)}


def binds_params(node: cst.FunctionDef | cst.ClassDef) -> set[str]:
    """The parameter names of a def (nothing for a class)."""
    if isinstance(node, cst.ClassDef):
        return set()
    visitor = _Binds()
    node.params.visit(visitor)
    return visitor.names


def _small(stmt: cst.BaseSmallStatement, unit: Unit, modules: set[str]) -> None:
    if isinstance(stmt, (cst.Assign, cst.AnnAssign, cst.AugAssign)):
        targets = ([t.target for t in stmt.targets] if isinstance(stmt, cst.Assign)
                   else [stmt.target])
        unit.uses |= reads(stmt.value) if stmt.value is not None else set()
        for target in targets:
            if isinstance(target, (cst.Attribute, cst.Subscript)):
                root = root_name(target)
                unit.mods |= {root} if root else set()
                unit.uses |= reads(target)
            elif isinstance(stmt, cst.AugAssign):
                unit.mods |= _target_names(target)
                unit.uses |= _target_names(target)
            else:
                unit.kills |= _target_names(target)
    elif isinstance(stmt, (cst.Import, cst.ImportFrom)):
        unit.kills |= binds(stmt)
    else:
        unit.uses |= reads(stmt)
    # A method call may change its receiver (tape.gradient consumes a non-persistent tape);
    # on a module alias only the calls that set global state count.
    for call in _calls(stmt):
        root = root_name(call.func)
        if root and isinstance(call.func, cst.Attribute):
            if root not in modules or STATE_SETTERS.search(_dotted(call.func)):
                unit.mods.add(root)


def _calls(node: cst.CSTNode) -> list[cst.Call]:
    found: list[cst.Call] = []

    class Calls(cst.CSTVisitor):
        def visit_Call(self, call: cst.Call) -> None:
            found.append(call)

        def visit_Lambda(self, lam: cst.Lambda) -> bool:
            return False

    node.visit(Calls())
    return found


def _target_names(target: cst.BaseExpression) -> set[str]:
    visitor = _Binds()
    visitor._target(target)
    return visitor.names


def _header(node: cst.CSTNode, unit: Unit) -> None:
    if isinstance(node, cst.If) or isinstance(node, cst.While):
        unit.uses |= reads(node.test)
    elif isinstance(node, cst.For):
        unit.uses |= reads(node.iter)
        unit.kills |= _target_names(node.target)
    elif isinstance(node, cst.With):
        for item in node.items:
            unit.uses |= reads(item.item)
            if item.asname is not None:
                unit.kills |= _target_names(item.asname.name)
    elif isinstance(node, cst.ExceptHandler):
        unit.uses |= reads(node.type)
        if node.name is not None:
            unit.kills |= _target_names(node.name.name)
    body = getattr(node, "body", None)
    if isinstance(body, cst.SimpleStatementSuite):
        for stmt in body.body:
            _small(stmt, unit, set())


def blocks(node: cst.CSTNode) -> list[cst.CSTNode]:
    """The clauses of a compound statement that carry bodies, in source order."""
    out: list[cst.CSTNode] = [node]
    if isinstance(node, cst.Try):
        out += list(node.handlers)
    orelse = getattr(node, "orelse", None)
    if orelse is not None:
        out.append(orelse)
    final = getattr(node, "finalbody", None)
    if final is not None:
        out.append(final)
    return out


def flatten(body: Sequence[cst.BaseStatement] | Sequence[cst.BaseSmallStatement],
            modules: set[str]) -> list[Unit]:
    """The units of a scope's body in source order (defs and classes stay whole)."""
    units: list[Unit] = []

    def walk(stmts: Sequence[cst.CSTNode], chain: tuple[cst.CSTNode, ...]) -> None:
        for stmt in stmts:
            if isinstance(stmt, cst.SimpleStatementLine):
                unit = Unit(stmt, len(units), chain)
                for small in stmt.body:
                    _small(small, unit, modules)
                units.append(unit)
            elif isinstance(stmt, (cst.FunctionDef, cst.ClassDef)):
                units.append(Unit(stmt, len(units), chain, kills={stmt.name.value},
                                  uses=free_names(stmt)))
            elif isinstance(stmt, (cst.If, cst.For, cst.While, cst.With, cst.Try)):
                clause(stmt, chain)
            else:  # match statements and the like stay whole
                units.append(Unit(stmt, len(units), chain, kills=binds(stmt), uses=reads(stmt)))

    def clause(node: cst.CSTNode, chain: tuple[cst.CSTNode, ...]) -> None:
        for part in blocks(node):
            if isinstance(part, cst.If) and part is not node:
                clause(part, chain + (node,))
                continue
            unit = Unit(part, len(units), chain + ((node,) if part is not node else ()))
            _header(part, unit)
            units.append(unit)
            body = getattr(part, "body", None)
            if isinstance(body, cst.IndentedBlock):
                walk(body.body, unit.chain + (part,))

    walk(body, ())
    return units
