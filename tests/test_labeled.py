"""The labelled corpus, tests/labeled/, and the demo programs in fixtures/: one harness.

Layout (one folder per rule, read from the catalog):

    tests/labeled/TFGnnn/flagged/<name>.py   TFGnnn fires: `# expect: TFGnnn` on each line where
                                             TensorFlow misbehaves (a program with several codes
                                             lives in the folder of its main code)
    tests/labeled/TFGnnn/clean/<name>.py     correct programs that look like a TFGnnn pitfall:
                                             no labels, and the engine must report nothing

File names are unique across the tree (`real_*` is the real-world set). fixtures/ stays where
the README's `make demo` uses it and is checked the same way (labels only, no folder rules).

Every program is linted with `lint_source` and its (line, code) findings must equal its labels,
exactly. A program the engine still gets wrong carries `# known-miss: <what the engine misses>`
at the end of its FIRST line (a comment line: appending there shifts no line); its lint test is
then a strict xfail with that reason, so a fix makes it flip. The labels and the marker are
parsed by tests/recorder.py, the one parser of both.

`test_labels_hold_in_tensorflow` runs every program through the recorder (tests/recorder.py,
gradient APIs instrumented, TF imported once, one fork per program) and checks that each label
misbehaves in TF as its code says and that unlabeled lines and clean programs do not.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import recorder

from tflint_grad.api import lint_source
from tflint_grad.confirm.outcome import states
from tflint_grad.catalog import CATALOG

ROOT = Path(__file__).resolve().parents[1]
LABELED = ROOT / "tests" / "labeled"
FIXTURES = ROOT / "fixtures"
KINDS = ("flagged", "clean")
CODES = {entry.code for entry in CATALOG}
# Today's programs: tests/cases (82), cases3 (60), adversarial (65), adversarial2 (42), moved
# into tests/labeled, and fixtures/ (27). None of them may get lost; new ones only add.
MINIMUM_PROGRAMS = 276


def labeled_programs() -> list[Path]:
    return recorder.programs([LABELED])


def fixture_programs() -> list[Path]:
    return recorder.programs([FIXTURES])


def all_programs() -> list[Path]:
    return labeled_programs() + fixture_programs()


def shown(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def reported(path: Path) -> set[tuple[int, str]]:
    """The (line, code) pairs lint_source reports for a program that parses."""
    result = lint_source(path.read_text(encoding="utf-8"), str(path))
    assert not result.problems, result.problems
    return {(d.line, d.code) for d in result.diagnostics}


def _params() -> list[object]:
    params = []
    for path in all_programs():
        reason = recorder.known_miss(path)
        marks = [] if reason is None else [pytest.mark.xfail(strict=True, reason=reason)]
        params.append(pytest.param(path, id=shown(path), marks=marks))
    return params


# ------------------------------------------------------------------------------ the parsers

def test_expect_comments_are_parsed() -> None:
    source = "a = 1\ng = tape.gradient(u, x)  # expect: TFG001, TFG004\nh = 2  # expect:TFG006\n"
    assert recorder.labels_of_source(source) == {2: {"TFG001", "TFG004"}, 3: {"TFG006"}}
    assert recorder.labels_of_source("x = 1  # expect TFG001\n# expect: tfg001\n") == {}


def test_known_miss_marker_is_parsed_on_the_first_line_only() -> None:
    head = "# A helper that hides the tape.  # known-miss: FN line 3: helper not followed  \n"
    assert recorder.known_miss_of_source(head + "import tensorflow as tf\n") == (
        "FN line 3: helper not followed")
    assert recorder.known_miss_of_source("# header\n# known-miss: late\n") is None
    assert recorder.known_miss_of_source("x = 1  # known-miss: on code\n") is None
    assert recorder.known_miss_of_source("") is None
    assert recorder.marker_lines("# a\nx = 1  # known-miss: b\n") == [2]


# --------------------------------------------------------------------------- the tree shape

def test_tree_shape() -> None:
    """<CODE>/<flagged|clean>/<name>.py only, CODE from the catalog, flagged programs labelled
    with their folder's code, clean ones unlabelled, names unique, enough programs."""
    programs = labeled_programs()
    stray = [shown(p) for p in LABELED.rglob("*.py")
             if not any(part.startswith(".") for part in p.relative_to(LABELED).parts)
             and p not in programs]
    assert not stray, f"helpers or stray files in tests/labeled: {stray}"
    for path in programs:
        parts = path.relative_to(LABELED).parts
        assert len(parts) == 3, shown(path)
        code, kind, name = parts
        assert code in CODES, f"{shown(path)}: {code} is not a catalog code"
        assert kind in KINDS, shown(path)
        assert re.fullmatch(r"[a-z0-9][A-Za-z0-9_]*\.py", name), shown(path)
        found = {c for codes in recorder.labels(path).values() for c in codes}
        if kind == "flagged":
            assert code in found, f"{shown(path)}: no `# expect: {code}` label"
        else:
            assert not found, f"{shown(path)}: a clean program has labels {sorted(found)}"
    counts = Counter(p.name for p in programs)
    assert not [n for n, k in counts.items() if k > 1], "file names must be unique"
    assert len(programs) + len(fixture_programs()) >= MINIMUM_PROGRAMS


