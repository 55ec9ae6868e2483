"""tflint-grad: find TensorFlow gradient pitfalls before they cost a day."""
from __future__ import annotations

__version__ = "0.1.0"

from tflint_grad.api import lint_source

__all__ = ["__version__", "lint_source"]
