"""What the model knows about TensorFlow and numpy operations, by canonical name."""
from __future__ import annotations

import libcst as cst

GRAPH_MODE = frozenset({"tensorflow.disable_eager_execution", "tensorflow.disable_v2_behavior",
                        "tensorflow.placeholder", "tensorflow.Graph", "tensorflow.get_default_graph",
                        "tensorflow.reset_default_graph", "tensorflow.placeholder_with_default"})
SESSIONS = frozenset({"tensorflow.Session", "tensorflow.InteractiveSession"})
SEQUENCE_OPS = frozenset(f"tensorflow.{n}" for n in (
    "unstack", "split", "meshgrid", "unique", "unique_with_counts", "linalg.eigh", "linalg.svd",
    "nest.flatten", "dynamic_partition", "math.top_k", "nn.top_k", "gradients"))

_NONDIFF = {
    "round", "floor", "ceil", "argmax", "argmin", "equal", "not_equal", "greater",
    "greater_equal", "less", "less_equal", "stop_gradient", "logical_and", "logical_or",
    "logical_not", "logical_xor", "one_hot", "floordiv", "is_nan", "is_inf", "is_finite",
}
# The same ops spelled through tf.raw_ops.
_RAW_NONDIFF = {
    "Round", "Floor", "Ceil", "ArgMax", "ArgMin", "Equal", "NotEqual", "Greater", "GreaterEqual",
    "Less", "LessEqual", "StopGradient", "LogicalAnd", "LogicalOr", "LogicalNot", "OneHot",
    "FloorDiv", "IsNan", "IsInf", "IsFinite",
}
_META = {"shape", "size", "rank", "shape_n"}
NONDIFF_OPS = frozenset(f"tensorflow.{p}{n}" for n in _NONDIFF for p in ("", "math.")) | {
    f"tensorflow.raw_ops.{n}" for n in _RAW_NONDIFF}
# Graph-mode gradient APIs: tf.hessians is built on tf.gradients and raises the same way.
SYMBOLIC_GRADIENTS = frozenset({"tensorflow.gradients", "tensorflow.hessians"})
# tf.keras.backend.gradients is tf.gradients; Keras 3's own keras.backend has no `gradients`.
KERAS_GRADIENTS = "keras.backend.gradients"


def tf_keras(origin: str | None) -> bool:
    """Was this Keras name reached through TensorFlow (tf.keras, tf_keras), not standalone
    Keras 3?"""
    return origin is not None and origin.startswith(("tensorflow.", "tf_keras."))
META_OPS = frozenset(f"tensorflow.{n}" for n in _META)
ZERO_OPS = frozenset({"tensorflow.sign", "tensorflow.math.sign", "tensorflow.raw_ops.Sign"})

# Calls that make a fresh tensor the tape knows nothing about.
CREATORS = frozenset(f"tensorflow.{n}" for n in (
    "constant", "ones", "zeros", "fill", "eye", "linspace", "lin_space", "range",
    "ones_like", "zeros_like", "random.uniform", "random.normal", "random.truncated_normal",
    "random.gamma", "random.poisson", "random_normal", "random_uniform", "truncated_normal",
    "random.stateless_uniform", "random.stateless_normal", "convert_to_tensor",
    "math.linspace", "random.shuffle",
))
SHAPE_CREATORS = {  # name -> index of the shape argument, and its keyword
    "tensorflow.ones": (0, "shape"), "tensorflow.zeros": (0, "shape"),
    "tensorflow.fill": (0, "dims"), "tensorflow.random.uniform": (0, "shape"),
    "tensorflow.random.normal": (0, "shape"), "tensorflow.random.truncated_normal": (0, "shape"),
    "tensorflow.random_normal": (0, "shape"), "tensorflow.random_uniform": (0, "shape"),
    "tensorflow.truncated_normal": (0, "shape"),
    "tensorflow.reshape": (1, "shape"), "tensorflow.tile": (1, "multiples"),
    "tensorflow.broadcast_to": (1, "shape"), "tensorflow.image.resize": (1, "size"),
}
# Ops that keep an integer tensor integer.
INT_PRESERVING = frozenset(f"tensorflow.{n}" for n in (
    "reshape", "expand_dims", "squeeze", "identity", "concat", "stack", "tile", "transpose",
    "gather", "abs", "math.abs", "meshgrid",
))
MODEL_FACTORIES = ("keras.Sequential", "keras.Model", "keras.models.", "keras.layers.",
                   "keras.applications.")


