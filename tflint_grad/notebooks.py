"""Jupyter notebooks: code cells joined into one program, findings mapped back to cells.

Cells are numbered 1-based counting *all* cells (markdown and raw included), the position a
reader sees in Jupyter, JupyterLab and VS Code. A finding's `line` is the line within its cell.
Magics (`%`, `%%`, `!`, `?` help) become `pass` lines of the same indentation, so the joined
program keeps one line per notebook line and names flow from cell to cell.
"""
from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from tflint_grad.fixes import apply_counting
from tflint_grad.types import Diagnostic, Edit, FileResult, Fix, Problem

# Cell magics whose body is still Python; any other `%%magic` cell is not linted.
_PYTHON_CELL_MAGICS = {"time", "timeit", "capture", "prun", "debug", "profile"}
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
_ASSIGNED_MAGIC = re.compile(r"^(\s*)([A-Za-z_][\w.,\s\[\]()]*?)\s*=\s*[%!]")
_HELP = re.compile(r"^\s*(\?{1,2}[\w.]*|[\w.]+\?{1,2})\s*$")
# A line position in a message ("(line 8)", "the tape on line 9"); quoted code is skipped whole.
_POSITION = re.compile(r"(?<!\w)'[^'\n]*'(?!\w)|\b(?:(?P<on>on|at) )?line (?P<line>\d+)\b")


@dataclass(frozen=True, slots=True)
class Notebook:
    """The joined program and, for each of its lines, the (cell, line in cell) it came from."""

    source: str
    lines: tuple[tuple[int, int], ...]
    magic_lines: frozenset[int]  # joined line numbers that held a magic
    cells: dict[int, str]  # code cell number -> its original text


def split_lines(text: str) -> list[str]:
    """Lines with their endings; only \\r\\n, \\r and \\n end a line (as for Python)."""
    return _LINE.findall(text)


