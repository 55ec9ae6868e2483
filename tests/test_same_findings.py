"""One configuration everywhere: the CLI, flake8 and the pre-commit hook, each run for real on
one small project, report the same findings under its `[tool.tflint-grad]` table.

Each tool is a function `project folder -> {(path, line, code)}` in TOOLS; another shell (the
language server) joins the comparison by adding its function there.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from precommit_sandbox import Sandbox

Finding = tuple[str, int, str]

UNWATCHED = """import tensorflow as tf

x = tf.reshape(tf.linspace(0.0, 1.0, 5), (5, 1))
with tf.GradientTape() as tape:
    u = tf.tanh(2.0 * x)
u_x = tape.gradient(u, x)
residual = u_x - (1.0 - u ** 2) * 2.0
"""  # TFG003 on line 6 (x is never watched), TFG004 on line 7 (u_x is None)
OUTSIDE = """import tensorflow as tf

x = tf.reshape(tf.linspace(0.0, 1.0, 5), (5, 1))
t = tf.reshape(tf.linspace(0.0, 0.5, 5), (5, 1))
X = tf.concat([x, t], axis=1)
with tf.GradientTape() as tape:
    tape.watch(X)
    u = tf.tanh(X)
u_x = tape.gradient(u, x)
"""  # TFG001 on line 9
PYPROJECT = """[project]
name = "demo"

[tool.tflint-grad]
ignore = ["TFG004"]
extend-exclude = ["generated/"]

[tool.tflint-grad.per-file-ignores]
"tests/**" = ["TFG003"]
"""
FILES = {
    "pyproject.toml": PYPROJECT,
    "src/train.py": UNWATCHED,  # TFG004 ignored everywhere: TFG003 stays
    "src/silenced.py": UNWATCHED.replace("u, x)\n", "u, x)  # noqa: TFG003\n"),
    "src/whole_file.py": "# tflint-grad: noqa\n" + UNWATCHED,
    "tests/test_train.py": UNWATCHED,  # TFG003 ignored under tests/**
    "tests/check_outside.py": OUTSIDE,  # TFG001 is not
    "generated/model.py": UNWATCHED,  # excluded
}
EXPECTED = {("src/train.py", 6, "TFG003"), ("tests/check_outside.py", 9, "TFG001")}


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "TFLINT_GRAD_OUTPUT_FORMAT"}
    return subprocess.run(args, cwd=cwd, env=env, check=False, capture_output=True, text=True,
                          timeout=300)


def cli(project: Path, request: pytest.FixtureRequest) -> set[Finding]:
    proc = _run([sys.executable, "-m", "tflint_grad", "--no-cache", "--format", "json", "."],
                project)
    assert proc.returncode in (0, 1), proc.stderr
    return {(f["path"], f["line"], f["code"]) for f in json.loads(proc.stdout)}


def flake8(project: Path, request: pytest.FixtureRequest) -> set[Finding]:
    proc = _run([sys.executable, "-m", "flake8", "--isolated", "--select", "TFG", "--jobs", "1",
                 "--format=%(path)s\t%(row)d\t%(code)s", "."], project)
    assert proc.returncode in (0, 1) and "Traceback" not in proc.stderr, proc.stderr
    rows = [line.split("\t") for line in proc.stdout.splitlines() if line.strip()]
    return {(os.path.normpath(path), int(row), code) for path, row, code in rows}


_TEXT_LINE = re.compile(r"^(?P<path>[^\s:]+):(?P<line>\d+):\d+: (?P<code>TFG\d+) ", re.MULTILINE)


def pre_commit(project: Path, request: pytest.FixtureRequest) -> set[Finding]:
    home: Path = request.getfixturevalue("precommit_home")
    sandbox = Sandbox(home, project.parent / "repo")
    for name in FILES:
        sandbox.add(name, (project / name).read_text(encoding="utf-8"))
    proc = sandbox.try_repo()
    assert proc.returncode in (0, 1), proc.stdout + proc.stderr
    return {(m["path"], int(m["line"]), m["code"]) for m in _TEXT_LINE.finditer(proc.stdout)}


TOOLS: dict[str, Callable[[Path, pytest.FixtureRequest], set[Finding]]] = {
    "cli": cli, "flake8": flake8, "pre-commit": pre_commit}


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "project"
    for name, text in FILES.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("tool", TOOLS)
def test_every_tool_reports_what_the_configuration_leaves(
        tool: str, project: Path, request: pytest.FixtureRequest) -> None:
    assert TOOLS[tool](project, request) == EXPECTED


def test_the_examples_do_fire_without_the_configuration(
        project: Path, request: pytest.FixtureRequest) -> None:
    # Without the table every silenced finding is back: the comparison above is not vacuous.
    (project / "pyproject.toml").write_text('[project]\nname = "demo"\n', encoding="utf-8")
    for tool in ("cli", "flake8"):
        found = TOOLS[tool](project, request)
        assert {("src/train.py", 7, "TFG004"), ("tests/test_train.py", 6, "TFG003"),
                ("generated/model.py", 6, "TFG003")} <= found, tool
