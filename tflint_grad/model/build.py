"""The single pass over a parsed module that fills the recording model."""
from __future__ import annotations

import itertools
from typing import Literal

import libcst as cst

from tflint_grad.model import ops
from tflint_grad.model.compound import Compound
from tflint_grad.model.exprs import Expressions
from tflint_grad.model.lists import followed_lists
from tflint_grad.syntax import methods
from tflint_grad.model.fields import (
    Counts,
    FieldDef,
    assigned_attributes,
    class_fields,
    fields_read,
    is_static,
)
from tflint_grad.model.infer import Inference
from tflint_grad.model.names import ImportTable
from tflint_grad.model.nodes import init_of, kids, param_names
from tflint_grad.model.scope import (
    PLAIN,
    Binding,
    Cut,
    CutKind,
    Edge,
    FunctionSummary,
    Kind,
    Model,
    Reach,
    Scope,
)
from tflint_grad.model.statements import Statements


class Builder:
    """Owns the model and the state shared by every scope's walker."""

    def __init__(self, module: cst.Module, source: str | None = None) -> None:
        self.model = Model(module, ImportTable())
        self.source = source
        self.seq = itertools.count(1)
        self.ids = itertools.count(1)
        self.pending: list[tuple[cst.FunctionDef, bool]] = []
        self.summaries: dict[cst.FunctionDef, FunctionSummary | None] = {}
        self.walking: set[cst.FunctionDef] = set()
        self.module_env: dict[str, Binding] = {}
        # What each call in this file passes to a local function, to give its parameters kinds.
        self.call_sites: dict[cst.FunctionDef, list[dict[str, Binding | None] | None]] = {}
        self.escaped: set[cst.FunctionDef] = set()  # functions used as values, not just called
        self.rebound: dict[str, int] = {}  # module names and how often they were bound
        self.unknowns: dict[str, Binding] = {}
        self.method_class: dict[cst.FunctionDef, cst.ClassDef] = {}  # methods -> their class
        self.fields: dict[cst.ClassDef, dict[str, FieldDef]] = {}
        self.reads_of_self: dict[cst.FunctionDef, set[str] | None] = {}
        self.name_counts: dict[str, int] | None = None
        self.functional_returns: dict[cst.FunctionDef, bool] = {}  # see model/keras.py
        self.lists: dict[int, frozenset[str]] = {}  # id(scope node) -> see model/lists.py
        self.redefined: dict[cst.ClassDef, frozenset[str]] = {}  # see overridden()
        # Attribute assignments in the module, by class (False: not counted yet; None: unknowable).
        self.attribute_counts: Counts | None | Literal[False] = False

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
        """Walk one function for real, once; None while it is being walked (recursion)."""
        if fn in self.model.functions:
            return self.model.functions[fn]
        if fn in self.walking:
            return None
        scope = self.walk_function(fn, in_class, summary=False)
        self.model.functions[fn] = scope
        self.model.scopes.append(scope)
        return scope

    def walk_function(self, fn: cst.FunctionDef, in_class: bool, summary: bool) -> Scope:
        """Walk a function body with its parameters bound (kinds from call sites if known)."""
        self.walking.add(fn)
        scope = Scope("function", fn, fn.name.value, in_class=in_class)
        scope.decorators = [self.model.code(d.decorator) for d in fn.decorators]
        walker = Walker(self, scope, {}, self.module_env)
        walker.summary_mode = summary
        passed = {} if summary else self.parameter_values(fn)
        for param in param_names(fn):
            scope.params.append(param)
            b = walker.make(param, Kind.PARAM, fn, [])
            given = passed.get(param)
            if given is not None:
                b.kind, b.int_dtype, b.numeric = given.kind, given.int_dtype, given.numeric
                b.functional, b.symbolic = given.functional, given.symbolic
                b.deps = list(given.deps)  # what the calls passed: dependence, not a path
                b.from_call_sites = True
            walker.env[param] = b
        cls = self.method_class.get(fn)
        # Keras calls a callback's on_* methods eagerly; one this file calls itself takes its
        # mode from those calls instead.
        scope.keras_callback = cls is not None and fn.name.value.startswith("on_") and any(
            self.model.imports.resolve(base.value) == "keras.callbacks.Callback"
            for base in cls.bases) and self.mentions(fn.name.value) == 1
        if cls is not None and scope.params and not is_static(fn):
            me = walker.env[scope.params[0]]
            me.instance_of = cls  # `self.helper(...)` runs this class's method
            if fn.name.value != "__init__":
                walker.bind_fields(scope.params[0], self.fields_of(cls), cls)
        walker.walk_block(fn.body.body)
        self.walking.discard(fn)
        return scope

    def unknown_global(self, name: str, last: Binding) -> Binding:
        """A module name bound several times: a function may see any of its values."""
        if name not in self.unknowns:
            b = Binding(name, Kind.PHI, 0, last.node, [Edge(last, Cut(CutKind.META, "rebound", last.node))])
            b.joined = b.opaque = True
            b.tape, b.function, b.model_of = last.tape, last.function, last.model_of
            self.unknowns[name] = b
        return self.unknowns[name]

    def parameter_values(self, fn: cst.FunctionDef) -> dict[str, Binding]:
        """Parameters that every call in this file passes a plain value of one kind."""
        sites = self.call_sites.get(fn)
        if not sites or fn in self.escaped or None in sites or self.source is None:
            return {}
        if any(not self.traces_only(d) for d in fn.decorators):
            return {}  # a decorator may turn the arguments into anything
        name = fn.name.value
        if self.mentions(name) != len(sites) + 1:
            return {}  # referenced somewhere the walk did not see as a call
        out: dict[str, Binding] = {}
        for param in param_names(fn):
            given = [site.get(param) for site in sites if site is not None]
            first = given[0] if given else None
            if first is None or any(g is None for g in given):
                continue
            kinds = {g.kind for g in given if g is not None}
            functional = all(g.functional for g in given if g is not None)  # build_model()
            if len(kinds) != 1 or first.kind not in PLAIN | {Kind.MODEL} and not functional or any(
                    g.opaque or g.joined and g.kind is not Kind.MODEL and not functional
                    for g in given if g is not None):
                continue
            if any(_aliased(site, param) for site in sites if site is not None):
                return {}
            merged = Binding(param, Kind.MODEL if functional else first.kind, 0, fn, [
                Edge(g, Cut(CutKind.META, "argument", fn)) for g in given if g is not None])
            merged.int_dtype = all(g.int_dtype for g in given if g is not None)
            merged.functional = functional
            numerics = {g.numeric for g in given if g is not None}
            merged.numeric = first.numeric if len(numerics) == 1 else None
            out[param] = merged
        return out

    def model_passed(self, cls: cst.ClassDef, param: str) -> Binding | None:
        """The Keras model every construction of `cls` in this file hands `__init__` as
        `param` (`Trainer(net)`), when the class is used nowhere else."""
        init = init_of(cls)
        sites = self.call_sites.get(init) if init is not None else None
        if not sites or None in sites or self.mentions(cls.name.value) != len(sites) + 1:
            return None
        given = [site.get(param) for site in sites if site is not None]
        if not given or any(g is None or g.kind is not Kind.MODEL or not g.keras for g in given):
            return None
        return given[0]

    def mentions(self, name: str) -> int:
        """How often the code (not its comments or strings) mentions a name or attribute."""
        if self.name_counts is None:
            counts: dict[str, int] = {}
            stack: list[cst.CSTNode] = [self.model.module]
            while stack:
                n = stack.pop()
                if isinstance(n, cst.Name):
                    counts[n.value] = counts.get(n.value, 0) + 1
                stack.extend(kids(n))
            self.name_counts = counts
        return self.name_counts.get(name, 0)

    def attribute_assignments(self) -> Counts | None:
        """The module's attribute assignments by class (counted once; None: unknowable)."""
        if self.attribute_counts is False:
            self.attribute_counts = assigned_attributes(self.model.module)
        return self.attribute_counts

    def assigned_in_class(self, cls: cst.ClassDef, attr: str) -> bool:
        """Do the class's methods assign `self.attr`?"""
        counts = self.attribute_assignments()
        return counts is None or bool(counts.get((cls.name.value, attr)))

    def sets_on_self(self, cls: cst.ClassDef, attr: str) -> bool:
        """Does the class (or any code on another receiver) assign `attr`?"""
        counts = self.attribute_assignments()
        return counts is None or bool(counts.get((cls.name.value, attr)) or counts.get((None, attr)))

    def traces_only(self, decorator: cst.Decorator) -> bool:
        """`@tf.function` (with or without arguments): it passes the arguments through."""
        expr = decorator.decorator
        expr = expr.func if isinstance(expr, cst.Call) else expr
        return self.model.imports.resolve(expr) == "tensorflow.function"

    def fields_read(self, method: cst.FunctionDef) -> set[str] | None:
        """The attributes of self a method reads (cached; None: any)."""
        if method not in self.reads_of_self:
            cls = self.method_class.get(method)
            self.reads_of_self[method] = fields_read(cls, method) if cls is not None else None
        return self.reads_of_self[method]

    def followed_lists(self, scope: cst.CSTNode) -> frozenset[str]:
        """The list names of a scope the model follows item by item (see model/lists.py)."""
        found = self.lists.get(id(scope))
        if found is None:
            found = self.lists[id(scope)] = followed_lists(scope, self.model.imports)
        return found

    def overridden(self, cls: cst.ClassDef, method: str) -> bool:
        """Does a subclass in this module (at any depth) define `method` again?"""
        if cls not in self.redefined:  # every method name its subclasses define, once per class
            classes = set(self.method_class.values()) | {
                c for c in self.model.module.body if isinstance(c, cst.ClassDef)}
            below, grown = {cls.name.value}, True
            while grown:
                grown = False
                for c in classes:
                    if c.name.value not in below and any(isinstance(b.value, cst.Name) and
                                                         b.value.value in below for b in c.bases):
                        below.add(c.name.value)
                        grown = True
            self.redefined[cls] = frozenset(m.name.value for c in classes if c is not cls
                                            and c.name.value in below for m in methods(c))
        return method in self.redefined[cls]

    def fields_of(self, cls: cst.ClassDef) -> dict[str, FieldDef]:
        """The attributes a class sets once in `__init__` (cached)."""
        if cls not in self.fields:
            subclasses = [c.name.value for c in self.method_class.values() if any(
                isinstance(b.value, cst.Name) and b.value.value == cls.name.value
                for b in c.bases)]
            self.fields[cls] = class_fields(cls, self.model.imports, self.attribute_assignments(),
                                            sorted(set(subclasses)))
        return self.fields[cls]

    def summary(self, fn: cst.FunctionDef) -> FunctionSummary | None:
        """What each parameter of a local function reaches in its return value."""
        if fn in self.summaries:
            return self.summaries[fn]
        if fn in self.walking:
            return None
        scope = self.model.functions.get(fn) or self.walk_function(fn, False, summary=True)
        from tflint_grad.model.paths import (
            reach_through,  # paths imports the model types
        )

        per_param: dict[str, Reach] = {}
        if any(self.model.imports.resolve(d.decorator.func if isinstance(d.decorator, cst.Call)
                                          else d.decorator) == "tensorflow.custom_gradient"
               for d in fn.decorators):
            result_custom = FunctionSummary(scope.params, per_param, set(scope.free_names))
            self.summaries[fn] = result_custom  # its own gradient: no cut passes through
            return result_custom
        params = {b.name: b for b in scope.bindings if b.kind is Kind.PARAM
                  or b.from_call_sites}
        for name, binding in params.items():
            per_param[name] = reach_through([e for r in scope.returns for e in r], binding)
        if scope.params and fn in self.method_class and not is_static(fn):
            # A method's fields (`self.w`, bound before its first statement): keyed ".w".
            prefix = scope.params[0] + "."
            firsts: dict[str, Binding] = {}
            for b in scope.bindings:
                if b.name.startswith(prefix):
                    firsts.setdefault(b.name[len(prefix) - 1:], b)
            for key, binding in firsts.items():
                per_param[key] = reach_through([e for r in scope.returns for e in r], binding)
        returned = [e for r in scope.returns for e in r]
        free_cut: dict[str, Cut] = {}
        for name in scope.free_names:
            held = self.module_env.get(name) if self.module_env is not None else None
            reach = reach_through(returned, held) if held is not None else None
            if isinstance(reach, Cut) and reach.kind is CutKind.DATASET:
                free_cut[name] = reach
        result = FunctionSummary(scope.params, per_param, set(scope.free_names), free_cut)
        self.summaries[fn] = result
        return result


def _aliased(site: dict[str, Binding | None], param: str) -> bool:
    """Does one call pass the same value for `param` and another parameter?"""
    mine = site.get(param)
    return mine is not None and any(other is mine for name, other in site.items()
                                    if name != param)


class Walker(Statements, Compound, Expressions, Inference):
    """Walks the statements of one scope in order, tracking names, tapes and recording."""


def build_model(module: cst.Module, source: str | None = None) -> Model:
    """Build the recording model of a parsed module (`source` lets calls type parameters)."""
    return Builder(module, source).build()


__all__ = ["build_model", "Builder", "Walker", "ops"]
