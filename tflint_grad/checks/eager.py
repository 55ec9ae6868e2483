"""Placeholder."""


def check_tfg002(model):
    return []


def check_tfg007(model):
    return []
