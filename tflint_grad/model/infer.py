"""What a freshly made value is: its kind, integer dtype, and Python number type."""
from __future__ import annotations

import libcst as cst

from tflint_grad.model import keras, ops
from tflint_grad.model.calls import method_called
from tflint_grad.model.core import WalkerCore
from tflint_grad.model.datasets import is_dataset
from tflint_grad.model.fields import FieldDef
from tflint_grad.model.nodes import returns_nothing
from tflint_grad.model.scope import PLAIN, Binding, Kind


class Inference(WalkerCore):
    """Kind, dtype and number-type inference, mixed into the walker."""

    def infer(self, b: Binding, expr: cst.BaseExpression) -> None:
        """Fill in `b.kind`, `b.int_dtype` and `b.numeric` from the expression that made it."""
        b.numeric = self.numeric_of(expr)
        keras.infer(self, b, expr)
        if b.numeric is not None:
            b.kind = Kind.NUMBER
            return
        if isinstance(expr, (cst.Integer, cst.Float)):
            b.kind = Kind.NUMBER
            return
        if isinstance(expr, cst.Call):
            self.infer_call(b, expr)
            return
        owner = self.variables_of(expr)
        if owner is not None:
            b.kind, b.model_of = Kind.VARIABLE, owner
            return
        if isinstance(expr, cst.Subscript):
            base = self.edges_kinds(expr.value)
            b.kind = base if base in (Kind.CONST, Kind.NUMPY) else Kind.CALL
            b.int_dtype = self.int_name(expr.value)
            if not self.tensor_subscript(expr):
                b.joined = True  # indexing a Python container: no op of its own
            return
        if isinstance(expr, cst.Attribute):
            b.kind, b.joined = Kind.UNKNOWN, True  # reading a field is no op the tape records
            return
        if isinstance(expr, (cst.List, cst.Tuple, cst.Dict, cst.Set)):
            b.kind, b.joined = Kind.UNKNOWN, True  # a container of values, not a new tensor
            b.sequence = isinstance(expr, cst.List)  # a Python list: grows by append (statements)
            return
        if isinstance(expr, (cst.BinaryOperation, cst.UnaryOperation)):
            b.kind = self.kind_of_edges(b.deps)
            b.int_dtype = (bool(b.deps) and all(e.binding.int_dtype or e.binding.numeric == "int"
                                                 for e in b.deps)
                           and any(e.binding.int_dtype for e in b.deps)
                           and not _has_true_division(expr))
            return
        b.kind = Kind.UNKNOWN

    def variables_of(self, expr: cst.BaseExpression) -> Binding | None:
        """`model.trainable_variables` (or an element of it) -> the model's binding."""
        if isinstance(expr, cst.Subscript):
            expr = expr.value
        if isinstance(expr, cst.Attribute) and expr.attr.value in ops.VARIABLE_LISTS:
            owner = self.lookup(expr.value.value) if isinstance(expr.value, cst.Name) else (
                self.field(expr.value))
            if owner is not None and owner.kind is Kind.MODEL:
                return owner
        return None

    def bind_fields(self, owner: str, fields: dict[str, FieldDef],
                    cls: cst.ClassDef | None = None) -> None:
        """Bind `self.attr` for each field, as a value made before anything in this method."""
        for attr, found in fields.items():
            b = self.make(f"{owner}.{attr}", Kind.UNKNOWN, found.statement, [])
            self.field_kind(b, found.value)
            if isinstance(found.value, cst.Name) and cls is not None:
                # `self.model = model`, a parameter every construction passes a Keras model
                given = self.builder.model_passed(cls, found.value.value)
                if given is not None:
                    b.kind, b.joined, b.opaque, b.keras = Kind.MODEL, True, False, True
                    b.functional = given.functional
            self.env[f"{owner}.{attr}"] = b

    def literal_tensor(self, expr: cst.BaseExpression) -> bool:
        """TensorFlow ops over literals only (`tf.reshape(tf.linspace(0.0, 1.0, 6), (6, 1))`):
        certainly a plain tensor, whatever scope it is read from."""
        if isinstance(expr, (cst.Integer, cst.Float, cst.SimpleString)):
            return True
        if isinstance(expr, cst.UnaryOperation):
            return self.literal_tensor(expr.expression)
        if isinstance(expr, (cst.Tuple, cst.List)):
            return all(not isinstance(e, cst.StarredElement) and self.literal_tensor(e.value)
                       for e in expr.elements)
        if isinstance(expr, cst.Call):
            name = self.resolve(expr.func)
            return name is not None and name.startswith("tensorflow.") and name not in (
                "tensorflow.Variable", "tensorflow.convert_to_tensor") and not name.startswith(
                ("tensorflow.keras", "keras.")) and all(
                not a.star and self.literal_tensor(a.value) for a in expr.args)
        if isinstance(expr, cst.Attribute):  # tf.float32 and other dtypes
            name = self.resolve(expr)
            return name is not None and name.startswith("tensorflow.") and ops.dtype_name(
                expr, name) is not None
        return False

    def field_kind(self, b: Binding, value: cst.BaseExpression) -> None:
        """What a field holds, from the call that made it; its arguments are `__init__`'s
        names, which are not looked up here. Anything else is not known."""
        b.numeric = self.numeric_of(value) if isinstance(value, (cst.Integer, cst.Float)) else None
        if b.numeric is not None:
            b.kind = Kind.NUMBER
            return
        b.opaque = True
        if not isinstance(value, cst.Call):
            return
        b.dataset = is_dataset(self, value)
        name = self.resolve(value.func)
        if name is None and isinstance(value.func, cst.Name):
            local = self.lookup(value.func.value, local_names=True)
            if local is not None and local.model_class_reads is not None:
                b.kind, b.joined, b.keras, b.opaque = Kind.MODEL, True, local.keras, False
            return
        if name is None:
            return
        keras.made_by(self, b, name, value)
        dtype_expr = ops.arg(value, 1, "dtype") if name == "tensorflow.constant" else _keyword(
            value, "dtype")
        dtype = ops.dtype_name(dtype_expr, self.resolve(dtype_expr) if dtype_expr else None)
        if name == "tensorflow.Variable":
            trainable = _keyword(value, "trainable")
            frozen = isinstance(trainable, cst.Name) and trainable.value == "False"
            b.kind, b.opaque = Kind.FROZEN if frozen else Kind.VARIABLE, False
            b.int_dtype = _literal_int(value, dtype, dtype_expr is not None, "initial_value")
        elif name in ops.CREATORS and name != "tensorflow.convert_to_tensor" or (
                name.startswith("tensorflow.") and self.literal_tensor(value)):
            # tf.constant(...), tf.ones(...), tf.random.*: a plain tensor whatever it is made of.
            b.kind, b.opaque = Kind.CONST, False
            b.int_dtype = name == "tensorflow.constant" and _literal_int(
                value, dtype, dtype_expr is not None, "value")
        elif ops.makes_model(name):
            b.kind, b.joined, b.opaque = Kind.MODEL, True, False
            b.keras = not self.imports.legacy_keras
        elif name.startswith(("keras.optimizers.", "keras.losses.", "keras.metrics.")):
            b.kind, b.opaque = Kind.CALL, False  # a callable object: not on a gradient path
            # A loss object computes from its arguments; a metric returns its running state.
            b.loss_object = name.startswith("keras.losses.") and \
                name.rsplit(".", 1)[-1][:1].isupper()

    def int_name(self, expr: cst.BaseExpression) -> bool:
        found = self.lookup(expr.value) if isinstance(expr, cst.Name) else None
        return found is not None and found.int_dtype

    def tensor_subscript(self, expr: cst.Subscript) -> bool:
        """Is this certainly a tensor slice (an op the tape records), not list indexing?"""
        if len(expr.slice) > 1 or any(isinstance(e.slice, cst.Slice) for e in expr.slice):
            return True
        if isinstance(expr.value, cst.Name):
            found = self.lookup(expr.value.value)
            if found is not None and found.sequence:
                return False
            return found is not None and (found.kind in (Kind.CONST, Kind.VARIABLE, Kind.FROZEN)
                                          or found.tf_value or (
                found.kind is Kind.GRADIENT and found.grad is not None
                and found.grad.single_source and found.grad_index is None))
        return False

    def edges_kinds(self, expr: cst.BaseExpression) -> Kind:
        """The kind of a name, a numpy call or a slice of either; UNKNOWN otherwise."""
        if isinstance(expr, cst.Name):
            found = self.lookup(expr.value)
            return found.kind if found is not None else Kind.UNKNOWN
        if isinstance(expr, cst.Subscript):
            return self.edges_kinds(expr.value)
        if isinstance(expr, cst.Call):
            name = self.resolve(expr.func)
            if name is not None and name.startswith("numpy.") and name.split(".")[-1][:1].islower():
                return Kind.NUMPY
            if isinstance(expr.func, cst.Attribute) and name is None and expr.func.attr.value in (
                    "astype", "reshape", "copy", "squeeze", "ravel", "flatten"):
                return self.edges_kinds(expr.func.value)
        return Kind.UNKNOWN

    def infer_call(self, b: Binding, call: cst.Call) -> None:
        """Kinds of call results: constructors, numpy, Keras models, local classes."""
        name = self.resolve(call.func)
        b.dataset = is_dataset(self, call)
        if name is None and isinstance(call.func, cst.Name):
            local = self.lookup(call.func.value)
            if local is not None and local.kind is Kind.FUNCTION and local.function is not None:
                b.returned_by = local.function
                if returns_nothing(local.function):
                    b.none_from = local.function
            if local is not None and local.class_def is not None:
                b.instance_of = local.class_def
            if local is not None and local.model_class_reads is not None:
                b.kind, b.joined, b.keras = Kind.MODEL, True, local.keras
                return
            if local is not None and local.kind in (Kind.PARAM, Kind.CALL, Kind.PHI,
                                                    Kind.UNKNOWN):
                b.unknown_callee = True  # it may read anything, the source included
        if name is None and isinstance(call.func, cst.Attribute):
            method = call.func.attr.value
            owner = self.held(call.func.value)
            if method in ops.KERAS_NUMPY_METHODS and owner is not None and \
                    owner.kind is Kind.MODEL and owner.keras:
                b.kind = Kind.NUMPY  # Keras predict() returns a numpy array
                return
            defined = method_called(self, call.func.value, method)
            cls = self.builder.method_class.get(defined) if defined is not None else None
            if defined is not None and cls is not None and returns_nothing(defined) and \
                    not self.builder.sets_on_self(cls, method) and \
                    not self.builder.overridden(cls, method):
                b.none_from = defined  # `self.compute_loss(x)` of a method with no return
        if name is None:
            if _int_astype(self, call):
                b.kind, b.int_dtype = Kind.NUMPY, True  # `.astype(np.uint8)`: an int array
                return
            if isinstance(call.func, cst.Attribute) and call.func.attr.value in (
                    "astype", "reshape", "copy", "squeeze", "ravel", "flatten", "T") \
                    and self.edges_kinds(call.func.value) is Kind.NUMPY:
                b.kind = Kind.NUMPY
                b.int_dtype = _int_astype(self, call)
            else:
                b.kind = Kind.CALL
                # `self.get_loss()` may hand back a tensor made earlier: no certain op here.
                b.joined = not call.args
            return
        dtype_expr = ops.arg(call, 1, "dtype") if name in (
            "tensorflow.constant", "tensorflow.cast",
            "tensorflow.convert_to_tensor") else _keyword(call, "dtype")
        dtype = ops.dtype_name(dtype_expr, self.resolve(dtype_expr) if dtype_expr else None)
        if name == "tensorflow.Variable":
            trainable = _keyword(call, "trainable")
            frozen = isinstance(trainable, cst.Name) and trainable.value == "False"
            b.kind = Kind.FROZEN if frozen else Kind.VARIABLE
            b.int_dtype = self.int_valued(call, dtype, name, dtype_expr is not None)
            return
        if name in ops.CREATORS:
            if name == "tensorflow.convert_to_tensor" and not _all_plain(b):
                b.kind = Kind.CALL
                return
            b.kind = Kind.CONST
            b.int_dtype = self.int_valued(call, dtype, name, dtype_expr is not None)
            return
        if name.startswith("numpy."):
            b.kind = Kind.NUMPY
            return
        if name.startswith("keras.losses.") and name.rsplit(".", 1)[-1][:1].isupper():
            b.kind, b.loss_object = Kind.CALL, True  # calling it computes from its arguments
            return
        if ops.makes_model(name):
            b.kind, b.joined = Kind.MODEL, True  # building a model is no tensor op
            b.keras = not self.imports.legacy_keras
            return
        if name.startswith("tensorflow."):
            b.tf_value = True
            if name in ops.SEQUENCE_OPS:
                b.sequence = True  # a Python list of tensors: indexing it is no op
            b.kind = self.kind_of_edges(b.deps)
            if b.kind is Kind.CALL and _all_plain(b) and _tensor_function(name):
                b.kind = Kind.CONST
            if name == "tensorflow.cast":
                b.int_dtype = dtype in ops.INT_DTYPES
            elif name in ops.INT_PRESERVING:
                b.int_dtype = dtype is None and self.int_expr(call)
            return
        b.kind = Kind.CALL

    def int_expr(self, expr: cst.BaseExpression) -> bool:
        """Is this expression certainly an integer tensor (tf.range, int constants, and ops
        that keep the dtype)?"""
        if isinstance(expr, cst.Name):
            return self.int_name(expr)
        if isinstance(expr, (cst.List, cst.Tuple)):
            return bool(expr.elements) and all(self.int_expr(e.value) for e in expr.elements)
        if not isinstance(expr, cst.Call):
            return False
        name = self.resolve(expr.func)
        if name in ("tensorflow.range", "tensorflow.constant"):
            positional_dtype = name == "tensorflow.constant" and ops.arg(expr, 1, "dtype") is not None
            return self.int_valued(expr, None, name, positional_dtype)
        if name in ops.INT_PRESERVING:
            tensors = [a.value for a in expr.args if a.keyword is None][:1 if name in (
                "tensorflow.reshape", "tensorflow.expand_dims", "tensorflow.squeeze",
                "tensorflow.tile", "tensorflow.transpose", "tensorflow.concat",
                "tensorflow.stack", "tensorflow.gather") else None]
            return bool(tensors) and all(self.int_expr(t) for t in tensors)
        return False

    def int_numpy(self, expr: cst.BaseExpression) -> bool:
        """np.arange(ints) or np.array([ints]) with no dtype, `a.astype(np.uint8)`, or a name
        holding such an array: an integer array."""
        if isinstance(expr, cst.Name):
            held = self.lookup(expr.value)
            return held is not None and held.kind is Kind.NUMPY and held.int_dtype
        if _int_astype(self, expr):
            return True
        if not isinstance(expr, cst.Call) or _keyword(expr, "dtype") is not None:
            return False
        name = self.resolve(expr.func)
        values = [a.value for a in expr.args if a.keyword is None]
        if name == "numpy.arange":
            return bool(values) and all(self.numeric_of(v) == "int" for v in values)
        if name in ("numpy.array", "numpy.asarray"):
            return len(values) == 1 and ops.int_literal_tree(values[0])
        return False

    def int_valued(self, call: cst.Call, dtype: str | None, name: str,
                   dtype_given: bool = False) -> bool:
        """Does this constructor certainly make an integer tensor?"""
        if dtype is not None:
            return dtype in ops.INT_DTYPES
        if dtype_given or _keyword(call, "dtype") is not None or \
                _keyword(call, "dtype_hint") is not None:
            return False  # a dtype the model cannot read: it may well be a float
        if name in ("tensorflow.constant", "tensorflow.Variable", "tensorflow.convert_to_tensor"):
            value = ops.arg(call, 0, "initial_value" if name.endswith("Variable") else "value")
            return value is not None and (ops.int_literal_tree(value) or self.int_numpy(value))
        if name == "tensorflow.range":
            values = [a.value for a in call.args if a.keyword is None]
            return bool(values) and all(self.numeric_of(v) == "int" for v in values)
        if name == "tensorflow.fill":
            value = ops.arg(call, 1, "value")
            return value is not None and self.numeric_of(value) == "int"
        return False

    def numeric_of(self, expr: cst.BaseExpression) -> str | None:
        """'int' or 'float' when the expression is certainly a Python number of that type."""
        if isinstance(expr, cst.Integer):
            return "int"
        if isinstance(expr, cst.Float):
            return "float"
        if isinstance(expr, cst.Name):
            found = self.lookup(expr.value)
            return found.numeric if found is not None else None
        if isinstance(expr, cst.UnaryOperation) and isinstance(expr.operator,
                                                               (cst.Minus, cst.Plus)):
            return self.numeric_of(expr.expression)
        if isinstance(expr, cst.BinaryOperation):
            left, right = self.numeric_of(expr.left), self.numeric_of(expr.right)
            # `n * 0.5` and `n / 2` are floats whatever number (or tensor) n is.
            if isinstance(expr.operator, cst.Divide) and "int" in (left, right) or \
                    isinstance(expr.operator, cst.Multiply) and "float" in (left, right):
                return "float"
            if left is None or right is None:
                return None
            if isinstance(expr.operator, cst.Divide):
                return "float"
            if isinstance(expr.operator, (cst.Add, cst.Subtract, cst.Multiply, cst.FloorDivide,
                                          cst.Modulo)):
                return "float" if "float" in (left, right) else "int"
            return None
        if isinstance(expr, cst.Call) and isinstance(expr.func, cst.Name) \
                and self.lookup(expr.func.value) is None:
            if expr.func.value in ("int", "len") or (expr.func.value == "round"
                                                      and len(expr.args) == 1):
                return "int"
            if expr.func.value == "float":
                return "float"
        if isinstance(expr, cst.Call):
            name = self.resolve(expr.func)
            if name in ("math.ceil", "math.floor"):
                return "int"
            if name in ("numpy.float16", "numpy.float32", "numpy.float64", "numpy.double"):
                return "float"
        return None


