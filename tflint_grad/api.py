"""The pure core: source text in, findings out. Every shell (CLI, flake8, --confirm) calls this."""
from __future__ import annotations

import ast
import os
import re
import warnings

import libcst as cst

from tflint_grad.catalog import BY_CODE
from tflint_grad.checks import RULES, rules_triggered_by
from tflint_grad.checks.base import Finding, Rule
from tflint_grad.model.build import build_model
from tflint_grad.model.scope import Model, Scope
from tflint_grad.positions import Positions
from tflint_grad.select import reduced_for
from tflint_grad.types import Diagnostic, FileResult, Fix, Problem


def lint_source(source: str, path: str = "<stdin>", selective: bool | None = None) -> FileResult:
    """Parse `source` once, build the gradient model, and run every triggered rule on it.

    The result holds all findings, unfiltered: select/ignore, per-file-ignores and `# noqa` are
    applied by the shells (tflint_grad.filters), so the flake8 plugin can leave them to flake8.
    `selective`: libcst parses only the definitions the triggered rules can read
    (tflint_grad.select); False parses everything (the results are the same). By default it is
    on unless the environment sets TFLINT_GRAD_FULL_PARSE=1 (for benchmarks and bisecting).
    """
    if selective is None:
        selective = os.environ.get("TFLINT_GRAD_FULL_PARSE", "") != "1"
    rules = rules_triggered_by(source.encode("utf-8", "surrogatepass"))
    if not rules:
        return FileResult(path)
    checked = _checked_by_cpython(source, path)
    if isinstance(checked, Problem):
        return FileResult(path, problems=(checked,))
    tree = checked if isinstance(checked, ast.Module) else None
    if selective and tree is not None:
        reduced = reduced_for(source, tree, (rule.entry for rule in rules))
        if reduced is not None:
            try:
                module: cst.Module | None = cst.parse_module(reduced)
            except (cst.ParserSyntaxError, RecursionError):
                module = None  # a cut select.py got wrong: the whole file is parsed below
            if module is not None:
                return _lint_module(module, source, tree, rules, path)
    try:
        module = cst.parse_module(source)
    except cst.ParserSyntaxError as exc:
        # Both reject it: say it as `python -c "compile(...)"` would, position and words.
        said = checked if isinstance(checked, SyntaxError) else None
        return FileResult(path, problems=(_syntax_problem(path, exc, said),))
    except RecursionError:
        return FileResult(path, problems=(Problem(path, 1, 1, "too deeply nested to parse",
                                                  kind="skipped"),))
    return _lint_module(module, source, tree, rules, path)


def _lint_module(module: cst.Module, source: str, tree: ast.Module | None, rules: list[Rule],
                 path: str) -> FileResult:
    """Build the model on a parsed module (whole or cut by tflint_grad.select) and run the rules."""
    try:
        model = build_model(module, source)
        model.source = source
        model.tree = tree  # positions reuse it: dropped definitions became one `pass` each
        findings = [f for rule in rules for f in rule.check(model)]
    except RecursionError:
        return FileResult(path, problems=(Problem(path, 1, 1, "too deeply nested to analyse",
                                                  kind="skipped"),))
    if not findings:
        return FileResult(path)
    try:
        return FileResult(path, tuple(_diagnostics(module, model, path, findings)))
    except RecursionError:
        return FileResult(path, problems=(Problem(path, 1, 1, "too deeply nested to analyse",
                                                  kind="skipped"),))


_MAX_BRACKET_DEPTH = 200  # CPython's own limit ("too many nested parentheses")


def _checked_by_cpython(source: str, path: str) -> Problem | ast.Module | SyntaxError | None:
    """CPython's tree of the source, or the Problem that keeps it from libcst: libcst's native
    parser crashes the process (not an exception) on about a thousand nested brackets, and it
    cannot encode lone surrogates. CPython's parser fails cleanly on such nesting first, so it
    guards the door. A SyntaxError: CPython rejects the source for another reason, reported if
    libcst rejects it too (libcst may accept syntax newer than this Python). None: no verdict."""
    try:
        source.encode("utf-8")
    except UnicodeEncodeError as exc:
        line = source.count("\n", 0, exc.start) + 1
        return Problem(path, line, 1, "the text holds characters that are not valid UTF-8 "
                       "(lone surrogates)", kind="skipped")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ast.parse(source)
    except (RecursionError, MemoryError):
        return Problem(path, 1, 1, "too deeply nested to parse", kind="skipped")
    except SyntaxError as exc:
        if "too many nested" in str(exc.msg) or _bracket_depth(source) > _MAX_BRACKET_DEPTH:
            return Problem(path, exc.lineno or 1, 1, f"SyntaxError: {exc.msg}")
        return exc
    except ValueError:
        pass  # NUL bytes: left to libcst, which reports them as a parse error
    return None


