"""Lint the corpus and diff the findings against the reviewed list in bench/corpus-expected.txt.

Findings are compared as `package/relative/path:line:CODE` keys (columns and messages are left
out, so a reworded message or a shifted column does not count as a change). Exit status: 0 when
the findings equal the expected list and there are no internal errors, 1 otherwise, 2 when the
expected list is malformed.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from corpus import DEFAULT_CORPUS, REPO, ensure_corpus

EXPECTED = REPO / "bench" / "corpus-expected.txt"
DEFAULT_CMD = f"{REPO / '.venv' / 'bin' / 'tflint-grad'} --format json"
KEY = re.compile(r"^(?P<path>\S+):(?P<line>[0-9]+):(?P<code>[A-Z]+[0-9]+)$")
# In JSON mode the CLI keeps stdout a list of findings and writes problems to stderr as
# `path:line:col: CODE message` lines, under these codes.
PROBLEM_CODES = {"E999": "parse-error", "E902": "skipped", "TFG000": "internal-error"}
PROBLEM_LINE = re.compile(r"^(?P<path>.+?):(?P<line>[0-9]+):(?P<column>[0-9]+): "
                          r"(?P<code>E999|E902|TFG000) (?P<message>.*)$")
PROBLEM_LABELS = {"internal-error": "internal errors", "parse-error": "parse errors",
                  "skipped": "skipped files"}
SHOWN = 50  # problems listed per kind; the counts are always complete


@dataclass(frozen=True, slots=True)
class ProblemLine:
    """A file the linter could not lint, as the CLI reported it."""

    kind: str
    where: str  # package/path:line
    message: str


@dataclass(slots=True)
class CorpusRun:
    """What one lint of the corpus produced: findings by key, and the problems."""

    findings: dict[str, str] = field(default_factory=dict)  # key -> message
    problems: list[ProblemLine] = field(default_factory=list)

    def count(self, kind: str) -> int:
        """How many problems of this kind."""
        return sum(1 for p in self.problems if p.kind == kind)


def relative_path(path: str, src: Path, cwd: Path) -> str:
    """`path` as the CLI printed it, made relative to the corpus `src` dir (POSIX separators)."""
    full = Path(path) if os.path.isabs(path) else cwd / path
    try:
        return Path(os.path.normpath(full)).relative_to(os.path.normpath(src)).as_posix()
    except ValueError:
        return Path(path).as_posix()


def _items(output: object) -> list[tuple[str | None, object]]:
    # The CLI prints an array of diagnostics; a future shape may be an object of arrays
    # ({"diagnostics": [...], "problems": [...]}). Items keep the name of their array.
    if isinstance(output, list):
        return [(None, item) for item in output]
    if isinstance(output, dict):
        return [(name, item) for name, value in output.items() if isinstance(value, list)
                for item in value]
    return [(None, output)]


def read_cli_output(stdout: str, src: Path, cwd: Path) -> CorpusRun:
    """Normalize the CLI's JSON to finding keys and problems; unreadable output is a problem."""
    run = CorpusRun()
    try:
        output = json.loads(stdout) if stdout.strip() else []
    except json.JSONDecodeError as exc:
        run.problems.append(ProblemLine("internal-error", "<cli>",
                                        f"output is not JSON ({exc.msg}): {stdout[:200]!r}"))
        return run
    for array, item in _items(output):
        if not isinstance(item, dict):
            run.problems.append(ProblemLine("internal-error", "<cli>", f"unexpected item {item!r}"))
            continue
        where = f"{relative_path(str(item.get('path', '?')), src, cwd)}:{item.get('line', '?')}"
        kind = item.get("kind") or PROBLEM_CODES.get(str(item.get("code")))
        if kind is None and array in ("problems", "errors"):
            kind = "parse-error"  # the Problem dataclass's default kind
        if kind is not None:
            run.problems.append(ProblemLine(str(kind), where, str(item.get("message", ""))))
        elif "code" in item and "line" in item:
            run.findings[f"{where}:{item['code']}"] = str(item.get("message", ""))
        else:
            run.problems.append(ProblemLine("internal-error", where, f"unrecognised item {item!r}"))
    return run


def read_problem_lines(stderr: str, src: Path, cwd: Path) -> list[ProblemLine]:
    """The problems the CLI wrote to stderr; a whole-run internal error counts as one too."""
    problems = []
    for line in stderr.splitlines():
        found = PROBLEM_LINE.match(line)
        if found:
            where = f"{relative_path(found['path'], src, cwd)}:{found['line']}"
            problems.append(ProblemLine(PROBLEM_CODES[found["code"]], where, found["message"]))
        elif line.startswith("tflint-grad: internal error"):
            problems.append(ProblemLine("internal-error", "<cli>", line))
    return problems


