"""Keras facts the walk records: symbolic KerasTensors (`model.output`, `layer.output` of a
functional model) reaching TensorFlow, and Keras 2 backend names that Keras 3 does not have."""
from __future__ import annotations

from typing import TYPE_CHECKING

import libcst as cst

from tflint_grad.model import ops
from tflint_grad.model.lists import GROWERS
from tflint_grad.model.nodes import kids
from tflint_grad.model.scope import BackendName, Binding, Minimize, SymbolicUse
from tflint_grad.syntax import dotted

if TYPE_CHECKING:
    from tflint_grad.model.core import WalkerCore

# The symbolic tensors of a functional model or of one of its layers.
SYMBOLIC_ATTRS = frozenset({"input", "inputs", "output", "outputs"})

# Keras 2 backend functions, each checked in TensorFlow 2.21 (Keras 3):
# tf.keras.backend (TensorFlow's Keras 2 compatibility layer) dropped these ...
TF_KERAS_REMOVED = frozenset({
    "eager_learning_phase_scope", "function", "get_graph", "get_session", "identity",
    "in_train_phase", "is_placeholder", "learning_phase", "learning_phase_scope",
    "manual_variable_initialization", "placeholder", "print_tensor", "set_learning_phase",
    "set_session", "symbolic"})
# ... and Keras 3's own keras.backend has none of the Keras 2 functions below.
KERAS3_REMOVED = TF_KERAS_REMOVED | frozenset({
    "abs", "all", "any", "arange", "argmax", "argmin", "batch_dot", "batch_flatten",
    "batch_get_value", "batch_normalization", "batch_set_value", "bias_add",
    "binary_crossentropy", "cast", "cast_to_floatx", "categorical_crossentropy", "clip",
    "concatenate", "constant", "conv1d", "conv2d", "conv2d_transpose", "conv3d", "cos",
    "count_params", "ctc_batch_cost", "ctc_decode", "cumprod", "cumsum", "depthwise_conv2d",
    "dot", "dropout", "dtype", "elu", "equal", "eval", "exp", "expand_dims", "eye", "flatten",
    "foldl", "foldr", "gather", "get_value", "gradients", "greater", "greater_equal",
    "hard_sigmoid", "in_top_k", "int_shape", "is_sparse", "l2_normalize", "less", "less_equal",
    "log", "map_fn", "max", "maximum", "mean", "min", "minimum", "moving_average_update",
    "name_scope", "ndim", "not_equal", "one_hot", "ones", "ones_like", "permute_dimensions",
    "pool2d", "pool3d", "pow", "prod", "random_bernoulli", "random_normal", "random_uniform",
    "relu", "repeat", "repeat_elements", "reshape", "resize_images", "resize_volumes",
    "reverse", "rnn", "round", "separable_conv2d", "set_value", "shape", "sigmoid", "sign",
    "sin", "softmax", "softplus", "softsign", "sparse_categorical_crossentropy", "sqrt",
    "square", "squeeze", "stack", "std", "stop_gradient", "sum", "switch", "tanh", "tile",
    "transpose", "truncated_normal", "update", "update_add", "update_sub", "var", "variable",
    "zeros", "zeros_like"})
_BACKENDS = ("tensorflow.keras.backend.", "tensorflow.compat.v1.keras.backend.",
             "tensorflow.compat.v2.keras.backend.", "keras.backend.")

# tf.keras.backend functions handed a KerasTensor as their first argument, as they fail:
# most convert it to a tf.Tensor (ValueError), a few read its dtype first (AttributeError).
BACKEND_CONVERTING = frozenset({
    "abs", "all", "any", "argmax", "argmin", "batch_flatten", "cos", "cumprod", "cumsum", "elu",
    "exp", "expand_dims", "flatten", "hard_sigmoid", "l2_normalize", "log", "max", "min",
    "ones_like", "prod", "relu", "round", "sigmoid", "sign", "sin", "softplus", "softsign",
    "sqrt", "square", "stack", "stop_gradient", "sum", "tanh", "transpose", "zeros_like"})
BACKEND_DTYPE_FIRST = frozenset({"mean", "std", "var"})
# TensorFlow calls that take a KerasTensor without converting it, or that other rules own.
_NOT_CONVERTING = frozenset({
    "tensorflow.gradients", "tensorflow.hessians", "tensorflow.GradientTape",
    "tensorflow.function", "tensorflow.print", "tensorflow.name_scope", "tensorflow.device",
    "tensorflow.Variable", "tensorflow.py_function", "tensorflow.numpy_function",
    "tensorflow.nest.flatten", "tensorflow.nest.map_structure", "tensorflow.is_tensor"})


