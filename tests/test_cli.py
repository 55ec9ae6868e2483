"""The command line as a user runs it: real subprocesses, exit codes, stdin, config, fixes."""
from __future__ import annotations

import json
import os
import re
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
    env = {k: v for k, v in os.environ.items() if k != "TFLINT_GRAD_OUTPUT_FORMAT"}
    return subprocess.run([sys.executable, "-m", "tflint_grad", *args], cwd=cwd, input=stdin,
                          env=env, check=False, capture_output=True, text=True, timeout=120)


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


# --- CI habits (issue 16) --------------------------------------------------------------------

def test_a_missing_path_is_a_usage_error_in_every_format(project: Path) -> None:
    for fmt in ("text", "json", "sarif"):
        proc = run(project, "--format", fmt, "pkg", "nope.py")
        assert proc.returncode == 2 and proc.stdout == "", fmt
        assert proc.stderr == "tflint-grad: error: nope.py: no such file or directory\n"


def test_check_subcommand_is_the_plain_command(project: Path) -> None:
    plain, check = run(project, "pkg"), run(project, "check", "pkg")
    assert (check.returncode, check.stdout) == (plain.returncode, plain.stdout) == \
        (1, plain.stdout) and "TFG003" in check.stdout
    assert run(project, "check").returncode == 1  # no path: the current folder
    (project / "check").mkdir()  # a path named check: `./check`, and a note on stderr
    assert "write ./check" in run(project, "check", "pkg").stderr
    assert run(project, "./check").returncode == 0
    assert run(project, "pkg", "check").returncode == 1  # only the first argument


def test_short_version_flag(project: Path) -> None:
    proc = run(project, "-V")
    assert proc.returncode == 0 and proc.stdout.startswith("tflint-grad ")


def test_output_format_alias_and_environment_default(project: Path) -> None:
    alias = run(project, "--output-format", "json", "pkg")
    assert json.loads(alias.stdout)[0]["code"] == "TFG003"
    env = {**os.environ, "TFLINT_GRAD_OUTPUT_FORMAT": "json"}
    from_env = subprocess.run([sys.executable, "-m", "tflint_grad", "pkg"], cwd=project, env=env,
                              check=False, capture_output=True, text=True, timeout=120)
    assert json.loads(from_env.stdout) == json.loads(alias.stdout)
    flag_wins = subprocess.run([sys.executable, "-m", "tflint_grad", "--format", "concise", "pkg"],
                               cwd=project, env=env, check=False, capture_output=True, text=True,
                               timeout=120)
    assert flag_wins.stdout.startswith("pkg/bad.py:5:5: TFG003 [*] ")
    diff = subprocess.run([sys.executable, "-m", "tflint_grad", "--diff", "pkg"], cwd=project,
                          env=env, check=False, capture_output=True, text=True, timeout=120)
    assert diff.returncode == 1 and "+    tape.watch(x)" in diff.stdout  # a default, not a clash
    bad = subprocess.run([sys.executable, "-m", "tflint_grad", "pkg"], cwd=project,
                         env={**os.environ, "TFLINT_GRAD_OUTPUT_FORMAT": "xml"}, check=False,
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "TFLINT_GRAD_OUTPUT_FORMAT=xml" in bad.stderr


def test_concise_and_no_show_source(project: Path) -> None:
    concise = run(project, "--format", "concise", "pkg")
    assert concise.stdout.splitlines() == [
        concise.stdout.splitlines()[0],
        "Found 1 finding in 1 file (2 files checked). 1 fixable with --fix."]
    assert re.match(r"pkg/bad\.py:5:5: TFG003 \[\*\] \S", concise.stdout)
    text = run(project, "--no-show-source", "pkg").stdout
    assert text.startswith(concise.stdout.splitlines()[0] + "\n  = fix: ")
    assert " | " not in text and " | " in run(project, "pkg").stdout


def test_fix_counts_in_the_same_words(project: Path) -> None:
    before = run(project, "pkg").stdout
    assert before.endswith("Found 1 finding in 1 file (2 files checked). 1 fixable with --fix.\n")
    diff = run(project, "--diff", "pkg")
    assert diff.stderr == "Would fix 1 finding in 1 file.\n"
    fixed = run(project, "--fix", "pkg")
    assert fixed.stdout == "Fixed 1 finding in 1 file.\nNo findings (2 files checked).\n"


def test_statistics_in_json_keep_stdout_one_document(project: Path) -> None:
    assert isinstance(json.loads(run(project, "--format", "json", "pkg").stdout), list)
    document = json.loads(run(project, "--statistics", "--format", "json", "pkg").stdout)
    assert set(document) == {"findings", "statistics", "summary"}
    assert [f["code"] for f in document["findings"]] == ["TFG003"]
    assert document["statistics"] == [{"code": "TFG003", "name": "unwatched-source",
                                       "count": 1, "fixable": 1}]
    assert document["summary"] == {
        "findings": 1, "files_with_findings": 1, "files_checked": 2, "files_not_linted": 0,
        "fixable": 1, "fixable_unsafe": 0, "confirmed": 0, "refuted": 0, "not_run": 0}


@pytest.mark.parametrize("table", ["tflint_grad", "tflintgrad", "TFLint-Grad"])
def test_a_table_that_looks_like_ours_is_a_warning(project: Path, table: str) -> None:
    (project / "pyproject.toml").write_text(f'[tool.{table}]\nignore = ["TFG003"]\n')
    proc = run(project, "pkg")
    assert proc.returncode == 1  # not read: TFG003 is still reported
    assert proc.stderr == (f"tflint-grad: warning: {project / 'pyproject.toml'}: "
                           f"[tool.{table}] is not read; the table is [tool.tflint-grad]\n")
    (project / "pyproject.toml").write_text('[tool.tflint-grad]\n[tool.ruff]\nline-length = 1\n')
    assert run(project, "pkg").stderr == ""


def test_unused_noqa_code_is_explained_and_listed(project: Path) -> None:
    explain = run(project, "--explain", "tfg100")
    assert explain.returncode == 0 and explain.stdout.startswith("# TFG100 unused-noqa\n")
    assert "--show-unused-noqa" in explain.stdout
    listing = run(project, "--list-rules").stdout.splitlines()
    assert listing[-1].startswith("TFG100  unused-noqa ") and "fix: safe" in listing[-1]


def test_syntax_error_position_is_cpythons(project: Path) -> None:
    broken = "import tensorflow as tf\nwith tf.GradientTape() as t:\n    y = f(x, \n"
    (project / "pkg" / "broken.py").write_text(broken)
    try:
        compile(broken, "broken.py", "exec")
    except SyntaxError as exc:
        expected = f"pkg/broken.py:{exc.lineno}:{exc.offset}: E999 SyntaxError: {exc.msg}\n"
    proc = run(project, "--format", "concise", "pkg/broken.py")
    assert proc.stdout.splitlines()[0] + "\n" == expected
    assert "error at" not in proc.stdout


def test_unused_noqa_selected_by_name_in_the_configuration(project: Path) -> None:
    (project / "pkg" / "clean.py").write_text(CLEAN + "z = 1  # noqa: TFG001\n")
    assert "TFG100" not in run(project, "pkg").stdout
    (project / "pyproject.toml").write_text('[tool.tflint-grad]\nextend-select = ["TFG100"]\n')
    assert "pkg/clean.py:6:8: TFG100 [*] " in run(project, "pkg").stdout
