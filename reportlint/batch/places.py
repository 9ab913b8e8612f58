"""Where an input lies: a local path, or a URL of any filesystem fsspec knows (``s3://…``,
``memory://…``, ``file://…``, chained ``zip::…``) when its package is installed.

The client walks a URL to a folder and lists the folder beside a page; whoever lints a job
(this process, a pool worker, a cluster worker) reads it here by its path or URL. fsspec
comes with Dask (``reportlint[dask]``) and is imported only when a URL is given.
"""

from __future__ import annotations

import errno
import os
import posixpath
import re
from pathlib import Path
from typing import IO, Any

from reportlint.errors import UsageError

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*(?:://|::.*://)")


def is_url(name: str | None) -> bool:
    """``scheme://…`` or a chained ``cache::scheme://…`` (``C:\\…`` is a path)."""
    return name is not None and _URL.match(name) is not None


def _fsspec() -> Any:
    try:
        import fsspec
    except ImportError:
        raise UsageError("URL inputs need fsspec: pip install 'reportlint[dask]'") from None
    return fsspec


def _filesystem(url: str) -> tuple[Any, str]:
    """The URL's filesystem and its path there; an unknown scheme or a filesystem whose
    package is missing (``s3://`` without s3fs) is a UsageError naming the URL."""
    try:
        fs, path = _fsspec().core.url_to_fs(url)
    except (ImportError, ValueError) as error:
        raise UsageError(f"{url}: {_first_line(error)}") from None
    return fs, str(path)


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def walk(url: str) -> list[str] | None:
    """The files under the folder ``url``, relative to it, sorted; None when ``url`` is a
    file. A URL that names nothing or a folder that cannot be listed is a UsageError."""
    fs, root = _filesystem(url)
    try:
        if fs.isfile(root):
            return None
        if not fs.isdir(root):
            raise UsageError(f"{url}: no such file or directory")
        found = fs.find(root)
    except UsageError:
        raise
    except Exception as error:  # OSError, or a remote store's own (credentials, network)
        raise UsageError(f"{url}: cannot list: {_first_line(error)}") from None
    stripped = root.rstrip("/")
    return sorted(str(p)[len(stripped):].lstrip("/") for p in found)


def joined(url: str, relative: str) -> str:
    """A file's URL below the folder ``url`` (``memory://in`` + ``a/b.pdf``)."""
    return f"{url}{'' if url.endswith('/') else '/'}{relative}"


def open_binary(path: str) -> IO[bytes]:
    """The file at a path or URL, open for reading bytes (OSError when it cannot be)."""
    if not is_url(path):
        return Path(path).open("rb")
    try:
        opened: IO[bytes] = _fsspec().open(path, "rb").open()
    except FileNotFoundError as error:  # some filesystems give only the path, no reason
        raise FileNotFoundError(errno.ENOENT, error.strerror or os.strerror(errno.ENOENT),
                                path) from None
    except OSError:
        raise
    except Exception as error:  # a remote store's own errors (permissions, network)
        raise OSError(_first_line(error)) from None
    return opened


def read_at(path: str, limit: int | None = None) -> bytes:
    """The bytes at a path or URL; with a limit, at most one byte past it."""
    with open_binary(path) as stream:
        return stream.read(-1 if limit is None else limit + 1)


def names_beside(path: str, shown: str) -> tuple[str, ...]:
    """The entries of the folder the file ``path`` is in, each spelled as a sibling of the
    name ``shown`` (what diagnostics call the file): what a page's attachment is looked up
    in. Empty when the folder cannot be listed."""
    folder = os.path.dirname(shown)
    try:
        entries = _entries(path)
    except (OSError, UsageError):
        return ()
    return tuple(sorted(os.path.join(folder, entry) for entry in entries))


def _entries(path: str) -> list[str]:
    if not is_url(path):
        return os.listdir(os.path.dirname(path) or ".")
    fs, inside = _filesystem(path)
    try:
        listed = fs.ls(posixpath.dirname(inside.rstrip("/")), detail=False)
    except (OSError, ValueError) as error:
        raise OSError(_first_line(error)) from None
    return [posixpath.basename(str(entry).rstrip("/")) for entry in listed]
