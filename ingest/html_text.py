"""The article text of a web page, as lines of the page's own visible text.

trafilatura decides which paragraphs are the article (it scores text density,
link density and structure, not class names). Its output is re-normalised
text, so each of its paragraphs is found again among the page's visible text
lines and the article is made of those lines, verbatim: every evidence span
can be quoted from what the page shows. Template tags left in saved pages
(``<%@ include … %>``, ``<?php … ?>``, ``<jsp:include/>``) are removed first.
"""

from __future__ import annotations

import logging
import re
from configparser import ConfigParser
from functools import lru_cache
from typing import TYPE_CHECKING

from kg.errors import DocumentRejected

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# Server-side template code that a saved page still carries: JSP/ASP and PHP blocks.
_TEMPLATE_CODE = re.compile(r"<%.*?(?:%>|\Z)|<\?.*?(?:\?>|\Z)", re.DOTALL)
_NEVER_TEXT = ("script", "style", "noscript", "template", "iframe", "svg", "object", "embed", "button", "select",
               "textarea", "head", "title", "meta", "link")
_CHROME_ELEMENTS = ("nav", "footer", "aside")
"""HTML elements (their names, not class names) that hold page chrome: never given to the extractor."""
_BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article",
               "blockquote", "pre", "ul", "ol", "dl", "dt", "dd", "main", "center", "header", "footer", "nav",
               "aside", "form", "figure", "figcaption", "caption", "hr", "address"}
_CELL_TAGS = {"td", "th"}
_ROW_MARK = "\ue000"
"""Marks the lines of a data table (one without nested tables) in the page text."""
_KEY_JUNK = re.compile(r"[\s|\ue000]+")
"""Whitespace and table-cell bars, which the extractor re-writes, are ignored when matching."""
LONG_TEXT = 25
"""Text nodes at least this long (stripped) are prose rather than menu items or labels."""
ARTICLE_SHARE = 0.6
"""The article container is the deepest element holding this share of the page's prose."""
MIN_ARTICLE_CHARS = 50
"""Below this the extractor falls back to taking whole-page text; its default (250) suits alphabetic
languages, while a 100-character Chinese news item is a whole article."""
MAX_TREE_ELEMENTS = 200_000
"""Pages with more elements are read without the extractor (its cost grows with the tree)."""
MAX_PAGE_ELEMENTS = 300_000
"""Pages with more elements are refused: reading a page's lines costs ~35 s per million elements
(a page of a million empty ``<br>``), while real article pages have a few thousand."""
# Whole lines that are page furniture rather than text.
_FURNITURE_LINE = re.compile(
    r"^(上一篇|下一篇|上一条|下一条|上一页|下一页|上篇|下篇)\s*[:：]"
    r"|^(分享到|扫一扫|用手机扫)"
    # A line made only of page tools: 【字体：大 中 小】【打印本页】【关闭窗口】
    r"|^(?:[\s【】\[\]〖〗|｜:：]*(?:打印本页|打印|列印|关闭窗口|关闭|關閉|加入收藏|收藏|分享|字号|字體|字体|默认"
    r"|返回顶部|返回|大|中|小))+[\s【】\[\]〖〗|｜:：]*$"
)


def strip_template_code(markup: str) -> str:
    """Remove ``<% … %>`` and ``<? … ?>`` blocks (an unclosed one runs to the end).

    >>> strip_template_code('<%@ page pageEncoding="UTF-8"%><p>园区<?php echo $x; ?>新闻</p>')
    '<p>园区新闻</p>'
    """
    return _TEMPLATE_CODE.sub("", markup)


def html_main_text(markup: str, filename: str = "document") -> str:
    """The article text of a web page: no scripts, menus, breadcrumbs, share or print links.

    Raises:
        DocumentRejected: the markup cannot be parsed.
    """
    markup = strip_template_code(markup)
    root = _parse(markup, filename)
    elements = element_count(root)
    if elements > MAX_PAGE_ELEMENTS:
        raise DocumentRejected(f"{filename}: {elements:,} HTML elements is over the limit of {MAX_PAGE_ELEMENTS:,} "
                               "per page")
    lines = page_lines(root)
    kept = _article_lines(root, lines)
    if not kept:
        fallback = page_lines(root, drop=_CHROME_ELEMENTS)
        return _finish(fallback, page_title(root))
    return _finish([lines[i] for i in sorted(kept)], page_title(root))


def element_count(root: HtmlElement) -> int:
    """Elements in the tree, counted by libxml2 (no Python object per element)."""
    return int(root.xpath("count(//*)"))


def _parse(markup: str, filename: str) -> HtmlElement:
    import lxml.html
    from lxml.etree import ParserError

    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=False)
    try:
        return lxml.html.document_fromstring(markup, parser=parser)
    except (ParserError, ValueError) as exc:
        raise DocumentRejected(f"{filename}: unreadable HTML: {exc}") from exc


