"""The files under a folder argument, and the sub-folders that could not be read."""

from __future__ import annotations

import os
from pathlib import Path


def walk_files(folder: Path, unreadable: list[str]) -> list[Path]:
    """Every file under ``folder`` (symbolic links to folders are not followed), sorted; a
    sub-folder that cannot be listed is appended to ``unreadable`` as one line, and the
    walk goes on."""

    def failed(error: OSError) -> None:
        unreadable.append(f"{error.filename}: cannot read folder: {error.strerror}")

    found: list[Path] = []
    for top, folders, files in os.walk(folder, onerror=failed):
        base = Path(top)
        found.extend(base / name for name in files)
        found.extend(base / name for name in folders)  # kept for the same order as before
    return sorted(found)