# Removed too, but graph bookkeeping rather than gradient code: not reported (libraries call
# `K.get_graph()` at import, guarded by the Keras version they pin).
_NOT_GRADIENT_CODE = frozenset({"get_graph", "name_scope", "manual_variable_initialization",
                                "is_placeholder", "print_tensor", "count_params"})


def removed_name(origin: str | None) -> str | None:
    """The backend function this dotted name reaches, if Keras 3 no longer has it."""
    if origin is None or origin.startswith("tf_keras."):
        return None  # the tf_keras package is Keras 2 and has them all
    for prefix in _BACKENDS:
        if origin.startswith(prefix):
            attr = origin[len(prefix):]
            gone = KERAS3_REMOVED if prefix == "keras.backend." else TF_KERAS_REMOVED
            return attr if attr in gone and attr not in _NOT_GRADIENT_CODE else None
    return None


def functional_call(w: WalkerCore, name: str, call: cst.Call) -> bool:
    """Does this call build a functional Keras model, whose inputs and outputs are symbolic?
    (Not `Sequential`, not `load_model`: their `.output` may not exist.)"""
    if w.model.imports.legacy_keras:
        return False
    if name.startswith("keras.applications."):
        return True
    if name not in ("keras.Model", "keras.models.Model"):
        return False
    positional = sum(1 for a in call.args if a.keyword is None and not a.star)
    keywords = {a.keyword.value for a in call.args if a.keyword is not None}
    return positional >= 2 or {"inputs", "outputs"} <= keywords or (
        positional == 1 and "outputs" in keywords)


def functional(w: WalkerCore, expr: cst.BaseExpression) -> bool:
    """A functional model, or a layer of one (`m.get_layer(...)`, `m.layers[i]`)."""
    if isinstance(expr, (cst.Name, cst.Attribute)):
        held = w.held(expr)
        return held is not None and held.functional
    if isinstance(expr, cst.Call) and isinstance(expr.func, cst.Attribute):
        return expr.func.attr.value == "get_layer" and functional(w, expr.func.value)
    if isinstance(expr, cst.Subscript) and isinstance(expr.value, cst.Attribute):
        return expr.value.attr.value == "layers" and functional(w, expr.value.value)
    return False


def symbolic(w: WalkerCore, expr: cst.BaseExpression) -> bool:
    """Is this certainly a symbolic KerasTensor (or a list holding one)?"""
    if isinstance(expr, cst.Name):
        found = w.lookup(expr.value)
        return found is not None and found.symbolic
    if isinstance(expr, cst.Attribute):
        if expr.attr.value in SYMBOLIC_ATTRS and functional(w, expr.value):
            return True
        held = w.field(expr)
        return held is not None and held.symbolic
    if isinstance(expr, cst.Subscript):
        return symbolic(w, expr.value)  # slicing a KerasTensor is a Keras op: still symbolic
    if isinstance(expr, cst.UnaryOperation):
        return symbolic(w, expr.expression)
    if isinstance(expr, cst.BinaryOperation):
        left, right = symbolic(w, expr.left), symbolic(w, expr.right)
        return (left or right) and (left or _number(w, expr.left)) and (
            right or _number(w, expr.right))
    if isinstance(expr, (cst.List, cst.Tuple)):
        return any(not isinstance(e, cst.StarredElement) and symbolic(w, e.value)
                   for e in expr.elements)
    return False


def _returns_functional(w: WalkerCore, func: cst.BaseExpression) -> bool:
    """`build_model()`: a function of this file whose every return builds a functional model."""
    found = w.lookup(func.value) if isinstance(func, cst.Name) else None
    fn = found.function if found is not None else None
    if fn is None or fn.decorators:
        return False
    known = w.builder.functional_returns.get(fn)
    if known is None:
        known = w.builder.functional_returns[fn] = _builds_functional(w, fn)
    return known


