"""The web-page loader zonekg used before trafilatura: class/id-name heuristics.

Kept only as the baseline of ``bench.bench_html``; the product reads pages with
``ingest.html_text``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ingest.html_text import page_title

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_DROP_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe",
              "button", "select", "svg", "object", "embed")
# class/id words of page chrome: menus, breadcrumbs, share widgets, paging, sidebars.
_CHROME = re.compile(
    r"(^|[\s_-])(nav|navbar|menu|breadcrumbs?|crumbs?|bread|position|location|share|bdshare|social|footer|"
    r"header|sidebar|side|toolbar|pager|pagination|prev|next|print|related|copyright|banner|search|login)"
    r"($|[\s_-])",
    re.IGNORECASE,
)
_MAIN_HINT = re.compile(r"article|content|detail|zoom|trs_editor|main|text|body|news|con\b|conn|wzy|info", re.I)
# Whole lines that are page furniture rather than text.
_FURNITURE_LINE = re.compile(
    r"^(上一篇|下一篇|上一条|下一条|上一页|下一页|上篇|下篇)\s*[:：]"
    r"|^(分享到|扫一扫|用手机扫)"
    # A line made only of page tools: 【字体：大 中 小】【打印本页】【关闭窗口】
    r"|^(?:[\s【】\[\]〖〗|｜:：]*(?:打印本页|打印|列印|关闭窗口|关闭|關閉|加入收藏|收藏|分享|字号|字體|字体|默认"
    r"|返回顶部|返回|大|中|小))+[\s【】\[\]〖〗|｜:：]*$"
)
MAIN_SHARE = 0.6
"""A content block must hold this share of the largest one's text to be preferred as tighter."""
_KEEP_TAGS = ("html", "body", "article", "main")
_BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article",
               "blockquote", "pre", "ul", "ol", "dl", "dt", "dd", "main", "center"}


def html_main_text(markup: str, filename: str = "document") -> str:
    """The article text of a web page: no scripts, menus, breadcrumbs, share or print links."""
    import lxml.html
    from lxml.etree import ParserError

    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=False)
    try:
        root = lxml.html.document_fromstring(markup, parser=parser)
    except (ParserError, ValueError) as exc:
        raise ValueError(f"{filename}: unreadable HTML: {exc}") from exc
    _drop_chrome(root)
    main = _main_block(root)
    text = _block_text(main)
    title = page_title(root)
    if title and title not in text:
        text = f"{title}\n{text}"
    lines = (line.strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line and not (len(line) <= 120 and _FURNITURE_LINE.match(line)))


def _drop_chrome(root: HtmlElement) -> None:
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        marker = f"{el.get('class', '')} {el.get('id', '')}".strip()
        if el.tag in _DROP_TAGS or (marker and el.tag not in _KEEP_TAGS and _CHROME.search(marker)):
            el.drop_tree()


def _main_block(root: HtmlElement) -> HtmlElement:
    """The tightest ``<article>``/``<main>``/content-like block holding most of the text, else ``<body>``.

    Wrappers named "main" or "content" often hold the article plus lists of
    related links, so among candidates with at least ``MAIN_SHARE`` of the
    largest one's text the smallest wins.
    """
    body = root.find("body")
    fallback = body if body is not None else root
    sizes = {el: len(el.text_content().strip()) for el in root.iter() if isinstance(el.tag, str) and _is_main_like(el)}
    largest = max(sizes.values(), default=0)
    # A "content" block holding a sliver of the page is a teaser, not the article.
    if not largest or largest < 0.3 * len(fallback.text_content().strip()):
        return fallback
    return min((el for el, size in sizes.items() if size >= MAIN_SHARE * largest), key=lambda el: sizes[el])


def _is_main_like(el: HtmlElement) -> bool:
    if el.tag in ("article", "main"):
        return True
    marker = f"{el.get('class', '')} {el.get('id', '')}"
    return bool(_MAIN_HINT.search(marker))


def _block_text(el: HtmlElement) -> str:
    for child in el.iter():
        if isinstance(child.tag, str) and child.tag in _BLOCK_TAGS:
            child.tail = "\n" + (child.tail or "")
            if child.tag != "br":
                child.text = "\n" + (child.text or "")
        elif child.tag in ("td", "th"):
            child.tail = " " + (child.tail or "")
    return str(el.text_content())
