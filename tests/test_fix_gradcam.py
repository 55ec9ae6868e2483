"""The Grad-CAM rewrite (tflint_grad/fixing/gradcam.py): the Keras 2 `K.gradients` + `K.function`
block becomes `grad_model` called under a tape, exactly, and only for the recognised shape; the
fix is unsafe, idempotent, and the rewritten program computes the gradient in real TensorFlow."""
from __future__ import annotations

import collections
import io
import os
import subprocess
import sys
import tokenize
from pathlib import Path

import pytest

from tflint_grad.api import lint_source
from tflint_grad.fixes import apply_fixes
from tflint_grad.types import Diagnostic

REPO = Path(__file__).resolve().parent.parent
PYTHON = REPO / ".venv" / "bin" / "python"

TF_KERAS = "import numpy as np\nimport tensorflow as tf\nfrom tensorflow.keras import backend as K\n"
STANDALONE = "import numpy as np\nimport tensorflow as tf\nimport keras.backend as K\n"
NO_TF_IMPORT = "import numpy as np\nimport keras\nfrom keras import backend as K\n"
MODEL = '''
inp = tf.keras.Input((8, 8, 3))
h = tf.keras.layers.Conv2D(4, 3, name="conv2d_3")(inp)
out = tf.keras.layers.Dense(2, activation="softmax")(tf.keras.layers.GlobalAveragePooling2D()(h))
model = tf.keras.Model(inp, out)
x = np.random.rand(1, 8, 8, 3).astype("float32")
n_filters = 4

'''
KERAS_MODEL = MODEL.replace("tf.keras", "keras")
BLOCK = '''preds = model.predict(x)
class_idx = np.argmax(preds[0])
class_output = model.output[:, class_idx]
last_conv_layer = model.get_layer("conv2d_3")
grads = K.gradients(class_output, last_conv_layer.output)[0]
pooled_grads = K.mean(grads, axis=(0, 1, 2))
iterate = K.function([model.input], [pooled_grads, last_conv_layer.output[0]])
pooled_grads_value, conv_layer_output_value = iterate([x])
'''
REWRITTEN = '''preds = model.predict(x)
class_idx = np.argmax(preds[0])
last_conv_layer = model.get_layer("conv2d_3")
grad_model = tf.keras.Model(model.inputs, [last_conv_layer.output, model.output])
with tf.GradientTape() as tape:
    conv_outputs, predictions = grad_model(x)
    class_output = predictions[:, class_idx]
grads = tape.gradient(class_output, conv_outputs)
pooled_grads_value = tf.reduce_mean(grads, axis=(0, 1, 2)).numpy()
conv_layer_output_value = conv_outputs[0].numpy()
'''
HEATMAP = '''for i in range(n_filters):
    conv_layer_output_value[:, :, i] *= pooled_grads_value[i]
heatmap = np.mean(conv_layer_output_value, axis=-1)
'''
FUNCTION = """

def grad_cam(model, x, layer_name):
    preds = model.predict(x)
    class_idx = int(np.argmax(preds[0]))
    # the score of the winning class
    class_output = model.output[:, class_idx]  # one score per image
    layer = model.get_layer(layer_name)
    grads = K.gradients(class_output, layer.output)[0]  # d score / d feature map
    # one function returns both
    iterate = K.function(model.inputs, [grads, layer.output])
    grads_value, conv_value = iterate([x])
    return grads, np.mean(grads_value, axis=(0, 1, 2)) * conv_value


grads, cam = grad_cam(model, x, "conv2d_3")
"""
FUNCTION_REWRITTEN = """

def grad_cam(model, x, layer_name):
    preds = model.predict(x)
    class_idx = int(np.argmax(preds[0]))
    layer = model.get_layer(layer_name)
    # one function returns both
    grad_model = tf.keras.Model(model.inputs, [layer.output, model.output])
    with tf.GradientTape() as tape:
        conv_outputs, predictions = grad_model(x)
        # the score of the winning class
        class_output = predictions[:, class_idx]  # one score per image
    grads = tape.gradient(class_output, conv_outputs)  # d score / d feature map
    grads_value = grads.numpy()
    conv_value = conv_outputs.numpy()
    return grads, np.mean(grads_value, axis=(0, 1, 2)) * conv_value


grads, cam = grad_cam(model, x, "conv2d_3")
"""


