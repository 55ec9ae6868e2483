"""What the labeled-program tests share: xfail marks for known misses, the set's shape, and the
(line, code) pairs the engine reports for a program."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import pytest

from tflint_grad.api import lint_source

Labels = Callable[[Path], set[tuple[int, str]]]


def params(paths: Iterable[Path], known_misses: Mapping[str, str],
           name: Callable[[Path], str] = lambda p: p.name) -> list[object]:
    """One pytest param per program; known misses are strict xfails with their reason."""
    return [pytest.param(path, id=name(path), marks=[pytest.mark.xfail(
        strict=True, reason=known_misses[name(path)])] if name(path) in known_misses else [])
        for path in paths]


def reported(path: Path) -> set[tuple[int, str]]:
    """The (line, code) pairs lint_source reports for a program that parses."""
    result = lint_source(path.read_text(encoding="utf-8"), str(path))
    assert not result.problems, result.problems
    return {(d.line, d.code) for d in result.diagnostics}


def check_set_shape(files: list[Path], known_misses: Mapping[str, str], minimum: int,
                    labels: Labels) -> None:
    """Enough programs, named by code or clean, clean ones unlabeled, positives labeled with
    their own code, and every known miss a real file."""
    assert len(files) >= minimum
    assert all(re.fullmatch(r"(TFG\d{3}|clean)_[A-Za-z0-9_]+\.py", p.name) for p in files)
    for path in files:
        found = labels(path)
        if path.name.startswith("clean_"):
            assert not found, path.name
        else:
            assert path.name[:6] in {code for _, code in found}, path.name
    assert set(known_misses) <= {p.name for p in files}
