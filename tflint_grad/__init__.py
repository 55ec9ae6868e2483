"""tflint-grad: find TensorFlow gradient pitfalls before they cost a day."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from tflint_grad.api import lint_source


def __getattr__(name: str) -> Any:
    # The engine (and libcst) load on first use, so a warm cached run never imports them.
    if name == "lint_source":
        from tflint_grad.api import lint_source
        return lint_source
    raise AttributeError(name)


__all__ = ["__version__", "lint_source"]