def findings(source: str) -> list[Diagnostic]:
    return list(lint_source(source, "gradcam.py").diagnostics)


def fixed_by_all(source: str) -> str:
    """Every fix of the source applied, unsafe ones included."""
    return apply_fixes(source, [d.fix for d in findings(source) if d.fix is not None])


def comments(source: str) -> collections.Counter[str]:
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    return collections.Counter(t.string for t in tokens if t.type == tokenize.COMMENT)


@pytest.mark.parametrize(("imports", "code"), [(TF_KERAS, "TFG002"), (STANDALONE, "TFG015")],
                         ids=["tf.keras.backend", "keras.backend"])
def test_the_canonical_block_is_rewritten_exactly(imports: str, code: str) -> None:
    source = imports + MODEL + BLOCK + HEATMAP
    (finding,) = findings(source)
    assert finding.code == code and finding.line == source.splitlines().index(
        "grads = K.gradients(class_output, last_conv_layer.output)[0]") + 1
    assert finding.fix is not None and finding.fix.safe is False
    assert "grad_model" in finding.fix.description
    fixed = apply_fixes(source, [finding.fix])
    assert fixed == imports + MODEL + REWRITTEN + HEATMAP
    assert findings(fixed) == []  # nothing left to report, so a second pass changes nothing
    assert fixed_by_all(fixed) == fixed


@pytest.mark.needs_tensorflow
@pytest.mark.parametrize("program", [TF_KERAS + MODEL + BLOCK + HEATMAP,
                                     STANDALONE + MODEL + BLOCK + HEATMAP,
                                     STANDALONE + MODEL + FUNCTION,
                                     NO_TF_IMPORT + KERAS_MODEL + BLOCK + HEATMAP],
                         ids=["tf.keras", "keras", "in-a-function", "no-tf-import"])