_TENSOR_MODULES = frozenset({"tensorflow", "tensorflow.math", "tensorflow.linalg", "tensorflow.nn",
                             "tensorflow.random", "tensorflow.signal", "tensorflow.image"})


def _int_astype(w: WalkerCore, expr: cst.BaseExpression) -> bool:
    """`a.astype(np.uint8)` / `a.astype("int32")`: an integer numpy array."""
    if not (isinstance(expr, cst.Call) and isinstance(expr.func, cst.Attribute)
            and expr.func.attr.value == "astype"):
        return False
    given = ops.arg(expr, 0, "dtype")
    resolved = w.resolve(given) if given is not None else None
    return ops.dtype_name(given, resolved) in ops.INT_DTYPES - {"bool"}


def _tensor_function(name: str) -> bool:
    """A TensorFlow op that returns a fresh tensor (not an object such as an optimizer)."""
    module, _, last = name.rpartition(".")
    return module in _TENSOR_MODULES and last[:1].islower()


def _all_plain(b: Binding) -> bool:
    return all(e.binding.kind in PLAIN for e in b.deps)


def _keyword(call: cst.Call, keyword: str) -> cst.BaseExpression | None:
    for a in call.args:
        if a.keyword is not None and a.keyword.value == keyword:
            return a.value
    return None


def _has_true_division(expr: cst.CSTNode) -> bool:
    if isinstance(expr, cst.BinaryOperation):
        return isinstance(expr.operator, cst.Divide) or _has_true_division(expr.left) \
            or _has_true_division(expr.right)
    return False


def _literal_int(call: cst.Call, dtype: str | None, dtype_given: bool, keyword: str) -> bool:
    """A constructor whose dtype, or else whose literal first argument, is certainly integer."""
    if dtype is not None:
        return dtype in ops.INT_DTYPES
    if dtype_given:
        return False
    value = ops.arg(call, 0, keyword)
    return value is not None and ops.int_literal_tree(value)
