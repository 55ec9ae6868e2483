"""The allow-list a slice must pass before anything runs: TensorFlow's maths and the ordinary
standard-library modules a training script imports; what reaches files, the network, processes
or interpreter internals stays refused (and the worker's sandbox contains what slips through)."""
from __future__ import annotations

import libcst as cst

from tflint_grad.syntax import binds, dotted as dotted_name

# The standard library a training script uses (timing, logging, containers, randomness).
ORDINARY_MODULES = frozenset({
    "time", "functools", "itertools", "collections", "dataclasses", "typing", "random", "copy",
    "operator", "enum", "statistics", "numbers", "fractions", "decimal", "abc", "warnings",
    "logging", "datetime", "string", "cmath", "heapq", "bisect"})
ALLOWED_ROOTS = frozenset({"tensorflow", "keras", "tf_keras", "numpy", "math", "__future__"}
                          | ORDINARY_MODULES)

# Path components that reach files, the network, other processes or TensorFlow's internals.
DENIED_MODULE_PARTS = {
    "tensorflow": frozenset({
        "io", "gfile", "saved_model", "summary", "lite", "raw_ops", "profiler",
        "distribute", "tpu", "load_library", "load_op_library", "datasets", "applications",
        "saving", "get_file", "load_model", "save_model", "Checkpoint",
        "CheckpointManager", "Saver", "TextFileInitializer", "read_file", "write_file",
        "enable_dump_debug_info", "experimental_enable_dump_debug_info", "dtensor", "tools",
        "plot_model", "model_to_dot", "image_dataset_from_directory", "export", "test",
        "text_dataset_from_directory", "audio_dataset_from_directory", "file_io", "python",
        "pywrap_tensorflow", "estimator", "tensorboard", "logging", "sysconfig", "dlpack",
        "py_function", "numpy_function", "py_func", "script_ops",
        # tf.data and Keras callbacks run in memory, except the parts that touch files or sockets
        "TFRecordDataset", "TextLineDataset", "FixedLengthRecordDataset", "list_files",
        "snapshot", "service", "TFRecordWriter", "make_csv_dataset", "CsvDataset",
        "TensorBoard", "ModelCheckpoint", "CSVLogger", "BackupAndRestore", "RemoteMonitor"}),
    "numpy": frozenset({
        "load", "save", "savez", "savez_compressed", "loadtxt", "savetxt", "genfromtxt",
        "fromfile", "tofile", "memmap", "fromregex", "DataSource", "lib", "ctypeslib", "f2py",
        "distutils", "testing", "recfromcsv", "recfromtxt", "open_memmap", "dump", "rec",
        "show_config", "show_runtime", "load_library"}),
    "math": frozenset(),
    # Handlers that write files or sockets, config that loads code; attribute getters that take
    # a name as data (the gate reads names in the code, not in strings); string templates that
    # read attributes; evaluation of annotation strings.
    "logging": frozenset({"handlers", "config", "FileHandler", "makeLogRecord"}),
    "operator": frozenset({"attrgetter", "methodcaller"}),
    "string": frozenset({"Formatter", "Template"}),
    "typing": frozenset({"get_type_hints", "ForwardRef"}),
    "functools": frozenset({"singledispatch"}),
}
DENIED_MODULE_PARTS["keras"] = DENIED_MODULE_PARTS["tensorflow"]
DENIED_MODULE_PARTS["tf_keras"] = DENIED_MODULE_PARTS["tensorflow"]

