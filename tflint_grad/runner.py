"""Lint many sources (prefilter, cache, worker processes, filters; stable order) and fix them."""
from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from tflint_grad import filters as filtering
from tflint_grad.cache import Cache
from tflint_grad.catalog import triggered_codes
from tflint_grad.files import SourceFile
from tflint_grad.fixes import apply_counting
from tflint_grad.notebooks import (
    Notebook,
    apply_cell_fixes_counting,
    parse_notebook,
    to_cells,
)
from tflint_grad.report.summary import fixable as summary_fixable
from tflint_grad.types import Diagnostic, Edit, FileResult, Fix, Problem

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

# Below this much work a pool costs more than it saves; results are the same either way.
_POOL_MIN_CHARS = 200_000


@dataclass(frozen=True, slots=True)
class Linted:
    """A source with its final result (filtered; notebook findings in cell coordinates)."""

    source: SourceFile
    notebook: Notebook | None
    result: FileResult


def lint_text(path: str, text: str) -> FileResult:
    """The engine on one program, guarded: an engine exception costs one file, not the run."""
    from tflint_grad.api import lint_source  # the parser loads only when a file needs it

    try:
        return lint_source(text, path)
    except Exception as exc:  # noqa: BLE001 - an engine bug must cost one file, not the run
        message = f"internal error: {type(exc).__name__}: {exc}".splitlines()[0][:200]
        return FileResult(path, problems=(Problem(path, 1, 1, message, kind="internal-error"),))


def _lint_pair(pair: tuple[str, str]) -> FileResult:
    return lint_text(*pair)


def run(sources: Sequence[SourceFile], filters: filtering.Filters, *, jobs: int = 1,
        cache: Cache | None = None) -> list[Linted]:
    """Lint every source; the output is sorted by path and the same for any jobs or order."""
    programs: list[tuple[SourceFile, Notebook | None, str | None, FileResult | None]] = []
    for source in sources:
        notebook: Notebook | None = None
        text: str | None = source.text
        if source.notebook:
            parsed = parse_notebook(source.text, source.path)
            if isinstance(parsed, Problem):
                programs.append((source, None, None, FileResult(source.path, problems=(parsed,))))
                continue
            notebook, text = parsed, parsed.source
        programs.append((source, notebook, text, None))
    keys: dict[int, str] = {}
    pending: list[int] = []
    for index, (source, _, text, raw) in enumerate(programs):
        if raw is not None or text is None:
            continue
        if cache is not None:  # looked up before the byte scan: a warm run does neither scan
            keys[index] = cache.key(source.path, text)
            hit = cache.get(keys[index])
            if hit is not None:
                programs[index] = (*programs[index][:3], hit)
                continue
        if not triggered_codes(text.encode("utf-8", "surrogatepass")):
            empty = FileResult(source.path)
            programs[index] = (*programs[index][:3], empty)
            if cache is not None:
                cache.put(keys[index], empty)
            continue
        pending.append(index)
    fresh = _lint_many([(programs[i][0].path, programs[i][2] or "") for i in pending], jobs)
    for index, result in zip(pending, fresh):
        programs[index] = (*programs[index][:3], result)
        if cache is not None:
            cache.put(keys[index], result)
    out = [_finish(source, notebook, text, raw or FileResult(source.path), filters)
           for source, notebook, text, raw in programs]
    return sorted(out, key=lambda linted: linted.source.path)


def lint_one(source: SourceFile, filters: filtering.Filters) -> Linted:
    """One source, in this process and without the cache (used to re-lint after a fix)."""
    return run([source], filters)[0]


def _finish(source: SourceFile, notebook: Notebook | None, text: str | None, raw: FileResult,
            filters: filtering.Filters) -> Linted:
    result = filtering.apply(raw, text, filters) if text is not None else raw
    if notebook is not None:
        result = to_cells(result, notebook)
    result = replace(result,
                     diagnostics=tuple(sorted(result.diagnostics, key=_diagnostic_order)),
                     problems=tuple(sorted(result.problems,
                                           key=lambda p: (p.cell or 0, p.line, p.column))))
    return Linted(source, notebook, result)


def _diagnostic_order(d: Diagnostic) -> tuple[int, int, int, str, str]:
    return (d.cell or 0, d.line, d.column, d.code, d.message)


