"""Attributes a class sets once, in `__init__`: what `self.model`, `self.optimizer` or `self.x`
hold in every other method of the class. Only what the class's own text makes certain."""
from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst

from tflint_grad.model import ops
from tflint_grad.model.names import ImportTable
from tflint_grad.model.nodes import init_of, kids


@dataclass(frozen=True, slots=True)
class FieldDef:
    """`self.<attr> = value`, a top-level statement of `__init__`, the attribute's only
    assignment anywhere in the class."""

    attr: str
    value: cst.BaseExpression = field(repr=False)
    statement: cst.SimpleStatementLine = field(repr=False)


def is_static(fn: cst.FunctionDef) -> bool:
    """A staticmethod or classmethod: its first parameter is not the instance."""
    return any(isinstance(d.decorator, cst.Name) and d.decorator.value in (
        "staticmethod", "classmethod") for d in fn.decorators)


def known_bases(cls: cst.ClassDef, imports: ImportTable) -> bool:
    """No base, `object`, or Keras / tf.Module bases: nothing inherited can rebind a field."""
    for base in cls.bases:
        if base.keyword is not None:
            return False
        value = base.value
        if isinstance(value, cst.Name) and value.value == "object":
            continue
        name = imports.resolve(value)
        if name is None or not (ops.makes_model(name) or name == "tensorflow.Module"):
            return False
    return True


_ATTRIBUTE_HOOKS = frozenset({"__setattr__", "__getattr__", "__getattribute__", "__delattr__"})


def class_fields(cls: cst.ClassDef, imports: ImportTable, counts: Counts | None,
                 subclasses: list[str]) -> dict[str, FieldDef]:
    """The fields `__init__` sets once, and nothing else in the module assigns an attribute of
    that name (another method, a subclass, a script doing `obj.attr = ...`)."""
    if not isinstance(cls.body, cst.IndentedBlock) or not known_bases(cls, imports):
        return {}
    init = init_of(cls)
    if init is None or not isinstance(init.body, cst.IndentedBlock) or not init.params.params:
        return {}
    me = init.params.params[0].name.value
    members = {s.name.value for s in cls.body.body if isinstance(s, (cst.FunctionDef, cst.ClassDef))}
    for s in cls.body.body:  # class-level names: `x = property(...)`, descriptors, defaults
        if isinstance(s, cst.SimpleStatementLine):
            for small in s.body:
                targets = [t.target for t in small.targets] if isinstance(small, cst.Assign) else (
                    [small.target] if isinstance(small, cst.AnnAssign) else [])
                members |= {t.value for t in targets if isinstance(t, cst.Name)}
    if members & _ATTRIBUTE_HOOKS:
        return {}
    if counts is None:
        return {}  # setattr somewhere: no field is certain
    out: dict[str, FieldDef] = {}
    for stmt in init.body.body:
        if not isinstance(stmt, cst.SimpleStatementLine) or len(stmt.body) != 1:
            continue
        small = stmt.body[0]
        if isinstance(small, cst.Assign) and len(small.targets) == 1:
            target, value = small.targets[0].target, small.value
        elif isinstance(small, cst.AnnAssign) and small.value is not None:
            target, value = small.target, small.value
        else:
            continue
        if isinstance(target, cst.Attribute) and isinstance(target.value, cst.Name) and \
                target.value.value == me:
            attr = target.attr.value
            if times_assigned(cls, attr, counts, subclasses) == 1 and attr not in members:
                out[attr] = FieldDef(attr, value, stmt)
    return out


# (class name, attribute): assignments `self.attr = ...` in that class's methods; (None, attribute):
# assignments on anything else (`obj.attr = ...`, `other.attr += ...`), anywhere in the module.
Counts = dict[tuple[str | None, str], int]


def assigned_attributes(module: cst.Module) -> Counts | None:
    """How often the module assigns each attribute (`x.attr = ...`, `+=`, tuple targets,
    `for x.attr in`), by the class whose self it is; None when `setattr` makes it unknowable."""
    counts: Counts = {}
    stack: list[tuple[cst.CSTNode, str | None, str | None]] = [(module, None, None)]
    # Exact type tests: the walk visits every node, and isinstance against libcst's ABCs is slow.
    with_target = (cst.AugAssign, cst.AnnAssign, cst.For, cst.NamedExpr)
    while stack:
        n, cls, me = stack.pop()
        of = type(n)
        targets: list[cst.BaseExpression] = []
        if of is cst.ClassDef:
            assert isinstance(n, cst.ClassDef)
            cls, me = n.name.value, None
        elif of is cst.FunctionDef:
            assert isinstance(n, cst.FunctionDef)
            if cls is not None and me is None:
                params = n.params.params
                me = params[0].name.value if params else None
        elif of is cst.AssignTarget:
            assert isinstance(n, cst.AssignTarget)
            targets.append(n.target)
        elif of in with_target:
            targets.append(n.target)  # type: ignore[attr-defined]
        elif of is cst.AsName:
            assert isinstance(n, cst.AsName)
            if isinstance(n.name, cst.BaseExpression):
                targets.append(n.name)
        elif of is cst.Call:
            assert isinstance(n, cst.Call)
            if type(n.func) is cst.Name and n.func.value in (
                    "setattr", "delattr", "vars"):
                return None
        while targets:
            t = targets.pop()
            if isinstance(t, (cst.Tuple, cst.List)):
                targets.extend(e.value for e in t.elements)
            elif isinstance(t, cst.StarredElement):
                targets.append(t.value)
            elif isinstance(t, cst.Attribute):
                on_self = isinstance(t.value, cst.Name) and me is not None and t.value.value == me
                key = (cls if on_self else None, t.attr.value)
                counts[key] = counts.get(key, 0) + 1
        stack.extend((k, cls, me) for k in kids(n))
    return counts


def times_assigned(cls: cst.ClassDef, attr: str, counts: Counts,
                   subclasses: list[str]) -> int:
    """Assignments that may rebind `attr` on an instance of `cls`: its own methods', its
    subclasses' (in this module), and any on other receivers."""
    return counts.get((cls.name.value, attr), 0) + counts.get((None, attr), 0) + sum(
        counts.get((sub, attr), 0) for sub in subclasses)


def fields_read(cls: cst.ClassDef, method: cst.FunctionDef) -> set[str] | None:
    """The attributes of self a method reads, following its `self.other()` calls; None when it
    hands self itself to something (then it may read anything)."""
    methods = {s.name.value: s for s in (cls.body.body if isinstance(cls.body, cst.IndentedBlock)
                                         else ()) if isinstance(s, cst.FunctionDef)}
    out: set[str] = set()
    todo, seen = [method], set()
    while todo:
        fn = todo.pop()
        if fn.name.value in seen or not fn.params.params:
            continue
        seen.add(fn.name.value)
        me = fn.params.params[0].name.value
        stack: list[cst.CSTNode] = [fn.body]
        while stack:
            n = stack.pop()
            if isinstance(n, cst.Attribute) and isinstance(n.value, cst.Name) and \
                    n.value.value == me:
                out.add(n.attr.value)
                if n.attr.value in methods:
                    todo.append(methods[n.attr.value])
                continue
            if isinstance(n, cst.Name) and n.value == me:
                return None  # `helper(self)`, `return self`: self escapes
            stack.extend(kids(n))
    return out
