"""The values that flow between the engine and its shells: findings, fixes, confirmations."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the text between two positions (1-based lines, 1-based columns, end exclusive)."""

    line: int
    column: int
    end_line: int
    end_column: int
    text: str


@dataclass(frozen=True, slots=True)
class Fix:
    """A rule's repair: text edits on the original source, marked safe or unsafe."""

    description: str
    safe: bool
    edits: tuple[Edit, ...]


@dataclass(frozen=True, slots=True)
class Derivative:
    """A gradient TensorFlow actually computed, summarised for a report."""

    label: str
    shape: tuple[int, ...]
    dtype: str
    values: tuple[float, ...]
    fd_error: float | None = None


@dataclass(frozen=True, slots=True)
class Confirmation:
    """What running a finding's slice in TensorFlow showed."""

    status: str  # "confirmed" | "refuted" | "not run"
    outcome: str  # e.g. "tape.gradient returned None", "raised RuntimeError: ..."
    tensorflow: str | None = None
    actual: Derivative | None = None
    intended: Derivative | None = None
    reason: str | None = None
    # TensorFlow misbehaved, but not as the finding's message said (a defect of the message).
    other_outcome: bool = False


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding. `message` starts with the code; columns are 1-based, ends exclusive."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    message: str
    fix: Fix | None = None
    cell: int | None = None
    confirmation: Confirmation | None = None
    # Where TensorFlow raises when that is not the reported node (TFG018: the op that cuts the
    # path is reported, `model.fit(...)` raises): (line, column, end_line, end_column), in the
    # linted program's lines (a notebook's joined program, not its cells).
    raised_at: tuple[int, int, int, int] | None = None


@dataclass(frozen=True, slots=True)
class Problem:
    """A file that could not be linted (syntax error, unreadable, binary): reported, never raised."""

    path: str
    line: int
    column: int
    message: str
    kind: str = "parse-error"  # "parse-error" | "skipped" | "internal-error"
    cell: int | None = None


@dataclass(frozen=True, slots=True)
class FileResult:
    """Everything one source produced."""

    path: str
    diagnostics: tuple[Diagnostic, ...] = ()
    problems: tuple[Problem, ...] = ()
