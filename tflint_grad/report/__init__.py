"""Turn lint results into output: text (default), json, sarif or github.

Problems (files that could not be linted) are printed as `path:line:col: CODE message` with
CODE E999 (parse error), E902 (skipped file) or TFG000 (internal error). In text and github
output they appear among the findings; in sarif they are `toolExecutionNotifications`; in json
the top level stays a list of findings only and problems go to `stderr` as text lines.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from typing import TextIO

from tflint_grad.report.common import SourceLines, source_key
from tflint_grad.report.github import render_github
from tflint_grad.report.json_format import problem_lines, render_json
from tflint_grad.report.sarif import render_sarif
from tflint_grad.report.text import render_text
from tflint_grad.report.text import summary as _summary
from tflint_grad.types import FileResult

FORMATS = ("text", "json", "sarif", "github")


def render(fmt: str, results: Iterable[FileResult], *, root: str, color: bool = False,
           show_source: bool = True, statistics: bool = False,
           sources: Mapping[str, str] | None = None, stderr: TextIO | None = None) -> str:
    """The stdout text for `results` in format `fmt` (json mode writes problems to `stderr`).

    `sources` maps `source_key(path, cell)` to text for the source snippets and SARIF
    fingerprints; plain files missing from it are read from disk, notebook cells are not.
    `root` is the directory SARIF URIs and GitHub file names are made relative to.
    `color` and `statistics` affect text output only.
    """
    results = list(results)
    if fmt == "text":
        return render_text(results, SourceLines(sources, root), color=color,
                           show_source=show_source, statistics=statistics)
    if fmt == "json":
        if any(result.problems for result in results):
            (stderr or sys.stderr).write(problem_lines(results))
        return render_json(results)
    if fmt == "sarif":
        return render_sarif(results, root, SourceLines(sources, root))
    if fmt == "github":
        return render_github(results, root)
    raise ValueError(f"unknown output format {fmt!r}; choose one of {', '.join(FORMATS)}")


def summary(results: Iterable[FileResult]) -> str:
    """`Found N findings in M files (K confirmed). F fixable with --fix.`"""
    return _summary(list(results))


__all__ = ["FORMATS", "render", "source_key", "summary"]
