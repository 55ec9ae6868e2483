"""Positions of reported nodes without regenerating the whole module.

libcst's PositionProvider runs a code-generation pass over the entire module, which dominates the
cost of a large file with findings. Python's own parser tells where each top-level statement
starts; positions inside that statement come from PositionProvider on a module holding just it.
"""
from __future__ import annotations

import ast
import warnings

import libcst as cst
from libcst.metadata import CodeRange, MetadataWrapper, PositionProvider

from tflint_grad.model.nodes import kids

Span = tuple[tuple[int, int], tuple[int, int]]


class Positions:
    """`positions(node)` -> ((line, column), (end_line, end_column)), 1-based, end exclusive."""

    def __init__(self, module: cst.Module, source: str, tree: ast.Module | None = None) -> None:
        self.module = module
        self.starts = _statement_starts(module, source, tree)
        self.owner: dict[int, int] = {}        # id(node) -> index of its top-level statement
        self.scanned = 0                       # statements whose subtrees are in `owner`
        self.ranges: dict[int, tuple[int, dict[cst.CSTNode, CodeRange]]] = {}
        self.whole: dict[cst.CSTNode, CodeRange] | None = None

    def __call__(self, node: cst.CSTNode) -> Span:
        rng, offset = self._range(node)
        return ((rng.start.line + offset, rng.start.column + 1),
                (rng.end.line + offset, rng.end.column + 1))

    def _range(self, node: cst.CSTNode) -> tuple[CodeRange, int]:
        index = self._statement_of(node) if self.starts is not None else None
        if index is None:
            if self.whole is None:
                self.whole = MetadataWrapper(self.module, unsafe_skip_copy=True).resolve(
                    PositionProvider)  # type: ignore[assignment]
            assert self.whole is not None
            return self.whole[node], 0
        if index not in self.ranges:
            stmt = self.module.body[index]
            alone = self.module.with_changes(body=[stmt], header=(), footer=())
            ranges = MetadataWrapper(alone, unsafe_skip_copy=True).resolve(PositionProvider)
            assert self.starts is not None
            self.ranges[index] = (self.starts[index] - ranges[stmt].start.line,
                                  ranges)  # type: ignore[assignment]
        offset, ranges = self.ranges[index]
        return ranges[node], offset

    def _statement_of(self, node: cst.CSTNode) -> int | None:
        body = self.module.body
        while id(node) not in self.owner and self.scanned < len(body):
            stack: list[cst.CSTNode] = [body[self.scanned]]
            while stack:
                n = stack.pop()
                self.owner[id(n)] = self.scanned
                stack.extend(kids(n))
            self.scanned += 1
        return self.owner.get(id(node))


def _statement_starts(module: cst.Module, source: str,
                      tree: ast.Module | None) -> list[int] | None:
    """The first line of each top-level libcst statement, or None when they cannot be matched."""
    if tree is None:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                tree = ast.parse(source)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return None
    lines = [s.lineno for s in tree.body]  # libcst, like ast, starts a decorated def at `def`
    starts: list[int] = []
    i = 0
    for stmt in module.body:
        if i >= len(lines):
            return None
        starts.append(lines[i])
        i += len(stmt.body) if isinstance(stmt, cst.SimpleStatementLine) else 1
    return starts if i == len(lines) else None