def test_the_rewritten_program_computes_the_gradient_in_tensorflow(
        tmp_path: Path, program: str) -> None:
    fixed = fixed_by_all(program)
    assert fixed != program
    report = "print('RESULT', None if grads is None else tuple(grads.shape))\n"
    path = tmp_path / "gradcam.py"
    path.write_text(fixed + report)
    python = str(PYTHON) if PYTHON.exists() else sys.executable
    proc = subprocess.run([python, str(path)], capture_output=True, text=True, check=False,
                          timeout=300, stdin=subprocess.DEVNULL,
                          env=dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", CUDA_VISIBLE_DEVICES=""))
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout.splitlines()[-1] == "RESULT (1, 6, 6, 4)"


def test_tensorflow_is_imported_when_the_file_does_not_import_it() -> None:
    source = NO_TF_IMPORT + KERAS_MODEL + BLOCK + HEATMAP
    fixed = fixed_by_all(source)
    assert fixed.startswith(NO_TF_IMPORT + "import tensorflow as tf\n")
    assert REWRITTEN in fixed and findings(fixed) == []


def test_an_existing_alias_is_reused_and_taken_names_are_avoided() -> None:
    source = (TF_KERAS.replace("import tensorflow as tf", "import tensorflow as tf2")
              + MODEL.replace("tf.", "tf2.") + "tape = 'a tape'\npredictions = None\n"
              + BLOCK + HEATMAP)
    fixed = fixed_by_all(source)
    assert ("grad_model = tf2.keras.Model(model.inputs, [last_conv_layer.output, model.output])\n"
            "with tf2.GradientTape() as tape_2:\n"
            "    conv_outputs, predictions_2 = grad_model(x)\n"
            "    class_output = predictions_2[:, class_idx]\n"
            "grads = tape_2.gradient(class_output, conv_outputs)\n"
            "pooled_grads_value = tf2.reduce_mean(grads, axis=(0, 1, 2)).numpy()\n") in fixed


def test_in_a_function_indentation_and_comments_are_kept() -> None:
    source = STANDALONE + MODEL + FUNCTION
    fixed = fixed_by_all(source)
    assert fixed == STANDALONE + MODEL + FUNCTION_REWRITTEN
    assert comments(fixed) == comments(source)
    assert findings(fixed) == []


def test_crlf_line_endings_are_kept() -> None:
    source = (TF_KERAS + MODEL + BLOCK + HEATMAP).replace("\n", "\r\n")
    fixed = fixed_by_all(source)
    assert fixed == (TF_KERAS + MODEL + REWRITTEN + HEATMAP).replace("\n", "\r\n")


# Each variant breaks one condition of the recognised shape: the finding stays, without a fix.
VARIANTS = {
    "two backend functions": BLOCK.replace(
        "iterate = K.function([model.input], [pooled_grads, last_conv_layer.output[0]])\n"
        "pooled_grads_value, conv_layer_output_value = iterate([x])\n",
        "iterate = K.function([model.input], [pooled_grads])\n"
        "iterate_conv = K.function([model.input], [last_conv_layer.output[0]])\n"
        "(pooled_grads_value,) = iterate([x])\n"
        "(conv_layer_output_value,) = iterate_conv([x])\n"),
    "the function called twice": BLOCK + "again = iterate([x])\n",
    "source not a layer output": BLOCK.replace("K.gradients(class_output, last_conv_layer.output)",
                                               "K.gradients(class_output, model.input)"),
    "learning phase input": BLOCK.replace(
        "K.function([model.input], ", "K.function([model.input, K.learning_phase()], ").replace(
        "iterate([x])", "iterate([x, 0])"),
    "a step between pooling and function": BLOCK.replace(
        "iterate = K.function", "pooled_grads = pooled_grads / 2\niterate = K.function"),
    "a comment inside a statement": BLOCK.replace(
        "[pooled_grads, last_conv_layer.output[0]]",
        "[pooled_grads,  # the weights\n                                     last_conv_layer.output[0]]"),
    "the call not unpacked": BLOCK.replace(
        "pooled_grads_value, conv_layer_output_value = iterate([x])",
        "values = iterate([x])\npooled_grads_value, conv_layer_output_value = values"),
    "target not from the model's output": BLOCK.replace(
        "class_output = model.output[:, class_idx]",
        "class_output = last_conv_layer_output[:, class_idx]").replace(
        "preds = model.predict(x)", "last_conv_layer_output = model.layers[1].output\n"
        "preds = model.predict(x)"),
}


@pytest.mark.parametrize("imports", [TF_KERAS, STANDALONE], ids=["tf.keras", "keras"])
@pytest.mark.parametrize("variant", VARIANTS)
def test_other_shapes_keep_the_finding_without_a_fix(variant: str, imports: str) -> None:
    source = imports + MODEL + VARIANTS[variant] + HEATMAP
    found = findings(source)
    assert any("K.gradients" in d.message or "K.function" in d.message
               or "learning_phase" in d.message for d in found), found
    assert [d.fix for d in found] == [None] * len(found)


def _cli(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tflint_grad", "--no-cache", *args], cwd=cwd,
                          check=False, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("imports", [TF_KERAS, STANDALONE], ids=["tf.keras", "keras"])
def test_cli_applies_it_only_with_unsafe_fixes_and_once(tmp_path: Path, imports: str) -> None:
    path = tmp_path / "gradcam.py"
    source = imports + MODEL + BLOCK + HEATMAP
    path.write_text(source)
    safe_only = _cli(tmp_path, "--fix", "gradcam.py")
    assert safe_only.returncode == 1 and path.read_text() == source
    assert "1 fixable with --fix --unsafe-fixes" in safe_only.stdout
    unsafe = _cli(tmp_path, "--fix", "--unsafe-fixes", "gradcam.py")
    assert unsafe.returncode == 0, unsafe.stdout + unsafe.stderr
    assert path.read_text() == imports + MODEL + REWRITTEN + HEATMAP
    again = _cli(tmp_path, "--fix", "--unsafe-fixes", "gradcam.py")
    assert again.returncode == 0 and "No findings" in again.stdout
    assert path.read_text() == imports + MODEL + REWRITTEN + HEATMAP
