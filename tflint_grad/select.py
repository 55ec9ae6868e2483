"""Selective parsing: which bodies of functions and methods libcst must parse, decided on
CPython's tree (the parse that already runs as a guard).

A rule fires only at code holding one of its trigger tokens (`GradientTape`, `gradients`,
`.fit(`, ...). The model also reads what that code reaches, so a body is kept when:
- it holds a trigger token of a rule the file triggers, or a name bound to one (`from
  tensorflow import GradientTape as Tape`), a switch with module-wide effect
  (`disable_eager_execution`, `run_functions_eagerly`, ...), a `global` statement or `setattr`;
- kept code mentions its name (a helper it calls; a method, when its class is known to kept code);
- it mentions the name of a kept definition that has parameters (a call site: parameters are
  typed from callers), or, holding `tf.function(` / `Graph`, of any kept definition;
- it assigns an attribute whose name kept code mentions (`self.model = ...` elsewhere);
- it is a special method or Keras hook (`__init__`, `call`, `train_step`, `on_*`, ...) of a
  class that kept code mentions or that keeps another method.
Rules that report only in what the module body reaches (REACHED_ONLY) pin nothing: with one of
them triggered every module statement is a root. Otherwise a module statement joins the closure
when it holds a trigger token or names what kept code names. Module statements, imports, class
headers and class-level statements are never dropped; the units are the bodies of module-level
functions and of the methods of module-level classes.

A dropped body becomes `pass` and blank lines; decorators and signatures stay. So every name is
still defined where the file defines it (a method still overrides its base's), and every kept
line is where it was: positions, fixes and messages are those of the full file. Tests compare
full and selective results on every labelled program, and `make corpus` on the corpus.
"""
from __future__ import annotations

import ast
from collections.abc import Iterable
from dataclasses import dataclass, field

from tflint_grad.catalog import Entry

# Calls whose effect reaches the whole module: a definition that makes one is always kept.
_GLOBAL_EFFECTS = (b"disable_eager_execution", b"disable_v2_behavior", b"enable_eager_execution",
                   b"run_functions_eagerly", b"placeholder", b"reset_default_graph", b"setattr")
# Calls that change how the functions they name run (`tf.function(f)`, `with tf.Graph()...:
# f()`): a definition that makes one is kept when it names a kept definition.
_CONTEXT_EFFECTS = (b"function(", b"tf.function", b"Graph", b"get_default_graph")
# Rules that report only in code reached from the module body (checks/eager_scopes.py): their
# trigger tokens pin nothing, since what the module body reaches is kept by name anyway.
REACHED_ONLY = frozenset({"TFG002", "TFG007", "TFG015", "TFG016"})
_HOOKS = frozenset({"call", "build", "train_step", "test_step", "predict_step", "compute_loss",
                    "get_config", "from_config", "compute_output_shape"})
_MIN_DROPPED_LINES = 200  # below this, parsing the whole file is as cheap as deciding


@dataclass(eq=False)
class _Unit:
    """A function or method whose body libcst may skip, or a module statement (never skipped,
    but it may bring what it names into the closure)."""

    node: ast.stmt
    name: str                       # "" for a module statement
    first: int                      # first line (its first decorator), 1-based
    last: int
    owner: ast.ClassDef | None      # the class of a method
    header_last: int = 0            # the last line of the signature
    body_first: int = 0             # the first line of the body
    idents: set[str] = field(default_factory=set)
    attrs_assigned: set[str] = field(default_factory=set)
    binds: set[str] = field(default_factory=set)   # names a module statement assigns
    pinned: bool = False            # a trigger token, a global effect, `global`
    context: bool = False           # a context effect: kept if it names a kept definition
    has_params: bool = False        # parameters besides self/cls: callers type them


def _special(name: str) -> bool:
    return name.startswith("__") and name.endswith("__")


def _first_line(node: ast.stmt) -> int:
    decorators: list[ast.expr] = getattr(node, "decorator_list", [])
    return min([node.lineno, *(d.lineno for d in decorators)])


