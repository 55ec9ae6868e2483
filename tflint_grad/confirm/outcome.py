"""Turn what the worker saw into a Confirmation: confirmed, refuted or not run."""
from __future__ import annotations

from typing import Any

from tflint_grad.catalog import BY_CODE
from tflint_grad.confirm.slice import Slice
from tflint_grad.types import Confirmation, Derivative



def not_run(reason: str, tensorflow: str | None = None) -> Confirmation:
    """A finding that was not executed, and why."""
    return Confirmation("not run", f"not run: {reason}", tensorflow, reason=reason)


def derivative(label: str, result: dict[str, Any], fd_error: float | None) -> Derivative | None:
    """The first tensor in a result as a Derivative, if there is one."""
    if result.get("kind") == "list":
        tensors = [item for item in result.get("items", []) if item.get("kind") == "tensor"]
        if not tensors:
            return None
        result, label = tensors[0], f"{label}[0]" if result.get("length", 0) > 1 else label
    if result.get("kind") not in ("tensor", "symbolic"):
        return None
    return Derivative(label, tuple(result.get("shape", ())), str(result.get("dtype", "")),
                      tuple(result.get("values", ())), fd_error)


def _nones(result: dict[str, Any]) -> tuple[int, int]:
    if result.get("kind") == "none":
        return 1, 1
    if result.get("kind") == "list":
        items = result.get("items", [])
        return sum(1 for item in items if item.get("kind") == "none"), result.get("length", 0)
    return 0, 1


def states(stated: str, outcome: str) -> bool:
    """Does the finding's message say what TensorFlow did? ('raised TypeError: ...' against
    'raises TypeError', 'returned None' against 'is None', 'returned zeros' against 'zeros')."""
    if not stated:
        return True  # no message to hold to (a direct judge() call)
    if outcome.startswith("raised "):
        exception = outcome[len("raised "):].split(":", 1)[0]
        return f"raises {exception}" in stated or f"raise {exception}" in stated or (
            f"({exception}" in stated)
    if outcome.endswith("zeros"):
        return "zeros" in stated
    return "None" in stated


def _held_to(confirmation: Confirmation, stated: str) -> Confirmation:
    """A confirmation whose outcome differs from the message's says so."""
    if confirmation.status != "confirmed" or states(stated, confirmation.outcome):
        return confirmation
    return Confirmation("confirmed", f"other outcome: {confirmation.outcome}",
                        confirmation.tensorflow, confirmation.actual, confirmation.intended,
                        other_outcome=True)


def judge(code: str, piece: Slice, reply: dict[str, Any], tensorflow: str | None,
          stated: str = "") -> Confirmation:
    """What the flagged expression did, read against what the finding claimed: `stated` is the
    finding's message, and an outcome it does not state is reported as another outcome."""
    return _held_to(_judge(code, piece, reply, tensorflow), stated)


def _judge(code: str, piece: Slice, reply: dict[str, Any], tensorflow: str | None) -> Confirmation:
    result: dict[str, Any] = reply.get("result", {})
    kind = result.get("kind")
    if kind == "error" and reply.get("flagged"):
        return Confirmation("confirmed", f"raised {result['type']}: {result['message']}",
                            tensorflow)
    if kind == "error":
        where = f" at line {result['line']}" if result.get("line") else ""
        return not_run(f"the slice failed{where} before the flagged call: "
                       f"{result['type']}: {result['message']}", tensorflow)
    if kind == "unreached":
        return not_run(f"line {piece.line} was not reached", tensorflow)
    actual = derivative(piece.label, result, reply.get("fd_error"))
    nones, total = _nones(result)
    if BY_CODE[code].raises:
        returned = "None" if nones == total else "a value"
        return Confirmation("refuted", f"{piece.callee} returned {returned} without raising",
                            tensorflow, actual=actual)
    if nones == total:
        return Confirmation("confirmed", f"{piece.callee} returned None", tensorflow)
    if nones:
        return Confirmation("confirmed", f"{piece.callee} returned None for {nones} of {total}",
                            tensorflow, actual=actual)
    first = result if kind != "list" else next(
        (i for i in result.get("items", []) if i.get("kind") == "tensor"), {})
    if first.get("all_zero"):
        return Confirmation("confirmed", f"{piece.callee} returned zeros", tensorflow,
                            actual=actual)
    return Confirmation("refuted", f"{piece.callee} returned a gradient", tensorflow,
                        actual=actual)
