"""--confirm: run each finding's slice in TensorFlow and report what TensorFlow did."""
from __future__ import annotations

import sys
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from typing import Any

from tflint_grad.confirm import policy
from tflint_grad.catalog import BY_CODE
from tflint_grad.confirm.outcome import derivative, judge, not_run
from tflint_grad.confirm.runner import Runner, TensorFlowMissing
from tflint_grad.confirm.slice import NotSliced, Slice, build_slice
from tflint_grad.fixes import apply_fixes
from tflint_grad.notebooks import Notebook
from tflint_grad.types import Confirmation, Derivative, Diagnostic, FileResult, Fix

DERIVATIVES = frozenset({"gradient", "gradients", "jacobian", "batch_jacobian"})

__all__ = ["TensorFlowMissing", "confirm", "confirm_one", "run_site"]


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


def _fixed_slice(diag: Diagnostic, source: str) -> Slice | None:
    """The finding's slice once the rule's own fix is applied, if it still slices."""
    if diag.fix is None:
        return None
    start = _moved(source, diag.fix, diag.line, diag.column)
    stop = _moved(source, diag.fix, diag.end_line, diag.end_column)
    if start is None:
        return None
    piece = _prepare(apply_fixes(source, [diag.fix]), *start, stop)
    if isinstance(piece, str) or piece.callee.rsplit(".", 1)[-1] not in DERIVATIVES:
        return None  # the repaired call is no derivative (a tf.ones with int dims): nothing to show
    return piece


def _request(diag: Diagnostic, source: str, filename: str) -> tuple[dict[str, Any], Slice] | str:
    """What the worker runs for one finding: its slice and, when the finding has a fix, the
    repaired slice as a follow-up the worker runs only if the finding is confirmed."""
    at = diag.raised_at  # TFG018: the op is reported, the fit that raises is what runs
    piece = _prepare(source, diag.line, diag.column, (diag.end_line, diag.end_column)) \
        if at is None else _prepare(source, at[0], at[1], (at[2], at[3]))
    if isinstance(piece, str):
        return piece
    request: dict[str, Any] = {"code": piece.probe, "target": piece.target, "filename": filename}
    fixed = _fixed_slice(diag, source)
    if fixed is not None:
        request["then"] = {"when": "raised" if BY_CODE[diag.code].raises else "bad",
                           "code": fixed.probe, "target": fixed.target}
    return request, piece


def _judged(runner: Runner, diag: Diagnostic, piece: Slice, reply: dict[str, Any]) -> Confirmation:
    if reply.get("failure") == "timeout":
        return not_run(f"timed out after {runner.timeout:g} s", runner.tensorflow)
    if "failure" in reply:
        detail = f" ({reply['detail']})" if reply.get("detail") else ""
        return not_run(f"the worker died{detail}", runner.tensorflow)
    confirmation = judge(diag.code, piece, reply, runner.tensorflow, stated=diag.message)
    if piece.synthesized and confirmation.status != "not run":
        confirmation = replace(confirmation, outcome=(
            f"{confirmation.outcome} (with synthesized values for "
            f"{', '.join(piece.synthesized)}: float32 tensors of shape (4, 1); no call site in "
            f"the file gives them)"))
    elif piece.site is not None and confirmation.status != "not run":
        confirmation = replace(confirmation, outcome=(
            f"{confirmation.outcome} (run through the call on line {piece.site})"))
    follow = reply.get("then")
    if confirmation.status == "confirmed" and follow is not None \
            and follow.get("result", {}).get("kind") in ("tensor", "list"):
        confirmation = replace(confirmation, intended=derivative(
            piece.label, follow["result"], follow.get("fd_error")))
    return confirmation


def confirm_one(runner: Runner, diag: Diagnostic, source: str) -> Confirmation:
    """Slice, gate, run and judge one finding; intended derivative when it has a fix."""
    prepared = _request(diag, source, diag.path)
    if isinstance(prepared, str):
        return not_run(prepared)
    request, piece = prepared
    return _judged(runner, diag, piece, runner.run(request))


def run_site(runner: Runner, source: str, line: int, column: int,
             end: tuple[int, int] | None = None, filename: str = "<site>",
             item: int = 0) -> Derivative | str:
    """Run the slice of any call site (a finding or not) and return the derivative it
    computed, checked by finite differences, or a sentence saying why there is none.

    tf.functions run eagerly here, so a gradient taken inside one has values. For a list of
    sources, `item` picks the derivative (finite differences check the first only)."""
    piece = _prepare(source, line, column, end)
    if isinstance(piece, str):
        return f"not run: {piece}"
    reply = runner.run({"code": piece.probe, "target": piece.target, "filename": filename,
                        "eager": True})
    if "failure" in reply:
        return f"not run: {reply['failure']} {reply.get('detail') or ''}".strip()
    result = reply.get("result", {})
    if result.get("kind") == "error":
        return f"raised {result['type']}: {result['message']}"
    if result.get("kind") == "list":
        items = result.get("items", [])
        if not 0 <= item < len(items) or not _all_tensors(result):
            return f"returned a list without a tensor at {item} ({result.get('length')} items)"
        return derivative(f"{piece.label}[{item}]", items[item],
                          reply.get("fd_error") if item == 0 else None) or "no derivative"
    found = derivative(piece.label, result, reply.get("fd_error"))
    if found is None:
        return f"returned {result.get('kind')}"
    return found


