"""`--format gitlab`: a GitLab code quality report (`artifacts: reports: codequality`).

A JSON list of issues with the fields GitLab requires: `description`, `check_name`,
`fingerprint` (unique per issue, stable under edits elsewhere: the SARIF fingerprint),
`severity` (info, minor, major, critical, blocker) and `location.path` / `location.lines.begin`.
Findings are `major` (`info` when --confirm refuted them); problems are `critical` (E999,
TFG000) or `info` (E902, a skipped file). A notebook finding is reported on line 1 of the
.ipynb and says its cell and line in the description, since cell lines are not file lines.
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

from tflint_grad.report.common import (
    SourceLines,
    problem_code,
    problem_message,
    relative_uri,
)
from tflint_grad.report.sarif import fingerprint
from tflint_grad.types import Diagnostic, FileResult, Problem


def render_gitlab(results: Sequence[FileResult], root: str, lines: SourceLines) -> str:
    """The report: one issue per problem and per finding."""
    occurrences: Counter[tuple[str, str, str]] = Counter()
    issues: list[dict[str, Any]] = []
    for result in results:
        issues.extend(_problem(p, root, occurrences) for p in result.problems)
        issues.extend(_finding(d, root, lines, occurrences) for d in result.diagnostics)
    return json.dumps(issues, indent=2) + "\n"


def _path(path: str, root: str) -> str:
    return relative_uri(path, root) or path


def _fingerprint(path: str, code: str, text: str,
                 occurrences: Counter[tuple[str, str, str]]) -> str:
    key = (path, code, " ".join(text.split()))
    occurrences[key] += 1
    return fingerprint(*key, occurrences[key])


def _finding(d: Diagnostic, root: str, lines: SourceLines,
             occurrences: Counter[tuple[str, str, str]]) -> dict[str, Any]:
    path = _path(d.path, root)
    text = lines.line(d.path, d.line, d.cell) or ""
    refuted = d.confirmation is not None and d.confirmation.status == "refuted"
    description = d.message if d.cell is None else \
        f"cell {d.cell}, line {d.line}: {d.message}"
    span = {"begin": d.line, "end": d.end_line} if d.cell is None else {"begin": 1}
    return {"type": "issue", "description": description, "check_name": d.code,
            "fingerprint": _fingerprint(path, d.code, text, occurrences),
            "severity": "info" if refuted else "major", "categories": ["Bug Risk"],
            "location": {"path": path, "lines": span}}


def _problem(p: Problem, root: str, occurrences: Counter[tuple[str, str, str]]) -> dict[str, Any]:
    path = _path(p.path, root)
    code = problem_code(p)
    return {"type": "issue", "description": problem_message(p), "check_name": code,
            "fingerprint": _fingerprint(path, code, p.message, occurrences),
            "severity": "info" if p.kind == "skipped" else "critical",
            "categories": ["Bug Risk"],
            "location": {"path": path, "lines": {"begin": max(p.line, 1) if p.cell is None
                                                  else 1}}}
