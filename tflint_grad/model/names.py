"""Import aliases -> canonical dotted names, so `tf.GradientTape`, `GT` and `tensorflow.GradientTape`
are one thing."""
from __future__ import annotations

import libcst as cst

from tflint_grad.syntax import dotted

# Prefixes that name the same API: compat.v1 / compat.v2 / tf.keras all fold into one spelling.
_FOLDS = (
    ("tensorflow.compat.v1.", "tensorflow."),
    ("tensorflow.compat.v2.", "tensorflow."),
    ("tensorflow.keras.", "keras."),
    ("tf_keras.", "keras."),
)


# TF1 names that TensorFlow 2's own namespace does not have (`tf.Session` raises AttributeError;
# only `tf.compat.v1.Session` exists): spelled through plain `tensorflow`, they resolve under this
# prefix, which no rule knows.
ABSENT_IN_TF2 = "tensorflow.<absent in TF2>."
_TF1_ONLY = frozenset({"Session", "InteractiveSession"})


def canonical(dotted: str) -> str:
    """Fold equivalent spellings of a TensorFlow name into one."""
    for prefix, replacement in _FOLDS:
        if dotted.startswith(prefix):
            return canonical(replacement + dotted[len(prefix):])
    if dotted in ("tensorflow.compat.v1", "tensorflow.compat.v2"):
        return "tensorflow"
    if dotted == "tensorflow.keras" or dotted == "tf_keras":
        return "keras"
    return dotted


class ImportTable:
    """The module's import aliases; `resolve` turns an expression into a canonical name."""

    def __init__(self) -> None:
        self.aliases: dict[str, str] = {}
        self.legacy_keras = False  # imports tf_keras (Keras 2), which the canonical names fold
        self.plain_tensorflow: set[str] = set()  # local names bound to `tensorflow` itself
        # Local name -> what it was imported as, unfolded: `tf.keras` and standalone `keras`
        # differ where Keras 3 left names out (tf.keras.backend keeps `gradients`).
        self.origins: dict[str, str] = {}

    def add_import(self, node: cst.Import) -> None:
        """Record `import a.b as c` and `import a.b`."""
        for alias in node.names:
            full = dotted(alias.name)
            if full is None:
                continue
            self.legacy_keras = self.legacy_keras or full.split(".")[0] == "tf_keras"
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                self.aliases[alias.asname.name.value] = canonical(full)
                self.origins[alias.asname.name.value] = full
                if full == "tensorflow":
                    self.plain_tensorflow.add(alias.asname.name.value)
            else:
                if full == "tensorflow":
                    self.plain_tensorflow.add("tensorflow")
                head = full.split(".")[0]
                self.aliases[head] = head
                self.origins[head] = head

    def add_import_from(self, node: cst.ImportFrom) -> None:
        """Record `from a.b import c as d`."""
        if node.relative or node.module is None or isinstance(node.names, cst.ImportStar):
            return
        base = dotted(node.module)
        if base is None:
            return
        self.legacy_keras = self.legacy_keras or base.split(".")[0] == "tf_keras"
        for alias in node.names:
            if not isinstance(alias.name, cst.Name):
                continue
            local = alias.name.value
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                local = alias.asname.name.value
            self.aliases[local] = canonical(f"{base}.{alias.name.value}")
            self.origins[local] = f"{base}.{alias.name.value}"

    def resolve(self, node: cst.BaseExpression) -> str | None:
        """The canonical dotted name of an imported thing, or None if it is not one."""
        found = _through(node, self.aliases)
        if found is None:
            return None
        head, target, rest = found
        if head in self.plain_tensorflow and rest.split(".")[0] in _TF1_ONLY:
            return ABSENT_IN_TF2 + rest
        return canonical(f"{target}.{rest}" if rest else target)

    def origin(self, node: cst.BaseExpression) -> str | None:
        """The dotted name of an imported thing as spelled through its import, unfolded
        (`tensorflow.keras.backend.gradients`, not `keras.backend.gradients`)."""
        found = _through(node, self.origins)
        if found is None:
            return None
        _, target, rest = found
        return f"{target}.{rest}" if rest else target

    def imports_tensorflow(self) -> bool:
        """Does the module import TensorFlow (or Keras) at all?"""
        return any(v == "tensorflow" or v.startswith(("tensorflow.", "keras"))
                   for v in self.aliases.values())


def _through(node: cst.BaseExpression, table: dict[str, str]) -> tuple[str, str, str] | None:
    """(local head, what the head was imported as, the rest of the dotted name)."""
    found = dotted(node)
    if found is None:
        return None
    head, _, rest = found.partition(".")
    target = table.get(head)
    return None if target is None else (head, target, rest)
