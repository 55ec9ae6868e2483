"""What the editor offers on a finding: its fix, a `# noqa` for its line, and its hover text.

Positions are the engine's (1-based lines and columns in code points, ends exclusive); the LSP
shell converts them to the client's units.
"""
from __future__ import annotations

import re

from tflint_grad.catalog import BY_CODE
from tflint_grad.filters import NOQA
from tflint_grad.notebooks import split_lines
from tflint_grad.types import Diagnostic, Edit, Fix

_LEADING_CODE = re.compile(r"^[A-Z]+[0-9]+ ")


def message_text(d: Diagnostic) -> str:
    """The message without its leading code: editors show the code beside it already."""
    return _LEADING_CODE.sub("", d.message, count=1)


def fix_title(d: Diagnostic, fix: Fix) -> str:
    """'Fix TFG001: <what the fix does>', marked when it may change what the program computes."""
    return f"Fix {d.code}: {fix.description}" + ("" if fix.safe else " (unsafe)")


def noqa_title(d: Diagnostic) -> str:
    """The title of the action that silences a finding on its line."""
    return f"Disable {d.code} for this line"


def fix_edits(fix: Fix, text: str) -> tuple[Edit, ...]:
    """The fix's edits, their inserted line breaks in the document's own style."""
    newline = _newline(text)
    if newline == "\n":
        return fix.edits
    return tuple(Edit(e.line, e.column, e.end_line, e.end_column,
                      e.text.replace("\r\n", "\n").replace("\n", newline)) for e in fix.edits)


def noqa_edit(d: Diagnostic, text: str) -> Edit | None:
    """The edit that adds `# noqa: CODE` to the finding's line, merged into a noqa already there.

    None when the line cannot take a comment (it continues with a backslash, or the finding's line
    is not in the text) or when its noqa already names the code.
    """
    lines = split_lines(text)
    if not 1 <= d.line <= len(lines):
        return None
    line = lines[d.line - 1].rstrip("\r\n")
    found = NOQA.search(line)
    if found is not None:
        codes = found.group("codes")
        if codes is None:
            return None  # a bare noqa silences every code already
        listed = [c for c in re.split(r"[,\s]+", codes) if c]
        if d.code in (c.upper() for c in listed):
            return None
        merged = "# noqa: " + ", ".join([*listed, d.code])
        return Edit(d.line, found.start() + 1, d.line, found.end() + 1, merged)
    if line.rstrip().endswith("\\"):
        return None  # a comment after a line continuation is a syntax error
    body = line.rstrip()
    return Edit(d.line, len(body) + 1, d.line, len(line) + 1, f"{body and '  '}# noqa: {d.code}")


def hover_text(found: list[Diagnostic]) -> str:
    """Markdown for the findings under the cursor: code, name, summary, where to read more."""
    parts: list[str] = []
    for d in found:
        entry = BY_CODE.get(d.code)
        if entry is None:
            parts.append(f"**{d.code}** {message_text(d)}")
            continue
        parts.append(f"**{entry.code}** {entry.name}: {entry.summary}\n\n"
                     f"{message_text(d)}\n\n"
                     f"Run `tflint-grad --explain {entry.code}` for the full explanation.")
    return "\n\n---\n\n".join(parts)


def covers(d: Diagnostic, line: int, column: int) -> bool:
    """Is the position inside the finding's range (its end included, as the cursor sees it)?"""
    return (d.line, d.column) <= (line, column) <= (d.end_line, d.end_column)


def overlaps(d: Diagnostic, start: tuple[int, int], end: tuple[int, int]) -> bool:
    """Does the finding's range meet the range from `start` to `end`?"""
    return (d.line, d.column) <= end and start <= (d.end_line, d.end_column)


def _newline(text: str) -> str:
    first = text.find("\n")
    return "\r\n" if first > 0 and text[first - 1] == "\r" else "\n"
