"""Where a slice starts running a function or method: a module-level statement that reaches it.

A finding inside a function or method runs when the program calls it. The call may be direct
(`residual(model, x_c, t_c)` at module level) or through other functions and methods of the
file (`train()` calls `train_step(batch)`; `trainer.fit(...)` calls `self.train_step(...)`), or
the framework may call it (`model.fit(..., callbacks=[cb])` calls `cb.on_epoch_end`). The site
is the first module-level statement that calls into that chain; for framework hooks only, the
last module-level statement that hands an instance of the class to anything.
"""
from __future__ import annotations

from collections.abc import Iterable

import libcst as cst

from tflint_grad.confirm.scope import Unit
from tflint_grad.syntax import methods, names_in, subtree

# Methods a framework calls on an instance it was given: Keras layers, models and callbacks.
HOOKS = frozenset({"call", "__call__", "build", "train_step", "test_step", "predict_step",
                   "compute_loss", "get_config"})

Callee = tuple[str, str]  # ("f", name) for `name(...)`, ("m", attr) for `obj.attr(...)`


def _calls(node: cst.CSTNode) -> set[Callee]:
    out: set[Callee] = set()
    for sub in subtree(node):
        if isinstance(sub, cst.Call):
            if isinstance(sub.func, cst.Name):
                out.add(("f", sub.func.value))
            elif isinstance(sub.func, cst.Attribute):
                out.add(("m", sub.func.attr.value))
    return out


def _callables(units: Iterable[Unit]) -> list[tuple[Callee, set[Callee]]]:
    """Every module-level function and every method of a module-level class, with its calls."""
    out: list[tuple[Callee, set[Callee]]] = []
    for unit in units:
        node = unit.node
        if isinstance(node, cst.FunctionDef):
            out.append((("f", node.name.value), _calls(node)))
        elif isinstance(node, cst.ClassDef):
            out += [(("m", m.name.value), _calls(m)) for m in methods(node)]
    return out


def reaching(units: list[Unit], start: Callee) -> set[Callee]:
    """`start` and every function or method of the file that calls into it, transitively."""
    table = _callables(units)
    reach = {start}
    grown = True
    while grown:
        grown = False
        for key, calls in table:
            if key not in reach and calls & reach:
                reach.add(key)
                grown = True
    return reach


def _is_hook(callee: Callee) -> bool:
    return callee[0] == "m" and (callee[1] in HOOKS or callee[1].startswith("on_"))


def call_site(units: list[Unit], definition: Unit, start: Callee) -> Unit | None:
    """The module-level statement after `definition` from which the program reaches `start`."""
    reach = reaching(units, start)
    later = [u for u in units[definition.index + 1:]
             if isinstance(u.node, cst.SimpleStatementLine)]
    for unit in later:
        if _calls(unit.node) & reach:
            return unit
    # A hook: the framework calls it on an instance it was handed. The last statement that
    # mentions an instance (or the class) runs everything the framework does with it.
    hooked = {u.node.name.value for u in units if isinstance(u.node, cst.ClassDef)
              and any(_is_hook(("m", m)) and ("m", m) in reach for m in (f.name.value for f in methods(u.node)))}
    if not hooked:
        return None
    instances = set(hooked)
    handed: Unit | None = None
    for unit in later:
        mentioned = names_in(unit.node)
        if mentioned & instances:
            if mentioned & hooked:  # `cb = Logger(...)`, `net = Sequential([Block()])`
                instances |= unit.kills
            handed = unit
    return handed
