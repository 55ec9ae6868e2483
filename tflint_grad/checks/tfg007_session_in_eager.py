"""TFG007: Session.run on tensors computed eagerly; ops built in a Session block from them."""
from __future__ import annotations

from collections.abc import Callable, Iterator

import libcst as cst

from tflint_grad.checks.base import Finding, PositionOf
from tflint_grad.checks.eager_scopes import eager_scopes
from tflint_grad.model.scope import Kind, Model, Scope, SessionCapture

CODE = "TFG007"
_EAGER_FETCH = frozenset({Kind.CONST, Kind.GRADIENT, Kind.VARIABLE, Kind.FROZEN, Kind.CALL})


def check(model: Model) -> Iterator[Finding]:
    """Session.run on tensors that were computed eagerly, and ops built in a Session block
    from such tensors."""
    for scope in eager_scopes(model):
        yield from _captures(model, scope)
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


def _captures(model: Model, scope: Scope) -> Iterator[Finding]:
    """The first op of each Session block that captures an eager tensor (it raises: nothing
    after it in the block runs)."""
    seen: set[cst.With] = set()
    for cap in scope.session_captures:
        if cap.session not in seen:
            seen.add(cap.session)
            yield Finding(CODE, cap.op, _capture_message(model, cap))


def _capture_message(model: Model, cap: SessionCapture) -> Callable[[PositionOf], str]:
    op, b, opened = model.code(cap.op), cap.captured, model.code(cap.session.items[0].item)

    def message(pos: PositionOf) -> str:
        return (f"'{op}' is built inside 'with {opened}' (line {pos(cap.session)[0][0]}) from "
                f"'{b.name}', an eager tensor made before the block (line {pos(b.node)[0][0]}); "
                f"the block makes the Session's graph the default, so building the op raises "
                f"RuntimeError: Attempting to capture an EagerTensor without building a "
                f"function; create '{b.name}' inside the block (or in a tf.Graph), or drop the "
                f"Session and compute eagerly")
    return message
