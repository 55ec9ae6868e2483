"""The recording model, as data: bindings, the steps between them, tapes, and gradient calls."""
from __future__ import annotations

import ast
import enum
import itertools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Union

import libcst as cst

from tflint_grad.model.names import ImportTable

if TYPE_CHECKING:
    from tflint_grad.fixing.layout import Layout
    from tflint_grad.model.paths import Paths


class Kind(enum.Enum):
    """How a value was made, as far as the source tells."""

    CONST = "constant tensor"        # tf.constant, tf.ones, tf.random.*, ops on constants
    NUMPY = "numpy array"
    NUMBER = "Python number"
    VARIABLE = "trainable variable"
    FROZEN = "non-trainable variable"
    MODEL = "model"                  # a Keras model or layer: owns trainable variables
    TAPE = "tape"
    FUNCTION = "function"
    GRADIENT = "gradient"
    PARAM = "parameter"
    CALL = "call result"
    PHI = "one of several values"    # joins of if/else branches and loop iterations
    UNKNOWN = "unknown"


# Kinds whose values a tape never tracks unless told to ("never watched" sources).
PLAIN = frozenset({Kind.CONST, Kind.NUMPY, Kind.NUMBER, Kind.FROZEN})


class CutKind(enum.Enum):
    """How a dependency loses its gradient."""

    LEFT_TENSORFLOW = "left TensorFlow"        # .numpy(), np.*, float(): the tape cannot see it
    NO_GRADIENT = "op without gradient"         # tf.round, tf.argmax, casts to int, comparisons
    ZERO_GRADIENT = "op with zero gradient"     # tf.sign: recorded, gradient zero everywhere
    ASSIGNED = "assigned to a variable"         # v.assign(x): v holds x's value, not its path
    DATASET = "inside a tf.data pipeline"      # ds.reduce(f), ds.map(f): dataset ops record none
    META = "not a value dependency"             # shapes, indices, conditions, rebinding


@dataclass(frozen=True, slots=True)
class Cut:
    """Why a dependency carries no gradient: the value left TensorFlow or went through an op
    without a gradient."""

    kind: CutKind
    op: str    # e.g. ".numpy()", "tf.round", "float()"
    node: cst.CSTNode = field(repr=False)


class Through(enum.Enum):
    """How the inputs of a computation reach its value, when no op cuts the gradient."""

    CLEAN = "clean"      # some path carries a gradient
    ABSENT = "absent"    # no path at all


# How an input reaches a value: cleanly, not at all, or only through this cut.
Reach = Union["Cut", Through]


@dataclass(frozen=True, slots=True)
class FunctionSummary:
    """A local function, as its callers see it: what each parameter reaches in the return
    value, and the module names it reads."""

    params: list[str]
    reach: dict[str, Reach]
    free: set[str]
    free_cut: dict[str, Cut] = field(default_factory=dict)  # module names reaching the return
    # value only through a cut (a tf.data loop in a tf.function reading a module variable)


@dataclass(frozen=True, slots=True)
class Edge:
    """`binding` is an input of the step that made the dependent binding."""

    binding: Binding
    cut: Cut | None = None


@dataclass(frozen=True, slots=True)
class Watch:
    """`tape.watch(binding)`, at a point in program order."""

    binding: Binding
    seq: int


@dataclass(frozen=True, slots=True)
class Site:
    """Where a node a rule may report sits: its scope, and whether it may not run (inside an
    if/try/loop) -- after an unconditional raise, nothing later in its scope runs."""

    scope: Scope
    conditional: bool
    caught: frozenset[str] = frozenset()  # exceptions enclosing try blocks catch ("*": any)


