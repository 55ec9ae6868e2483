"""The default, human output: each finding with its source line, carets, fix and confirmation."""
from __future__ import annotations

from collections.abc import Sequence

from tflint_grad.report.common import SourceLines, location, problem_message
from tflint_grad.report.summary import count, fixable, statistics, summary_line
from tflint_grad.types import Confirmation, Derivative, Diagnostic, FileResult

_RESET = "\x1b[0m"
BOLD, RED, GREEN, YELLOW, BLUE, CYAN = "1", "31", "32", "33", "34", "36"
_MAX_VALUES = 8
_AGREES = 1e-3  # a finite-difference error above this is reported as a disagreement


class Paint:
    """ANSI styling that is a no-op when colour is off."""

    def __init__(self, on: bool) -> None:
        self.on = on

    def __call__(self, text: str, *styles: str) -> str:
        """`text` wrapped in the given SGR styles, or unchanged."""
        if not self.on or not styles:
            return text
        return f"\x1b[{';'.join(styles)}m{text}{_RESET}"


def render_text(results: Sequence[FileResult], lines: SourceLines, *, color: bool,
                show_source: bool, with_statistics: bool, unsafe: bool = False) -> str:
    """Every problem and finding, then the optional statistics table and the summary line."""
    paint = Paint(color)
    blocks: list[list[str]] = []
    for result in results:
        for problem in result.problems:
            where = location(problem.path, problem.line, problem.column, problem.cell)
            blocks.append([f"{paint(where, BOLD)}: {paint(problem_message(problem), RED)}"])
        for diagnostic in result.diagnostics:
            blocks.append(finding_block(diagnostic, lines, paint, show_source, unsafe))
    out: list[str] = []
    for block in blocks:
        out.extend(block)
        if len(block) > 1:
            out.append("")
    if out and out[-1] != "":
        out.append("")
    if with_statistics:
        out.extend(statistics_table(results, unsafe))
        out.append("")
    out.append(summary(results, unsafe))
    return "\n".join(out) + "\n"


def headline(d: Diagnostic, paint: Paint, unsafe: bool = False) -> str:
    """`path:line:col: CODE [*] message`; `[*]` when --fix repairs it."""
    code, _, rest = d.message.partition(" ")
    where = location(d.path, d.line, d.column, d.cell)
    marker = f" {paint('[*]', CYAN, BOLD)}" if fixable(d, unsafe) else ""
    return f"{paint(where, BOLD)}: {paint(code, RED, BOLD)}{marker} {rest}"


def finding_block(d: Diagnostic, lines: SourceLines, paint: Paint, show_source: bool,
                  unsafe: bool = False) -> list[str]:
    """The lines shown for one finding: header, snippet, fix and confirmation notes."""
    block = [headline(d, paint, unsafe)]
    width = len(str(d.line))
    pad = " " * width
    text = lines.line(d.path, d.line, d.cell) if show_source else None
    if text is not None:
        bar = paint("|", BLUE, BOLD)
        carets = paint(_carets(text, d), RED, BOLD)
        block += [f"{pad} {bar}", f"{paint(str(d.line), BLUE, BOLD)} {bar} {text}",
                  f"{pad} {bar} {_caret_indent(text, d.column)}{carets}"]
    note = f"{pad} {paint('=', BLUE, BOLD)} "
    more = f"{pad}   "
    for first, *rest_lines in _notes(d, paint):
        block.append(note + first)
        block.extend(more + extra for extra in rest_lines)
    return block


def _caret_indent(text: str, column: int) -> str:
    # Keep tabs so the carets line up however the terminal expands them.
    return "".join(ch if ch == "\t" else " " for ch in text[: max(column - 1, 0)])


def _carets(text: str, d: Diagnostic) -> str:
    end = d.end_column if d.end_line == d.line else len(text) + 1
    end = min(end, len(text) + 1)
    return "^" * max(end - d.column, 1)


def _notes(d: Diagnostic, paint: Paint) -> list[list[str]]:
    notes: list[list[str]] = []
    if d.fix is not None:
        label = "fix" if d.fix.safe else "unsafe fix"
        notes.append([f"{paint(label, CYAN, BOLD)}: {d.fix.description}"])
    if d.confirmation is not None:
        notes.extend(confirmation_notes(d.confirmation, paint))
    return notes


def confirmation_notes(c: Confirmation, paint: Paint) -> list[list[str]]:
    """`confirmed (TensorFlow 2.21): ...`, then what TensorFlow returned and what the fix gives."""
    style = {"confirmed": RED, "refuted": GREEN}.get(c.status, YELLOW)
    if c.status == "not run":
        return [[f"{paint('not run', style, BOLD)}: {c.reason or c.outcome}"]]
    version = f" (TensorFlow {c.tensorflow})" if c.tensorflow else ""
    head = [f"{paint(c.status + version, style, BOLD)}: {c.outcome}"]
    if c.reason:
        head.append(c.reason)
    notes = [head]
    if c.actual is not None:
        notes.append(derivative_note("got", c.actual))
    if c.intended is not None:
        notes.append(derivative_note("with the fix", c.intended))
    return notes


def derivative_note(label: str, derivative: Derivative) -> list[str]:
    """`with the fix: du/dx (4, 1) float32 = [...]` and the finite-difference check under it."""
    shown = ", ".join(f"{v:.6g}" for v in derivative.values[:_MAX_VALUES])
    if len(derivative.values) > _MAX_VALUES:
        shown += ", ..."
    shape = "(" + ", ".join(map(str, derivative.shape)) + ")"
    values = f" = [{shown}]" if derivative.values else ""  # symbolic results have no values
    out = [f"{label}: {derivative.label} {shape} {derivative.dtype}{values}"]
    if derivative.fd_error is not None:
        verb = "agrees to" if derivative.fd_error <= _AGREES else "differs by"
        out.append(f"finite difference {verb} {derivative.fd_error:.0e}")
    return out


def statistics_table(results: Sequence[FileResult], unsafe: bool = False) -> list[str]:
    """One row per code: how many findings, the rule's name, and how many are fixable."""
    rows = [("count", "code", "name", "fixable")]
    rows += [(str(n), code, name, str(fixes)) for code, name, n, fixes in
             statistics(results, unsafe)]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    return [f"{r[0]:>{widths[0]}}  {r[1]:<{widths[1]}}  {r[2]:<{widths[2]}}  {r[3]:>{widths[3]}}"
            .rstrip() for r in rows]


def summary(results: Sequence[FileResult], unsafe: bool = False) -> str:
    """`Found N findings in M files (K files checked). F fixable with --fix.` (see summary.py)."""
    return summary_line(count(results, unsafe), unsafe)


def render_concise(results: Sequence[FileResult], *, color: bool, unsafe: bool) -> str:
    """One line per problem and finding (`path:line:col: CODE [*] message`), then the summary."""
    paint = Paint(color)
    out: list[str] = []
    for result in results:
        for problem in result.problems:
            where = location(problem.path, problem.line, problem.column, problem.cell)
            out.append(f"{paint(where, BOLD)}: {paint(problem_message(problem), RED)}")
        out.extend(headline(d, paint, unsafe) for d in result.diagnostics)
    out.append(summary(results, unsafe))
    return "\n".join(out) + "\n"
