"""`--format json`: a list of findings on stdout; problems go to stderr as text lines.

With `--statistics` the top level is an object instead, so stdout stays one JSON value:
`{"findings": [...], "statistics": [{"code", "name", "count", "fixable"}], "summary": {...}}`,
the summary holding the counts of report/summary.py under their names there.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict

from tflint_grad.report.common import (
    as_plain,
    diagnostics,
    location,
    problem_message,
    problems,
)
from tflint_grad.report.summary import count, statistics
from tflint_grad.types import FileResult


def render_json(results: Sequence[FileResult], with_statistics: bool = False,
                unsafe: bool = False) -> str:
    """Every finding as an object (fix, confirmation and cell null when absent)."""
    findings = [as_plain(d) for d in diagnostics(results)]
    if not with_statistics:
        return json.dumps(findings, indent=2) + "\n"
    table = [{"code": code, "name": name, "count": n, "fixable": fixes}
             for code, name, n, fixes in statistics(results, unsafe)]
    document = {"findings": findings, "statistics": table,
                "summary": asdict(count(results, unsafe))}
    return json.dumps(document, indent=2) + "\n"


def problem_lines(results: Sequence[FileResult]) -> str:
    """Problems as `path:line:col: E999 SyntaxError: ...` lines, for stderr."""
    return "".join(f"{location(p.path, p.line, p.column, p.cell)}: {problem_message(p)}\n"
                   for p in problems(results))
