"""Without TensorFlow installed, the tests that run it are skipped with one clear reason; the
static tests still run. A test runs TensorFlow when it uses the `runner` or `tensorflow_runs`
fixture or is marked `needs_tensorflow`."""
from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

_TENSORFLOW_FIXTURES = {"runner", "tensorflow_runs"}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "needs_tensorflow: the test runs TensorFlow")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # TFLINT_GRAD_TEST_WITHOUT_TF=1: behave as on a machine without TensorFlow (the test of this
    # file sets it, and blocks the import, to show the static tests never need TensorFlow).
    hidden = os.environ.get("TFLINT_GRAD_TEST_WITHOUT_TF") == "1"
    if not hidden and importlib.util.find_spec("tensorflow") is not None:
        return
    skip = pytest.mark.skip(reason="TensorFlow is not installed (make dev installs it)")
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if fixtures & _TENSORFLOW_FIXTURES or item.get_closest_marker("needs_tensorflow"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def precommit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A HOME whose pre-commit cache holds the hook's environment, built once per session."""
    from precommit_sandbox import warm_home

    return warm_home(tmp_path_factory)
