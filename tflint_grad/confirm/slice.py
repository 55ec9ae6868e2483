"""Backward slices of a finding: the statements it depends on, at their original line numbers."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import libcst as cst
from libcst.metadata import CodeRange, MetadataWrapper, PositionProvider

from tflint_grad.model.nodes import kids
from tflint_grad.confirm.scope import BRANCHES, LOOPS, Unit, binds_params, blocks, flatten
from tflint_grad.confirm.sites import call_site
from tflint_grad.syntax import GRADIENT_METHODS, binds, dotted, names_in

# The calls whose result is the derivative a slice reports: tape.gradient and tf.gradients.
DERIVATIVE_CALLS = ("gradient", "gradients")


@dataclass(frozen=True, slots=True)
class Slice:
    """A slice as the user wrote it (for the policy) and instrumented (for the worker)."""

    plain: str
    probe: str
    target: str | None  # perturbs the source and captures the target, for finite differences
    label: str
    callee: str
    line: int
    synthesized: tuple[str, ...] = ()  # parameters given made-up values (no call site to copy)
    site: int | None = None  # the module-level line whose call runs the finding's function


@dataclass(frozen=True, slots=True)
class NotSliced:
    """Why no slice could be built."""

    reason: str


class _Source:
    """One parsed source with positions and parents."""

    def __init__(self, text: str) -> None:
        self.text = text
        wrapper = MetadataWrapper(cst.parse_module(text), unsafe_skip_copy=True)
        self.module = wrapper.module
        self.positions: dict[cst.CSTNode, CodeRange] = dict(wrapper.resolve(PositionProvider))
        self.parents: dict[cst.CSTNode, cst.CSTNode] = {}
        for node in self.positions:
            for child in kids(node):
                self.parents[child] = node

    def span(self, node: cst.CSTNode) -> tuple[int, int]:
        """First and last line of a statement, decorators included."""
        start = self.positions[node].start.line
        for decorator in getattr(node, "decorators", ()):
            start = min(start, self.positions[decorator].start.line)
        return start, self.positions[node].end.line

    def code(self, node: cst.CSTNode) -> str:
        """The source text of a node."""
        return self.module.code_for_node(node).strip()


def _modules(module: cst.Module) -> set[str]:
    return {n for stmt in module.body if isinstance(stmt, cst.SimpleStatementLine)
            for s in stmt.body if isinstance(s, (cst.Import, cst.ImportFrom)) for n in binds(s)}


def _contains(src: _Source, node: cst.CSTNode, line: int) -> bool:
    start, end = src.span(node)
    if isinstance(node, cst.BaseCompoundStatement) and not isinstance(node, (cst.FunctionDef,
                                                                             cst.ClassDef)):
        body = getattr(node, "body", None)
        if isinstance(body, cst.IndentedBlock) and body.body:
            end = src.positions[body.body[0]].start.line - 1
    return start <= line <= end


def _backward(units: list[Unit], target: Unit, defs: dict[str, Unit]) -> tuple[set[Unit], set[str]]:
    """Units `target` depends on, and the names no unit of this scope binds."""
    headers = {u.node: u for u in units}
    kept: set[Unit] = set()
    unresolved: set[str] = set()
    work = [target]
    while work:
        unit = work.pop()
        if unit in kept:
            continue
        kept.add(unit)
        work += [headers[c] for c in unit.chain if c in headers]
        needs = set(unit.uses)
        callees = [n for n in needs if n in defs]
        while callees:  # a call reads its callees' free names at this point, transitively
            more = defs[callees.pop()].uses - needs
            needs |= more
            callees += [n for n in more if n in defs]
        for name in needs:
            found = False
            for other in reversed(units[:unit.index]):
                if name in other.kills or name in other.mods:
                    work.append(other)
                    if name in other.kills and _unconditional(other, unit):
                        found = True
                        break
            loops = [c for c in unit.chain if isinstance(c, LOOPS)]
            for other in units[unit.index + 1:]:
                if loops and loops[0] in other.chain and (name in other.kills | other.mods):
                    work.append(other)
            if not found:
                unresolved.add(name)
    return kept, unresolved


def _unconditional(definition: Unit, use: Unit) -> bool:
    branchy = [c for c in definition.chain if isinstance(c, BRANCHES)]
    return branchy == [c for c in use.chain if isinstance(c, BRANCHES)][:len(branchy)]


def _flagged(src: _Source, unit: Unit, line: int, col: int,
             end: tuple[int, int] | None) -> cst.BaseExpression | None:
    exprs = [n for n in src.positions if isinstance(n, cst.BaseExpression)
             and _inside(src, n, unit.node)]
    start = (line, col - 1)
    exact = [n for n in exprs if _at(src, n) == start and end is not None
             and (src.positions[n].end.line, src.positions[n].end.column + 1) == end]
    calls = sorted((n for n in exprs if isinstance(n, cst.Call) and _at(src, n) >= start),
                   key=lambda n: (_at(src, n), -len(src.code(n))))
    chosen = exact[0] if exact else calls[0] if calls else None
    while isinstance(chosen, (cst.Name, cst.Attribute)):
        parent = src.parents.get(chosen)
        if isinstance(parent, cst.Arg):
            parent = src.parents.get(parent)
        if not isinstance(parent, (cst.BinaryOperation, cst.UnaryOperation, cst.Subscript,
                                   cst.Attribute, cst.Call)):
            break
        chosen = parent
    return chosen


def _at(src: _Source, node: cst.CSTNode) -> tuple[int, int]:
    return src.positions[node].start.line, src.positions[node].start.column


def _inside(src: _Source, node: cst.CSTNode, outer: cst.CSTNode) -> bool:
    while node in src.parents:
        node = src.parents[node]
        if node is outer:
            return True
    return False


def _render(src: _Source, kept: set[cst.CSTNode], opened: set[cst.CSTNode]) -> list[str]:
    """The source with every statement outside the slice blanked, line numbers unchanged."""
    lines = src.text.split("\n")

    def blank(node: cst.CSTNode) -> None:
        start, end = src.span(node)
        for i in range(start - 1, end):
            lines[i] = ""

    def block(stmts: Sequence[cst.CSTNode]) -> bool:
        any_kept = False
        for stmt in stmts:
            if stmt in opened:
                any_kept = True
                for part in blocks(stmt):
                    if isinstance(part, cst.If) and part is not stmt and part not in opened:
                        blank(part)
                    elif isinstance(part, (cst.Else, cst.Finally)) and part not in opened \
                            and not isinstance(stmt, cst.Try):
                        blank(part)
                    elif isinstance(part, cst.If) and part is not stmt:
                        block([part])
                    else:
                        body = getattr(part, "body", None)
                        if isinstance(body, cst.IndentedBlock) and not block(body.body):
                            first = body.body[0]
                            at = src.positions[first].start
                            # The line may be blanked already: indent the pass itself.
                            prefix = lines[at.line - 1][:at.column].ljust(at.column)
                            lines[at.line - 1] = prefix + "pass"
            elif stmt in kept:
                any_kept = True
            else:
                blank(stmt)
        return any_kept

    block(src.module.body)
    return lines


def _edit(lines: list[str], edits: list[tuple[tuple[int, int], tuple[int, int], str]]) -> str:
    starts = [0]
    for text in lines:
        starts.append(starts[-1] + len(text) + 1)
    text = "\n".join(lines)
    for (l1, c1), (l2, c2), new in sorted(edits, reverse=True):
        text = text[:starts[l1 - 1] + c1] + new + text[starts[l2 - 1] + c2:]
    return text


@lru_cache(maxsize=8)
def _parsed(source: str) -> tuple[_Source, frozenset[str]] | NotSliced:
    """One parse per source text: a file's findings share it."""
    try:
        src = _Source(source)
    except (cst.ParserSyntaxError, RecursionError) as exc:
        return NotSliced(f"the file does not parse ({type(exc).__name__})")
    return src, frozenset(_modules(src.module))