@dataclass(eq=False, slots=True)
class Tape:
    """A `tf.GradientTape` and the block in which it records."""

    name: str
    node: cst.CSTNode = field(repr=False)  # the GradientTape(...) call
    persistent: bool | None        # None: not a literal
    watch_accessed: bool | None
    start: int = 0                 # seq when recording starts
    end: int = 1 << 60             # seq when the with-block ended
    block_line_node: cst.CSTNode | None = None  # the `with` statement
    loops: tuple[int, ...] = ()    # loops enclosing the tape's creation
    watches: list[Watch] = field(default_factory=list)
    watch_unknown: bool = False    # watched something the model cannot name
    calls: list[GradientCall] = field(default_factory=list)


# Creation order of bindings, over the whole process: a binding's deps existed when it was made,
# so an edge to a later-made binding is one added afterwards (a loop head, a parameter typed from
# its callers). The path queries use this to skip what cannot depend on their source.
_RANKS = itertools.count()


@dataclass(eq=False, slots=True)
class Binding:
    """One value a name held: how it was made, from what, and which tapes were recording."""

    name: str
    kind: Kind
    seq: int
    node: cst.CSTNode = field(repr=False)      # the statement (or expression) that made it
    deps: list[Edge] = field(default_factory=list, repr=False)
    recorded_by: frozenset[Tape] = frozenset()
    int_dtype: bool = False                    # certainly an integer-dtype tensor
    numeric: str | None = None                 # "int" / "float" for Python numbers
    escaped: bool = False                      # handed to a call the model cannot follow
    tape: Tape | None = None                   # for Kind.TAPE
    grad: GradientCall | None = None           # for Kind.GRADIENT: the call that made it
    grad_index: int | None = None              # which source of a list-source gradient
    function: cst.FunctionDef | None = None    # for Kind.FUNCTION
    model_of: Binding | None = None            # `model.trainable_variables` -> model
    joined: bool = False                       # a join of branches: no step of its own
    opaque: bool = False                       # loop-carried or otherwise not fully known
    class_def: cst.ClassDef | None = field(default=None, repr=False)    # a class of this file
    model_class_reads: frozenset[str] | None = None  # a Keras/tf.Module class: names it mentions
    instance_of: cst.ClassDef | None = field(default=None, repr=False)  # made by calling class_def
    session: SessionMade | None = None         # a tf.compat.v1.Session
    from_call_sites: bool = False              # a parameter typed from what its callers pass
    unknown_callee: bool = False               # the result of a call the model cannot follow
    tf_value: bool = False                     # made by a TensorFlow op
    sequence: bool = False                     # a Python list of tensors: indexing it is no op
    keras: bool = False                        # a Keras model or layer (or a Keras class)
    functional: bool = False                   # a functional Keras model, or a layer of one
    symbolic: bool = False                     # a symbolic KerasTensor (model.output, ...)
    keras_optimizer: str | None = None         # made by keras.optimizers.X (Keras 3): X
    empty_sequential: bool = False             # keras.Sequential() with no layers yet
    dataset: bool = False                      # a tf.data.Dataset (made or transformed)
    in_graph: bool = False                     # made inside a graph or Session block
    loss_object: bool = False                  # keras.losses.X(...): calling it is pure
    none_from: cst.FunctionDef | None = field(default=None, repr=False)  # a call of a function
    # of this file that returns nothing: the value is None
    returned_by: cst.FunctionDef | None = field(default=None, repr=False)  # the result of a
    # call of this function of the file
    rank: int = field(default_factory=_RANKS.__next__, init=False, repr=False)  # creation order


@dataclass(frozen=True, slots=True)
class SessionMade:
    """How a Session binding was made: `with Session() as s` or `s = Session()`."""

    in_with: bool
    call: cst.Call = field(repr=False)
    in_graph: bool = False   # made inside `with graph.as_default():`: it runs that graph


@dataclass(frozen=True, slots=True)
class LocalCall:
    """A call of a function (or, with `method`, of a method on an instance) of this file."""

    function: cst.FunctionDef = field(repr=False)
    call: cst.Call = field(repr=False)
    in_graph: bool           # inside `with tf.Graph().as_default()` or a Session block
    method: bool = False
    # Parameters passed a list or tuple literal holding float dimensions: name -> those dims.
    float_lists: dict[str, list[cst.BaseExpression]] = field(default_factory=dict, repr=False)


