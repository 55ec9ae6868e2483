"""Property tests of the engine: any program, generated or mutated, gives findings or problems.

`lint_source` is the pure core, so the properties are checked on it directly (the CLI's own
byte-level and notebook fuzzing lives in test_robust_inputs.py):

* it never raises: every outcome is a Diagnostic or a Problem;
* diagnostics sit inside the source's lines, start with their code and come out sorted;
* it is deterministic, and linting other files in between (in any order) changes nothing.

Programs come from hypothesmith (grammar- and CST-based, plain Python), from a strategy that
composes TensorFlow gradient code (tapes, nested tapes, watches, gradient and jacobian calls,
tf.gradients, loops, branches, functions, import aliases, random names, deleted lines), and from
line-level mutations of the real example programs in fixtures/, rules/*/bad.py and the shared
evaluation cases.
"""
from __future__ import annotations

import keyword
import random
from pathlib import Path

import hypothesmith
import libcst as cst
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tflint_grad.api import lint_source
from tflint_grad.types import FileResult

REPO = Path(__file__).resolve().parent.parent
EVAL_CASES = Path("/work/shared/eval/cases")
PROBLEM_KINDS = {"parse-error", "skipped", "internal-error"}
# hypothesmith programs are plain Python; a TF header makes the prefilter let them through.
TF_HEADER = "import tensorflow as tf\nwith tf.GradientTape() as tape:\n    pass\n"

FUZZ = settings(max_examples=120, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.filter_too_much])


def lint_checked(source: str) -> FileResult:
    """Lint `source` twice and check every property a result must have; return the result."""
    result = lint_source(source, "gen.py")
    assert lint_source(source, "gen.py") == result, "same input, different output"
    assert result.path == "gen.py"
    lines = max(1, len(source.splitlines()))
    for problem in result.problems:
        assert problem.kind in PROBLEM_KINDS, problem
        assert problem.kind != "internal-error", problem
        # A parse error at end of file may point one line past the last one.
        assert 1 <= problem.line <= lines + 1 and problem.column >= 1, problem
    for d in result.diagnostics:
        assert 1 <= d.line <= d.end_line <= lines, (d, lines)
        assert d.column >= 1 and (d.line, d.column) <= (d.end_line, d.end_column), d
        assert d.message.startswith(d.code + " "), d
    keys = [(d.line, d.column, d.code) for d in result.diagnostics]
    assert keys == sorted(keys), keys
    return result


# --- hypothesmith: arbitrary valid Python ------------------------------------------------------

@settings(FUZZ, max_examples=60)
@pytest.mark.filterwarnings("ignore::SyntaxWarning")  # hypothesmith compiles its programs
@given(hypothesmith.from_grammar())
def test_grammar_programs_never_raise(program: str) -> None:
    lint_checked(TF_HEADER + program)


@settings(FUZZ, max_examples=30)
@pytest.mark.filterwarnings("ignore::SyntaxWarning")  # hypothesmith compiles its programs
@given(hypothesmith.from_node())
def test_cst_programs_never_raise(program: str) -> None:
    lint_checked(TF_HEADER + program)


@settings(FUZZ, max_examples=30)
@pytest.mark.filterwarnings("ignore::SyntaxWarning")  # hypothesmith compiles its programs
@given(hypothesmith.from_node(cst.FunctionDef))
def test_cst_functions_never_raise(program: str) -> None:
    lint_checked(TF_HEADER + program)


# --- TensorFlow-flavoured programs ----------------------------------------------------------------

IMPORTS = (
    "import tensorflow as tf",
    "import tensorflow as T\ntf = T",
    "import tensorflow\ntf = tensorflow",
    "import tensorflow.compat.v1 as tf",
    "import tensorflow as tf\nfrom tensorflow import GradientTape",
    "import tensorflow as tf\nfrom tensorflow import GradientTape as GT",
    "import tensorflow as tf\nimport numpy as np",
    "import tensorflow as tf\ntf.compat.v1.disable_eager_execution()",
    "import tensorflow as tf\ntf.config.run_functions_eagerly(True)",
    "from tensorflow import *",
)
WORDS = ("x", "y", "z", "w", "v", "loss", "g", "grads", "tape", "t", "t2", "outer", "inner",
         "model", "sess", "np", "tf", "GT", "GradientTape", "i", "self")