def test_known_miss_markers_sit_on_line_one() -> None:
    """A marker anywhere else would be ignored; a marker on line 1 needs a comment line."""
    misplaced = {}
    for path in all_programs():
        lines = recorder.marker_lines(path.read_text(encoding="utf-8"))
        if lines and (lines != [1] or recorder.known_miss(path) is None):
            misplaced[shown(path)] = lines
    assert not misplaced, misplaced


# ------------------------------------------------------------------------------- the engine

@pytest.mark.parametrize("path", _params())
def test_findings_match_labels(path: Path) -> None:
    assert reported(path) == recorder.findings(path)


# ---------------------------------------------------------------------------- in TensorFlow

@pytest.mark.needs_tensorflow
def test_labels_hold_in_tensorflow() -> None:
    """Every label misbehaves in TF 2.21 as its code says; unlabeled lines and clean programs
    don't. All programs through one subprocess (TF imported once, one fork per program)."""
    pytest.importorskip("tensorflow")
    programs = all_programs()
    reports = recorder.run_reports(programs)
    errors = {path: recorder.check(path, reports[path]) if path in reports else ["no report"]
              for path in programs}
    bad = {shown(path): errs for path, errs in errors.items() if errs}
    assert not bad, bad
    # Every finding on a labelled line states what TensorFlow did there first: the exception
    # Python raised (its class), None, or zeros.
    wrong = {}
    for path in programs:
        for diagnostic in lint_source(path.read_text(encoding="utf-8"), str(path)).diagnostics:
            did = what_tensorflow_did(reports[path], diagnostic.line)
            if did is not None and not states(diagnostic.message, did):
                wrong[f"{shown(path)}:{diagnostic.line}"] = (did, diagnostic.message[:120])
    assert not wrong, wrong


def what_tensorflow_did(report: dict, line: int) -> str | None:
    """'raised TypeError', 'returned None' or 'returned zeros' on a line, from a recorded run."""
    events = [e for e in report.get("events", []) if e["line"] == line]
    raised = next((e for e in events if e["outcome"] == "raised"), None)
    uncaught = report.get("uncaught")
    if raised is not None:
        return f"raised {raised['exc']}: {raised.get('msg', '')}"
    if uncaught is not None and uncaught["line"] == line:
        return f"raised {uncaught['exc']}: {uncaught['msg']}"
    if any(e["outcome"] == "zeros" and e["kind"] in recorder.JACOBIANS for e in events):
        return "returned zeros"  # batch_jacobian's own inner gradient calls return None
    if any(e["outcome"] == "none" for e in events):
        return "returned None"
    if any(e["outcome"] == "zeros" for e in events):
        return "returned zeros"
    return None