def _builds_functional(w: WalkerCore, fn: cst.FunctionDef) -> bool:
    returns: list[cst.Return] = []

    class _Returns(cst.CSTVisitor):
        def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
            return node is fn  # returns of nested functions are theirs

        def visit_ClassDef(self, node: cst.ClassDef) -> bool:
            return False

        def visit_Lambda(self, node: cst.Lambda) -> bool:
            return False

        def visit_Return(self, node: cst.Return) -> None:
            returns.append(node)

    fn.visit(_Returns())
    for ret in returns:
        value = ret.value
        name = w.imports.resolve(value.func) if isinstance(value, cst.Call) else None
        if name is None or not isinstance(value, cst.Call) or not functional_call(w, name, value):
            return False
    return bool(returns)


def _number(w: WalkerCore, expr: cst.BaseExpression) -> bool:
    if isinstance(expr, (cst.Integer, cst.Float)):
        return True
    if isinstance(expr, cst.UnaryOperation):
        return _number(w, expr.expression)
    if isinstance(expr, cst.Name):
        found = w.lookup(expr.value, local_names=True)
        return found is not None and found.numeric is not None
    return False


def _unsure(w: WalkerCore, expr: cst.BaseExpression, any_owner: bool = False) -> bool:
    """`.output` / `.input` of a Keras model that is not functional (a Sequential, a layer of
    one): the attribute may not exist, so what fails first is not known."""
    if not isinstance(expr, cst.Attribute) or expr.attr.value not in SYMBOLIC_ATTRS:
        return False
    base = expr.value
    if isinstance(base, cst.Subscript) and isinstance(base.value, cst.Attribute) \
            and base.value.attr.value == "layers":
        base = base.value.value
    if functional(w, base):
        return False
    found = w.lookup(base.value) if isinstance(base, cst.Name) else None
    return any_owner or found is not None and found.keras


def made_by(w: WalkerCore, b: Binding, name: str, call: cst.Call) -> None:
    """Mark what a Keras constructor made: a functional model, a Keras 3 optimizer."""
    b.functional = b.functional or functional_call(w, name, call)
    b.empty_sequential = name in ("keras.Sequential", "keras.models.Sequential") and \
        not call.args and not w.model.imports.legacy_keras
    if name.startswith("keras.optimizers.") and ".legacy." not in name \
            and name.split(".")[-1][:1].isupper() and not w.model.imports.legacy_keras:
        b.keras_optimizer = name.split(".")[-1]


def added_to_sequential(w: WalkerCore, old: Binding, new: Binding, call: cst.Call) -> None:
    """`seq.add(functional_model)` as the first layer of an empty Sequential: Keras builds it
    on the model's inputs, so its `.output` and its layers' outputs are KerasTensors."""
    if not old.empty_sequential or len(call.args) != 1 or call.args[0].keyword is not None:
        return
    new.functional = _makes_functional(w, call.args[0].value)


def note_minimize(w: WalkerCore, call: cst.Call, owner: cst.BaseExpression) -> None:
    """`opt.minimize(...)` on a Keras 3 optimizer, which has no `minimize`."""
    found = w.lookup(owner.value) if isinstance(owner, cst.Name) else w.field(owner)
    if found is not None and found.keras_optimizer is not None:
        w.scope.minimizes.append(Minimize(call, found))
        w.site(call)


def _items(expr: cst.BaseExpression) -> list[cst.BaseExpression]:
    if isinstance(expr, (cst.List, cst.Tuple)):
        return [e.value for e in expr.elements]
    return [expr]


def _makes_functional(w: WalkerCore, expr: cst.BaseExpression) -> bool:
    """A functional model or a layer of one, or a call of a function of this file that
    returns one (`build_model()`)."""
    return functional(w, expr) or isinstance(expr, cst.Call) and _returns_functional(
        w, expr.func)


def infer(w: WalkerCore, b: Binding, expr: cst.BaseExpression) -> None:
    """Mark a binding made from a functional model, a layer of one, or a KerasTensor."""
    if isinstance(expr, cst.Call):
        name = w.resolve(expr.func)
        b.functional = _makes_functional(w, expr)
        if name is not None:
            made_by(w, b, name, expr)
    elif isinstance(expr, cst.Subscript):
        b.functional = functional(w, expr)
    b.symbolic = not b.functional and symbolic(w, expr)
    if _unsure(w, expr):
        w.scope.keras_unsure = True
        w.scope.may_raise.append(expr)
        w.site(expr)


