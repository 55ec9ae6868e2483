"""Paths -> source files: walk folders, honour excludes and .gitignore, read and decode exactly."""
from __future__ import annotations

import io
import os
import re
import tokenize
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tflint_grad.types import Problem

LINTED_SUFFIXES = (".py", ".ipynb")
DEFAULT_EXCLUDE = (".git", ".hg", ".svn", ".venv", "venv", "__pycache__", "build", "dist", ".tox",
                   ".nox", "node_modules", "site-packages", ".eggs", ".mypy_cache",
                   ".pytest_cache", ".ruff_cache", ".tflint_grad_cache")


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A file's exact text and how to write it back: `encoding` 'utf-8-sig' keeps a BOM."""

    path: str  # as reported: the user's spelling, joined with the walked part
    text: str
    encoding: str = "utf-8"
    notebook: bool = False


@dataclass(frozen=True, slots=True)
class Target:
    """A file to lint: where it is on disk and how it is reported."""

    path: Path
    display: str


@dataclass(frozen=True, slots=True)
class _Rule:
    regex: re.Pattern[str]
    negated: bool
    dir_only: bool


class PatternSet:
    """Gitignore-style patterns relative to `base`; the last matching pattern decides."""

    def __init__(self, base: str | Path, lines: Iterable[str]) -> None:
        self.base = os.path.abspath(base)
        self.rules = [rule for rule in map(_compile, lines) if rule is not None]
        # Without `!` patterns the order does not matter: one alternation answers at once.
        self._any: dict[bool, re.Pattern[str]] | None = None
        if not any(rule.negated for rule in self.rules):
            self._any = {is_dir: re.compile("|".join(
                f"(?:{rule.regex.pattern})" for rule in self.rules
                if is_dir or not rule.dir_only) or "(?!)") for is_dir in (False, True)}

    def decide(self, path: str, is_dir: bool) -> bool | None:
        """True ignored, False re-included by a `!` pattern, None: no pattern speaks about it."""
        rel = _relative(path, self.base)
        if self._any is not None:
            return True if self._any[is_dir].match(rel) else None
        verdict: bool | None = None
        for rule in self.rules:
            if (is_dir or not rule.dir_only) and rule.regex.match(rel):
                verdict = not rule.negated
        return verdict

    def covers(self, path: str, is_dir: bool) -> bool:
        """True if `path` or one of its folders below `base` is ignored."""
        if not self.rules:
            return False
        if self.decide(path, is_dir):
            return True
        parent = os.path.dirname(path)
        while len(parent) > len(self.base) and parent.startswith(self.base):
            if self.decide(parent, True):
                return True
            parent = os.path.dirname(parent)
        return False


def _relative(path: str, base: str) -> str:
    # Both are absolute and normalised; slicing is much cheaper than os.path.relpath.
    if path.startswith(base) and path[len(base):len(base) + 1] == os.sep:
        rel = path[len(base) + 1:]
    else:
        rel = os.path.relpath(path, base)
        while rel.startswith(".." + os.sep):
            rel = rel[3:]
    return rel.replace(os.sep, "/") if os.sep != "/" else rel


def _compile(line: str) -> _Rule | None:
    line = line.rstrip("\n\r")
    if not line.strip() or line.startswith("#"):
        return None
    if not line.endswith("\\ "):
        line = line.rstrip(" ")
    negated = line.startswith("!")
    if negated or line.startswith(("\\!", "\\#")):
        line = line[1:]
    dir_only = line.endswith("/")
    line = line.rstrip("/")
    if not line:
        return None
    anchored = "/" in line
    line = line.lstrip("/")
    body = _translate(line)
    prefix = "^" if anchored else "^(?:.*/)?"
    return _Rule(re.compile(prefix + body + "$"), negated, dir_only)


def _translate(pattern: str) -> str:
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("/**", i) and i + 3 == n:
            out.append("/.*")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[" and "]" in pattern[i + 2:]:
            end = pattern.index("]", i + 2)
            inner = pattern[i + 1:end]
            if inner.startswith("!"):
                inner = "^" + inner[1:]
            out.append("[" + inner.replace("\\", "\\\\") + "]")
            i = end + 1
        elif pattern[i] == "\\" and i + 1 < n:
            out.append(re.escape(pattern[i + 1]))
            i += 2
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return "".join(out)


