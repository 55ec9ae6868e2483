"""The rule folders `rules/TFGnnn-name/`: their layout, their examples, and what lint_source and
TensorFlow make of them.

Conventions checked here:
- `bad.py` labels the line where TensorFlow misbehaves with `# expect: TFGnnn` (a TFG004 example
  also labels the gradient call that produced the None); `good.py` and `fixed.py` carry no labels.
- `fixed.py` (the rules with an autofix: FIXED_CODES) is `bad.py` with its autofix applied and the
  `# expect:` comments removed: those two changes are the only differences. The shape of the
  one-line fixes is checked here; the moving fixes (TFG001, TFG002, TFG005) in test_fixes.py.
"""
from __future__ import annotations

import ast
import difflib
import importlib.util
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import recorder

from tflint_grad import rules_doc
from tflint_grad.api import lint_source
from tflint_grad.catalog import BY_CODE, CATALOG, FixSafety, Result
from tflint_grad.checks import RULES
from tflint_grad.fixes import apply_fixes

REPO = Path(__file__).resolve().parent.parent
RULES_DIR = REPO / "rules"
CODES = [rule.code for rule in RULES]
# The rules with a fix, as the catalog declares them (each has a fixed.py).
FIXED_CODES = tuple(e.code for e in CATALOG if e.fix is not FixSafety.NONE)
ONE_LINE_FIXES = ("TFG003", "TFG006", "TFG012")
EXPECT = re.compile(r"\s*#\s*expect:\s*(TFG\d{3}(?:\s*,\s*TFG\d{3})*)\s*$")
# The codes whose pitfall is a gradient call that returns None (or zeros); the others raise.
NONE_CODES = {e.code for e in CATALOG if not e.raises}


def declared_raise(code: str, exc_type: str, message: str) -> bool:
    """Does the catalog declare that this rule's pitfall raises this exception and message?"""
    return any(o.result is Result.RAISES and o.exception == exc_type and o.message in message
               for o in BY_CODE[code].outcomes)


def _folder(code: str) -> Path:
    rule = next(rule for rule in RULES if rule.code == code)
    return RULES_DIR / f"{rule.code}-{rule.name}"


def expectations(source: str) -> set[tuple[int, str]]:
    """The (line, code) pairs a program's `# expect:` comments announce."""
    found: set[tuple[int, str]] = set()
    for number, line in enumerate(source.splitlines(), start=1):
        match = EXPECT.search(line)
        if match:
            found.update((number, code.strip()) for code in match.group(1).split(","))
    return found


def without_expectations(source: str) -> str:
    """The program with its `# expect:` comments removed."""
    return "".join(EXPECT.sub("", line[:-1]) + "\n" if line.endswith("\n") else EXPECT.sub("", line)
                   for line in source.splitlines(keepends=True))


def programs(with_fixed: bool = True) -> list[Path]:
    """Every example program, bad ones first."""
    names = ("bad.py", "good.py", "fixed.py") if with_fixed else ("bad.py", "good.py")
    return [_folder(code) / name for name in names for code in CODES
            if (_folder(code) / name).is_file()]


def _id(path: Path) -> str:
    return f"{path.parent.name[:6]}/{path.name}"


# --- layout ----------------------------------------------------------------------------------

def test_every_code_has_exactly_one_folder_and_nothing_else_is_there() -> None:
    folders = sorted(p.name for p in RULES_DIR.iterdir() if p.is_dir())
    assert folders == sorted(f"{rule.code}-{rule.name}" for rule in RULES)


@pytest.mark.parametrize("code", CODES)
def test_folder_holds_readme_and_examples(code: str) -> None:
    names = {p.name for p in _folder(code).iterdir() if not p.name.startswith((".", "__"))}
    expected = {"README.md", "bad.py", "good.py"} | ({"fixed.py"} if code in FIXED_CODES else set())
    assert names == expected


@pytest.mark.parametrize("code", CODES)
def test_readme_has_title_and_the_four_sections(code: str) -> None:
    rule = next(rule for rule in RULES if rule.code == code)
    text = (_folder(code) / "README.md").read_text(encoding="utf-8")
    assert text.splitlines()[0] == f"# {rule.code} {rule.name}"
    sections = rules_doc.readme_sections(text)
    assert tuple(sections) == rules_doc.README_SECTIONS
    assert all(sections.values()), "every section has a body"
    assert "```python" in sections["How to fix"]


