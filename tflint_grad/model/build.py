"""The single pass over a parsed module that fills the recording model."""
from __future__ import annotations

import builtins
import itertools

import libcst as cst

from tflint_grad.model import ops
from tflint_grad.model.exprs import Expressions
from tflint_grad.model.infer import Inference
from tflint_grad.model.names import ImportTable
from tflint_grad.model.scope import Binding, Edge, Kind, Model, Scope, Tape
from tflint_grad.model.statements import Statements

_BUILTINS = frozenset(dir(builtins))
Summary = tuple[list[str], dict[str, object], set[str]]


class Builder:
    """Owns the model and the state shared by every scope's walker."""

    def __init__(self, module: cst.Module) -> None:
        self.model = Model(module, ImportTable())
        self.seq = itertools.count(1)
        self.ids = itertools.count(1)
        self.pending: list[tuple[cst.FunctionDef, bool]] = []
        self.summaries: dict[cst.FunctionDef, Summary | None] = {}
        self.walking: set[cst.FunctionDef] = set()
        self.module_env: dict[str, Binding] = {}

    def build(self) -> Model:
        """Walk the module body, then every function the module defines."""
        root = Scope("module", self.model.module, "<module>")
        self.model.scopes.append(root)
        walker = Walker(self, root, self.module_env, None)
        walker.walk_block(self.model.module.body)
        while self.pending:
            fn, in_class = self.pending.pop(0)
            self.function_scope(fn, in_class)
        return self.model

    def function_scope(self, fn: cst.FunctionDef, in_class: bool = False) -> Scope | None:
        """Walk one function once; None while it is being walked (recursion)."""
        if fn in self.model.functions:
            return self.model.functions[fn]
        if fn in self.walking:
            return None
        self.walking.add(fn)
        scope = Scope("function", fn, fn.name.value, in_class=in_class)
        scope.decorators = [self.model.code(d.decorator) for d in fn.decorators]
        walker = Walker(self, scope, {}, self.module_env)
        for param in _params(fn):
            scope.params.append(param)
            walker.env[param] = walker.make(param, Kind.PARAM, fn, [])
        walker.walk_block(fn.body.body if isinstance(fn.body, cst.IndentedBlock) else
                          fn.body.body)
        self.walking.discard(fn)
        self.model.functions[fn] = scope
        self.model.scopes.append(scope)
        return scope

    def summary(self, fn: cst.FunctionDef) -> Summary | None:
        """What each parameter of a local function reaches in its return value."""
        if fn in self.summaries:
            return self.summaries[fn]
        scope = self.function_scope(fn)
        if scope is None:
            return None
        from tflint_grad.model.paths import reach_through  # paths imports the model types

        per_param: dict[str, object] = {}
        params = {b.name: b for b in scope.bindings if b.kind is Kind.PARAM}
        for name, binding in params.items():
            per_param[name] = reach_through([e for r in scope.returns for e in r], binding)
        result: Summary = (scope.params, per_param, set(scope.free_names))
        self.summaries[fn] = result
        return result


def _params(fn: cst.FunctionDef) -> list[str]:
    p = fn.params
    names = [x.name.value for x in (*p.posonly_params, *p.params, *p.kwonly_params)]
    for star in (p.star_arg, p.star_kwarg):
        if isinstance(star, cst.Param):
            names.append(star.name.value)
    return names


class Walker(Statements, Expressions, Inference):
    """Walks the statements of one scope in order, tracking names, tapes and recording."""

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
        self.conditional = 0
        self.terminated = False
        self.inline_results: dict[cst.Call, Binding] = {}
        self.open_calls: list = []  # type: ignore[type-arg]

    def next_seq(self) -> int:
        """A fresh point in program order."""
        return next(self.builder.seq)

    def make(self, name: str, kind: Kind, node: cst.CSTNode, deps: list[Edge]) -> Binding:
        """A new binding made here, recorded by the tapes recording now."""
        b = Binding(name, kind, self.next_seq(), node, deps, frozenset(self.recording))
        self.scope.bindings.append(b)
        return b

    def lookup(self, name: str, quiet: bool = False, for_numbers: bool = False,
               local_names: bool = False) -> Binding | None:
        """The binding a name holds here; module names are seen from functions."""
        found = self.env.get(name)
        if found is not None:
            return found
        if self.module_env is not None:
            self.scope.free_names.add(name)
            found = self.module_env.get(name)
            if found is not None:
                return found
        if name not in _BUILTINS and name not in self.imports.aliases and not local_names:
            self.scope.unresolved = True
        return None

    def tape_named(self, node: cst.BaseExpression) -> Binding | None:
        """The tape binding an expression names, if it is one."""
        if isinstance(node, cst.Name):
            b = self.lookup(node.value, quiet=True)
            if b is not None and b.kind is Kind.TAPE and b.tape is not None:
                return b
        return None

    def summary_of(self, fn: Binding) -> Summary | None:
        """The summary of a local function, or None when it cannot be had."""
        assert fn.function is not None
        return self.builder.summary(fn.function)

    def site(self, node: cst.CSTNode) -> None:
        """Remember where a node that a check may report sits."""
        self.model.sites[id(node)] = (self.scope, self.conditional > 0)

    def new_id(self) -> int:
        """A fresh id for a block, branch or loop."""
        return next(self.builder.ids)


def build_model(module: cst.Module) -> Model:
    """Build the recording model of a parsed module."""
    return Builder(module).build()


__all__ = ["build_model", "Builder", "Walker", "ops"]
