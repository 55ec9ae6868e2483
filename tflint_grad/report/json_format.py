"""`--format json`: a list of findings on stdout; problems go to stderr as text lines."""
from __future__ import annotations

import json
from collections.abc import Sequence

from tflint_grad.report.common import (
    as_plain,
    diagnostics,
    location,
    problem_message,
    problems,
)
from tflint_grad.types import FileResult


def render_json(results: Sequence[FileResult]) -> str:
    """Every finding as an object (fix, confirmation and cell null when absent)."""
    return json.dumps([as_plain(d) for d in diagnostics(results)], indent=2) + "\n"


def problem_lines(results: Sequence[FileResult]) -> str:
    """Problems as `path:line:col: E999 SyntaxError: ...` lines, for stderr."""
    return "".join(f"{location(p.path, p.line, p.column, p.cell)}: {problem_message(p)}\n"
                   for p in problems(results))
