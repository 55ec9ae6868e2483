"""Text, json and github output: what a user and a CI log see."""
from __future__ import annotations

import io
import json

import pytest

from tflint_grad.report import render, source_key, summary
from tflint_grad.report.github import escape_data, escape_property
from tflint_grad.types import (
    Confirmation,
    Derivative,
    Diagnostic,
    Edit,
    FileResult,
    Fix,
    Problem,
)

SOURCE = """import tensorflow as tf
x = tf.zeros([4, 1])
X = tf.concat([x, x], 1)
with tf.GradientTape() as tape:
    tape.watch(X)
    u = tf.sin(X)
u_x = tape.gradient(u, x)
"""
PATH = "pkg/pinn.py"
FIX = Fix("watch x and build X inside the tape", True, (Edit(4, 1, 4, 1, "# moved\n"),))
CONFIRMED = Confirmation(
    "confirmed", "tape.gradient returned None", "2.21",
    intended=Derivative("du/dx", (4, 1), "float32", (0.0197322,) * 4, 3e-07))


def finding(line: int = 7, column: int = 7, end_column: int = 26, code: str = "TFG001",
            **extra: object) -> Diagnostic:
    return Diagnostic(PATH, line, column, line, end_column, code,
                      f"{code} gradient of 'u' with respect to 'x' is None",
                      **extra)  # type: ignore[arg-type]


def test_text_shows_source_line_carets_fix_and_confirmation() -> None:
    result = FileResult(PATH, (finding(fix=FIX, confirmation=CONFIRMED),))
    out = render("text", [result], root=".", sources={PATH: SOURCE})
    assert out == (
        "pkg/pinn.py:7:7: TFG001 [*] gradient of 'u' with respect to 'x' is None\n"
        "  |\n"
        "7 | u_x = tape.gradient(u, x)\n"
        "  |       ^^^^^^^^^^^^^^^^^^^\n"
        "  = fix: watch x and build X inside the tape\n"
        "  = confirmed (TensorFlow 2.21): tape.gradient returned None\n"
        "  = with the fix: du/dx (4, 1) float32 = [0.0197322, 0.0197322, 0.0197322, 0.0197322]\n"
        "    finite difference agrees to 3e-07\n"
        "\n"
        "Found 1 finding in 1 file (1 file checked): 1 confirmed. 1 fixable with --fix.\n")
    assert "\x1b[" not in out


def test_colour_only_when_asked() -> None:
    result = FileResult(PATH, (finding(),))
    assert "\x1b[" in render("text", [result], root=".", sources={PATH: SOURCE}, color=True)


def test_unsafe_fix_refuted_and_not_run_are_labelled() -> None:
    refuted = Confirmation("refuted", "tape.gradient returned a tensor", "2.21",
                           actual=Derivative("du/dx", (2,), "float32", (1.0, 2.0)))
    not_run = Confirmation("not run", "", reason="the slice reads a file")
    unsafe = Fix("differentiate with respect to X", False, ())
    result = FileResult(PATH, (finding(fix=unsafe, confirmation=refuted),
                               finding(line=6, column=9, end_column=18, confirmation=not_run)))
    out = render("text", [result], root=".", sources={PATH: SOURCE})
    assert "  = unsafe fix: differentiate with respect to X\n" in out
    assert "  = refuted (TensorFlow 2.21): tape.gradient returned a tensor\n" in out
    assert "  = got: du/dx (2) float32 = [1, 2]\n" in out
    symbolic = Confirmation("refuted", "tf.gradients returned a gradient", "2.21",
                            actual=Derivative("dy/dx", (), "float32", ()))
    lone = render("text", [FileResult(PATH, (finding(confirmation=symbolic),))], root=".")
    assert "  = got: dy/dx () float32\n" in lone
    assert "  = not run: the slice reads a file\n" in out
    assert out.endswith("Found 2 findings in 1 file (1 file checked): 0 confirmed, 1 refuted, "
                        "1 not run. 1 fixable with --fix --unsafe-fixes.\n")
    assert "pkg/pinn.py:7:7: TFG001 gradient" in out  # no [*]: --fix alone leaves it
    unsafe_on = render("text", [result], root=".", sources={PATH: SOURCE}, unsafe_fixes=True)
    assert "pkg/pinn.py:7:7: TFG001 [*] gradient" in unsafe_on
    assert unsafe_on.endswith("1 not run. 1 fixable with --fix --unsafe-fixes.\n")


def test_tabs_and_multiline_spans_keep_carets_under_the_code() -> None:
    source = "import tensorflow as tf\nif True:\n\ty = f(a,\n\t      b)\n"
    d = Diagnostic("t.py", 3, 6, 4, 9, "TFG009", "TFG009 no gradient")
    out = render("text", [FileResult("t.py", (d,))], root=".", sources={"t.py": source})
    assert "3 | \ty = f(a,\n  | \t    ^^^^\n" in out


def test_without_source_the_finding_is_one_line() -> None:
    out = render("text", [FileResult(PATH, (finding(),))], root=".", show_source=False,
                 sources={PATH: SOURCE})
    assert out.splitlines()[0] == \
        "pkg/pinn.py:7:7: TFG001 gradient of 'u' with respect to 'x' is None"
    assert "|" not in out


