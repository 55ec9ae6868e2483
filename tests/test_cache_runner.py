"""Findings are identical cold or cached, with 1 or N workers, in any file order."""
from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tflint_grad import runner
from tflint_grad.cache import Cache, from_plain, to_plain
from tflint_grad.files import SourceFile
from tflint_grad.filters import Filters
from tflint_grad.types import FileResult

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def corpus() -> list[SourceFile]:
    return [SourceFile(f"fixtures/{p.name}", p.read_text(encoding="utf-8"))
            for p in sorted(FIXTURES.glob("*.py"))]


def results(linted: list[runner.Linted]) -> list[FileResult]:
    return [item.result for item in linted]


def test_jobs_and_order_do_not_change_results(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "_POOL_MIN_CHARS", 0)  # make jobs=2 really use the pool
    sources = corpus()
    serial = results(runner.run(sources, Filters(), jobs=1))
    assert any(r.diagnostics for r in serial)
    shuffled = sources[:]
    random.Random(7).shuffle(shuffled)
    assert results(runner.run(shuffled, Filters(), jobs=2)) == serial
    assert results(runner.run(list(reversed(sources)), Filters(), jobs=3)) == serial


def test_cache_hit_equals_cold_result(tmp_path: Path) -> None:
    sources = corpus()
    cold = results(runner.run(sources, Filters()))
    cache = Cache(tmp_path / "c")
    assert results(runner.run(sources, Filters(), cache=cache)) == cold
    assert cache.save() is None
    warm_cache = Cache(tmp_path / "c")
    assert warm_cache.entries
    assert results(runner.run(sources, Filters(), cache=warm_cache)) == cold
    assert not warm_cache.dirty  # everything came from the cache


def test_serialization_round_trip() -> None:
    for result in results(runner.run(corpus(), Filters())):
        assert from_plain(json.loads(json.dumps(to_plain(result)))) == result


def test_cache_key_depends_on_text_path_and_engine(tmp_path: Path) -> None:
    assert Cache.key("a.py", "x") != Cache.key("a.py", "y") != Cache.key("b.py", "y")
    assert Cache(tmp_path, "one").file != Cache(tmp_path, "two").file
    broken = Cache(tmp_path, "one")
    broken.entries["k"] = {"nonsense": 1}
    assert broken.get("k") is None


def test_engine_exception_becomes_internal_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(source: str, path: str) -> FileResult:
        raise ValueError("boom\nsecond line")

    import tflint_grad.api

    monkeypatch.setattr(tflint_grad.api, "lint_source", explode)
    source = SourceFile("a.py", "import tensorflow as tf\ntf.GradientTape\n")
    result = runner.run([source, SourceFile("b.py", "print(1)\n")], Filters())
    problem = result[0].result.problems[0]
    assert problem.kind == "internal-error" and problem.message == \
        "internal error: ValueError: boom"
    assert result[1].result == FileResult("b.py")


def test_cli_warm_run_equals_cold_and_cache_lives_at_project_root(tmp_path: Path) -> None:
    project = tmp_path / "proj"
    shutil.copytree(FIXTURES, project / "fixtures")
    (project / "pyproject.toml").write_text("[tool.tflint-grad]\nignore = []\n")

    def lint(*extra: str) -> str:
        proc = subprocess.run([sys.executable, "-m", "tflint_grad", "--format", "json", *extra,
                               "fixtures"], cwd=project, check=False, capture_output=True,
                              text=True)
        return proc.stdout

    cold = lint("--no-cache")
    assert not (project / ".tflint_grad_cache").exists()
    assert lint() == cold
    assert list((project / ".tflint_grad_cache").glob("results-*.json"))
    assert lint() == cold
    assert lint("--jobs", "1") == lint("--jobs", "2") == cold
