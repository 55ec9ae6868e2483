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


def kids(node: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """The child nodes that can hold code (no whitespace, brackets or punctuation)."""
    kind = type(node)
    names = _FIELDS.get(kind)
    if names is None:
        names = tuple(f.name for f in dataclasses.fields(kind)
                      if f.name not in _SKIP and not f.name.startswith("whitespace"))
        _FIELDS[kind] = names
    for name in names:
        value = getattr(node, name)
        if isinstance(value, cst.CSTNode):
            yield value
        elif isinstance(value, (list, tuple)):
            for item in value:
                if isinstance(item, cst.CSTNode):
                    yield item
