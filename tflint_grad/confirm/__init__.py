"""--confirm: run each finding's slice in TensorFlow and report what TensorFlow did."""
from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from dataclasses import replace

from tflint_grad.confirm import policy
from tflint_grad.confirm.outcome import derivative, judge, not_run
from tflint_grad.confirm.runner import Runner, TensorFlowMissing
from tflint_grad.confirm.slice import NotSliced, Slice, build_slice
from tflint_grad.fixes import apply_fixes
from tflint_grad.types import Confirmation, Derivative, Diagnostic, FileResult, Fix

__all__ = ["TensorFlowMissing", "confirm", "confirm_one"]


def _prepare(source: str, line: int, column: int, end: tuple[int, int] | None) -> Slice | str:
    piece = build_slice(source, line, column, end)
    if isinstance(piece, NotSliced):
        return piece.reason
    return policy.check(piece.plain) or piece


def _moved(source: str, fix: Fix, line: int, column: int) -> tuple[int, int] | None:
    """Where (line, column) of `source` lands once the fix is applied; None if it is edited."""
    starts = [0]
    for text in source.split("\n"):
        starts.append(starts[-1] + len(text) + 1)
    offset = starts[line - 1] + column - 1
    shifted = offset
    for edit in fix.edits:
        begin = starts[edit.line - 1] + edit.column - 1
        finish = starts[edit.end_line - 1] + edit.end_column - 1
        if begin < offset < finish:
            return None
        if finish <= offset:
            shifted += len(edit.text) - (finish - begin)
    fixed = apply_fixes(source, [fix])
    before = fixed[:shifted]
    return before.count("\n") + 1, shifted - (before.rfind("\n") + 1) + 1


def _intended(runner: Runner, diag: Diagnostic, source: str, label: str) -> Derivative | None:
    """The derivative once the rule's own fix is applied, with its finite-difference check."""
    if diag.fix is None:
        return None
    start = _moved(source, diag.fix, diag.line, diag.column)
    stop = _moved(source, diag.fix, diag.end_line, diag.end_column)
    if start is None:
        return None
    piece = _prepare(apply_fixes(source, [diag.fix]), *start, stop)
    if isinstance(piece, str):
        return None
    reply = runner.run({"code": piece.probe, "target": piece.target, "filename": diag.path})
    if reply.get("result", {}).get("kind") not in ("tensor", "list"):
        return None
    return derivative(label, reply["result"], reply.get("fd_error"))


def confirm_one(runner: Runner, diag: Diagnostic, source: str) -> Confirmation:
    """Slice, gate, run and judge one finding; intended derivative when it has a fix."""
    piece = _prepare(source, diag.line, diag.column, (diag.end_line, diag.end_column))
    if isinstance(piece, str):
        return not_run(piece)
    reply = runner.run({"code": piece.probe, "target": piece.target, "filename": diag.path})
    if reply.get("failure") == "timeout":
        return not_run(f"timed out after {runner.timeout:g} s", runner.tensorflow)
    if "failure" in reply:
        detail = f" ({reply['detail']})" if reply.get("detail") else ""
        return not_run(f"the worker died{detail}", runner.tensorflow)
    confirmation = judge(diag.code, piece, reply, runner.tensorflow)
    if confirmation.status == "confirmed" and diag.fix is not None:
        confirmation = replace(confirmation, intended=_intended(runner, diag, source, piece.label))
    return confirmation


def confirm(results: Sequence[FileResult], sources: Mapping[str, str], *,
            python: str | None = None, timeout: float = 20.0,
            progress: bool = False) -> list[FileResult]:
    """The results with every Diagnostic carrying a Confirmation from a real TensorFlow run."""
    total = sum(len(r.diagnostics) for r in results)
    done = 0
    out: list[FileResult] = []
    with Runner(python, timeout) as runner:
        for result in results:
            confirmed: list[Diagnostic] = []
            for diag in result.diagnostics:
                done += 1
                if progress:
                    sys.stderr.write(f"\rconfirming {done}/{total}: {diag.path}:{diag.line} ")
                    sys.stderr.flush()
                source = sources.get(diag.path)
                confirmation = (not_run("the source is not available") if source is None
                                else confirm_one(runner, diag, source))
                confirmed.append(replace(diag, confirmation=confirmation))
            out.append(replace(result, diagnostics=tuple(confirmed)))
    if progress and total:
        sys.stderr.write("\r\033[K")
        sys.stderr.flush()
    return out
