"""The pure core: source text in, findings out. Every shell (CLI, flake8, --confirm) calls this."""
from __future__ import annotations

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from tflint_grad.checks import RULES, rules_triggered_by
from tflint_grad.checks.base import Finding
from tflint_grad.model.build import build_model
from tflint_grad.types import Diagnostic, FileResult, Fix, Problem


def lint_source(source: str, path: str = "<stdin>") -> FileResult:
    """Parse `source` once, build the gradient model, and run every triggered rule on it.

    The result holds all findings, unfiltered: select/ignore, per-file-ignores and `# noqa` are
    applied by the shells (tflint_grad.filters), so the flake8 plugin can leave them to flake8.
    """
    rules = rules_triggered_by(source.encode("utf-8", "surrogatepass"))
    if not rules:
        return FileResult(path)
    try:
        module = cst.parse_module(source)
    except cst.ParserSyntaxError as exc:
        return FileResult(path, problems=(Problem(path, exc.raw_line, exc.raw_column + 1,
                                                  f"SyntaxError: {exc.message}"),))
    except RecursionError:
        return FileResult(path, problems=(Problem(path, 1, 1, "too deeply nested to parse",
                                                  kind="skipped"),))
    try:
        model = build_model(module)
        model.memo["source"] = source
        findings = [f for rule in rules for f in rule.check(model)]
    except RecursionError:
        return FileResult(path, problems=(Problem(path, 1, 1, "too deeply nested to analyse",
                                                  kind="skipped"),))
    if not findings:
        return FileResult(path)
    return FileResult(path, tuple(_diagnostics(module, path, findings)))


def _diagnostics(module: cst.Module, path: str, findings: list[Finding]) -> list[Diagnostic]:
    # Positions cost a code-generation pass over the module, so only files with findings pay it.
    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    positions = wrapper.resolve(PositionProvider)

    def position_of(node: cst.CSTNode) -> tuple[tuple[int, int], tuple[int, int]]:
        rng = positions[node]
        return (rng.start.line, rng.start.column + 1), (rng.end.line, rng.end.column + 1)

    seen: set[tuple[str, int, int]] = set()
    out: list[Diagnostic] = []
    for finding in findings:
        (line, col), (end_line, end_col) = position_of(finding.node)
        key = (finding.code, line, col)
        if key in seen:
            continue
        seen.add(key)
        fix: Fix | None = finding.fix(position_of) if finding.fix else None
        text = finding.message if isinstance(finding.message, str) else finding.message(position_of)
        out.append(Diagnostic(path, line, col, end_line, end_col, finding.code,
                              f"{finding.code} {text}", fix))
    out.sort(key=lambda d: (d.line, d.column, d.code))
    return out


__all__ = ["RULES", "lint_source"]
