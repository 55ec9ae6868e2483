"""The engine on hostile sources: deep nesting, huge files, Python 2, odd text. Never a traceback.

Each source goes straight to `lint_source` as a str (the CLI's byte-level cases, encodings and
files on disk are in test_robust_inputs.py). Deeply nested sources run in a child process,
because a stack overflow in libcst's native parser kills the process instead of raising.
"""
from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter

import pytest

from tflint_grad.api import lint_source
from tflint_grad.types import FileResult

# `x` is a constant the tape never watches: the shallow form of every deep case below is a
# TFG003 on line 5, so a deep case must end in findings or in a Problem saying why not.
UNWATCHED = ("import tensorflow as tf\nx = tf.constant(1.0)\nwith tf.GradientTape() as tape:\n"
             "    y = {}\ng = tape.gradient(y, x)\n")
TAPE_HEADER = "import tensorflow as tf\nT = tf.GradientTape\n"
CHILD = """
import json, sys
from tflint_grad.api import lint_source
source = sys.stdin.buffer.read().decode("utf-8", "surrogatepass")
try:
    result = lint_source(source, "deep.py")
except BaseException as exc:
    print(json.dumps({"raised": f"{type(exc).__name__}: {exc}"[:300]}))
else:
    print(json.dumps({"codes": [d.code for d in result.diagnostics],
                      "problems": [[p.kind, p.message] for p in result.problems]}))
"""


def lint_isolated(source: str) -> dict[str, object]:
    """Lint `source` in a child process; what it returned, raised, or how it died."""
    child = subprocess.run([sys.executable, "-c", CHILD], check=False, capture_output=True,
                           input=source.encode("utf-8", "surrogatepass"), timeout=600)
    if child.returncode != 0:
        return {"died": child.returncode, "stderr": child.stderr.decode(errors="replace")[-500:]}
    return dict(json.loads(child.stdout))


def nested(opening: str, closing: str, depth: int, inner: str = "tf.sin(x)") -> str:
    return UNWATCHED.format(opening * depth + inner + closing * depth)


def beside(expression: str) -> str:
    """The deep expression in its own statement in the tape, next to the TFG003 one."""
    return UNWATCHED.format("tf.sin(x)\n    z = " + expression)


def nested_blocks(header: str, depth: int, body: str) -> str:
    """`depth` nested compound statements (header formatted with the level), then `body`."""
    lines = ["import tensorflow as tf", "x = tf.constant(1.0)"]
    lines += ["    " * i + header.format(i=i) for i in range(depth)]
    lines += ["    " * depth + line for line in body.split("\n")]
    return "\n".join(lines) + "\n"


INNER_TAPE = "with tf.GradientTape() as tape:\n    y = tf.sin(x)\ng = tape.gradient(y, x)"


def elif_chain(n: int) -> str:
    arms = "".join(f"elif x == {i}:\n        y = tf.sin(x) * {i}\n" for i in range(n))
    return ("import tensorflow as tf\nx = tf.constant(1.0)\nwith tf.GradientTape() as tape:\n"
            f"    if x:\n        y = tf.sin(x)\n    {arms.replace('elif', '    elif')}"
            "g = tape.gradient(y, x)\n")