def note_call(w: WalkerCore, name: str, call: cst.Call) -> None:
    """Record a TensorFlow op handed a KerasTensor, and a Keras 2 backend function."""
    origin = w.model.imports.origin(call.func)
    # Direct arguments (and list items) only: a call nested in them is noted on its own.
    if name.startswith(("tensorflow.", "keras.backend.")) and any(
            _unsure(w, n, any_owner=True) for a in call.args for n in _items(a.value)):
        w.scope.keras_unsure = True
        w.scope.may_raise.append(call)
        w.site(call)
    gone = removed_name(origin)
    if gone is not None and isinstance(call.func, (cst.Attribute, cst.Name)):
        w.scope.backend_names.append(BackendName(call.func, gone, origin or name, call=call))
        w.site(call.func)
        return
    if name.startswith("keras.backend.") and ops.tf_keras(origin):
        attr = name[len("keras.backend."):]
        first = ops.arg(call, 0, "x")
        if attr in BACKEND_CONVERTING | BACKEND_DTYPE_FIRST and first is not None \
                and symbolic(w, first):
            how = "dtype" if attr in BACKEND_DTYPE_FIRST else "convert"
            w.scope.symbolic_uses.append(SymbolicUse(call, name, first, how))
            w.site(call)
        return
    if not name.startswith("tensorflow.") or name in _NOT_CONVERTING:
        return
    for a in call.args:
        if not a.star and symbolic(w, a.value):
            w.scope.symbolic_uses.append(SymbolicUse(call, name, a.value, "convert"))
            w.site(call)
            return


def note_import(w: WalkerCore, node: cst.ImportFrom) -> None:
    """`from keras.backend import function`: the import itself fails."""
    if node.relative or node.module is None or isinstance(node.names, cst.ImportStar):
        return
    base = dotted(node.module)
    for alias in node.names:
        if isinstance(alias.name, cst.Name) and base is not None:
            gone = removed_name(f"{base}.{alias.name.value}")
            if gone is not None:
                w.scope.backend_names.append(BackendName(alias.name, gone, base, imported=True))
                w.site(alias.name)


def note_tape_use(w: WalkerCore, call: cst.Call, items: list[cst.BaseExpression],
                  how: str) -> None:
    """`tape.watch(model.input)` or `tape.gradient(y, model.input)`."""
    for item in items:
        if symbolic(w, item):
            w.scope.symbolic_uses.append(SymbolicUse(call, how, item, how))
            w.site(call)
            return


def builtin_layers_field(w: WalkerCore, cls: cst.ClassDef, attr: str) -> bool:
    """Does the class assign `self.attr` only built-in Keras layers, or lists of them, and
    grow it only with them (`self.blocks.append(keras.layers.Dense(8))`)? Any assignment this
    walk does not read (another receiver, a tuple target, a first parameter not named `self`)
    makes the class's count exceed what it read, and the answer is no."""
    counts = w.builder.attribute_assignments()
    if counts is None or counts.get((None, attr)):
        return False
    layers = 0

    def layer_calls(expr: cst.BaseExpression) -> int | None:
        items = [e.value for e in expr.elements] if isinstance(expr, cst.List) else [expr]
        if all(isinstance(i, cst.Call) and (w.resolve(i.func) or "").startswith(
                "keras.layers.") for i in items):
            return len(items)
        return None

    assigned = 0
    stack: list[cst.CSTNode] = [cls.body]
    while stack:
        n = stack.pop()
        value: cst.BaseExpression | None = None
        if isinstance(n, cst.Assign) and any(_self_attr(t.target, attr) for t in n.targets):
            if len(n.targets) != 1:
                return False
            value = n.value
        elif isinstance(n, cst.AnnAssign) and _self_attr(n.target, attr):
            value = n.value
        elif isinstance(n, (cst.AugAssign, cst.Del)) and _self_attr(
                n.target, attr):
            return False
        elif isinstance(n, cst.Call) and isinstance(n.func, cst.Attribute) and \
                _self_attr(n.func.value, attr) and n.func.attr.value in GROWERS:
            if n.func.attr.value == "clear":
                continue
            if not n.args:
                return False
            value = n.args[-1].value
        if value is not None:
            found = layer_calls(value)
            if found is None:
                return False
            layers += found
            assigned += 1
            continue
        stack.extend(kids(n))
    return assigned > 0 and layers > 0 and counts.get((cls.name.value, attr), 0) <= assigned


def _self_attr(expr: cst.BaseExpression, attr: str) -> bool:
    """`self.attr` (builtin_layers_field checks the class's own count for other spellings)."""
    return isinstance(expr, cst.Attribute) and expr.attr.value == attr and \
        isinstance(expr.value, cst.Name) and expr.value.value == "self"
