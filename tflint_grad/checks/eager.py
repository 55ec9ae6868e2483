"""TFG002 and TFG007: graph-mode APIs where eager execution is certainly on."""
from __future__ import annotations

from collections.abc import Iterator

import libcst as cst

from tflint_grad.checks.base import Finding
from tflint_grad.checks.fix_eager import tape_rewrite_fix
from tflint_grad.model.scope import Binding, Kind, Model, Scope

_EAGER_FETCH = frozenset({Kind.CONST, Kind.GRADIENT, Kind.VARIABLE, Kind.FROZEN, Kind.CALL})


def eager_scopes(model: Model) -> list[Scope]:
    """The module body and the functions it runs eagerly (directly or through other functions)."""
    if "graph-mode" in model.facts or not model.imports.imports_tensorflow():
        return []
    eager_ok = "functions-eagerly" in model.facts and "functions-eagerly-off" not in model.facts
    root = model.scopes[0]
    out, todo, seen = [root], [root], {id(root)}
    while todo:
        scope = todo.pop()
        for event in scope.events:
            if event[0] not in ("call", "method") or event[3]:
                continue
            fn = event[1]
            assert isinstance(fn, cst.FunctionDef)
            callee = model.functions.get(fn)
            # A method runs eagerly only when called directly on an instance made here.
            if callee is None or id(callee) in seen or callee.in_class and event[0] != "method":
                continue
            if fn.name.value in model.wrapped and not eager_ok:
                continue
            if fn.decorators and fn.name.value not in model.wrapped:
                continue  # a decorator the model does not know may trace the function
            seen.add(id(callee))
            out.append(callee)
            todo.append(callee)
    return out


def check_tfg002(model: Model) -> Iterator[Finding]:
    """tf.gradients reached from module-level code of a TF2 script, outside any graph."""
    for scope in eager_scopes(model):
        for event in scope.events:
            if event[0] == "gradients" and not event[2]:
                call = event[1]
                assert isinstance(call, cst.Call)
                where = "at module level" if scope.kind == "module" else (
                    f"in '{scope.name}', which runs eagerly here")
                yield Finding("TFG002", call, (
                    f"{model.code(call.func)} is called {where}, and TensorFlow 2 raises "
                    f"RuntimeError (tf.gradients is not supported when eager execution is enabled."
                    f" Use tf.GradientTape instead.); compute it with tf.GradientTape, or trace "
                    f"the function with @tf.function"), tape_rewrite_fix(model, call))


def _session(owner: Binding) -> tuple[str, cst.Call]:
    """How a session binding was made ("with" / "assigned") and the Session(...) call."""
    fact = owner.facts["session"]
    assert isinstance(fact, tuple)
    how, made = fact[0], fact[1]
    assert isinstance(how, str) and isinstance(made, cst.Call)
    return how, made


def check_tfg007(model: Model) -> Iterator[Finding]:
    """Session.run on tensors that were computed eagerly."""
    for scope in eager_scopes(model):
        for event in scope.events:
            if event[0] != "run" or event[3]:
                continue
            call, owner, fetched = event[1], event[2], event[4]
            assert isinstance(call, cst.Call) and isinstance(owner, Binding)
            assert fetched is None or isinstance(fetched, list)
            how, made = _session(owner)
            if any(a.keyword is not None and a.keyword.value == "graph" for a in made.args) or \
                    len([a for a in made.args if a.keyword is None]) >= 2:
                continue  # Session(target, graph): it runs that graph
            if how == "with":
                if not fetched or any(b.seq > owner.seq or b.kind not in _EAGER_FETCH
                                      for b in fetched):
                    continue
                names = ", ".join(f"'{b.name}'" for b in fetched)
                yield Finding("TFG007", call, (
                    f"{model.code(call.func)} fetches {names}, computed eagerly before the "
                    f"Session existed; eager tensors are not in the Session's graph, so run() "
                    f"raises (RuntimeError: The Session graph is empty / AttributeError: "
                    f"Tensor.graph is undefined when eager execution is enabled); use the value "
                    f"directly (.numpy()) instead of a Session"))
            else:
                yield Finding("TFG007", call, (
                    f"{model.code(call.func)} runs a Session in TensorFlow 2 eager code, where "
                    f"ops execute immediately and never enter the Session's graph; run() raises "
                    f"(RuntimeError: The Session graph is empty. Add operations to the graph "
                    f"before calling run()); drop the Session and use the eager values, or switch "
                    f"graph mode on with tf.compat.v1.disable_eager_execution()"))
