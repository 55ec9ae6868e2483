"""The rule registry, built from the rule modules: `tfgNNN_<name>.py` for each catalog entry.

A rule module holds its check, its messages and its fix, and declares `CODE`; the gradient-path
rules also declare `REASONS`, the model's reasons (`Why`) they report. Nothing here is typed out
per rule: a catalog entry without its module, a module without its entry, or a reason claimed
twice fails at import, with a message that says which.
"""
from __future__ import annotations

import importlib
import pkgutil
import re
from types import ModuleType

from tflint_grad.catalog import CATALOG, triggered_codes
from tflint_grad.checks.base import Rule
from tflint_grad.model.paths import Why

_RULE_MODULE = re.compile(r"tfg\d{3}_\w+")


class RegistryError(Exception):
    """A rule is half-registered: its catalog entry and its module disagree."""


def _module_of(code: str, name: str) -> ModuleType:
    try:
        module = importlib.import_module(f"{__name__}.{name}")
    except ModuleNotFoundError as exc:
        if exc.name != f"{__name__}.{name}":
            raise
        raise RegistryError(f"{code} is in the catalog but tflint_grad/checks/{name}.py "
                            f"does not exist") from None
    if getattr(module, "CODE", None) != code or not callable(getattr(module, "check", None)):
        raise RegistryError(f"tflint_grad/checks/{name}.py must define CODE = {code!r} and "
                            f"check(model)")
    return module


def _build() -> tuple[tuple[Rule, ...], dict[Why, str]]:
    expected = {entry.module for entry in CATALOG}
    stray = sorted(m.name for m in pkgutil.iter_modules(__path__)
                   if _RULE_MODULE.fullmatch(m.name) and m.name not in expected)
    if stray:
        raise RegistryError(f"rule modules without a catalog entry (or misnamed): {stray}")
    rules: list[Rule] = []
    reasons: dict[Why, str] = {}
    for entry in CATALOG:
        module = _module_of(entry.code, entry.module)
        rules.append(Rule(entry, module.check))
        for why in getattr(module, "REASONS", frozenset()):
            if why in reasons:
                raise RegistryError(f"{why} is claimed by both {reasons[why]} and {entry.code}")
            reasons[why] = entry.code
    return tuple(rules), reasons


RULES, _REASON_CODES = _build()
RULES_BY_CODE = {rule.code: rule for rule in RULES}


def code_for(why: Why) -> str:
    """The code of the rule that reports this reason."""
    return _REASON_CODES[why]


def rules_triggered_by(source: bytes) -> list[Rule]:
    """The rules whose trigger scans match the file: a byte scan that skips most files."""
    return [RULES_BY_CODE[code] for code in triggered_codes(source)]
