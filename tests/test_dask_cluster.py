"""A batch on a real Dask cluster on localhost (``dask scheduler`` and two ``dask worker``
processes started here): the same output as ``-j 1``, also when a worker is killed during
the run; an unreachable scheduler is one line and exit 2."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from clirun import BROKEN, EXAMPLE, WARNING_ONLY, write

pytest.importorskip("distributed", reason="the cluster tests need the dask extra")

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = ROOT / "fixtures" / "documents"
DASK = [sys.executable, "-m", "distributed.cli.dask_scheduler"]
START_SECONDS = 60
ATTACHMENT = "P020210129385201.pdf"  # the file attachment.html links to
QUIET = {"DASK_DISTRIBUTED__LOGGING__DISTRIBUTED": "error"}


@dataclass
class Cluster:
    address: str
    scheduler: subprocess.Popen[bytes]
    workers: list[subprocess.Popen[bytes]]

    def stop(self) -> None:
        """Killed outright: a worker's orderly shutdown takes seconds and tests nothing."""
        for process in (*self.workers, self.scheduler):
            if process.poll() is None:
                process.kill()
            process.wait()


def _env() -> dict[str, str]:
    return {**os.environ, **QUIET}


def _start(root: Path, workers: int = 2) -> Cluster:
    """A scheduler on a free port and ``workers`` one-thread workers without a nanny (a
    killed worker stays dead), each in its own working folder: paths must not depend on
    the client's."""
    root.mkdir(parents=True, exist_ok=True)
    info = root / "scheduler.json"
    scheduler = subprocess.Popen(
        [*DASK, "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
         "--scheduler-file", str(info)], env=_env(), cwd=root,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    started = []
    for index in range(workers):
        folder = root / f"worker{index}"
        folder.mkdir(exist_ok=True)
        started.append(subprocess.Popen(
            [sys.executable, "-m", "distributed.cli.dask_worker", "--scheduler-file",
             str(info), "--nthreads", "1", "--no-nanny", "--no-dashboard",
             "--local-directory", str(folder)],
            env=_env(), cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    cluster = Cluster("", scheduler, started)
    cluster.address = _wait_for(info, workers, cluster)
    return cluster


def _wait_for(info: Path, workers: int, cluster: Cluster) -> str:
    from distributed import Client

    deadline = time.monotonic() + START_SECONDS
    while not info.exists():
        if time.monotonic() > deadline or cluster.scheduler.poll() is not None:
            cluster.stop()
            pytest.fail("the Dask scheduler did not start")
        time.sleep(0.1)
    with Client(scheduler_file=str(info)) as client:
        client.wait_for_workers(workers, timeout=START_SECONDS)
        return str(client.scheduler.address)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    started = _start(tmp_path_factory.mktemp("cluster"))
    yield started
    started.stop()


def _reports(root: Path, copies: int = 1) -> Path:
    """Text, Markdown, PDF, HTML and DOCX reports, some with findings, nested, a web
    article split over pages, a page whose report is the PDF saved beside it (its E006
    names that file: the worker must see the page's folder as the client does), and the
    issuer's report of the year before, carrying requests forward that the others do not
    take over (Y801: the pairs are read on the workers)."""
    folder = root / "in"
    carried = "四、结转下年度继续办理\n\t"
    last_year = EXAMPLE.replace(f"{carried}0", f"{carried}2", 1)
    for this, last in (("2020年政府信息公开", "2019年政府信息公开"),
                       ("自2020年1月1日起至2020年", "自2019年1月1日起至2019年")):
        last_year = last_year.replace(this, last, 1)
    write(folder, {"去年/2019.txt": last_year})
    shutil.copytree(DOCUMENTS / "pages" / "utf8" / "article", folder / "article")
    (folder / "site").mkdir()
    shutil.copy(DOCUMENTS / "pages" / "attachment.html", folder / "site" / "index.html")
    shutil.copy(DOCUMENTS / "example.pdf", folder / "site" / ATTACHMENT)
    for index in range(copies):
        write(folder, {f"{index}/县/clean.txt": EXAMPLE, f"{index}/部门/warning.md": WARNING_ONLY,
                       f"{index}/broken.txt": BROKEN})
        for suffix in ("pdf", "html", "docx"):
            shutil.copy(DOCUMENTS / f"example.{suffix}", folder / str(index) / f"r.{suffix}")
    return folder


@dataclass(frozen=True)
class Done:
    code: int
    out: str
    err: str


def _reportlint(args: list[str], cwd: Path, **env: str) -> Done:
    done = subprocess.run([sys.executable, "-m", "reportlint", *args], cwd=cwd,
                          capture_output=True, text=True, env={**_env(), **env},
                          timeout=300, check=False)
    return Done(done.returncode, done.stdout, done.stderr)


def _check(cwd: Path, *options: str) -> Done:
    return _reportlint(["check", "--no-cache", "--format", "jsonl", *options, "in"], cwd)


def _folder_bytes(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("ship", [(), ("--ship-bytes",)], ids=["by-path", "ship-bytes"])
def test_check_on_a_cluster_is_identical_to_one_job(
        cluster: Cluster, tmp_path: Path, ship: tuple[str, ...]) -> None:
    _reports(tmp_path)
    alone = _check(tmp_path, "-j", "1")
    spread = _check(tmp_path, "--scheduler", cluster.address, *ship)
    assert spread == alone
    assert alone.code == 1 and alone.out.count("\n") > 5
    assert f"该文件已随本页保存为 in/site/{ATTACHMENT}" in alone.out
    assert '"code": "Y801"' in alone.out and "in/去年/2019.txt" in alone.out


@pytest.mark.parametrize("ship", [(), ("--ship-bytes",)], ids=["by-url", "ship-bytes"])
def test_a_file_url_on_a_cluster_is_identical_to_one_job(
        cluster: Cluster, tmp_path: Path, ship: tuple[str, ...]) -> None:
    url = _reports(tmp_path).as_uri()
    alone = _reportlint(["check", "--no-cache", "--format", "jsonl", "-j", "1", url], tmp_path)
    spread = _reportlint(["check", "--no-cache", "--format", "jsonl", "--scheduler",
                          cluster.address, *ship, url], tmp_path)
    assert spread == alone
    assert f"该文件已随本页保存为 {url}/site/{ATTACHMENT}" in alone.out
    assert alone.out.replace(f"{url}/", "in/") == _check(tmp_path, "-j", "1").out


def test_export_on_a_cluster_is_identical_to_one_job(cluster: Cluster, tmp_path: Path) -> None:
    _reports(tmp_path)
    alone = _reportlint(["export", "-j", "1", "in"], tmp_path)
    spread = _reportlint(["export", "--scheduler", cluster.address, "in"], tmp_path)
    assert alone.code == 0 and alone.out.count("\n") > 100
    assert spread == alone


def test_report_on_a_cluster_writes_the_same_folder(cluster: Cluster, tmp_path: Path) -> None:
    _reports(tmp_path)
    alone = _reportlint(["report", "--no-cache", "-j", "1", "-o", "one", "in"], tmp_path)
    spread = _reportlint(["report", "--no-cache", "--scheduler", cluster.address, "-o", "many",
                          "in"], tmp_path)
    assert (alone.code, spread.code) == (0, 0)
    one, many = _folder_bytes(tmp_path / "one"), _folder_bytes(tmp_path / "many")
    assert "summary.csv" in one and many == one


def test_a_worker_killed_during_the_run_loses_no_file(tmp_path: Path) -> None:
    from distributed import Client

    _reports(tmp_path, copies=3)
    alone = _check(tmp_path, "-j", "1")
    cluster = _start(tmp_path / "cluster")
    try:
        run = subprocess.Popen(
            [sys.executable, "-m", "reportlint", "check", "--no-cache", "--format", "jsonl",
             "--scheduler", cluster.address, "in"], cwd=tmp_path, env=_env(),
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        with Client(cluster.address) as watcher:
            victim = _busy_worker(watcher, cluster)
        assert run.poll() is None, "the run ended before a worker could be killed"
        os.kill(victim.pid, signal.SIGKILL)
        out, err = run.communicate(timeout=300)
    finally:
        cluster.stop()
    assert Done(run.returncode, out, err) == alone


def _busy_worker(watcher: object, cluster: Cluster) -> subprocess.Popen[bytes]:
    """The first worker seen working on a file."""
    pids = {process.pid: process for process in cluster.workers}
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        processing = watcher.processing()  # type: ignore[attr-defined]
        busy = [address for address, tasks in processing.items() if tasks]
        if busy:
            pid = watcher.run(os.getpid, workers=busy[:1])[busy[0]]  # type: ignore[attr-defined]
            return pids[pid]
        time.sleep(0.02)
    pytest.fail("no worker got any work")


def test_an_unreachable_scheduler_is_one_line_and_exit_2(tmp_path: Path) -> None:
    _reports(tmp_path)
    done = _reportlint(["check", "--scheduler", "tcp://127.0.0.1:1", "in"], tmp_path,
                       DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT="1s")
    assert done.code == 2 and done.out == ""
    assert done.err.count("\n") == 1 and "tcp://127.0.0.1:1" in done.err


def test_a_local_cluster_gives_the_same_output(tmp_path: Path) -> None:
    _reports(tmp_path)
    assert _check(tmp_path, "--scheduler", "local", "-j", "1") == _check(tmp_path, "-j", "1")


def test_a_local_cluster_reads_a_file_url_and_exports_the_same_rows(tmp_path: Path) -> None:
    url = _reports(tmp_path).as_uri()
    alone = _reportlint(["export", "-j", "1", url], tmp_path)
    assert alone.code == 0 and url in alone.out
    assert _reportlint(["export", "--scheduler", "local", "-j", "1", url], tmp_path) == alone


def test_a_page_shipped_to_a_worker_names_its_attachment_without_its_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What the client ships with --ship-bytes is enough: the worker (here, after the
    folder is gone) names the attachment as a run on the client does."""
    from reportlint.batch.cluster import for_workers
    from reportlint.batch.inputs import collect
    from reportlint.batch.jobs import Plan
    from reportlint.batch.work import run_job
    from reportlint.config.resolve import Overrides

    _reports(tmp_path)
    monkeypatch.chdir(tmp_path)
    page = next(job for job in collect(["in"]) if job.name.endswith("index.html")
                and "site" in job.name)
    here = run_job(page, Plan(Overrides()))
    shipped = for_workers(page, ship_bytes=True)
    shutil.rmtree(tmp_path / "in")
    there = run_job(shipped, Plan(Overrides()))
    assert shipped.data is not None and there == here
    assert f"该文件已随本页保存为 in/site/{ATTACHMENT}" in there.report.diagnostics[0].message


def test_a_file_over_its_budget_is_e003_on_the_cluster_as_here(
        cluster: Cluster, tmp_path: Path) -> None:
    folder = _reports(tmp_path)
    (folder / "reportlint.toml").write_text("max-bytes = 1000\n", encoding="utf-8")
    alone = _check(tmp_path, "-j", "1")
    assert '"code": "E003"' in alone.out
    assert _check(tmp_path, "--scheduler", cluster.address) == alone


def test_reports_are_paired_across_years_on_a_cluster_as_here(
        cluster: Cluster, tmp_path: Path) -> None:
    """The facts first (on the workers), then each report with what was kept of last
    year's: 2019 is the example made a 2019 report carrying 2 requests forward (Y801)."""
    last = (EXAMPLE.replace("2020年政府信息公开工作年度报告", "2019年政府信息公开工作年度报告", 1)
            .replace("自2020年1月1日起至2020年12月31日止", "自2019年1月1日起至2019年12月31日止", 1)
            .replace("四、结转下年度继续办理\n\t0", "四、结转下年度继续办理\n\t2", 1))
    write(tmp_path / "in", {"2019.txt": last, "2020.txt": EXAMPLE})
    alone = _check(tmp_path, "-j", "1")
    spread = _check(tmp_path, "--scheduler", cluster.address)
    assert spread == alone
    assert '"code": "Y801"' in alone.out and '"path": "in/2019.txt"' in alone.out