def _lint_many(pairs: list[tuple[str, str]], jobs: int) -> list[FileResult]:
    if jobs <= 1 or len(pairs) < 2 or sum(len(text) for _, text in pairs) < _POOL_MIN_CHARS:
        return [lint_text(path, text) for path, text in pairs]
    from concurrent.futures import ProcessPoolExecutor  # only when a pool runs: a warm run
    from concurrent.futures.process import BrokenProcessPool  # never starts one
    workers = min(jobs, len(pairs))
    # One file at a time, largest first: big chunks left a worker idle while the other finished
    # its last chunk, and a large file started last ended last.
    order = sorted(range(len(pairs)), key=lambda i: -len(pairs[i][1]))
    try:
        with ProcessPoolExecutor(workers, mp_context=_context()) as pool:
            done = list(pool.map(_lint_pair, [pairs[i] for i in order], chunksize=1))
        out: list[FileResult | None] = [None] * len(pairs)
        for i, result in zip(order, done):
            out[i] = result
        return [r for r in out if r is not None]
    except BrokenProcessPool:
        return [_isolated(pair) for pair in pairs]


def _isolated(pair: tuple[str, str]) -> FileResult:
    # A worker died (the engine crashed the interpreter): retry each file alone to name the culprit.
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool
    try:
        with ProcessPoolExecutor(1, mp_context=_context()) as pool:
            return pool.submit(_lint_pair, pair).result()
    except BrokenProcessPool:
        path = pair[0]
        return FileResult(path, problems=(Problem(path, 1, 1, "internal error: the engine crashed "
                                                  "on this file", kind="internal-error"),))


def _context() -> BaseContext:
    import multiprocessing
    # fork reuses the already-imported engine; elsewhere the platform default is the safe choice.
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def default_jobs() -> int:
    """How many worker processes --jobs 0 (the default) means."""
    return max(1, min(os.cpu_count() or 1, 8))


@dataclass(frozen=True, slots=True)
class Fixed:
    """What --fix made of one source: the new text and what remains, how many fixes it applied
    (`fixed`) and how many findings went away in all (`gone`: a fix can take others with it)."""

    linted: Linted
    fixed: int
    gone: int = 0


def fixable(d: Diagnostic, unsafe: bool) -> bool:
    """Does --fix apply this finding's fix?"""
    return summary_fixable(d, unsafe)


def fix(linted: Linted, filters: filtering.Filters, unsafe: bool, passes: int = 10) -> Fixed:
    """Apply fixes and re-lint until nothing is left to fix; never keep text that does not parse."""
    current, fixed = linted, 0
    newline = _newline(linted.source.text)
    for _ in range(passes):
        chosen = [d for d in current.result.diagnostics if fixable(d, unsafe)]
        if not chosen:
            break
        text = current.source.text
        if current.notebook is not None:
            new_text, applied = apply_cell_fixes_counting(
                text, [(d.cell, d.fix) for d in chosen if d.fix and d.cell])
        else:
            new_text, applied = apply_counting(
                text, [_with_newline(d.fix, newline) for d in chosen if d.fix])
        if new_text == text:
            break
        again = lint_one(replace(current.source, text=new_text), filters)
        if any(p.kind == "parse-error" for p in again.result.problems):
            problem = Problem(linted.source.path, 1, 1, "internal error: a fix produced code that "
                              "does not parse; the file was left as it was", kind="internal-error")
            return Fixed(replace(current, result=replace(
                current.result, problems=(*current.result.problems, problem))), fixed,
                max(0, len(linted.result.diagnostics) - len(current.result.diagnostics)))
        fixed += applied
        current = again
    return Fixed(current, fixed,
                 max(0, len(linted.result.diagnostics) - len(current.result.diagnostics)))


def _newline(text: str) -> str:
    first = text.find("\n")
    return "\r\n" if first > 0 and text[first - 1] == "\r" else "\n"


def _with_newline(fix: Fix, newline: str) -> Fix:
    # Inserted text follows the file's own line endings, so a CRLF file stays CRLF.
    if newline == "\n":
        return fix
    edits = tuple(Edit(e.line, e.column, e.end_line, e.end_column,
                       e.text.replace("\r\n", "\n").replace("\n", newline)) for e in fix.edits)
    return replace(fix, edits=edits)
