"""Atomic writes that keep a file's mode, encoding (BOM included) and line endings."""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> str | None:
    """Write through a temporary file in the same folder and os.replace; None, or the error."""
    target = Path(os.path.realpath(path))  # replace the file a symlink points to, not the link
    try:
        mode: int | None = stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mode = None  # a new file: the permissions an ordinary open() would give it
    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.",
                                             suffix=".tmp")
    except OSError as exc:
        return f"cannot write {path}: {exc.strerror or exc}"
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode if mode is not None else 0o666 & ~_umask())
        os.replace(temporary, target)
    except OSError as exc:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        return f"cannot write {path}: {exc.strerror or exc}"
    return None


def write_source(path: Path, text: str, encoding: str) -> str | None:
    """Encode `text` as it was read ('utf-8-sig' writes the BOM back) and write it atomically."""
    try:
        data = text.encode(encoding)
    except (UnicodeEncodeError, LookupError) as exc:
        return f"cannot write {path}: the fixed text cannot be encoded as {encoding}: {exc}"
    return write_atomic(path, data)


def _umask() -> int:
    current = os.umask(0o22)
    os.umask(current)
    return current