def read_expected(text: str) -> dict[str, str]:
    """Parse the expected list: `key  # reason` lines, comments and blank lines allowed."""
    expected: dict[str, str] = {}
    for number, raw in enumerate(text.splitlines(), 1):
        entry, _, reason = raw.partition("#")
        entry = entry.strip()
        if not entry:
            continue
        if not KEY.match(entry):
            raise ValueError(f"line {number}: expected 'package/path:line:CODE  # reason', "
                             f"got {raw.strip()!r}")
        if entry in expected:
            raise ValueError(f"line {number}: {entry} is listed twice")
        expected[entry] = reason.strip()
    return expected


def compare(found: set[str], expected: set[str]) -> tuple[list[str], list[str]]:
    """(new, missing): found but not expected, and expected but not found, in stable order."""
    return sorted(found - expected, key=_order), sorted(expected - found, key=_order)


def _order(key: str) -> tuple[str, int, str]:
    path, line, code = key.rsplit(":", 2)
    return path, int(line), code


def lint_corpus(cmd: list[str], src: Path, cwd: Path) -> CorpusRun:
    """Run the CLI over `src`; a crash or an exit status of 2 or more is an internal error."""
    proc = subprocess.run([*cmd, str(src)], check=False, cwd=cwd, capture_output=True,
                          text=True)
    run = read_cli_output(proc.stdout, src, cwd)
    run.problems.extend(read_problem_lines(proc.stderr, src, cwd))
    crashed = "Traceback (most recent call last)" in proc.stderr
    if (crashed or proc.returncode not in (0, 1)) and not run.count("internal-error"):
        said = [line.strip() for line in proc.stderr.splitlines() if line.strip(" ^~")]
        tail = " | ".join(said[-3:])
        run.problems.append(ProblemLine("internal-error", "<cli>",
                                        f"exit status {proc.returncode}: {tail}"))
    return run


def report(run: CorpusRun, expected: dict[str, str], out: list[str],
           expected_name: str = EXPECTED.name) -> bool:
    """Append the human report to `out`; True when the corpus matches and nothing crashed."""
    new, missing = compare(set(run.findings), set(expected))
    out.append(f"new findings (not in {expected_name}): {len(new)}")
    out.extend(f"  {key}  # {run.findings[key]}" for key in new)
    out.append(f"missing findings (expected, not reported): {len(missing)}")
    out.extend(f"  {key}  # {expected[key]}" for key in missing)
    kinds = [*PROBLEM_LABELS, *sorted({p.kind for p in run.problems} - set(PROBLEM_LABELS))]
    for kind in kinds:
        problems = [p for p in run.problems if p.kind == kind]
        out.append(f"{PROBLEM_LABELS.get(kind, kind)}: {len(problems)}")
        out.extend(f"  {p.where}: {p.message}" for p in problems[:SHOWN])
        if len(problems) > SHOWN:
            out.append(f"  ... and {len(problems) - SHOWN} more")
    internal = run.count("internal-error")
    out.append(f"summary: findings {len(run.findings)}, expected {len(expected)}, new {len(new)}, "
               f"missing {len(missing)}, internal errors {internal}, "
               f"parse errors {run.count('parse-error')}, skipped {run.count('skipped')}")
    return not new and not missing and not internal


def main(argv: list[str] | None = None) -> int:
    """Fetch the corpus, lint it, diff, print the report; exit 1 on any difference or crash."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help="corpus dir (the files are in DIR/src); default .corpus")
    parser.add_argument("--expected", type=Path, default=EXPECTED)
    parser.add_argument("--cmd", default=DEFAULT_CMD,
                        help="linter command printing JSON; the corpus path is appended")
    parser.add_argument("--no-fetch", action="store_true", help="use the corpus as it is")
    args = parser.parse_args(argv)
    try:
        expected = read_expected(args.expected.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        print(f"{args.expected}: {exc}", file=sys.stderr)
        return 2
    src = args.corpus / "src" if args.no_fetch else ensure_corpus(args.corpus)
    started = time.perf_counter()
    run = lint_corpus(shlex.split(args.cmd), src.resolve(), Path.cwd())
    lines = [f"corpus {src}: linted in {time.perf_counter() - started:.1f} s with {args.cmd}"]
    ok = report(run, expected, lines, args.expected.name)
    print("\n".join(lines))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