def test_source_read_from_disk_when_not_given(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "pinn.py"
    path.write_text(SOURCE)
    d = Diagnostic(str(path), 7, 7, 7, 26, "TFG001", "TFG001 none")
    out = render("text", [FileResult(str(path), (d,))], root=str(tmp_path))
    assert "7 | u_x = tape.gradient(u, x)\n" in out


def test_notebook_findings_name_the_cell() -> None:
    d = Diagnostic("nb.ipynb", 2, 7, 2, 26, "TFG001", "TFG001 none", cell=3)
    cell = "u = 1\nu_x = tape.gradient(u, x)\n"
    out = render("text", [FileResult("nb.ipynb", (d,))], root=".",
                 sources={source_key("nb.ipynb", 3): cell})
    assert out.startswith("nb.ipynb:cell 3:2:7: TFG001 none\n  |\n2 | u_x = tape.gradient(u, x)\n")


def test_problems_are_printed_with_a_code_and_counted() -> None:
    results = [FileResult("bad.py", problems=(Problem("bad.py", 2, 22, "SyntaxError: bad input"),)),
               FileResult("deep.py", problems=(
                   Problem("deep.py", 1, 1, "too deeply nested to parse", kind="skipped"),)),
               FileResult("ok.py")]
    out = render("text", results, root=".")
    assert "bad.py:2:22: E999 SyntaxError: bad input\n" in out
    assert "deep.py:1:1: E902 skipped: too deeply nested to parse\n" in out
    assert out.endswith("No findings (1 file checked). 2 files could not be linted.\n")


def test_statistics_table_counts_per_code() -> None:
    results = [FileResult(PATH, (finding(fix=FIX), finding(line=6), finding(code="TFG004")))]
    out = render("text", results, root=".", statistics=True, show_source=False)
    table = out.split("\n\n")[-2].splitlines()
    assert table[0].split() == ["count", "code", "name", "fixable"]
    assert table[1].split() == ["2", "TFG001", "source-transformed-outside-tape", "1"]
    assert table[2].split() == ["1", "TFG004", "gradient-of-none", "0"]


def test_summary_plurals() -> None:
    assert summary([FileResult("a.py")]) == "No findings (1 file checked)."
    assert summary([FileResult(PATH, (finding(), finding(line=6))), FileResult("b.py")]) == \
        "Found 2 findings in 1 file (2 files checked)."


def test_json_is_a_list_of_findings_and_problems_go_to_stderr() -> None:
    results = [FileResult(PATH, (finding(fix=FIX, confirmation=CONFIRMED),
                                 finding(line=6, cell=None))),
               FileResult("bad.py", problems=(Problem("bad.py", 2, 22, "SyntaxError: x"),))]
    err = io.StringIO()
    data = json.loads(render("json", results, root=".", stderr=err))
    assert err.getvalue() == "bad.py:2:22: E999 SyntaxError: x\n"
    assert [(d["path"], d["line"], d["code"]) for d in data] == [(PATH, 7, "TFG001"),
                                                                 (PATH, 6, "TFG001")]
    first = data[0]
    assert set(first) == {"path", "line", "column", "end_line", "end_column", "code", "message",
                          "fix", "cell", "confirmation", "raised_at"}
    assert first["fix"] == {"description": FIX.description, "safe": True,
                            "edits": [{"line": 4, "column": 1, "end_line": 4, "end_column": 1,
                                       "text": "# moved\n"}]}
    assert first["confirmation"]["intended"]["shape"] == [4, 1]
    assert first["confirmation"]["intended"]["fd_error"] == 3e-07
    assert data[1]["fix"] is None and data[1]["confirmation"] is None and data[1]["cell"] is None


def test_json_without_problems_writes_nothing_to_stderr() -> None:
    err = io.StringIO()
    assert json.loads(render("json", [FileResult("a.py")], root=".", stderr=err)) == []
    assert err.getvalue() == ""


def test_github_escaping_matches_the_actions_toolkit() -> None:
    assert escape_data("50% done\r\nnext: a,b") == "50%25 done%0D%0Anext: a,b"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_github_annotations(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = str(tmp_path / "src" / "a,b.py")
    d = Diagnostic(path, 7, 7, 7, 26, "TFG001", "TFG001 50% of\nit", fix=FIX)
    nb = Diagnostic(str(tmp_path / "nb.ipynb"), 2, 1, 2, 4, "TFG003", "TFG003 unwatched", cell=4)
    out = render("github", [FileResult(path, (d,)), FileResult(nb.path, (nb,))], root=str(tmp_path))
    first, second = out.splitlines()
    assert first == ("::error file=src/a%2Cb.py,line=7,col=7,endLine=7,endColumn=26,"
                     "title=TFG001 source-transformed-outside-tape::TFG001 50%25 of%0Ait"
                     "%0Afix: watch x and build X inside the tape")
    assert second == ("::error file=nb.ipynb,title=TFG003 unwatched-source::"
                      "cell 4, line 2, column 1: TFG003 unwatched")


def test_unknown_format_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown output format 'xml'"):
        render("xml", [], root=".")
