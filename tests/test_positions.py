"""Positions from one statement at a time agree with libcst's whole-module PositionProvider."""
from __future__ import annotations

from pathlib import Path

import libcst as cst
import pytest
from libcst.metadata import MetadataWrapper, PositionProvider

from tflint_grad.model.nodes import kids
from tflint_grad.positions import Positions

ROOT = Path(__file__).resolve().parents[1]
PROGRAMS = sorted([*ROOT.glob("fixtures/**/*.py"), *ROOT.glob("rules/*/*.py"),
                   *ROOT.glob("tests/labeled/*/*/*.py")])
TRICKY = '''"""doc"""
# comment
import tensorflow as tf; import numpy as np

@tf.function
@other(
    1)
def f(x):
    return x  # trailing

class A:
    @staticmethod
    def g(): pass
x = (1,
     2); y = 3
if x:
    pass
elif y:
    z = [i
         for i in range(3)]
'''


def _every_node(module: cst.Module) -> list[cst.CSTNode]:
    out: list[cst.CSTNode] = []
    stack: list[cst.CSTNode] = list(module.body)
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(kids(node))
    return out


@pytest.mark.parametrize("source", [TRICKY] + [p.read_text(encoding="utf-8") for p in PROGRAMS],
                         ids=["tricky"] + [str(p.relative_to(ROOT)) for p in PROGRAMS])
def test_statement_positions_match_the_whole_module(source: str) -> None:
    module = cst.parse_module(source)
    whole = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    positions = Positions(module, source)
    assert positions.starts is not None
    for node in _every_node(module):
        rng = whole[node]
        assert positions(node) == ((rng.start.line, rng.start.column + 1),
                                   (rng.end.line, rng.end.column + 1)), type(node).__name__
