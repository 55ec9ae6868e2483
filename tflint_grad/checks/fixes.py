"""The rules' repairs, as text edits built from libcst positions. --fix and --confirm share them."""
from __future__ import annotations

import libcst as cst

from tflint_grad.checks.base import FixBuilder, PositionOf
from tflint_grad.model.scope import GradientCall, Model
from tflint_grad.types import Edit, Fix


def source_line(model: Model, line: int) -> str:
    """The text of one line of the linted source (1-based)."""
    lines = model.memo.get("lines")
    if not isinstance(lines, list):
        text = model.memo.get("source")
        lines = (text if isinstance(text, str) else model.module.code).splitlines()
        model.memo["lines"] = lines
    return lines[line - 1] if 0 < line <= len(lines) else ""


def watch_fix(model: Model, gc: GradientCall, index: int) -> FixBuilder | None:
    """TFG003: `tape.watch(source)` as the first statement of the tape's with-block."""
    with_node = gc.tape.block_line_node
    source = gc.source_exprs[index]
    if not isinstance(with_node, cst.With) or not isinstance(with_node.body, cst.IndentedBlock):
        return None
    if not isinstance(source, cst.Name) or gc.tape.name == "<tape>":
        return None
    first = with_node.body.body[0]
    text = f"{gc.tape.name}.watch({source.value})"

    def build(pos: PositionOf) -> Fix:
        (line, col), _ = pos(first)
        indent = source_line(model, line)[: col - 1]
        return Fix(f"add {text} at the top of the with-block", True,
                   (Edit(line, 1, line, 1, f"{indent}{text}\n"),))
    return build
