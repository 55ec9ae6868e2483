"""CI report formats: concise, JUnit XML and GitLab code quality, checked as their consumers read
them (the JUnit elements CI servers parse; GitLab's documented required fields)."""
from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema

from tflint_grad.report import render
from tflint_grad.types import Confirmation, Diagnostic, FileResult, Fix, Problem

FIX = Fix("watch x", True, ())
SOURCE = "import tensorflow as tf\nu_x = tape.gradient(u, x)\nu_x = tape.gradient(u, x)\n"


def results(root: Path) -> list[FileResult]:
    path = str(root / "pkg" / "a.py")
    refuted = Confirmation("refuted", "tape.gradient returned a tensor", "2.21")
    return [
        FileResult(path, (Diagnostic(path, 2, 7, 2, 26, "TFG001", "TFG001 none <&>", FIX),
                          Diagnostic(path, 3, 7, 3, 26, "TFG001", "TFG001 none <&>"),
                          Diagnostic(path, 3, 7, 3, 26, "TFG004", "TFG004 is None",
                                     confirmation=refuted))),
        FileResult(str(root / "nb.ipynb"), (Diagnostic(str(root / "nb.ipynb"), 4, 5, 4, 9,
                                                       "TFG003", "TFG003 unwatched", cell=2),)),
        FileResult(str(root / "bad.py"), problems=(Problem(str(root / "bad.py"), 2, 9,
                                                           "SyntaxError: x"),)),
        FileResult(str(root / "clean.py")),
    ]


def sources(root: Path) -> dict[str, str]:
    return {str(root / "pkg" / "a.py"): SOURCE}


# --- concise ----------------------------------------------------------------------------------

def test_concise_is_one_line_per_finding_with_the_fix_marker(tmp_path: Path) -> None:
    out = render("concise", results(tmp_path), root=str(tmp_path)).splitlines()
    a = tmp_path / "pkg" / "a.py"
    assert out == [
        f"{a}:2:7: TFG001 [*] none <&>",
        f"{a}:3:7: TFG001 none <&>",
        f"{a}:3:7: TFG004 is None",
        f"{tmp_path / 'nb.ipynb'}:cell 2:4:5: TFG003 unwatched",
        f"{tmp_path / 'bad.py'}:2:9: E999 SyntaxError: x",
        ("Found 4 findings in 2 files (3 files checked): 0 confirmed, 1 refuted. "
         "1 fixable with --fix. 1 file could not be linted."),
    ]


# --- JUnit ------------------------------------------------------------------------------------

def test_junit_has_the_elements_ci_servers_read(tmp_path: Path) -> None:
    text = render("junit", results(tmp_path), root=str(tmp_path), sources=sources(tmp_path))
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    top = ET.fromstring(text)
    assert top.tag == "testsuites"
    suites = list(top)
    assert all(s.tag == "testsuite" for s in suites)
    assert [s.get("name") for s in suites] == ["pkg/a.py", "nb.ipynb", "bad.py"]
    for suite in suites:
        cases = list(suite)
        assert cases and all(c.tag == "testcase" for c in cases)
        assert int(suite.get("tests", "")) == len(cases)
        for kind in ("failure", "error", "skipped"):
            counted = sum(c.find(kind) is not None for c in cases)
            assert int(suite.get(kind + "s" if kind != "skipped" else kind, "")) == counted
        for case in cases:
            assert case.get("name") and case.get("classname") == suite.get("name")
            outcomes = list(case)
            assert len(outcomes) <= 1 and all(o.tag in ("failure", "error", "skipped")
                                              for o in outcomes)
            for outcome in outcomes:
                assert outcome.get("message")
                if outcome.tag != "skipped":
                    assert outcome.get("type") and outcome.text
    for name in ("tests", "failures", "errors", "skipped"):
        assert int(top.get(name, "")) == sum(int(s.get(name, "")) for s in suites)
    assert (top.get("tests"), top.get("failures"), top.get("errors"), top.get("skipped")) == \
        ("5", "3", "1", "1")
    first = suites[0][0]
    assert first.get("name") == "TFG001 pkg/a.py:2:7" and first.get("line") == "2"
    failure = first.find("failure")
    assert failure is not None and failure.get("message") == "TFG001 none <&>"
    assert failure.text == "pkg/a.py:2:7: TFG001 none <&>\nfix: watch x"
    error = suites[2][0].find("error")
    assert error is not None and error.get("type") == "E999"


