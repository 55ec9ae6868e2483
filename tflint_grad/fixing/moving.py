"""Moving statements into a tape's with-block: the repair for a step the tape did not record,
before the block (move it in, watching what it starts from) or after it (move the late steps to
the end of the block). Every builder returns None rather than a fix it cannot stand behind."""
from __future__ import annotations

from collections.abc import Callable, Iterable

import libcst as cst

from tflint_grad.checks.base import FixBuilder, PositionOf
from tflint_grad.fixing.layout import delete, indent, layout_of, place, span, whole_lines
from tflint_grad.model.nodes import kids
from tflint_grad.model.scope import Binding, GradientCall, Kind, Model, Scope
from tflint_grad.syntax import changes, names_in, reads
from tflint_grad.types import Edit, Fix


def movable(stmt: cst.CSTNode) -> bool:
    """A statement that can be cut and re-indented as whole lines."""
    if isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) != 1:
        return False
    stack = [stmt]
    while stack:
        n = stack.pop()
        if isinstance(n, (cst.SimpleString, cst.FormattedString)) and "\n" in cst.Module(
                []).code_for_node(n):
            return False  # re-indenting would change the string
        stack.extend(kids(n))
    return True


def _tf_only(model: Model, stmts: Iterable[cst.CSTNode]) -> bool:
    """Do these statements call nothing but deterministic TensorFlow functions?"""
    for stmt in stmts:
        stack = [stmt]
        while stack:
            n = stack.pop()
            if isinstance(n, cst.Call):
                name = model.imports.resolve(n.func) or ""
                if not name.startswith("tensorflow.") or ".random" in name or "Variable" in name:
                    return False
            stack.extend(kids(n))
    return True


def _upstream(start: Binding, key: Callable[[Binding], bool]) -> list[Binding]:
    """The bindings start was made from (start included) that are or were made from a `key`."""
    order: list[Binding] = []
    seen: set[int] = set()
    stack = [start]
    while stack and len(seen) < 4000:
        b = stack.pop()
        if id(b) in seen:
            continue
        seen.add(id(b))
        order.append(b)
        stack.extend(e.binding for e in b.deps)
    memo: dict[int, bool] = {}

    def made_from_key(b: Binding, depth: int = 0) -> bool:
        if key(b):
            return True
        if id(b) not in memo:
            memo[id(b)] = False
            memo[id(b)] = depth < 200 and any(made_from_key(e.binding, depth + 1) for e in b.deps)
        return memo[id(b)]

    return [b for b in order if made_from_key(b)]


def move_fix(model: Model, gc: GradientCall, index: int, step: Binding) -> FixBuilder | None:
    """Compute a step the tape did not record inside the tape's with-block."""
    scope = next((s for s in model.scopes if any(c is gc for c in s.calls)), None)
    if scope is None or gc.sources[index] is None:
        return None
    if step.seq < gc.tape.start:
        return move_into_tape_fix(model, scope, gc, index, step)
    source = gc.sources[index]
    on_path = (lambda b: b is source) if step.kind is not Kind.GRADIENT and not any(
        e.binding.kind is Kind.GRADIENT for e in step.deps) else _is_gradient
    return move_after_block_fix(model, scope, gc, step, on_path)


def _is_gradient(b: Binding) -> bool:
    return b.kind is Kind.GRADIENT


def move_into_tape_fix(model: Model, scope: Scope, gc: GradientCall, index: int,
                       step: Binding) -> FixBuilder | None:
    """Watch the sources a step before the tape starts from, and compute it inside the tape."""
    tape, key = gc.tape, gc.sources[index]
    if key is None:
        return None
    with_node = tape.block_line_node
    if not isinstance(with_node, cst.With) or not isinstance(with_node.body, cst.IndentedBlock) \
            or tape.name == "<tape>" or not isinstance(gc.source_exprs[index], cst.Name):
        return None
    chain = [b for b in _upstream(step, lambda b: b is key)
             if b is not key and tape not in b.recorded_by]
    if not chain or any(b.opaque or b.joined or b.seq > tape.start for b in chain):
        return None
    where = place(model, with_node)
    if where is None:
        return None
    block, at = where
    moved_ids: set[int] = set()
    for b in chain:
        spot = place(model, b.node)
        if spot is None or spot[0] is not block or spot[1] >= at or not isinstance(
                block[spot[1]], cst.SimpleStatementLine) or not movable(block[spot[1]]):
            return None
        moved_ids.add(spot[1])
    moved = [block[i] for i in sorted(moved_ids)]
    names = set().union(*(changes(s, model.imports.aliases) for s in moved))
    read = set().union(*(reads(s) for s in moved))
    for stmt in block[min(moved_ids):at]:
        if all(stmt is not m for m in moved) and (
                names_in(stmt) & names or changes(stmt, model.imports.aliases) & read):
            return None  # used or changed in between: the statement cannot move past it
    watched = _sources_to_watch(gc, index, chain)
    body = with_node.body.body
    lead = 0  # keep the block's leading watches of names that exist before the move in front
    while lead < len(body) and _watched_name(body[lead], tape.name) not in (None, *names):
        watched = [w for w in watched if w != _watched_name(body[lead], tape.name)]
        lead += 1
    safe = not scope.unresolved and _tf_only(model, moved) and not any(b.escaped for b in chain)

    def build(pos: PositionOf) -> Fix | None:
        inner, outer = indent(model, pos, body[0]), indent(model, pos, with_node)
        text = whole_lines(model, [span(pos, s) for s in moved], outer, inner)
        if text is None:
            return None
        newline = layout_of(model).newline
        text = "".join(f"{inner}{tape.name}.watch({w}){newline}" for w in watched) + text
        if lead < len(body):
            line = pos(body[lead])[0][0] - len(getattr(body[lead], "leading_lines", ()))
        else:
            line = pos(body[-1])[1][0] + 1
        what = ", ".join(_statement(model, s) for s in moved)
        watch = f"watch {', '.join(watched)} and " if watched else ""
        return Fix(f"{watch}compute {what} inside the with-block of tape '{tape.name}'", safe, (Edit(line, 1, line, 1, text), *(delete(pos, s) for s in moved)))
    return build


