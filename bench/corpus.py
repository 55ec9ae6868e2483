"""The benchmark corpus: where it lives, how it is fetched, and deterministic subsets of it.

The corpus is 16 pinned PyPI packages of real TensorFlow code, unpacked by the shared `fetch`
script into `.corpus/src/<package>/...` (gitignored: their code is never committed here).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO / ".corpus"
# The shared fetch script sits beside the checkout; CORPUS_FETCH points elsewhere if it moved.
FETCH = Path(os.environ.get("CORPUS_FETCH", REPO.parent / "shared" / "corpus" / "fetch"))


def ensure_corpus(corpus: Path = DEFAULT_CORPUS) -> Path:
    """Fetch whatever packages are missing (the script is idempotent) and return `corpus/src`."""
    src = corpus / "src"
    if not FETCH.exists():
        if any(src.glob("*/**/*.py")):
            return src  # offline with a complete corpus: nothing to do
        raise FileNotFoundError(f"no corpus in {src} and no fetch script at {FETCH}")
    # Packages already unpacked are skipped without touching the network.
    # Its report goes to stderr: stdout carries the benchmark's table.
    subprocess.run([str(FETCH), str(corpus)], check=True, stdout=sys.stderr)
    return src


def python_files(src: Path) -> list[Path]:
    """Every .py file under `src`, in a stable order (by relative POSIX path)."""
    return sorted(src.rglob("*.py"), key=lambda p: p.relative_to(src).as_posix())


def every_kth(files: list[Path], k: int) -> list[Path]:
    """A deterministic 1/k sample that spreads over all packages: every k-th file in order."""
    return files[::k]


def copy_subset(files: list[Path], src: Path, dest: Path) -> Path:
    """Copy `files` (all under `src`) into `dest`, keeping their relative paths; return `dest`."""
    for path in files:
        target = dest / path.relative_to(src)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    return dest


def count_lines(files: list[Path]) -> int:
    """Newline count over `files`, as `wc -l` counts."""
    return sum(path.read_bytes().count(b"\n") for path in files)
