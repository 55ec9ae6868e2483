"""Apply rules' fixes to source text: used by --fix/--diff and by --confirm's repaired run."""
from __future__ import annotations

from collections.abc import Iterable

from tflint_grad.types import Edit, Fix


def _offsets(source: str) -> list[int]:
    starts = [0]
    for i, ch in enumerate(source):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def apply_fixes(source: str, fixes: Iterable[Fix]) -> str:
    """Apply every fix whose edits do not overlap an earlier one; positions are 1-based."""
    return apply_counting(source, fixes)[0]


def apply_counting(source: str, fixes: Iterable[Fix]) -> tuple[str, int]:
    """apply_fixes, and how many of the fixes it applied (an overlapping one waits a pass)."""
    starts = _offsets(source)

    def offset(line: int, column: int) -> int:
        return starts[line - 1] + column - 1

    taken: list[tuple[int, int]] = []
    chosen: list[tuple[int, int, str]] = []
    applied = 0
    for fix in fixes:
        spans = [(offset(e.line, e.column), offset(e.end_line, e.end_column), e.text)
                 for e in fix.edits]
        if any(a < tb and ta < b or a == b == ta for a, b, _ in spans for ta, tb in taken):
            continue  # overlaps an edit already chosen; a second --fix run picks it up
        taken.extend((a, b) for a, b, _ in spans)
        chosen.extend(spans)
        applied += 1
    for start, end, text in sorted(chosen, key=lambda s: (s[0], s[1]), reverse=True):
        source = source[:start] + text + source[end:]
    return source, applied


def edit_insert(line: int, column: int, text: str) -> Edit:
    """An edit that inserts text at a position."""
    return Edit(line, column, line, column, text)