class Excluder:
    """Decides what a walk skips: excludes (DEFAULT_EXCLUDE unless configured) and .gitignore."""

    def __init__(self, base: Path, exclude: Sequence[str], respect_gitignore: bool) -> None:
        self.excludes = PatternSet(base, exclude)
        self.respect_gitignore = respect_gitignore
        self._gitignores: dict[str, PatternSet | None] = {}

    def gitignore_of(self, folder: str) -> PatternSet | None:
        """The patterns of `folder`/.gitignore (and .git/info/exclude at a repository root)."""
        if not self.respect_gitignore:
            return None
        if folder not in self._gitignores:
            lines: list[str] = []
            for name in (".git/info/exclude", ".gitignore"):
                try:
                    with open(os.path.join(folder, name), encoding="utf-8",
                              errors="replace") as handle:
                        lines.extend(handle.read().splitlines())
                except OSError:
                    pass
            self._gitignores[folder] = PatternSet(Path(folder), lines) if lines else None
        return self._gitignores[folder]

    def chain(self, folder: str) -> list[PatternSet]:
        """The .gitignore pattern sets that apply inside `folder`, outermost first."""
        if not self.respect_gitignore:
            return []
        folders = [folder]
        probe = folder
        while not os.path.exists(os.path.join(probe, ".git")):
            parent = os.path.dirname(probe)
            if parent == probe:
                folders = [folder]  # not in a repository: only the linted folder's own file
                break
            probe = parent
            folders.append(probe)
        sets = [self.gitignore_of(f) for f in reversed(folders)]
        return [s for s in sets if s is not None]

    def skips(self, path: str, is_dir: bool, gitignores: Sequence[PatternSet]) -> bool:
        """True if a walk should leave `path` out."""
        if self.excludes.decide(path, is_dir):
            return True
        verdict: bool | None = None
        for patterns in gitignores:
            said = patterns.decide(path, is_dir)
            verdict = verdict if said is None else said
        return bool(verdict)

    def force_skips(self, path: str, is_dir: bool = False) -> bool:
        """--force-exclude: is an explicitly named path excluded by any rule (folders included)?"""
        if self.excludes.covers(path, is_dir):
            return True
        return any(p.covers(path, is_dir) for p in self.chain(os.path.dirname(path)))


def discover(paths: Sequence[str], excluder: Excluder,
             force_exclude: bool) -> tuple[list[Target], list[Problem]]:
    """The files to lint under `paths` (sorted, unique) and the paths that could not be walked."""
    targets: dict[str, Target] = {}
    problems: list[Problem] = []
    for given in paths:
        absolute = os.path.abspath(given)
        if os.path.isdir(absolute):
            if force_exclude and excluder.force_skips(absolute, True):
                continue
            _walk(absolute, given, excluder, targets, problems)
        elif os.path.lexists(absolute):
            if not (force_exclude and excluder.force_skips(absolute)):
                targets.setdefault(absolute, Target(Path(absolute), os.path.normpath(given)))
        else:
            problems.append(Problem(given, 1, 1, "no such file or directory", kind="skipped"))
    return sorted(targets.values(), key=lambda t: t.display), problems


def _walk(root: str, given: str, excluder: Excluder, targets: dict[str, Target],
          problems: list[Problem]) -> None:
    # Iterative, and symlinked folders are not entered: deep trees and symlink loops cannot hang it.
    stack: list[tuple[str, str, list[PatternSet]]] = [(root, given, excluder.chain(root))]
    while stack:
        folder, shown, gitignores = stack.pop()
        try:
            with os.scandir(folder) as entries:
                listing = sorted(entries, key=lambda e: e.name)
        except OSError as exc:
            problems.append(Problem(os.path.normpath(shown), 1, 1,
                                    f"cannot read folder: {exc.strerror or exc}", kind="skipped"))
            continue
        for entry in reversed(listing):
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            if not is_dir and not entry.name.endswith(LINTED_SUFFIXES):
                continue
            if excluder.skips(entry.path, is_dir, gitignores):
                continue
            child = os.path.join(shown, entry.name)
            if is_dir:
                inner = excluder.gitignore_of(entry.path)
                stack.append((entry.path, child, gitignores + [inner] if inner else gitignores))
            else:
                targets.setdefault(entry.path, Target(Path(entry.path), os.path.normpath(child)))


def read_target(target: Target) -> SourceFile | Problem:
    """Read and decode one file; unreadable, binary or undecodable files become Problems."""
    try:
        data = target.path.read_bytes()
    except IsADirectoryError:
        return Problem(target.display, 1, 1, "is a folder", kind="skipped")
    except OSError as exc:
        return Problem(target.display, 1, 1, f"cannot read: {exc.strerror or exc}", kind="skipped")
    return decode(data, target.display)


def decode(data: bytes, path: str) -> SourceFile | Problem:
    """Decode per PEP 263 (cookie or BOM), keeping the exact text, line endings included."""
    notebook = path.endswith(".ipynb")
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Problem(path, 1, 1, "binary file (contains NUL bytes)", kind="skipped")
    if notebook:
        encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    else:
        try:
            encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        except SyntaxError as exc:
            return Problem(path, 1, 1, f"SyntaxError: {exc.msg}")
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        start = getattr(exc, "start", 0)
        line = data[:start].count(b"\n") + 1
        return Problem(path, line, 1, f"SyntaxError: cannot decode as {encoding}: {exc}")
    return SourceFile(path, text, encoding, notebook)