LETTERS = "abcdefghijklmnopqrstuvwxyz_"
IDENT = st.builds(str.__add__, st.sampled_from(LETTERS),
                  st.text(alphabet=LETTERS + "0123456789", max_size=5)).filter(
    lambda s: not keyword.iskeyword(s) and not keyword.issoftkeyword(s))
NAME = st.one_of(st.sampled_from(WORDS), st.sampled_from(WORDS), IDENT)
TAPE_CTOR = st.sampled_from((
    "tf.GradientTape()", "tf.GradientTape(persistent=True)", "GradientTape()", "GT()",
    "tf.GradientTape(watch_accessed_variables=False)", "tf.GradientTape(persistent={p})",
    "tf.autodiff.ForwardAccumulator({p}, {q})", "{p}",
))
EXPR_TEMPLATES = (
    "{p}", "tf.constant(1.0)", "tf.constant([1, 2])", "tf.Variable(2.0)", "tf.Variable([{p}])",
    "np.array([1.0, 2.0])", "np.linspace(0, 1, 5)", "{p} * {q}", "{p} + 1", "-{p}", "{p} ** 2",
    "tf.sin({p})", "tf.reduce_sum({p})", "tf.square({p} - {q})", "{p}.numpy()", "float({p})",
    "tf.cast({p}, tf.int32)", "tf.cast({p}, tf.float32)", "tf.argmax({p})", "tf.round({p})",
    "tf.stop_gradient({p})", "tf.ones(({p}, 2.0))", "tf.zeros([{p} / 2])",
    "tf.random.normal((3,))", "{p}[0]", "{p}[:, 1:]", "[{p}, {q}]", "({p}, {q})", "None",
    "tf.shape({p})[0]", "{p}.shape[0]", "{p}({q})", "{p}.{q}", "lambda: {p}",
    "[{p} for {q} in {p}]", "{p} if {q} else {p}", "tf.concat([{p}, {q}], axis=0)",
    "tf.matmul({p}, {q})", "{p}.assign({q})", "tf.function({p})", "tf.gradients({p}, {q})",
    "{p}.gradient({q}, {p})", "tf.keras.layers.Dense(1)({p})", "sess.run({p})",
)
SIMPLE_TEMPLATES = (
    "{p} = {e}", "{p} += {e}", "{p}, {q} = {e}, {e}", "{p}.watch({q})", "{p}.watch([{q}, {p}])",
    "{p} = {q}.gradient({e}, {p})", "{p} = {q}.gradient({e}, [{p}, {q}])",
    "{p} = {q}.jacobian({e}, {p})", "{p} = {q}.batch_jacobian({e}, {p})",
    "{p} = tf.gradients({e}, {q})", "{p} = tf.gradients({e}, [{q}])[0]",
    "{p} = sess.run({e})", "del {p}", "return {e}", "pass", "break", "continue",
    "print({e})", "{p}.apply_gradients(zip({q}, {p}.trainable_variables))",
    "raise ValueError({e})", "assert {e}", "global {p}", "yield {e}",
)
COMPOUND_TEMPLATES = (
    "with {tape} as {p}:", "with {tape} as {p}, {tape} as {q}:", "with {tape}:",
    "for {p} in range(3):", "for {p} in {q}:", "while {e}:", "if {e}:", "else:", "elif {e}:",
    "def {p}({q}):", "def {p}(self, {q}=None, *args, **kwargs):", "@tf.function\ndef {p}({q}):",
    "async def {p}():", "class {p}(tf.keras.Model):", "try:", "except Exception as {p}:",
    "finally:", "with tf.Session() as {p}:", "with tf.Graph().as_default():",
    "with tf.device('/cpu:0'):",
)


@st.composite
def expressions(draw: st.DrawFn, depth: int = 2) -> str:
    template = draw(st.sampled_from(EXPR_TEMPLATES))
    slots = template.count("{p}") > 0, template.count("{q}") > 0
    fill = [(draw(expressions(depth - 1)) if depth > 0 and draw(st.booleans()) else draw(NAME))
            if used else "" for used in slots]
    return template.format(p=fill[0], q=fill[1])


@st.composite
def simple_statements(draw: st.DrawFn) -> str:
    template = draw(st.sampled_from(SIMPLE_TEMPLATES))
    expression = draw(expressions()) if "{e}" in template else ""
    return template.format(p=draw(NAME), q=draw(NAME), e=expression)


