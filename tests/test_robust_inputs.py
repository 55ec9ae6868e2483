"""Any input is a finding, a parse error or a skip with its reason; never a traceback."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tflint_grad.files import SourceFile, decode
from tflint_grad.filters import Filters
from tflint_grad.runner import lint_text, run
from tflint_grad.types import Problem

TAPE = "import tensorflow as tf\nwith tf.GradientTape() as tape:\n    pass\n"
BAD = ("import tensorflow as tf\nx = tf.constant(1.0)\nwith tf.GradientTape() as tape:\n"
       "    y = x * x\ng = tape.gradient(y, x)\n")
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

ODD_INPUTS: dict[str, bytes] = {
    "syntax_error.py": b"import tensorflow as tf\ndef f(:\n    tf.GradientTape\n",
    "python2.py": b"import tensorflow as tf\nprint 'tape', tf.GradientTape\nexec 'x'\n",
    "latin1.py": b"# -*- coding: latin-1 -*-\n" + TAPE.encode() + b"s = '\xe9'\n",
    "bom.py": b"\xef\xbb\xbf" + BAD.encode(),
    "crlf.py": BAD.replace("\n", "\r\n").encode(),
    "cr_only.py": BAD.replace("\n", "\r").encode(),
    "tabs.py": BAD.replace("    ", "\t").encode(),
    "mixed_tabs.py": b"import tensorflow as tf\nif 1:\n\tx = 1\n        y = tf.GradientTape\n",
    "nul.py": TAPE.encode() + b"\x00\x00",
    "binary.py": bytes(range(256)) * 4,
    "empty.py": b"",
    "only_bom.py": b"\xef\xbb\xbf",
    "bad_cookie.py": b"# coding: no-such-codec\n" + TAPE.encode(),
    "bad_utf8.py": TAPE.encode() + b"s = '\xc3\x28'\n",
    "form_feed.py": b"\x0c" + BAD.encode(),
    "parens_1000.py": (TAPE + "x = " + "(" * 1000 + "1" + ")" * 1000 + "\n").encode(),
    "parens_5000.py": (TAPE + "x = " + "(" * 5000 + "1" + ")" * 5000 + "\n").encode(),
    "unary_5000.py": (TAPE + "x = " + "-" * 5000 + "1\n").encode(),
    "sum_5000.py": (TAPE + "x = 1" + "+1" * 5000 + "\n").encode(),
    "indent_150.py": (TAPE + "".join(" " * i + "if x:\n" for i in range(150)) + " " * 150
                      + "pass\n").encode(),
    "long_line.py": (TAPE + "x = [" + "1," * 20_000 + "]\n").encode(),
    "big.py": (TAPE + "y = tf.constant(1.0)\n" * 3_000 + BAD).encode(),
    "broken.ipynb": b'{"cells": [{"cell_type": "code", "source": ["x = ',
    "not_a_notebook.ipynb": b"[1, 2, 3]",
    "unterminated.py": b"import tensorflow as tf\ns = '''tf.GradientTape\n",
}


def lint(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tflint_grad", "--no-cache", *args], cwd=cwd,
                          check=False, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def odd_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("odd")
    (root / "src").mkdir()
    for name, data in ODD_INPUTS.items():
        (root / "src" / name).write_bytes(data)
    (root / "src" / "good.py").write_text(BAD)
    (root / "src" / "loop").symlink_to(root / "src")
    (root / "src" / "self_loop.py").symlink_to(root / "src" / "self_loop.py")
    return root


def test_odd_inputs_never_crash_and_run_goes_on(odd_tree: Path) -> None:
    proc = lint(odd_tree, "--format", "json", "src")
    assert "Traceback" not in proc.stderr and proc.returncode == 1, proc.stderr
    reported = {Path(f["path"]).name for f in json.loads(proc.stdout)}
    problems = proc.stderr
    assert {"good.py", "bom.py", "crlf.py", "tabs.py", "big.py", "form_feed.py"} <= reported
    for name in ("syntax_error.py", "python2.py", "nul.py", "binary.py", "parens_5000.py",
                 "unary_5000.py", "sum_5000.py", "broken.ipynb", "bad_utf8.py",
                 "bad_cookie.py", "self_loop.py", "not_a_notebook.ipynb", "unterminated.py"):
        assert f"src/{name}:" in problems, name
    assert "TFG000" not in problems  # no internal errors


def test_text_output_on_odd_inputs(odd_tree: Path) -> None:
    proc = lint(odd_tree, "--jobs", "2", "src")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr + proc.stdout
    assert "src/binary.py:1:1: E902 skipped: binary file" in proc.stdout


def test_positions_survive_bom_crlf_and_tabs(odd_tree: Path) -> None:
    proc = lint(odd_tree, "--format", "json", "src/bom.py", "src/crlf.py", "src/cr_only.py",
                "src/good.py")
    spots = {(Path(f["path"]).name, f["line"], f["column"]) for f in json.loads(proc.stdout)}
    assert spots == {(n, 5, 5) for n in ("bom.py", "crlf.py", "cr_only.py", "good.py")}


def test_fix_keeps_encoding_bom_line_endings_and_mode(tmp_path: Path) -> None:
    originals = {"bom.py": ODD_INPUTS["bom.py"], "crlf.py": ODD_INPUTS["crlf.py"],
                 "latin.py": b"# -*- coding: latin-1 -*-\n# \xe9\n" + BAD.encode()}
    for name, data in originals.items():
        (tmp_path / name).write_bytes(data)
        (tmp_path / name).chmod(0o751)
    (tmp_path / "broken.py").write_bytes(ODD_INPUTS["syntax_error.py"])
    lint(tmp_path, "--fix", ".")
    for name, data in originals.items():
        after = (tmp_path / name).read_bytes()
        assert after != data and after.startswith(data[:3])
        assert (tmp_path / name).stat().st_mode & 0o777 == 0o751
    assert b"\r\n    tape.watch(x)\r\n" in (tmp_path / "crlf.py").read_bytes()
    assert b"\xe9" in (tmp_path / "latin.py").read_bytes()
    assert (tmp_path / "broken.py").read_bytes() == ODD_INPUTS["syntax_error.py"]
    assert not list(tmp_path.glob(".*.tmp"))
    second = lint(tmp_path, "--diff", ".")
    assert second.stdout == ""


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads unreadable files anyway")
def test_unreadable_file_and_folder(tmp_path: Path) -> None:
    (tmp_path / "secret.py").write_text(BAD)
    (tmp_path / "secret.py").chmod(0)
    (tmp_path / "closed").mkdir()
    (tmp_path / "closed" / "x.py").write_text(BAD)
    (tmp_path / "closed").chmod(0)
    (tmp_path / "good.py").write_text(BAD)
    try:
        proc = lint(tmp_path, ".")
    finally:
        (tmp_path / "closed").chmod(0o755)
    assert "Traceback" not in proc.stderr and "good.py:5:5" in proc.stdout
    assert "secret.py:1:1: E902" in proc.stdout and "closed:1:1: E902" in proc.stdout


def test_unreadable_file_reported_as_root_too(tmp_path: Path) -> None:
    (tmp_path / "loop.py").symlink_to(tmp_path / "loop.py")
    proc = lint(tmp_path, "loop.py")
    assert proc.returncode == 0 and "loop.py:1:1: E902" in proc.stdout


def test_a_path_that_does_not_exist_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "real.py").write_text(BAD)
    for extra in ([], ["--format", "json"]):
        proc = lint(tmp_path, *extra, "missing.py", "real.py", "gone/")
        assert proc.returncode == 2 and proc.stdout == "", proc.stdout
        assert proc.stderr == "tflint-grad: error: missing.py, gone/: no such file or directory\n"


def _mutations() -> st.SearchStrategy[str]:
    texts = [p.read_text() for p in sorted(FIXTURES.glob("*.py"))]
    base = st.sampled_from(texts)

    def mutate(text: str, cut: int, span: int, insert: str) -> str:
        cut %= max(1, len(text))
        return text[:cut] + insert + text[cut + span:]

    return st.builds(mutate, base, st.integers(0, 10_000), st.integers(0, 40),
                     st.text(alphabet="()[]{}:=.,\n\t #'\"\\xtape0", max_size=12))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mutations())
def test_mutated_fixtures_never_raise(text: str) -> None:
    result = lint_text("m.py", text)
    assert all(p.kind != "internal-error" for p in result.problems), result.problems


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    decoded = decode(b"import tensorflow as tf\ntf.GradientTape\n" + data, "b.py")
    if isinstance(decoded, Problem):
        return
    linted = run([decoded, SourceFile("b.ipynb", decoded.text, notebook=True)], Filters())
    assert all(p.kind != "internal-error" for item in linted for p in item.result.problems)
