"""The rule catalog as plain data, importable without libcst: one declaration per rule.

Everything other parts need to know about a rule is declared here once: its code, name and
summary, the bytes that can trigger it, what TensorFlow does when the pitfall runs, and whether its
fix is safe, unsafe or absent. The API, `--confirm`, SARIF, `--explain`, `--list-rules`, the label
recorder and the tests read these fields; no other module keeps a table keyed by code. The rule's
check lives in `tflint_grad/checks/tfgNNN_<name>.py` (found by its name, see checks/__init__.py).
"""
from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

from tflint_grad.triggers import (calls_tf_gradients, float_shape_candidate,
                                  functional_keras_candidate, keras_backend_candidate,
                                  tape_candidate)

_TAPE = (b"GradientTape",)


class Result(enum.Enum):
    """What the pitfall makes TensorFlow do at the reported line."""

    NONE = "returns None"
    ZEROS = "returns zeros"
    RAISES = "raises"


@dataclass(frozen=True, slots=True)
class Outcome:
    """One way TensorFlow 2.21 behaves on the pitfall (checked by running it)."""

    result: Result
    exception: str = ""    # for RAISES: the exception class Python raises first
    message: str = ""      # for RAISES: the start of TensorFlow's message, verbatim
    when: str = ""         # the circumstance, when a rule has several outcomes

    def describe(self) -> str:
        """'raises RuntimeError: ...' / 'returns None', for documentation and reports."""
        if self.result is not Result.RAISES:
            return str(self.result.value) + (f" ({self.when})" if self.when else "")
        text = f"raises {self.exception}" + (f": {self.message}" if self.message else "")
        return text + (f" ({self.when})" if self.when else "")


class FixSafety(enum.Enum):
    """Whether `--fix` repairs the pitfall, and if it may change what the program computes."""

    SAFE = "safe"
    UNSAFE = "unsafe"      # applied only with --unsafe-fixes
    NONE = "none"


_NONE = Outcome(Result.NONE)
_JACOBIAN_ZEROS = Outcome(Result.ZEROS, when="tape.batch_jacobian")


@dataclass(frozen=True, slots=True)
class Entry:
    """One rule, declared: what it is called, which bytes can make it fire, what TF does."""

    code: str
    name: str
    summary: str
    triggers: tuple[bytes, ...]
    outcomes: tuple[Outcome, ...]   # the first is the usual one
    fix: FixSafety
    # A finer byte scan, run only when a trigger token occurs: False means "cannot fire here".
    prefilter: Callable[[bytes], bool] | None = None

    def triggered_by(self, source: bytes, present: frozenset[bytes] | None = None) -> bool:
        """Can this rule fire on a file with these bytes? `present`: the trigger tokens the
        file holds, when the caller scanned for them once for all rules."""
        hit = (any(t in source for t in self.triggers) if present is None
               else not present.isdisjoint(self.triggers))
        return hit and (self.prefilter is None or self.prefilter(source))

    @property
    def raises(self) -> bool:
        """Does the reported statement raise (so nothing after it in its scope runs)?"""
        return self.outcomes[0].result is Result.RAISES

    @property
    def module(self) -> str:
        """The name of the module that holds the rule's check: tfg001_source_transformed..."""
        return f"{self.code.lower()}_{self.name.replace('-', '_')}"


