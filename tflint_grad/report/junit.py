"""`--format junit`: JUnit XML for CI test reports (GitLab, Jenkins, Azure, CircleCI).

One `<testsuite>` per file with findings or problems, one `<testcase>` per finding holding a
`<failure>` (a finding --confirm refuted is `<skipped>`), a problem is an `<error>`. A run
without any is one passing test case, so the report is never empty. Paths are relative to the
project root, as in the github format.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from tflint_grad.report.common import (
    location,
    problem_code,
    problem_message,
    relative_uri,
)
from tflint_grad.types import Diagnostic, FileResult, Problem

SUITE_NAME = "tflint-grad"


def render_junit(results: Sequence[FileResult], root: str) -> str:
    """The XML document, with its declaration."""
    top = ET.Element("testsuites", name=SUITE_NAME)
    for result in results:
        if result.diagnostics or result.problems:
            top.append(_suite(result, root))
    if not len(top):
        suite = ET.SubElement(top, "testsuite", name=SUITE_NAME)
        ET.SubElement(suite, "testcase", name="no findings", classname=SUITE_NAME)
        _count(suite)
    for name in ("tests", "failures", "errors", "skipped"):
        top.set(name, str(sum(int(suite.get(name, "0")) for suite in top)))
    ET.indent(top)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(top, "unicode") + "\n"


def _suite(result: FileResult, root: str) -> ET.Element:
    path = relative_uri(result.path, root) or result.path
    suite = ET.Element("testsuite", name=path)
    for problem in result.problems:
        suite.append(_problem_case(problem, path))
    for d in result.diagnostics:
        suite.append(_finding_case(d, path))
    _count(suite)
    return suite


def _case(path: str, code: str, line: int, column: int, cell: int | None) -> ET.Element:
    where = location(path, line, column, cell)
    case = ET.Element("testcase", name=f"{code} {where}", classname=path, file=path)
    if cell is None:
        case.set("line", str(line))
    return case


def _finding_case(d: Diagnostic, path: str) -> ET.Element:
    case = _case(path, d.code, d.line, d.column, d.cell)
    where = location(path, d.line, d.column, d.cell)
    if d.confirmation is not None and d.confirmation.status == "refuted":
        ET.SubElement(case, "skipped", message=f"refuted by --confirm: {d.confirmation.outcome}")
        return case
    failure = ET.SubElement(case, "failure", message=d.message, type=d.code)
    body = [f"{where}: {d.message}"]
    if d.fix is not None:
        body.append(f"{'fix' if d.fix.safe else 'unsafe fix'}: {d.fix.description}")
    if d.confirmation is not None:
        body.append(f"{d.confirmation.status}: {d.confirmation.outcome}")
    failure.text = "\n".join(body)
    return case


def _problem_case(problem: Problem, path: str) -> ET.Element:
    code = problem_code(problem)
    case = _case(path, code, problem.line, problem.column, problem.cell)
    error = ET.SubElement(case, "error", message=problem_message(problem), type=code)
    error.text = f"{location(path, problem.line, problem.column, problem.cell)}: " \
                 f"{problem_message(problem)}"
    return case


def _count(suite: ET.Element) -> None:
    cases = suite.findall("testcase")
    suite.set("tests", str(len(cases)))
    for name, child in (("failures", "failure"), ("errors", "error"), ("skipped", "skipped")):
        suite.set(name, str(sum(case.find(child) is not None for case in cases)))
