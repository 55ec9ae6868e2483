"""`tflint-grad server`: a Language Server over stdio (needs the `lsp` extra, i.e. pygls)."""
from __future__ import annotations

import argparse
import importlib.util
import sys
from collections.abc import Sequence

INSTALL_HINT = "tflint-grad server needs pygls: pip install 'tflint-grad[lsp]'"
DEFAULT_DEBOUNCE = 0.15  # seconds of quiet after an edit before it is linted


def build_parser() -> argparse.ArgumentParser:
    """The arguments of `tflint-grad server`."""
    p = argparse.ArgumentParser(
        prog="tflint-grad server",
        description="Run the tflint-grad language server on stdin/stdout. The configuration "
                    "is [tool.tflint-grad] in the pyproject.toml nearest each document.")
    p.add_argument("--stdio", action="store_true",
                   help="talk over stdin/stdout (the default and only transport)")
    p.add_argument("--debounce", type=float, default=DEFAULT_DEBOUNCE, metavar="SECONDS",
                   help=f"wait this long after an edit before linting (default "
                        f"{DEFAULT_DEBOUNCE})")
    return p


def serve(argv: Sequence[str] = ()) -> int:
    """Run the language server until the client says exit; 2 if pygls is not installed."""
    args = build_parser().parse_args(list(argv))
    if args.debounce < 0:
        print(f"tflint-grad server: --debounce must be 0 or more, got {args.debounce}",
              file=sys.stderr)
        return 2
    if importlib.util.find_spec("pygls") is None or importlib.util.find_spec("lsprotocol") is None:
        print(INSTALL_HINT, file=sys.stderr)
        return 2
    from tflint_grad.server.lsp import build

    build(args.debounce).start_io()
    return 0