def build_slice(source: str, line: int, column: int,
                end: tuple[int, int] | None = None) -> Slice | NotSliced:
    """The slice for a finding at (line, column), 1-based, or why there is none."""
    parsed = _parsed(source)
    if isinstance(parsed, NotSliced):
        return parsed
    src, frozen = parsed
    modules = set(frozen)
    module_units = flatten(src.module.body, modules)
    here = [u for u in module_units if _contains(src, u.node, line)]
    if not here:
        return NotSliced(f"no statement at line {line}")
    outer = here[-1]
    scope_def: cst.FunctionDef | None = None
    units, target = module_units, outer
    if isinstance(outer.node, cst.ClassDef):
        return _method_slice(src, module_units, outer, line, column, end)
    if isinstance(outer.node, cst.FunctionDef):
        scope_def = outer.node
        units = flatten(scope_def.body.body, modules)
        inner = [u for u in units if _contains(src, u.node, line)]
        if not inner or isinstance(inner[-1].node, (cst.FunctionDef, cst.ClassDef)):
            return NotSliced("the finding is inside a nested function")
        target = inner[-1]
    defs = {u.node.name.value: u for u in module_units
            if isinstance(u.node, (cst.FunctionDef, cst.ClassDef))}
    flagged = _flagged(src, target, line, column, end)
    if flagged is None:
        return NotSliced(f"no call found at line {line}, column {column}")
    kept, unresolved = _backward(units, target, defs if scope_def is None else {})
    opened: set[cst.CSTNode] = {c for u in kept for c in u.chain}
    call_line = ""
    synthesized: tuple[str, ...] = ()
    site_line: int | None = None
    if scope_def is not None:
        params = binds_params(scope_def)
        outer.uses = (unresolved - params) | names_in(scope_def.params) | {
            n for d in scope_def.decorators for n in names_in(d)}
        site = call_site(module_units, outer, ("f", scope_def.name.value))
        if site is None:
            required = [p.name.value for p in scope_def.params.params if p.default is None]
            required += [p.name.value for p in scope_def.params.kwonly_params if p.default is None]
            tf_alias = _tensorflow_alias(src.module)
            starred = not isinstance(scope_def.params.star_arg, cst.MaybeSentinel)
            if required and (tf_alias is None or scope_def.params.posonly_params or starred):
                return NotSliced(f"needs values for parameters {', '.join(required)}")
            # No call site to copy: float32 tensors stand in for the parameters, and the
            # confirmation says so.
            synthesized = tuple(required)
            values = ", ".join(f"{p}={tf_alias}.random.uniform((4, 1), seed=1)" for p in required)
            call_line = f"{scope_def.name.value}({values})"
            if tf_alias is not None and required:
                outer.uses.add(tf_alias)
            site = outer
        else:
            site_line = src.positions[site.node].start.line
        module_kept, _ = _backward(module_units, site, defs)
        opened |= {c for u in module_kept for c in u.chain} | {scope_def}
        kept |= module_kept
    kept_nodes = {u.node for u in kept}
    opened |= {n for n in kept_nodes if isinstance(n, (cst.If, cst.For, cst.While, cst.With,
                                                       cst.Try))}
    lines = _render(src, kept_nodes, opened)
    if call_line:
        lines.append(call_line)
    return replace(_instrument(src, lines, flagged, units, target, kept),
                   synthesized=synthesized, site=site_line)


