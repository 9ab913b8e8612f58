"""A loaded rule pack kept in the user's cache folder, keyed by a digest of what it was made
from, so that a run whose pack did not change skips reading and validating its YAML (and
importing the YAML library). As Lark caches its grammar.

The digest covers the pack folder's place and every file in it (names and bytes), the
Python version, and reportlint's own code (each module's size and modification time): a
change to any of them makes a new entry. A cache that cannot be read or written is passed
over: the pack is then loaded from its files, as without a cache.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
_PACKAGE = Path(__file__).resolve().parent.parent  # reportlint/


def cached_pack(folder: Path, load: Callable[[Path], T]) -> T:
    """``load(folder)``, or what it gave last time the same inputs were loaded."""
    entry = _entry(folder) if folder.is_dir() else None
    if entry is not None:
        try:
            with entry.open("rb") as stream:
                found: T = pickle.load(stream)
            return found
        except Exception:  # missing, partly written, or from an older reportlint
            pass
    pack = load(folder)
    if entry is not None:
        _store(entry, pack)
    return pack


def _entry(folder: Path) -> Path | None:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    cache = Path(base) / "reportlint"
    try:
        cache.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return cache / f"pack-{_digest(folder)}.pickle"


def _digest(folder: Path) -> str:
    digest = hashlib.sha256(f"{sys.version}\0{folder.resolve()}\0{code_signature()}\0".encode())
    for name, entry in _files(str(folder), ""):
        digest.update(f"{name}\0".encode())
        with open(entry.path, "rb") as stream:
            digest.update(stream.read())
    return digest.hexdigest()[:24]


@cache
def code_signature() -> str:
    """reportlint's own code, as Python's bytecode cache tells a changed module: each
    module's name, size and modification time (reading them all would cost more than the
    caches keyed by this save). Once per process."""
    digest = hashlib.sha256()
    for name, entry in _files(str(_PACKAGE), ".py"):
        stat = entry.stat()
        digest.update(f"{name}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def _files(top: str, suffix: str) -> list[tuple[str, os.DirEntry[str]]]:
    """Every file under ``top`` whose name ends so, by its path below ``top``, in order
    (plain ``os.scandir``: pathlib's walk costs more than the pack it would save)."""
    found: list[tuple[str, os.DirEntry[str]]] = []
    pending = [("", top)]
    while pending:
        prefix, folder = pending.pop()
        for entry in os.scandir(folder):
            name = prefix + entry.name
            if entry.is_dir():
                pending.append((name + "/", entry.path))
            elif entry.name.endswith(suffix):
                found.append((name, entry))
    return sorted(found, key=lambda item: item[0])


def _store(entry: Path, pack: object) -> None:
    """Written whole or not at all (another run may be reading the same entry)."""
    try:
        handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".pack-")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(pack, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, entry)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        Path(temporary).unlink(missing_ok=True)
