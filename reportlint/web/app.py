"""The starlette application: limits per request, a process pool for the checks."""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import AsyncGenerator, AsyncIterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import PurePath

from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from reportlint.check.budget import Budget
from reportlint.config.resolve import Overrides
from reportlint.read import READERS
from reportlint.web.pages import problem_page, result_page, upload_page
from reportlint.web.work import Checked, check_upload

_MULTIPART_OVERHEAD = 64 * 1024  # headers and boundaries around the file
_DRAIN = 4  # an upload up to this many times the limit is read to its end, then refused
_GRACE = 10.0  # seconds past the budget before a worker is taken as stuck (fork, pickling)


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 20 * 1024 * 1024
    budget: Budget = field(default_factory=Budget)  # per check: time, memory, size caps
    workers: int = 2


class Refused(Exception):
    def __init__(self, status: int, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code  # E001-E003 where the file could not be checked

    @property
    def json(self) -> dict[str, str]:
        return {"error": self.message, **({"code": self.code} if self.code else {})}


def _too_large(limit: int) -> Refused:
    return Refused(413, f"文件过大：超过 {limit // (1024 * 1024)} MB 的上限")


async def _body(request: Request, limit: int) -> bytes:
    """The request body, kept in memory up to ``limit`` (never spooled to disk). Past it the
    rest is read and dropped, up to a few times the limit, so that the browser gets the
    answer rather than a broken connection; a body declared larger is refused unread."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > _DRAIN * limit:
        raise _too_large(limit)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > _DRAIN * limit:
            break
        if size <= limit:
            chunks.append(chunk)
    if size > limit:
        raise _too_large(limit)
    return b"".join(chunks)


async def _upload(request: Request, limits: Limits) -> tuple[str, bytes]:
    body = await _body(request, limits.max_bytes + _MULTIPART_OVERHEAD)

    async def stream() -> AsyncGenerator[bytes, None]:
        yield body
        yield b""

    parser = MultiPartParser(request.headers, stream(), max_files=1, max_fields=5)
    parser.spool_max_size = len(body) + 1  # the file stays in memory
    try:
        form = await parser.parse()
    except MultiPartException as error:
        raise Refused(400, f"上传格式不正确：{error.message}") from None
    upload = form.get("file")
    if not isinstance(upload, UploadFile) or not upload.filename:
        raise Refused(400, "没有收到文件：请选择一个报告文件")
    data = await upload.read()
    return _checked_name(upload.filename, data, limits)


def _checked_name(filename: str, data: bytes, limits: Limits) -> tuple[str, bytes]:
    name = PurePath(filename.replace("\\", "/")).name
    if PurePath(name).suffix.lower() not in READERS:
        raise Refused(415, "不支持的文件类型：请上传 PDF、Word（.docx/.doc/.wps）、网页或文本文件")
    if not data:
        raise Refused(400, "文件为空")
    if len(data) > limits.max_bytes:
        raise _too_large(limits.max_bytes)
    return name, data


class Checker:
    """Runs each check in the pool, one per free worker (the others wait here, not in the
    pool's queue, so that a check's time counts from its start). A check keeps to its budget
    in the worker (web/work.py); should a worker still be busy well past it, or die, the
    pool is replaced: its processes killed, new ones started for the next uploads."""

    def __init__(self, overrides: Overrides, limits: Limits) -> None:
        self.overrides = overrides
        self.limits = limits
        self.pool: ProcessPoolExecutor | None = None
        self.slots = asyncio.Semaphore(limits.workers)

    def start(self) -> None:
        self.pool = ProcessPoolExecutor(max_workers=self.limits.workers,
                                        initializer=_own_group)

    def stop(self) -> None:
        if self.pool is not None:
            _kill(self.pool)
            self.pool = None

    def _replace(self, pool: ProcessPoolExecutor) -> None:
        if self.pool is pool:  # not replaced already by another upload's check
            _kill(pool)
            self.start()

    async def check(self, name: str, data: bytes) -> Checked:
        async with self.slots:
            checked = await self._run(name, data)
        if checked.report is None:
            raise _unchecked(checked)
        return checked

    async def _run(self, name: str, data: bytes) -> Checked:
        pool = self.pool
        assert pool is not None
        seconds = self.limits.budget.seconds
        try:
            future = pool.submit(check_upload, name, data, self.overrides, self.limits.budget)
            return await asyncio.wait_for(asyncio.wrap_future(future),
                                          seconds + _GRACE if seconds else None)
        except asyncio.TimeoutError:
            self._replace(pool)
            message = f"E003 检查用时超过上限 {seconds:g} 秒，已停止检查"
            raise Refused(422, message, "E003") from None
        except BrokenProcessPool:  # a worker was killed (the system's OOM killer)
            self._replace(pool)
            raise Refused(422, "E003 检查进程意外退出（可能超出了内存上限），请重新上传；"
                               "再次出现说明该文件超出了本服务的检查上限", "E003") from None


def _unchecked(checked: Checked) -> Refused:
    if checked.code == "E003":
        return Refused(422, f"文件超出了本服务的检查上限：{checked.problem}", checked.code)
    return Refused(422, f"无法读取该文件：{checked.problem}", checked.code)


def _own_group() -> None:
    """A worker leads a process group of its own, with the children its budget forks: one
    signal then stops a stuck worker and whatever it started."""
    if hasattr(os, "setpgrp"):
        os.setpgrp()


def _kill(pool: ProcessPoolExecutor) -> None:
    """Stop the pool now, its workers killed (a busy one would otherwise run on: the
    executor has no public way to stop a worker in the middle of a task)."""
    workers = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for worker in workers:
        if not worker.is_alive():
            continue
        try:
            os.killpg(worker.pid, signal.SIGKILL)
        except (AttributeError, OSError):  # no process groups here, or not yet its own
            worker.kill()
    for worker in workers:
        worker.join(timeout=5)


def make_app(overrides: Overrides, limits: Limits) -> Starlette:
    checker = Checker(overrides, limits)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        checker.start()
        try:
            yield
        finally:
            checker.stop()

    async def home(request: Request) -> Response:
        return HTMLResponse(upload_page(limits.max_bytes / (1024 * 1024)))

    async def page(request: Request) -> Response:
        try:
            name, data = await _upload(request, limits)
            return HTMLResponse(result_page(name, await checker.check(name, data)))
        except Refused as refused:
            return HTMLResponse(problem_page(refused.message), status_code=refused.status)

    async def api(request: Request) -> Response:
        try:
            name, data = await _upload(request, limits)
            checked = await checker.check(name, data)
        except Refused as refused:
            return JSONResponse(refused.json, status_code=refused.status)
        return Response(checked.json, media_type="application/json; charset=utf-8")

    routes = [Route("/", home), Route("/check", page, methods=["POST"]),
              Route("/api/check", api, methods=["POST"])]
    return Starlette(routes=routes, lifespan=lifespan)
