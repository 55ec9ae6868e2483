"""TFG007: Session.run on tensors computed eagerly."""
from __future__ import annotations

from collections.abc import Iterator

from tflint_grad.checks.base import Finding
from tflint_grad.checks.eager_scopes import eager_scopes
from tflint_grad.model.scope import Kind, Model

CODE = "TFG007"
_EAGER_FETCH = frozenset({Kind.CONST, Kind.GRADIENT, Kind.VARIABLE, Kind.FROZEN, Kind.CALL})


def check(model: Model) -> Iterator[Finding]:
    """Session.run on tensors that were computed eagerly."""
    for scope in eager_scopes(model):
        for run in scope.session_runs:
            if run.in_graph or run.session.session is None or run.session.session.in_graph:
                continue
            call, owner, made = run.call, run.session, run.session.session.call
            if any(a.keyword is not None and a.keyword.value == "graph" for a in made.args) or \
                    len([a for a in made.args if a.keyword is None]) >= 2:
                continue  # Session(target, graph): it runs that graph
            if run.session.session.in_with:
                fetched = run.fetched
                if not fetched or any(b.seq > owner.seq or b.kind not in _EAGER_FETCH
                                      for b in fetched):
                    continue
                names = ", ".join(f"'{b.name}'" for b in fetched)
                yield Finding(CODE, call, (
                    f"{model.code(call.func)} fetches {names}, computed eagerly before the "
                    f"Session existed; eager tensors are not in the Session's graph, so run() "
                    f"raises (RuntimeError: The Session graph is empty / AttributeError: "
                    f"Tensor.graph is undefined when eager execution is enabled); use the value "
                    f"directly (.numpy()) instead of a Session"))
            else:
                yield Finding(CODE, call, (
                    f"{model.code(call.func)} runs a Session in TensorFlow 2 eager code, where "
                    f"ops execute immediately and never enter the Session's graph; run() raises "
                    f"(RuntimeError: The Session graph is empty. Add operations to the graph "
                    f"before calling run()); drop the Session and use the eager values, or switch "
                    f"graph mode on with tf.compat.v1.disable_eager_execution()"))
