"""The starlette application: limits per request, a process pool for the checks."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, AsyncIterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import PurePath

from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from reportlint.config.resolve import Overrides
from reportlint.read import READERS
from reportlint.web.pages import problem_page, result_page, upload_page
from reportlint.web.work import Checked, check_upload

_MULTIPART_OVERHEAD = 64 * 1024  # headers and boundaries around the file
_DRAIN = 4  # an upload up to this many times the limit is read to its end, then refused


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 20 * 1024 * 1024
    timeout: float = 60.0  # seconds per check
    workers: int = 2


class Refused(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


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
    """Runs each check in the pool, within the time limit."""

    def __init__(self, overrides: Overrides, limits: Limits) -> None:
        self.overrides = overrides
        self.limits = limits
        self.pool: ProcessPoolExecutor | None = None

    async def check(self, name: str, data: bytes) -> Checked:
        assert self.pool is not None
        future = self.pool.submit(check_upload, name, data, self.overrides)
        try:
            checked = await asyncio.wait_for(asyncio.wrap_future(future), self.limits.timeout)
        except asyncio.TimeoutError:
            raise Refused(422, f"检查超时：超过 {self.limits.timeout:g} 秒的上限") from None
        if checked.report is None:
            raise Refused(422, f"无法读取该文件：{checked.problem}")
        return checked


def make_app(overrides: Overrides, limits: Limits) -> Starlette:
    checker = Checker(overrides, limits)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        with ProcessPoolExecutor(max_workers=limits.workers) as pool:
            checker.pool = pool
            yield

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
            return JSONResponse({"error": refused.message}, status_code=refused.status)
        return Response(checked.json, media_type="application/json; charset=utf-8")

    routes = [Route("/", home), Route("/check", page, methods=["POST"]),
              Route("/api/check", api, methods=["POST"])]
    return Starlette(routes=routes, lifespan=lifespan)