def cell_text(cell: dict[str, Any]) -> str:
    """A cell's source as one string (nbformat allows a string or a list of strings)."""
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def parse_notebook(text: str, path: str) -> Notebook | Problem:
    """Join a notebook's Python code cells; broken JSON or a non-Python notebook is a Problem."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        return Problem(path, exc.lineno, exc.colno, f"notebook is not valid JSON: {exc.msg}")
    if not isinstance(document, dict) or not isinstance(document.get("cells"), list):
        why = "nbformat 3 is not supported" if isinstance(document, dict) and \
            "worksheets" in document else "not a notebook (no 'cells' list)"
        return Problem(path, 1, 1, why, kind="skipped")
    language = _language(document)
    if language not in (None, "python"):
        return Problem(path, 1, 1, f"notebook language is {language}, not python", kind="skipped")
    out: list[str] = []
    lines: list[tuple[int, int]] = []
    magic: set[int] = set()
    cells: dict[int, str] = {}
    for number, cell in enumerate(document["cells"], start=1):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        original = cell_text(cell)
        cells[number] = original
        for index, (line, is_magic) in enumerate(_python_lines(original), start=1):
            out.append(line)
            lines.append((number, index))
            if is_magic:
                magic.add(len(lines))
    return Notebook("".join(out), tuple(lines), frozenset(magic), cells)


def _language(document: dict[str, Any]) -> str | None:
    metadata = document.get("metadata")
    if not isinstance(metadata, dict):
        return None
    for key, field in (("language_info", "name"), ("kernelspec", "language")):
        entry = metadata.get(key)
        if isinstance(entry, dict) and isinstance(entry.get(field), str):
            return str(entry[field]).lower()
    return None


def _python_lines(text: str) -> list[tuple[str, bool]]:
    raw = split_lines(text)
    if raw and not raw[-1].endswith(("\n", "\r")):
        raw[-1] += "\n"
    first = next((line.strip() for line in raw if line.strip()), "")
    if first.startswith("%%"):
        name = first[2:].split(maxsplit=1)[0] if len(first) > 2 else ""
        if name not in _PYTHON_CELL_MAGICS:
            return [("\n", True) for _ in raw]
    out: list[tuple[str, bool]] = []
    continued = False
    for line in raw:
        body = line.rstrip("\r\n")
        stripped = body.lstrip()
        indent = body[:len(body) - len(stripped)]
        assigned = _ASSIGNED_MAGIC.match(body)
        if continued or stripped.startswith(("%", "!")) or _HELP.match(body):
            out.append((indent + "pass\n", True))
            continued = body.endswith("\\")
        elif assigned:
            out.append((f"{assigned.group(1)}{assigned.group(2)} = None\n", True))
            continued = body.endswith("\\")
        else:
            out.append((line, False))
    return out


def to_cells(result: FileResult, notebook: Notebook) -> FileResult:
    """Re-map a result on the joined program to cell numbers and lines within cells."""
    diagnostics = tuple(_diagnostic(d, notebook) for d in result.diagnostics)
    problems = tuple(_problem(p, notebook) for p in result.problems)
    return FileResult(result.path, diagnostics, problems)


def _where(line: int, notebook: Notebook) -> tuple[int, int] | None:
    if 1 <= line <= len(notebook.lines):
        return notebook.lines[line - 1]
    return None


def speak_in_cells(message: str, cell: int, notebook: Notebook) -> str:
    """Rewrite the joined program's line numbers in `message`: `line M` for a line of `cell`
    (the reported one), `cell N, line M` for a line of another cell."""
    def rewrite(found: re.Match[str]) -> str:
        where = _where(int(found.group("line")), notebook) if found.group("line") else None
        if where is None:
            return found.group(0)
        preposition = f"{found.group('on')} " if found.group("on") else ""
        if where[0] == cell:
            return f"{preposition}line {where[1]}"
        return f"{'in ' if preposition else ''}cell {where[0]}, line {where[1]}"

    return _POSITION.sub(rewrite, message)


def _problem(problem: Problem, notebook: Notebook) -> Problem:
    where = _where(problem.line, notebook)
    if where is None:
        return problem
    return replace(problem, cell=where[0], line=where[1],
                   message=speak_in_cells(problem.message, where[0], notebook))


def _diagnostic(d: Diagnostic, notebook: Notebook) -> Diagnostic:
    start = _where(d.line, notebook)
    if start is None:
        return d
    end = _where(d.end_line, notebook)
    end_line, end_column = (end[1], d.end_column) if end and end[0] == start[0] else \
        (start[1], d.column)
    fix = _fix(d.fix, start[0], notebook) if d.fix else None
    if fix is not None:
        fix = replace(fix, description=speak_in_cells(fix.description, start[0], notebook))
    return replace(d, cell=start[0], line=start[1], end_line=end_line, end_column=end_column,
                   fix=fix, message=speak_in_cells(d.message, start[0], notebook))


def _fix(fix: Fix, cell: int, notebook: Notebook) -> Fix | None:
    # A fix is kept only if all its edits lie in the finding's cell and touch no magic line.
    edits: list[Edit] = []
    for edit in fix.edits:
        start, end = _where(edit.line, notebook), _where(edit.end_line, notebook)
        if start is None or end is None or start[0] != cell or end[0] != cell:
            return None
        if any(n in notebook.magic_lines for n in range(edit.line, edit.end_line + 1)):
            return None
        edits.append(replace(edit, line=start[1], end_line=end[1]))
    return replace(fix, edits=tuple(edits))


def apply_cell_fixes(text: str, fixes: Sequence[tuple[int, Fix]]) -> str:
    """The notebook JSON with each (cell, fix) applied to its cell; everything else is kept."""
    return apply_cell_fixes_counting(text, fixes)[0]


def apply_cell_fixes_counting(text: str, fixes: Sequence[tuple[int, Fix]]) -> tuple[str, int]:
    """apply_cell_fixes, and how many of the fixes it applied."""
    if not fixes:
        return text, 0
    document = json.loads(text)
    by_cell: dict[int, list[Fix]] = {}
    for cell, fix in fixes:
        by_cell.setdefault(cell, []).append(fix)
    applied = 0
    for cell, cell_fixes in by_cell.items():
        entry = document["cells"][cell - 1]
        fixed, done = apply_counting(cell_text(entry), cell_fixes)
        applied += done
        entry["source"] = split_lines(fixed) if isinstance(entry.get("source"), list) else fixed
    return _dump(document, text), applied


def _dump(document: Any, original: str) -> str:
    # Keep the file's own indentation and final newline; nbformat writes indent=1, no ASCII escapes.
    second = original.split("\n", 2)[1] if original.count("\n") >= 1 else ""
    indent = len(second) - len(second.lstrip(" ")) or 1
    out = json.dumps(document, indent=indent, ensure_ascii=False)
    return out + "\n" if original.endswith("\n") else out
