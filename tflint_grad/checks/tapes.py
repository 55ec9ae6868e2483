"""Placeholder."""


def check_tfg006(model):
    return []