def page_lines(root: HtmlElement, drop: tuple[str, ...] = ()) -> list[str]:
    """The visible text of the page body, one stripped, non-empty line per block."""
    from copy import deepcopy

    body = root.find("body")
    tree = deepcopy(body if body is not None else root)
    for el in list(tree.iter()):
        if el.getparent() is None:
            continue
        tag = el.tag if isinstance(el.tag, str) else ""
        # Namespaced tags (jsp:include, c:import) are server-side template code.
        if not tag or tag in _NEVER_TEXT or tag in drop or ":" in tag:
            el.drop_tree()
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag in _BLOCK_TAGS:
            el.tail = "\n" + (el.tail or "")
            if el.tag != "br":
                el.text = "\n" + (el.text or "")
        elif el.tag in _CELL_TAGS:
            el.tail = " " + (el.tail or "")
    for table in tree.iter("table"):
        if not any(True for _ in table.iterdescendants("table")):
            for row in table.iter("tr"):
                row.text = row.text.replace("\n", "\n" + _ROW_MARK, 1)
    text = str(tree.text_content())
    return [line.strip() for line in text.split("\n") if line.strip(_ROW_MARK + " \t\r\f\v\xa0\u3000")]


def _article_lines(root: HtmlElement, lines: list[str]) -> set[int]:
    """Indices of the page lines that hold the extractor's article paragraphs."""
    paragraphs = _extracted_paragraphs(root)
    if not paragraphs:
        return set()
    keys = [_key(line) for line in lines]
    joined = "".join(keys)
    owner = [i for i, key in enumerate(keys) for _ in key]
    kept: set[int] = set()
    cursor = 0
    for paragraph in paragraphs:
        span = _find(joined, _key(paragraph), cursor)
        if span is None:
            continue
        start, end = span
        kept.update(owner[start:end])
        cursor = end
    if kept:
        # Data tables inside the article are part of it (the extractor is run without tables,
        # since it takes layout tables, menus and all, for content).
        first, last = min(kept), max(kept)
        kept.update(i for i in range(first, last) if lines[i].startswith(_ROW_MARK))
    return kept


def _find(joined: str, key: str, cursor: int) -> tuple[int, int] | None:
    """Where a paragraph's key sits in the page, searching on from the last match first."""
    if not key:
        return None
    for candidate in (key, key.removeprefix("-")):
        at = joined.find(candidate, cursor)
        if at < 0:
            at = joined.find(candidate)
        if at >= 0 and candidate:
            return at, at + len(candidate)
    return None


def _key(text: str) -> str:
    return _KEY_JUNK.sub("", text)


def _extracted_paragraphs(root: HtmlElement) -> list[str]:
    from copy import deepcopy

    import trafilatura

    if element_count(root) > MAX_TREE_ELEMENTS:
        return []
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    tree = deepcopy(root)
    for el in tree.xpath("|".join(f"//{tag}" for tag in _CHROME_ELEMENTS)):
        el.drop_tree()
    _unname_article_path(tree)
    text = trafilatura.extract(
        tree, output_format="txt", include_tables=False, include_comments=False,
        include_images=False, include_links=False, deduplicate=False, config=_config(),
    )
    return [line.strip() for line in (text or "").split("\n") if line.strip()]


@lru_cache(maxsize=1)
def _config() -> ConfigParser:
    from trafilatura.settings import use_config

    config = use_config()
    config["DEFAULT"]["MIN_EXTRACTED_SIZE"] = str(MIN_ARTICLE_CHARS)
    return config


def _unname_article_path(root: HtmlElement) -> None:
    """Remove class and id from the element that holds most of the prose, and from its ancestors.

    The extractor also discards blocks by class or id words (footer, side, nav...), and sites put such
    words on the article's own wrapper (``<div class="news_content mb-footer">``): names must not outweigh
    where the text is.
    """
    weight: dict[HtmlElement, int] = {}
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in _NEVER_TEXT:
            continue
        own = sum(len(t.strip()) for t in (el.text, *(c.tail for c in el)) if t and len(t.strip()) >= LONG_TEXT)
        if own:
            for holder in (el, *el.iterancestors()):
                weight[holder] = weight.get(holder, 0) + own
    total = weight.get(root, 0)
    node = root
    while total:
        heaviest = max((c for c in node if c in weight), key=weight.__getitem__, default=None)
        if heaviest is None or weight[heaviest] < ARTICLE_SHARE * total:
            break
        node = heaviest
    for el in (node, *node.iterancestors()):
        for attribute in ("class", "id"):
            el.attrib.pop(attribute, None)
    if node.tag in ("div", "section"):
        node.tag = "article"  # what the extractor looks for first


def page_title(root: HtmlElement) -> str:
    """The page's headline: its first non-empty <h1>, else its <title>."""
    for xpath in ("//h1", "//title"):
        found = root.xpath(xpath)
        if found:
            text = " ".join(found[0].text_content().split())
            if text:
                return text
    return ""


def _finish(lines: list[str], title: str) -> str:
    """Headline first (when the article lines miss it), and no furniture lines."""
    lines = [line.removeprefix(_ROW_MARK).strip() for line in lines]
    if title and not any(title in line for line in lines):
        lines = [title, *lines]
    return "\n".join(line for line in lines if not (len(line) <= 120 and _FURNITURE_LINE.match(line)))
