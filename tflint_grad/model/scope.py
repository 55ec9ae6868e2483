"""Placeholder for the recording model's data classes."""
from __future__ import annotations


class Model:
    pass
