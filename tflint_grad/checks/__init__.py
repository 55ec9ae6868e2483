"""The rule registry: every check, in catalog order, with the tokens that can trigger it."""
from __future__ import annotations

from tflint_grad.checks.base import Rule
from tflint_grad.checks import eager, gradient_paths, shapes, tapes
from tflint_grad.checks.triggers import calls_tf_gradients, float_shape_candidate

RULES: tuple[Rule, ...] = (
    Rule("TFG001", "source-transformed-outside-tape",
         "the source reaches the target only through a step the tape did not record",
         (b"GradientTape",), gradient_paths.check_tfg001),
    Rule("TFG002", "tf-gradients-in-eager",
         "tf.gradients called where eager execution is on",
         (b"gradients",), eager.check_tfg002, calls_tf_gradients),
    Rule("TFG003", "unwatched-source",
         "the source is a plain tensor, array or number the tape never watched",
         (b"GradientTape",), gradient_paths.check_tfg003),
    Rule("TFG004", "gradient-of-none",
         "a gradient that is None is used as a target, in arithmetic, indexed or .numpy()-ed",
         (b"GradientTape",), gradient_paths.check_tfg004),
    Rule("TFG005", "outer-tape-missed-step",
         "nested tapes: the outer target was computed after the outer block ended",
         (b"GradientTape",), gradient_paths.check_tfg005),
    Rule("TFG006", "non-persistent-tape-reused",
         "a non-persistent tape is asked for a second gradient or jacobian",
         (b"GradientTape",), tapes.check_tfg006),
    Rule("TFG007", "session-in-eager",
         "Session.run on tensors computed eagerly",
         (b"Session",), eager.check_tfg007),
    Rule("TFG008", "tape-broken-by-numpy",
         "the path from source to target leaves TensorFlow inside the tape",
         (b"GradientTape",), gradient_paths.check_tfg008),
    Rule("TFG009", "non-differentiable-op",
         "the path from source to target goes through an op with no gradient",
         (b"GradientTape",), gradient_paths.check_tfg009),
    Rule("TFG010", "integer-source",
         "the source has an integer dtype",
         (b"GradientTape",), gradient_paths.check_tfg010),
    Rule("TFG011", "unconnected-source",
         "the target provably does not depend on the source",
         (b"GradientTape",), gradient_paths.check_tfg011),
    Rule("TFG012", "float-shape",
         "a shape argument holds float dimensions",
         (b"ones(", b"zeros(", b"fill(", b"uniform(", b"normal("), shapes.check_tfg012,
         float_shape_candidate),
)

RULES_BY_CODE = {rule.code: rule for rule in RULES}


def rules_triggered_by(source: bytes) -> list[Rule]:
    """The rules whose trigger tokens occur in the file: a byte scan that skips most files."""
    if b"tensorflow" not in source and b"GradientTape" not in source:
        return []
    return [rule for rule in RULES if rule.triggered_by(source)]