@dataclass(frozen=True, slots=True)
class ShapeParameter:
    """A tensor-creating op whose shape argument is one of its function's parameters."""

    call: cst.Call = field(repr=False)
    op: str
    param: str


@dataclass(frozen=True, slots=True)
class SymbolicGradients:
    """A `tf.gradients(...)` or `tf.hessians(...)` call (graph-mode APIs)."""

    call: cst.Call = field(repr=False)
    in_graph: bool
    op: str = "tensorflow.gradients"


@dataclass(frozen=True, slots=True)
class SessionCapture:
    """An op built inside `with Session():` (whose graph is then the default) from a tensor
    made eagerly before the block: building it raises."""

    op: cst.CSTNode = field(repr=False)
    captured: Binding = field(repr=False)
    session: cst.With = field(repr=False)


@dataclass(frozen=True, slots=True)
class SessionRun:
    """`session.run(fetches)`; `fetched` is what it fetches when that is only names."""

    call: cst.Call = field(repr=False)
    session: Binding = field(repr=False)
    in_graph: bool
    fetched: list[Binding] | None = field(default=None, repr=False)


@dataclass(frozen=True, slots=True)
class VariableWatch:
    """`tape.watch(...)` handed the variables of a Keras model or layer."""

    call: cst.Call = field(repr=False)
    owner: Binding = field(repr=False)
    item: cst.BaseExpression = field(repr=False)   # what was watched, e.g. model.weights
    alone: bool                  # the watch is handed this one thing, as a statement of its own
    tape: Tape = field(repr=False)


@dataclass(frozen=True, slots=True)
class SymbolicUse:
    """A symbolic KerasTensor handed to TensorFlow: an op (`op` its canonical name) that
    converts it (`how` "convert") or reads its dtype ("dtype"), or a tape's "watch" / "gradient"."""

    call: cst.Call = field(repr=False)
    op: str
    value: cst.BaseExpression = field(repr=False)
    how: str


@dataclass(frozen=True, slots=True)
class Minimize:
    """`optimizer.minimize(...)` on an optimizer made by keras.optimizers."""

    call: cst.Call = field(repr=False)
    optimizer: Binding = field(repr=False)


@dataclass(frozen=True, slots=True)
class BackendName:
    """A Keras 2 backend function Keras 3 does not have (`K.function`), or its import."""

    node: cst.CSTNode = field(repr=False)
    attr: str
    origin: str          # the dotted name as spelled through the imports
    imported: bool = False
    call: cst.Call | None = field(default=None, repr=False)


@dataclass(frozen=True, slots=True)
class FloatShape:
    """A shape argument of a tensor-creating op that holds float dimensions."""

    call: cst.Call = field(repr=False)
    op: str                  # the canonical name, e.g. tensorflow.ones
    dims: list[cst.BaseExpression] = field(repr=False)


@dataclass(eq=False, slots=True)
class GradientCall:
    """`tape.gradient(target, sources)` (or jacobian / batch_jacobian) at one place."""

    tape: Tape
    node: cst.Call = field(repr=False)
    method: str
    seq: int
    target: Binding | None
    sources: list[Binding | None]              # None: a source the model cannot name
    source_exprs: list[cst.BaseExpression]
    single_source: bool
    unconnected_zero: bool
    loops: tuple[int, ...]
    branches: tuple[tuple[int, int], ...]
    exits: set[int] = field(default_factory=set)  # blocks that return/raise after this call
    blocks: tuple[int, ...] = ()
    result: Binding | None = None


class UseKind(enum.Enum):
    """How a value is used, where a None raises."""

    TARGET = "the target of a gradient"
    ARITHMETIC = "arithmetic"
    ARITHMETIC_WITH_NUMBER = "arithmetic with a Python number"
    NEGATED = "unary minus"
    INDEXED = "indexing"
    NUMPY = ".numpy()"
    ATTRIBUTE = "an attribute read"
    TF_ARGUMENT = "an argument of a TensorFlow op"