# libcst repeats a (different) position inside its message: "parser error: error at 4:0: ...".
_LIBCST_POSITION = re.compile(r"^(?:(?:parser|tokenizer) error: )?error at \d+:\d+: ")


def _syntax_problem(path: str, exc: cst.ParserSyntaxError, said: SyntaxError | None) -> Problem:
    """One E999 with one position: CPython's (1-based line and column), else libcst's."""
    if said is not None and said.lineno:
        kind = type(said).__name__  # SyntaxError, IndentationError, TabError
        return Problem(path, said.lineno, max(said.offset or 1, 1), f"{kind}: {said.msg}")
    return Problem(path, exc.raw_line, exc.raw_column + 1,
                   f"SyntaxError: {_LIBCST_POSITION.sub('', exc.message)}")


def _bracket_depth(text: str) -> int:
    depth = deepest = 0
    for char in text:
        if char in "([{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in ")]}":
            depth = max(0, depth - 1)
    return deepest


def _unreachable(model: Model, findings: list[Finding], line_of: dict[int, int],
                 position_of: Positions) -> set[int]:
    """Findings after an unconditional raise in their scope (or anywhere, for module level)."""
    first_raise: dict[int, tuple[int, Scope]] = {}
    for scope in model.scopes:
        for node in scope.may_raise:
            site = model.sites.get(id(node))
            if site is not None and not site.conditional and id(node) not in line_of:
                line_of[id(node)] = position_of(node)[0][0]
                known = first_raise.get(id(scope))
                if known is None or line_of[id(node)] < known[0]:
                    first_raise[id(scope)] = (line_of[id(node)], scope)
    for f in findings:
        site = model.sites.get(id(f.node))
        if BY_CODE[f.code].raises and site is not None and not site.conditional:
            line = line_of[id(f)]
            known = first_raise.get(id(site.scope))
            if known is None or line < known[0]:
                first_raise[id(site.scope)] = (line, site.scope)
    dropped: set[int] = set()
    for line, scope in first_raise.values():
        for f in findings:
            site = model.sites.get(id(f.node))
            if line_of[id(f)] > line and (scope.kind == "module" or (
                    site is not None and site.scope is scope)):
                dropped.add(id(f))
    return dropped


_RAISES = re.compile(r"\braises (\w+)")


def _handled(model: Model, findings: list[Finding], position_of: Positions) -> set[int]:
    """Raising findings inside a try whose handlers catch what they say is raised: the program
    expects the error and deals with it."""
    out: set[int] = set()
    for f in findings:
        site = model.sites.get(id(f.node))
        if site is None or not site.caught or not BY_CODE[f.code].raises:
            continue
        text = f.message if isinstance(f.message, str) else f.message(position_of)
        said = _RAISES.search(text)
        if "*" in site.caught or (said is not None and said.group(1) in site.caught):
            out.add(id(f))
    return out


def _diagnostics(module: cst.Module, model: Model, path: str,
                 findings: list[Finding]) -> list[Diagnostic]:
    # Only files with findings pay for positions, and only for the statements that hold them.
    position_of = Positions(module, model.source or module.code, model.tree)

    line_of = {id(f): position_of(f.node)[0][0] for f in findings}
    dropped = _unreachable(model, findings, line_of, position_of) | _handled(model, findings, position_of)
    seen: set[tuple[str, int, int]] = set()
    out: list[Diagnostic] = []
    for finding in findings:
        if id(finding) in dropped:
            continue
        (line, col), (end_line, end_col) = position_of(finding.node)
        key = (finding.code, line, col)
        if key in seen:
            continue
        seen.add(key)
        fix: Fix | None = finding.fix(position_of) if finding.fix else None
        text = finding.message if isinstance(finding.message, str) else finding.message(position_of)
        raised_at = None
        if finding.raised_at is not None:
            (r_line, r_col), (r_end_line, r_end_col) = position_of(finding.raised_at)
            raised_at = (r_line, r_col, r_end_line, r_end_col)
        out.append(Diagnostic(path, line, col, end_line, end_col, finding.code,
                              f"{finding.code} {text}", fix, raised_at=raised_at))
    out.sort(key=lambda d: (d.line, d.column, d.code))
    return out


__all__ = ["RULES", "lint_source"]
