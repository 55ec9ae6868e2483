"""The pre-commit hook, run by real `pre-commit try-repo` against this repository's HEAD."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from precommit_sandbox import ROOT, Sandbox

BAD = next(iter(sorted(ROOT.glob("rules/TFG001-*/bad.py"))), None)
GOOD = next(iter(sorted(ROOT.glob("rules/TFG001-*/good.py"))), None)


@pytest.fixture()
def home(precommit_home: Path) -> Path:
    """A HOME whose pre-commit cache holds the hook's environment, built once per session."""
    if BAD is None or GOOD is None:
        pytest.skip("rules/TFG001-*/bad.py and good.py are missing")
    return precommit_home


def commit(home: Path, tmp_path: Path, name: str, text: str) -> subprocess.CompletedProcess[str]:
    """Stage one file in a new repository and run the hook on it."""
    sandbox = Sandbox(home, tmp_path / "repo")
    sandbox.add(name, text)
    return sandbox.try_repo()


def test_clean_code_passes(home: Path, tmp_path: Path) -> None:
    assert GOOD is not None
    proc = commit(home, tmp_path, "train.py", GOOD.read_text(encoding="utf-8"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "tflint-grad" in proc.stdout and "Passed" in proc.stdout


def test_files_without_python_are_skipped(home: Path, tmp_path: Path) -> None:
    proc = commit(home, tmp_path, "notes.txt", "import tensorflow as tf\n")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "no files to check" in proc.stdout.lower()


def test_a_pitfall_fails_the_commit_and_is_shown(home: Path, tmp_path: Path) -> None:
    assert BAD is not None
    proc = commit(home, tmp_path, "train.py", BAD.read_text(encoding="utf-8"))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Failed" in proc.stdout
    assert "train.py:" in proc.stdout and "TFG001" in proc.stdout


def test_configured_excludes_hold_for_the_file_names_pre_commit_passes(
        home: Path, tmp_path: Path) -> None:
    assert BAD is not None
    sandbox = Sandbox(home, tmp_path / "repo")
    (sandbox.repo / "generated").mkdir()
    sandbox.add("pyproject.toml", '[tool.tflint-grad]\nexclude = ["generated/"]\n')
    sandbox.add("generated/train.py", BAD.read_text(encoding="utf-8"))
    proc = sandbox.try_repo()
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "TFG001" not in proc.stdout


def test_notebooks_are_linted_too(home: Path, tmp_path: Path) -> None:
    import json

    assert BAD is not None
    cell = {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
            "source": BAD.read_text(encoding="utf-8").splitlines(keepends=True)}
    notebook = {"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    proc = commit(home, tmp_path, "train.ipynb", json.dumps(notebook))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "train.ipynb:cell 1:" in proc.stdout and "TFG001" in proc.stdout
