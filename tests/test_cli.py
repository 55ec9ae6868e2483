"""The command line as a user runs it: real subprocesses, exit codes, stdin, config, fixes."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BAD = ("import tensorflow as tf\nx = tf.constant(1.0)\nwith tf.GradientTape() as tape:\n"
       "    y = x * x\ng = tape.gradient(y, x)\n")  # TFG003 on line 5, with a safe fix
CLEAN = "import tensorflow as tf\nx = tf.Variable(1.0)\nwith tf.GradientTape() as tape:\n" \
        "    y = x * x\ng = tape.gradient(y, x)\n"


def run(cwd: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m tflint_grad ARGS` in `cwd`, without the cache unless asked."""
    return subprocess.run([sys.executable, "-m", "tflint_grad", *args], cwd=cwd, input=stdin,
                          check=False, capture_output=True, text=True, timeout=120)


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "bad.py").write_text(BAD)
    (tmp_path / "pkg" / "clean.py").write_text(CLEAN)
    return tmp_path


def test_exit_codes_clean_findings_usage(project: Path) -> None:
    assert run(project, "pkg/clean.py").returncode == 0
    found = run(project, "pkg")
    assert found.returncode == 1
    assert "pkg/bad.py:5:5: TFG003 " in found.stdout
    assert "Found 1 finding" in found.stdout
    assert run(project, "--exit-zero", "pkg").returncode == 0
    usage = run(project, "--format", "xml", "pkg")
    assert usage.returncode == 2 and "Traceback" not in usage.stderr


