"""TFG006: a non-persistent tape asked for a second set of gradients."""
from __future__ import annotations

from collections.abc import Iterator

import libcst as cst

from tflint_grad.checks.base import FixBuilder, Finding, PositionOf
from tflint_grad.model.scope import GradientCall, Model, Tape
from tflint_grad.types import Edit, Fix

CODE = "TFG006"
_ERROR = ("RuntimeError (A non-persistent GradientTape can only be used to compute one set of "
          "gradients (or jacobians))")


def _same_run(first: GradientCall, second: GradientCall) -> bool:
    """Do both calls certainly run in one pass (same branches, no early exit between)?"""
    if set(first.branches) != set(second.branches):
        return False  # `if c: ...` and `if not c: ...` look alike to the model
    return all(block in second.blocks for block in first.exits)


def persistent_fix(tape: Tape) -> FixBuilder | None:
    """Add `persistent=True` to the GradientTape(...) call."""
    call = tape.node
    if not isinstance(call, cst.Call) or any(
            a.keyword is not None and a.keyword.value == "persistent" or a.keyword is None
            for a in call.args):
        return None
    if call.args and not isinstance(call.args[-1].comma, cst.MaybeSentinel):
        text = " persistent=True"
    else:
        text = ", persistent=True" if call.args else "persistent=True"

    def build(pos: PositionOf) -> Fix:
        _, (line, col) = pos(call)
        return Fix("create the tape with persistent=True", True,
                   (Edit(line, col - 1, line, col - 1, text),))
    return build


def check(model: Model) -> Iterator[Finding]:
    """The second gradient/jacobian call on a tape made without persistent=True."""
    for scope in model.scopes:
        for tape in scope.tapes:
            if tape.persistent is not False or not tape.calls:
                continue
            calls = sorted(tape.calls, key=lambda c: c.seq)
            found = _second_call(tape, calls, model.exiting_loops)
            if found is None:
                continue
            call, first = found

            def message(pos: PositionOf, first: GradientCall | None = first,
                        tape: Tape = tape) -> str:
                if first is None:
                    return (f"tape '{tape.name}' is not persistent, but this call runs on every "
                            f"iteration of a loop while the tape is created once, outside it; the "
                            f"second iteration raises {_ERROR}; create the tape inside the loop "
                            f"or with tf.GradientTape(persistent=True)")
                return (f"tape '{tape.name}' is not persistent and already computed a "
                        f"{first.method} on line {pos(first.node)[0][0]}; this second call raises "
                        f"{_ERROR}; create it with tf.GradientTape(persistent=True) and del it "
                        f"when done")
            yield Finding(CODE, call.node, message, persistent_fix(tape))


def _second_call(tape: Tape, calls: list[GradientCall], exiting: set[int]
                 ) -> tuple[GradientCall, GradientCall | None] | None:
    for i, call in enumerate(calls):
        for earlier in calls[:i]:
            if _same_run(earlier, call):
                return call, earlier
        loops = set(call.loops) - set(tape.loops)
        if loops and not call.exits and not loops & exiting:
            return call, None
    return None
