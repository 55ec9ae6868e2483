"""Statements in program order: assignments, tapes, watches, branches, loops and with-blocks."""
from __future__ import annotations

from collections.abc import Sequence
import libcst as cst

from tflint_grad.model.core import WalkerCore

from tflint_grad.model import keras, ops
from tflint_grad.model.lists import GROWERS
from tflint_grad.model.nodes import kids
from tflint_grad.syntax import names_in
from tflint_grad.model.scope import (Binding, Cut, CutKind, Edge, Kind, SessionMade, Tape,
                                     VariableWatch, Watch)


_SESSIONS = ops.SESSIONS


class Statements(WalkerCore):
    """Statement handling, mixed into the walker."""

    def walk_block(self, body: Sequence[cst.CSTNode]) -> None:
        """Walk a block; `terminated` tells whether it always returns or raises."""
        block = self.new_id()
        self.blocks.append(block)
        self.terminated = False
        for stmt in body:
            if self.terminated:
                break
            self.stmt(stmt)
        self.blocks.pop()

    def stmt(self, s: cst.CSTNode) -> None:
        """One statement."""
        if isinstance(s, cst.SimpleStatementLine):
            for small in s.body:
                self.small(small, s)
        elif isinstance(s, cst.If):
            self.walk_if(s)
        elif isinstance(s, (cst.For, cst.While)):
            self.walk_loop(s)
        elif isinstance(s, cst.With):
            self.walk_with(s)
        elif isinstance(s, (cst.Try, cst.TryStar)):
            self.walk_try(s)
        elif isinstance(s, cst.FunctionDef):
            b = self.make(s.name.value, Kind.FUNCTION, s, [])
            b.function = s
            self.env[s.name.value] = b
            self.builder.pending.append((s, False))
            self.note_decorators(s)
        elif isinstance(s, cst.ClassDef):
            cls = self.make(s.name.value, Kind.FUNCTION, s, [])  # a callable the model knows
            cls.class_def = s
            if any(self.is_model_base(base.value) for base in s.bases):
                # Instances own trainable variables; whatever module names the class reads may
                # be shared with them, so instances depend on those.
                cls.model_class_reads = _names_read(s)
                cls.keras = any(self.is_keras_base(base.value) for base in s.bases)
            self.env[s.name.value] = cls
            self.register_methods(s)
        elif isinstance(s, cst.Match):
            self.edges(s.subject)
            self.join_branches([c.body.body for c in s.cases if isinstance(c.body, cst.IndentedBlock)])

    def is_keras_base(self, base: cst.BaseExpression) -> bool:
        """keras.Model, keras.layers.Layer, or a Keras class of this file (not tf.Module)."""
        name = self.resolve(base)
        if name is not None:
            return ops.makes_model(name) and not self.imports.legacy_keras
        local = self.lookup(base.value) if isinstance(base, cst.Name) else None
        return local is not None and local.keras

    def is_model_base(self, base: cst.BaseExpression) -> bool:
        """keras.Model, keras.layers.Layer, tf.Module, or a model class of this file."""
        name = self.resolve(base)
        if name is not None:
            return ops.makes_model(name) or name == "tensorflow.Module"
        if isinstance(base, cst.Name):
            local = self.lookup(base.value)
            return local is not None and local.model_class_reads is not None
        return False

    def register_methods(self, cls: cst.ClassDef) -> None:
        """Methods are scopes of their own; class bodies bind nothing we follow."""
        for s in cls.body.body if isinstance(cls.body, cst.IndentedBlock) else ():
            if isinstance(s, cst.FunctionDef):
                self.builder.pending.append((s, True))
                self.builder.method_class[s] = cls
                self.note_decorators(s)
            elif isinstance(s, cst.ClassDef):
                self.register_methods(s)

    def note_decorators(self, fn: cst.FunctionDef) -> None:
        for d in fn.decorators:
            expr = d.decorator.func if isinstance(d.decorator, cst.Call) else d.decorator
            if self.resolve(expr) == "tensorflow.function":
                self.model.wrapped.add(fn.name.value)

    # --- simple statements -------------------------------------------------------------
    def small(self, s: cst.BaseSmallStatement, line: cst.SimpleStatementLine) -> None:
        if isinstance(s, cst.Assign):
            self.assign([t.target for t in s.targets], s.value, line)
        elif isinstance(s, cst.AnnAssign) and s.value is not None:
            self.assign([s.target], s.value, line)
        elif isinstance(s, cst.AugAssign):
            edges = self.edges(s.value) + self.edges(s.target)
            if isinstance(s.target, cst.Name):
                b = self.make(s.target.value, Kind.UNKNOWN, line, edges)
                self.infer(b, cst.BinaryOperation(s.target, _binop(s.operator), s.value))
                self.env[s.target.value] = b
                self.count_binding(s.target.value)
            else:
                self.mutate(s.target, edges, line)
        elif isinstance(s, cst.Expr):
            self.expression_statement(s.value, line)
        elif isinstance(s, cst.Return):
            self.scope.returns.append(self.edges(s.value) if s.value is not None else [])
            self.exit_block()
        elif isinstance(s, cst.Raise):
            if s.exc is not None:
                self.edges(s.exc)
            self.exit_block()
        elif isinstance(s, (cst.Break, cst.Continue)):
            self.exit_block()
        elif isinstance(s, cst.Assert):
            self.edges(s.test)  # `assert g is not None`: what follows saw the check
            self.checked_after |= names_in(s.test)
        elif isinstance(s, cst.Del):
            for t in _names_in(s.target):
                self.env.pop(t, None)
        elif isinstance(s, (cst.Global, cst.Nonlocal)):
            for n in s.names:
                b = self.make(n.name.value, Kind.UNKNOWN, line, [])
                b.opaque = True
                self.env[n.name.value] = b
        elif isinstance(s, cst.Import):
            self.imports.add_import(s)
        elif isinstance(s, cst.ImportFrom):
            self.imports.add_import_from(s)
            keras.note_import(self, s)
            if isinstance(s.names, cst.ImportStar):
                self.scope.unresolved = True

    def exit_block(self) -> None:
        """The rest of this block does not run; calls made in it end here."""
        block = self.blocks[-1] if self.blocks else 0
        for gc in self.scope.calls:
            if block in gc.blocks:
                gc.exits.add(block)
        self.terminated = True

    def expression_statement(self, value: cst.BaseExpression,
                             line: cst.SimpleStatementLine) -> None:
        if isinstance(value, cst.Call) and isinstance(value.func, cst.Attribute):
            tape = self.tape_named(value.func.value)
            if tape is not None and tape.tape is not None and value.func.attr.value == "watch":
                self.watch(tape.tape, value, alone=len(line.body) == 1)
                return
        if isinstance(value, cst.Call) and self.assigned_variable(value, line):
            return
        if isinstance(value, cst.Call) and self.grow_list(value, line):
            return
        edges = self.edges(value)
        if isinstance(value, cst.Call):
            func = value.func
            if isinstance(func, cst.Attribute) and self.resolve(func) is None:
                old = self.lookup(func.value.value) if isinstance(func.value, cst.Name) else None
                self.mutate(func.value, edges, line)
                if old is not None and func.attr.value == "add" and isinstance(
                        func.value, cst.Name):
                    new = self.env.get(func.value.value)
                    if new is not None and new is not old:
                        keras.added_to_sequential(self, old, new, value)
            elif isinstance(func, cst.Name) and self.resolve(func) is None:
                for e in edges:  # handed to code the model cannot follow
                    e.binding.escaped = True

    def assigned_variable(self, call: cst.Call, line: cst.SimpleStatementLine) -> bool:
        """`v.assign(x)` (assign_add, assign_sub) on a variable: v now holds x's value, but the
        tape records no gradient from x to v."""
        func = call.func
        if not (isinstance(func, cst.Attribute) and func.attr.value in ops.ASSIGN_METHODS
                and isinstance(func.value, cst.Name)):
            return False
        held = self.lookup(func.value.value)
        if held is None or held.kind not in (Kind.VARIABLE, Kind.FROZEN) or held.opaque:
            return False
        passed: list[Edge] = []
        for a in call.args:
            passed += self.edges(a.value)
        label = f"{self.model.code(func)}()"
        self.mutate(func.value, [Edge(e.binding, Cut(CutKind.ASSIGNED, label, call))
                                 for e in passed], line)
        return True

    def watch(self, tape: Tape, call: cst.Call, alone: bool = False) -> None:
        """`tape.watch(x)` / `tape.watch([x, t])`."""
        arg = ops.arg(call, 0, "tensor")
        items: list[cst.BaseExpression | None] = (
            [e.value for e in arg.elements] if isinstance(arg, (cst.List, cst.Tuple)) else [arg])
        seq = self.next_seq()
        keras.note_tape_use(self, call, [i for i in items if i is not None], "watch")
        for item in items:
            self.note_variable_watch(tape, call, item, alone and len(items) == 1)
            b = self.lookup(item.value) if isinstance(item, cst.Name) else (
                self.field(item) if item is not None else None)
            if b is None or b.joined:
                tape.watch_unknown = True  # a container or loop variable: its items are unknown
            if b is not None:
                tape.watches.append(Watch(b, seq))

    def note_variable_watch(self, tape: Tape, call: cst.Call, item: cst.BaseExpression | None,
                            alone: bool) -> None:
        """Remember a watch handed the variables of a Keras model or layer."""
        if item is None:
            return
        owner = self.variables_of(item)
        if owner is None and isinstance(item, cst.Attribute) and isinstance(item.value, cst.Name) \
                and item.attr.value in ops.LAYER_VARIABLES:
            owner = self.lookup(item.value.value)  # `dense.kernel`: one variable of a layer
            cls = owner.instance_of if owner is not None else None
            if cls is not None and self.builder.sets_on_self(cls, item.attr.value):
                owner = None  # the layer class sets `self.kernel` itself: it may be a tf.Variable
        if owner is None:
            owner = self.layer_owner(item)
        if owner is None and isinstance(item, cst.Name):
            named = self.lookup(item.value)
            owner = named.model_of if named is not None and not named.joined else None
        if owner is not None and owner.keras:
            self.scope.variable_watches.append(VariableWatch(call, owner, item, alone, tape))
            self.site(call)

    def layer_owner(self, item: cst.BaseExpression) -> Binding | None:
        """`model.get_layer(name).variables` / `model.layers[i].kernel`: a built-in Keras model's
        layer holds Keras variables; the model's binding, or None."""
        if not isinstance(item, cst.Attribute) or \
                item.attr.value not in ops.VARIABLE_LISTS | ops.LAYER_VARIABLES:
            return None
        layer, base, field = item.value, None, None
        if isinstance(layer, cst.Call) and isinstance(layer.func, cst.Attribute) \
                and layer.func.attr.value == "get_layer":
            base = layer.func.value
        elif isinstance(layer, cst.Subscript) and isinstance(layer.value, cst.Attribute) \
                and layer.value.attr.value == "layers":
            base = layer.value.value
        else:  # `model.dense.kernel` / `model.blocks[1].kernel`: a field of a model class
            if isinstance(layer, cst.Subscript):
                layer = layer.value
            if isinstance(layer, cst.Attribute):
                base, field = layer.value, layer.attr.value
        held = (self.lookup(base.value) if isinstance(base, cst.Name) else
                self.field(base) if base is not None else None)
        if held is None:
            return None
        if field is not None:  # a class of this file that fills it only with built-in layers
            cls = held.instance_of if held.keras else None
            return held if cls is not None and keras.builtin_layers_field(self, cls, field) \
                else None
        if held.kind is not Kind.MODEL or held.instance_of is not None:
            return None  # a model class of this file may hold layers of its own making
        return held

    def tensor_item(self, expr: cst.BaseExpression) -> bool:
        """Is an appended value certainly a tensor (or number) computed here, not a callable,
        layer or object that computes later (`functools.partial`, `model.get_layer`)?"""
        if isinstance(expr, (cst.BinaryOperation, cst.UnaryOperation, cst.Subscript,
                             cst.Integer, cst.Float)):
            return True
        if isinstance(expr, cst.Name):
            held = self.lookup(expr.value)
            return held is not None and (held.tf_value or held.kind in (
                Kind.CONST, Kind.VARIABLE, Kind.FROZEN, Kind.GRADIENT))
        if isinstance(expr, cst.Call):
            name = self.resolve(expr.func) or ""
            if name.startswith("tensorflow.") and not name.startswith(
                    ("tensorflow.function", "tensorflow.keras")):
                return True
            if isinstance(expr.func, cst.Name) and not name:  # `huber(y, v)`: a loss object
                held = self.lookup(expr.func.value)
                return held is not None and held.kind is Kind.CALL and held.class_def is None \
                    and held.instance_of is None and not held.opaque
        return False

    def grow_list(self, call: cst.Call, node: cst.CSTNode) -> bool:
        """`losses.append(v)` / `extend` / `insert` on a list literal's name: the list holds what
        it held and each value handed in, made here (`clear()` empties it). It stays a known
        Python list, not an object changed in some unknown way."""
        func = call.func
        if not isinstance(func, cst.Attribute) or not isinstance(func.value, cst.Name) or \
                func.attr.value not in GROWERS or self.resolve(func):
            return False
        old = self.lookup(func.value.value)
        # An opaque list is a loop's head (or a branch join missing in one branch): its
        # opacity is settled when the loop closes over what the body appended.
        if old is None or not old.sequence or old.tf_value or \
                old.name not in self.builder.followed_lists(self.scope.node):
            return False  # aliased, handed on, rebound: what it holds is not known
        edges = [] if func.attr.value == "clear" else [Edge(old)]
        for a in call.args:
            if not self.tensor_item(a.value):
                return False  # a callable, a layer, an object: not a value made here
            item = self.value_binding(a.value, a.value)
            if item is None:
                return False  # the names were looked up: nothing to undo
            edges.append(Edge(item))
        new = self.make(old.name, old.kind, node, edges)
        new.sequence = new.joined = True  # a container of values: no step of its own
        self.env[old.name] = new
        return True

    def mutate(self, target: cst.BaseExpression, edges: list[Edge],
               node: cst.CSTNode) -> None:
        """`obj.attr = v`, `obj[i] = v`, `obj.method(v)`: obj now holds what flowed in."""
        while isinstance(target, (cst.Attribute, cst.Subscript)):
            target = target.value
        if not isinstance(target, cst.Name):
            return
        old = self.lookup(target.value)
        if old is None or old.kind in (Kind.TAPE, Kind.FUNCTION):
            return
        new = self.make(target.value, old.kind, node, [Edge(old)] + edges)
        new.model_of, new.int_dtype, new.tape = old.model_of, old.int_dtype, old.tape
        new.keras, new.instance_of, new.class_def = old.keras, old.instance_of, old.class_def
        new.keras_optimizer, new.functional = old.keras_optimizer, old.functional
        new.joined = True  # the object changed in place: no new tensor, no step of its own
        # What an object (self, a list, an optimizer) holds after a change is not known well
        # enough to prove a path broken; a variable stays the same tracked variable.
        new.opaque = old.kind not in (Kind.VARIABLE, Kind.FROZEN)
        self.env[target.value] = new

    def assign(self, targets: list[cst.BaseExpression], value: cst.BaseExpression,
               line: cst.SimpleStatementLine) -> None:
        """`a = b = value`, tuple unpacking, tapes made by assignment."""
        if isinstance(value, cst.Call) and self.resolve(value.func) == \
                "tensorflow.GradientTape" and len(targets) == 1 and isinstance(targets[0], cst.Name):
            self.env[targets[0].value] = self.tape_binding(targets[0].value, value, line)
            return
        session = isinstance(value, cst.Call) and self.resolve(value.func) in _SESSIONS
        aliased = self.resolve(value) if isinstance(value, (cst.Name, cst.Attribute)) else None
        if aliased is not None and aliased.startswith(("tensorflow.", "keras.")) and all(
                isinstance(t, cst.Name) for t in targets):
            origin = self.imports.origin(value)
            for target in targets:  # `grads_fn = tf.compat.v1.gradients`, `K = tf.keras.backend`
                assert isinstance(target, cst.Name)
                self.imports.aliases[target.value] = aliased
                if origin is not None:
                    self.imports.origins[target.value] = origin
                self.env.pop(target.value, None)
            return
        unpacked = [t for t in targets if isinstance(t, cst.Tuple)]
        if isinstance(value, cst.Tuple) and len(unpacked) == len(targets) and all(
                len(t.elements) == len(value.elements) for t in unpacked):
            # Every right-hand side is read before any name is bound: `a, b = b, a`.
            read = [(e.value, self.edges(e.value), self.alias_of(e.value))
                    for e in value.elements]
            for t in unpacked:
                for element, (expr, edges, alias) in zip(t.elements, read):
                    self.bind(element.value, expr, edges, line, alias)
            return
        edges = self.edges(value)
        first: Binding | None = None
        for target in targets:
            if first is not None and isinstance(target, cst.Name):
                self.env[target.value] = first  # `x = x0 = value`: one value, two names
                continue
            self.bind(target, value, edges, line)
            if isinstance(target, cst.Name):
                first = self.env.get(target.value)
                if session and first is not None and isinstance(value, cst.Call):
                    first.session = SessionMade(False, value, self.graph_depth > 0)

    def count_binding(self, name: str) -> None:
        """Count how often module code binds a name (functions cannot know which they see)."""
        if self.module_env is None:
            self.builder.rebound[name] = self.builder.rebound.get(name, 0) + 1

    def alias_of(self, value: cst.BaseExpression) -> Binding | None:
        """The binding a plain name on a right-hand side holds now."""
        return self.lookup(value.value) if isinstance(value, cst.Name) else None

    def bind(self, target: cst.BaseExpression, value: cst.BaseExpression,
             edges: list[Edge], line: cst.CSTNode, alias: Binding | None = None) -> None:
        """Bind one assignment target (`alias`: what a right-hand name held, read earlier)."""
        if isinstance(target, cst.Name):
            if isinstance(value, cst.Name):
                same = alias if alias is not None else self.lookup(value.value)
                if same is not None:
                    self.env[target.value] = same
                    return
            wrapped = self.wrapped_function(value)
            if wrapped is not None:
                self.env[target.value] = wrapped  # `f = tf.function(f)`: still f, now traced
                return
            if isinstance(value, cst.Call) and value in self.inline_results:
                result = self.inline_results[value]
                if not result.name.isidentifier():
                    result.name, result.node = target.value, line
                self.env[target.value] = result
                return
            b = self.make(target.value, Kind.UNKNOWN, line, edges)
            self.infer(b, value)
            self.env[target.value] = b
            self.count_binding(target.value)
        elif isinstance(target, (cst.Tuple, cst.List)):
            grad = self.inline_results.get(value) if isinstance(value, cst.Call) else None
            for i, element in enumerate(target.elements):
                inner = element.value
                if not isinstance(inner, cst.Name):
                    self.bind(inner, value, edges, line)
                    continue
                b = self.make(inner.value, Kind.CALL, line, edges)
                if isinstance(value, cst.Call) and self.resolve(value.func) in \
                        ops.INT_PRESERVING:
                    self.infer(b, value)  # tf.meshgrid / tf.unstack results keep the dtype
                if grad is not None and grad.grad is not None and not grad.grad.single_source \
                        and len(grad.grad.sources) == len(target.elements):
                    b.kind, b.grad, b.grad_index = Kind.GRADIENT, grad.grad, i
                self.env[inner.value] = b
        elif isinstance(target, (cst.Attribute, cst.Subscript)):
            self.mutate(target, edges, line)
        elif isinstance(target, cst.StarredElement):
            self.bind(target.value, value, edges, line)

    def wrapped_function(self, value: cst.BaseExpression) -> Binding | None:
        """The local function in `tf.function(f)`, if that is what the value is."""
        if isinstance(value, cst.Call) and self.resolve(value.func) == "tensorflow.function":
            inner = ops.arg(value, 0, "func")
            if isinstance(inner, cst.Name):
                found = self.lookup(inner.value)
                if found is not None and found.kind is Kind.FUNCTION:
                    return found
        return None

    def tape_binding(self, name: str, call: cst.Call, node: cst.CSTNode) -> Binding:
        """A TAPE binding for `tf.GradientTape(...)`."""
        tape = Tape(name, call, _literal(ops.arg(call, 0, "persistent"), False),
                    _literal(ops.arg(call, 1, "watch_accessed_variables"), True),
                    loops=tuple(self.loops))
        self.scope.tapes.append(tape)
        b = self.make(name, Kind.TAPE, node, [])
        b.tape = tape
        return b

def _literal(node: cst.BaseExpression | None, default: bool) -> bool | None:
    if node is None:
        return default
    if isinstance(node, cst.Name) and node.value in ("True", "False"):
        return node.value == "True"
    return None


def _binop(op: cst.BaseAugOp) -> cst.BaseBinaryOp:
    name = type(op).__name__.replace("Assign", "")
    return getattr(cst, name)() if hasattr(cst, name) else cst.Add()


def _names_read(node: cst.CSTNode) -> frozenset[str]:
    """Every plain name a class body mentions."""
    out: set[str] = set()
    stack: list[cst.CSTNode] = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, cst.Name):
            out.add(n.value)
        stack.extend(kids(n))
    return frozenset(out)


def _names_in(node: cst.CSTNode) -> list[str]:
    if isinstance(node, cst.Name):
        return [node.value]
    if isinstance(node, (cst.Tuple, cst.List)):
        return [n for e in node.elements for n in _names_in(e.value)]
    if isinstance(node, cst.StarredElement):
        return _names_in(node.value)
    if isinstance(node, cst.Del):
        return _names_in(node.target)
    return []
