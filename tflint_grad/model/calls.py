"""Calls on objects the walk knows: methods of this file's classes, and Session.run."""
from __future__ import annotations

from typing import TYPE_CHECKING

import libcst as cst

from tflint_grad.model import ops
from tflint_grad.model.scope import Binding, Kind, LocalCall, SessionMade, SessionRun

if TYPE_CHECKING:
    from tflint_grad.model.core import WalkerCore
    from tflint_grad.model.exprs import Expressions


def method_called(w: WalkerCore, owner: cst.BaseExpression, method: str) -> cst.FunctionDef | None:
    """The method of a class of this file that `owner.method(...)` runs, if the model knows."""
    cls: cst.ClassDef | None = None
    if isinstance(owner, cst.Name):
        found = w.lookup(owner.value)
        cls = found.instance_of if found is not None else None
    elif isinstance(owner, cst.Call) and isinstance(owner.func, cst.Name):
        found = w.lookup(owner.func.value)
        cls = found.class_def if found is not None else None
    if cls is None or not isinstance(cls.body, cst.IndentedBlock):
        return None
    if w.builder.assigned_in_class(cls, method):
        return None  # `self.step = tf.function(self.step)`: the instance holds another thing
    for stmt in cls.body.body:
        if isinstance(stmt, cst.FunctionDef) and stmt.name.value == method:
            return stmt
    return None


def note_handed_methods(w: Expressions, call: cst.Call) -> None:
    """`strategy.run(self.step, ...)`: a method of this file's class handed to an object's method
    is called by it, as from here (eagerly when this code runs eagerly)."""
    for a in call.args:
        value = a.value
        if isinstance(value, cst.Attribute) and isinstance(value.value, cst.Name):
            handed = method_called(w, value.value, value.attr.value)
            if handed is not None:
                w.scope.local_calls.append(LocalCall(
                    handed, call, w.graph_depth + w.session_depth > 0, method=True))


def note_session_run(w: Expressions, call: cst.Call, func: cst.Attribute) -> None:
    """`tf.compat.v1.Session().run(...)` or `sess.run(...)`: remember it, with what it fetches."""
    if isinstance(func.value, cst.Call) and w.resolve(func.value.func) in ops.SESSIONS:
        owner = w.make("Session()", Kind.CALL, func.value, [])
        owner.session = SessionMade(False, func.value, w.graph_depth > 0)
        w.scope.session_runs.append(SessionRun(call, owner, w.graph_depth > 0))
        w.site(call)
    if isinstance(func.value, cst.Name):
        session = w.lookup(func.value.value)
        if session is not None and session.session is not None:
            fetch = ops.arg(call, 0, "fetches")
            w.scope.session_runs.append(SessionRun(
                call, session, w.graph_depth > 0, fetched(w, fetch)))
            w.site(call)


def fetched(w: Expressions, fetch: cst.BaseExpression | None) -> list[Binding] | None:
    """The bindings a Session.run fetches, when the fetch is only names (else None)."""
    if isinstance(fetch, cst.Name):
        b = w.lookup(fetch.value)
        return [b] if b is not None else None
    if isinstance(fetch, (cst.List, cst.Tuple)) and fetch.elements:
        out: list[Binding] = []
        for e in fetch.elements:
            found = fetched(w, e.value)
            if found is None:
                return None
            out += found
        return out
    if isinstance(fetch, cst.Dict) and fetch.elements:
        values: list[Binding] = []
        for element in fetch.elements:
            if not isinstance(element, cst.DictElement):
                return None
            found = fetched(w, element.value)
            if found is None:
                return None
            values += found
        return values
    return None


def float_lists(w: Expressions, call: cst.Call,
                fn: cst.FunctionDef) -> dict[str, list[cst.BaseExpression]]:
    """The parameters this call passes a list or tuple literal with float dimensions."""
    params = [p.name.value for p in (*fn.params.posonly_params, *fn.params.params)]
    out: dict[str, list[cst.BaseExpression]] = {}
    for i, a in enumerate(call.args):
        if a.star:
            break
        name = a.keyword.value if a.keyword is not None else (
            params[i] if i < len(params) else None)
        if name is not None and isinstance(a.value, (cst.List, cst.Tuple)):
            floats = [e.value for e in a.value.elements
                      if not isinstance(e, cst.StarredElement)
                      and w.numeric_of(e.value) == "float"]
            if floats:
                out[name] = floats
    return out
