"""Keras models that are piecewise linear in their input: every layer a Dense (or an input,
flatten, dropout or reshape layer) whose activation is ReLU-like or linear.

Such a network's second derivatives are zero wherever they exist: TensorFlow's gradient of
`u_x` returns zeros when a ReLU is on the path, and None when every layer is linear (`u_x` is
then a constant). A reader of its own, run only when that rule's trigger tokens occur; it
decides from the statements that build the model, wherever the file makes them:
`m = Sequential([...])`, `m.add(Dense(...))` (in loops too), a module function that builds and
returns one, and `self.net = ...` fields of a class.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import re

import libcst as cst

from tflint_grad.model import ops
from tflint_grad.model.nodes import param_names
from tflint_grad.model.scope import Model

_SEQUENTIAL = ("keras.Sequential", "keras.models.Sequential")
_RELU_LIKE = frozenset({"relu", "relu6", "leaky_relu"})
_LINEAR = frozenset({"linear"})
# Layers that pass their input on linearly (at inference and in training alike for these).
_PASS_LAYERS = ("keras.Input", "keras.layers.Input", "keras.layers.InputLayer",
                "keras.layers.Flatten", "keras.layers.Dropout", "keras.layers.Reshape")
_RELU_LAYERS = ("keras.layers.ReLU", "keras.layers.LeakyReLU")


@dataclass(frozen=True, slots=True)
class Piecewise:
    """A model certainly piecewise linear in its input."""

    made: cst.CSTNode            # the statement that made it
    relu: str | None             # a ReLU-like activation it uses; None: every layer linear


@dataclass
class _Scope:
    """What one function, class or the module does to each model name."""

    assigns: dict[str, list[cst.BaseExpression]] = field(default_factory=dict)
    made_at: dict[str, cst.CSTNode] = field(default_factory=dict)
    added: dict[str, list[cst.BaseExpression]] = field(default_factory=dict)
    returned: list[cst.BaseExpression] = field(default_factory=list)


class _Collector(cst.CSTVisitor):
    def __init__(self) -> None:
        self.scopes: dict[cst.CSTNode | None, _Scope] = {None: _Scope()}
        self.stack: list[cst.CSTNode | None] = [None]
        self.functions: dict[str, cst.FunctionDef | None] = {}  # module level (None: twice)
        self.enclosing: dict[cst.FunctionDef, list[cst.CSTNode | None]] = {}  # outwards
        self.methods: dict[cst.ClassDef, dict[str, cst.FunctionDef | None]] = {}
        self.escaped: set[str] = set()  # names changed through their attributes
        self.handed: list[tuple[str, int, str]] = []  # (function, position, name) of calls

    def here(self, code: str) -> _Scope:
        """Fields (`self.x`) belong to the class; names to the innermost function."""
        key = self.stack[-1]
        if code.startswith("self."):
            key = next((k for k in reversed(self.stack) if isinstance(k, cst.ClassDef)), key)
        return self.scopes.setdefault(key, _Scope())

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.stack.append(node)

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self.stack.pop()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        if self.stack == [None]:
            name = node.name.value
            self.functions[name] = None if name in self.functions else node
        self.enclosing[node] = list(reversed(self.stack))
        owner = self.stack[-1]
        if isinstance(owner, cst.ClassDef):
            methods = self.methods.setdefault(owner, {})
            methods[node.name.value] = None if node.name.value in methods else node
        self.stack.append(node)

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self.stack.pop()

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        return False

    def visit_Call(self, node: cst.Call) -> None:
        for i, a in enumerate(node.args):  # `add_smooth_head(model)`: a callee may change it
            code = _code(a.value)
            if code is not None and isinstance(node.func, cst.Name) and a.keyword is None:
                self.handed.append((node.func.value, i, code))

    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> None:
        for small in node.body:
            targets_of = [t.target for t in small.targets] if isinstance(small, cst.Assign) \
                else [small.target] if isinstance(small, (cst.AnnAssign, cst.AugAssign)) else []
            for t in targets_of:  # `model.layers[0].activation = tanh`: changed in place
                root: cst.BaseExpression = t
                while isinstance(root, (cst.Attribute, cst.Subscript)) and \
                        _code(root) is None:
                    root = root.value
                code = _code(root)
                if code is not None and root is not t:
                    self.escaped.add(code)
            if isinstance(small, (cst.Assign, cst.AnnAssign, cst.AugAssign)):
                targets = [t.target for t in small.targets] if isinstance(small, cst.Assign) \
                    else [small.target]
                for t in targets:
                    code = _code(t)
                    if code is not None and small.value is not None:
                        scope = self.here(code)
                        scope.assigns.setdefault(code, []).append(
                            small.value if isinstance(small, cst.Assign) else cst.Name("_"))
                        scope.made_at[code] = node
            elif isinstance(small, cst.Expr) and isinstance(small.value, cst.Call):
                func = small.value.func
                if isinstance(func, cst.Attribute) and func.attr.value == "add":
                    code = _code(func.value)
                    if code is not None:
                        layers = self.here(code).added.setdefault(code, [])
                        layers += [a.value for a in small.value.args] or [cst.Name("_")]
            elif isinstance(small, cst.Return) and small.value is not None:
                self.scopes.setdefault(self.stack[-1], _Scope()).returned.append(small.value)


def _code(node: cst.BaseExpression) -> str | None:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute) and isinstance(node.value, cst.Name) and \
            node.value.value == "self":
        return f"self.{node.attr.value}"
    return None


class Reader:
    """Answers "is this model expression, read in this function, piecewise linear?"."""

    def __init__(self, model: Model) -> None:
        self.model = model
        collector = _Collector()
        model.module.visit(collector)
        self.collector = collector

    def resolve(self, node: cst.BaseExpression) -> str:
        return self.model.imports.resolve(node) or ""

    def lookup(self, expr: cst.BaseExpression, reader: cst.CSTNode) -> Piecewise | None:
        """The model `expr` names, read in `reader` (a function, or the module), when it is
        piecewise linear."""
        found = self.layers(expr, reader)
        return _classify(self, found[0], found[1]) if found is not None else None

    def layers(self, expr: cst.BaseExpression,
               reader: cst.CSTNode) -> tuple[cst.CSTNode, list[cst.BaseExpression]] | None:
        """The statement that made the Sequential model `expr` names, read in `reader`, and
        all its layers, when the file builds it in ways this reader follows."""
        code = _code(expr)
        if code is None:
            return None
        where: list[cst.CSTNode | None] = [None]
        if isinstance(reader, cst.FunctionDef):
            where = [reader, *self.collector.enclosing.get(reader, [None])]
        if code in self.collector.escaped or self.changed_by_callee(code):
            return None
        for key in where:
            if isinstance(key, cst.FunctionDef) and code in param_names(key):
                return None  # a parameter: whatever the caller passes
            scope = self.collector.scopes.get(key)
            if scope is not None and code in scope.assigns:
                # added to from a scope where the name is not its own local (or parameter)
                others = [k for k, sc in self.collector.scopes.items() if k is not key and (
                    code in sc.added and code not in sc.assigns and not (
                        isinstance(k, cst.FunctionDef) and code in param_names(k))
                    or code.startswith("self.") and code in sc.assigns)]
                if others:
                    return None  # added to elsewhere, or a field another class sets too
                layers = self.layers_of_name(key, code, 0)
                return (scope.made_at[code], layers) if layers is not None else None
        return None

    def changed_by_callee(self, code: str) -> bool:
        """Is the model handed to a function of this file that adds layers to its parameter
        or sets an attribute on it (`def add_head(m): m.add(Dense(8, activation="tanh"))`)?"""
        for function, position, handed in self.collector.handed:
            fn = self.collector.functions.get(function)
            if handed != code or fn is None:
                continue
            params = [x.name.value for x in (*fn.params.posonly_params, *fn.params.params)]
            if position < len(params) and re.search(
                    rf"(?<![\w.]){re.escape(params[position])}\.(?:add\(|[\w.\[\]]*\s*=[^=])",
                    self.model.module.code_for_node(fn)):
                return True
        return False

    def layer_names(self, layers: list[cst.BaseExpression]) -> list[str]:
        """The canonical names of the layers' constructors ("" for what is not a call)."""
        return [self.resolve(x.func) if isinstance(x, cst.Call) else "" for x in layers]

    def layers_of_name(self, key: cst.CSTNode | None, code: str,
                       depth: int) -> list[cst.BaseExpression] | None:
        """The layers of the model a name (or field) of scope `key` is bound to once, with
        the ones its `add()` calls append; None when not known."""
        scope = self.collector.scopes[key]
        values = scope.assigns.get(code, [])
        if len(values) != 1:
            return None
        layers = self.layers_of_value(key, values[0], depth)
        return None if layers is None else layers + scope.added.get(code, [])

    def layers_of_value(self, key: cst.CSTNode | None, value: cst.BaseExpression,
                        depth: int) -> list[cst.BaseExpression] | None:
        """The layers a `Sequential(...)` call makes, or the model a builder of this file
        returns (`init_model(...)`, `self.build_model()`)."""
        if not isinstance(value, cst.Call) or depth > 2:
            return None
        if self.resolve(value.func) in _SEQUENTIAL:
            return _sequential_layers(value)
        builder = self.builder(key, value.func)
        scope = self.collector.scopes.get(builder) if builder is not None else None
        if scope is None or len(scope.returned) != 1:
            return None
        returned = scope.returned[0]
        if isinstance(returned, cst.Name):
            return self.layers_of_name(builder, returned.value, depth + 1)
        return self.layers_of_value(builder, returned, depth + 1)

    def builder(self, key: cst.CSTNode | None,
                func: cst.BaseExpression) -> cst.FunctionDef | None:
        """The function of this file a call runs: a module function, or a method on self."""
        if isinstance(func, cst.Name):
            return self.collector.functions.get(func.value)
        if isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name) and \
                func.value.value == "self":
            cls = key if isinstance(key, cst.ClassDef) else next(
                (k for k in self.collector.enclosing.get(key, []) if isinstance(k, cst.ClassDef)),
                None) if isinstance(key, cst.FunctionDef) else None
            methods = self.collector.methods.get(cls, {}) if cls is not None else {}
            return methods.get(func.attr.value)
        return None


