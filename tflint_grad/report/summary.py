"""The run's counts, defined once, and the words every format says them in.

- findings: the findings reported (after select/ignore, per-file-ignores and noqa);
- files with findings: the files holding at least one of them;
- files checked: the files read and linted (a file no rule can fire on is checked too);
- files not linted: the files reported as E999, E902 or TFG000 instead (apart from those checked);
- fixable: the findings `--fix` repairs (marked `[*]`; with --unsafe-fixes, unsafe fixes count);
- fixed: the findings `--fix` repaired with their own fix; a fix can make others go away too.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from tflint_grad.catalog import BY_CODE as RULES_BY_CODE
from tflint_grad.report.common import diagnostics, problem_code
from tflint_grad.types import Diagnostic, FileResult

_PROBLEM_NAMES = {"E999": "syntax-error", "E902": "skipped-file", "TFG000": "internal-error",
                  "TFG100": "unused-noqa"}


@dataclass(frozen=True, slots=True)
class Counts:
    """What the summary line says, with the same names in `--format json --statistics`."""

    findings: int
    files_with_findings: int
    files_checked: int
    files_not_linted: int
    fixable: int
    fixable_unsafe: int  # repaired only with --unsafe-fixes (0 when it was given)
    confirmed: int
    refuted: int
    not_run: int


def fixable(d: Diagnostic, unsafe: bool = False) -> bool:
    """Does --fix (with --unsafe-fixes when `unsafe`) apply this finding's fix?"""
    return d.fix is not None and (d.fix.safe or unsafe)


def count(results: Sequence[FileResult], unsafe: bool = False) -> Counts:
    """The counts of one run."""
    found = list(diagnostics(results))
    not_linted = {r.path for r in results if r.problems}
    statuses = Counter(d.confirmation.status for d in found if d.confirmation is not None)
    return Counts(
        findings=len(found),
        files_with_findings=len({d.path for d in found}),
        files_checked=len({r.path for r in results} - not_linted),
        files_not_linted=len(not_linted),
        fixable=sum(fixable(d, unsafe) for d in found),
        fixable_unsafe=sum(d.fix is not None and not fixable(d, unsafe) for d in found),
        confirmed=statuses["confirmed"], refuted=statuses["refuted"], not_run=statuses["not run"])


def plural(n: int, word: str) -> str:
    """`1 finding`, `2 findings`."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def summary_line(counts: Counts, unsafe: bool = False) -> str:
    """`Found 6 findings in 1 file (3 files checked). 2 fixable with --fix.`"""
    checked = f"({plural(counts.files_checked, 'file')} checked)"
    if counts.findings:
        line = (f"Found {plural(counts.findings, 'finding')} in "
                f"{plural(counts.files_with_findings, 'file')} {checked}")
    else:
        line = f"No findings {checked}"
    if counts.confirmed or counts.refuted or counts.not_run:
        parts = [f"{counts.confirmed} confirmed"]
        parts += [f"{n} {label}" for n, label in ((counts.refuted, "refuted"),
                                                  (counts.not_run, "not run")) if n]
        line += ": " + ", ".join(parts)
    line += "."
    flag = "--fix --unsafe-fixes" if unsafe else "--fix"
    if counts.fixable and counts.fixable_unsafe:
        line += (f" {counts.fixable} fixable with {flag}, {counts.fixable_unsafe} more with "
                 f"--unsafe-fixes.")
    elif counts.fixable:
        line += f" {counts.fixable} fixable with {flag}."
    elif counts.fixable_unsafe:
        line += f" {counts.fixable_unsafe} fixable with --fix --unsafe-fixes."
    if counts.files_not_linted:
        line += f" {plural(counts.files_not_linted, 'file')} could not be linted."
    return line


def fixed_line(fixed: int, files: int, gone: int, dry_run: bool) -> str:
    """`Fixed 3 findings in 2 files.` (`Would fix` for --diff), and what went with them."""
    verb = "Would fix" if dry_run else "Fixed"
    line = f"{verb} {plural(fixed, 'finding')} in {plural(files, 'file')}."
    others = gone - fixed
    if others > 0:
        went = "would go" if dry_run else "went"
        line += f" {plural(others, 'other finding')} {went} away with them."
    return line


def rule_name(code: str) -> str:
    """The rule's name, or what a problem code or TFG100 stands for."""
    rule = RULES_BY_CODE.get(code)
    return rule.name if rule else _PROBLEM_NAMES.get(code, "")


def statistics(results: Sequence[FileResult], unsafe: bool = False) -> list[tuple[str, str, int,
                                                                                   int]]:
    """(code, name, count, fixable) per code, problems included, sorted by code."""
    counts: Counter[str] = Counter()
    repairable: Counter[str] = Counter()
    for d in diagnostics(results):
        counts[d.code] += 1
        repairable[d.code] += fixable(d, unsafe)
    for result in results:
        counts.update(problem_code(p) for p in result.problems)
    return [(code, rule_name(code), counts[code], repairable[code]) for code in sorted(counts)]