def _scan(node: ast.AST, idents: set[str], attrs: set[str] | None = None,
          binds: set[str] | None = None) -> bool:
    """Collect the names a subtree mentions, the attributes it assigns and (for module
    statements) the names it binds; True on `global`."""
    has_global = False
    stack = [node]
    while stack:  # ast.walk without its generators (this runs over most of every file)
        n = stack.pop()
        if isinstance(n, ast.Name):
            idents.add(n.id)
            if binds is not None and not isinstance(n.ctx, ast.Load):
                binds.add(n.id)
        elif isinstance(n, ast.Attribute):
            idents.add(n.attr)
            if attrs is not None and not isinstance(n.ctx, ast.Load):
                attrs.add(n.attr)
        elif isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            idents.add(n.name)
        elif isinstance(n, ast.alias):
            idents.add((n.asname or n.name).split(".")[0])
        elif isinstance(n, ast.Constant):
            if isinstance(n.value, str) and n.value.isidentifier():
                idents.add(n.value)  # getattr(self, "step"), "fit" in a dispatch table
            continue
        elif isinstance(n, (ast.Global, ast.Nonlocal)):
            has_global = True
        for name in n._fields:
            value = getattr(n, name, None)
            if type(value) is list:
                stack.extend(v for v in value if isinstance(v, ast.AST))
            elif isinstance(value, ast.AST):
                stack.append(value)
    return has_global


def reduced_for(source: str, tree: ast.Module, entries: Iterable[Entry]) -> str | None:
    """reduced_source for the catalog entries a file triggers: their tokens pin bodies, except
    those of the rules that report only in what the module body reaches."""
    entries = list(entries)
    tokens = frozenset(t for e in entries if e.code not in REACHED_ONLY for t in e.triggers)
    return reduced_source(source, tree, tokens, any(e.code in REACHED_ONLY for e in entries))


def reduced_source(source: str, tree: ast.Module, tokens: frozenset[bytes],
                   module_runs: bool = True) -> str | None:
    """The text libcst needs to parse (dropped bodies blanked), or None to parse it all.

    `tokens`: the trigger tokens that pin a body. `module_runs`: a rule that reports in what the
    module body reaches is triggered, so every module statement is a root; otherwise a module
    statement joins only when it holds a token or names what kept code names."""
    lines = source.splitlines(keepends=True)
    if len(lines) < _MIN_DROPPED_LINES:
        return None

    def holds(node: ast.stmt, among: Iterable[bytes]) -> bool:
        text = "".join(lines[_first_line(node) - 1:node.end_lineno]).encode(
            "utf-8", "surrogatepass")
        return any(t in text for t in among)

    units: list[_Unit] = []
    statements: list[_Unit] = []      # module statements: never dropped, maybe not roots
    base_idents: set[str] = set()     # class headers and class-level statements
    imported: set[str] = set()        # names module-level imports bind
    aliases: set[str] = set()         # names bound to what holds a trigger token
    for stmt in tree.body:
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            units.append(_unit(stmt, None))
        elif isinstance(stmt, ast.ClassDef):
            for header in (*stmt.bases, *stmt.keywords, *stmt.decorator_list):
                _scan(header, base_idents)
            for member in stmt.body:
                if isinstance(member, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    units.append(_unit(member, stmt))
                else:
                    binds: set[str] = set()
                    _scan(member, base_idents, None, binds)
                    if holds(member, tokens):  # `tape_class = tf.GradientTape`
                        aliases |= binds
        elif isinstance(stmt, (ast.Import, ast.ImportFrom)):
            _scan(stmt, imported)
            if holds(stmt, tokens):  # `from tensorflow import GradientTape as Tape`
                aliases.update((a.asname or a.name).split(".")[0] for a in stmt.names)
        elif not _all_list(stmt):
            unit = _Unit(stmt, "", stmt.lineno, stmt.end_lineno or stmt.lineno, None)
            has_global = _scan(stmt, unit.idents, unit.attrs_assigned, unit.binds)
            hit = holds(stmt, tokens)
            unit.pinned = has_global or module_runs or hit or holds(stmt, _GLOBAL_EFFECTS)
            statements.append(unit)
            if hit:  # `Tape = tf.GradientTape`
                aliases |= unit.binds
    units = [u for u in units if u.body_first > u.header_last]
    if not units:
        return None
    for u in units:
        u.pinned = (_scan(u.node, u.idents, u.attrs_assigned) or bool(u.idents & aliases)
                    or holds(u.node, (*tokens, *_GLOBAL_EFFECTS)))
        u.context = holds(u.node, _CONTEXT_EFFECTS)
    base_idents |= imported
    kept = _closure(units, statements, base_idents, imported)
    dropped = [u for u in units if u not in kept]
    if sum(u.last - u.body_first for u in dropped) < _MIN_DROPPED_LINES:
        return None
    out = list(lines)
    for u in dropped:
        for i in range(u.body_first - 1, u.last):
            out[i] = _ending(lines[i])
        head = lines[u.body_first - 1]
        indent = head[:len(head) - len(head.lstrip(" \t"))]
        out[u.body_first - 1] = indent + "pass" + _ending(head)
    return "".join(out)


def _all_list(stmt: ast.stmt) -> bool:
    """`__all__ = [...]`: names as strings that say nothing about what runs."""
    return isinstance(stmt, (ast.Assign, ast.AugAssign)) and any(
        isinstance(t, ast.Name) and t.id == "__all__"
        for t in (stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]))