def makes_model(name: str) -> bool:
    """Does calling `name` build a Keras model or layer? (`keras.applications.VGG16` does; the
    applications' `preprocess_input` and `decode_predictions` work on arrays.)"""
    if name.startswith("keras.applications."):
        return name.rsplit(".", 1)[-1][:1].isupper()
    return name.startswith(MODEL_FACTORIES)
INT_DTYPES = frozenset({"int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
                        "bool"})
FLOAT_DTYPES = frozenset({"float16", "bfloat16", "float32", "float64", "double", "half"})
VARIABLE_LISTS = frozenset({"trainable_variables", "trainable_weights", "variables", "weights",
                            "non_trainable_variables", "non_trainable_weights"})
LAYER_VARIABLES = frozenset({"kernel", "bias", "embeddings", "gamma", "beta", "moving_mean",
                             "moving_variance", "recurrent_kernel"})
# Methods of objects that trace the function they are handed (tf.data pipelines, tf.function
# wrappers), or only store it: a method handed to them does not run eagerly from there.
TRACING_METHODS = frozenset({"map", "filter", "flat_map", "interleave", "reduce", "scan",
                             "apply", "from_generator", "function", "get_concrete_function",
                             "register", "connect", "append", "add", "extend", "insert",
                             "setdefault", "update", "add_loss", "add_metric"})
# TensorFlow functions that take None (tf.print prints it; the global norms skip None entries of
# a gradient list), so handing them a None gradient raises nothing.
NONE_TOLERANT_OPS = frozenset({"tensorflow.print", "tensorflow.linalg.global_norm",
                               "tensorflow.clip_by_global_norm"})
ASSIGN_METHODS = frozenset({"assign", "assign_add", "assign_sub"})
# Methods of a tf.data.Dataset that return a dataset; the ones that take a function trace it
# into a dataset op, which records no gradient for what the function reads.
DATASET_METHODS = frozenset({"map", "filter", "flat_map", "interleave", "scan", "apply", "batch",
                             "padded_batch", "unbatch", "rebatch", "shuffle", "repeat", "take",
                             "skip", "prefetch", "cache", "concatenate", "enumerate", "window",
                             "shard", "zip", "take_while", "with_options"})
DATASET_REDUCERS = frozenset({"reduce"})
KERAS_NUMPY_METHODS = frozenset({"predict", "predict_on_batch"})
LEAVE_TF_METHODS = frozenset({"numpy", "item", "tolist", "__array__"})
PY_CONVERSIONS = frozenset({"float", "int", "bool", "complex"})
META_ATTRS = frozenset({"shape", "dtype", "ndim", "name", "device", "graph"})


def dtype_name(node: cst.BaseExpression | None, resolved: str | None) -> str | None:
    """`tf.int32`, `np.float32`, `'int32'` -> 'int32'; None when unknown."""
    if node is None:
        return None
    if isinstance(node, cst.SimpleString):
        return node.evaluated_value if isinstance(node.evaluated_value, str) else None
    if resolved and resolved.startswith(("tensorflow.", "numpy.")):
        return resolved.rsplit(".", 1)[-1]
    return None


def arg(call: cst.Call, index: int, keyword: str) -> cst.BaseExpression | None:
    """The argument passed at a position or by keyword."""
    for a in call.args:
        if a.keyword is not None and a.keyword.value == keyword:
            return a.value
    positional = [a for a in call.args if a.keyword is None and not a.star]
    return positional[index].value if index < len(positional) else None


def int_literal_tree(node: cst.BaseExpression) -> bool:
    """An int literal, or a (nested) list/tuple of only int literals."""
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Minus):
        node = node.expression
    if isinstance(node, cst.Integer):
        return True
    if isinstance(node, (cst.List, cst.Tuple)) and node.elements:
        return all(int_literal_tree(e.value) for e in node.elements)
    return False