CATALOG: tuple[Entry, ...] = (
    Entry("TFG001", "source-transformed-outside-tape",
          "the source reaches the target only through a step the tape did not record", _TAPE,
          (_NONE, _JACOBIAN_ZEROS), FixSafety.SAFE),
    Entry("TFG002", "tf-gradients-in-eager",
          "tf.gradients (or tf.hessians) called where eager execution is on",
          (b"gradients", b"hessians"),
          (Outcome(Result.RAISES, "RuntimeError", "tf.gradients is not supported when eager "
                   "execution is enabled. Use tf.GradientTape instead."),),
          FixSafety.UNSAFE, calls_tf_gradients),
    Entry("TFG003", "unwatched-source",
          "the source is a plain tensor, array or number the tape never watched", _TAPE,
          (_NONE, _JACOBIAN_ZEROS,
           Outcome(Result.RAISES, "AttributeError", "object has no attribute",
                   "a numpy array or Python number as the source"),
           Outcome(Result.RAISES, "ValueError", when="tape.watch of a numpy array"),
           Outcome(Result.RAISES, "TypeError", "Cannot convert the argument `type_value`",
                   "a Python float as the source")),
          FixSafety.SAFE),
    Entry("TFG004", "gradient-of-none",
          "a gradient that is None is used as a target, in arithmetic, indexed or .numpy()-ed",
          _TAPE,
          (Outcome(Result.RAISES, "ValueError",
                   "Attempt to convert a value (None) with an unsupported type",
                   "arithmetic with a tensor, or a TensorFlow op"),
           Outcome(Result.RAISES, "TypeError", when="a target, indexing, or a Python number"),
           Outcome(Result.RAISES, "AttributeError", when=".numpy(), .shape")),
          FixSafety.NONE),
    Entry("TFG005", "outer-tape-missed-step",
          "nested tapes: the outer target was computed after the outer block ended", _TAPE,
          (_NONE, _JACOBIAN_ZEROS), FixSafety.SAFE),
    Entry("TFG006", "non-persistent-tape-reused",
          "a non-persistent tape is asked for a second gradient or jacobian", _TAPE,
          (Outcome(Result.RAISES, "RuntimeError", "A non-persistent GradientTape can only be "
                   "used to"),),
          FixSafety.SAFE),
    Entry("TFG007", "session-in-eager",
          "Session.run on tensors computed eagerly, or an op built in a Session block from one",
          (b"Session",),
          (Outcome(Result.RAISES, "RuntimeError", "The Session graph is empty. Add operations "
                   "to the graph before calling run()."),
           Outcome(Result.RAISES, "AttributeError", "Tensor.graph is undefined when eager "
                   "execution is enabled.", "the session's graph already holds ops"),
           Outcome(Result.RAISES, "RuntimeError", "Attempting to capture an EagerTensor "
                   "without building a function.",
                   "an op built inside the Session block from an eager tensor made before it")),
          FixSafety.NONE),
    Entry("TFG008", "tape-broken-by-numpy",
          "the path from source to target leaves TensorFlow inside the tape", _TAPE,
          (_NONE, _JACOBIAN_ZEROS,
           Outcome(Result.RAISES, "AttributeError", "object has no attribute '_id'",
                   "the target itself is a numpy value")), FixSafety.NONE),
    Entry("TFG009", "non-differentiable-op",
          "the path from source to target goes through an op with no gradient", _TAPE,
          (_NONE, Outcome(Result.ZEROS, when="tf.sign"), _JACOBIAN_ZEROS), FixSafety.NONE),
    Entry("TFG010", "integer-source", "the source has an integer dtype", _TAPE,
          (_NONE, _JACOBIAN_ZEROS), FixSafety.NONE),
    Entry("TFG011", "unconnected-source",
          "the target provably does not depend on the source", _TAPE,
          (_NONE, _JACOBIAN_ZEROS), FixSafety.NONE),
    Entry("TFG012", "float-shape", "a shape argument holds float dimensions",
          (b"ones(", b"zeros(", b"fill(", b"uniform(", b"normal(", b"reshape(", b"tile(",
           b"broadcast_to(", b"resize("),
          (Outcome(Result.RAISES, "TypeError", "Cannot convert", "tf.ones / tf.zeros"),
           Outcome(Result.RAISES, "InvalidArgumentError",
                   when="tf.fill, tf.random.*, tf.reshape, tf.tile, tf.broadcast_to"),
           Outcome(Result.RAISES, "ValueError", "'size' must be a 1-D int32 Tensor",
                   "tf.image.resize")),
          FixSafety.SAFE, float_shape_candidate),
    Entry("TFG013", "watch-keras-variable",
          "tape.watch is handed the variables of a Keras 3 model or layer", (b".watch(",),
          (Outcome(Result.RAISES, "ValueError", "Passed in object"),), FixSafety.SAFE),
    Entry("TFG014", "gradient-through-assign",
          "the target depends on the source only through Variable.assign, which has no gradient",
          _TAPE, (_NONE, _JACOBIAN_ZEROS), FixSafety.NONE),
    Entry("TFG015", "keras-backend-removed",
          "a Keras 2 backend function that Keras 3 (tf.keras since TensorFlow 2.16) does not have",
          (b"backend",),
          (Outcome(Result.RAISES, "AttributeError", "module", "a call through the backend"),
           Outcome(Result.RAISES, "ImportError", "cannot import name",
                   "`from ...backend import name`")),
          FixSafety.UNSAFE, keras_backend_candidate),
    Entry("TFG016", "keras-tensor-in-eager",
          "a symbolic KerasTensor (model.input, layer.output) handed to TensorFlow or a tape",
          (b".output", b".input"),
          (Outcome(Result.RAISES, "ValueError",
                   "A KerasTensor cannot be used as input to a TensorFlow function",
                   "a TensorFlow op"),
           Outcome(Result.RAISES, "ValueError", "Passed in object", "tape.watch"),
           Outcome(Result.RAISES, "AttributeError", "'KerasTensor' object has no attribute",
                   "a gradient source"),
           Outcome(Result.RAISES, "AttributeError", "'str' object has no attribute 'base_dtype'",
                   "K.mean, K.std, K.var")),
          FixSafety.NONE, functional_keras_candidate),
    Entry("TFG017", "keras-optimizer-minimize",
          "optimizer.minimize on a Keras 3 optimizer (tf.keras.optimizers since TensorFlow 2.16)",
          (b".minimize(",),
          (Outcome(Result.RAISES, "AttributeError", "object has no attribute 'minimize'"),),
          FixSafety.NONE),
    Entry("TFG018", "keras-fit-without-gradients",
          "model.fit / train_on_batch where the loss reaches the weights only through ops "
          "without gradient (round, argmax, comparisons, integer casts) in a custom loss or a "
          "last Lambda layer",
          (b".fit(", b".train_on_batch("),
          (Outcome(Result.RAISES, "ValueError", "No gradients provided for any variable."),),
          FixSafety.NONE),
    Entry("TFG019", "gradient-through-dataset",
          "the target depends on the source only through a tf.data op (Dataset.reduce, a "
          "function given to Dataset.map, a dataset built from the source)",
          (b"Dataset",), (_NONE, _JACOBIAN_ZEROS), FixSafety.NONE, tape_candidate),
    Entry("TFG020", "piecewise-linear-second-derivative",
          "a second derivative of a Keras network that is piecewise linear in its input (Dense "
          "layers with ReLU-like activations, the others linear)",
          (b"Dense",), (Outcome(Result.ZEROS),), FixSafety.NONE, tape_candidate),
)
BY_CODE = {entry.code: entry for entry in CATALOG}


def triggered_codes(source: bytes) -> list[str]:
    """The codes that could fire on a file with these bytes (a byte scan, no parse)."""
    if b"tensorflow" not in source and b"GradientTape" not in source and b"keras" not in source:
        return []
    present = frozenset(t for t in _TOKENS if t in source)  # each token once, not once per rule
    return [entry.code for entry in CATALOG if entry.triggered_by(source, present)]


_TOKENS = frozenset(t for entry in CATALOG for t in entry.triggers)