def _unit(node: ast.FunctionDef | ast.AsyncFunctionDef, owner: ast.ClassDef | None) -> _Unit:
    """A definition whose body may go: its decorators and signature stay, so every name is
    still defined (and every method still overrides) where the file defines it."""
    body_first = _first_line(node.body[0])  # a decorated def: its first decorator
    returns_end = max([node.lineno, *(getattr(n, "end_lineno", None) or node.lineno
                                      for n in ast.walk(node.args)),
                       *([node.returns.end_lineno or node.lineno] if node.returns else [])])
    args = node.args
    params = [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]
    named = [a for a in params if a is not None]
    if owner is not None and named and not any(
            isinstance(d, ast.Name) and d.id == "staticmethod" for d in node.decorator_list):
        named = named[1:]  # self or cls
    return _Unit(node, node.name, _first_line(node), node.end_lineno or node.lineno, owner,
                 header_last=returns_end, body_first=body_first, has_params=bool(named))


def _closure(units: list[_Unit], statements: list[_Unit], base_idents: set[str],
             imported: set[str]) -> set[_Unit]:
    """The units the rules and the model may read, grown to a fixed point. A module statement
    joins when it names what kept code names (`model.compile(loss=f)` for a kept `model`),
    imported modules aside."""
    kept: set[_Unit] = set()
    names = set(base_idents)          # every name kept code mentions
    defined: set[str] = set()         # kept definitions whose parameters callers may type
    kept_names: set[str] = set()      # all kept definitions
    owners: set[str] = set()          # classes with a kept method
    joined: set[int] = set()          # module statements whose names count
    changed = True
    while changed:
        changed = False
        for st in statements:
            if id(st) not in joined and (st.pinned or bool(st.idents & kept_names)
                                         or bool((st.idents - imported) & names)):
                joined.add(id(st))
                names |= st.idents
                changed = True
        for u in units:
            if u in kept:
                continue
            special = _special(u.name) or u.name in _HOOKS or u.name.startswith("on_")
            owner = u.owner.name if u.owner is not None else None
            known = owner is not None and (owner in names or owner in owners)
            if (u.pinned
                    or (not _special(u.name) and u.name in names and (owner is None or known))
                    or bool(u.idents & defined)
                    or (u.context and bool(u.idents & kept_names))
                    or bool(u.attrs_assigned & names)
                    or (special and known)):
                kept.add(u)
                changed = True
                names |= u.idents
                kept_names.add(u.name)
                # Callers type parameters; an `on_*` method's mentions decide whether it is
                # a Keras callback (Builder.mentions), so its callers stay too.
                if not _special(u.name) and (u.has_params or u.name.startswith("on_")):
                    defined.add(u.name)
                if owner is not None:
                    owners.add(owner)
    return kept


def _ending(line: str) -> str:
    if line.endswith("\r\n"):
        return "\r\n"
    return "\n" if line.endswith(("\n", "\r")) else ""
