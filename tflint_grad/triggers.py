"""Byte-level prefilters: can this file trigger a rule at all? Cheap scans that spare the parse."""
from __future__ import annotations

import re

_FLOAT_LITERAL = re.compile(rb"(?<![\w.])(?:\d+\.\d*|\.\d+|\d+[eE][-+]?\d+)(?![\w.])|[^/]/(?![/=])")
_IDENT = re.compile(rb"(?<![\w.])([A-Za-z_]\w*)(?![\w.(\[])")
_FLOAT_VALUE = re.compile(rb"[^/]/(?![/=])|\d\.\d*|\d[eE][-+]?\d|float(?:16|32|64)?\(")
_PASSED_NAME = re.compile(rb"[A-Za-z_]\w*\s*[,)]")
# A call handed a list literal (on one line) that holds a float literal or a true division.
_FLOAT_LIST_ARG = re.compile(rb"\w\(\s*\[[^\]\n]*(?:\d\.\d*|\d[eE][-+]?\d|[^/]/(?![/=]))[^\]\n]*\]")
# A float literal or a true division among a call's arguments.
_FLOAT_PASSED = re.compile(rb"\d\.\d*|\d[eE][-+]?\d|[^/]/(?![/=])")
_SECOND_ARG_CALLS = (b"reshape(", b"tile(", b"broadcast_to(", b"resize(")
_SHAPE_CALLS = (b"ones(", b"zeros(", b"fill(", b"uniform(", b"normal(", b"reshape(", b"tile(",
                b"broadcast_to(", b"resize(")


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


def _float_passed_to(source: bytes, name: bytes) -> bool:
    """Is `name` a parameter of some one-line `def f(...)` header, and does a line call `f(`
    with a float literal, a true division or a float-assigned name among its arguments?"""
    header = rb"def[ \t]+(\w+)[ \t]*\([^)\n]*(?<![\w.])" + re.escape(name) + rb"(?![\w.])"
    for match in re.finditer(header, source):
        call = re.compile(rb"(?<![\w.])" + re.escape(match.group(1)) + rb"[ \t]*\(([^\n]*)")
        for found in call.finditer(source):
            if source[max(0, found.start() - 4):found.start()] == b"def ":
                continue
            args = found.group(1)
            if _FLOAT_PASSED.search(args) or any(
                    _assigned_a_float(source, n) for n in set(_IDENT.findall(args))):
                return True
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
    """A shape-taking call whose literal shape holds a float literal, a true division or a
    float-assigned name; or a shape passed in by name, in a file where some call is handed a
    list literal with a float in it (a helper's caller)."""
    checked: dict[bytes, bool] = {}

    def float_name(name: bytes) -> bool:
        if name not in checked:
            checked[name] = _assigned_a_float(source, name) or _float_passed_to(source, name)
        return checked[name]

    passed_lists: bool | None = None
    for token in _SHAPE_CALLS:
        i = source.find(token)
        while i >= 0:
            j = i + len(token)
            end = source.find(b"\n", j)
            line = source[j:end if end >= 0 else len(source)].lstrip()
            heads = [line]
            if token in _SECOND_ARG_CALLS:  # tf.reshape(x, shape), tf.tile(x, multiples), ...
                comma = line.find(b",")
                heads = [line[comma + 1:].lstrip()] if comma >= 0 else []
            for head in heads:
                for keyword in (b"shape=", b"dims=", b"shape =", b"dims =", b"multiples=",
                                b"size="):
                    if head.startswith(keyword):
                        head = head[len(keyword):].lstrip()
                if token not in _SECOND_ARG_CALLS and _PASSED_NAME.match(head):
                    if passed_lists is None:
                        passed_lists = _FLOAT_LIST_ARG.search(source) is not None
                    if passed_lists:
                        return True  # `tf.ones(shape)` in a helper: a caller may pass floats
                if head[:1] in (b"[", b"("):
                    inner = head[1:].split(b"]")[0].split(b")")[0]
                    if _FLOAT_LITERAL.search(inner):
                        return True
                    if any(float_name(n) for n in set(_IDENT.findall(inner))):
                        return True
            i = source.find(token, i + 1)
    return False


# `keras.backend`, `tf.keras.backend.function`, `from tensorflow.keras import backend as K`,
# `import keras.backend as K`: a Keras backend module, not any module named backend
# (tensorflow_probability's `internal.backend`), and not tf_keras's (Keras 2 has them all).
_KERAS_BACKEND = re.compile(rb"(?<!\w)keras(?:\.\w+)*\.backend\b|from[ \t]+(?:[\w.]*\.)?keras"
                            rb"[\w.]*[ \t]+import[^\n]*\bbackend\b")
# What makes a functional Keras model, whose `.output` / `.input` are KerasTensors: a call of
# Model with arguments (`Model(inp, out)`, `Model(inputs=...)`; not `class M(keras.Model)`),
# an alias of Model, or keras.applications.
_FUNCTIONAL = re.compile(rb"Model[ \t]*\([ \t]*[^)\s]|Model[ \t]*\([ \t]*$|Model[ \t]+as[ \t]"
                         rb"|applications", re.MULTILINE)


def keras_backend_candidate(source: bytes) -> bool:
    """The file reaches a Keras backend module (TFG015's names live only there)."""
    return _KERAS_BACKEND.search(source) is not None


def functional_keras_candidate(source: bytes) -> bool:
    """The file may build a functional Keras model (TFG016's KerasTensors come only from one)."""
    return _FUNCTIONAL.search(source) is not None


def tape_candidate(source: bytes) -> bool:
    """TFG019 and TFG020 need a tape as well as their own token."""
    return b"GradientTape" in source
