"""Paths as CI systems want them: relative to the working directory, or a file:// URI."""

from __future__ import annotations

import posixpath
from pathlib import PurePath
from urllib.parse import quote

SRCROOT = "%SRCROOT%"


def _relative(path: str, base_dir: str) -> str | None:
    """``path`` relative to ``base_dir`` in POSIX form, or None when it lies outside."""
    pure = PurePath(path)
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


def _absolute(path: str, base_dir: str) -> PurePath:
    pure = PurePath(path)
    return pure if pure.is_absolute() or not base_dir else PurePath(base_dir) / pure


def display_path(path: str, base_dir: str) -> str:
    """A path to print for a file: relative when it lies under ``base_dir``."""
    relative = _relative(path, base_dir)
    return relative if relative is not None else str(_absolute(path, base_dir))


def artifact_location(path: str, base_dir: str) -> dict[str, str]:
    """A SARIF ``artifactLocation``: a percent-encoded URI relative to ``%SRCROOT%`` when the
    file lies under the base folder (what code scanning resolves against the checkout),
    otherwise an absolute ``file://`` URI."""
    relative = _relative(path, base_dir)
    if relative is not None:
        location = {"uri": quote(relative, safe="/")}
        if base_dir:
            location["uriBaseId"] = SRCROOT
        return location
    absolute = _absolute(path, base_dir)
    if absolute.is_absolute():
        return {"uri": absolute.as_uri()}
    return {"uri": quote(absolute.as_posix(), safe="/")}


def base_uri(base_dir: str) -> str:
    """The ``file://`` URI of the base folder, with the trailing slash SARIF requires."""
    uri = PurePath(base_dir).as_uri()
    return uri if uri.endswith("/") else uri + "/"
