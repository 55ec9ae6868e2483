"""The byte scans that decide which rules look at a file: they may let through files a rule
stays silent on, never drop one it reports."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tflint_grad.catalog import BY_CODE, triggered_codes
from tflint_grad.triggers import functional_keras_candidate, keras_backend_candidate

ROOT = Path(__file__).resolve().parent.parent
_EXPECT = re.compile(r"#\s*expect:\s*(TFG\d{3}(?:\s*,\s*TFG\d{3})*)")


def test_every_labelled_finding_passes_its_rules_scan() -> None:
    seen = 0
    for path in sorted((ROOT / "tests" / "labeled").rglob("*.py")) + sorted(
            (ROOT / "rules").rglob("bad.py")):
        source = path.read_bytes()
        if b"known-miss" in source.split(b"\n", 1)[0]:
            continue  # a miss the header explains (tests/test_labeled.py keeps it honest)
        codes = set(triggered_codes(source))
        for m in _EXPECT.finditer(source.decode("utf-8", "replace")):
            for code in re.findall(r"TFG\d{3}", m.group(1)):
                seen += 1
                assert code in codes, f"{path}: {code} is labelled but its scan drops the file"
    assert seen > 150


@pytest.mark.parametrize("text, expected", [
    (b"from tensorflow.keras import backend as K\n", True),
    (b"import keras.backend as K\n", True),
    (b"K = tf.keras.backend\n", True),
    (b"from keras import backend\n", True),
    (b"f = tf.compat.v1.keras.backend.function\n", True),
    (b"from keras.src.backend import placeholder\n", True),
    (b"from tensorflow_probability.python.internal.backend import numpy as tf\n", False),
    (b"from tf_keras.src import backend\n", False),   # Keras 2: it has every function
    (b"x = tf_keras.backend.function\n", False),
    (b"backend = 'tensorflow'\n", False),
])
def test_keras_backend_scan(text: bytes, expected: bool) -> None:
    assert keras_backend_candidate(text) is expected
    assert BY_CODE["TFG015"].triggered_by(b"import tensorflow\n" + text) is expected


@pytest.mark.parametrize("text, expected", [
    (b"m = tf.keras.Model(inp, out)\nm.output\n", True),
    (b"m = Model(\n    inputs=inp, outputs=out)\nm.output\n", True),
    (b"from keras.models import Model as M\nm.output\n", True),
    (b"base = tf.keras.applications.VGG16()\nbase.output\n", True),
    (b"class Net(tf.keras.Model):\n    pass\nnet.output\n", False),
    (b"super(Net, self).__init__()\nself.output = None\n", False),
])
def test_functional_model_scan(text: bytes, expected: bool) -> None:
    assert functional_keras_candidate(text) is expected
