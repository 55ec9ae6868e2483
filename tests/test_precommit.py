"""The pre-commit hook, run by real `pre-commit try-repo` against this repository's HEAD."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BAD = next(iter(sorted(ROOT.glob("rules/TFG001-*/bad.py"))), None)
GOOD = next(iter(sorted(ROOT.glob("rules/TFG001-*/good.py"))), None)
# Signs that pre-commit could not build the hook's environment for want of the network.
OFFLINE = ("Could not find a version", "No matching distribution", "NewConnectionError",
           "Temporary failure in name resolution", "Network is unreachable", "ProxyError")


def git(*args: str, cwd: Path, env: dict[str, str] | None = None) -> str:
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True,
                          text=True, timeout=120).stdout.strip()


class Sandbox:
    """A fresh git repository, a private HOME and one shared pre-commit cache."""

    def __init__(self, home: Path, repo: Path) -> None:
        self.repo = repo
        self.env = {**os.environ, "HOME": str(home), "PRE_COMMIT_HOME": str(home / "cache"),
                    "GIT_CONFIG_NOSYSTEM": "1", "PRE_COMMIT_COLOR": "never", "NO_COLOR": "1"}
        self.env.pop("PYTHONPATH", None)  # the hook must run the installed copy, not ours
        repo.mkdir()
        git("init", "-q", cwd=repo, env=self.env)
        git("config", "user.email", "dev@example.com", cwd=repo, env=self.env)
        git("config", "user.name", "dev", cwd=repo, env=self.env)

    def add(self, name: str, text: str) -> None:
        (self.repo / name).write_text(text, encoding="utf-8")
        git("add", name, cwd=self.repo, env=self.env)

    def try_repo(self) -> subprocess.CompletedProcess[str]:
        head = git("rev-parse", "HEAD", cwd=ROOT)
        return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT),
                               "tflint-grad", "--ref", head, "--all-files"], cwd=self.repo,
                              env=self.env, check=False, capture_output=True, text=True,
                              timeout=900)


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A HOME whose pre-commit cache holds the hook's environment, built once."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    committed = subprocess.run(["git", "cat-file", "-e", "HEAD:.pre-commit-hooks.yaml"],
                               cwd=ROOT, check=False, capture_output=True)
    if committed.returncode != 0:
        pytest.skip(".pre-commit-hooks.yaml is not committed at HEAD; try-repo tests HEAD")
    if BAD is None or GOOD is None:
        pytest.skip("rules/TFG001-*/bad.py and good.py are missing")
    home = tmp_path_factory.mktemp("precommit-home")
    warm = Sandbox(home, home / "warm-up")
    warm.add("empty.py", "x = 1\n")
    proc = warm.try_repo()
    output = proc.stdout + proc.stderr
    if proc.returncode != 0 and any(sign in output for sign in OFFLINE):
        pytest.skip(f"pre-commit could not install the hook (no registry?): {output[-400:]}")
    assert proc.returncode == 0, output
    return home


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