def _tensorflow_alias(module: cst.Module) -> str | None:
    """The name a module-level `import tensorflow as tf` binds, if there is one."""
    for stmt in module.body:
        if isinstance(stmt, cst.SimpleStatementLine):
            for small in stmt.body:
                if isinstance(small, cst.Import):
                    for alias in small.names:
                        if dotted(alias.name) == "tensorflow":
                            return (alias.asname.name.value if alias.asname is not None and
                                    isinstance(alias.asname.name, cst.Name) else "tensorflow")
    return None


def _method_slice(src: _Source, module_units: list[Unit], outer: Unit, line: int, column: int,
                  end: tuple[int, int] | None) -> Slice | NotSliced:
    """A finding in a method: the whole class, the instance built as the file builds it, and
    the first module-level statement that calls the method on it."""
    cls = outer.node
    assert isinstance(cls, cst.ClassDef)
    methods = [s for s in (cls.body.body if isinstance(cls.body, cst.IndentedBlock) else ())
               if isinstance(s, cst.FunctionDef) and _contains(src, s, line)]
    if not methods:
        return NotSliced("the finding is inside a class body, not a method")
    method = methods[0]
    inner = [u for u in flatten(method.body.body, set()) if _contains(src, u.node, line)]
    if not inner or isinstance(inner[-1].node, (cst.FunctionDef, cst.ClassDef)):
        return NotSliced("the finding is inside a nested function")
    flagged = _flagged(src, inner[-1], line, column, end)
    if flagged is None:
        return NotSliced(f"no call found at line {line}, column {column}")
    name = method.name.value
    site = call_site(module_units, outer, ("m", name))
    if site is None:
        return NotSliced(f"the finding is in method '{name}', which no module-level statement "
                         f"of the file reaches through a call on an instance")
    defs = {u.node.name.value: u for u in module_units
            if isinstance(u.node, (cst.FunctionDef, cst.ClassDef))}
    kept, _ = _backward(module_units, site, defs)
    kept.add(outer)
    opened: set[cst.CSTNode] = {c for u in kept for c in u.chain}
    kept_nodes = {u.node for u in kept}
    opened |= {n for n in kept_nodes if isinstance(n, (cst.If, cst.For, cst.While, cst.With,
                                                       cst.Try))}
    lines = _render(src, kept_nodes, opened)
    return replace(_instrument(src, lines, flagged, module_units, site, kept),
                   site=src.positions[site.node].start.line)


