"""The state every statement and expression reader shares while walking one scope."""
from __future__ import annotations

import builtins
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import libcst as cst

from tflint_grad.model.scope import Binding, Edge, FunctionSummary, Kind, Scope, Site, Tape

if TYPE_CHECKING:
    from tflint_grad.model.build import Builder

_BUILTINS = frozenset(dir(builtins))


class WalkerCore:
    """Scope state and the primitives the statement, expression and inference readers share."""

    def __init__(self, builder: Builder, scope: Scope, env: dict[str, Binding],
                 module_env: dict[str, Binding] | None) -> None:
        self.builder = builder
        self.model = builder.model
        self.imports = builder.model.imports
        self.scope = scope
        self.env = env
        self.module_env = module_env
        self.recording: list[Tape] = []
        self.loops: list[int] = []
        self.branches: list[tuple[int, int]] = []
        self.blocks: list[int] = []
        self.graph_depth = 0
        self.session_depth = 0
        # `with Session():` blocks entered outside any graph: the with, the seq it began at, and
        # how deep in branches, loops and try blocks the walk was there
        self.session_blocks: list[tuple[cst.With, int, int, int]] = []
        # Names a condition tests (`if g is not None:`, `assert g is not None`, `g if g else 0`):
        # a use of them there, or after a check that leaves the block, may never see None.
        self.checked: list[frozenset[str]] = []
        self.checked_after: set[str] = set()
        self.conditional = 0
        self.caught: list[frozenset[str]] = []  # what the enclosing try blocks' handlers catch
        self.summary_mode = False
        self.terminated = False
        self.inline_results: dict[cst.Call, Binding] = {}

    def is_checked(self, name: str) -> bool:
        """Has a condition around (or an exiting check before) this point tested `name`?"""
        return name in self.checked_after or any(name in c for c in self.checked)

    def next_seq(self) -> int:
        """A fresh point in program order."""
        return next(self.builder.seq)

    def make(self, name: str, kind: Kind, node: cst.CSTNode, deps: list[Edge]) -> Binding:
        """A new binding made here, recorded by the tapes recording now."""
        b = Binding(name, kind, self.next_seq(), node, deps, frozenset(self.recording))
        if self.graph_depth or self.session_depth:
            b.in_graph = True
        self.scope.bindings.append(b)
        return b

    def lookup(self, name: str, local_names: bool = False) -> Binding | None:
        """The binding a name holds here; module names are seen from functions.

        `local_names`: names bound inside a comprehension or lambda, which the walk does not
        track, so an unknown one says nothing about the scope."""
        found = self.env.get(name)
        if found is not None:
            return found
        if self.module_env is not None:
            self.scope.free_names.add(name)
            found = self.module_env.get(name)
            if found is not None:
                if self.builder.rebound.get(name, 0) > 1:
                    return self.builder.unknown_global(name, found)
                return found
        if name not in _BUILTINS and name not in self.imports.aliases and not local_names:
            self.scope.unresolved = True
        return None

    def resolve(self, node: cst.BaseExpression) -> str | None:
        """The canonical name of an imported thing, unless a local name shadows its head."""
        head = node
        while isinstance(head, cst.Attribute):
            head = head.value
        if isinstance(head, cst.Name) and (head.value in self.env or (
                self.module_env is not None and head.value in self.module_env)):
            return None
        return self.imports.resolve(node)

    def field(self, node: cst.CSTNode) -> Binding | None:
        """What `self.attr` holds, when the class's `__init__` set it once (see model/fields.py)."""
        if isinstance(node, cst.Attribute) and isinstance(node.value, cst.Name):
            return self.env.get(f"{node.value.value}.{node.attr.value}")
        return None

    def held(self, node: cst.BaseExpression) -> Binding | None:
        """What a name (`m`) or a field (`self.m`) holds here, when the model knows."""
        if isinstance(node, cst.Name):
            return self.lookup(node.value)
        return self.field(node)

    def fields_read_by(self, owner: str, method: cst.FunctionDef) -> list[Binding]:
        """The field bindings of `owner` (this method's self) that `owner.method()` reads."""
        prefix = owner + "."
        here = {name[len(prefix):]: b for name, b in self.env.items() if name.startswith(prefix)}
        read = self.builder.fields_read(method)
        return [b for attr, b in here.items() if read is None or attr in read]

    def tape_named(self, node: cst.BaseExpression) -> Binding | None:
        """The tape binding an expression names, if it is one."""
        if isinstance(node, cst.Name):
            b = self.lookup(node.value)
            if b is not None and b.kind is Kind.TAPE and b.tape is not None:
                return b
        return None

    def summary_of(self, fn: Binding) -> FunctionSummary | None:
        """The summary of a local function, or None when it cannot be had."""
        assert fn.function is not None
        return self.builder.summary(fn.function)

    def site(self, node: cst.CSTNode) -> None:
        """Remember where a node that a check may report sits."""
        self.model.sites[id(node)] = Site(self.scope, self.conditional > 0,
                                          frozenset().union(*self.caught))

    def new_id(self) -> int:
        """A fresh id for a block, branch or loop."""
        return next(self.builder.ids)



    # The readers' shared interface: each is implemented by one reader mixed into Walker
    # (model/build.py) and called by the others. Typed attributes, not stub methods.

    # The bindings that flow into the value of `node` (see Expressions).
    edges: Callable[[cst.CSTNode], list[Edge]]
    # The binding an expression denotes, made here when it is no name (see Expressions).
    value_binding: Callable[[cst.BaseExpression, cst.CSTNode], Binding | None]
    # Fill in how a value was made (see Inference).
    infer: Callable[[Binding, cst.BaseExpression], None]
    # 'int' / 'float' for certain Python numbers (see Inference).
    numeric_of: Callable[[cst.BaseExpression], str | None]
    # The kind of a value made from these inputs (see Expressions).
    kind_of_edges: Callable[[list[Edge]], Kind]
    # The model whose variables an expression lists (see Inference).
    variables_of: Callable[[cst.BaseExpression], Binding | None]
    # Walk a block of statements (see Statements).
    walk_block: Callable[[Sequence[cst.CSTNode]], None]
    # One statement (see Statements).
    stmt: Callable[[cst.CSTNode], None]
    # A binding for a new tape (see Statements).
    tape_binding: Callable[[str, cst.Call, cst.CSTNode], Binding]
    # The rest of this block does not run (see Statements).
    exit_block: Callable[[], None]
    # An if/elif/else (see Compound).
    walk_if: Callable[[cst.If], None]
    # Alternative blocks from one state, then joined (see Compound).
    join_branches: Callable[[Sequence[Sequence[cst.CSTNode]]], None]
    # A for or while loop (see Compound).
    walk_loop: Callable[[cst.For | cst.While], None]
    # A try statement (see Compound).
    walk_try: Callable[[cst.Try | cst.TryStar], None]
    # A with-block (see Compound).
    walk_with: Callable[[cst.With], None]
