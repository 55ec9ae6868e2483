"""Selective parsing gives the results of a full parse: every labelled program, rule doc and
fixture is linted both ways (with the size threshold lowered to 0, so small files are cut too)
and the diagnostics and problems must be equal, fixes and messages included."""
from __future__ import annotations

import ast
import sys
from pathlib import Path

from tflint_grad import select
from tflint_grad.api import lint_source
from tflint_grad.catalog import CATALOG

ROOT = Path(__file__).resolve().parent.parent
PROGRAMS = sorted(p for d in ("tests/labeled", "rules", "fixtures") for p in (ROOT / d).rglob("*.py"))
_ALL_TOKENS = frozenset(t for entry in CATALOG for t in entry.triggers)


def differences(paths: list[Path]) -> list[str]:
    """Paths whose selective and full results differ (threshold lowered to 0)."""
    saved = select._MIN_DROPPED_LINES
    select._MIN_DROPPED_LINES = 0
    try:
        out = []
        for path in paths:
            text = path.read_text(encoding="utf-8", errors="surrogateescape")
            if not _cut(text):
                continue  # nothing dropped: both ways parse the same text
            full = lint_source(text, str(path), selective=False)
            part = lint_source(text, str(path), selective=True)
            if (full.diagnostics, full.problems) != (part.diagnostics, part.problems):
                out.append(str(path))
        return out
    finally:
        select._MIN_DROPPED_LINES = saved


def _cut(text: str) -> bool:
    """Could selective parsing drop anything from this text? Pins only add to what is kept, so
    if nothing goes with no trigger token at all, nothing goes with the file's own."""
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return True  # let lint_source say what it says, both ways
    return select.reduced_source(text, tree, frozenset(), False) is not None


def test_selective_equals_full_on_every_labelled_program() -> None:
    assert len(PROGRAMS) > 300
    assert differences(PROGRAMS) == []


def test_the_cut_is_real() -> None:
    """The identity above is not vacuous: on a file with helpers no rule can reach, bodies are
    blanked, lines keep their numbers, and what a kept tape calls stays."""
    source = (
        "import tensorflow as tf\n\n"
        "def unrelated(a):\n    b = a + 1\n    return b * 2\n\n"
        "def helper(v):\n    return v * 3\n\n"
        "x = tf.constant(1.0)\n"
        "with tf.GradientTape() as tape:\n    y = helper(x)\n"
        "print(tape.gradient(y, x))\n")
    saved = select._MIN_DROPPED_LINES
    select._MIN_DROPPED_LINES = 0
    try:
        reduced = select.reduced_source(source, ast.parse(source), _ALL_TOKENS)
    finally:
        select._MIN_DROPPED_LINES = saved
    assert reduced is not None
    lines = reduced.splitlines()
    assert len(lines) == len(source.splitlines())
    assert lines[2:5] == ["def unrelated(a):", "    pass", ""]
    assert lines[6:8] == ["def helper(v):", "    return v * 3"]
    full = lint_source(source, selective=False)
    assert [d.code for d in full.diagnostics] == ["TFG003"]
    assert lint_source(source, selective=True).diagnostics == full.diagnostics


def test_small_files_are_parsed_whole() -> None:
    source = "import tensorflow as tf\n\ndef f(a):\n    return a\n"
    assert select.reduced_source(source, ast.parse(source), _ALL_TOKENS) is None


if __name__ == "__main__":  # python tests/test_select.py PATH... : the identity on any files
    found = [p for a in sys.argv[1:] for p in (Path(a).rglob("*.py") if Path(a).is_dir() else [Path(a)])]
    bad = differences(found)
    print(f"{len(found)} files, {len(bad)} differ", *bad, sep="\n")
    sys.exit(1 if bad else 0)


def test_reached_only_rules_report_only_through_eager_scopes() -> None:
    """select.REACHED_ONLY rules pin nothing, which is sound only while their checks walk
    `eager_scopes` (the module body and what it runs) and nothing else."""
    import inspect

    from tflint_grad.checks import RULES_BY_CODE
    for code in select.REACHED_ONLY:
        check = inspect.getsource(RULES_BY_CODE[code].check)
        assert "for scope in eager_scopes(model):" in check, code
        assert "model.scopes" not in check, code
