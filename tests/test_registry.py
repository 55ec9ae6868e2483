"""A rule cannot be half-registered: its catalog entry, its module, its rules/ folder and its
labelled programs must all exist and agree. Each test names the missing or disagreeing place.

What TensorFlow does is checked against the catalog's declared outcome elsewhere, in real
TensorFlow: tests/test_rules_docs.py (bad.py raises the declared exception on its labelled
line, or its gradient call returns None) and tests/test_confirm_rules.py (--confirm states it).
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from tflint_grad import catalog, checks
from tflint_grad.api import lint_source
from tflint_grad.catalog import CATALOG, FixSafety, Result
from tflint_grad.checks import RULES, RegistryError
from tflint_grad.model.paths import Why

REPO = Path(__file__).resolve().parent.parent
CODES = [entry.code for entry in CATALOG]


def test_codes_are_unique_and_in_order() -> None:
    assert CODES == sorted(set(CODES))
    assert [rule.code for rule in RULES] == CODES


@pytest.mark.parametrize("entry", CATALOG, ids=lambda e: e.code)
def test_the_catalog_entry_is_complete(entry: catalog.Entry) -> None:
    assert entry.triggers and entry.summary and entry.outcomes, entry.code
    for outcome in entry.outcomes:
        assert (outcome.result is Result.RAISES) == bool(outcome.exception), (
            f"{entry.code}: a raising outcome names its exception, and only it")
    assert (REPO / "tflint_grad" / "checks" / f"{entry.module}.py").is_file()


@pytest.mark.parametrize("entry", CATALOG, ids=lambda e: e.code)
def test_the_rule_has_its_documentation_folder(entry: catalog.Entry) -> None:
    folder = REPO / "rules" / f"{entry.code}-{entry.name}"
    missing = [name for name in ("README.md", "bad.py", "good.py") if not (folder / name).is_file()]
    assert not missing, f"{entry.code}: {folder} lacks {missing}"
    has_fixed = (folder / "fixed.py").is_file()
    assert has_fixed == (entry.fix is not FixSafety.NONE), (
        f"{entry.code}: the catalog says fix={entry.fix.value}, and fixed.py "
        f"{'exists' if has_fixed else 'does not'}")


@pytest.mark.parametrize("entry", CATALOG, ids=lambda e: e.code)
def test_the_rule_has_flagged_and_clean_labelled_programs(entry: catalog.Entry) -> None:
    for kind in ("flagged", "clean"):
        folder = REPO / "tests" / "labeled" / entry.code / kind
        assert folder.is_dir() and any(folder.glob("*.py")), (
            f"{entry.code}: no labelled program in {folder.relative_to(REPO)}")


@pytest.mark.parametrize("entry", CATALOG, ids=lambda e: e.code)
def test_the_fix_of_bad_has_the_declared_safety(entry: catalog.Entry) -> None:
    path = REPO / "rules" / f"{entry.code}-{entry.name}" / "bad.py"
    found = [d for d in lint_source(path.read_text(encoding="utf-8"), str(path)).diagnostics
             if d.code == entry.code]
    assert found, f"{entry.code}: bad.py is not flagged"
    fixes = [d.fix for d in found]
    if entry.fix is FixSafety.NONE:
        assert fixes == [None] * len(found), f"{entry.code} declares no fix but offers one"
    else:
        assert all(f is not None for f in fixes), f"{entry.code}: bad.py gets no fix"
        assert all(f.safe == (entry.fix is FixSafety.SAFE) for f in fixes if f is not None), (
            f"{entry.code}: the catalog says the fix is {entry.fix.value}")


def test_every_reason_of_the_model_is_reported_by_one_rule() -> None:
    for why in Why:
        assert checks.code_for(why) in CODES, why


def test_a_catalog_entry_without_its_module_fails_with_a_clear_message(
        monkeypatch: pytest.MonkeyPatch) -> None:
    extra = dataclasses.replace(CATALOG[0], code="TFG999", name="not-written-yet")
    monkeypatch.setattr(checks, "CATALOG", (*CATALOG, extra))
    with pytest.raises(RegistryError, match=r"TFG999 is in the catalog but "
                                            r"tflint_grad/checks/tfg999_not_written_yet.py"):
        checks._build()


def test_a_module_without_its_entry_fails_with_a_clear_message(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(checks, "CATALOG", CATALOG[1:])
    with pytest.raises(RegistryError, match="tfg001_source_transformed_outside_tape"):
        checks._build()


def test_a_module_that_declares_another_code_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    from tflint_grad.checks import tfg002_tf_gradients_in_eager as module

    monkeypatch.setattr(module, "CODE", "TFG099")
    with pytest.raises(RegistryError, match=r"must define CODE = 'TFG002'"):
        checks._build()
