"""Loaded by tests/test_without_tensorflow.py: `import tensorflow` fails, as where it is absent."""
import importlib.abc
import sys


class _NoTensorFlow(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):  # type: ignore[no-untyped-def]
        if name == "tensorflow" or name.startswith("tensorflow.") or name == "keras":
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


sys.meta_path.insert(0, _NoTensorFlow())
