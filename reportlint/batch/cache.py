"""Results cached by content: ``.reportlint_cache/`` (like ruff's), one file per result.

The key hashes the file's bytes and everything else that can change its result: the name it
is reported under, what was kept of last year's report when it is paired with one (that
report's name and bytes' digest among it), reportlint's version and code (each module's size
and modification time: a development checkout changes without a new version), the contents
of every rule pack in use, the selection, the settings and the fail-on level in effect. A
changed file or rule therefore gets a new key and is linted again; stale entries are never
read (``reportlint clean`` removes them). The cache folder is the user's own, like the
reports it describes: its files are pickles written by reportlint.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

from reportlint import __version__
from reportlint.batch.jobs import Job, Outcome, Plan
from reportlint.check.packcache import code_signature
from reportlint.common.resources import builtin_rules_dir
from reportlint.config.resolve import Resolved

DEFAULT_DIR = ".reportlint_cache"
_FORMAT = "3"  # bump when Outcome changes shape


def _hash_files(files: Iterable[Path], root: Path) -> str:
    digest = hashlib.sha256()
    for path in files:
        digest.update(os.fsencode(path.relative_to(root).as_posix()) + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


@cache
def pack_fingerprint(folder: Path) -> str:
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return _hash_files(files, folder)


def key_of(job: Job, data: bytes, resolved: Resolved, plan: Plan) -> str:
    folders = (builtin_rules_dir(), *resolved.config.rules, *plan.overrides.rule_dirs)
    parts = [
        _FORMAT, __version__, code_signature(), job.name, str(job.explicit), str(plan.facts),
        str(plan.source),
        *(pack_fingerprint(Path(f).absolute()) for f in folders),
        repr(resolved.selection), repr(sorted(resolved.settings.options.items())),
        resolved.fail_on, hashlib.sha256(data).hexdigest(), *_previous(job),
    ]
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


def _previous(job: Job) -> tuple[str, ...]:
    """A paired result depends on last year's report too: on what was kept of it (its name,
    its bytes' digest, the cells and texts read from it under its own configuration)."""
    previous = job.previous
    if previous is None:
        return ()
    return ("previous", hashlib.sha256(repr(previous).encode("utf-8", "surrogateescape"))
            .hexdigest())


def _entry(cache_dir: str, key: str) -> Path:
    return Path(cache_dir) / key[:2] / f"{key[2:]}.pickle"


def _load(path: Path) -> Outcome | None:
    try:
        with path.open("rb") as stream:
            found = pickle.load(stream)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
        return None
    return found if isinstance(found, Outcome) else None


def prepare(cache_dir: str) -> None:
    """The folder with the marks that keep it out of backups and version control."""
    folder = Path(cache_dir)
    folder.mkdir(parents=True, exist_ok=True)
    tag = folder / "CACHEDIR.TAG"
    if not tag.exists():
        tag.write_text("Signature: 8a477f597d28d172789f06886806bc55\n"
                       "# reportlint's cache (https://bford.info/cachedir/)\n")
        (folder / ".gitignore").write_text("# created by reportlint\n*\n")


def _store(path: Path, outcome: Outcome) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(outcome, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)  # atomic: a parallel run never reads half a file
    except OSError:
        pass  # a read-only folder: the run goes on without caching


Compute = Callable[[Job, bytes, Resolved, Plan], Outcome]


def cached(job: Job, data: bytes, resolved: Resolved, plan: Plan, compute: Compute) -> Outcome:
    if plan.cache_dir is None:
        return compute(job, data, resolved, plan)
    entry = _entry(plan.cache_dir, key_of(job, data, resolved, plan))
    found = _load(entry)
    if found is None:
        found = compute(job, data, resolved, plan)
        _store(entry, found)
    return found


def clean(cache_dir: str) -> bool:
    """Remove the cache folder; False when there was none."""
    import shutil

    folder = Path(cache_dir)
    if not (folder / "CACHEDIR.TAG").exists():
        return False
    shutil.rmtree(folder)
    return True
