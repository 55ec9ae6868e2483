"""The statements of one scope as slice units: what each binds, mutates and reads."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import libcst as cst

from tflint_grad.syntax import binds, dotted, names_in, root_name, target_names

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


def free_names(node: cst.FunctionDef | cst.ClassDef) -> set[str]:
    """Names a def or class reads from outside itself."""
    return names_in(node) - binds(node.body) - binds_params(node) | {
        n for d in node.decorators for n in names_in(d)}


def binds_params(node: cst.FunctionDef | cst.ClassDef) -> set[str]:
    """The parameter names of a def (nothing for a class)."""
    if isinstance(node, cst.ClassDef):
        return set()
    return binds(node.params)


def _small(stmt: cst.BaseSmallStatement, unit: Unit, modules: set[str]) -> None:
    if isinstance(stmt, (cst.Assign, cst.AnnAssign, cst.AugAssign)):
        targets = ([t.target for t in stmt.targets] if isinstance(stmt, cst.Assign)
                   else [stmt.target])
        unit.uses |= names_in(stmt.value) if stmt.value is not None else set()
        for target in targets:
            if isinstance(target, (cst.Attribute, cst.Subscript)):
                root = root_name(target)
                unit.mods |= {root} if root else set()
                unit.uses |= names_in(target)
            elif isinstance(stmt, cst.AugAssign):
                unit.mods |= target_names(target)
                unit.uses |= target_names(target)
            else:
                unit.kills |= target_names(target)
    elif isinstance(stmt, (cst.Import, cst.ImportFrom)):
        unit.kills |= binds(stmt)
    else:
        unit.uses |= names_in(stmt)
    # A method call may change its receiver (tape.gradient consumes a non-persistent tape);
    # on a module alias only the calls that set global state count.
    for call in _calls(stmt):
        root = root_name(call.func)
        if root and isinstance(call.func, cst.Attribute):
            if root not in modules or STATE_SETTERS.search(dotted(call.func) or ""):
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


def _header(node: cst.CSTNode, unit: Unit) -> None:
    if isinstance(node, cst.If) or isinstance(node, cst.While):
        unit.uses |= names_in(node.test)
    elif isinstance(node, cst.For):
        unit.uses |= names_in(node.iter)
        unit.kills |= target_names(node.target)
    elif isinstance(node, cst.With):
        for item in node.items:
            unit.uses |= names_in(item.item)
            if item.asname is not None:
                unit.kills |= target_names(item.asname.name)
    elif isinstance(node, cst.ExceptHandler):
        unit.uses |= names_in(node.type)
        if node.name is not None:
            unit.kills |= target_names(node.name.name)
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
                units.append(Unit(stmt, len(units), chain, kills=binds(stmt), uses=names_in(stmt)))

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
