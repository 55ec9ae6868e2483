"""Walking paths: default excludes, gitignore matching, explicit files, exact decoding."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from tflint_grad.files import (
    DEFAULT_EXCLUDE,
    Excluder,
    PatternSet,
    SourceFile,
    Target,
    decode,
    discover,
    read_target,
)
from tflint_grad.types import Problem


def found(root: Path, *paths: str, exclude: tuple[str, ...] = DEFAULT_EXCLUDE,
          force: bool = False, gitignore: bool = True) -> list[str]:
    targets, _ = discover([str(root / p) for p in paths] or [str(root)],
                          Excluder(root, exclude, gitignore), force)
    return [os.path.relpath(t.path, root) for t in targets]


@pytest.mark.parametrize("pattern, path, is_dir, ignored", [
    ("*.py", "a/b.py", False, True),
    ("/b.py", "a/b.py", False, None),
    ("/b.py", "b.py", False, True),
    ("a/*.py", "a/b.py", False, True),
    ("a/*.py", "x/a/b.py", False, None),
    ("build/", "build", True, True),
    ("build/", "build", False, None),
    ("**/gen", "x/y/gen", True, True),
    ("gen/**", "gen/x/y.py", False, True),
    ("a/**/b.py", "a/x/y/b.py", False, True),
    ("a/**/b.py", "a/b.py", False, True),
    ("b?.py", "b1.py", False, True),
    ("b[0-9].py", "b7.py", False, True),
    ("b[!0-9].py", "b7.py", False, None),
    ("\\#x.py", "#x.py", False, True),
    ("# comment", "comment", False, None),
])
def test_gitignore_patterns(tmp_path: Path, pattern: str, path: str, is_dir: bool,
                            ignored: bool | None) -> None:
    patterns = PatternSet(tmp_path, [pattern])
    assert patterns.decide(str(tmp_path / path), is_dir) is ignored


def test_negation_last_match_wins(tmp_path: Path) -> None:
    patterns = PatternSet(tmp_path, ["*.py", "!keep.py"])
    assert patterns.decide(str(tmp_path / "keep.py"), False) is False
    assert patterns.decide(str(tmp_path / "drop.py"), False) is True


def test_walk_finds_py_and_ipynb_and_skips_defaults(tmp_path: Path) -> None:
    for rel in ("a.py", "n.ipynb", "notes.txt", "sub/b.py", ".venv/c.py", "build/d.py",
                "x/site-packages/e.py", "x/__pycache__/f.py"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("")
    assert found(tmp_path) == ["a.py", "n.ipynb", "sub/b.py"]


def test_gitignore_files_nested_and_in_ancestors(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("gen/\n*_pb2.py\n")
    (tmp_path / "src" / "gen").mkdir(parents=True)
    (tmp_path / "src" / "inner").mkdir()
    for rel in ("src/a.py", "src/gen/g.py", "src/m_pb2.py", "src/inner/x.py", "src/inner/y.py"):
        (tmp_path / rel).write_text("")
    (tmp_path / "src" / "inner" / ".gitignore").write_text("x.py\n")
    assert found(tmp_path, "src") == ["src/a.py", "src/inner/y.py"]
    assert len(found(tmp_path, "src", gitignore=False)) == 5


def test_explicit_files_are_linted_unless_force_exclude(tmp_path: Path) -> None:
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "x.py").write_text("")
    (tmp_path / "gen.py").write_text("")
    assert found(tmp_path, "build/x.py") == ["build/x.py"]
    assert found(tmp_path, "build/x.py", force=True) == []
    assert found(tmp_path, "gen.py", exclude=("gen.py",), force=True) == []
    assert found(tmp_path, "gen.py", exclude=("gen.py",)) == ["gen.py"]


def test_missing_path_is_a_problem(tmp_path: Path) -> None:
    _, problems = discover([str(tmp_path / "nope.py")], Excluder(tmp_path, (), True), False)
    assert problems and problems[0].kind == "skipped"


def test_symlink_loops_do_not_hang(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.py").write_text("")
    os.symlink(tmp_path, tmp_path / "a" / "loop")
    os.symlink(tmp_path / "self.py", tmp_path / "self.py")
    assert found(tmp_path) == ["a/x.py", "self.py"]
    looped = read_target(Target(tmp_path / "self.py", "self.py"))
    assert isinstance(looped, Problem) and looped.kind == "skipped"


@pytest.mark.parametrize("data, encoding, text", [
    (b"x = 1\r\ny = 2\r\n", "utf-8", "x = 1\r\ny = 2\r\n"),
    (b"\xef\xbb\xbfx = '\xc3\xa9'\n", "utf-8-sig", "x = '\u00e9'\n"),
    (b"# -*- coding: latin-1 -*-\nx = '\xe9'\n", "iso-8859-1",
     "# -*- coding: latin-1 -*-\nx = '\u00e9'\n"),
    (b"", "utf-8", ""),
    (b"\tx = 1\n", "utf-8", "\tx = 1\n"),
])
def test_decode_keeps_exact_text(data: bytes, encoding: str, text: str) -> None:
    source = decode(data, "f.py")
    assert isinstance(source, SourceFile)
    assert source.text == text and source.encoding == encoding
    assert source.text.encode(source.encoding) == data


@pytest.mark.parametrize("data, kind", [
    (b"x = 1\x00\n", "skipped"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "skipped"),
    (b"x = '\xff\xfe'\n", "parse-error"),
    (b"# coding: klingon\n", "parse-error"),
])
def test_undecodable_or_binary_is_a_problem(data: bytes, kind: str) -> None:
    problem = decode(data, "f.py")
    assert isinstance(problem, Problem) and problem.kind == kind
