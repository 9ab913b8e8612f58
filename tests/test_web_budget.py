"""``reportlint serve`` within its per-check budget: a check past the time limit is stopped
(E003 in the answer, never a 500) and its worker is free for the next upload."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import pytest

from tests import hostile
from tests.helpers import EXAMPLE
from tests.webserver import served, upload

# a page of 400,000 glyphs, the glyph cap raised: pdfminer lays it out for a minute (a pack
# pattern cannot stall a check any more: pack patterns run on RE2)
STUCK = hostile.pdf_glyph_page(400_000)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """One worker, a time limit of 4 s, pdfminer as the PDF engine and the glyph cap raised
    (the configuration of the folder the server runs in)."""
    folder = tmp_path_factory.mktemp("serve-budget")
    (folder / "reportlint.toml").write_text("max-page-glyphs = 10000000\n", encoding="utf-8")
    with served(folder, "--timeout", "4", "--workers", "1", "--pdf-engine", "pdfminer") as base:
        yield base


def test_a_check_past_the_time_limit_is_stopped_and_the_next_is_served(server: str) -> None:
    status, body = upload(server + "/api/check", "stuck.pdf", STUCK)
    answer = json.loads(body)
    assert (status, answer["code"]) == (422, "E003") and "timeout" in answer["error"]
    status, body = upload(server + "/check", "stuck.pdf", STUCK)
    page = body.decode("utf-8")
    assert status == 422 and "E003" in page and "检查上限" in page
    status, body = upload(server + "/api/check", "example.txt", EXAMPLE.read_bytes())
    assert status == 200
    assert [(d["code"], d["line"]) for d in json.loads(body)] == [("N303", 42)]


def _sleep(*_: object) -> None:
    time.sleep(600)


def test_a_worker_busy_past_the_budget_is_replaced(monkeypatch: pytest.MonkeyPatch) -> None:
    """Should a worker still run well past the budget (a bug outside it), its pool is
    replaced: the upload gets E003, the next one a fresh worker."""
    pytest.importorskip("starlette", reason="the web extra (starlette) is not installed")
    from reportlint.check.budget import Budget
    from reportlint.config.resolve import Overrides
    from reportlint.web import app
    from reportlint.web.work import check_upload

    monkeypatch.setattr(app, "_GRACE", 0.5)
    checker = app.Checker(Overrides(), app.Limits(budget=Budget(seconds=1.0), workers=1))

    async def both() -> tuple[str, Any]:
        checker.start()
        try:
            monkeypatch.setattr(app, "check_upload", _sleep)
            with pytest.raises(app.Refused) as stopped:
                await checker.check("slow.txt", b"x")
            monkeypatch.setattr(app, "check_upload", check_upload)
            checker.limits = app.Limits(workers=1)  # the default budget: 60 s
            return stopped.value.json["code"], await checker.check("example.txt",
                                                                   EXAMPLE.read_bytes())
        finally:
            checker.stop()

    code, checked = asyncio.run(both())
    assert code == "E003"
    assert checked.report is not None
    assert [(d.code, d.span.line) for d in checked.report.diagnostics] == [("N303", 42)]

