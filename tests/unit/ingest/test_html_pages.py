"""Web pages in the shapes real saved pages have: utility class names, template code, GB2312, CRLF."""

from __future__ import annotations

import re
import unicodedata

import lxml.html
import pytest

from ingest.html_text import page_lines, strip_template_code
from ingest.load import load_bytes
from ingest.normalise import normalise

# Invented article: names and figures are made up for the tests.
ARTICLE = [
    "3月18日，青禾经济开发区举行二季度重点项目集中签约仪式，12个项目现场签约，总投资86.5亿元。",
    "其中，星澜新材料有限公司年产5万吨高性能纤维项目投资18亿元，预计2025年底建成投产。",
    "开发区管委会主任周启明表示，将以更优的服务保障项目早落地、早开工、早见效，推动园区高质量发展。",
    "据介绍，今年以来青禾经济开发区累计引进亿元以上项目37个，实际利用外资1.2亿美元，同比增长21%。",
]
SIDEBAR = ["园区概况", "招商引资", "政务公开", "互动交流", "办事服务"]
RELATED = [f"青禾开发区召开第{i}季度安全生产工作会议" for i in range(1, 7)]
FOOTER = "版权所有：青禾经济开发区管理委员会 备案号：青ICP备00000000号"


def _paragraphs() -> str:
    return "\n".join(f"<p>{s}</p>" for s in ARTICLE)


def _page(wrapper_class: str, head: str = '<meta charset="utf-8">', preamble: str = "") -> str:
    menu = "".join(f'<li><a href="/c{i}">{w}</a></li>' for i, w in enumerate(SIDEBAR))
    related = "".join(f'<li><a href="/n{i}">{t}</a></li>' for i, t in enumerate(RELATED))
    return f"""{preamble}<!DOCTYPE html>
<html><head>{head}<title>重点项目集中签约_青禾经济开发区</title></head>
<body>
<div class="top-nav"><ul>{menu}</ul></div>
<div class="location">当前位置：首页 &gt; 园区动态 &gt; 正文</div>
<div class="wrap">
  <div class="side-menu"><h3>园区动态</h3><ul>{menu}</ul></div>
  <div class="{wrapper_class}">
    <h1>青禾经济开发区二季度重点项目集中签约</h1>
    <div class="info">发布时间：2024-03-19 来源：管委会办公室</div>
    {_paragraphs()}
    <div class="share">分享到：微信 微博</div>
  </div>
  <div class="related"><h3>相关新闻</h3><ul>{related}</ul></div>
</div>
<div class="footer">{FOOTER}</div>
</body></html>"""


@pytest.mark.parametrize(
    "wrapper_class", ["news_content mb-footer", "article side-by-side", "content nav-offset", "footer-wrap detail"]
)
def test_article_in_a_wrapper_named_like_chrome_is_kept(wrapper_class: str) -> None:
    doc = load_bytes(_page(wrapper_class).encode("utf-8"), "news.html")
    for sentence in ARTICLE:
        assert sentence in doc.raw
    for furniture in (*RELATED, FOOTER, "当前位置", "分享到", "政务公开"):
        assert furniture not in doc.raw
    assert doc.raw.startswith("青禾经济开发区二季度重点项目集中签约")


def test_jsp_and_php_template_code_is_dropped() -> None:
    preamble = (
        '<%@ page language="java" contentType="text/html; charset=UTF-8" pageEncoding="UTF-8"%>\r\n'
        '<%@ include file="/common/taglibs.jsp"%>\r\n<?php require_once "include/init.php"; ?>\r\n'
    )
    markup = _page("news_content", preamble=preamble).replace(
        "<body>", '<body>\n<jsp:include page="header.jsp"></jsp:include><%@ include file="/inc/top.jsp" %>'
        "<?php include 'p.header.php';?><c:import url=\"/init.jsp\"><c:param name=\"x\">true</c:param></c:import>"
    )
    doc = load_bytes(markup.encode("utf-8"), "news.jsp.html")
    for sentence in ARTICLE:
        assert sentence in doc.raw
    for code in ("<%", "%>", "<?", "include", "require", "taglibs", "true"):
        assert code not in doc.raw


def test_gb2312_page_with_crlf_line_ends() -> None:
    markup = _page("newsc", head='<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')
    data = markup.replace("\n", "\r\n").encode("gb2312")
    doc = load_bytes(data, "news.htm")
    assert doc.encoding == "gb18030"
    assert "\r" not in doc.raw
    for sentence in ARTICLE:
        assert sentence in doc.raw


def test_every_output_line_is_a_line_of_the_page() -> None:
    # Inline markup, entities and odd spacing inside paragraphs: the extractor re-spaces its own output,
    # the loader must still give the page's text so evidence quotes what the page shows.
    spaced = [s.replace("，", "，&nbsp; <b>", 1).replace("。", "</b>。", 1) for s in ARTICLE]
    markup = _page("news_content").replace(_paragraphs(), "\n".join(f"<p>\u3000\u3000{s}</p>" for s in spaced))
    doc = load_bytes(markup.encode("utf-8"), "news.html")
    page = page_lines(lxml.html.document_fromstring(markup))
    assert all(line in page for line in doc.raw.split("\n"))
    assert sum(line.startswith("\u3000") or "\xa0" in line for line in doc.raw.split("\n")) == len(ARTICLE)


def test_evidence_spans_of_a_page_quote_its_text() -> None:
    doc = normalise(load_bytes(_page("news_content mb-footer").encode("utf-8"), "news.html"))
    for sentence in ARTICLE:
        at = doc.text.index(unicodedata.normalize("NFKC", sentence))
        start, end = doc.raw_span(at, at + len(sentence))
        assert doc.raw[start:end] == sentence


def test_data_table_inside_the_article_is_kept_and_layout_menus_are_not() -> None:
    rows = [("星澜新材料年产5万吨纤维项目", "18亿元"), ("云岫智能装备产业园项目", "12.6亿元"),
            ("澄川生物医药中试基地项目", "9.3亿元")]
    table = "<table><tr><th>项目名称</th><th>投资额</th></tr>" + "".join(
        f"<tr><td>{name}</td><td>{amount}</td></tr>" for name, amount in rows) + "</table>"
    markup = _page("news_content").replace(f"<p>{ARTICLE[2]}</p>", f"{table}<p>{ARTICLE[2]}</p>")
    doc = load_bytes(markup.encode("utf-8"), "news.html")
    for name, amount in rows:
        assert re.search(f"{name}\\s+{re.escape(amount)}", doc.raw)
    assert "招商引资" not in doc.raw


def test_short_page_without_an_article_falls_back_to_its_text_without_chrome_elements() -> None:
    markup = f"<html><body><nav>首页 新闻</nav><p>{ARTICLE[0]}</p><footer>{FOOTER}</footer></body></html>"
    assert load_bytes(markup.encode("utf-8"), "short.html").raw == ARTICLE[0]


def test_strip_template_code_removes_an_unclosed_block_to_the_end() -> None:
    assert strip_template_code("<p>园区</p><?php echo $broken") == "<p>园区</p>"
