"""Placeholder for the single pass that builds the model."""
from __future__ import annotations

import libcst as cst

from tflint_grad.model.scope import Model


def build_model(module: cst.Module) -> Model:
    return Model()
