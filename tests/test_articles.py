"""A split article in a folder is linted as one report (issue 22 item 4): its parts' own files
get the diagnostics that fall in them. Parts made by fixtures/make_pages.py from the example."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from readerhelp import DOCUMENTS, RULES, lint

from reportlint.check.articles import article_parts, lint_article
from reportlint.check.engine import Selection
from reportlint.cli.main import cli
from reportlint.model import FileReport, Settings

ARTICLES = {"gb18030": DOCUMENTS / "pages" / "article",
            "utf-8": DOCUMENTS / "pages" / "utf8" / "article"}
EXAMPLE = DOCUMENTS / "example.html"


def _found(report: FileReport) -> list[tuple[str, int, int]]:
    return [(d.code, d.span.line, d.span.column) for d in report.diagnostics]


def _read(name: str) -> bytes:
    return Path(name).read_bytes()


def _article(folder: Path) -> list[FileReport]:
    names = [str(p) for p in sorted(folder.iterdir())]
    first = str(folder / "index.html")
    parts = article_parts(first, _read, names)
    assert parts == (first, str(folder / "index_1.html"))
    return lint_article([(p, Path(p).read_bytes()) for p in parts], RULES, Selection(),
                        Settings())


@pytest.mark.parametrize("encoding", ARTICLES)
def test_the_joined_article_gives_the_examples_diagnostics(encoding: str) -> None:
    first, second = _article(ARTICLES[encoding])
    example = [(d.code, d.span.line, d.span.column)
               for d in lint(EXAMPLE.name, EXAMPLE.read_bytes())]
    assert (_found(first), _found(second)) == (example, [])


def test_a_finding_on_the_second_part_points_into_its_file(tmp_path: Path) -> None:
    folder = tmp_path / "article"
    shutil.copytree(ARTICLES["utf-8"], folder)
    second = folder / "index_1.html"
    text = second.read_text(encoding="utf-8")
    second.write_text(text.replace("五、存在的主要", "五、存在", 1), encoding="utf-8")
    line = next(n for n, t in enumerate(text.split("\n"), 1) if "五、存在的主要" in t)
    column = text.split("\n")[line - 1].index("五、存在") + 1
    reports = _article(folder)
    assert [_found(r) for r in reports][1] == [("S105", line, column)]


def test_check_joins_the_parts_of_a_folder_and_warns_for_a_part_alone(tmp_path: Path) -> None:
    shutil.copytree(ARTICLES["gb18030"], tmp_path / "both")
    (tmp_path / "alone").mkdir()
    shutil.copy(ARTICLES["gb18030"] / "index.html", tmp_path / "alone" / "index.html")
    result = CliRunner().invoke(cli, ["check", "--format", "json", str(tmp_path)])
    found = sorted((Path(d["path"]).relative_to(tmp_path).as_posix(), d["code"], d["severity"])
                   for d in json.loads(result.output))
    assert found == [("alone/index.html", "E006", "info"), ("both/index.html", "N303", "info")]
    assert result.exit_code == 0


def _part(links: str, section: str) -> str:
    return (f"<html><body><p>{section}</p><p>正文</p><div>{links}</div></body></html>")


def test_a_pager_showing_only_the_next_page_is_followed(tmp_path: Path) -> None:
    pages = {"index.html": _part('<a href="index_1.html">下一页</a>', "一、总体情况"),
             "index_1.html": _part('<a href="index.html">上一页</a> <a href="index_2.html">'
                                   "下一页</a>", "二、主动公开"),
             "index_2.html": _part('<a href="index_1.html">上一页</a>', "三、依申请公开")}
    for name, html in pages.items():
        (tmp_path / name).write_text(html, encoding="utf-8")
    names = [str(tmp_path / n) for n in pages]
    assert article_parts(names[0], _read, names) == tuple(names)
    assert article_parts(names[0], _read, names[:2]) is None


@pytest.mark.parametrize("encoding", ARTICLES)
def test_the_review_report_gives_the_joined_article_its_facts_once(tmp_path: Path,
                                                                   encoding: str) -> None:
    """The article is one report: its first part's row carries the issuer and year, once (a
    register would otherwise miss the unit's report, or count it twice)."""
    shutil.copytree(ARTICLES[encoding], tmp_path / "article")
    shutil.copy(EXAMPLE, tmp_path / "example.html")
    result = CliRunner().invoke(cli, ["report", "--no-cache", str(tmp_path), "-o",
                                      str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    rows = (tmp_path / "out" / "summary.csv").read_text(encoding="utf-8-sig").splitlines()
    facts = {Path(row.split(",")[0]).relative_to(tmp_path).as_posix(): row.split(",")[1:5]
             for row in rows[1:]}
    example = facts.pop("example.html")
    assert example[:3] == ["邵阳市商务局", "部门", "2020"]
    assert facts == {"article/index.html": example, "article/index_1.html": ["", "", "", ""]}
