"""Where eager execution is certainly on: what the graph-mode rules (tf.gradients, Session.run)
share."""
from __future__ import annotations

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
            if fn.decorators and fn.name.value not in model.wrapped:
                continue  # a decorator the model does not know may trace the function
            seen.add(id(callee))
            out.append(callee)
            todo.append(callee)
    return out
