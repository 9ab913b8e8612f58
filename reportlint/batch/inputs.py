"""The inputs a reviewer receives: files, folders, zip archives, lists of paths, URLs.

A folder brings in every report file under it, and the report files inside the zip
archives it holds; a zip brings in its report files (nested folders too). Names in archives
made on Chinese Windows are GB18030 without the UTF-8 flag; they are decoded as such.
Files found this way are not ``explicit``: one that is not a report at all is skipped.
A URL (``s3://bucket/2024/``, see places.py) is walked as a folder or taken as one file.
"""

from __future__ import annotations

import os
import posixpath
import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path, PurePosixPath

from reportlint.batch.jobs import Job
from reportlint.batch.places import is_url, joined, open_binary, read_at, walk
from reportlint.check.articles import article_parts
from reportlint.errors import UsageError
from reportlint.read import READERS

_UTF8_FLAG = 0x800
ARCHIVES = (".zip",)


def _hidden(parts: Sequence[str]) -> bool:
    # ``~$报告.docx``: the lock file Word and WPS keep beside a document while it is open;
    # ``__MACOSX/``: the resource forks macOS adds to archives
    return (any(p.startswith(".") or p == "__MACOSX" for p in parts)
            or (bool(parts) and parts[-1].startswith("~$")))


def member_name(info: zipfile.ZipInfo) -> str:
    """The member's name as its author wrote it: without the UTF-8 flag, zipfile decodes
    the bytes as CP437, which turns GB18030 names into nonsense; decode them again."""
    if info.flag_bits & _UTF8_FLAG:
        return info.filename
    raw = info.filename.encode("cp437", errors="replace")
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return info.filename


def archive_jobs(archive: Path | str) -> Iterator[Job]:
    try:
        with open_binary(str(archive)) as stream, zipfile.ZipFile(stream) as opened:
            infos = opened.infolist()
    except (OSError, zipfile.BadZipFile) as error:
        raise UsageError(f"{archive}: not a readable zip archive ({error})") from None
    for info in infos:
        shown = member_name(info)
        parts = PurePosixPath(shown).parts
        if info.is_dir() or _hidden(parts) or PurePosixPath(shown).suffix.lower() not in READERS:
            continue
        yield Job(f"{archive}/{shown}", str(archive), member=info.filename, explicit=False)


def _folder_jobs(folder: Path) -> Iterator[Job]:
    """The report files under ``folder``; a sub-folder that cannot be listed is a job too,
    which fails to read: it is named on stderr and the run exits 2, the others checked."""
    locked: list[Path] = []
    found = [Path(top) / name for top, folders, files in
             os.walk(folder, onerror=lambda error: locked.append(Path(error.filename)))
             for name in files]
    yield from (Job(str(path), str(path), explicit=False) for path in locked)
    for path in sorted(found):
        if not path.is_file() or _hidden(path.relative_to(folder).parts):
            continue
        suffix = path.suffix.lower()
        if suffix in ARCHIVES:
            yield from archive_jobs(path)
        elif suffix in READERS:
            yield Job(str(path), str(path), explicit=False)


def _url_jobs(url: str, listed: bool) -> Iterator[Job]:
    """A URL to a file is one job; a URL to a folder, every report file under it."""
    try:
        found = walk(url)
    except UsageError:
        if not listed:
            raise
        found = None  # read as a file, which names what is wrong
    if found is None:
        yield from archive_jobs(url) if _is_archive(url) else (Job(url, url),)
        return
    for inside in found:
        name = joined(url, inside)
        if _hidden(PurePosixPath(inside).parts):
            continue
        if _is_archive(name):
            yield from archive_jobs(name)
        elif PurePosixPath(inside).suffix.lower() in READERS:
            yield Job(name, name, explicit=False)


def _is_archive(name: str) -> bool:
    return PurePosixPath(name).suffix.lower() in ARCHIVES


def jobs_for(name: str, listed: bool = False) -> Iterator[Job]:
    """The jobs one path argument names. A ``listed`` path (from ``--files-from``) that does
    not exist is still a job: it is named as unreadable and the others are checked."""
    if not name:  # Path("") is "." : ``reportlint check "$UNSET"`` must not lint the folder
        raise UsageError("'': no such file or directory")
    if is_url(name):
        yield from _url_jobs(name, listed)
        return
    path = Path(name)
    if path.is_dir():
        yield from _folder_jobs(path)
    elif path.suffix.lower() in ARCHIVES and path.is_file():
        yield from archive_jobs(path)
    elif path.exists() or listed:
        yield Job(name, name)
    else:
        raise UsageError(f"{name}: no such file or directory")


def listed_paths(text: str) -> list[str]:
    """``--files-from``: one path per line; blank lines are skipped."""
    return [line.rstrip("\r") for line in text.split("\n") if line.strip()]


def _key(job: Job) -> str:
    if is_url(job.path):
        return f"{job.path}\0{job.member or ''}"
    where = os.path.normpath(os.path.abspath(job.path or job.name))
    return f"{where}\0{job.member or ''}"


def collect(paths: Sequence[str], stdin: Job | None = None,
            listed: Sequence[str] = ()) -> list[Job]:
    """Every input once (``a.txt ./a.txt`` is one file), in the order output is written:
    by name. ``stdin`` stands for the argument ``-``; ``listed`` are ``--files-from``'s."""
    jobs: dict[str, Job] = {}
    for name in listed:
        for job in jobs_for(name, listed=True):
            jobs.setdefault(_key(job), job)
    for name in paths:
        if name == "-":
            if stdin is not None:
                jobs.setdefault("\0stdin", stdin)
            continue
        for job in jobs_for(name):
            jobs.setdefault(_key(job), job)
    return with_articles(sorted(jobs.values(), key=lambda job: job.name))


_PAGE = re.compile(r"\.s?html?$", re.IGNORECASE)


def with_articles(jobs: list[Job]) -> list[Job]:
    """The parts of each web article split over pages (``index.html``, ``index_1.html`` …)
    whose parts are all among ``jobs`` marked with the article's files."""
    names = [job.name for job in jobs if job.path is not None and job.member is None]
    known = set(names)
    articles: dict[str, tuple[str, ...]] = {}
    for name in names:
        if _PAGE.search(name) and _second_part(name) in known:
            try:
                parts = article_parts(name, read_at, names)
            except OSError:
                continue  # linted one by one, where the unreadable file is named
            found = tuple(parts or ())
            articles.update((part, found) for part in found)
    return [replace(job, article=articles[job.name]) if job.name in articles else job
            for job in jobs]


def _second_part(name: str) -> str:
    """``a/index.html`` → ``a/index_1.html`` (on the string: a URL's ``//`` stays)."""
    cut = max(name.rfind("/"), name.rfind(os.sep)) + 1
    stem, suffix = posixpath.splitext(name[cut:])
    return f"{name[:cut]}{stem}_1{suffix}"