def test_junit_without_findings_is_one_passing_case(tmp_path: Path) -> None:
    top = ET.fromstring(render("junit", [FileResult("a.py")], root=str(tmp_path)))
    assert (top.get("tests"), top.get("failures"), top.get("errors")) == ("1", "0", "0")
    (suite,) = list(top)
    (case,) = list(suite)
    assert case.tag == "testcase" and list(case) == []


# --- GitLab code quality ----------------------------------------------------------------------

# https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format: a JSON array of
# issues; these fields are required, severity is one of the five levels.
GITLAB_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "pattern": "^[^/]"},  # relative to the repo
                    "lines": {"type": "object", "required": ["begin"],
                              "properties": {"begin": {"type": "integer", "minimum": 1}}},
                },
            },
        },
    },
}


def test_gitlab_report_has_the_required_fields(tmp_path: Path) -> None:
    issues = json.loads(render("gitlab", results(tmp_path), root=str(tmp_path),
                               sources=sources(tmp_path)))
    jsonschema.validate(issues, GITLAB_SCHEMA)
    assert [(i["check_name"], i["location"]["path"], i["location"]["lines"]["begin"],
             i["severity"]) for i in issues] == [
        ("TFG001", "pkg/a.py", 2, "major"), ("TFG001", "pkg/a.py", 3, "major"),
        ("TFG004", "pkg/a.py", 3, "info"), ("TFG003", "nb.ipynb", 1, "major"),
        ("E999", "bad.py", 2, "critical")]
    # GitLab keeps one issue per fingerprint: identical lines still get distinct ones.
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    assert issues[3]["description"] == "cell 2, line 4: TFG003 unwatched"


def test_gitlab_fingerprints_survive_an_edit_above(tmp_path: Path) -> None:
    def fingerprints(shift: int) -> list[str]:
        path = str(tmp_path / "a.py")
        moved = [Diagnostic(path, 2 + shift, 7, 2 + shift, 26, "TFG001", "TFG001 none")]
        text = "\n" * shift + SOURCE
        issues = json.loads(render("gitlab", [FileResult(path, tuple(moved))],
                                   root=str(tmp_path), sources={path: text}))
        return [i["fingerprint"] for i in issues]

    assert fingerprints(0) == fingerprints(3)


def test_gitlab_and_junit_from_the_command_line(tmp_path: Path) -> None:
    (tmp_path / "bad.py").write_text("import tensorflow as tf\nx = tf.constant(1.0)\n"
                                     "with tf.GradientTape() as tape:\n    y = x * x\n"
                                     "g = tape.gradient(y, x)\n")
    for fmt in ("gitlab", "junit"):
        proc = subprocess.run([sys.executable, "-m", "tflint_grad", "--no-cache", "--format", fmt,
                               "."], cwd=tmp_path, check=False, capture_output=True, text=True,
                              timeout=120)
        assert proc.returncode == 1, proc.stderr
        if fmt == "gitlab":
            issues = json.loads(proc.stdout)
            jsonschema.validate(issues, GITLAB_SCHEMA)
            assert [(i["location"]["path"], i["check_name"]) for i in issues] == \
                [("bad.py", "TFG003")]
        else:
            case = ET.fromstring(proc.stdout).find("testsuite/testcase")
            assert case is not None and case.get("classname") == "bad.py"