def _instrument(src: _Source, lines: list[str], flagged: cst.BaseExpression, units: list[Unit],
                target: Unit, kept: set[Unit]) -> Slice:
    pos = src.positions[flagged]
    start, stop = (pos.start.line, pos.start.column), (pos.end.line, pos.end.column)
    plain = "\n".join(lines)
    probe = _edit(lines, [(start, start, "_tfg_probe(lambda: "), (stop, stop, ")")])
    statement = _import_of(src, flagged)
    if statement is not None:  # a name in an import: run the import itself as the probe
        at = src.positions[statement]
        lead = " " * at.start.column
        probe = _edit(lines, [((at.start.line, at.start.column), (at.end.line, at.end.column),
                               f"def _tfg_import():\n{lead}    {src.code(statement)}\n"
                               f"{lead}_tfg_probe(_tfg_import)")])
    callee, label = src.code(flagged)[:40], "value"
    fd_code = None
    if isinstance(flagged, cst.Call):
        callee = src.code(flagged.func)
        method = flagged.func.attr.value if isinstance(flagged.func, cst.Attribute) else callee
        args = [a.value for a in flagged.args if a.keyword is None]
        if len(args) >= 2 and method in GRADIENT_METHODS | {"gradients"}:
            y, x = src.code(args[0]), src.code(args[1])
            label = f"d{y}/d{x}" if len(y) + len(x) < 40 else "gradient"
            source = args[1]
            if isinstance(source, (cst.List, cst.Tuple)) and source.elements:
                source = source.elements[0].value  # finite differences for the first source
            if method in DERIVATIVE_CALLS and isinstance(source, cst.Name):
                nudge = _nudge(src, units, target, kept, flagged, source.value)
                newlines = src.code(flagged).count("\n") - y.count("\n")
                if nudge is not None:
                    fd_code = _edit(lines, [
                        (start, stop, f"_tfg_target({y}" + "\n" * newlines + ")"), *nudge])
    return Slice(plain, probe, fd_code, label, callee, pos.start.line)


def _import_of(src: _Source, node: cst.CSTNode) -> cst.ImportFrom | None:
    parent = src.parents.get(node)
    while parent is not None and not isinstance(parent, cst.BaseStatement):
        if isinstance(parent, cst.ImportFrom):
            return parent
        parent = src.parents.get(parent)
    return None


def _nudge(src: _Source, units: list[Unit], target: Unit, kept: set[Unit], call: cst.Call,
           name: str) -> list[tuple[tuple[int, int], tuple[int, int], str]] | None:
    """Edits that perturb the source for finite differences.

    Where the tape is a with-block, the source is rebound as the block starts (a walrus in
    its header), so values computed before the tape stay fixed, as they are for the tape.
    Otherwise the value last assigned to the source is wrapped.
    """
    tape = call.func.value if isinstance(call.func, cst.Attribute) else None
    for unit in reversed(units[:target.index + 1]):
        if unit not in kept:
            continue
        node = unit.node
        if isinstance(tape, cst.Name) and isinstance(node, cst.With) and any(
                item.asname is not None and isinstance(item.asname.name, cst.Name)
                and item.asname.name.value == tape.value for item in node.items):
            item = node.items[0].item
            a, b = src.positions[item].start, src.positions[item].end
            return [((a.line, a.column), (a.line, a.column), f"({name} := _tfg_perturb({name}), "),
                    ((b.line, b.column), (b.line, b.column), ")[1]")]
        if unit is not target and name in unit.kills and isinstance(node, cst.SimpleStatementLine):
            stmt = node.body[0]
            if len(node.body) == 1 and isinstance(stmt, cst.Assign) and len(stmt.targets) == 1 \
                    and isinstance(stmt.targets[0].target, cst.Name):
                a, b = src.positions[stmt.value].start, src.positions[stmt.value].end
                return [((a.line, a.column), (a.line, a.column), "_tfg_perturb("),
                        ((b.line, b.column), (b.line, b.column), ")")]
            return None
    return None
