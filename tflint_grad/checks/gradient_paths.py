"""TFG001, 003, 004, 005, 008, 009, 010, 011: readers of the gradient-path verdicts."""
from __future__ import annotations

from collections.abc import Iterator

import libcst as cst

from tflint_grad.checks.base import Finding, PositionOf
from tflint_grad.checks.fixes import move_fix, watch_fix
from tflint_grad.model.paths import Paths, Verdict
from tflint_grad.model.scope import Binding, GradientCall, Kind, Model, Scope

_RAISES = {
    "target": "using it as the target of another gradient raises TypeError (Argument `target` "
              "should be a list or nested structure of Tensors ... but received None)",
    "arithmetic": "arithmetic on it raises ValueError (Attempt to convert a value (None) with an "
                  "unsupported type)",
    "indexed": "indexing it raises TypeError ('NoneType' object is not subscriptable)",
    ".numpy()": "calling .numpy() on it raises AttributeError",
    "attribute": "reading an attribute of it raises AttributeError ('NoneType' object has no "
                 "attribute ...)",
    "tf-argument": "passing it to a TensorFlow op raises ValueError (Attempt to convert a value "
                   "(None) with an unsupported type)",
}


def paths_of(model: Model) -> Paths:
    """The model's memoized verdicts."""
    found = model.memo.get("paths")
    if not isinstance(found, Paths):
        found = Paths()
        model.memo["paths"] = found
    return found


def verdicts(model: Model) -> Iterator[tuple[Scope, GradientCall, int, Verdict]]:
    """Every (call, source) that gets no gradient, in program order."""
    paths = paths_of(model)
    for scope in model.scopes:
        for gc in scope.calls:
            for i in range(len(gc.sources)):
                v = paths.verdict(gc, i)
                if v is not None:
                    if v.code == "TFG011" and scope.unresolved:
                        continue
                    yield scope, gc, i, v


def _label(model: Model, b: Binding | None, expr: cst.CSTNode | None = None) -> str:
    if expr is not None:
        return model.code(expr)
    return b.name if b is not None else "?"


def _head(model: Model, gc: GradientCall, i: int, verb: str = "is None") -> str:
    target = gc.node.args[0].value if gc.node.args else None
    return (f"gradient of '{_label(model, gc.target, target)}' with respect to "
            f"'{_label(model, None, gc.source_exprs[i])}' {verb}")


