"""Command line: options -> run -> exit code (0 clean, 1 findings or parse errors, 2 errors).

`tflint-grad check PATH...` is `tflint-grad PATH...` (ruff's spelling): `check` as the first
argument is always the subcommand; a path named `check` is written `./check`.
"""
from __future__ import annotations

import argparse
import difflib
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from tflint_grad import __version__, project, runner
from tflint_grad import config as configuration
from tflint_grad import filters as filtering
from tflint_grad.cache import Cache, cache_folder
from tflint_grad.catalog import BY_CODE
from tflint_grad.files import (
    Excluder,
    SourceFile,
    decode,
    discover,
    read_target,
)
from tflint_grad.report import FORMATS
from tflint_grad.report.summary import fixed_line
from tflint_grad.types import FileResult, Problem
from tflint_grad.writes import write_source

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FORMAT_VARIABLE = "TFLINT_GRAD_OUTPUT_FORMAT"  # the default --format, e.g. in a CI job


class UsageError(Exception):
    """A bad flag or configuration: its message goes to stderr and the exit code is 2."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (also used for --help)."""
    p = argparse.ArgumentParser(
        prog="tflint-grad",
        description="Find TensorFlow gradient pitfalls statically.",
        epilog="exit status: 0 clean, 1 findings or files that do not parse, "
               "2 usage, configuration or internal error")
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="files or folders to lint (default: .); '-' reads stdin; a first "
                        "argument 'check' is ignored (tflint-grad check src/)")
    p.add_argument("--format", "--output-format", dest="format", choices=FORMATS, default=None,
                   help=f"output format (default: ${FORMAT_VARIABLE}, else text)")
    p.add_argument("--no-show-source", dest="show_source", action="store_false",
                   help="text format: no source line under each finding")
    p.add_argument("--select", action="append", metavar="CODES",
                   help="comma-separated code prefixes to report (replaces the configuration's)")
    p.add_argument("--extend-select", action="append", default=[], metavar="CODES",
                   help="code prefixes to report in addition")
    p.add_argument("--ignore", action="append", default=[], metavar="CODES",
                   help="code prefixes not to report")
    p.add_argument("--statistics", action="store_true", help="count findings per code")
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    p.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    p.add_argument("--jobs", "-j", type=int, default=0, metavar="N",
                   help="worker processes (default 0: one per core, at most 8)")
    p.add_argument("--config", metavar="FILE", help="use this pyproject.toml (or TOML file)")
    p.add_argument("--force-exclude", action="store_true",
                   help="apply excludes and .gitignore to files named on the command line too")
    p.add_argument("--show-unused-noqa", action="store_true",
                   help="report '# noqa: TFG...' comments that silence nothing (TFG100)")
    p.add_argument("--stdin-filename", metavar="NAME", help="the name to report stdin under")
    p.add_argument("--fix", action="store_true", help="apply safe fixes to the files")
    p.add_argument("--unsafe-fixes", action="store_true",
                   help="with --fix/--diff: unsafe fixes too")
    p.add_argument("--diff", action="store_true",
                   help="print the fixes as a unified diff and write nothing")
    p.add_argument("--confirm", action="store_true",
                   help="run each finding in your TensorFlow to confirm or refute it")
    p.add_argument("--python", metavar="PATH",
                   help="with --confirm: the Python that has TensorFlow")
    p.add_argument("--confirm-timeout", type=float, default=20.0, metavar="SECONDS",
                   help="with --confirm: time limit per finding (default 20)")
    p.add_argument("--explain", metavar="CODE", help="print a rule's documentation")
    p.add_argument("--list-rules", action="store_true", help="list every rule")
    p.add_argument("--version", "-V", action="version", version=f"tflint-grad {__version__}")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit code; never raises for the user."""
    words = list(sys.argv[1:] if argv is None else argv)
    if words[:1] == ["server"]:  # `tflint-grad server`: the language server (tflint_grad/server)
        from tflint_grad.server import serve

        return serve(words[1:])
    if words[:1] == ["check"]:  # ruff's habit; `./check` names a path called check
        if os.path.exists("check"):
            print("tflint-grad: note: 'check' is read as the subcommand; write ./check to lint "
                  "the path named check", file=sys.stderr)
        words = words[1:]
    try:
        return _main(build_parser().parse_args(words))
    except UsageError as exc:
        print(f"tflint-grad: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (`| head`); nothing more to say
        return EXIT_ERROR
    except Exception as exc:  # noqa: BLE001 - a bug in tflint-grad: one line, not a traceback
        print(f"tflint-grad: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_ERROR


def _main(args: argparse.Namespace) -> int:
    if args.list_rules or args.explain:
        return _rules_help(args)
    _check_flags(args)
    use_stdin = args.paths == ["-"] or (not args.paths and args.stdin_filename is not None)
    paths = [] if use_stdin else (args.paths or ["."])
    starts = [args.stdin_filename] if use_stdin and args.stdin_filename else paths
    config = _unwrap(configuration.discover(starts, args.config))
    for warning in config.warnings:
        print(f"tflint-grad: warning: {warning}", file=sys.stderr)
    select = _codes(args.select, "--select") if args.select else None
    settings = project.settings(config, select, _codes(args.extend_select, "--extend-select"),
                                _codes(args.ignore, "--ignore"), args.show_unused_noqa)
    filters, root, excluder = settings.filters, settings.root, settings.excluder
    if use_stdin:
        sources, problems = _stdin_source(args, excluder)
    else:
        sources, problems = _read(paths, excluder, args.force_exclude)
    cache = None if args.no_cache or use_stdin else Cache(cache_folder(config.root))
    linted = runner.run(sources, filters, jobs=args.jobs or runner.default_jobs(), cache=cache)
    if cache is not None:
        cache.save()  # a read-only project only loses speed, never a result
    if args.fix or args.diff:
        linted, stop = _fix(linted, filters, args, use_stdin)
        if stop is not None:
            return stop
    unread = [FileResult(p.path, problems=(p,)) for p in problems]
    results = sorted([item.result for item in linted] + unread, key=lambda r: r.path)
    if args.confirm:
        results = _confirm(results, linted, args)
    out = sys.stderr if use_stdin and args.fix else sys.stdout
    _render(results, linted, args, str(root), out)
    return _exit_code(results, args.exit_zero)


def _check_flags(args: argparse.Namespace) -> None:
    explicit = args.format is not None
    if not explicit:
        args.format = os.environ.get(FORMAT_VARIABLE) or "text"
        if args.format not in FORMATS:
            raise UsageError(f"{FORMAT_VARIABLE}={args.format}: not an output format (choose "
                             f"from {', '.join(FORMATS)})")
    if "-" in args.paths and len(args.paths) > 1:
        raise UsageError("'-' (stdin) cannot be combined with other paths")
    missing = [path for path in args.paths if path != "-" and not os.path.lexists(path)]
    if missing:
        raise UsageError(f"{', '.join(missing)}: no such file or directory")
    if args.jobs < 0:
        raise UsageError(f"--jobs must be 0 (automatic) or more, got {args.jobs}")
    if args.confirm_timeout <= 0:
        raise UsageError(f"--confirm-timeout must be positive, got {args.confirm_timeout}")
    if args.python and not args.confirm:
        raise UsageError("--python only applies with --confirm")
    if args.diff and args.confirm:
        raise UsageError("--diff prints fixes only; it cannot be combined with --confirm")
    if args.diff and args.format not in ("text", "concise"):
        if explicit:
            raise UsageError(f"--diff prints a unified diff; it cannot be combined with "
                             f"--format {args.format}")
        args.format = "text"  # the variable sets a default for reports, not for a diff
    if args.config and not Path(args.config).is_file():
        raise UsageError(f"--config {args.config}: no such file")


def _unwrap(found: configuration.Config | configuration.ConfigError) -> configuration.Config:
    if isinstance(found, configuration.ConfigError):
        raise UsageError(found.message)
    return found


def _codes(values: Sequence[str], flag: str) -> tuple[str, ...]:
    codes: list[str] = []
    for value in values:
        parsed = configuration.parse_code_list(value, flag)
        if isinstance(parsed, configuration.ConfigError):
            raise UsageError(parsed.message)
        codes.extend(parsed)
    return tuple(codes)


def _rules_help(args: argparse.Namespace) -> int:
    from tflint_grad import rules_doc  # the rule folders are only read when asked for

    if args.list_rules:
        for code, name, summary in rules_doc.list_rules():
            entry = BY_CODE[code]
            print(f"{code}  {name:<36} fix: {entry.fix.value:<6}  {summary}; TensorFlow "
                  f"{entry.outcomes[0].describe()}")
        for tool in rules_doc.list_tool_codes():
            print(f"{tool.code}  {tool.name:<36} fix: {tool.fix:<6}  {tool.summary}; not a "
                  f"TensorFlow pitfall")
        return EXIT_CLEAN
    try:
        print(rules_doc.readme(args.explain).rstrip("\n"))
        print(rules_doc.declared(args.explain))
    except (LookupError, OSError) as exc:
        raise UsageError(str(exc).strip("'\"")) from None
    return EXIT_CLEAN


def _read(paths: Sequence[str], excluder: Excluder,
          force_exclude: bool) -> tuple[list[SourceFile], list[Problem]]:
    targets, problems = discover(paths, excluder, force_exclude)
    sources: list[SourceFile] = []
    for target in targets:
        read = read_target(target)
        if isinstance(read, Problem):
            problems.append(read)
        else:
            sources.append(read)
    return sources, problems


def _stdin_source(args: argparse.Namespace,
                  excluder: Excluder) -> tuple[list[SourceFile], list[Problem]]:
    name = args.stdin_filename or "<stdin>"
    if args.stdin_filename and args.force_exclude and \
            excluder.force_skips(os.path.abspath(args.stdin_filename)):
        sys.stdin.buffer.read()
        return [], []
    read = decode(sys.stdin.buffer.read(), name)
    return ([], [read]) if isinstance(read, Problem) else ([read], [])


def _fix(linted: list[runner.Linted], filters: filtering.Filters, args: argparse.Namespace,
         use_stdin: bool) -> tuple[list[runner.Linted], int | None]:
    out: list[runner.Linted] = []
    changed = fixed_total = gone_total = 0
    for item in linted:
        if not any(runner.fixable(d, args.unsafe_fixes) for d in item.result.diagnostics):
            out.append(item)
            continue
        done = runner.fix(item, filters, args.unsafe_fixes)
        before, after = item.source.text, done.linted.source.text
        if after == before:
            out.append(done.linted)
            continue
        changed += 1
        fixed_total += done.fixed
        gone_total += done.gone
        if args.diff:
            sys.stdout.writelines(difflib.unified_diff(
                before.splitlines(keepends=True), after.splitlines(keepends=True),
                fromfile=item.source.path, tofile=item.source.path))
            out.append(item)
        elif not use_stdin:
            error = write_source(Path(item.source.path), after, item.source.encoding)
            if error:
                problem = Problem(item.source.path, 1, 1, error, kind="skipped")
                out.append(replace(item, result=replace(item.result, problems=(problem,))))
                continue
            out.append(done.linted)
        else:
            out.append(done.linted)
    if args.diff:
        print(fixed_line(fixed_total, changed, gone_total, dry_run=True), file=sys.stderr)
        return out, EXIT_FINDINGS if changed else EXIT_CLEAN
    if use_stdin and out:
        sys.stdout.write(out[0].source.text)
    elif changed:
        stream = sys.stdout if args.format in ("text", "concise") else sys.stderr
        print(fixed_line(fixed_total, changed, gone_total, dry_run=False), file=stream)
    return out, None


def _confirm(results: list[FileResult], linted: list[runner.Linted],
             args: argparse.Namespace) -> list[FileResult]:
    from tflint_grad.confirm import (  # imports nothing heavy until used
        TensorFlowMissing,
        confirm,
    )

    # A notebook goes over whole: confirm slices its joined program and maps lines to cells.
    texts = {item.source.path: item.notebook if item.notebook is not None else item.source.text
             for item in linted}
    chosen = [r for r in results if r.diagnostics and r.path in texts]
    try:
        confirmed = confirm(chosen, texts, python=args.python, timeout=args.confirm_timeout,
                            progress=sys.stderr.isatty())
    except TensorFlowMissing as exc:
        raise UsageError(str(exc)) from None
    by_path = {r.path: r for r in confirmed}
    return [by_path.get(r.path, r) for r in results]


def _render(results: list[FileResult], linted: list[runner.Linted], args: argparse.Namespace,
            root: str, out: TextIO) -> None:
    from tflint_grad.report import render, source_key

    sources: dict[str, str] = {}
    for item in linted:
        if item.notebook is None:
            sources[source_key(item.source.path)] = item.source.text
        else:
            for number, text in item.notebook.cells.items():
                sources[source_key(item.source.path, number)] = text
    color = args.format in ("text", "concise") and (
        out.isatty() and "NO_COLOR" not in os.environ or bool(os.environ.get("FORCE_COLOR")))
    text = render(args.format, results, root=root, color=color, show_source=args.show_source,
                  statistics=args.statistics, sources=sources, unsafe_fixes=args.unsafe_fixes)
    if text:
        out.write(text if text.endswith("\n") else text + "\n")


def _exit_code(results: Sequence[FileResult], exit_zero: bool) -> int:
    problems = [p for r in results for p in r.problems]
    if any(p.kind == "internal-error" for p in problems):
        return EXIT_ERROR
    if exit_zero:
        return EXIT_CLEAN
    counted = any(d.confirmation is None or d.confirmation.status != "refuted"
                  for r in results for d in r.diagnostics)
    return EXIT_FINDINGS if counted or any(p.kind == "parse-error" for p in problems) \
        else EXIT_CLEAN
