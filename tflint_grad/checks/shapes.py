"""Placeholder."""


def check_tfg012(model):
    return []