@pytest.mark.parametrize("path", programs(), ids=_id)
def test_example_is_valid_python_with_well_formed_labels(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    ast.parse(source)
    assert "import tensorflow as tf" in source
    for line in source.splitlines():
        if "expect" in line and "#" in line:
            assert EXPECT.search(line), f"malformed label: {line!r}"
    labels = expectations(source)
    if path.name == "bad.py":
        code = path.parent.name[:6]
        assert code in {c for _, c in labels}
        assert {c for _, c in labels} <= set(CODES)
        if code == "TFG004":
            assert len(labels) == 2, "the None's use and the gradient call that produced it"
        else:
            assert labels == {(min(labels)[0], code)}, "one pitfall, labeled once"
    else:
        assert labels == set()


@pytest.mark.parametrize("code", ONE_LINE_FIXES)
def test_fixed_differs_from_bad_only_by_the_fix(code: str) -> None:
    bad = without_expectations((_folder(code) / "bad.py").read_text(encoding="utf-8")).splitlines()
    fixed = (_folder(code) / "fixed.py").read_text(encoding="utf-8").splitlines()
    ops = [op for op in difflib.SequenceMatcher(a=bad, b=fixed, autojunk=False).get_opcodes()
           if op[0] != "equal"]
    assert len(ops) == 1
    tag, i1, i2, j1, j2 = ops[0]
    if code == "TFG003":
        assert (tag, i2 - i1, j2 - j1) == ("insert", 0, 1)
        with_line, inserted, first = fixed[j1 - 1], fixed[j1], fixed[j1 + 1]
        tape = re.search(r"GradientTape\(.*\) as (\w+):$", with_line)
        assert tape, "the watch goes right after the tape's with-line"
        assert re.fullmatch(rf"(\s+){tape.group(1)}\.watch\(\w+\)", inserted)
        assert len(inserted) - len(inserted.lstrip()) == len(first) - len(first.lstrip())
    elif code == "TFG006":
        assert (tag, i2 - i1, j2 - j1) == ("replace", 1, 1)
        assert "persistent=True" in fixed[j1]
        assert fixed[j1].replace("persistent=True", "").replace(", )", ")") == bad[i1]
    else:
        assert (tag, i2 - i1, j2 - j1) == ("replace", 1, 1)
        as_ints = re.sub(r"(?<![\w.])(\d+)\.0*(?![\w.])", r"\1", bad[i1])
        assert as_ints == fixed[j1] != bad[i1]


# --- rules_doc -------------------------------------------------------------------------------

def test_list_rules_follows_the_registry() -> None:
    assert rules_doc.list_rules() == [(r.code, r.name, r.summary) for r in RULES]


def test_rules_root_in_a_checkout_is_the_repository_folder() -> None:
    assert rules_doc.rules_root() == RULES_DIR


@pytest.mark.parametrize("spelling", ["TFG006", "tfg006", " Tfg006 "])
def test_codes_are_case_insensitive(spelling: str) -> None:
    assert rules_doc.rule_dir(spelling) == _folder("TFG006")
    assert rules_doc.readme(spelling).startswith("# TFG006 non-persistent-tape-reused\n")


@pytest.mark.parametrize("unknown", ["TFG000", "TFG099", "E501", ""])
def test_unknown_code_is_a_lookup_error_naming_the_valid_ones(unknown: str) -> None:
    with pytest.raises(LookupError, match=f"TFG001, TFG002.*{CODES[-1]}"):
        rules_doc.readme(unknown)


@pytest.mark.parametrize("code", CODES)
def test_descriptions_for_sarif(code: str) -> None:
    doc = rules_doc.rule_doc(code.lower())
    assert doc.code == code and doc.path == _folder(code)
    assert doc.short_description and "\n" not in doc.short_description
    what = rules_doc.readme_sections(doc.markdown)["What"]
    assert doc.short_description == " ".join(what.split("\n\n")[0].split())
    assert doc.full_description.startswith("## What\n")
    assert "## What TensorFlow does" in doc.full_description


def test_examples_are_read_by_kind() -> None:
    assert "# expect: TFG012" in rules_doc.example("tfg012", "bad")
    assert "# expect:" not in rules_doc.example("TFG012", "fixed")
    with pytest.raises(FileNotFoundError):
        rules_doc.example("TFG004", "fixed")
    with pytest.raises(ValueError):
        rules_doc.example("TFG001", "worse")


def test_sections_ignore_headings_inside_code_fences() -> None:
    text = ("# T x\n\n## What\n\nOne line\nand more.\n\nSecond.\n\n"
            "## Why it happens\n\n```\n## no\n```\n")
    sections = rules_doc.readme_sections(text)
    assert list(sections) == ["What", "Why it happens"]
    assert rules_doc.first_paragraph(sections["What"]) == "One line and more."


# --- lint_source on the examples ---------------------------------------------------------------

@pytest.mark.parametrize("code", CODES)
def test_bad_gets_exactly_its_expected_findings(code: str) -> None:
    path = _folder(code) / "bad.py"
    source = path.read_text(encoding="utf-8")
    result = lint_source(source, str(path))
    assert result.problems == ()
    assert {(d.line, d.code) for d in result.diagnostics} == expectations(source)


@pytest.mark.parametrize("path", [p for p in programs() if p.name != "bad.py"], ids=_id)
def test_good_and_fixed_are_clean(path: Path) -> None:
    result = lint_source(path.read_text(encoding="utf-8"), str(path))
    assert result.problems == ()
    assert [d.message for d in result.diagnostics] == []


@pytest.mark.parametrize("code", FIXED_CODES)
def test_autofix_of_bad_gives_fixed(code: str) -> None:
    bad = (_folder(code) / "bad.py").read_text(encoding="utf-8")
    fixes = [d.fix for d in lint_source(bad, "bad.py").diagnostics if d.code == code and d.fix]
    assert fixes
    repaired = without_expectations(apply_fixes(bad, fixes))
    assert repaired == (_folder(code) / "fixed.py").read_text(encoding="utf-8")


# --- TensorFlow on the examples ----------------------------------------------------------------

# Runs in a child process so the wrapped tape methods never leak into other tests. The wrappers
# call the real methods and only note, per line of the example, whether the result was None.
_RUNNER = r'''
import json, runpy, sys, traceback
import tensorflow as tf

results, current = [], {}

def note(name):
    real = getattr(tf.GradientTape, name)
    def call(*args, **kwargs):
        frame = sys._getframe(1)
        while frame is not None and frame.f_code.co_filename != current["file"]:
            frame = frame.f_back
        value = real(*args, **kwargs)
        flat = [value] if value is None else tf.nest.flatten(value)
        if any(v is None for v in flat):
            kind = "none"
        elif not tf.executing_eagerly():  # traced in a tf.function: no values to inspect yet
            kind = "value"
        elif all(float(tf.reduce_max(tf.abs(v))) == 0.0 for v in flat):
            kind = "zeros"
        else:
            kind = "value"
        current["calls"].append([frame.f_lineno if frame else 0, kind])
        return value
    setattr(tf.GradientTape, name, call)

note("gradient")
note("jacobian")
for path in sys.argv[1:]:
    current.update(file=path, calls=[])
    raised = None
    try:
        runpy.run_path(path, run_name="__main__")
    except Exception as exc:
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == path]
        raised = [frames[-1].lineno if frames else 0, type(exc).__name__, str(exc)]
    results.append({"path": path, "calls": current["calls"], "raised": raised})
print(json.dumps(results))
'''


@pytest.fixture(scope="module")
def tensorflow_runs() -> dict[Path, dict[str, object]]:
    if importlib.util.find_spec("tensorflow") is None:
        pytest.skip("tensorflow is not installed")
    paths = [str(p) for p in programs()]
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", CUDA_VISIBLE_DEVICES="")
    proc = subprocess.run([sys.executable, "-c", _RUNNER, *paths], capture_output=True, text=True,
                          check=False, env=env, timeout=240, cwd=REPO, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return {Path(r["path"]): r for r in json.loads(proc.stdout.strip().splitlines()[-1])}


@pytest.mark.parametrize("code", CODES)
def test_tensorflow_misbehaves_on_the_labeled_line_of_bad(
        code: str, tensorflow_runs: dict[Path, dict[str, object]]) -> None:
    path = _folder(code) / "bad.py"
    run = tensorflow_runs[path]
    labels = expectations(path.read_text(encoding="utf-8"))
    # `# raises: TFGnnn`: TensorFlow raises there for the label (TFG018's fit), and the Keras
    # gradient call that fit makes, recorded at that line, returns None.
    raised_for = recorder.raising_lines(path)
    calls = {(line, kind) for line, kind in run["calls"]}  # type: ignore[union-attr]
    failing = {line for line, kind in calls if kind != "value" and line not in raised_for}
    none_lines = {line for line, c in labels if c in NONE_CODES}
    assert failing == none_lines, f"gradient calls returning None/zeros: {sorted(calls)}"
    raising = [(line, c) for line, c in labels if c not in NONE_CODES]
    if raising:
        assert run["raised"], "the labeled line should raise"
        line, exc_type, message = run["raised"]  # type: ignore[misc]
        assert [line] == [next((at for at, codes in raised_for.items() if c in codes), ln)
                          for ln, c in raising]
        assert declared_raise(raising[0][1], exc_type, message), (
            f"the catalog entry of {raising[0][1]} does not declare {exc_type}: {message}")
        assert exc_type in rules_doc.readme_sections(rules_doc.readme(code))["What TensorFlow does"]
    else:
        assert run["raised"] is None
        assert "None" in rules_doc.readme_sections(rules_doc.readme(code))["What TensorFlow does"]


@pytest.mark.parametrize("path", [p for p in programs() if p.name != "bad.py"], ids=_id)
def test_good_and_fixed_run_and_give_a_gradient(
        path: Path, tensorflow_runs: dict[Path, dict[str, object]]) -> None:
    run = tensorflow_runs[path]
    assert run["raised"] is None
    calls: list[list[object]] = run["calls"]  # type: ignore[assignment]
    assert calls and all(kind == "value" for _, kind in calls)


# --- the wheel ---------------------------------------------------------------------------------

def test_wheel_ships_every_rule_folder_and_rules_doc_finds_it(tmp_path: Path) -> None:
    if importlib.util.find_spec("build") is None:
        pytest.skip("the `build` package is not installed")
    proc = subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(tmp_path),
                           str(REPO)], capture_output=True, text=True, check=False, timeout=120,
                          stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    (wheel,) = tmp_path.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(tmp_path / "site")
    for rule in RULES:
        for name in ("README.md", "bad.py", "good.py"):
            assert f"tflint_grad/rules/{rule.code}-{rule.name}/{name}" in names
    # From the unpacked wheel (first on sys.path, not the checkout), the docs resolve inside it.
    probe = ("import sys; sys.path.insert(0, sys.argv[1]); from tflint_grad import rules_doc; "
             "print(rules_doc.rule_dir('tfg001')); print(rules_doc.short_description('TFG012'))")
    proc = subprocess.run([sys.executable, "-c", probe, str(tmp_path / "site")],
                          capture_output=True, text=True, check=False, timeout=60, cwd=tmp_path,
                          stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stderr[-2000:]
    folder, short = proc.stdout.splitlines()[:2]
    assert Path(folder) == tmp_path / "site" / "tflint_grad" / "rules" / _folder("TFG001").name
    assert short.startswith("`tf.ones`")
    # The console entry point, run from the wheel's files, prints the shipped README.
    explain = ("import sys; sys.path.insert(0, sys.argv[1]); from tflint_grad.cli import main; "
               "sys.exit(main(['--explain', 'TFG001']))")
    proc = subprocess.run([sys.executable, "-c", explain, str(tmp_path / "site")],
                          capture_output=True, text=True, check=False, timeout=60, cwd=tmp_path,
                          stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stderr[-2000:]
    readme = (_folder("TFG001") / "README.md").read_text(encoding="utf-8")
    assert proc.stdout == readme + rules_doc.declared("TFG001") + "\n"
