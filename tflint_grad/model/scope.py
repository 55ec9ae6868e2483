"""The recording model, as data: bindings, the steps between them, tapes, and gradient calls."""
from __future__ import annotations

import enum
from dataclasses import dataclass, field

import libcst as cst

from tflint_grad.model.names import ImportTable


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


# Kinds whose values a tape never tracks unless told to: the TFG003 sources.
PLAIN = frozenset({Kind.CONST, Kind.NUMPY, Kind.NUMBER, Kind.FROZEN})


@dataclass(frozen=True, slots=True)
class Cut:
    """Why a dependency carries no gradient: the value left TensorFlow or went through an op
    without a gradient."""

    kind: str  # "numpy" (TFG008) | "nondiff" (TFG009) | "zero" (TFG009, gradient is zeros) | "meta"
    op: str    # e.g. ".numpy()", "tf.round", "float()"
    node: cst.CSTNode = field(repr=False)


@dataclass(frozen=True, slots=True)
class Edge:
    """`binding` is an input of the step that made the dependent binding."""

    binding: Binding
    cut: Cut | None = None


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
    watches: list[tuple[Binding, int]] = field(default_factory=list)
    watch_unknown: bool = False    # watched something the model cannot name
    calls: list[GradientCall] = field(default_factory=list)


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
    facts: dict[str, object] = field(default_factory=dict)


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


@dataclass(frozen=True, slots=True)
class Use:
    """A place where a value is used in a way that raises if it is None."""

    binding: Binding
    node: cst.CSTNode
    how: str  # "target" | "arithmetic" | "indexed" | ".numpy()" | "tf-argument"
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
    events: list[tuple[object, ...]] = field(default_factory=list)  # for the eager checks
    decorators: list[str] = field(default_factory=list)
    in_class: bool = False


@dataclass(eq=False, slots=True)
class Model:
    """Everything the checks read about one module."""

    module: cst.Module
    imports: ImportTable
    scopes: list[Scope] = field(default_factory=list)
    # Facts for the eager-execution checks, filled by model.eager.
    facts: set[str] = field(default_factory=set)      # "graph-mode", "functions-eagerly", ...
    wrapped: set[str] = field(default_factory=set)    # names passed to tf.function(...)
    functions: dict[cst.FunctionDef, Scope] = field(default_factory=dict)
    memo: dict[str, object] = field(default_factory=dict)  # per-model caches of the queries
    # id(node) -> (scope, conditional): where a reported node sits, and whether it may not run
    # (inside if/try/loop) -- after an unconditional raise nothing later in its scope runs.
    sites: dict[int, tuple[Scope, bool]] = field(default_factory=dict)

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
