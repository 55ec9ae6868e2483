"""Fast child iteration for libcst nodes: `node.children` rebuilds nodes and is slow."""
from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import libcst as cst

_SKIP = frozenset({"lpar", "rpar", "comma", "semicolon", "leading_lines", "header", "footer",
                   "lines_after_decorators", "newline", "dot", "operator", "equal", "colon",
                   "lbracket", "rbracket", "lbrace", "rbrace", "star", "asynchronous",
                   "trailing_whitespace", "whitespace_before_colon", "first_line"})
_FIELDS: dict[type, tuple[str, ...]] = {}


class _NodeTypes(dict[type, bool]):
    """issubclass(kind, cst.CSTNode) by type, filled on first use: isinstance against libcst's
    ABCs is slow, and kids() asks it of every field of every node."""

    def __missing__(self, kind: type) -> bool:
        known = self[kind] = issubclass(kind, cst.CSTNode)
        return known


_NODE_TYPES = _NodeTypes()


def kids(node: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """The child nodes that can hold code (no whitespace, brackets or punctuation)."""
    kind = type(node)
    names = _FIELDS.get(kind)
    if names is None:
        names = tuple(f.name for f in dataclasses.fields(kind)
                      if f.name not in _SKIP and not f.name.startswith("whitespace"))
        _FIELDS[kind] = names
    is_node = _NODE_TYPES.__getitem__
    for name in names:
        value = getattr(node, name)
        of = type(value)
        if of is list or of is tuple:
            for item in value:
                if is_node(type(item)):
                    yield item
        elif is_node(of):
            yield value


def returns_nothing(fn: cst.FunctionDef) -> bool:
    """Does every call of `fn` return None? An undecorated function with a body of its own
    (not just `pass`, `...` or a docstring) and no `return value`, `yield` or `raise` in it."""
    if fn.decorators or not isinstance(fn.body, cst.IndentedBlock):
        return False
    real = [s for s in fn.body.body if not (
        isinstance(s, cst.SimpleStatementLine) and all(
            isinstance(x, cst.Pass) or isinstance(x, cst.Expr) and isinstance(
                x.value, (cst.SimpleString, cst.ConcatenatedString, cst.Ellipsis)) for x in s.body))]
    if not real:
        return False
    stack: list[cst.CSTNode] = list(real)
    while stack:
        n = stack.pop()
        if isinstance(n, (cst.Yield, cst.Raise, cst.Await)) or (
                isinstance(n, cst.Return) and n.value is not None):
            return False
        if not isinstance(n, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            stack.extend(n.children)
    return True


def param_names(fn: cst.FunctionDef) -> list[str]:
    """Every parameter a function declares, `*args` and `**kwargs` included."""
    p = fn.params
    names = [x.name.value for x in (*p.posonly_params, *p.params, *p.kwonly_params)]
    for star in (p.star_arg, p.star_kwarg):
        if isinstance(star, cst.Param):
            names.append(star.name.value)
    return names


def init_of(cls: cst.ClassDef) -> cst.FunctionDef | None:
    """A class's own `__init__`."""
    if not isinstance(cls.body, cst.IndentedBlock):
        return None
    return next((s for s in cls.body.body if isinstance(s, cst.FunctionDef)
                 and s.name.value == "__init__"), None)


def assigned_value(statement: cst.CSTNode) -> cst.BaseExpression | None:
    """The value of `name = <value>`, a statement line holding one single-target assignment."""
    if isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1:
        statement = statement.body[0]
    if isinstance(statement, cst.Assign) and len(statement.targets) == 1:
        return statement.value
    return None
