"""Command line: options -> run -> exit code. (Minimal; the full CLI replaces this.)"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from tflint_grad.api import lint_source


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tflint-grad")
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--format", default="text", choices=["text", "json"])
    args = parser.parse_args(argv)
    files: list[Path] = []
    for p in map(Path, args.paths):
        files.extend(sorted(p.rglob("*.py")) if p.is_dir() else [p])
    diags = []
    for f in files:
        result = lint_source(f.read_text(encoding="utf-8"), str(f))
        diags.extend(result.diagnostics)
    if args.format == "json":
        print(json.dumps([asdict(d) for d in diags], indent=2))
    else:
        for d in diags:
            print(f"{d.path}:{d.line}:{d.column}: {d.message}")
    return 1 if diags else 0
