"""flake8 plugin (`flake8 --select TFG`): the engine's findings as flake8 results.

The project's `[tool.tflint-grad]` table applies as it does for the CLI: select and ignore,
per-file-ignores, exclude (as --force-exclude applies it to a named file) and the file-wide
`# tflint-grad: noqa`. flake8 applies line `# noqa`, its own --select/--ignore and
per-file-ignores on top. Columns become flake8's 0-based ones. Parse failures flake8's own parser
accepts, a configuration error and any engine crash become one TFG000 result instead of a flake8
traceback.
"""
from __future__ import annotations

import ast
import os
from collections.abc import Iterator, Sequence
from typing import Any

from tflint_grad import __version__, project
from tflint_grad.api import lint_source
from tflint_grad.config import ConfigError
from tflint_grad.filters import apply

Result = tuple[int, int, str, type[Any]]
# The names flake8 gives stdin when no --stdin-display-name is set.
_STDIN = ("stdin", "-")


class Plugin:
    """A flake8 tree plugin; it reads `lines` (so stdin works) and ignores flake8's AST."""

    name = "tflint-grad"
    version = __version__

    def __init__(self, tree: ast.AST, filename: str, lines: Sequence[str]) -> None:
        self.filename = filename
        self.lines = lines

    def run(self) -> Iterator[Result]:
        """Yield (line, 0-based column, "TFGnnn message", type) for every finding."""
        settings = project.for_file(self.filename)
        if isinstance(settings, ConfigError):
            yield 1, 0, f"TFG000 configuration error: {settings.message}", type(self)
            return
        if self.filename not in _STDIN and \
                settings.excluder.force_skips(os.path.abspath(self.filename)):
            return
        source = "".join(self.lines)
        try:
            result = apply(lint_source(source, self.filename), source, settings.filters,
                           line_noqa=False)
        except Exception as exc:  # noqa: BLE001  # flake8 must keep going on other files
            yield 1, 0, f"TFG000 internal error: {type(exc).__name__}: {exc}", type(self)
            return
        for problem in result.problems:
            yield (max(problem.line, 1), max(problem.column - 1, 0),
                   f"TFG000 could not analyse this file: {problem.message}", type(self))
        for d in result.diagnostics:
            yield d.line, d.column - 1, d.message, type(self)