DEEP: list[object] = [
    pytest.param(nested("(", ")", 2000), id="parens-2000"),
    pytest.param(nested("[", "]", 2000), id="lists-2000"),
    pytest.param(nested("(", ")", 1000), id="parens-1000"),
    pytest.param(beside(" + ".join(["x"] * 5000)), id="sum-5000"),
    pytest.param(UNWATCHED.format(" + ".join(["tf.sin(x)"] * 500)), id="sum-500"),
    pytest.param(nested("tf.sin(", ")", 200), id="calls-200"),
    pytest.param(nested("-", "", 2000), id="unary-2000"),
    pytest.param(UNWATCHED.format("tf.sin(x)" + ".numpy()" * 1000), id="attribute-chain-1000"),
    pytest.param(UNWATCHED.format("tf.sin(x)" + "[0]" * 1000), id="subscripts-1000"),
    pytest.param(beside("x if x else " * 500 + "x"), id="ternaries-500"),
    pytest.param(beside("lambda: " * 500 + "x"), id="lambdas-500"),
    pytest.param(UNWATCHED.format(" and ".join(["tf.sin(x)"] * 2000)), id="and-2000"),
    pytest.param(UNWATCHED.format("'s' " * 5000 + "and tf.sin(x)"), id="implicit-concat-5000"),
    pytest.param(UNWATCHED.format(" < ".join(["tf.sin(x)"] * 5000)), id="comparison-5000"),
    pytest.param(nested_blocks("if x:", 200, INNER_TAPE), id="ifs-200"),
    pytest.param(nested_blocks("if x:", 95, INNER_TAPE), id="ifs-95"),
    pytest.param(nested_blocks("with tf.GradientTape() as t{i}:", 100, "y = tf.sin(x)\n"
                               "g = t0.gradient(y, x)"), id="with-tapes-100"),
    pytest.param(nested_blocks("with tf.GradientTape() as t{i}:", 60, "y = tf.sin(x)\n"
                               "g = t0.gradient(y, x)"), id="with-tapes-60"),
    pytest.param(nested_blocks("def f{i}():", 90, INNER_TAPE), id="defs-90"),
    pytest.param(nested_blocks("for i{i} in range(2):", 90, INNER_TAPE), id="fors-90"),
    pytest.param(elif_chain(2000), id="elifs-2000"),
]


@pytest.mark.parametrize("source", DEEP)
def test_deep_nesting_is_a_finding_or_a_problem(source: str) -> None:
    outcome = lint_isolated(source)
    assert "died" not in outcome and "raised" not in outcome, outcome
    assert outcome["problems"] or outcome["codes"], outcome


def test_deep_problem_says_why() -> None:
    problems = lint_isolated(nested("-", "", 2000))["problems"]
    assert problems and problems[0][0] == "skipped" and "nested" in problems[0][1]  # type: ignore


BLOCK = '''def step_{i}(x):
    v = tf.Variable(1.0)
    c = tf.constant(2.0)
    with tf.GradientTape() as tape:
        y = v * c + tf.sin(x)
    g = tape.gradient(y, {source})
    return g

'''


def test_hundred_thousand_line_file_lints() -> None:
    # Every 500th function asks for the gradient of the unwatched constant: 25 TFG003.
    blocks = [BLOCK.format(i=i, source="c" if i % 500 == 0 else "v") for i in range(12_500)]
    source = "import tensorflow as tf\n" + "".join(blocks)
    assert source.count("\n") >= 100_000
    result = lint_source(source, "big.py")
    assert result.problems == ()
    assert [(d.line, d.code) for d in result.diagnostics] == [
        (2 + 8 * i + 5, "TFG003") for i in range(0, 12_500, 500)]


def test_huge_single_line() -> None:
    # A 2 MB line, and a finding after it on the same line: columns must survive it.
    source = ("import tensorflow as tf\nx = tf.constant(1.0)\nwith tf.GradientTape() as tape:\n"
              "    y = x * 2.0\ns = '" + "a" * 2_000_000 + "'; g = tape.gradient(y, x)\n")
    result = lint_source(source, "line.py")
    assert [(d.line, d.column, d.code) for d in result.diagnostics] == [(5, 2_000_013, "TFG003")]


def test_long_flat_line_of_tf_calls() -> None:
    source = UNWATCHED.format("tf.add_n([" + ", ".join(["tf.sin(x)"] * 5_000) + "])")
    assert len(source.split("\n")[3]) > 50_000
    assert [d.code for d in lint_source(source, "flat.py").diagnostics] == ["TFG003"]


PYTHON2 = {
    "print-statement": 'print "tape", x',
    "exec-statement": 'exec "y = x"',
    "backticks": "y = `x`",
    "octal-literal": "y = 0777",
    "ur-prefix": 'y = ur"x"',
    "not-equal-diamond": "if x <> 2:\n    pass",
    "raise-comma": 'raise ValueError, "x"',
    "tuple-parameters": "def f((a, b)):\n    pass",
    "long-literal": "y = 10L",
}


