"""What every output format shares: where a finding is, its source line, and its plain-data form."""
from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict
from pathlib import Path
from typing import Any

from tflint_grad.types import Diagnostic, FileResult, Problem

# Problems are not rule findings; they borrow the codes flake8 and ruff use for the same thing.
# Only these end a line for Python (and libcst); str.splitlines also splits on \f, \v, \x1c...
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
PROBLEM_CODES = {"parse-error": "E999", "skipped": "E902", "internal-error": "TFG000"}


def source_key(path: str, cell: int | None = None) -> str:
    """The key under which `render(sources=...)` looks up a file's text, or a notebook cell's."""
    return path if cell is None else f"{path}:cell {cell}"


def location(path: str, line: int, column: int, cell: int | None = None) -> str:
    """`path:line:col`, or `nb.ipynb:cell 3:line:col` for a notebook cell."""
    where = path if cell is None else f"{path}:cell {cell}"
    return f"{where}:{line}:{column}"


def problem_code(problem: Problem) -> str:
    """The code a problem is reported under (E999 parse error, E902 skipped, TFG000 internal)."""
    return PROBLEM_CODES.get(problem.kind, "E902")


def problem_message(problem: Problem) -> str:
    """The problem's message with its code in front, like a finding's."""
    text = problem.message if problem.kind != "skipped" else f"skipped: {problem.message}"
    return f"{problem_code(problem)} {text}"


def diagnostics(results: Iterable[FileResult]) -> Iterator[Diagnostic]:
    """Every finding, file by file, in the order the results came."""
    for result in results:
        yield from result.diagnostics


def problems(results: Iterable[FileResult]) -> Iterator[Problem]:
    """Every problem, file by file."""
    for result in results:
        yield from result.problems


def as_plain(diagnostic: Diagnostic) -> dict[str, Any]:
    """A finding as JSON-ready data: nested fix and confirmation, null when absent."""
    return asdict(diagnostic)


def relative_uri(path: str, root: str) -> str | None:
    """`path` relative to `root` with forward slashes, or None when it lies outside `root`."""
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    if rel == ".." or rel.startswith(".." + os.sep) or os.path.isabs(rel):
        return None
    return rel.replace(os.sep, "/")


class SourceLines:
    """Source lines by file (or notebook cell): from `sources`, else read once from disk."""

    def __init__(self, sources: Mapping[str, str] | None, root: str) -> None:
        self._sources = sources or {}
        self._root = root
        self._lines: dict[str, list[str]] = {}

    def line(self, path: str, line: int, cell: int | None = None) -> str | None:
        """The text of a 1-based line without its line ending, or None if unknown."""
        lines = self._file(path, cell)
        if 1 <= line <= len(lines):
            return lines[line - 1].rstrip("\r\n")
        return None

    def _file(self, path: str, cell: int | None) -> list[str]:
        key = source_key(path, cell)
        if key not in self._lines:
            text = self._sources.get(key)
            if text is None and cell is None:
                text = _read(path, self._root)
            self._lines[key] = _LINE_BREAK.split(text) if text is not None else []
        return self._lines[key]


def _read(path: str, root: str) -> str | None:
    # A notebook's text is JSON, not the cell's code: only plain files fall back to disk.
    if path.endswith(".ipynb") or path.startswith("<"):
        return None
    for candidate in (Path(path), Path(root) / path):
        try:
            return candidate.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
    return None
