"""What the gradient-path rules share: the sources that get no gradient, with the model's reason,
and the words every such message starts with."""
from __future__ import annotations

from collections.abc import Callable, Iterator

import libcst as cst

from tflint_grad.checks.base import Finding, PositionOf
from tflint_grad.model.paths import NoGradient, Paths, Why
from tflint_grad.model.scope import Binding, GradientCall, Model, Scope


def paths_of(model: Model) -> Paths:
    """The model's memoized path queries."""
    if model.paths is None:
        model.paths = Paths()
    return model.paths


def failed_sources(model: Model) -> Iterator[tuple[Scope, GradientCall, int, NoGradient]]:
    """Every (call, source index) that gets no gradient, in program order, with the reason."""
    paths = paths_of(model)
    for scope in model.scopes:
        for gc in scope.calls:
            for i in range(len(gc.sources)):
                found = paths.verdict(gc, i)
                if found is not None:
                    yield scope, gc, i, found


Build = Callable[[Model, Scope, GradientCall, int, NoGradient], Finding]


def first_per_call(model: Model, reasons: frozenset[Why], build: Build,
                   keep: Callable[[NoGradient], bool] | None = None) -> Iterator[Finding]:
    """One finding per gradient call: for its first source that fails for one of `reasons`
    (and that `keep` accepts, when given)."""
    done: set[int] = set()
    for scope, gc, i, found in failed_sources(model):
        if found.why in reasons and id(gc) not in done and (keep is None or keep(found)):
            done.add(id(gc))
            yield build(model, scope, gc, i, found)


def label(model: Model, b: Binding | None, expr: cst.CSTNode | None = None) -> str:
    """How a message names a value: its text when there is an expression, else its name."""
    if expr is not None:
        return model.code(expr)
    return b.name if b is not None else "?"


def target_text(model: Model, gc: GradientCall) -> str:
    """The target expression of a gradient call, as written."""
    return label(model, gc.target, gc.node.args[0].value if gc.node.args else None)


def source_text(model: Model, gc: GradientCall, i: int) -> str:
    """Source `i` of a gradient call, as written."""
    return model.code(gc.source_exprs[i])


def head(model: Model, gc: GradientCall, i: int, zeros: bool = False) -> str:
    """'gradient of 'u' with respect to 'x' is None' (batch_jacobian: 'is all zeros')."""
    verb = "is all zeros" if zeros or gc.method == "batch_jacobian" else "is None"
    return (f"gradient of '{target_text(model, gc)}' with respect to "
            f"'{source_text(model, gc, i)}' {verb}")


def raising_head(model: Model, gc: GradientCall, error: str) -> str:
    """'tape.gradient(u, x) raises AttributeError (...)': where the call itself fails."""
    return f"{model.code(gc.node.func)}(...) raises {error}"


def line_of(node: cst.CSTNode | None, pos: PositionOf) -> int:
    """The first line of a node (0 when there is none)."""
    return pos(node)[0][0] if node is not None else 0