def _sources_to_watch(gc: GradientCall, index: int, chain: list[Binding]) -> list[str]:
    """This call's source and the tape's other sources the moved statements start from."""
    inputs = {id(e.binding) for b in chain for e in b.deps}
    out: list[str] = []
    for call in sorted(gc.tape.calls, key=lambda c: c.seq):
        for i, (b, expr) in enumerate(zip(call.sources, call.source_exprs)):
            if b is None or not isinstance(expr, cst.Name) or expr.value in out:
                continue
            if id(b) in inputs or (call is gc and i == index):
                out.append(expr.value)
    return out


def _watched_name(stmt: cst.CSTNode, tape: str) -> str | None:
    """`tape.watch(name)` -> name."""
    if not isinstance(stmt, cst.SimpleStatementLine) or len(stmt.body) != 1:
        return None
    expr = stmt.body[0]
    call = expr.value if isinstance(expr, cst.Expr) else None
    if isinstance(call, cst.Call) and isinstance(call.func, cst.Attribute) and \
            call.func.attr.value == "watch" and isinstance(call.func.value, cst.Name) and \
            call.func.value.value == tape and len(call.args) == 1 and \
            isinstance(call.args[0].value, cst.Name):
        return call.args[0].value.value
    return None


def _statement(model: Model, stmt: cst.CSTNode) -> str:
    text = model.statement_code(stmt)
    return f"'{text}'" if len(text) <= 60 else f"'{text[:57]}...'"


def move_after_block_fix(model: Model, scope: Scope, gc: GradientCall, step: Binding,
                         on_path: Callable[[Binding], bool] = _is_gradient) -> FixBuilder | None:
    """Move what computes the target after the block (an inner gradient, a slice) into the block;
    moving more than the statements made from `on_path` bindings is unsafe."""
    tape = gc.tape
    with_node = tape.block_line_node
    if not isinstance(with_node, cst.With) or not isinstance(with_node.body, cst.IndentedBlock) \
            or gc.target is None or not gc.node.args:
        return None
    where, call_where = place(model, with_node), place(model, gc.node)
    if where is None or call_where is None or call_where[0] is not where[0]:
        return None
    block, at = where
    call_at = call_where[1]
    needed, moved_ids = reads(gc.node.args[0].value), set()
    for i in range(call_at - 1, at, -1):  # what the target is computed from, back to the block
        if changes(block[i], model.imports.aliases) & needed:
            moved_ids.add(i)
            needed |= reads(block[i])
    if not moved_ids or any(not movable(block[i]) for i in moved_ids):
        return None
    step_where = place(model, step.node)
    if step_where is None or step_where[0] is not block or step_where[1] not in moved_ids:
        return None
    moved = [block[i] for i in sorted(moved_ids)]
    for i in range(at + 1, max(moved_ids)):
        if i not in moved_ids and any(names_in(block[i]) & changes(block[j], model.imports.aliases)
                                      for j in moved_ids if j > i):
            return None  # the moved statement would change what this one sees
    late = {id(spot[0][spot[1]]) for spot in (
        place(model, b.node) for b in _upstream(gc.target, on_path)
        if tape not in b.recorded_by and b.seq > tape.end) if spot is not None}
    extra = [s for s in moved if id(s) not in late]
    safe = not extra and not scope.unresolved and all(
        i in moved_ids for i in range(at + 1, max(moved_ids)))

    def build(pos: PositionOf) -> Fix | None:
        body = with_node.body.body
        inner, outer = indent(model, pos, body[0]), indent(model, pos, with_node)
        text = whole_lines(model, [span(pos, s) for s in moved], outer, inner)
        if text is None:
            return None
        line = pos(with_node)[1][0] + 1
        what = ", ".join(_statement(model, s) for s in moved)
        return Fix(f"move {what} into the with-block of tape '{tape.name}'", safe,
                   (Edit(line, 1, line, 1, text), *(delete(pos, s) for s in moved)))
    return build
