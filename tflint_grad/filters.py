"""Which findings are shown: select/ignore, per-file-ignores, `# noqa` and unused-noqa detection."""
from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from tflint_grad.config import UNUSED_NOQA, Config
from tflint_grad.files import PatternSet
from tflint_grad.types import Diagnostic, Edit, FileResult, Fix

# flake8's semantics: a bare NOQA comment silences the line, one with a code list only those
# codes, and a malformed code list falls back to the bare form.
NOQA = re.compile(r"#\s*noqa(?::[\s]?(?P<codes>[A-Z]+[0-9]+(?:[,\s]+[A-Z]+[0-9]+)*))?",
                  re.IGNORECASE)
FILE_NOQA = re.compile(r"^[ \t]*#[ \t]*tflint-grad:[ \t]*noqa[ \t]*\r?$",
                       re.IGNORECASE | re.MULTILINE)
_SPLIT_CODES = re.compile(r"[,\s]+")
# What ends a line for Python; str.splitlines() also splits on \f, \v and more.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class Layer:
    """One source of selection settings; a layer with `select` replaces all earlier layers."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()


@dataclass(frozen=True)
class Selection:
    """Rule selection by code prefix: the most specific prefix wins, ignore wins a tie."""

    layers: tuple[Layer, ...] = (Layer(select=("TFG",)),)

    def enabled(self, code: str) -> bool:
        """Is `code` reported?"""
        return _enabled(self.layers, code)


@lru_cache(maxsize=1024)
def _enabled(layers: tuple[Layer, ...], code: str) -> bool:
    for layer in reversed(layers):
        chosen = max((_match(p, code) for p in (*(layer.select or ()), *layer.extend_select)),
                     default=-1)
        dropped = max((_match(p, code) for p in layer.ignore), default=-1)
        if chosen >= 0 or dropped >= 0:
            return chosen > dropped
        if layer.select is not None:
            return False
    return False


def _match(prefix: str, code: str) -> int:
    if prefix == "ALL":
        return 0
    return len(prefix) if code.startswith(prefix) else -1


def selection(config: Config, select: Sequence[str] | None, extend_select: Sequence[str],
              ignore: Sequence[str]) -> Selection:
    """Defaults, then the configuration, then the command line (which wins)."""
    base = Layer(select=("TFG",))
    from_config = Layer(config.select, config.extend_select, config.ignore)
    from_flags = Layer(tuple(select) if select is not None else None, tuple(extend_select),
                       tuple(ignore))
    return Selection((base, from_config, from_flags))


@dataclass(frozen=True)
class Filters:
    """Everything that decides what a file's raw findings become in the report."""

    selection: Selection = field(default_factory=Selection)
    per_file_ignores: tuple[tuple[PatternSet, tuple[str, ...]], ...] = ()
    show_unused_noqa: bool = False

    @classmethod
    def build(cls, config: Config, selection: Selection, show_unused_noqa: bool) -> Filters:
        """Compile the configuration's per-file-ignores relative to its folder (or the cwd)."""
        root = config.root or os.getcwd()
        compiled = tuple((PatternSet(root, [glob]), codes) for glob, codes in
                         config.per_file_ignores)
        return cls(selection, compiled, show_unused_noqa)

    def ignored_in(self, path: str) -> tuple[str, ...]:
        """The code prefixes per-file-ignores silences for `path`."""
        if not self.per_file_ignores:
            return ()
        absolute = os.path.abspath(path)
        return tuple(code for patterns, codes in self.per_file_ignores
                     if patterns.covers(absolute, False) for code in codes)


def noqa_lines(source: str) -> dict[int, tuple[int, int, frozenset[str] | None, str]]:
    """Line -> (start, end offset in the line, codes or None for bare noqa, line text)."""
    out: dict[int, tuple[int, int, frozenset[str] | None, str]] = {}
    if "noqa" not in source.lower():
        return out
    for number, line in enumerate(_LINE_BREAK.split(source), start=1):
        found = NOQA.search(line)
        if found:
            codes = found.group("codes")
            parsed = frozenset(c.upper() for c in _SPLIT_CODES.split(codes) if c) if codes \
                else None
            out[number] = (found.start(), found.end(), parsed, line)
    return out


def apply(result: FileResult, source: str, filters: Filters, line_noqa: bool = True) -> FileResult:
    """The findings of `result` that survive selection, per-file-ignores and noqa comments.

    `line_noqa=False` leaves `# noqa` at the end of a line to the caller (flake8 applies it
    itself, and honours --disable-noqa); the file-wide `# tflint-grad: noqa` still applies.
    """
    if not result.diagnostics and not filters.show_unused_noqa:
        return result
    if FILE_NOQA.search(source):
        return replace(result, diagnostics=())
    dropped = filters.ignored_in(result.path)
    selected = [d for d in result.diagnostics if filters.selection.enabled(d.code)
                and not any(d.code.startswith(p) or p == "ALL" for p in dropped)]
    if not line_noqa:
        return replace(result, diagnostics=tuple(selected))
    comments = noqa_lines(source)
    kept: list[Diagnostic] = []
    used: dict[int, set[str]] = {}
    for d in selected:
        comment = comments.get(d.line)
        if comment is not None and (comment[2] is None or d.code in comment[2]):
            used.setdefault(d.line, set()).add(d.code)
            continue
        kept.append(d)
    if filters.show_unused_noqa and filters.selection.enabled(UNUSED_NOQA) and \
            not any(UNUSED_NOQA.startswith(p) or p == "ALL" for p in dropped):
        kept.extend(_unused(result.path, comments, used))
        kept.sort(key=lambda d: (d.line, d.column, d.code))
    return replace(result, diagnostics=tuple(kept))


def _unused(path: str, comments: dict[int, tuple[int, int, frozenset[str] | None, str]],
            used: dict[int, set[str]]) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for number, (start, end, codes, line) in sorted(comments.items()):
        if codes is None:
            continue  # a bare noqa may serve other tools; only our own codes are checked
        unused = sorted(c for c in codes if c.startswith("TFG") and c not in used.get(number, ()))
        if not unused:
            continue
        fix = _removal(number, start, end, line, [c for c in sorted(codes) if c not in unused])
        listed = ", ".join(unused)
        out.append(Diagnostic(path, number, start + 1, number, end + 1, UNUSED_NOQA,
                              f"{UNUSED_NOQA} unused noqa directive (unused: {listed})", fix))
    return out


def _removal(number: int, start: int, end: int, line: str, remaining: list[str]) -> Fix:
    if remaining:
        edit = Edit(number, start + 1, number, end + 1, "# noqa: " + ", ".join(remaining))
        return Fix("remove the unused codes from the noqa comment", True, (edit,))
    if line[end:].strip():
        edit = Edit(number, start + 1, number, end + 1, "")
    else:
        start = len(line[:start].rstrip())
        edit = Edit(number, start + 1, number, len(line.rstrip("\r\n")) + 1, "")
    return Fix("remove the unused noqa comment", True, (edit,))
