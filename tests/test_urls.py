"""Inputs given as fsspec URLs (``memory://``, ``file://``; ``s3://`` and the like where
their package is installed): a URL to a folder is walked as a folder is, a URL to a file is
one input, and the output is the local run's with the URL in place of the path. A URL
fsspec cannot serve is one line and exit 2."""

from __future__ import annotations

import shutil
import sys
import uuid
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from clirun import BROKEN, EXAMPLE, ROOT, Result, run, write

fsspec = pytest.importorskip("fsspec", reason="URL inputs need fsspec (the dask extra)")

DOCUMENTS = ROOT / "fixtures" / "documents"
PAGES = DOCUMENTS / "pages"


def reports_with_an_attachment_page(folder: Path) -> Path:
    """Text, PDF and DOCX reports, a zip, a split web article, and a page whose report is
    the PDF saved beside it (the issue 22 fixtures)."""
    write(folder, {"县/clean.txt": EXAMPLE, "broken.txt": BROKEN})
    shutil.copy(DOCUMENTS / "example.pdf", folder / "r.pdf")
    shutil.copy(DOCUMENTS / "example.docx", folder / "r.docx")
    shutil.copytree(PAGES / "utf8" / "article", folder / "article")
    (folder / "site").mkdir()
    shutil.copy(PAGES / "attachment.html", folder / "site" / "index.html")
    shutil.copy(DOCUMENTS / "example.pdf", folder / "site" / "P020210129385201.pdf")
    with zipfile.ZipFile(folder / "batch.zip", "w") as archive:
        archive.writestr("部门/broken.txt", BROKEN)
    return folder


@pytest.fixture
def memory_root() -> Iterator[str]:
    """A folder of fsspec's in-memory filesystem of this test's own, removed afterwards."""
    root = f"memory://{uuid.uuid4().hex}"
    yield root
    memory = fsspec.filesystem("memory")
    if memory.exists(root):
        memory.rm(root, recursive=True)


def _upload(folder: Path, url: str) -> None:
    memory = fsspec.filesystem("memory")
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            memory.pipe(f"{url}/{path.relative_to(folder).as_posix()}", path.read_bytes())


def _as_local(result: Result, prefix: str) -> Result:
    return Result(result.code, result.out.replace(prefix, ""), result.err.replace(prefix, ""))


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_memory_folder_is_linted_as_the_same_folder_on_disk(
        tmp_path: Path, memory_root: str, jobs: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    folder = reports_with_an_attachment_page(tmp_path / "in")
    _upload(folder, f"{memory_root}/in")
    options = ["check", "--no-cache", "--format", "jsonl", "-j", jobs]
    local = run([*options, "in"], tmp_path, monkeypatch, capsys)
    remote = run([*options, f"{memory_root}/in/"], tmp_path, monkeypatch, capsys)
    assert _as_local(remote, f"{memory_root}/") == local
    assert local.code == 1 and '"path": "in/batch.zip/部门/broken.txt"' in local.out
    assert f"该文件已随本页保存为 {memory_root}/in/site/P020210129385201.pdf" in remote.out


def test_a_file_url_to_one_file_is_that_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, {"broken.txt": BROKEN})
    url = (tmp_path / "broken.txt").as_uri()
    local = run(["check", "--no-cache", "--format", "jsonl", "broken.txt"], tmp_path,
                monkeypatch, capsys)
    remote = run(["check", "--no-cache", "--format", "jsonl", url], tmp_path,
                 monkeypatch, capsys)
    assert remote.code == local.code == 1
    assert remote.out == local.out.replace('"path": "broken.txt"', f'"path": "{url}"')


def test_export_of_a_memory_folder_has_the_rows_of_the_folder_on_disk(
        tmp_path: Path, memory_root: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    folder = reports_with_an_attachment_page(tmp_path / "in")
    _upload(folder, f"{memory_root}/in")
    local = run(["export", "-j", "1", "in"], tmp_path, monkeypatch, capsys)
    remote = run(["export", "-j", "1", f"{memory_root}/in"], tmp_path, monkeypatch, capsys)
    assert local.code == 0 and local.out.count("\n") > 100
    assert _as_local(remote, f"{memory_root}/") == local


@pytest.mark.parametrize("url", ["nosuch://bucket/reports", "memory://nothing-here/at-all"])
def test_a_url_that_cannot_be_served_is_one_line_and_exit_2(
        url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    done = run(["check", url], tmp_path, monkeypatch, capsys)
    assert done.code == 2 and done.out == ""
    assert done.err.count("\n") == 1 and url in done.err


def test_a_url_without_its_filesystem_package_names_the_package(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    try:
        import s3fs  # noqa: F401
    except ImportError:
        pass
    else:
        pytest.skip("s3fs is installed here")
    done = run(["check", "s3://bucket/reports/"], tmp_path, monkeypatch, capsys)
    assert done.code == 2 and done.err.count("\n") == 1 and "s3fs" in done.err


def test_without_fsspec_a_url_is_one_line_naming_the_extra(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "fsspec", None)  # import fsspec fails
    done = run(["check", "memory://reports/a.txt"], tmp_path, monkeypatch, capsys)
    assert done.code == 2 and done.out == ""
    assert done.err.count("\n") == 1 and "reportlint[dask]" in done.err


def test_a_listed_url_that_names_nothing_is_unreadable_and_the_others_are_checked(
        tmp_path: Path, memory_root: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, {"broken.txt": BROKEN, "list.txt": f"{memory_root}/nope.txt\nbroken.txt\n"})
    done = run(["check", "--no-cache", "--format", "jsonl", "--files-from", "list.txt"],
               tmp_path, monkeypatch, capsys)
    assert done.code == 2 and '"path": "broken.txt"' in done.out
    assert done.err.count("\n") == 1 and f"{memory_root}/nope.txt" in done.err


def test_the_review_of_a_memory_folder_has_the_rows_of_the_folder_on_disk(
        tmp_path: Path, memory_root: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    folder = reports_with_an_attachment_page(tmp_path / "in")
    _upload(folder, f"{memory_root}/in")
    local = run(["report", "--no-cache", "-j", "1", "-o", "one", "in"], tmp_path,
                monkeypatch, capsys)
    remote = run(["report", "--no-cache", "-j", "1", "-o", "many", f"{memory_root}/in"],
                 tmp_path, monkeypatch, capsys)
    assert (local.code, remote.code) == (0, 0)
    rows = (tmp_path / "one" / "summary.csv").read_text(encoding="utf-8-sig")
    remote_rows = (tmp_path / "many" / "summary.csv").read_text(encoding="utf-8-sig")
    assert rows.count("\n") == 10 and remote_rows.replace(f"{memory_root}/", "") == rows
