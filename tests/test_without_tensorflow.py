"""Without TensorFlow, the TensorFlow tests skip with a reason and the static ones pass: run a
sample of both kinds in a child pytest where `import tensorflow` fails."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def test_tensorflow_tests_skip_cleanly_without_tensorflow() -> None:
    env = dict(os.environ, TFLINT_GRAD_TEST_WITHOUT_TF="1",
               PYTHONPATH=os.pathsep.join([str(HERE / "without_tf"), os.environ.get("PYTHONPATH", "")]))
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-o", "addopts=", "-q", "-p", "no:cacheprovider", "-rs",
         "tests/test_confirm_rules.py", "tests/test_confirm.py", "tests/test_registry.py",
         "tests/test_labeled.py"],
        cwd=HERE.parent, env=env, capture_output=True, text=True, timeout=600,
        stdin=subprocess.DEVNULL, check=False)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out[-3000:]
    assert "TensorFlow is not installed" in out and " passed" in out and " skipped" in out, out[-3000:]
    summary = out.strip().splitlines()[-1]
    assert re.search(r"\d+ passed, \d+ skipped", summary), summary
    assert not re.search(r"\d+ (failed|errors?)\b", summary), summary
