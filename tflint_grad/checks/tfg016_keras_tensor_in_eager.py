"""TFG016: a symbolic KerasTensor (`model.output`, `layer.output`, `model.input` of a functional
model) handed to a TensorFlow op or to a tape in eager code: Keras 2 gradient code (Grad-CAM,
filter visualisation, saliency) run under Keras 3."""
from __future__ import annotations

from collections.abc import Iterator

from tflint_grad.checks.base import Finding
from tflint_grad.checks.eager_scopes import eager_scopes
from tflint_grad.model.scope import Model, SymbolicUse

CODE = "TFG016"
_SYMBOLIC = ("a symbolic KerasTensor (a placeholder for the shape and dtype of the model's "
             "tensors, not values)")
_INSTEAD = ("build grad_model = tf.keras.Model(model.inputs, [layer.output, model.output]), "
            "call it on real input under a tf.GradientTape, and differentiate what it returns")


def _message(model: Model, found: SymbolicUse) -> str:
    value = model.code(found.value)
    if found.how == "watch":
        return (f"{model.code(found.call)} raises ValueError (Passed in object <KerasTensor "
                f"...> of type 'KerasTensor', not tf.Tensor or tf.Variable or ExtensionType.): "
                f"'{value}' is {_SYMBOLIC}; watch the input tensor you call the model on")
    if found.how == "gradient":
        return (f"{model.code(found.call.func)} raises AttributeError ('KerasTensor' object "
                f"has no attribute '_id'): the source '{value}' is {_SYMBOLIC}; watch the input "
                f"tensor you call the model on and pass that tensor as the source")
    op = model.code(found.call.func)
    if found.how == "dtype":
        return (f"{op}({value}) raises AttributeError ('str' object has no attribute "
                f"'base_dtype'): '{value}' is {_SYMBOLIC}, and Keras 3 backend functions need "
                f"tensors; {_INSTEAD}")
    return (f"{op} raises ValueError (A KerasTensor cannot be used as input to a TensorFlow "
            f"function.): '{value}' is {_SYMBOLIC}; {_INSTEAD}")


def check(model: Model) -> Iterator[Finding]:
    """KerasTensors reaching TensorFlow in code that runs eagerly here."""
    for scope in eager_scopes(model):
        for found in scope.symbolic_uses:
            yield Finding(CODE, found.call, _message(model, found))