def _finding(model: Model, gc: GradientCall, i: int, v: Verdict) -> Finding:
    source = model.code(gc.source_exprs[i])
    target = _label(model, gc.target, gc.node.args[0].value if gc.node.args else None)
    tape = gc.tape

    def line_of(node: cst.CSTNode | None, pos: PositionOf) -> int:
        return pos(node)[0][0] if node is not None else 0

    if v.code in ("TFG001", "TFG005"):
        step = v.step
        assert step is not None

        def message(pos: PositionOf) -> str:
            step_text = model.statement_code(step.node)
            step_line = line_of(step.node, pos)
            tape_line = line_of(tape.block_line_node or tape.node, pos)
            if v.code == "TFG005":
                return (f"{_head(model, gc, i)}: '{step_text}' (line {step_line}) ran after the "
                        f"block of tape '{tape.name}' (line {tape_line}) ended, so that tape never "
                        f"recorded it; take the inner gradient and any slice of it inside the "
                        f"'{tape.name}' with-block")
            when = "before the tape on line {} started recording" if step.seq < tape.start else \
                "after the block of the tape on line {} ended"
            advice = (f"watch {source} and compute '{step.name}' inside the tape, or differentiate"
                      f" with respect to '{step.name}' and slice out the part for {source}"
                      if step.seq < tape.start else
                      f"compute '{step.name}' inside the with-block of tape '{tape.name}'")
            return (f"{_head(model, gc, i)}: '{source}' reaches '{target}' only through "
                    f"'{step_text}' (line {step_line}), computed {when.format(tape_line)}; "
                    f"{advice}")
        return Finding(v.code, gc.node, message, move_fix(model, gc, i, step))
    if v.code in ("TFG008", "TFG009"):
        cut = v.cut
        assert cut is not None

        def message(pos: PositionOf) -> str:
            where = f"'{cut.op}' (line {line_of(cut.node, pos)})"
            if v.code == "TFG008":
                return (f"{_head(model, gc, i)}: on every path from '{source}' to '{target}' the "
                        f"value leaves TensorFlow at {where}, which the tape cannot record; keep "
                        f"the computation in TensorFlow ops inside the tape")
            if v.zeros:
                return (f"{_head(model, gc, i, 'is all zeros')}: every path from '{source}' to "
                        f"'{target}' goes through {where}, whose gradient is zero everywhere; use "
                        f"a smooth surrogate such as tf.tanh or a straight-through estimator")
            return (f"{_head(model, gc, i)}: every path from '{source}' to '{target}' goes "
                    f"through {where}, which has no gradient; use a differentiable surrogate "
                    f"(e.g. x + tf.stop_gradient(tf.round(x) - x)) or keep it off the loss path")
        return Finding(v.code, gc.node, message)
    if v.code == "TFG003":
        what = v.source.kind.value
        # tape.watch(ndarray) raises: numbers and arrays need converting, which is no mere watch.
        fix = watch_fix(model, gc, i) if v.source.seq < tape.start and v.source.kind not in (
            Kind.NUMPY, Kind.NUMBER) else None
        return Finding("TFG003", gc.node, (
            f"{_head(model, gc, i)}: '{source}' is a {what} that tape '{tape.name}' never "
            f"watched (only trainable tf.Variables are watched automatically); call "
            f"{tape.name}.watch({source}) at the top of the with-block"
            + (", after converting it with tf.convert_to_tensor" if v.source.kind in (
                Kind.NUMPY, Kind.NUMBER) else "")), fix)
    if v.code == "TFG010":
        return Finding("TFG010", gc.node, (
            f"{_head(model, gc, i)}: '{source}' has an integer dtype, and tapes only track "
            f"floating-point tensors; create it as float (e.g. dtype=tf.float32) or cast it "
            f"with tf.cast(..., tf.float32) before watching"))
    return Finding("TFG011", gc.node, (
        f"{_head(model, gc, i)}: '{target}' does not depend on '{source}' at all; check that "
        f"the computation uses '{source}', or differentiate with respect to what it uses"))


def _check(code: str):  # type: ignore[no-untyped-def]
    def check(model: Model) -> Iterator[Finding]:
        done: set[int] = set()
        for _, gc, i, v in verdicts(model):
            if v.code == code and id(gc) not in done:
                done.add(id(gc))
                yield _finding(model, gc, i, v)
    check.__name__ = f"check_{code.lower()}"
    return check


check_tfg001 = _check("TFG001")
check_tfg003 = _check("TFG003")
check_tfg005 = _check("TFG005")
check_tfg008 = _check("TFG008")
check_tfg009 = _check("TFG009")
check_tfg010 = _check("TFG010")
check_tfg011 = _check("TFG011")


def check_tfg004(model: Model) -> Iterator[Finding]:
    """The first use of each None gradient that raises."""
    paths = paths_of(model)
    for scope in model.scopes:
        reported: set[int] = set()
        for use in sorted(scope.uses, key=lambda u: u.seq):
            if id(use.binding) in reported:
                continue
            v = paths.is_none(use.binding)
            if v is None:
                continue
            reported.add(id(use.binding))
            gc = use.binding.grad
            assert gc is not None
            name = use.binding.name if use.binding.name.isidentifier() else "the gradient"

            def message(pos: PositionOf, gc: GradientCall = gc, v: Verdict = v,
                        name: str = name, how: str = use.how) -> str:
                return (f"'{name}' is None (the {gc.method} call on line {pos(gc.node)[0][0]} "
                        f"returns None: {v.code}), and {_RAISES[how]}")
            yield Finding("TFG004", use.node, message)
