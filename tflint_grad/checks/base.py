"""What a check is: a code, a name, the tokens that can trigger it, and a reader of the model."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import libcst as cst

from tflint_grad.catalog import Entry

if TYPE_CHECKING:
    from tflint_grad.model.scope import Model
    from tflint_grad.types import Fix

# A fix is built lazily, once positions are known: it gets a function that maps a node to
# ((line, column), (end_line, end_column)) with 1-based lines and columns.
PositionOf = Callable[[cst.CSTNode], tuple[tuple[int, int], tuple[int, int]]]
FixBuilder = Callable[[PositionOf], "Fix | None"]


@dataclass(frozen=True, slots=True)
class Finding:
    """A check's result before positions are computed: the node to point at and the message."""

    code: str
    node: cst.CSTNode
    message: str | Callable[[PositionOf], str]  # without the code; the engine prefixes it
    fix: FixBuilder | None = None
    raised_at: cst.CSTNode | None = None  # where TF raises, when not at `node`


@dataclass(frozen=True, slots=True)
class Rule:
    """One catalog entry (code, name, trigger scans) and the function that finds it."""

    entry: Entry
    check: Callable[["Model"], Iterable[Finding]]

    @property
    def code(self) -> str:
        """The rule's code, e.g. TFG001."""
        return self.entry.code

    @property
    def name(self) -> str:
        """The rule's name, e.g. source-transformed-outside-tape."""
        return self.entry.name

    @property
    def summary(self) -> str:
        """One line on what the rule finds."""
        return self.entry.summary
