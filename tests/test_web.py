"""``reportlint serve``: the JSON API and the pages, over HTTP, and in a real browser."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import docx
import pytest

from tests.browser import chromium
from tests.webserver import served, upload

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "fixtures" / "documents"


def _mutated(folder: Path) -> Path:
    """The example Word report with 表四's first 结果维持 set to 1 while its 总计 stays 0:
    one T404 error on the total's cell (第7个表格第4行第5列, line 56, column 19)."""
    document = docx.Document(str(DOCS / "example.docx"))
    document.tables[6].rows[-1].cells[0].paragraphs[0].runs[0].text = "1"
    path = folder / "部门年报.docx"
    document.save(str(path))
    return path


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Any:
    with served(tmp_path_factory.mktemp("serve"), "--max-mb", "1", "--workers", "1") as base:
        yield base


def test_api_returns_the_json_format(server: str, tmp_path: Path) -> None:
    status, body = upload(server + "/api/check", "部门年报.docx",
                          _mutated(tmp_path).read_bytes())
    assert status == 200
    found = [(d["code"], d["line"], d["column"]) for d in json.loads(body)]
    assert found == [("N303", 14, 21), ("T404", 56, 19)]


@pytest.mark.parametrize(("name", "data", "status", "words"), [
    ("empty.txt", b"", 400, "文件为空"),
    ("report.exe", b"MZ", 415, "不支持的文件类型"),
    ("big.pdf", b"%PDF" + b"0" * (1024 * 1024 + 70 * 1024), 413, "文件过大"),
    ("encrypted.pdf", (DOCS / "bad" / "encrypted.pdf").read_bytes(), 422, "已加密"),
])
def test_bad_uploads_are_4xx_in_chinese(server: str, name: str, data: bytes, status: int,
                                        words: str) -> None:
    got, body = upload(server + "/check", name, data)
    assert got == status and words in body.decode("utf-8")
    got, body = upload(server + "/api/check", name, data)
    assert got == status and words in json.loads(body)["error"]


def _downloaded(driver: Any, folder: Path, name: str) -> Path:
    """The file once the browser has finished saving it (``.crdownload`` while it writes)."""
    from selenium.webdriver.support.ui import WebDriverWait

    path = folder / name
    WebDriverWait(driver, 60).until(
        lambda _: path.is_file() and not any(folder.glob("*.crdownload")))
    return path


def _wait_for(driver: Any, by: str, what: str) -> Any:
    """The element once the page the upload answers with has it (a loaded machine is slow)."""
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, 60).until(lambda d: d.find_element(by, what))


def test_browser_upload_shows_the_cell_and_gives_the_comments(server: str,
                                                              tmp_path: Path) -> None:
    draft = _mutated(tmp_path)
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    with chromium(downloads) as driver:
        from selenium.webdriver.common.by import By

        driver.get(server + "/")
        driver.find_element(By.ID, "file").send_keys(str(draft))
        driver.save_screenshot(str(tmp_path / "serve-upload.png"))
        driver.find_element(By.ID, "submit").click()
        cell = _wait_for(driver, By.CSS_SELECTOR, "td.flag.error")
        assert (cell.get_attribute("id"), cell.text) == ("L56c18", "0")  # the cell: from its column
        assert cell.value_of_css_property("background-color") not in ("rgba(0, 0, 0, 0)", "")
        driver.save_screenshot(str(tmp_path / "serve-result.png"))
        driver.find_element(By.ID, "download-annotated").click()
        annotated = _downloaded(driver, downloads, "部门年报.reportlint.docx")
        comments = [c.text for c in docx.Document(str(annotated)).comments]
        assert sorted(c.split("]")[0] for c in comments) == ["[N303", "[T404"]
        driver.find_element(By.ID, "download-json").click()
        found = json.loads(_downloaded(driver, downloads, "部门年报.reportlint.json").read_text(
            encoding="utf-8"))
        assert [(d["code"], d["line"], d["column"]) for d in found] == [("N303", 14, 21),
                                                                       ("T404", 56, 19)]
        driver.get(server + "/")
        driver.find_element(By.ID, "file").send_keys(str(DOCS / "bad" / "encrypted.pdf"))
        driver.find_element(By.ID, "submit").click()
        assert "已加密" in _wait_for(driver, By.ID, "problem").text
        driver.save_screenshot(str(tmp_path / "serve-problem.png"))
