"""Where eager execution is certainly on: what the graph-mode rules (tf.gradients, Session.run)
share."""
from __future__ import annotations

import libcst as cst

from tflint_grad.model.scope import Model, Scope


def eager_scopes(model: Model) -> list[Scope]:
    """The module body and the functions it runs eagerly (directly or through other functions)."""
    if model.graph_mode or not model.imports.imports_tensorflow():
        return []
    eager_ok = model.functions_eagerly and not model.functions_eagerly_off
    roots = [model.scopes[0]] + [s for s in model.scopes if s.keras_callback and not s.decorators]
    out, todo, seen = list(roots), list(roots), {id(s) for s in roots}
    while todo:
        scope = todo.pop()
        for called in scope.local_calls:
            if called.in_graph:
                continue
            fn = called.function
            callee = model.functions.get(fn)
            # A method runs eagerly only when called directly on an instance made here.
            if callee is None or id(callee) in seen or callee.in_class and not called.method:
                continue
            if fn.name.value in model.wrapped and not eager_ok:
                continue
            if fn.decorators and fn.name.value not in model.wrapped and not all(
                    _only_wraps(model, d) for d in fn.decorators):
                continue  # a decorator the model does not know may trace the function
            seen.add(id(callee))
            out.append(callee)
            todo.append(callee)
    return out


def _only_wraps(model: Model, decorator: cst.Decorator) -> bool:
    """A decorator of this file that only wraps: `def timed(f)` returning an inner function
    (perhaps `@functools.wraps(f)`) that calls `f(...)`, with no TensorFlow in it: the
    decorated function still runs eagerly, when and where the wrapper calls it."""
    if not isinstance(decorator.decorator, cst.Name):
        return False
    name = decorator.decorator.value
    defs = [s for s in model.module.body if isinstance(s, cst.FunctionDef) and
            s.name.value == name]
    if len(defs) != 1 or defs[0].decorators or len(defs[0].params.params) != 1 or \
            not isinstance(defs[0].body, cst.IndentedBlock):
        return False
    outer = defs[0]
    wrapped = outer.params.params[0].name.value
    body = outer.body.body
    text = model.code(outer)
    if "tf." in text or "tensorflow" in text or "Graph" in text:
        return False
    inner = [s for s in body if isinstance(s, cst.FunctionDef)]
    last = body[-1] if body else None
    returned = last.body[0] if isinstance(last, cst.SimpleStatementLine) and \
        len(last.body) == 1 else None
    if len(inner) != 1 or not isinstance(returned, cst.Return) or not isinstance(
            returned.value, cst.Name) or returned.value.value != inner[0].name.value:
        return False
    if any(model.code(d.decorator) not in (f"functools.wraps({wrapped})", f"wraps({wrapped})")
           for d in inner[0].decorators):
        return False
    return f"{wrapped}(" in model.code(inner[0].body)
