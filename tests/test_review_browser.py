"""The review pages in a real headless Chromium: they load from file:// without a console
error, filtering works, a flagged cell is highlighted. Screenshots are kept in the test's
tmp folder (``review-*.png``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import chromium, console_errors
from clirun import BROKEN, EXAMPLE, ROOT, WARNING_ONLY, run, write


@pytest.fixture(scope="module")
def review(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("review")
    write(root, {"in/a-clean.txt": EXAMPLE, "in/b-warning.txt": WARNING_ONLY,
                 "in/c-broken.txt": BROKEN, "in/README.md": "# 说明\n\n本文件夹存放报告。\n"})
    return root


def _write_review(root: Path, monkeypatch: pytest.MonkeyPatch,
                  capsys: pytest.CaptureFixture[str]) -> Path:
    done = run(["report", "-j", "1", "--no-cache", "in", "-o", "out"], root, monkeypatch, capsys)
    assert done.code == 0
    return root / "out"


def test_the_dashboard_loads_and_filters(review: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    out = _write_review(review, monkeypatch, capsys)
    with chromium() as driver:
        driver.get((out / "index.html").as_uri())
        assert console_errors(driver) == []
        shown = driver.find_element("id", "shown")
        assert shown.text == "显示 4 / 4 份"
        driver.find_element("css selector", "#f-code option[value='S101']").click()
        assert shown.text == "显示 1 / 4 份"
        visible = [r for r in driver.find_elements("css selector", "#reports tbody tr")
                   if r.is_displayed()]
        assert [r.get_attribute("data-status") for r in visible] == ["findings"]
        driver.save_screenshot(str(review / "review-dashboard.png"))
        driver.find_element("css selector", "#f-code option[value='']").click()
        driver.find_element("css selector", "#f-status option[value='not a report']").click()
        assert shown.text == "显示 1 / 4 份"


def test_a_flagged_line_is_highlighted_with_its_message(
        review: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    out = _write_review(review, monkeypatch, capsys)
    with chromium() as driver:
        driver.get((out / "index.html").as_uri())
        driver.find_element("link text", "in/b-warning.txt").click()
        assert console_errors(driver) == []
        mark = driver.find_element("css selector", "#L1 mark.warning")
        assert mark.value_of_css_property("background-color") != "rgba(0, 0, 0, 0)"
        assert "S102" in driver.find_element("id", "d1").text
        driver.save_screenshot(str(review / "review-report.png"))


def test_a_flagged_cell_is_highlighted_and_its_related_cells_linked(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    row = "| 一、本年新收政府信息公开申请数量 |  |  | 1 | 0 | 0 | 0 | 0 | 0 | 1 |"
    pipe = (ROOT / "fixtures" / "renderings" / "pipe.md").read_text(encoding="utf-8")
    write(tmp_path, {"t.md": pipe.replace(row, row[:-3] + "2 |")})
    done = run(["report", "--no-cache", "t.md"], tmp_path, monkeypatch, capsys)
    (tmp_path / "t.html").write_text(done.out, encoding="utf-8")
    with chromium() as driver:
        driver.get((tmp_path / "t.html").as_uri())
        assert console_errors(driver) == []
        total = driver.find_element("css selector", "td.flag.error")
        related = driver.find_elements("css selector", "tr#L51 td.flag.related")
        assert (total.text, total.get_attribute("id"), len(related)) == ("2", "L51c51", 6)
        assert total.value_of_css_property("background-color") == "rgba(255, 204, 199, 1)"
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", total)
        driver.save_screenshot(str(tmp_path / "review-cell.png"))
