"""A Dask cluster as one more executor: the per-file work (``work.run_job``) runs on the
workers of a scheduler, results come back in the items' order like the local pool's.

Dask is an extra (``reportlint[dask]``), imported only when a cluster is asked for. The
scheduler keeps a lost worker's tasks and runs them elsewhere (up to its
``distributed.scheduler.allowed-failures``, 3 by default), so a killed worker loses no
file; the window bounds what is in flight, so memory stays flat on the client too.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any, TypeVar, cast

from reportlint.batch.jobs import Job, Plan
from reportlint.batch.places import is_url, names_beside
from reportlint.batch.work import Unreadable, forget, job_bytes
from reportlint.check.attachments import PAGE_SUFFIXES
from reportlint.config.resolve import Overrides
from reportlint.errors import UsageError
from reportlint.read.limits import Limits

T = TypeVar("T")
R = TypeVar("R")

LOCAL = "local"
SHIP_LIMIT = Limits().max_bytes  # the most --ship-bytes holds of one file
WINDOW_PER_WORKER = 8


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise UsageError("--scheduler needs Dask: pip install 'reportlint[dask]'") from None
    return distributed


def connect(address: str, workers: int | None) -> Any:
    """A client of the scheduler at ``address`` (``local``: a cluster of ``workers``
    processes on this machine); a scheduler that cannot be reached is a UsageError."""
    distributed = _distributed()
    if address == LOCAL:
        cluster = distributed.LocalCluster(n_workers=workers or os.cpu_count() or 1,
                                           threads_per_worker=1, processes=True,
                                           dashboard_address=":0")
        return distributed.Client(cluster)
    try:
        # how long to try: Dask's distributed.comm.timeouts.connect (30 s unless set)
        return distributed.Client(address)
    except (OSError, TimeoutError, ValueError) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise UsageError(f"{address}: cannot reach the Dask scheduler: {reason}") from None


class DaskCluster:
    """``--scheduler``: the items go to the cluster's workers, ``window`` per worker in
    flight; the results are yielded in the items' order."""

    def __init__(self, address: str, workers: int | None = None,
                 ship_bytes: bool = False) -> None:
        self.address = address
        self.workers = workers
        self.ship_bytes = ship_bytes
        self.listings: dict[tuple[str, str], tuple[str, ...]] = {}

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        client = connect(self.address, self.workers)
        try:
            client.run(forget)  # long-lived workers: read configuration and packs afresh
            sent = (self._prepared(item) for item in items)
            yield from _ordered(client, fn, sent, _window(client))
        finally:
            cluster = client.cluster if self.address == LOCAL else None
            client.close()
            if cluster is not None:
                cluster.close()


    def _prepared(self, item: T) -> T:
        if isinstance(item, Job):
            return cast(T, for_workers(item, self.ship_bytes, self.listings))
        return item


def _window(client: Any) -> int:
    return max(1, len(client.scheduler_info().get("workers", {}))) * WINDOW_PER_WORKER


def _ordered(client: Any, fn: Callable[[T], R], items: Iterable[T],
             window: int) -> Iterator[R]:
    pending: deque[Any] = deque()
    source = iter(items)
    for item in source:
        pending.append(_submit(client, fn, item))
        if len(pending) >= window:
            break
    while pending:
        result: R = pending.popleft().result()
        for item in source:
            pending.append(_submit(client, fn, item))
            break
        yield result


@dataclass(frozen=True)
class _Done:
    value: Any

    def result(self) -> Any:
        return self.value


def _submit(client: Any, fn: Callable[[T], R], item: T) -> Any:
    """A part of a web article split over pages reads its sibling pages by the names the
    client was given: it is linted here (such articles are rare)."""
    if isinstance(item, Job) and item.article:
        return _Done(fn(item))
    return client.submit(fn, item, pure=False)


def for_workers(job: Job, ship_bytes: bool,
                listings: dict[tuple[str, str], tuple[str, ...]] | None = None) -> Job:
    """The job as a worker on another machine needs it: its path absolute and where its
    configuration is found (the worker's working folder is not the client's; the name
    shown stays as given), a page with the files beside it as listed here, and with
    ``ship_bytes`` its bytes read here (a file the client cannot read is left for the
    worker, which reports it as usual). ``listings``: the folders listed so far."""
    config_from = str(job.config_path.absolute())
    if job.path is None:
        return replace(job, config_from=config_from)
    path = job.path if is_url(job.path) else os.path.abspath(job.path)
    absolute = replace(job, path=path, config_from=config_from,
                       beside=_beside(job, {} if listings is None else listings))
    if job.data is not None or not ship_bytes or job.article:  # articles: on the client
        return absolute
    try:
        data = job_bytes(absolute, SHIP_LIMIT)
    except Unreadable:
        return absolute
    # larger than the default size cap: not held here; the worker reads it (or says it cannot)
    return absolute if len(data) > SHIP_LIMIT else replace(absolute, data=data)


def _beside(job: Job, listings: dict[tuple[str, str], tuple[str, ...]]
            ) -> tuple[str, ...] | None:
    """A page's neighbours, listed once per folder (each page's job carries them: a folder
    of n pages among m files sends n×m names, cheap beside the pages themselves)."""
    if job.path is None or job.member is not None or not job.name.lower().endswith(
            PAGE_SUFFIXES):
        return job.beside
    key = (os.path.dirname(job.path), os.path.dirname(job.name))
    if key not in listings:
        listings[key] = names_beside(job.path, job.name)
    return listings[key]


def plan_for_workers(plan: Plan) -> Plan:
    """The cache folder absolute too (on a shared file system every worker shares it), and
    the rule folders and configuration file of the command line."""
    cache_dir = None if plan.cache_dir is None else os.path.abspath(plan.cache_dir)
    return replace(plan, cache_dir=cache_dir, overrides=overrides_for_workers(plan.overrides))


def overrides_for_workers(overrides: Overrides) -> Overrides:
    """``--rules`` and ``--config`` absolute: a worker's working folder is not the client's."""
    config_file = overrides.config_file
    return replace(overrides, rule_dirs=tuple(d.absolute() for d in overrides.rule_dirs),
                   config_file=None if config_file is None else config_file.absolute())
