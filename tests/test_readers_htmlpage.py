"""A report inside a government site's page (issue 10): the report's element is chosen by its
structure, the chrome around it is not linted, and the page's metadata is read."""

from __future__ import annotations

from readerhelp import DOCUMENTS, lint, read

from reportlint.read import read_bytes

SITE = DOCUMENTS / "site-chrome.html"  # made by fixtures/make_documents.py from the example


def _text(name: str, html: str) -> str:
    return "\n".join(read_bytes(name, html.encode("utf-8")).raw_lines)


def test_site_page_gives_the_example_findings_plus_its_late_publication():
    found = [(d.code, d.span.line, d.span.column) for d in lint(SITE.name, SITE.read_bytes())]
    # N303: the example's full-width minus, as in every rendering. D507: the page says it was
    # published on 2021-03-05, after a department's deadline of 31 January; the footer's date
    # is not taken as the 落款 (the 落款 is 2021年1月29日, at its place in the HTML).
    assert found == [("N303", 68, 36), ("D507", 434, 33)]


def test_site_chrome_is_not_report_text():
    source = read(SITE)
    text = "\n".join(source.raw_lines)
    for chrome in ("您当前的位置", "首页", "发布时间", "分享到", "打印本页", "相关链接",
                   "网站标识码", "ICP备", "公网安备"):
        assert chrome not in text
    assert source.raw_lines[0] == "邵阳市商务局2020年政府信息公开工作年度报告"  # the <h2>
    assert source.raw_lines[-1] == "2021年1月29日"


def test_page_metadata_is_read_with_its_source():
    facts = [(f.key, f.value, f.origin, f.line) for f in read(SITE).page_facts]
    assert facts == [
        ("title", "邵阳市商务局2020年政府信息公开工作年度报告", '<meta name="ArticleTitle">', 8),
        ("published", "2021-03-05 10:15", '<meta name="PubDate">', 9),
        ("source", "邵阳市商务局办公室", '<meta name="ContentSource">', 10),
        ("published", "2021-03-05 10:15", "“发布时间：”", 18),
        ("source", "邵阳市商务局办公室", "“来源：”", 18)]


BODY = "".join(f"<p>{n}、{h}</p><p>本机关认真贯彻落实条例规定。</p>" for n, h in (
    ("一", "总体情况"), ("二", "主动公开政府信息情况"), ("三", "收到和处理政府信息公开申请情况"),
    ("四", "政府信息公开行政复议、行政诉讼情况"), ("五", "存在的主要问题及改进情况"),
    ("六", "其他需要报告的事项")))


def test_the_report_element_is_found_without_telling_class_names():
    html = ('<html><body><div class="a1">某县人民政府 政府信息公开年度报告 专栏</div>'
            '<div class="b2"><div class="c3"><b>某县2021年政府信息公开工作年度报告</b></div>'
            f'<div class="d4">{BODY}</div><div class="e5">【关闭窗口】</div></div>'
            '<div class="f6">主办单位：某县人民政府办公室</div></body></html>')
    text = _text("page.html", html)
    assert text.split("\n")[0] == "某县2021年政府信息公开工作年度报告"
    assert "专栏" not in text and "关闭窗口" not in text and "主办单位" not in text


def test_a_body_without_a_title_takes_the_page_title():
    html = ('<html><head><meta name="ArticleTitle" content="某县2021年政府信息公开工作年度报告">'
            f'</head><body><div class="d4">{BODY}</div></body></html>')
    codes = {d.code for d in lint("page.html", html.encode("utf-8"))}
    assert "S101" not in codes and "S102" not in codes


def test_a_page_without_report_structure_is_read_whole():
    html = "<html><body><div>某局通知</div><div><p>一、事项</p><p>正文</p></div></body></html>"
    assert _text("page.html", html) == "某局通知\n一、事项\n正文"


def _page_with_source(source: str) -> bytes:
    return ('<html><head><meta name="PubDate" content="2022-03-10 09:00">'
            f'<meta name="ContentSource" content="{source}"></head><body><div class="d4">'
            "<p>统计期限自2021年1月1日起至2021年12月31日止。</p>"
            f"{BODY}</div></body></html>").encode()


def test_the_page_source_names_the_issuer_when_nothing_else_does():
    # Published 10 March: in time for a government (31 March), late for a department (31 Jan).
    government = {d.code for d in lint("page.html", _page_with_source("某县人民政府"))}
    department = {d.code for d in lint("page.html", _page_with_source("某县财政局"))}
    assert "D507" not in government and "D507" in department


def test_chrome_inside_a_flat_article_is_left_out():
    html = ('<html><body><div class="art"><h1>某县2021年政府信息公开工作年度报告</h1>'
            '<div>发布时间：2022-01-20　来源：某县财政局　浏览次数：12</div>'
            "<p>统计期限自2021年1月1日起至2021年12月31日止。</p>"
            f"{BODY}<p>某县财政局</p><p>2022年1月20日</p>"
            '<div>【打印本页】【关闭窗口】</div><div>分享到：微信</div></div></body></html>')
    source = read_bytes("page.html", html.encode())
    text = "\n".join(source.raw_lines)
    assert "发布时间" not in text and "打印本页" not in text and "分享到" not in text
    assert source.raw_lines[-1] == "2022年1月20日"
    assert ("published", "2022-01-20") in [(f.key, f.value) for f in source.page_facts]
