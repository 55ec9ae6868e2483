"""Turn lint results into output: text (default), concise, json, sarif, github, junit or gitlab.

Problems (files that could not be linted) are printed as `path:line:col: CODE message` with
CODE E999 (parse error), E902 (skipped file) or TFG000 (internal error). In text, concise and
github output they appear among the findings; in sarif they are `toolExecutionNotifications`;
in junit they are `<error>` test cases and in gitlab issues; in json the top level stays a list
of findings only and problems go to `stderr` as text lines.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from typing import TextIO

from tflint_grad.report.common import SourceLines, source_key
from tflint_grad.report.summary import count, summary_line
from tflint_grad.types import FileResult

# Each format's module is imported when it is asked for: SARIF and GitLab pull in
# importlib.metadata, and a warm text run should not pay for them.

FORMATS = ("text", "concise", "json", "sarif", "github", "junit", "gitlab")


def render(fmt: str, results: Iterable[FileResult], *, root: str, color: bool = False,
           show_source: bool = True, statistics: bool = False,
           sources: Mapping[str, str] | None = None, stderr: TextIO | None = None,
           unsafe_fixes: bool = False) -> str:
    """The stdout text for `results` in format `fmt` (json mode writes problems to `stderr`).

    `sources` maps `source_key(path, cell)` to text for the source snippets and SARIF / GitLab
    fingerprints; plain files missing from it are read from disk, notebook cells are not.
    `root` is the directory SARIF URIs and GitHub, JUnit and GitLab file names are relative to.
    `color` affects text and concise output, `statistics` text and json; `unsafe_fixes` counts
    unsafe fixes as fixable (`[*]`, the summary), as --unsafe-fixes makes --fix apply them.
    """
    results = list(results)
    if fmt in ("text", "concise"):
        from tflint_grad.report.text import render_concise, render_text
    if fmt == "text":
        return render_text(results, SourceLines(sources, root), color=color,
                           show_source=show_source, with_statistics=statistics,
                           unsafe=unsafe_fixes)
    if fmt == "concise":
        return render_concise(results, color=color, unsafe=unsafe_fixes)
    if fmt == "json":
        from tflint_grad.report.json_format import problem_lines, render_json
        if any(result.problems for result in results):
            (stderr or sys.stderr).write(problem_lines(results))
        return render_json(results, statistics, unsafe_fixes)
    if fmt == "sarif":
        from tflint_grad.report.sarif import render_sarif
        return render_sarif(results, root, SourceLines(sources, root))
    if fmt == "github":
        from tflint_grad.report.github import render_github
        return render_github(results, root)
    if fmt == "junit":
        from tflint_grad.report.junit import render_junit
        return render_junit(results, root)
    if fmt == "gitlab":
        from tflint_grad.report.gitlab import render_gitlab
        return render_gitlab(results, root, SourceLines(sources, root))
    raise ValueError(f"unknown output format {fmt!r}; choose one of {', '.join(FORMATS)}")


def summary(results: Iterable[FileResult], unsafe_fixes: bool = False) -> str:
    """`Found N findings in M files (K files checked). F fixable with --fix.`"""
    return summary_line(count(list(results), unsafe_fixes), unsafe_fixes)


__all__ = ["FORMATS", "render", "source_key", "summary"]