@pytest.mark.parametrize("body", PYTHON2.values(), ids=PYTHON2.keys())
def test_python2_is_a_parse_error(body: str) -> None:
    result = lint_source(TAPE_HEADER + "x = tf.constant(1.0)\n" + body + "\n", "py2.py")
    assert result.diagnostics == ()
    assert [p.kind for p in result.problems] == ["parse-error"], result.problems
    assert result.problems[0].message.startswith("SyntaxError")


def test_whole_python2_file_is_one_parse_error() -> None:
    source = (TAPE_HEADER + "import sys\nclass Model(object):\n    def step(self, x):\n"
              "        print >>sys.stderr, 'step'\n        try:\n            pass\n"
              "        except Exception, e:\n            print 'failed', e\n")
    assert [p.kind for p in lint_source(source, "py2.py").problems] == ["parse-error"]


ODD_TEXT = {
    "empty": "",
    "only-comments": "# tensorflow GradientTape gradients Session\n# with tf.GradientTape() as t:\n",
    "only-whitespace": TAPE_HEADER.replace("\n", "\n   \n\t\n"),
    "nul-in-code": TAPE_HEADER + "x = 1\x00\n",
    "nul-in-string": TAPE_HEADER + "x = '\x00'\n",
    "nul-in-comment": TAPE_HEADER + "# \x00\n",
    "bom-character": "\ufeff" + UNWATCHED.format("tf.sin(x)"),
    "bom-mid-file": TAPE_HEADER + "x = 1\n\ufeffy = 2\n",
    "line-separator": TAPE_HEADER + "x = 1\u2028y = 2\n",
    "next-line": TAPE_HEADER + "x = 1\x85\n",
    "form-feed": "\x0c" + UNWATCHED.format("tf.sin(x)"),
    "cr-only": UNWATCHED.format("tf.sin(x)").replace("\n", "\r"),
    "no-final-newline": UNWATCHED.format("tf.sin(x)").rstrip("\n"),
    "backslash-at-eof": TAPE_HEADER + "x = 1 \\",
    "unterminated-triple-quote": TAPE_HEADER + "x = '''abc\n",
    "mixed-tabs": TAPE_HEADER + "if True:\n\tx = 1\n        y = 2\n",
    "bad-dedent": TAPE_HEADER + "if x:\n        a = 1\n    b = 2\n",
    "non-ascii-names": UNWATCHED.format("tf.sin(x)").replace("x", "λx"),
    "astral-characters": UNWATCHED.format("tf.sin(x)") + "s = '\U0001f600'  # \U0001f600\n",
}


@pytest.mark.parametrize("source", ODD_TEXT.values(), ids=ODD_TEXT.keys())
def test_odd_text_is_a_result(source: str) -> None:
    result = lint_source(source, "odd.py")
    assert isinstance(result, FileResult)
    assert all(p.kind in ("parse-error", "skipped") for p in result.problems), result.problems
    assert lint_source(source, "odd.py") == result


def test_odd_text_outcomes() -> None:
    outcomes = {name: (Counter(d.code for d in lint_source(s).diagnostics),
                       [p.kind for p in lint_source(s).problems]) for name, s in ODD_TEXT.items()}
    assert outcomes["empty"] == (Counter(), [])
    assert outcomes["only-comments"] == (Counter(), [])
    assert outcomes["nul-in-code"] == (Counter(), ["parse-error"])
    for name in ("bom-character", "form-feed", "cr-only", "no-final-newline", "non-ascii-names"):
        assert outcomes[name] == (Counter({"TFG003": 1}), []), name


@pytest.mark.parametrize("body", ["x = '\udcff'\n", "x\udcff = 1\n", "# \ud800\n"],
                         ids=["in-string", "in-name", "in-comment"])
def test_lone_surrogate_is_a_result(body: str) -> None:
    # libcst cannot encode a lone surrogate: the file is skipped with its reason, not a crash.
    result = lint_source(TAPE_HEADER + body, "surrogate.py")
    assert [p.kind for p in result.problems] == ["skipped"]
    assert "surrogate" in result.problems[0].message
