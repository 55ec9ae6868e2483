"""GitHub Actions workflow commands: one `::error` annotation per finding or problem."""
from __future__ import annotations

from collections.abc import Sequence

from tflint_grad.catalog import BY_CODE as RULES_BY_CODE
from tflint_grad.report.common import problem_message, relative_uri
from tflint_grad.report.text import Paint, confirmation_notes
from tflint_grad.types import Diagnostic, FileResult


def escape_data(text: str) -> str:
    """Escape a command's message the way @actions/core does."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a command property (file, title, ...) the way @actions/core does."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(properties: dict[str, str | int], message: str) -> str:
    """`::error k=v,...::message` with both parts escaped."""
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::error {props}::{escape_data(message)}"


def _file(path: str, root: str) -> str:
    # Annotations resolve paths against the workspace, so make them relative to the root.
    return relative_uri(path, root) or path


def _annotation(d: Diagnostic, root: str) -> str:
    rule = RULES_BY_CODE.get(d.code)
    title = f"{d.code} {rule.name}" if rule else d.code
    props: dict[str, str | int] = {"file": _file(d.path, root)}
    lines = [d.message]
    if d.cell is None:
        props.update(line=d.line, col=d.column, endLine=d.end_line, endColumn=d.end_column)
    else:
        # Cell-relative lines mean nothing in the .ipynb JSON: annotate the file, say where.
        lines[0] = f"cell {d.cell}, line {d.line}, column {d.column}: {d.message}"
    props["title"] = title
    if d.fix is not None:
        lines.append(f"{'fix' if d.fix.safe else 'unsafe fix'}: {d.fix.description}")
    if d.confirmation is not None:
        lines.extend("; ".join(note) for note in confirmation_notes(d.confirmation, Paint(False)))
    return command(props, "\n".join(lines))


def render_github(results: Sequence[FileResult], root: str) -> str:
    """Annotations for every problem and finding, one per line."""
    out: list[str] = []
    for result in results:
        for p in result.problems:
            props: dict[str, str | int] = {"file": _file(p.path, root)}
            if p.cell is None:
                props.update(line=p.line, col=p.column)
            message = problem_message(p)
            props["title"] = message.partition(" ")[0]
            out.append(command(props, message if p.cell is None else f"cell {p.cell}: {message}"))
        out.extend(_annotation(d, root) for d in result.diagnostics)
    return "".join(line + "\n" for line in out)
