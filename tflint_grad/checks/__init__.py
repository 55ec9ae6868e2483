"""The rule registry: the catalog's entries joined with the functions that find them."""
from __future__ import annotations

from tflint_grad.catalog import CATALOG, triggered_codes
from tflint_grad.checks import eager, gradient_paths, shapes, tapes
from tflint_grad.checks.base import Rule

_CHECKS = {
    "TFG001": gradient_paths.check_tfg001, "TFG002": eager.check_tfg002,
    "TFG003": gradient_paths.check_tfg003, "TFG004": gradient_paths.check_tfg004,
    "TFG005": gradient_paths.check_tfg005, "TFG006": tapes.check_tfg006,
    "TFG007": eager.check_tfg007, "TFG008": gradient_paths.check_tfg008,
    "TFG009": gradient_paths.check_tfg009, "TFG010": gradient_paths.check_tfg010,
    "TFG011": gradient_paths.check_tfg011, "TFG012": shapes.check_tfg012,
}
RULES: tuple[Rule, ...] = tuple(
    Rule(entry, _CHECKS[entry.code]) for entry in CATALOG)
RULES_BY_CODE = {rule.code: rule for rule in RULES}


def rules_triggered_by(source: bytes) -> list[Rule]:
    """The rules whose trigger scans match the file: a byte scan that skips most files."""
    return [RULES_BY_CODE[code] for code in triggered_codes(source)]
