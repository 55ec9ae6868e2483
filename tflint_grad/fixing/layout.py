"""Where statements are in the linted text, and text edits that keep its layout: the shared
ground of every rule's fix (lines, indentation, newline style, the block holding a statement)."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import libcst as cst

from tflint_grad.checks.base import PositionOf
from tflint_grad.model.nodes import kids
from tflint_grad.model.scope import Model
from tflint_grad.syntax import names_in
from tflint_grad.types import Edit


@dataclass(eq=False, slots=True)
class Layout:
    """The linted text as the fixes see it, computed once per model and only when a fix is built."""

    lines: list[str]
    newline: str
    module: cst.Module = field(repr=False)
    _parents: dict[int, cst.CSTNode] | None = field(default=None, repr=False)
    _names: set[str] | None = field(default=None, repr=False)

    @property
    def parents(self) -> dict[int, cst.CSTNode]:
        """id(node) -> its parent node."""
        if self._parents is None:
            parents: dict[int, cst.CSTNode] = {}
            stack: list[cst.CSTNode] = [self.module]
            while stack:
                node = stack.pop()
                for child in kids(node):
                    parents[id(child)] = node
                    stack.append(child)
            self._parents = parents
        return self._parents

    @property
    def names(self) -> set[str]:
        """Every name the module mentions (for picking fresh ones)."""
        if self._names is None:
            self._names = names_in(self.module)
        return self._names


def layout_of(model: Model) -> Layout:
    """The model's Layout, made on first use."""
    if model.layout is None:
        text = model.source or model.module.code
        model.layout = Layout(text.splitlines(), "\r\n" if "\r\n" in text else "\n", model.module)
    return model.layout


def source_line(model: Model, line: int) -> str:
    """The text of one line of the linted source (1-based)."""
    lines = layout_of(model).lines
    return lines[line - 1] if 0 < line <= len(lines) else ""


def place(model: Model, node: cst.CSTNode) -> tuple[Sequence[cst.CSTNode], int] | None:
    """The block holding the statement that contains `node`, and that statement's index."""
    parents = layout_of(model).parents
    while True:
        parent = parents.get(id(node))
        if parent is None:
            return None
        if isinstance(parent, (cst.IndentedBlock, cst.Module)):
            body = parent.body
            index = next((i for i, s in enumerate(body) if s is node), None)
            return None if index is None else (body, index)
        if isinstance(parent, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            return None
        node = parent


def indent(model: Model, pos: PositionOf, node: cst.CSTNode) -> str:
    """The indentation in front of a node's first line."""
    (line, col), _ = pos(node)
    return source_line(model, line)[: col - 1]


def whole_lines(model: Model, spans: Iterable[tuple[int, int]], outer: str,
                inner: str) -> str | None:
    """The whole lines from each (first, last) span, moved from indentation `outer` to `inner`."""
    if not inner.startswith(outer) or inner == outer:
        return None
    extra, newline, out = inner[len(outer):], layout_of(model).newline, []
    for start, end in spans:
        for number in range(start, end + 1):
            text = source_line(model, number)
            out.append((extra + text if text.strip() else text) + newline)
    return "".join(out)


def span(pos: PositionOf, stmt: cst.CSTNode) -> tuple[int, int]:
    """A statement's first and last line."""
    (start, _), (end, _) = pos(stmt)
    return start, end


def delete(pos: PositionOf, stmt: cst.CSTNode) -> Edit:
    """The edit that removes a statement's whole lines."""
    start, end = span(pos, stmt)
    return Edit(start, 1, end + 1, 1, "")


def fresh_name(model: Model, base: str) -> str:
    """`base`, or `base_2`, `base_3`, ... : a name the module does not use yet."""
    taken = layout_of(model).names
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base}_{n}"
    return name