@st.composite
def blocks(draw: st.DrawFn, indent: int = 0, depth: int = 3) -> list[str]:
    """A list of source lines at `indent`, mixing simple statements and nested blocks."""
    pad = "    " * indent
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 6))):
        if depth > 0 and draw(st.integers(0, 2)) == 0:
            header = draw(st.sampled_from(COMPOUND_TEMPLATES)).format(
                tape=draw(TAPE_CTOR).format(p=draw(NAME), q=draw(NAME)),
                p=draw(NAME), q=draw(NAME), e=draw(expressions(1)))
            lines.extend(pad + part for part in header.split("\n"))
            lines.extend(draw(blocks(indent + 1, depth - 1)))
        else:
            lines.append(pad + draw(simple_statements()))
    return lines


@st.composite
def tf_programs(draw: st.DrawFn) -> str:
    """A TF gradient program: imports, then blocks; sometimes with lines deleted."""
    lines = draw(st.sampled_from(IMPORTS)).split("\n") + draw(blocks())
    if draw(st.booleans()):
        doomed = draw(st.sets(st.integers(0, len(lines) - 1), max_size=3))
        lines = [line for i, line in enumerate(lines) if i not in doomed]
    return "\n".join(lines) + draw(st.sampled_from(("\n", "", "\n\n")))


@settings(FUZZ, max_examples=150)
@given(tf_programs())
def test_tf_programs_never_raise(program: str) -> None:
    lint_checked(program)


@settings(FUZZ, max_examples=15)
@given(st.lists(tf_programs(), min_size=2, max_size=4), st.randoms(use_true_random=False))
def test_results_do_not_depend_on_file_order(programs: list[str], rnd: random.Random) -> None:
    # The engine keeps no state between files: any order gives each file the same result.
    first = [lint_source(p, f"f{i}.py") for i, p in enumerate(programs)]
    order = list(range(len(programs)))
    rnd.shuffle(order)
    shuffled = {i: lint_source(programs[i], f"f{i}.py") for i in order}
    assert [shuffled[i] for i in range(len(programs))] == first


# --- mutations of the real example programs -----------------------------------------------------

def example_programs() -> list[Path]:
    """fixtures/**/*.py, rules/*/bad.py and the shared evaluation cases, when present."""
    paths = sorted((REPO / "fixtures").rglob("*.py")) + sorted((REPO / "rules").glob("*/bad.py"))
    if EVAL_CASES.is_dir():
        paths += sorted(EVAL_CASES.rglob("*.py"))
    return paths


EXAMPLES = {str(p): p.read_text(encoding="utf-8") for p in example_programs()}
GARBAGE = st.one_of(
    st.text(max_size=12),
    st.sampled_from(("(", ")", "]", "{", ":", "\\", "'''", '"', "\t", "\x0c", "lambda", "with",
                     "tape.gradient(", "tf.GradientTape() as", "= =", "@", "async", "\x00",
                     "\r", "\ufeff", "#", "if x:", "else:", "    ", "yield", "print 'x'")),
)


@st.composite
def mutated_examples(draw: st.DrawFn) -> str:
    """One example program with one to four line-level mutations applied."""
    lines = EXAMPLES[draw(st.sampled_from(sorted(EXAMPLES)))].split("\n")
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(("delete", "duplicate", "swap", "indent", "dedent", "garbage",
                                   "garbage-line")))
        if op == "delete" and len(lines) > 1:
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "indent":
            lines[i] = draw(st.sampled_from(("    ", "\t", " "))) + lines[i]
        elif op == "dedent":
            lines[i] = lines[i][min(4, len(lines[i]) - len(lines[i].lstrip())):]
        elif op == "garbage":
            at = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:at] + draw(GARBAGE) + lines[i][at:]
        else:
            lines.insert(i, draw(GARBAGE))
    return "\n".join(lines)


def test_examples_were_found() -> None:
    assert len([p for p in EXAMPLES if "/fixtures/" in p]) >= 20
    assert len([p for p in EXAMPLES if p.endswith("bad.py")]) >= 12


@pytest.mark.parametrize("path", sorted(EXAMPLES), ids=lambda p: Path(p).name)
def test_examples_unmutated_satisfy_properties(path: str) -> None:
    lint_checked(EXAMPLES[path])


@settings(FUZZ, max_examples=300)
@given(mutated_examples())
def test_mutated_examples_never_raise(program: str) -> None:
    lint_checked(program)