def _sequential_layers(call: cst.Call) -> list[cst.BaseExpression] | None:
    if any(a.star or a.keyword is not None and a.keyword.value not in ("layers", "name")
           for a in call.args) or len([a for a in call.args if a.keyword is None]) > 1:
        return None
    given = ops.arg(call, 0, "layers")
    if given is None:
        return []
    if not isinstance(given, (cst.List, cst.Tuple)) or any(
            isinstance(e, cst.StarredElement) for e in given.elements):
        return None
    return [e.value for e in given.elements]


def _classify(reader: Reader, made: cst.CSTNode,
              layers: list[cst.BaseExpression]) -> Piecewise | None:
    if not layers:
        return None
    relu: str | None = None
    for layer in layers:
        kind = _layer_kind(reader, layer)
        if kind is None:
            return None
        if kind in _RELU_LIKE:
            relu = relu or kind
    return Piecewise(made, relu)


def _layer_kind(reader: Reader, layer: cst.BaseExpression) -> str | None:
    """'linear' or a ReLU-like activation's name; None for anything else (or unknown)."""
    if not isinstance(layer, cst.Call):
        return None
    name = reader.resolve(layer.func)
    if name in _PASS_LAYERS:
        return "linear"
    if name in _RELU_LAYERS:
        return "leaky_relu" if name.endswith("LeakyReLU") else "relu"
    if name == "keras.layers.Activation":
        return _activation(reader, ops.arg(layer, 0, "activation"))
    if name != "keras.layers.Dense":
        return None
    return _activation(reader, ops.arg(layer, 1, "activation"))


def _activation(reader: Reader, given: cst.BaseExpression | None) -> str | None:
    if given is None or isinstance(given, cst.Name) and given.value == "None":
        return "linear"
    if isinstance(given, cst.SimpleString) and isinstance(given.evaluated_value, str):
        text = given.evaluated_value
    elif isinstance(given, cst.Call) and reader.resolve(given.func) == "keras.activations.get":
        inner = ops.arg(given, 0, "identifier")
        return _activation(reader, inner) if isinstance(inner, cst.SimpleString) else None
    else:
        resolved = reader.resolve(given)
        if not resolved.startswith(("tensorflow.nn.", "keras.activations.")):
            return None
        text = resolved.rsplit(".", 1)[-1]
    return text if text in _RELU_LIKE | _LINEAR else None