# tf.raw_ops also holds file, queue and Python-calling ops: only these elementwise and reducing
# maths ops (the raw spellings the rules know, and the ones around them) pass.
MATH_RAW_OPS = frozenset({
    "Round", "Floor", "Ceil", "Rint", "ArgMax", "ArgMin", "Equal", "NotEqual", "Greater",
    "GreaterEqual", "Less", "LessEqual", "StopGradient", "LogicalAnd", "LogicalOr", "LogicalNot",
    "OneHot", "FloorDiv", "FloorMod", "IsNan", "IsInf", "IsFinite", "Sign", "Cast", "Add",
    "AddV2", "Sub", "Mul", "Div", "RealDiv", "DivNoNan", "Neg", "Abs", "Square", "Sqrt", "Rsqrt",
    "Exp", "Log", "Log1p", "Sin", "Cos", "Tan", "Tanh", "Sigmoid", "Relu", "Relu6", "Elu",
    "Selu", "Softplus", "Softmax", "Pow", "Maximum", "Minimum", "MatMul", "BatchMatMulV2",
    "Sum", "Mean", "Max", "Min", "Prod", "Reshape", "Identity", "Transpose", "ConcatV2", "Pack",
    "Select", "SelectV2", "ClipByValue", "Fill", "ZerosLike", "OnesLike", "Range"})

# Methods and attributes refused on any value: file I/O on models and arrays, frame walking.
DENIED_ATTRIBUTES = frozenset({
    "save", "save_weights", "load_weights", "load_own_variables", "save_own_variables",
    "tofile", "dump", "dumps", "export", "to_file", "write", "writelines", "read", "readline",
    "readlines", "savefig", "system", "popen", "remove", "unlink", "rmdir", "mkdir", "makedirs",
    "rename", "open", "fork", "kill", "restore", "load", "loads", "f_globals", "f_locals",
    "f_builtins", "f_back", "f_code", "gi_frame", "gi_code", "cr_frame", "cr_code", "ag_frame",
    "tb_frame", "tb_next", "co_code", "format_map", "__globals__"})

SAFE_BUILTINS = frozenset({
    "abs", "all", "any", "ascii", "bin", "bool", "bytearray", "bytes", "callable", "chr",
    "classmethod", "complex", "dict", "divmod", "enumerate", "filter", "float", "format",
    "frozenset", "hash", "hex", "id", "int", "isinstance", "issubclass", "iter", "len",
    "list", "map", "max", "min", "next", "object", "oct", "ord", "pow", "print", "property",
    "range", "repr", "reversed", "round", "set", "slice", "sorted", "staticmethod", "str", "sum",
    "super", "tuple", "type", "zip", "True", "False", "None", "Ellipsis", "NotImplemented",
    "ArithmeticError", "AssertionError", "AttributeError", "Exception", "FloatingPointError",
    "IndexError", "KeyError", "LookupError", "NotImplementedError", "OverflowError",
    "RuntimeError", "StopIteration", "TypeError", "ValueError", "ZeroDivisionError", "Warning",
    "UserWarning", "DeprecationWarning", "__name__"})


# The special names a class of a training script defines and calls (`def __init__`,
# `super().__init__()`, `def __call__`); the rest (`__class__`, `__globals__`, ...) walk the
# interpreter and stay refused.
_CLASS_DUNDERS = frozenset({"__name__", "__init__", "__call__"})


# Methods refused only with arguments: `ds.cache()` keeps a dataset in memory, while
# `ds.cache("/path")` writes its elements to files.
WRITES_WITH_ARGUMENTS = frozenset({"cache"})


