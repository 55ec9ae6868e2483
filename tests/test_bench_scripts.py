"""The bench scripts: corpus diffing on synthetic packages, and the generated big file."""
from __future__ import annotations

import ast
import importlib
import json
import sys
from pathlib import Path
from types import ModuleType

import libcst as cst
import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _bench_module(name: str) -> ModuleType:
    # The bench scripts import each other by bare name, as they do when run from bench/.
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    return importlib.import_module(name)


corpus = _bench_module("corpus")
corpus_diff = _bench_module("corpus_diff")
gen_big = _bench_module("gen_big")
speed = _bench_module("speed")


@pytest.fixture
def src(tmp_path: Path) -> Path:
    """A corpus/src with two fake packages of tiny Python files."""
    root = tmp_path / "corpus" / "src"
    files = {
        "alpha/alpha/core.py": "import tensorflow as tf\nx = tf.constant(1.0)\n",
        "alpha/alpha/__init__.py": "",
        "beta/beta-0.1/beta/train.py": "def step():\n    return 1\n\n\ndef other():\n    pass\n",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def _diagnostic(path: str, line: int, code: str) -> dict[str, object]:
    return {"path": path, "line": line, "column": 1, "end_line": line, "end_column": 5,
            "code": code, "message": f"{code} something about {path}"}


def test_relative_path_from_absolute_and_cwd_relative(src: Path) -> None:
    cwd = src.parent.parent
    absolute = str(src / "alpha" / "alpha" / "core.py")
    assert corpus_diff.relative_path(absolute, src, cwd) == "alpha/alpha/core.py"
    assert corpus_diff.relative_path("corpus/src/beta/beta-0.1/beta/train.py", src, cwd) \
        == "beta/beta-0.1/beta/train.py"
    assert corpus_diff.relative_path("./corpus/src/../src/alpha/alpha/core.py", src, cwd) \
        == "alpha/alpha/core.py"


def test_findings_become_package_path_line_code_keys(src: Path) -> None:
    output = json.dumps([
        _diagnostic(str(src / "alpha/alpha/core.py"), 2, "TFG003"),
        _diagnostic(str(src / "beta/beta-0.1/beta/train.py"), 5, "TFG011"),
    ])
    run = corpus_diff.read_cli_output(output, src, src)
    assert set(run.findings) == {"alpha/alpha/core.py:2:TFG003",
                                 "beta/beta-0.1/beta/train.py:5:TFG011"}
    assert run.problems == []


def test_problems_are_counted_by_kind(src: Path) -> None:
    output = json.dumps({
        "diagnostics": [_diagnostic(str(src / "alpha/alpha/core.py"), 1, "TFG002")],
        "problems": [
            {"path": str(src / "beta/beta-0.1/beta/train.py"), "line": 3, "column": 1,
             "message": "SyntaxError: invalid syntax", "kind": "parse-error"},
            {"path": str(src / "alpha/alpha/core.py"), "line": 1, "column": 1,
             "message": "KeyError: 'x'", "kind": "internal-error"},
            {"path": str(src / "alpha/alpha/__init__.py"), "line": 1, "column": 1,
             "message": "binary"},
        ],
    })
    run = corpus_diff.read_cli_output(output, src, src)
    assert set(run.findings) == {"alpha/alpha/core.py:1:TFG002"}
    assert run.count("parse-error") == 2  # a problem without a kind is a parse error
    assert run.count("internal-error") == 1
    assert run.problems[1].where == "alpha/alpha/core.py:1"


def test_problems_on_stderr_are_counted_by_code(src: Path) -> None:
    # --format json writes problems to stderr: E999 parse error, E902 skipped, TFG000 internal.
    stderr = "\n".join([
        f"{src}/beta/beta-0.1/beta/train.py:3:5: E999 SyntaxError: invalid syntax",
        f"{src}/alpha/alpha/core.py:1:1: TFG000 internal error: KeyError: 'x'",
        "corpus/src/alpha/alpha/__init__.py:1:1: E902 skipped: not UTF-8",
        "tflint-grad: internal error: RuntimeError: boom",
        "Found 0 findings in 3 files.",
    ])
    problems = corpus_diff.read_problem_lines(stderr, src, src.parent.parent)
    assert [(p.kind, p.where) for p in problems] == [
        ("parse-error", "beta/beta-0.1/beta/train.py:3"),
        ("internal-error", "alpha/alpha/core.py:1"),
        ("skipped", "alpha/alpha/__init__.py:1"),
        ("internal-error", "<cli>"),
    ]
    assert problems[0].message == "SyntaxError: invalid syntax"


def test_output_that_is_not_json_is_an_internal_error(src: Path) -> None:
    run = corpus_diff.read_cli_output("Traceback (most recent call last):\n", src, src)
    assert run.count("internal-error") == 1
    assert not run.findings


def test_expected_list_with_comments_and_blank_lines() -> None:
    text = ("# header\n\n"
            "alpha/alpha/core.py:2:TFG003  # constant never watched\n"
            "beta/beta-0.1/beta/train.py:5:TFG011\n")
    assert corpus_diff.read_expected(text) == {
        "alpha/alpha/core.py:2:TFG003": "constant never watched",
        "beta/beta-0.1/beta/train.py:5:TFG011": "",
    }


@pytest.mark.parametrize("line", ["alpha/core.py:2  # no code", "alpha/core.py:x:TFG001",
                                  "alpha/core.py:2:TFG001 extra"])
def test_malformed_expected_line_is_refused_with_its_number(line: str) -> None:
    with pytest.raises(ValueError, match="line 2"):
        corpus_diff.read_expected(f"# header\n{line}\n")


def test_duplicate_expected_line_is_refused() -> None:
    with pytest.raises(ValueError, match="twice"):
        corpus_diff.read_expected("a/b.py:1:TFG001\na/b.py:1:TFG001  # again\n")


def test_compare_orders_by_path_then_line() -> None:
    found = {"b/x.py:10:TFG001", "b/x.py:9:TFG001", "a/y.py:3:TFG002"}
    expected = {"a/y.py:3:TFG002", "c/z.py:1:TFG004"}
    new, missing = corpus_diff.compare(found, expected)
    assert new == ["b/x.py:9:TFG001", "b/x.py:10:TFG001"]
    assert missing == ["c/z.py:1:TFG004"]


def test_report_fails_on_new_missing_or_internal_error(src: Path) -> None:
    run = corpus_diff.CorpusRun({"alpha/alpha/core.py:2:TFG003": "TFG003 msg"})
    lines: list[str] = []
    assert corpus_diff.report(run, {"alpha/alpha/core.py:2:TFG003": "reason"}, lines)
    assert lines[-1].startswith("summary: findings 1, expected 1, new 0, missing 0, "
                                "internal errors 0")
    assert not corpus_diff.report(run, {}, [])
    assert not corpus_diff.report(corpus_diff.CorpusRun(), {"a/b.py:1:TFG001": ""}, [])
    crashed = corpus_diff.CorpusRun(problems=[corpus_diff.ProblemLine("internal-error", "x", "")])
    assert not corpus_diff.report(crashed, {}, [])
    parse_only = corpus_diff.CorpusRun(problems=[corpus_diff.ProblemLine("parse-error", "x", "")])
    assert corpus_diff.report(parse_only, {}, [])


def test_main_runs_the_real_cli_on_clean_packages(
        src: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Tiny files without tapes: the real CLI finds nothing, so only the expected list decides.
    cmd = f"{sys.executable} -m tflint_grad --format json"
    expected = tmp_path / "expected.txt"
    expected.write_text("# nothing\n", encoding="utf-8")
    argv = ["--corpus", str(src.parent), "--no-fetch", "--expected", str(expected), "--cmd", cmd]
    assert corpus_diff.main(argv) == 0
    assert "new 0, missing 0, internal errors 0" in capsys.readouterr().out
    expected.write_text("alpha/alpha/core.py:2:TFG003  # reviewed\n", encoding="utf-8")
    assert corpus_diff.main(argv) == 1
    assert "  alpha/alpha/core.py:2:TFG003  # reviewed" in capsys.readouterr().out


def test_main_counts_parse_errors_without_failing(src: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    broken = src / "beta" / "beta-0.1" / "beta" / "broken.py"
    broken.write_text("import tensorflow as tf\nwith tf.GradientTape() as tape:\n    y = (\n",
                      encoding="utf-8")
    expected = tmp_path / "expected.txt"
    expected.write_text("", encoding="utf-8")
    cmd = f"{sys.executable} -m tflint_grad --format json"
    assert corpus_diff.main(["--corpus", str(src.parent), "--no-fetch", "--expected",
                             str(expected), "--cmd", cmd]) == 0
    out = capsys.readouterr().out
    assert "internal errors 0, parse errors 1" in out
    assert "  beta/beta-0.1/beta/broken.py:" in out


def test_main_refuses_a_malformed_expected_list(src: Path, tmp_path: Path) -> None:
    expected = tmp_path / "expected.txt"
    expected.write_text("not a key\n", encoding="utf-8")
    assert corpus_diff.main(["--corpus", str(src.parent), "--no-fetch",
                             "--expected", str(expected)]) == 2


def test_committed_expected_list_parses() -> None:
    corpus_diff.read_expected((BENCH / "corpus-expected.txt").read_text(encoding="utf-8"))


def test_subsets_are_deterministic_and_nested(src: Path, tmp_path: Path) -> None:
    files = corpus.python_files(src)
    assert [f.relative_to(src).as_posix() for f in files] == [
        "alpha/alpha/__init__.py", "alpha/alpha/core.py", "beta/beta-0.1/beta/train.py"]
    half = corpus.every_kth(files, 2)
    assert half == [files[0], files[2]]
    copy = corpus.copy_subset(half, src, tmp_path / "half")
    assert (copy / "beta/beta-0.1/beta/train.py").read_text() == files[2].read_text()
    assert corpus.count_lines(files) == 8


def test_flags_are_detected_from_help_text() -> None:
    help_text = "usage: tflint-grad [--format {text,json}] [--no-cache] [--jobs N] paths"
    assert speed.supported_flags(help_text) == {"--no-cache", "--jobs"}
    assert speed.supported_flags("usage: tflint-grad paths") == set()


def test_goal_line_says_whether_the_goal_is_met() -> None:
    assert speed.goal_line("cold / ruff cold", 2.5, 3, "×").endswith("| 2.5× | ≤ 3× | yes |")
    assert speed.goal_line("peak", 412.0, 300, " MB").endswith("| 412 MB | ≤ 300 MB | no |")
    assert "n/a" in speed.goal_line("cold / flake8", None, 0.05, "×")


@pytest.mark.parametrize("lines", [gen_big.HEADER.count("\n"), 997, 50_000])
def test_generated_file_has_the_requested_lines_and_parses(lines: int) -> None:
    source = gen_big.generate(lines)
    assert source.count("\n") == lines and source.endswith("\n")
    ast.parse(source)
    assert source == gen_big.generate(lines)


def test_generated_file_is_tensorflow_code_libcst_parses() -> None:
    source = gen_big.generate(2_000)
    cst.parse_module(source)
    for needle in ("tf.GradientTape(", "tape.gradient(", "tf.gradients(", "@tf.function", "def "):
        assert needle in source


def test_generated_file_refuses_fewer_lines_than_its_imports() -> None:
    with pytest.raises(ValueError):
        gen_big.generate(2)


def test_gen_big_main_writes_the_file(tmp_path: Path) -> None:
    out = tmp_path / "big.py"
    assert gen_big.main(["--lines", "300", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8").count("\n") == 300


@pytest.mark.parametrize("shape", ["module-tapes", "many-functions", "one-long-function",
                                   "elif-chain", "deep-loops"])
def test_scaling_shapes_are_programs_of_the_asked_size(shape: str) -> None:
    """Each generated shape is valid Python of about the asked size that the linter reads
    without a problem (the timings themselves are bench/ output, never asserted)."""
    from tflint_grad.api import lint_source
    scaling = _bench_module("scaling")
    assert set(scaling.SHAPES) == {"module-tapes", "many-functions", "one-long-function",
                                   "elif-chain", "deep-loops"}
    text = scaling.build(shape, 1000)
    ast.parse(text)
    assert 700 <= text.count("\n") <= 1100
    result = lint_source(text, f"{shape}.py")
    assert result.problems == ()
    if shape == "module-tapes":  # each block watches its source: nothing to report
        assert result.diagnostics == ()


def test_floor_reports_each_step_on_a_folder(capsys: pytest.CaptureFixture[str]) -> None:
    floor = _bench_module("floor")
    saved = sys.argv
    sys.argv = ["floor.py", str(Path(__file__).parent / "labeled" / "TFG013")]
    try:
        assert floor.main() == 0
    finally:
        sys.argv = saved
    out = capsys.readouterr().out
    assert "files the scan passes" in out
    for step in ("ast.parse", "libcst, whole files", "libcst, what select keeps",
                 "lint_source (all of it)"):
        assert f"| {step} | " in out
