"""Keras training by `fit`: models whose every path from the weights to the loss is cut.

`model.fit` / `train_on_batch` takes the gradient itself, inside Keras. When the loss handed to
`compile(loss=f)` depends on `y_pred` only through ops without a gradient (tf.round, argmax,
comparisons, integer casts), or the model's last layer is a `Lambda` whose function does, no
weight gets a gradient, and Keras 3 raises `ValueError: No gradients provided for any
variable.` at the fit. This module finds those trainings; it reads the module's statements in
order, per function, and stays silent on anything it cannot follow (a loss it cannot see
whole, a model name rebound, a helper of unknown effect on `y_pred`).
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import libcst as cst

from tflint_grad.model import ops
from tflint_grad.model.flow import CUT_OPS, Dep, Flow
from tflint_grad.model.scope import Model
from tflint_grad.syntax import methods, root_name, subtree, target_names

TRAINING_METHODS = frozenset({"fit", "train_on_batch"})
_OUTPUT = "#output"
# Methods of a model whose effect on its training the reader knows (or that do not change it).
_UNDERSTOOD = frozenset({"add", "compile", "fit", "train_on_batch", "summary", "evaluate",
                         "predict", "count_params"})  # the key under which a name made by `Lambda(f)(h)` is remembered
_LAYERS = ("keras.layers.Lambda",)
# Methods with which a subclassed model trains its own way: fit no longer uses compile's loss.
_OWN_TRAINING = frozenset({"train_step", "compute_loss", "fit", "train_on_batch", "__call__"})


@dataclass(frozen=True, slots=True)
class CutTraining:
    """`fit` on a model whose loss path is cut at `op`, inside `function` (its `role`)."""

    op: cst.CSTNode
    fit: cst.Call
    model_name: str
    function: str   # the loss or Lambda function's name as written
    role: str       # "loss" | "lambda" | "layer" | "model" (a subclassed model's call)


@dataclass
class _Keras:
    """What the statements so far did to one model name."""

    last_layer: cst.BaseExpression | None = None
    loss: cst.BaseExpression | None = None
    layers_known: bool = True
    compiles: int = 0


@dataclass
class _Reader:
    model: Model
    defs: dict[str, cst.FunctionDef | None]  # module-level defs (None: defined twice)
    classes: dict[str, cst.ClassDef] = field(default_factory=dict)  # defined once
    found: list[CutTraining] = field(default_factory=list)
    bindings: dict[str, int] | None = None  # how often the module binds each name

    def resolve(self, node: cst.BaseExpression) -> str:
        return self.model.imports.resolve(node) or ""

    def is_layer(self, call: cst.BaseExpression, suffix: str) -> bool:
        return isinstance(call, cst.Call) and self.resolve(call.func).endswith(suffix) and \
            self.resolve(call.func).split(".")[0] in ("tensorflow", "keras")

    # ------------------------------------------------------------ statements, in order
    def body(self, stmts: Sequence[cst.BaseStatement],
             models: dict[str, _Keras]) -> dict[str, _Keras]:
        for stmt in stmts:
            if isinstance(stmt, cst.SimpleStatementLine):
                for small in stmt.body:
                    self.poison(small, models)
                    self.small(small, models)
            elif isinstance(stmt, (cst.FunctionDef, cst.ClassDef)):
                models.pop(stmt.name.value, None)
            elif isinstance(stmt, (cst.For, cst.While, cst.If, cst.With, cst.Try)):
                self.compound(stmt, models)
        return models

    def compound(self, stmt: cst.BaseCompoundStatement, models: dict[str, _Keras]) -> None:
        """Blocks run in order; a branch that changes a model makes it unknown afterwards."""
        body = stmt.body
        header = [getattr(stmt, "test", None), getattr(stmt, "iter", None)] + [
            i.item for i in getattr(stmt, "items", ())]
        for part in header:
            if part is not None:
                self.poison(part, models)
        bound = [getattr(stmt, "target", None)] + [
            i.asname.name for i in getattr(stmt, "items", ()) if i.asname is not None]
        for target in bound:
            if isinstance(target, cst.BaseExpression):
                for name in target_names(target):  # `for model in candidates:` rebinds the name
                    models.pop(name, None)
                    models.pop(name + _OUTPUT, None)
        if isinstance(stmt, cst.With) and isinstance(body, cst.IndentedBlock):
            self.body(body.body, models)
            return
        for part in _blocks(stmt):
            suite = getattr(part, "body", None)
            inner = suite if isinstance(suite, cst.IndentedBlock) else None
            if inner is None:
                continue
            before = {k: (v.last_layer, v.loss, v.compiles) for k, v in models.items()}
            self.body(inner.body, models)
            for name in list(models):
                if before.get(name) != (models[name].last_layer, models[name].loss,
                                        models[name].compiles):
                    models[name].layers_known = False  # changed only on some paths

    def small(self, s: cst.BaseSmallStatement, models: dict[str, _Keras]) -> None:
        if isinstance(s, cst.Assign):
            for target in s.targets:
                for name in target_names(target.target):
                    models.pop(name, None)
                    models.pop(name + _OUTPUT, None)
            if len(s.targets) == 1 and isinstance(s.targets[0].target, cst.Name):
                name = s.targets[0].target.value
                made = self.made(s.value, models)
                if made is not None:
                    models[name] = made
                elif isinstance(s.value, cst.Call) and self.is_layer(s.value.func, "layers.Lambda"):
                    # `out = Lambda(f)(h)`: a functional model's output made by that layer
                    models[name + _OUTPUT] = _Keras(last_layer=s.value.func)
            self.calls(s.value, models)
        elif isinstance(s, cst.Expr):
            self.calls(s.value, models)
        elif isinstance(s, (cst.AugAssign, cst.AnnAssign, cst.Del)):
            for name in target_names(s.target):
                models.pop(name, None)
                models.pop(name + _OUTPUT, None)

    def poison(self, node: cst.CSTNode, models: dict[str, _Keras]) -> None:
        """A model name used other than as `model.add/compile/fit/...(...)` or as the target
        it is bound to (handed to a helper, aliased, `model.pop()`, `model.trainable = False`)
        may be changed out of sight: its training is not followed."""
        if not models or isinstance(node, cst.Return):
            return  # `return model`: the caller's name takes over what is known
        total: dict[str, int] = {}
        understood: dict[str, int] = {}
        for n in subtree(node):
            if isinstance(n, cst.Name) and n.value in models:
                total[n.value] = total.get(n.value, 0) + 1
            elif isinstance(n, cst.Call) and isinstance(n.func, cst.Attribute) and \
                    isinstance(n.func.value, cst.Name) and n.func.attr.value in _UNDERSTOOD:
                name = n.func.value.value
                understood[name] = understood.get(name, 0) + 1
        if isinstance(node, cst.Assign):
            for target in node.targets:
                for name in target_names(target.target):
                    understood[name] = understood.get(name, 0) + 1
        for name, count in total.items():
            if count > understood.get(name, 0):
                models[name].layers_known = False

    def made(self, value: cst.BaseExpression, models: dict[str, _Keras]) -> _Keras | None:
        """A Sequential from a list of layers, an empty one, or a helper that returns one."""
        if not isinstance(value, cst.Call):
            return None
        name = self.resolve(value.func)
        if name.endswith("keras.Sequential") or name.endswith("keras.models.Sequential"):
            layers = ops.arg(value, 0, "layers")
            if layers is None:
                return _Keras()
            if isinstance(layers, cst.List) and layers.elements and not any(
                    isinstance(e, cst.StarredElement) for e in layers.elements):
                return _Keras(last_layer=layers.elements[-1].value)
            return None
        if name.endswith(("keras.Model", "keras.models.Model")):
            # A functional model: its loss is followed, and its output when a Lambda made it.
            outputs = ops.arg(value, 1, "outputs")
            if isinstance(outputs, cst.Name) and outputs.value + _OUTPUT in models:
                return _Keras(last_layer=models[outputs.value + _OUTPUT].last_layer)
            if isinstance(outputs, cst.Call) and self.is_layer(outputs.func, "layers.Lambda"):
                return _Keras(last_layer=outputs.func)
            return _Keras()
        if isinstance(value.func, cst.Name) and not name:
            fn = self.defs.get(value.func.value)
            if fn is not None:
                return self.returned(fn)
            cls = self.keras_subclass(value.func.value, "keras.Model")
            if cls is not None and not any(m.name.value in _OWN_TRAINING for m in methods(cls)):
                return _Keras(last_layer=value)  # a subclassed model: its call is the output
        return None

    def keras_subclass(self, name: str, base: str) -> cst.ClassDef | None:
        """A class of this file, defined once, that derives directly from `base`."""
        cls = self.classes.get(name)
        if cls is None or not self.once(name):
            return None
        if not any(self.resolve(b.value).endswith(base) for b in cls.bases):
            return None
        return cls

    def returned(self, fn: cst.FunctionDef) -> _Keras | None:
        if _returns(fn) != 1 or not self.once(fn.name.value):
            return None  # an early return in a branch hands back another model
        return self.returned_at_end(fn)

    def returned_at_end(self, fn: cst.FunctionDef) -> _Keras | None:
        """The model a helper builds and returns (`return model` or `return Model(...)` at its
        end)."""
        body = fn.body.body if isinstance(fn.body, cst.IndentedBlock) else ()
        if not body or not isinstance(body[-1], cst.SimpleStatementLine):
            return None
        last = body[-1].body[-1]
        if not isinstance(last, cst.Return) or last.value is None:
            return None
        inner = self.body(body, {})
        if isinstance(last.value, cst.Call):  # `return Model(inputs, outputs)`
            return self.made(last.value, inner)
        return inner.get(last.value.value) if isinstance(last.value, cst.Name) else None

    def calls(self, value: cst.BaseExpression, models: dict[str, _Keras]) -> None:
        for node in subtree(value):  # `print(model.train_on_batch(x, y))` too
            if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and \
                    isinstance(node.func.value, cst.Name):
                self.method_call(node, models)

    def method_call(self, value: cst.Call, models: dict[str, _Keras]) -> None:
        assert isinstance(value.func, cst.Attribute) and isinstance(value.func.value, cst.Name)
        name, method = value.func.value.value, value.func.attr.value
        held = models.get(name)
        if held is None:
            return
        if method == "add":
            layer = ops.arg(value, 0, "layer")
            held.last_layer = layer
        elif method == "compile":
            held.compiles += 1
            held.loss = ops.arg(value, 1, "loss")
        elif method in TRAINING_METHODS and held.layers_known and held.compiles == 1:
            self.training(value, name, held)

    # ------------------------------------------------------------ the cut
    def training(self, fit: cst.Call, name: str, held: _Keras) -> None:
        loss = held.loss
        function = self.function(loss) or self.loss_class_call(loss)
        if function is not None:
            op = self.cut(*function, param=1)
            if op is not None:
                self.found.append(CutTraining(op, fit, name, self.model.code(loss or fit),
                                              "loss"))
                return
        layer = held.last_layer
        custom = self.layer_call(layer)
        if custom is not None:
            cls, call = custom
            op = self.cut(call.params, call.body.body, param=1, method=True) \
                if isinstance(call.body, cst.IndentedBlock) else None
            if op is not None:
                role = "model" if self.keras_subclass(cls, "keras.Model") else "layer"
                self.found.append(CutTraining(op, fit, name, f"{cls}.call", role))
            return
        if layer is not None and self.is_layer(layer, "layers.Lambda") and \
                isinstance(layer, cst.Call):
            given = ops.arg(layer, 0, "function")
            if given is not None and self.resolve(given) in CUT_OPS:  # `Lambda(tf.round)`
                self.found.append(CutTraining(given, fit, name, self.model.code(given), "lambda"))
                return
            function = self.function(given)
            if function is not None:
                op = self.cut(*function, param=0)
                if op is not None:
                    fn = ops.arg(layer, 0, "function")
                    self.found.append(CutTraining(op, fit, name,
                                                  self.model.code(fn) if fn else "", "lambda"))

    def loss_class_call(self, loss: cst.BaseExpression | None
                        ) -> tuple[cst.Parameters, Sequence[cst.BaseStatement]] | None:
        """`loss=RoundedMSE()` of a `keras.losses.Loss` subclass of this file: its `call`
        without self (`call(self, y_true, y_pred)` reads as `(y_true, y_pred)`)."""
        if not isinstance(loss, cst.Call) or not isinstance(loss.func, cst.Name):
            return None
        cls = self.keras_subclass(loss.func.value, "keras.losses.Loss")
        calls = [m for m in methods(cls) if m.name.value == "call" and not m.decorators] \
            if cls is not None else []
        if len(calls) != 1 or not isinstance(calls[0].body, cst.IndentedBlock) or \
                _reads_self(calls[0]):
            return None
        params = calls[0].params
        return params.with_changes(params=params.params[1:]), calls[0].body.body

    def once(self, name: str) -> bool:
        """Is `name` bound exactly once in the whole module (its def), so every use means it?"""
        if self.bindings is None:
            counter = _Bindings()
            self.model.module.visit(counter)
            self.bindings = counter.counts
        return self.bindings.get(name, 0) == 1

    def layer_call(self, layer: cst.BaseExpression | None) -> tuple[str, cst.FunctionDef] | None:
        """`MyLayer(...)` of a class of this file: its undecorated `call` method."""
        if not isinstance(layer, cst.Call) or not isinstance(layer.func, cst.Name) or \
                self.resolve(layer.func):
            return None
        cls = self.classes.get(layer.func.value)
        if cls is None:
            return None
        calls = [m for m in methods(cls) if m.name.value == "call" and not m.decorators]
        return (cls.name.value, calls[0]) if len(calls) == 1 else None

    def function(self, expr: cst.BaseExpression | None
                 ) -> tuple[cst.Parameters, Sequence[cst.BaseStatement] | cst.BaseExpression] | None:
        """The parameters and body of the function an expression names (a def of this file,
        a factory's inner def returned by name, or a lambda)."""
        if isinstance(expr, cst.Lambda):
            return expr.params, expr.body
        fn: cst.FunctionDef | None = None
        if isinstance(expr, cst.Name) and not self.resolve(expr) and self.once(expr.value):
            fn = self.defs.get(expr.value)
        elif isinstance(expr, cst.Call) and isinstance(expr.func, cst.Name) and \
                not self.resolve(expr.func) and self.once(expr.func.value):
            factory = self.defs.get(expr.func.value)
            inner = _inner_returned(factory) if factory is not None and \
                _returns(factory) == 1 else None
            if isinstance(inner, cst.Lambda):  # `def make(s): return lambda yt, yp: ...`
                return inner.params, inner.body
            fn = inner
        if fn is None or fn.decorators or not isinstance(fn.body, cst.IndentedBlock):
            return None
        return fn.params, fn.body.body

    def cut(self, params: cst.Parameters,
            body: Sequence[cst.BaseStatement] | cst.BaseExpression, param: int,
            method: bool = False) -> cst.CSTNode | None:
        """The first op without gradient, when the result depends on parameter `param` only
        through such ops; None when it depends differentiably, not at all, or unknowably.
        In a layer's `call` (`method`), anything read from self may be a weight of its own:
        a differentiable path."""
        names = [p.name.value for p in params.params]
        if len(names) <= param:
            return None
        flow = Flow(self, names[param])
        for other in names:
            flow.env.setdefault(other, Dep.NONE)
        if method:
            flow.env[names[0]] = Dep.DIFF
        result = flow.dep(body) if isinstance(body, cst.BaseExpression) else \
            flow.statements(body)
        return flow.first_cut if result is Dep.CUT else None


def _blocks(stmt: cst.BaseCompoundStatement) -> Iterator[cst.BaseSuite | cst.CSTNode]:
    yield stmt
    for handler in getattr(stmt, "handlers", ()):
        yield handler
    for attr in ("orelse", "finalbody"):
        part = getattr(stmt, attr, None)
        if part is not None:
            yield part
            if isinstance(part, cst.If):
                yield from _blocks(part)


def _inner_returned(factory: cst.FunctionDef) -> cst.FunctionDef | cst.Lambda | None:
    """`def make(a): def loss(y_true, y_pred): ...; return loss` -> the inner def;
    `def make(a): return lambda y_true, y_pred: ...` -> the lambda."""
    body = factory.body.body if isinstance(factory.body, cst.IndentedBlock) else ()
    if not body or not isinstance(body[-1], cst.SimpleStatementLine):
        return None
    last = body[-1].body[-1]
    if isinstance(last, cst.Return) and isinstance(last.value, cst.Lambda):
        return last.value
    if not isinstance(last, cst.Return) or not isinstance(last.value, cst.Name):
        return None
    inner = [s for s in body if isinstance(s, cst.FunctionDef) and s.name.value == last.value.value]
    return inner[0] if len(inner) == 1 else None


class _Bindings(cst.CSTVisitor):
    """How often each name is bound anywhere in a module (defs, parameters, targets, imports)."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}

    def add(self, name: str) -> None:
        self.counts[name] = self.counts.get(name, 0) + 1

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.add(node.name.value)

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.add(node.name.value)

    def visit_Param(self, node: cst.Param) -> None:
        self.add(node.name.value)

    def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
        for name in target_names(node.target):
            self.add(name)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        for name in target_names(node.target):
            self.add(name)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        for name in target_names(node.target):
            self.add(name)

    def visit_For(self, node: cst.For) -> None:
        for name in target_names(node.target):
            self.add(name)

    def visit_CompFor(self, node: cst.CompFor) -> None:
        for name in target_names(node.target):
            self.add(name)

    def visit_AsName(self, node: cst.AsName) -> None:
        if isinstance(node.name, cst.BaseExpression):
            for name in target_names(node.name):
                self.add(name)

    def visit_ImportAlias(self, node: cst.ImportAlias) -> None:
        if node.asname is None:
            self.add(root_name(node.name) or "")

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        for name in target_names(node.target):
            self.add(name)

    def visit_Global(self, node: cst.Global) -> None:
        for item in node.names:
            self.add(item.name.value)


class _Returns(cst.CSTVisitor):
    def __init__(self, top: cst.FunctionDef) -> None:
        self.top, self.count = top, 0

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return node is self.top

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        return False

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        return False

    def visit_Return(self, node: cst.Return) -> None:
        self.count += 1


def _returns(fn: cst.FunctionDef) -> int:
    """How many return statements the function itself has (nested defs not counted)."""
    counter = _Returns(fn)
    fn.visit(counter)
    return counter.count


def cut_trainings(model: Model) -> list[CutTraining]:
    """Every fit / train_on_batch of this module whose loss path is certainly cut. Nothing
    when a layer has a regularizer or adds a loss: `model.losses` then reaches the weights."""
    if "regularizer" in model.source or "add_loss" in model.source:
        return []
    defs: dict[str, cst.FunctionDef | None] = {}
    for stmt in model.module.body:
        if isinstance(stmt, cst.FunctionDef):
            defs[stmt.name.value] = None if stmt.name.value in defs else stmt
    named = [s for s in model.module.body if isinstance(s, cst.ClassDef)]
    classes = {c.name.value: c for c in named
               if sum(1 for o in named if o.name.value == c.name.value) == 1}
    reader = _Reader(model, defs, classes)
    reader.body(model.module.body, {})
    for fn in [d for d in defs.values() if d is not None]:
        if isinstance(fn.body, cst.IndentedBlock):
            reader.body(fn.body.body, {})
    unique: dict[tuple[int, int], CutTraining] = {}
    for found in reader.found:  # a helper read for its model and again on its own
        unique.setdefault((id(found.op), id(found.fit)), found)
    return list(unique.values())


def _reads_self(fn: cst.FunctionDef) -> bool:
    """Does a method read anything from its instance (a weight it may own)?"""
    first = fn.params.params[0].name.value if fn.params.params else None
    return first is not None and any(isinstance(n, cst.Name) and n.value == first
                                     for n in subtree(fn.body))
