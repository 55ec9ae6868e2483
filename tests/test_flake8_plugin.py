"""The flake8 plugin, run through real flake8 in a subprocess, agrees with lint_source."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tflint_grad import lint_source
from tflint_grad.flake8_plugin import Plugin

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted(ROOT.glob("fixtures/*.py")) + sorted(ROOT.glob("rules/*/*.py"))
BAD_TFG001 = next(iter(sorted(ROOT.glob("rules/TFG001-*/bad.py"))), None)
FORMAT = "--format=%(path)s\t%(row)d\t%(col)d\t%(code)s"
Finding = tuple[str, int, int, str]


def flake8(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Real flake8, only our codes, no user config, noqa honoured."""
    return subprocess.run([sys.executable, "-m", "flake8", "--isolated", "--select", "TFG",
                           "--jobs", "1", FORMAT, *args], input=stdin, check=False,
                          capture_output=True, text=True, cwd=ROOT, timeout=300)


def parse(stdout: str) -> list[Finding]:
    rows = [line.split("\t") for line in stdout.splitlines() if line.strip()]
    return sorted((path, int(row), int(col), code) for path, row, col, code in rows)


def engine(path: Path, name: str) -> list[Finding]:
    result = lint_source(path.read_text(encoding="utf-8"), name)
    return sorted((name, d.line, d.column, d.code) for d in result.diagnostics)


def relative(path: Path) -> str:
    return str(path.relative_to(ROOT))


def test_flake8_reports_what_lint_source_reports() -> None:
    assert EXAMPLES, "no fixtures or rule examples to lint"
    names = [relative(p) for p in EXAMPLES]
    proc = flake8("--disable-noqa", *names)
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr
    expected = sorted(f for p, name in zip(EXAMPLES, names) for f in engine(p, name))
    assert parse(proc.stdout) == expected


@pytest.mark.parametrize("path", EXAMPLES[:1] + ([BAD_TFG001] if BAD_TFG001 else []),
                         ids=relative)
def test_flake8_on_stdin_matches_the_file(path: Path) -> None:
    name = relative(path)
    proc = flake8("--disable-noqa", "--stdin-display-name", name, "-",
                  stdin=path.read_text(encoding="utf-8"))
    assert proc.returncode in (0, 1), proc.stderr
    assert parse(proc.stdout) == engine(path, name)


def test_flake8_finds_the_rule_example() -> None:
    assert BAD_TFG001 is not None
    proc = flake8(relative(BAD_TFG001))
    assert proc.returncode == 1
    assert {code for *_, code in parse(proc.stdout)} == {"TFG001"}


def test_flake8_noqa_silences_our_code(tmp_path: Path) -> None:
    assert BAD_TFG001 is not None
    findings = engine(BAD_TFG001, "x")
    assert findings
    lines = BAD_TFG001.read_text(encoding="utf-8").splitlines()
    for _, line, _, code in findings:
        lines[line - 1] += f"  # noqa: {code}"
    target = tmp_path / "quiet.py"
    target.write_text("\n".join(lines) + "\n")
    proc = flake8(str(target))
    assert proc.returncode == 0 and proc.stdout == ""


def test_an_engine_crash_is_one_message_not_a_traceback(tmp_path: Path) -> None:
    target = tmp_path / "any.py"
    target.write_text("import tensorflow as tf\nwith tf.GradientTape() as tape:\n    pass\n")
    # Real flake8 in a child process whose engine is replaced by one that raises.
    program = (
        "import sys, tflint_grad.flake8_plugin as plugin\n"
        "def boom(source, path):\n"
        "    raise RuntimeError('model exploded')\n"
        "plugin.lint_source = boom\n"
        "from flake8.main.cli import main\n"
        "raise SystemExit(main(sys.argv[1:]))\n"
    )
    proc = subprocess.run([sys.executable, "-c", program, "--isolated", "--select", "TFG",
                           str(target)], check=False, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert proc.stdout == f"{target}:1:1: TFG000 internal error: RuntimeError: model exploded\n"


def test_a_file_the_engine_cannot_parse_is_one_message() -> None:
    lines = ["import tensorflow as tf\n", "with tf.GradientTape( as t:\n"]
    results = list(Plugin(None, "bad.py", lines).run())  # type: ignore[arg-type]
    assert len(results) == 1
    line, _, message, kind = results[0]
    assert (line, kind) == (2, Plugin)
    assert message.startswith("TFG000 could not analyse this file: SyntaxError")


def test_plugin_is_registered_with_flake8() -> None:
    proc = subprocess.run([sys.executable, "-m", "flake8", "--version"], check=False,
                          capture_output=True, text=True, timeout=120)
    assert "tflint-grad" in proc.stdout


UNWATCHED = ("import tensorflow as tf\nx = tf.constant(1.0)\nwith tf.GradientTape() as tape:\n"
             "    y = x * x\ng = tape.gradient(y, x)\n")  # TFG003 on line 5


def flake8_in(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "flake8", "--isolated", "--select", "TFG",
                           "--jobs", "1", FORMAT, *args], check=False, capture_output=True,
                          text=True, cwd=folder, timeout=300)


def test_the_project_configuration_applies(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.py").write_text(UNWATCHED)
    (tmp_path / "b.py").write_text(UNWATCHED)
    assert len(parse(flake8_in(tmp_path, ".").stdout)) == 2
    (tmp_path / "pyproject.toml").write_text(
        '[tool.tflint-grad]\nper-file-ignores = {"sub/*" = ["TFG003"]}\n')
    assert parse(flake8_in(tmp_path, ".").stdout) == [("./b.py", 5, 5, "TFG003")]
    # The project is found from the file, wherever flake8 runs.
    assert parse(flake8_in(tmp_path / "sub", str(tmp_path)).stdout) == \
        [(str(tmp_path / "b.py"), 5, 5, "TFG003")]
    (tmp_path / "pyproject.toml").write_text('[tool.tflint-grad]\nextend-exclude = ["b.py"]\n'
                                             'ignore = ["TFG00"]\n')
    assert flake8_in(tmp_path, ".").stdout == ""


def test_noqa_stays_with_flake8_and_the_file_wide_one_is_ours(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(UNWATCHED.replace("x)\n", "x)  # noqa: TFG003\n"))
    (tmp_path / "b.py").write_text("# tflint-grad: noqa\n" + UNWATCHED)
    assert flake8_in(tmp_path, ".").stdout == ""
    assert parse(flake8_in(tmp_path, "--disable-noqa", ".").stdout) == \
        [("./a.py", 5, 5, "TFG003")]


def test_a_broken_configuration_is_one_message(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(UNWATCHED)
    (tmp_path / "pyproject.toml").write_text('[tool.tflint-grad]\nselekt = ["TFG001"]\n')
    proc = flake8_in(tmp_path, "a.py")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    (line,) = proc.stdout.splitlines()
    assert line == "a.py\t1\t1\tTFG000"
    lines = UNWATCHED.splitlines(keepends=True)
    (result,) = Plugin(None, str(tmp_path / "a.py"), lines).run()  # type: ignore[arg-type]
    assert result[2].startswith("TFG000 configuration error: ") and "selekt" in result[2]
