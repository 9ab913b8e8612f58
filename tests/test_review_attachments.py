"""A web page whose report is an attachment saved beside it (issue 22): ``check`` names the
file, and the review report links the page and the attachment both ways, in the dashboard and
in each one's page. The pages are fixtures/documents/pages/attachment.html (GB18030 declared
gb2312, and its UTF-8 copy); the attachment is fixtures/documents/example.pdf."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import pytest
from clirun import run
from readerhelp import DOCUMENTS

PAGES = DOCUMENTS / "pages"
ADDRESS = "/xxgk/2021/P020210129385201.pdf"


@dataclass(frozen=True)
class Anchor:
    href: str
    text: str
    row: str  # the id of the table row it is in ("" outside one)
    label: str  # the fact it is the value of (``报告附件``), or the text before it in its div


# where the text that labels a link starts (a fact's <dt> labels the link in its <dd>)
_LABEL_STARTS = frozenset({"tr", "td", "th", "li", "div", "dt", "p", "h1", "h2", "header"})


@dataclass
class _Reader(HTMLParser):
    anchors: list[Anchor] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    _row: str = ""
    _label: str = ""
    _href: str | None = None
    _text: str = ""

    def __post_init__(self) -> None:
        super().__init__()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if tag == "tr":
            self._row = str(found.get("id") or "")
        if tag in _LABEL_STARTS:
            self._label = ""
        if tag == "a":
            self._href, self._text = str(found.get("href") or ""), ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.anchors.append(Anchor(self._href, self._text, self._row,
                                       self._label.rstrip("：")))
            self._href = None

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text += data
        else:
            self._label += data


def _read(page: Path) -> _Reader:
    reader = _Reader()
    reader.feed(page.read_text(encoding="utf-8"))
    return reader


def _target(page: Path, href: str) -> tuple[Path, str]:
    parts = urlsplit(href)
    assert not parts.scheme and not parts.netloc, href  # nothing from the network
    file = (page.parent / unquote(parts.path)).resolve() if parts.path else page
    return file, parts.fragment


def _assert_links_resolve(page: Path) -> None:
    for anchor in _read(page).anchors:
        file, fragment = _target(page, anchor.href)
        assert file.is_file(), (page.name, anchor)
        if fragment:
            assert fragment in _read(file).ids, (page.name, anchor)


def _linked(page: Path, label: str) -> list[tuple[Path, str]]:
    return [(_target(page, a.href)[0], a.text) for a in _read(page).anchors if a.label == label]


@dataclass(frozen=True)
class Site:
    page: str  # the web page's name as reported
    attachment: str


def _gb18030_site(folder: Path) -> Site:
    """The GB18030 page with its attachment's address percent-encoded in GBK, as older sites
    write it, and the attachment saved under its Chinese name (it sorts after the page, so
    the page's outcome comes first)."""
    text = (PAGES / "attachment.html").read_bytes().decode("gb18030")
    assert ADDRESS in text
    name = "邵阳市商务局报告.pdf"
    text = text.replace(ADDRESS, "/xxgk/2021/" + quote(name, encoding="gb18030"))
    (folder / "index.html").write_bytes(text.encode("gb18030"))
    (folder / name).write_bytes((DOCUMENTS / "example.pdf").read_bytes())
    return Site("site/index.html", f"site/{name}")


def _utf8_site(folder: Path) -> Site:
    """The UTF-8 page and its attachment under the name its address gives (it sorts before
    the page: the attachment's outcome comes first)."""
    (folder / "index.html").write_bytes((PAGES / "utf8" / "attachment.html").read_bytes())
    (folder / "P020210129385201.pdf").write_bytes((DOCUMENTS / "example.pdf").read_bytes())
    return Site("site/index.html", "site/P020210129385201.pdf")


def _mirrored_site(folder: Path) -> Site:
    """As ``wget -r -k`` mirrors a site: the page and its attachment each in the folder of its
    address, the link made relative."""
    text = (PAGES / "utf8" / "attachment.html").read_text(encoding="utf-8")
    page = folder / "zwgk" / "2021" / "index.html"
    attachment = folder / ADDRESS.lstrip("/")
    for made in (page, attachment):
        made.parent.mkdir(parents=True)
    page.write_text(text.replace(ADDRESS, "../.." + ADDRESS), encoding="utf-8")
    attachment.write_bytes((DOCUMENTS / "example.pdf").read_bytes())
    return Site("site/zwgk/2021/index.html", "site" + ADDRESS)


SITES = {"gb18030": _gb18030_site, "utf-8": _utf8_site, "mirror": _mirrored_site}


@pytest.fixture(params=SITES)
def site(request: pytest.FixtureRequest, tmp_path: Path) -> Site:
    (tmp_path / "site").mkdir()
    made: Site = SITES[request.param](tmp_path / "site")
    return made


def test_check_names_the_attachment_beside_the_page(
        site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    done = run(["check", "--no-cache", "--format", "json", "site"], tmp_path, monkeypatch,
               capsys)
    found = [d for d in json.loads(done.out) if d["path"] == site.page]
    assert [(d["code"], d["line"]) for d in found] == [("E006", 15)]
    assert site.attachment in found[0]["message"]
    assert [(r["path"], r["line"]) for r in found[0]["related"]] == [(site.attachment, 1)]


def test_the_review_report_links_the_page_and_its_attachment(
        site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    done = run(["report", "--no-cache", "site", "-o", "out"], tmp_path, monkeypatch, capsys)
    assert done.code == 0
    out = tmp_path / "out"
    index = out / "index.html"
    anchors = _read(index).anchors
    own = {a.text: a for a in anchors if not a.label}
    page, attachment = (_target(index, own[name].href)[0] for name in (site.page, site.attachment))
    assert page.parent == attachment.parent == (out / "reports").resolve()
    for shown in (index, page, attachment):
        _assert_links_resolve(shown)
    assert _linked(index, "报告附件") == [(attachment, site.attachment)]
    assert _linked(index, "发布页面") == [(page, site.page)]
    in_rows = {a.label: a.row for a in anchors if a.label}
    assert in_rows == {"报告附件": own[site.page].row, "发布页面": own[site.attachment].row}
    assert _linked(page, "报告附件") == [(attachment, site.attachment)]
    assert _linked(attachment, "发布页面") == [(page, site.page)]


def test_a_page_is_a_finding_not_an_unreadable_file(
        site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    run(["report", "--no-cache", "site", "-o", "out"], tmp_path, monkeypatch, capsys)
    rows = (tmp_path / "out" / "summary.csv").read_text(encoding="utf-8-sig").splitlines()
    assert [row.split(",")[-1] for row in rows if row.startswith(site.page)] == ["有问题"]


def test_an_attachment_not_linted_in_the_run_is_named_without_a_link(
        site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    done = run(["report", "--no-cache", site.page, "-o", "out"], tmp_path, monkeypatch, capsys)
    assert done.code == 0
    index = tmp_path / "out" / "index.html"
    assert site.attachment in index.read_text(encoding="utf-8")
    assert _linked(index, "报告附件") == []
    for shown in [index, *(tmp_path / "out" / "reports").iterdir()]:
        _assert_links_resolve(shown)
