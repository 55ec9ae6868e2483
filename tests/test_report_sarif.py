"""SARIF output: valid against the official 2.1.0 schema, with fingerprints that survive edits."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tflint_grad.checks import RULES
from tflint_grad.report import render
from tflint_grad.types import (
    Confirmation,
    Derivative,
    Diagnostic,
    Edit,
    FileResult,
    Fix,
    Problem,
)

# Read from the shared checkout next to the repository (CI has it too), never vendored.
SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "schemas" / "sarif-schema-2.1.0.json"

SOURCE = """import tensorflow as tf
x = tf.zeros([4, 1])
with tf.GradientTape() as tape:
    u = tf.sin(x)
u_x = tape.gradient(u, x)
u_x = tape.gradient(u, x)
"""


def sarif(results: list[FileResult], root: Path, sources: dict[str, str] | None = None) -> Any:
    return json.loads(render("sarif", results, root=str(root), sources=sources))


def findings(root: Path, source: str = SOURCE, **extra: object) -> list[FileResult]:
    """TFG003 on every `tape.gradient` line of `source`."""
    path = str(root / "src" / "pinn.py")
    diags = tuple(Diagnostic(path, n, 7, n, 26, "TFG003", "TFG003 'x' was never watched",
                             **extra)  # type: ignore[arg-type]
                  for n, text in enumerate(source.splitlines(), 1) if "tape.gradient" in text)
    return [FileResult(path, diags)]


def fingerprints(log: Any) -> list[str]:
    return [r["partialFingerprints"]["tflintGrad/v1"] for r in log["runs"][0]["results"]]


@pytest.fixture(scope="module")
def validator() -> Any:
    if not SCHEMA.is_file():
        pytest.skip(f"official SARIF schema not found at {SCHEMA} (expected in ../shared/schemas)")
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def test_full_log_is_valid_sarif(tmp_path: Path, validator: Any) -> None:
    fix = Fix("watch x", True, (Edit(3, 1, 3, 1, "tape.watch(x)\n"), Edit(5, 1, 5, 4, "v")))
    confirmation = Confirmation("confirmed", "tape.gradient returned None", "2.21",
                                intended=Derivative("du/dx", (4, 1), "float32", (1.0,) * 4, 1e-7))
    results = findings(tmp_path, fix=fix, confirmation=confirmation)
    nb = Diagnostic(str(tmp_path / "nb.ipynb"), 2, 1, 2, 5, "TFG004", "TFG004 None used", cell=3)
    results.append(FileResult(nb.path, (nb,)))
    results.append(FileResult("bad.py", problems=(Problem("bad.py", 2, 3, "SyntaxError: x"),)))
    results.append(FileResult("/elsewhere/c.py", (Diagnostic("/elsewhere/c.py", 1, 1, 1, 2,
                                                             "TFG012", "TFG012 float shape"),)))
    log = sarif(results, tmp_path, {str(tmp_path / "src" / "pinn.py"): SOURCE})
    validator.validate(log)
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == [r.code for r in RULES]
    first = run["results"][0]
    assert first["ruleId"] == "TFG003" and first["ruleIndex"] == 2
    assert first["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "src/pinn.py", "uriBaseId": "%SRCROOT%"}
    assert first["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] == \
        "u_x = tape.gradient(u, x)"
    assert first["properties"]["confirmation"]["status"] == "confirmed"
    assert first["properties"]["confirmation"]["intended"]["fd_error"] == 1e-7
    replacements = first["fixes"][0]["artifactChanges"][0]["replacements"]
    assert replacements[0]["insertedContent"]["text"] == "tape.watch(x)\n"
    notebook = run["results"][2]
    assert notebook["properties"]["cell"] == 3
    assert notebook["locations"][0]["physicalLocation"]["region"]["properties"] == {"cell": 3}
    outside = run["results"][3]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert outside == {"uri": "file:///elsewhere/c.py"}
    notification = run["invocations"][0]["toolExecutionNotifications"][0]
    assert notification["descriptor"]["id"] == "E999"
    assert notification["message"]["text"] == "E999 SyntaxError: x"


def test_empty_log_is_valid(tmp_path: Path, validator: Any) -> None:
    log = sarif([FileResult("a.py")], tmp_path)
    validator.validate(log)
    assert log["runs"][0]["results"] == []


def test_rules_have_descriptions_help_and_a_help_uri(tmp_path: Path) -> None:
    rules = sarif([], tmp_path)["runs"][0]["tool"]["driver"]["rules"]
    for rule, descriptor in zip(RULES, rules):
        assert descriptor["name"] == rule.name
        assert descriptor["shortDescription"]["text"]
        assert descriptor["fullDescription"]["text"]
        assert descriptor["help"]["text"] and descriptor["help"]["markdown"]
        assert descriptor["helpUri"].endswith(f"/rules/{rule.code}-{rule.name}/README.md")


def test_fingerprints_survive_edits_above_and_tell_repeats_apart(tmp_path: Path) -> None:
    before = fingerprints(sarif(findings(tmp_path), tmp_path, {
        str(tmp_path / "src" / "pinn.py"): SOURCE}))
    edited = "# a new comment\n\n" + SOURCE
    after = fingerprints(sarif(findings(tmp_path, edited), tmp_path, {
        str(tmp_path / "src" / "pinn.py"): edited}))
    assert len(before) == 2 and len(set(before)) == 2
    assert before == after


def test_fingerprints_read_the_file_when_no_sources_given(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "pinn.py").write_text(SOURCE)
    from_disk = fingerprints(sarif(findings(tmp_path), tmp_path))
    given = fingerprints(sarif(findings(tmp_path), tmp_path, {
        str(tmp_path / "src" / "pinn.py"): SOURCE}))
    assert from_disk == given


def test_fingerprint_changes_with_the_code_and_the_line(tmp_path: Path) -> None:
    base = fingerprints(sarif(findings(tmp_path), tmp_path, {
        str(tmp_path / "src" / "pinn.py"): SOURCE}))
    changed = SOURCE.replace("u_x = tape.gradient(u, x)\nu_x", "u_x = tape.gradient(u, [x])\nu_x")
    other = fingerprints(sarif(findings(tmp_path, changed), tmp_path,
                               {str(tmp_path / "src" / "pinn.py"): changed}))
    assert other[0] != base[0]
