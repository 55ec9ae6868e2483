"""Real `pre-commit try-repo` against this repository's HEAD, in a throw-away git repository.

Shared by the pre-commit tests and the one-configuration test; the hook's environment is built
once per test session (the `precommit_home` fixture in conftest.py).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
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
        self.env.pop("TFLINT_GRAD_OUTPUT_FORMAT", None)
        repo.mkdir()
        git("init", "-q", cwd=repo, env=self.env)
        git("config", "user.email", "dev@example.com", cwd=repo, env=self.env)
        git("config", "user.name", "dev", cwd=repo, env=self.env)

    def add(self, name: str, text: str) -> None:
        (self.repo / name).parent.mkdir(parents=True, exist_ok=True)
        (self.repo / name).write_text(text, encoding="utf-8")
        git("add", name, cwd=self.repo, env=self.env)

    def try_repo(self) -> subprocess.CompletedProcess[str]:
        head = git("rev-parse", "HEAD", cwd=ROOT)
        return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT),
                               "tflint-grad", "--ref", head, "--all-files"], cwd=self.repo,
                              env=self.env, check=False, capture_output=True, text=True,
                              timeout=900)


def warm_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A HOME whose pre-commit cache holds the hook's environment (or skip, saying why)."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    committed = subprocess.run(["git", "cat-file", "-e", "HEAD:.pre-commit-hooks.yaml"],
                               cwd=ROOT, check=False, capture_output=True)
    if committed.returncode != 0:
        pytest.skip(".pre-commit-hooks.yaml is not committed at HEAD; try-repo tests HEAD")
    home = tmp_path_factory.mktemp("precommit-home")
    warm = Sandbox(home, home / "warm-up")
    warm.add("empty.py", "x = 1\n")
    proc = warm.try_repo()
    output = proc.stdout + proc.stderr
    if proc.returncode != 0 and any(sign in output for sign in OFFLINE):
        pytest.skip(f"pre-commit could not install the hook (no registry?): {output[-400:]}")
    assert proc.returncode == 0, output
    return home
