"""TFG013: `tape.watch` handed the variables of a Keras 3 model or layer."""
from __future__ import annotations

from collections.abc import Iterator

import libcst as cst

from tflint_grad.checks.base import FixBuilder, Finding, PositionOf
from tflint_grad.fixing.layout import delete, place, source_line
from tflint_grad.model.scope import Model, VariableWatch
from tflint_grad.types import Edit, Fix

CODE = "TFG013"
_ERROR = ("ValueError (Passed in object <Variable ...> of type 'Variable', not tf.Tensor or "
          "tf.Variable or ExtensionType.)")


def drop_watch_fix(model: Model, found: VariableWatch) -> FixBuilder | None:
    """Delete the watch statement: the tape watches trainable variables by itself. Only when the
    tape does (watch_accessed_variables is not False) and the statement is the watch alone."""
    where = place(model, found.call)
    if not found.alone or found.tape.watch_accessed is False or where is None:
        return None
    block, at = where
    statement = block[at]
    if len(block) == 1 or not isinstance(statement, cst.SimpleStatementLine):
        return None  # the with-block would be left empty

    comment = statement.trailing_whitespace.comment

    def build(pos: PositionOf) -> Fix:
        what = (f"remove the watch: tape '{found.tape.name}' watches trainable variables by "
                f"itself")
        if comment is None:
            return Fix(what, True, (delete(pos, statement),))
        (line, col), (end_line, _) = pos(statement)
        end_col = len(source_line(model, end_line)) + 1
        # Keep what the user wrote after the statement: the comment stays on its line.
        return Fix(what, True, (Edit(line, col, end_line, end_col, comment.value),))
    return build


def check(model: Model) -> Iterator[Finding]:
    """Watches of Keras variables, which Keras 3 does not make tf.Variables."""
    for scope in model.scopes:
        for found in scope.variable_watches:
            what = model.code(found.item)
            yield Finding(CODE, found.call, (
                f"{model.code(found.call.func)}({what}) raises {_ERROR}: with Keras 3 "
                f"(tf.keras in TensorFlow 2.16 and later) the variables of "
                f"'{found.owner.name}' are Keras Variables, not tf.Variables, and the tape "
                f"cannot watch them; drop the watch (a tape watches trainable variables by "
                f"itself) or watch the input tensors you differentiate with respect to"),
                drop_watch_fix(model, found))