def test_console_script_is_installed(project: Path) -> None:
    script = Path(sys.executable).with_name("tflint-grad")
    proc = subprocess.run([str(script), "--version"], check=False, capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout.startswith("tflint-grad ")


def test_default_path_is_the_current_folder(project: Path) -> None:
    proc = run(project)
    assert proc.returncode == 1 and "pkg/bad.py:5:5" in proc.stdout


def test_stdin_with_and_without_filename(project: Path) -> None:
    proc = run(project, "-", stdin=BAD)
    assert proc.returncode == 1 and "<stdin>:5:5: TFG003" in proc.stdout
    named = run(project, "-", "--stdin-filename", "src/train.py", stdin=BAD)
    assert "src/train.py:5:5: TFG003" in named.stdout
    assert run(project, "-", stdin=CLEAN).returncode == 0
    assert run(project, "-", "pkg", stdin=BAD).returncode == 2


def test_parse_error_is_reported_and_run_goes_on(project: Path) -> None:
    # Only files that mention a rule's trigger (GradientTape, gradients, ...) are parsed at all.
    broken = "import tensorflow as tf\ndef f(:\n  tf.GradientTape\n"
    (project / "pkg" / "broken.py").write_text(broken)
    proc = run(project, "pkg")
    assert proc.returncode == 1
    assert "pkg/broken.py:" in proc.stdout and "E999" in proc.stdout
    assert "pkg/bad.py:5:5: TFG003" in proc.stdout


def test_json_output_has_the_fields(project: Path) -> None:
    proc = run(project, "--format", "json", "pkg")
    findings = json.loads(proc.stdout)
    assert [(f["path"], f["line"], f["column"], f["code"]) for f in findings] == \
        [("pkg/bad.py", 5, 5, "TFG003")]
    assert {"end_line", "end_column", "message"} <= set(findings[0])


@pytest.mark.parametrize("fmt", ["sarif", "github"])
def test_other_formats_run(project: Path, fmt: str) -> None:
    proc = run(project, "--format", fmt, "pkg")
    assert proc.returncode == 1 and "TFG003" in proc.stdout


def test_select_ignore_extend_select(project: Path) -> None:
    assert run(project, "--ignore", "TFG003", "pkg").returncode == 0
    assert run(project, "--select", "TFG001,TFG002", "pkg").returncode == 0
    assert run(project, "--select", "TFG00", "pkg").returncode == 1
    assert run(project, "--select", "TFG001", "--extend-select", "TFG003", "pkg").returncode == 1
    bad = run(project, "--select", "E501", "pkg")
    assert bad.returncode == 2 and "--select" in bad.stderr and "E501" in bad.stderr


def test_statistics(project: Path) -> None:
    proc = run(project, "--statistics", "pkg")
    assert "TFG003" in proc.stdout and proc.returncode == 1


def test_config_error_names_file_and_key(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.tflint-grad]\nselekt = ["TFG001"]\n')
    proc = run(project, "pkg")
    assert proc.returncode == 2
    assert "pyproject.toml" in proc.stderr and "selekt" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_config_from_upward_pyproject_and_flags_win(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.tflint-grad]\nignore = ["TFG003"]\n')
    assert run(project / "pkg", "bad.py").returncode == 0
    assert run(project / "pkg", "--select", "TFG003", "bad.py").returncode == 1
    other = project / "other.toml"
    other.write_text('[tool.tflint-grad]\nselect = ["TFG003"]\n')
    assert run(project, "--config", str(other), "pkg").returncode == 1
    assert run(project, "--config", "missing.toml", "pkg").returncode == 2


def test_per_file_ignores_and_excludes(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.tflint-grad]\nper-file-ignores = {"pkg/bad.py" = ["TFG003"]}\n')
    assert run(project, "pkg").returncode == 0
    (project / "pyproject.toml").write_text('[tool.tflint-grad]\nextend-exclude = ["bad.py"]\n')
    assert run(project, "pkg").returncode == 0
    # a file named explicitly is linted anyway, unless --force-exclude
    assert run(project, "pkg/bad.py").returncode == 1
    assert run(project, "--force-exclude", "pkg/bad.py").returncode == 0


def test_gitignore_respected_without_git(project: Path) -> None:
    (project / ".gitignore").write_text("pkg/bad.py\n")
    assert run(project, ".").returncode == 0
    (project / "pyproject.toml").write_text("[tool.tflint-grad]\nrespect-gitignore = false\n")
    assert run(project, ".").returncode == 1


def test_default_excluded_folders(project: Path) -> None:
    for name in (".venv", "build", "node_modules", "__pycache__"):
        (project / name).mkdir()
        (project / name / "x.py").write_text(BAD)
    proc = run(project, ".")
    assert proc.stdout.count("TFG003") == 1


def test_noqa_and_unused_noqa(project: Path) -> None:
    silenced = BAD.replace("x)\n", "x)  # noqa: TFG003\n")
    (project / "pkg" / "bad.py").write_text(silenced)
    assert run(project, "pkg").returncode == 0
    (project / "pkg" / "clean.py").write_text(CLEAN + "z = 1  # noqa: TFG001\n")
    proc = run(project, "--show-unused-noqa", "pkg")
    assert proc.returncode == 1 and "pkg/clean.py:6:8: TFG100" in proc.stdout


def test_fix_then_diff_then_nothing_left(project: Path) -> None:
    diff = run(project, "--diff", "pkg")
    assert diff.returncode == 1 and "+    tape.watch(x)" in diff.stdout
    assert (project / "pkg" / "bad.py").read_text() == BAD
    fixed = run(project, "--fix", "pkg")
    assert fixed.returncode == 0, fixed.stdout
    assert "tape.watch(x)" in (project / "pkg" / "bad.py").read_text()
    again = run(project, "--diff", "pkg")
    assert again.returncode == 0 and again.stdout == ""


def test_fix_on_stdin_prints_the_fixed_source(project: Path) -> None:
    proc = run(project, "--fix", "-", stdin=BAD)
    assert "    tape.watch(x)\n" in proc.stdout and proc.returncode == 0


def test_explain_list_rules_version(project: Path) -> None:
    explain = run(project, "--explain", "TFG001")
    assert explain.returncode == 0 and explain.stdout.startswith("#")
    listing = run(project, "--list-rules")
    assert listing.returncode == 0 and listing.stdout.count("TFG0") >= 12
    unknown = run(project, "--explain", "TFG999")
    assert unknown.returncode == 2 and "TFG999" in unknown.stderr
    assert run(project, "--version").stdout.strip().startswith("tflint-grad ")


def test_conflicting_flags_exit_2(project: Path) -> None:
    for args in (["--jobs", "-1", "pkg"], ["--python", "x", "pkg"],
                 ["--diff", "--format", "json", "pkg"], ["--confirm-timeout", "0", "pkg"]):
        proc = run(project, *args)
        assert proc.returncode == 2 and "error" in proc.stderr, args


def test_confirm_without_tensorflow_exits_2(project: Path, tmp_path: Path) -> None:
    python = tmp_path / "python-without-tf"
    python.write_text(f"#!/bin/sh\nexec {sys.executable} -I -S \"$@\"\n")
    python.chmod(0o755)
    proc = run(project, "--confirm", "--python", str(python), "pkg")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


@pytest.mark.skipif(os.environ.get("TFLINT_SKIP_TF") == "1", reason="no TensorFlow run")
def test_confirm_runs_real_tensorflow(project: Path) -> None:
    proc = run(project, "--confirm", "--format", "json", "pkg/bad.py")
    assert proc.returncode in (0, 1), proc.stderr
    finding = json.loads(proc.stdout)[0]
    assert finding["confirmation"]["status"] in ("confirmed", "refuted", "not run")
