"""Placeholder: filled by the engine work."""
from __future__ import annotations


def _none(model):  # type: ignore[no-untyped-def]
    return []


check_tfg001 = check_tfg003 = check_tfg004 = check_tfg005 = _none
check_tfg008 = check_tfg009 = check_tfg010 = check_tfg011 = _none