@dataclass(frozen=True, slots=True)
class Use:
    """A place where a value is used in a way that raises if it is None."""

    binding: Binding
    node: cst.CSTNode
    how: UseKind
    seq: int


@dataclass(eq=False, slots=True)
class Scope:
    """A module or function body and what happened in it."""

    kind: str  # "module" | "function"
    node: cst.CSTNode
    name: str
    tapes: list[Tape] = field(default_factory=list)
    calls: list[GradientCall] = field(default_factory=list)
    uses: list[Use] = field(default_factory=list)
    bindings: list[Binding] = field(default_factory=list)
    returns: list[list[Edge]] = field(default_factory=list)
    free_names: set[str] = field(default_factory=set)
    params: list[str] = field(default_factory=list)
    unresolved: bool = False       # some name could not be resolved (closures, star imports)
    local_calls: list[LocalCall] = field(default_factory=list)
    symbolic_gradients: list[SymbolicGradients] = field(default_factory=list)
    session_runs: list[SessionRun] = field(default_factory=list)
    session_captures: list[SessionCapture] = field(default_factory=list)
    float_shapes: list[FloatShape] = field(default_factory=list)
    shape_parameters: list[ShapeParameter] = field(default_factory=list)
    variable_watches: list[VariableWatch] = field(default_factory=list)
    symbolic_uses: list[SymbolicUse] = field(default_factory=list)
    backend_names: list[BackendName] = field(default_factory=list)
    minimizes: list[Minimize] = field(default_factory=list)
    keras_unsure: bool = False     # reads `.output` of a non-functional Keras model
    # Nodes that may raise for a reason no rule states (`.output` of a Sequential): what comes
    # after them in the scope may never run, so nothing after them is reported.
    may_raise: list[cst.CSTNode] = field(default_factory=list)
    decorators: list[str] = field(default_factory=list)
    in_class: bool = False
    keras_callback: bool = False   # an on_* method of a keras.callbacks.Callback: Keras calls it
                                   # eagerly, from Python, whatever fit() traces


@dataclass(eq=False, slots=True)
class Model:
    """Everything the checks read about one module."""

    module: cst.Module
    imports: ImportTable
    scopes: list[Scope] = field(default_factory=list)
    source: str = ""                                   # the text the module was parsed from
    tree: ast.Module | None = field(default=None, repr=False)  # CPython's tree, for positions
    graph_mode: bool = False           # disable_eager_execution() / disable_v2_behavior()
    functions_eagerly: bool = False    # tf.config.run_functions_eagerly(True)
    functions_eagerly_off: bool = False  # ... and back to False somewhere: order unknown
    wrapped: set[str] = field(default_factory=set)    # names passed to tf.function(...)
    functions: dict[cst.FunctionDef, Scope] = field(default_factory=dict)
    exiting_loops: set[int] = field(default_factory=set)  # loops left by break/return/raise
    paths: Paths | None = field(default=None, repr=False)      # the memoized path queries
    layout: Layout | None = field(default=None, repr=False)    # the fixes' view of the text
    sites: dict[int, Site] = field(default_factory=dict)  # id(node) -> where it sits

    def statement_code(self, node: cst.CSTNode) -> str:
        """A statement's text without comments or surrounding blank lines."""
        if isinstance(node, cst.SimpleStatementLine):
            node = node.with_changes(leading_lines=(), trailing_whitespace=cst.TrailingWhitespace())
        elif isinstance(node, cst.BaseCompoundStatement):
            return self.code(node).split("\n")[0]
        return self.code(node)

    def code(self, node: cst.CSTNode) -> str:
        """The source text of a node, on one line."""
        text = self.module.code_for_node(node).strip()
        return " ".join(text.split()) if "\n" in text else text
