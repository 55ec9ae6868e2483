"""Hostile programs through --confirm: each is refused by the policy or contained by the worker."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from tflint_grad.confirm import confirm_one
from tflint_grad.confirm.runner import Runner, _environment
from tflint_grad.types import Diagnostic

HOSTILE = Path(__file__).resolve().parent / "hostile"
CANARY = "/tmp/tflint-grad-hostile-canary"
CONTAINED = {"endless_loop.py", "memory_hog.py", "list_hog.py", "recursion_bomb.py"}


def _flagged(path: Path) -> Diagnostic:
    lines = path.read_text().splitlines()
    line = next(i for i, text in enumerate(lines, 1) if text.endswith("# flagged"))
    column = lines[line - 1].index("tape.gradient") + 1
    return Diagnostic(str(path), line, column, line, column + 20, "TFG003", "TFG003 hostile")


def _group_alive(pid: int) -> bool:
    try:
        os.killpg(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _canaries() -> list[str]:
    return [p for p in (CANARY, CANARY + ".npy", CANARY + ".keras") if os.path.exists(p)]


@pytest.fixture(scope="module")
def runner():
    with Runner(timeout=15.0) as shared:
        yield shared


@pytest.mark.parametrize("name", sorted(p.name for p in HOSTILE.glob("*.py")
                                        if p.name not in CONTAINED))
def test_refused_before_running(name: str) -> None:
    path = HOSTILE / name
    with Runner(python="/nonexistent/python") as never_started:  # the policy refuses first
        confirmation = confirm_one(never_started, _flagged(path), path.read_text())
        assert never_started.process is None
    assert confirmation.status == "not run"
    assert "not allowed" in (confirmation.reason or ""), confirmation.reason
    assert not _canaries()


@pytest.mark.parametrize("name", ["memory_hog.py", "list_hog.py", "recursion_bomb.py"])
def test_contained(runner: Runner, name: str) -> None:
    path = HOSTILE / name
    confirmation = confirm_one(runner, _flagged(path), path.read_text())
    assert confirmation.status == "not run", confirmation
    assert not _canaries()


@pytest.mark.needs_tensorflow
def test_endless_loop_times_out_and_leaves_nothing_behind() -> None:
    path = HOSTILE / "endless_loop.py"
    with Runner(timeout=2.0) as short:
        short.start()
        pid, home = short.process.pid, short.home
        confirmation = confirm_one(short, _flagged(path), path.read_text())
        assert short.process is None  # killed; the next slice gets a fresh worker
    assert confirmation.status == "not run"
    assert confirmation.reason == "timed out after 2 s"
    assert not _group_alive(pid)
    assert not os.path.exists(home)


RAW = {  # the policy would refuse these; run them anyway to test the worker's own walls
    "import os\nos.system('touch /tmp/tflint-grad-hostile-canary')": "ImportError",
    "import socket\nsocket.create_connection(('example.com', 80))": "ImportError",
    "open('/tmp/tflint-grad-hostile-canary', 'w').write('x')": "NameError",
    "eval('1')": "NameError",
    "__import__('subprocess')": "ImportError",
    "raise SystemExit(3)": "NameError",
}


@pytest.mark.parametrize("code", sorted(RAW))
def test_worker_walls_without_the_policy(runner: Runner, code: str) -> None:
    reply = runner.run({"code": code + "\n_tfg_probe(lambda: 1.0)\n", "target": None,
                        "filename": "raw.py"})
    assert reply["result"]["kind"] == "error"
    assert reply["result"]["type"] == RAW[code]
    assert runner.process is not None and runner.process.poll() is None  # still serving
    assert not _canaries()


def test_environment_carries_no_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "hunter2")
    monkeypatch.setenv("PYTHONPATH", "/evil")
    env = _environment("/tmp/home")
    assert "AWS_SECRET_ACCESS_KEY" not in env and "PYTHONPATH" not in env
    assert env["HOME"] == "/tmp/home"


@pytest.mark.needs_tensorflow
def test_no_process_or_directory_outlives_the_runner() -> None:
    with Runner(timeout=10.0) as runner:
        runner.start()
        pid, home = runner.process.pid, runner.home
        assert _group_alive(pid) and os.path.isdir(home)
    assert not _group_alive(pid)
    assert not os.path.exists(home)


ALLOWED = [  # what a training script does in memory: the policy lets it run
    "import tensorflow as tf\nds = tf.data.Dataset.from_tensor_slices([1.0]).batch(1).cache()",
    "import tensorflow as tf\ny = tf.raw_ops.Round(x=tf.constant(1.5))",
    "import tensorflow as tf\nclass Log(tf.keras.callbacks.Callback):\n    pass",
    "import time\nimport logging\nlogging.getLogger('t').info('%s', time.time())",
]
STILL_REFUSED = [  # the same modules' parts that reach files
    "import tensorflow as tf\nds = tf.data.Dataset.range(2).cache('/tmp/x')",
    "import tensorflow as tf\nds = tf.data.TFRecordDataset(['/etc/passwd'])",
    "import tensorflow as tf\ntf.raw_ops.ReadFile(filename='/etc/passwd')",
    "import tensorflow as tf\ncb = tf.keras.callbacks.TensorBoard('/tmp/logs')",
    "from tensorflow import raw_ops\nraw_ops.WriteFile(filename='/tmp/x', contents='x')",
]


@pytest.mark.parametrize("code", ALLOWED)
def test_policy_lets_in_memory_training_code_run(code: str) -> None:
    from tflint_grad.confirm import policy
    assert policy.check(code) is None


@pytest.mark.parametrize("code", STILL_REFUSED)
def test_policy_refuses_the_file_parts_of_allowed_modules(code: str) -> None:
    from tflint_grad.confirm import policy
    assert "not allowed" in (policy.check(code) or "")
