"""The rule catalog as plain data (codes, names, trigger scans), importable without libcst so
that warm runs, configuration checks and reports never pay for the parser."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tflint_grad.triggers import calls_tf_gradients, float_shape_candidate

_TAPE = (b"GradientTape",)


@dataclass(frozen=True, slots=True)
class Entry:
    """One catalog code: what it is called and which bytes can make it fire."""

    code: str
    name: str
    summary: str
    triggers: tuple[bytes, ...]
    # A finer byte scan, run only when a trigger token occurs: False means "cannot fire here".
    prefilter: Callable[[bytes], bool] | None = None

    def triggered_by(self, source: bytes) -> bool:
        """Can this rule fire on a file with these bytes?"""
        return any(t in source for t in self.triggers) and (
            self.prefilter is None or self.prefilter(source))


CATALOG: tuple[Entry, ...] = (
    Entry("TFG001", "source-transformed-outside-tape",
          "the source reaches the target only through a step the tape did not record", _TAPE),
    Entry("TFG002", "tf-gradients-in-eager",
          "tf.gradients called where eager execution is on", (b"gradients",), calls_tf_gradients),
    Entry("TFG003", "unwatched-source",
          "the source is a plain tensor, array or number the tape never watched", _TAPE),
    Entry("TFG004", "gradient-of-none",
          "a gradient that is None is used as a target, in arithmetic, indexed or .numpy()-ed",
          _TAPE),
    Entry("TFG005", "outer-tape-missed-step",
          "nested tapes: the outer target was computed after the outer block ended", _TAPE),
    Entry("TFG006", "non-persistent-tape-reused",
          "a non-persistent tape is asked for a second gradient or jacobian", _TAPE),
    Entry("TFG007", "session-in-eager", "Session.run on tensors computed eagerly", (b"Session",)),
    Entry("TFG008", "tape-broken-by-numpy",
          "the path from source to target leaves TensorFlow inside the tape", _TAPE),
    Entry("TFG009", "non-differentiable-op",
          "the path from source to target goes through an op with no gradient", _TAPE),
    Entry("TFG010", "integer-source", "the source has an integer dtype", _TAPE),
    Entry("TFG011", "unconnected-source",
          "the target provably does not depend on the source", _TAPE),
    Entry("TFG012", "float-shape", "a shape argument holds float dimensions",
          (b"ones(", b"zeros(", b"fill(", b"uniform(", b"normal("), float_shape_candidate),
)
BY_CODE = {entry.code: entry for entry in CATALOG}


def triggered_codes(source: bytes) -> list[str]:
    """The codes that could fire on a file with these bytes (a byte scan, no parse)."""
    if b"tensorflow" not in source and b"GradientTape" not in source:
        return []
    return [entry.code for entry in CATALOG if entry.triggered_by(source)]
