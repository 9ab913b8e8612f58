"""Paths as CI systems want them: relative to a base folder, or a file:// URI.

A report's path is as the user gave it: relative to the working directory (``cwd``), or
absolute. The base folder is usually the working directory too, but inside GitHub Actions it
is the checkout (the workspace), which may be above it.
"""

from __future__ import annotations

import os.path
import posixpath
from functools import lru_cache
from pathlib import PurePath
from urllib.parse import quote

from reportlint.common.names import name_bytes, printable

SRCROOT = "%SRCROOT%"


def _anchored(path: str, cwd: str) -> PurePath:
    pure = PurePath(path)
    if not pure.is_absolute() and cwd:
        pure = PurePath(cwd) / pure
    # normpath is string work only: ``..`` is folded without looking at the disk.
    return PurePath(os.path.normpath(pure)) if pure.is_absolute() else pure


@lru_cache(maxsize=1024)  # a file's many diagnostics ask for the same path
def _relative(path: str, base_dir: str, cwd: str) -> str | None:
    """``path`` relative to ``base_dir`` in POSIX form, or None when it lies outside."""
    pure = _anchored(path, cwd or base_dir)
    if pure.is_absolute():
        if not base_dir:
            return None
        try:
            pure = pure.relative_to(PurePath(base_dir))
        except ValueError:
            return None
    relative = posixpath.normpath(pure.as_posix())
    if relative == ".." or relative.startswith("../"):
        return None
    return relative


def display_path(path: str, base_dir: str, cwd: str = "") -> str:
    """A path to print for a file: relative when it lies under ``base_dir``."""
    relative = _relative(path, base_dir, cwd)
    shown = relative if relative is not None else str(_anchored(path, cwd or base_dir))
    return printable(shown)


def artifact_location(path: str, base_dir: str, cwd: str = "") -> dict[str, str]:
    """A SARIF ``artifactLocation``: a percent-encoded URI relative to ``%SRCROOT%`` when the
    file lies under the base folder (what code scanning resolves against the checkout),
    otherwise an absolute ``file://`` URI."""
    relative = _relative(path, base_dir, cwd)
    if relative is not None:
        # the bytes on disk, percent-encoded (a name that is not UTF-8 keeps its bytes)
        location = {"uri": quote(name_bytes(relative), safe="/")}
        if base_dir:
            location["uriBaseId"] = SRCROOT
        return location
    absolute = _anchored(path, cwd or base_dir)
    if absolute.is_absolute():
        return {"uri": absolute.as_uri()}
    return {"uri": quote(name_bytes(absolute.as_posix()), safe="/")}


def base_uri(base_dir: str) -> str:
    """The ``file://`` URI of the base folder, with the trailing slash SARIF requires."""
    uri = PurePath(base_dir).as_uri()
    return uri if uri.endswith("/") else uri + "/"