def _all_tensors(result: dict[str, Any]) -> bool:
    return all(item.get("kind") == "tensor" for item in result.get("items", []))


def _in_notebook(diag: Diagnostic, notebook: Notebook) -> tuple[Diagnostic, str] | str:
    """The finding moved from (cell, line in cell) onto the notebook's joined program."""
    assert diag.cell is not None  # confirm() reports findings without a cell before this
    joined = {where: number for number, where in enumerate(notebook.lines, start=1)}
    start, stop = joined.get((diag.cell, diag.line)), joined.get((diag.cell, diag.end_line))
    if start is None or stop is None:
        return f"cell {diag.cell} line {diag.line} is not in the notebook's code"
    fix = diag.fix
    if fix is not None:
        edits = [replace(e, line=joined.get((diag.cell, e.line), 0),
                         end_line=joined.get((diag.cell, e.end_line), 0)) for e in fix.edits]
        fix = replace(fix, edits=tuple(edits)) if all(e.line and e.end_line for e in edits) \
            else None
    # raised_at already speaks in the joined program's lines (notebooks.py leaves it there).
    return replace(diag, line=start, end_line=stop, fix=fix, cell=None), notebook.source


def _cell_lines(piece: Slice, reply: dict[str, Any],
                notebook: Notebook) -> tuple[Slice, dict[str, Any]]:
    """Line numbers in what the worker saw, joined-program lines, back in the cells."""
    def where(line: int) -> tuple[int, int] | None:
        return notebook.lines[line - 1] if 1 <= line <= len(notebook.lines) else None

    here = where(piece.line)
    result = reply.get("result")
    if isinstance(result, dict) and isinstance(result.get("line"), int):
        at = where(result["line"])
        if at is not None:
            text = str(at[1]) if here is not None and at[0] == here[0] else \
                f"{at[1]} of cell {at[0]}"
            reply = dict(reply, result=dict(result, line=text))
    return (replace(piece, line=here[1]) if here is not None else piece), reply


def confirm(results: Sequence[FileResult], sources: Mapping[str, str | Notebook], *,
            python: str | None = None, timeout: float = 20.0,
            progress: bool = False) -> list[FileResult]:
    """The results with every Diagnostic carrying a Confirmation from a real TensorFlow run.

    `sources` maps a path to its text, or for a notebook to its parsed Notebook (whose
    findings carry `cell`, lines within the cell); notebook slices are cut from the joined
    program, so names flow from cell to cell as they do in the kernel.
    """
    flat = [d for result in results for d in result.diagnostics]
    total = len(flat)
    verdicts: list[Confirmation | None] = [None] * total
    queued: deque[tuple[int, Slice, Notebook | None]] = deque()

    def requests() -> Iterator[dict[str, Any]]:
        for index, diag in enumerate(flat):
            source = sources.get(diag.path)
            notebook = source if isinstance(source, Notebook) else None
            if source is None:
                verdicts[index] = not_run("the source is not available")
                continue
            if notebook is not None:
                if diag.cell is None:
                    verdicts[index] = not_run("the finding names no cell of the notebook")
                    continue
                moved = _in_notebook(diag, notebook)
                if isinstance(moved, str):
                    verdicts[index] = not_run(moved)
                    continue
                diag, source = moved
            assert isinstance(source, str)
            prepared = _request(diag, source, diag.path)
            if isinstance(prepared, str):
                verdicts[index] = not_run(prepared)
                continue
            request, piece = prepared
            queued.append((index, piece, notebook))
            yield request

    done = 0
    with Runner(python, timeout) as runner:
        for reply in runner.stream(requests()):
            index, piece, notebook = queued.popleft()
            if notebook is not None:
                piece, reply = _cell_lines(piece, reply, notebook)
            verdicts[index] = _judged(runner, flat[index], piece, reply)
            done += 1
            if progress:
                diag = flat[index]
                sys.stderr.write(f"\rconfirming {index + 1}/{total}: {diag.path}:{diag.line} ")
                sys.stderr.flush()
    if progress and total:
        sys.stderr.write("\r\033[K")
        sys.stderr.flush()
    out: list[FileResult] = []
    position = 0
    for result in results:
        confirmed = []
        for diag in result.diagnostics:
            verdict = verdicts[position] or not_run("not reached")
            confirmed.append(replace(diag, confirmation=verdict))
            position += 1
        out.append(replace(result, diagnostics=tuple(confirmed)))
    return out
