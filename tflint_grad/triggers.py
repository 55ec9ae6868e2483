"""Byte-level prefilters: can this file trigger a rule at all? Cheap scans that spare the parse."""
from __future__ import annotations

import re

_FLOAT_LITERAL = re.compile(rb"(?<![\w.])(?:\d+\.\d*|\.\d+|\d+[eE][-+]?\d+)(?![\w.])|[^/]/(?![/=])")
_IDENT = re.compile(rb"(?<![\w.])([A-Za-z_]\w*)(?![\w.(\[])")
_FLOAT_VALUE = re.compile(rb"[^/]/(?![/=])|\d\.\d*|\d[eE][-+]?\d|float(?:16|32|64)?\(")
_PASSED_NAME = re.compile(rb"[A-Za-z_]\w*\s*[,)]")
_SHAPE_CALLS = (b"ones(", b"zeros(", b"fill(", b"uniform(", b"normal(")


def _assigned_a_float(source: bytes, name: bytes) -> bool:
    """Some line `name = ...` whose value has a true division, a float literal or float()."""
    i = source.find(name)
    while i >= 0:
        start = source.rfind(b"\n", 0, i) + 1
        end = source.find(b"\n", i)
        line = source[start:end if end >= 0 else len(source)]
        before, rest = source[start:i], line[i - start + len(name):].lstrip()
        if not before.strip() and rest[:1] == b"=" and rest[1:2] != b"=" \
                and _FLOAT_VALUE.search(rest[1:]):
            return True
        i = source.find(name, i + 1)
    return False


def _word_before(source: bytes, i: int) -> bool:
    return i > 0 and (source[i - 1:i].isalnum() or source[i - 1:i] == b"_")


def calls_tf_gradients(source: bytes) -> bool:
    """A call to something named `gradients(` or `hessians(` (not `apply_gradients(`)."""
    return _calls(source, b"gradients") or _calls(source, b"hessians")


def _calls(source: bytes, word: bytes) -> bool:
    i = source.find(word)
    while i >= 0:
        j = i + len(word)
        while source[j:j + 1] in (b" ", b"\t"):
            j += 1
        if source[j:j + 1] == b"(" and not _word_before(source, i):
            return True
        if not _word_before(source, i):  # `from tensorflow import gradients as g`: g(...) later
            start = source.rfind(b"\n", 0, i) + 1
            if b"import" in source[start:i]:
                return True
        i = source.find(word, i + 1)
    return False


def float_shape_candidate(source: bytes) -> bool:
    """A shape-taking call whose literal shape holds a float literal or a float-assigned name."""
    checked: dict[bytes, bool] = {}

    def float_name(name: bytes) -> bool:
        if name not in checked:
            checked[name] = _assigned_a_float(source, name)
        return checked[name]

    for token in _SHAPE_CALLS:
        i = source.find(token)
        while i >= 0:
            j = i + len(token)
            end = source.find(b"\n", j)
            head = source[j:end if end >= 0 else len(source)].lstrip()
            for keyword in (b"shape=", b"dims=", b"shape =", b"dims ="):
                if head.startswith(keyword):
                    head = head[len(keyword):].lstrip()
            passed = _PASSED_NAME.match(head)
            if passed and _FLOAT_LITERAL.search(source):
                return True  # `tf.ones(shape)` in a helper: a caller may pass float dims
            if head[:1] in (b"[", b"("):
                inner = head[1:].split(b"]")[0].split(b")")[0]
                if _FLOAT_LITERAL.search(inner):
                    return True
                if any(float_name(n) for n in set(_IDENT.findall(inner))):
                    return True
            i = source.find(token, i + 1)
    return False
