"""mypy --strict is clean on tflint_grad/, as STYLE.md asks; run with the project's config."""
from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_mypy_strict_is_clean(tmp_path: Path) -> None:
    if importlib.util.find_spec("mypy") is None:
        pytest.skip(f"mypy is not importable by {sys.executable}: `pip install -e '.[dev]'`")
    # A fresh cache directory: the run checks today's source and leaves nothing in the tree.
    proc = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--cache-dir",
                           str(tmp_path / "mypy_cache"), "tflint_grad"], cwd=ROOT,
                          check=False, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
