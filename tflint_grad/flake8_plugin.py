"""flake8 plugin (`flake8 --select TFG`): the engine's findings as flake8 results.

flake8 applies `# noqa`, --select/--ignore and per-file-ignores itself, so this shell only
converts: 1-based columns become flake8's 0-based ones. Parse failures flake8's own parser
accepts, and any engine crash, become one TFG000 result instead of a flake8 traceback.
"""
from __future__ import annotations

import ast
from collections.abc import Iterator, Sequence
from typing import Any

from tflint_grad import __version__
from tflint_grad.api import lint_source

Result = tuple[int, int, str, type[Any]]


class Plugin:
    """A flake8 tree plugin; it reads `lines` (so stdin works) and ignores flake8's AST."""

    name = "tflint-grad"
    version = __version__

    def __init__(self, tree: ast.AST, filename: str, lines: Sequence[str]) -> None:
        self.filename = filename
        self.lines = lines

    def run(self) -> Iterator[Result]:
        """Yield (line, 0-based column, "TFGnnn message", type) for every finding."""
        try:
            result = lint_source("".join(self.lines), self.filename)
        except Exception as exc:  # noqa: BLE001  # flake8 must keep going on other files
            yield 1, 0, f"TFG000 internal error: {type(exc).__name__}: {exc}", type(self)
            return
        for problem in result.problems:
            yield (max(problem.line, 1), max(problem.column - 1, 0),
                   f"TFG000 could not analyse this file: {problem.message}", type(self))
        for d in result.diagnostics:
            yield d.line, d.column - 1, d.message, type(self)