class _Gate(cst.CSTVisitor):
    """Walks a slice and records the first thing it may not do."""

    def __init__(self, bound: set[str]) -> None:
        self.bound = bound
        self.modules: dict[str, str] = {}
        self.refusal: str | None = None

    def refuse(self, what: str) -> None:
        if self.refusal is None:
            self.refusal = what

    def _module(self, dotted: str, bound_as: str | None) -> None:
        root = dotted.split(".")[0]
        if root not in ALLOWED_ROOTS:
            self.refuse(f"imports {dotted}, which is not allowed")
            return
        self._check_path(dotted)
        if bound_as:
            self.modules[bound_as] = dotted

    def _check_path(self, dotted: str) -> bool:
        parts = dotted.split(".")
        if _raw_math(dotted):
            return True
        denied = DENIED_MODULE_PARTS.get(parts[0], frozenset())
        for part in parts[1:]:
            if part in denied or part.startswith("_"):
                self.refuse(f"uses {dotted}, which is not allowed")
                return False
        return True

    def visit_Import(self, node: cst.Import) -> bool:
        for alias in node.names:
            dotted = (dotted_name(alias.name) or "")
            bound = (cst.ensure_type(alias.asname.name, cst.Name).value if alias.asname
                     else dotted.split(".")[0])
            self._module(dotted, None)
            self.modules[bound] = dotted if alias.asname else bound
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        if node.relative or node.module is None:
            self.refuse("uses a relative import, which is not allowed")
            return False
        base = (dotted_name(node.module) or "")
        if isinstance(node.names, cst.ImportStar):
            self.refuse(f"uses 'from {base} import *', which is not allowed")
            return False
        self._module(base, None)
        for alias in node.names:
            name = (dotted_name(alias.name) or "")
            bound = (cst.ensure_type(alias.asname.name, cst.Name).value if alias.asname
                     else name)
            self._module(f"{base}.{name}", bound)
        return False

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if isinstance(func, cst.Attribute) and func.attr.value in WRITES_WITH_ARGUMENTS \
                and node.args:
            self.refuse(f"calls .{func.attr.value}(...) with arguments, which is not allowed")

    def visit_Arg(self, node: cst.Arg) -> bool:
        node.value.visit(self)
        return False

    def visit_Name(self, node: cst.Name) -> None:
        name = node.value
        if name.startswith("__") and name.endswith("__") and name not in _CLASS_DUNDERS:
            self.refuse(f"uses {name}, which is not allowed")
        elif name not in self.bound and name not in SAFE_BUILTINS:
            self.refuse(f"calls {name}, which is not allowed")

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        attr = node.attr.value
        dotted = (dotted_name(node) or "")
        root = dotted.split(".")[0] if dotted else ""
        if root in self.modules and _raw_math(self.modules[root] + dotted[len(root):]):
            return False  # tf.raw_ops.Round: the whole path is allowed, not its prefix
        node.value.visit(self)
        if attr.startswith("__") and attr not in _CLASS_DUNDERS or attr in DENIED_ATTRIBUTES:
            self.refuse(f"calls {dotted or '.' + attr}, which is not allowed")
        elif root in self.modules:
            self._check_path(self.modules[root] + dotted[len(root):])
        return False

    def _assigned(self, target: cst.BaseExpression) -> None:
        dotted = (dotted_name(target) or "")
        if isinstance(target, cst.Attribute) and dotted.split(".")[0] in self.modules:
            self.refuse(f"assigns to {dotted}, which is not allowed")

    def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
        self._assigned(node.target)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self._assigned(node.target)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._assigned(node.target)

    def visit_Del(self, node: cst.Del) -> None:
        self._assigned(node.target)

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        if "__" in node.value:
            self.refuse(f"uses the string {node.value[:30]}, which is not allowed")


def _raw_math(dotted: str) -> bool:
    parts = dotted.split(".")
    return parts[:2] == ["tensorflow", "raw_ops"] and len(parts) == 3 and parts[2] in MATH_RAW_OPS


class _Declared(cst.CSTVisitor):
    """Names bound by `global`, `nonlocal` and `except ... as`."""

    def __init__(self) -> None:
        self.names: set[str] = set()

    def visit_Global(self, node: cst.Global) -> None:
        self.names |= {n.name.value for n in node.names}

    def visit_Nonlocal(self, node: cst.Nonlocal) -> None:
        self.names |= {n.name.value for n in node.names}

    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        if node.name is not None:
            self.names.add(cst.ensure_type(node.name.name, cst.Name).value)


def _bound_names(module: cst.Module) -> set[str]:
    declared = _Declared()
    module.visit(declared)
    return binds(module) | declared.names


def check(code: str) -> str | None:
    """None when every call in `code` is allowed, else the reason it is refused."""
    try:
        module = cst.parse_module(code)
        gate = _Gate(_bound_names(module))
        module.visit(gate)
    except (cst.ParserSyntaxError, RecursionError) as exc:
        return f"the slice does not parse ({type(exc).__name__})"
    return gate.refusal
