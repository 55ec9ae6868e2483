"""Notebooks: cells joined so names flow, magics blanked, findings mapped back, fixes per cell."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from tflint_grad.notebooks import (
    Notebook,
    apply_cell_fixes,
    parse_notebook,
    speak_in_cells,
    to_cells,
)
from tflint_grad.types import Diagnostic, Edit, FileResult, Fix, Problem


def notebook(*cells: tuple[str, Any], language: str = "python") -> str:
    body = {"cells": [{"cell_type": kind, "metadata": {}, "source": source,
                       **({"outputs": [], "execution_count": None} if kind == "code" else {})}
                      for kind, source in cells],
            "metadata": {"language_info": {"name": language}}, "nbformat": 4,
            "nbformat_minor": 5}
    return json.dumps(body, indent=1, ensure_ascii=False) + "\n"


PINN = notebook(
    ("markdown", ["# Notes\n"]),
    ("code", ["%matplotlib inline\n", "import tensorflow as tf\n", "x = tf.constant(1.0)\n"]),
    ("code", ["!pip list\n", "with tf.GradientTape() as tape:\n", "    y = x * x\n",
              "g = tape.gradient(y, x)"]),
)


def test_cells_joined_with_magics_as_pass_lines() -> None:
    parsed = parse_notebook(PINN, "n.ipynb")
    assert isinstance(parsed, Notebook)
    assert parsed.source.splitlines()[0] == "pass"
    assert parsed.source.splitlines()[3] == "pass"
    assert parsed.lines[4] == (3, 2) and parsed.magic_lines == {1, 4}
    assert set(parsed.cells) == {2, 3}


def test_cell_magics_and_assignments() -> None:
    text = notebook(("code", "%%bash\necho hi\n"), ("code", "%%time\nz = 1\n"),
                    ("code", "files = !ls\nif z:\n    %time f()\n"))
    parsed = parse_notebook(text, "n.ipynb")
    assert isinstance(parsed, Notebook)
    assert parsed.source == "\n\npass\nz = 1\nfiles = None\nif z:\n    pass\n"
    compile(parsed.source, "n", "exec")


def test_findings_map_to_cell_and_line_via_cli(tmp_path: Path) -> None:
    (tmp_path / "n.ipynb").write_text(PINN)
    proc = subprocess.run([sys.executable, "-m", "tflint_grad", "--format", "json", "n.ipynb"],
                          cwd=tmp_path, check=False, capture_output=True, text=True)
    findings = json.loads(proc.stdout)
    assert [(f["cell"], f["line"], f["column"], f["code"]) for f in findings] == \
        [(3, 4, 5, "TFG003")]
    text = subprocess.run([sys.executable, "-m", "tflint_grad", "n.ipynb"], cwd=tmp_path,
                          check=False, capture_output=True, text=True)
    assert "n.ipynb:cell 3:4:5: TFG003" in text.stdout


def test_fix_writes_back_the_cell_and_keeps_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "n.ipynb"
    path.write_text(PINN)
    subprocess.run([sys.executable, "-m", "tflint_grad", "--fix", "n.ipynb"], cwd=tmp_path,
                   check=False, capture_output=True, text=True)
    after = json.loads(path.read_text())
    before = json.loads(PINN)
    expected = ["with tf.GradientTape() as tape:\n", "    tape.watch(x)\n"]
    assert after["cells"][2]["source"][1:3] == expected
    assert after["cells"][:2] == before["cells"][:2] and after["metadata"] == before["metadata"]
    rerun = subprocess.run([sys.executable, "-m", "tflint_grad", "n.ipynb"], cwd=tmp_path,
                           check=False, capture_output=True, text=True)
    assert rerun.returncode == 0


def test_to_cells_drops_fixes_touching_magics_or_other_cells() -> None:
    parsed = parse_notebook(PINN, "n.ipynb")
    assert isinstance(parsed, Notebook)
    on_magic = Fix("f", True, (Edit(4, 1, 4, 1, "x"),))
    across = Fix("f", True, (Edit(3, 1, 5, 1, "x"),))
    fine = Fix("f", True, (Edit(6, 1, 6, 1, "x"),))
    result = FileResult("n.ipynb", tuple(Diagnostic("n.ipynb", 6, 1, 6, 2, "TFG001", "TFG001 m", f)
                                         for f in (on_magic, across, fine)))
    mapped = to_cells(result, parsed)
    assert [d.fix is None for d in mapped.diagnostics] == [True, True, False]
    assert mapped.diagnostics[2].fix == Fix("f", True, (Edit(3, 1, 3, 1, "x"),))
    assert {(d.cell, d.line) for d in mapped.diagnostics} == {(3, 3)}


def test_string_sources_stay_strings() -> None:
    text = notebook(("code", "a = 1\nb = 2"))
    fixed = apply_cell_fixes(text, [(1, Fix("f", True, (Edit(2, 1, 2, 2, "c"),)))])
    assert json.loads(fixed)["cells"][0]["source"] == "a = 1\nc = 2"


def test_broken_or_foreign_notebooks_are_problems() -> None:
    broken = parse_notebook('{"cells": [', "n.ipynb")
    assert isinstance(broken, Problem) and broken.kind == "parse-error"
    foreign = parse_notebook(notebook(("code", "x <- 1"), language="R"), "n.ipynb")
    assert isinstance(foreign, Problem) and foreign.kind == "skipped"
    old = parse_notebook('{"worksheets": []}', "n.ipynb")
    assert isinstance(old, Problem) and "nbformat 3" in old.message


OUTSIDE = notebook(
    ("code", ["import tensorflow as tf\n", "x = tf.constant([[1.0]])\n",
              "X = tf.concat([x, x], axis=1)\n"]),
    ("markdown", ["The tape comes later.\n"]),
    ("code", ["with tf.GradientTape() as tape:\n", "    tape.watch(X)\n", "    u = tf.tanh(X)\n",
              "u_x = tape.gradient(u, x)\n"]),
)


def test_line_positions_in_messages_speak_in_cells(tmp_path: Path) -> None:
    (tmp_path / "n.ipynb").write_text(OUTSIDE)
    proc = subprocess.run([sys.executable, "-m", "tflint_grad", "--no-cache", "--format", "json",
                           "n.ipynb"], cwd=tmp_path, check=False, capture_output=True, text=True)
    (finding,) = [f for f in json.loads(proc.stdout) if f["code"] == "TFG001"]
    assert (finding["cell"], finding["line"]) == (3, 4)
    # X is built on line 3 of cell 1; the tape starts on line 1 of the reported cell 3.
    assert "(cell 1, line 3)" in finding["message"]
    assert "the tape on line 1 " in finding["message"]
    assert "line 5" not in finding["message"] and "line 4)" not in finding["message"]


def test_speak_in_cells_leaves_quoted_code_and_unknown_lines() -> None:
    parsed = parse_notebook(PINN, "n.ipynb")
    assert isinstance(parsed, Notebook)  # joined lines 1-3: cell 2; lines 4-7: cell 3
    message = ("TFG009 'y = line 2' (line 2) ran after the Session's graph on line 5; "
               "see line 99")
    assert speak_in_cells(message, 3, parsed) == (
        "TFG009 'y = line 2' (cell 2, line 2) ran after the Session's graph on line 2; "
        "see line 99")
    assert speak_in_cells("TFG001 the tape on line 2", 3, parsed) == \
        "TFG001 the tape in cell 2, line 2"


def test_a_syntax_error_in_a_notebook_names_its_cell(tmp_path: Path) -> None:
    text = notebook(("code", "import tensorflow as tf\n"),
                    ("code", "with tf.GradientTape() as t:\n    y = f(x,\n"))
    (tmp_path / "n.ipynb").write_text(text)
    proc = subprocess.run([sys.executable, "-m", "tflint_grad", "--no-cache", "--format",
                           "concise", "n.ipynb"], cwd=tmp_path, check=False, capture_output=True,
                          text=True)
    assert proc.stdout.startswith("n.ipynb:cell 2:2:10: E999 SyntaxError: '(' was never closed")
