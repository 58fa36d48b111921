"""The document view for people: the normalised text with its evidence sentences marked, one of them
(``?s=&e=``, a span of the original text as evidence nodes give it, or ``#evidence-<id>``) highlighted
and scrolled to, and the document's facts listed, each linking to its sentence and its entities."""

from __future__ import annotations

import html
from collections import defaultdict
from dataclasses import dataclass, field

from fastapi.responses import HTMLResponse
from pyoxigraph import Literal

from api.document_service import get_document
from api.entity_service import fullest
from api.page_shell import PREDICATE_LABELS, STATUS_LABELS, entity_url, format_amount, format_value, link, page
from api.schemas import DocumentOut
from api.terms import entity_id, literal_value, local_name
from kg.iri import doc_graph_iri
from kg.sparql import load_query
from kg.store import GraphStore
from kg.text_offsets import decode_offsets, text_span

NO_TEXT = "这份文档入库时还没有保存全文（较早的版本）：重新导入后可阅读全文。下面列出它的全部证据句子。"


@dataclass(frozen=True)
class DocFact:
    """One fact the document states, with the raw span of its evidence sentence."""

    evidence: str
    start: int
    end: int
    subject: str
    predicate: str
    obj: str | None
    node: str | None
    sentence: str


@dataclass
class DocumentView:
    """Everything the page shows."""

    meta: DocumentOut
    title: str
    text: str | None
    offsets: list[int]
    facts: list[DocFact]
    labels: dict[str, str]
    nodes: dict[str, dict[str, list[object]]] = field(default_factory=dict)

    def text_span(self, start: int, end: int) -> tuple[int, int]:
        """A span of the original text as a span of the shown (normalised) text."""
        return text_span(self.offsets, start, end) if self.offsets else (start, end)

    def evidence_spans(self) -> dict[str, tuple[int, int, int, int]]:
        """Evidence id → (raw start, raw end, text start, text end), in text order."""
        spans = {entity_id(f.evidence): (f.start, f.end, *self.text_span(f.start, f.end)) for f in self.facts}
        return dict(sorted(spans.items(), key=lambda item: item[1]))


def load_view(store: GraphStore, doc_id: str) -> DocumentView:
    """The document's text, facts and the labels of what they name.

    Raises:
        NotFound: no document has this id.
    """
    meta = get_document(store, doc_id)
    bindings = {"doc": doc_graph_iri(doc_id)}
    row = next(iter(store.select(load_query("doc_text"), bindings=bindings)), {})
    text = row["text"].value if "text" in row else None
    offsets = decode_offsets(row["offsets"].value, len(text)) if text is not None and "offsets" in row else []
    facts = [_fact(r) for r in store.select(load_query("doc_facts"), bindings=bindings)]
    names: dict[str, list[str]] = defaultdict(list)
    for r in store.select(load_query("doc_entities"), bindings=bindings):
        names[r["e"].value].append(r["label"].value)
    nodes: dict[str, dict[str, list[object]]] = defaultdict(lambda: defaultdict(list))
    for r in store.select(load_query("doc_fact_nodes"), bindings=bindings):
        v = r["v"]
        nodes[r["node"].value][local_name(r["p"].value)].append(literal_value(v) if isinstance(v, Literal)
                                                                 else local_name(v.value))
    labels = {iri: fullest(found) or iri for iri, found in names.items()}
    title = row["title"].value if "title" in row else (meta.source_name or doc_id)
    return DocumentView(meta, title, text, offsets, facts, labels, nodes)


def _fact(row: dict) -> DocFact:  # type: ignore[type-arg]
    return DocFact(
        evidence=row["ev"].value,
        start=int(literal_value(row["start"])),
        end=int(literal_value(row["end"])),
        subject=row["s"].value,
        predicate=local_name(row["p"].value),
        obj=row["o"].value if "o" in row else None,
        node=row["node"].value if "node" in row else None,
        sentence=row["sentence"].value,
    )


def _entity(view: DocumentView, iri: str) -> str:
    label = view.labels.get(iri)
    if label is None:
        return html.escape(entity_id(iri))
    return link(entity_url(iri), label, "entity")


def _node_text(view: DocumentView, node: str) -> str:
    """An n-ary fact's attributes in words: 20亿元, 签约（2021年）, 地区生产总值 1200 亿元 2023 目标 ..."""
    attrs = view.nodes.get(node, {})

    def first(name: str) -> object:
        return attrs.get(name, [None])[0]

    kinds = {str(k) for k in attrs.get("rdf:type", [])}
    year = f"（{first('year')}年）" if first("year") else ""
    if "Investment" in kinds:
        return html.escape(format_amount(float(first("amount") or 0), str(first("currency") or "CNY")))
    if "StatusEvent" in kinds:
        return html.escape(STATUS_LABELS.get(str(first("statusValue")), str(first("statusValue"))) + year)
    if "Award" in kinds:
        honour = str(first("honour") or "")
        body = f"（{first('awardingBody')}）" if first("awardingBody") else ""
        return _entity(view, honour) + html.escape(year + body)
    if "Role" in kinds:
        return _entity(view, str(first("roleIn"))) + html.escape(f" {first('title') or ''}")
    value = format_value(float(first("value") or 0), str(first("unit") or "count"))
    period = f"（{first('period')}）" if first("period") else ""
    target = " 目标" if first("kind") == "target" else ""
    return html.escape(f"{first('metric')}{target} {value}{period}")


def _shown_facts(view: DocumentView) -> list[DocFact]:
    """The facts, without an ``awarded`` triple its Award node (honour, year, body) already says."""
    awards = {(f.evidence, f.subject) for f in view.facts if f.predicate == "award"}
    return [f for f in view.facts if not (f.predicate == "awarded" and (f.evidence, f.subject) in awards)]


def _facts_list(view: DocumentView) -> str:
    items = []
    for fact in _shown_facts(view):
        target = _entity(view, fact.obj) if fact.obj else _node_text(view, fact.node or "")
        words = html.escape(PREDICATE_LABELS.get(fact.predicate, fact.predicate))
        source = f'<a class="source" href="#evidence-{entity_id(fact.evidence)}" ' \
                 f'data-s="{fact.start}" data-e="{fact.end}">原文</a>'
        items.append(f"<li>{_entity(view, fact.subject)} <span class=\"predicate\">{words}</span> "
                     f"{target} {source}</li>")
    if not items:
        return "<p class=\"hint\">这份文档没有抽取到事实。</p>"
    return f"<ol class=\"facts\">{''.join(items)}</ol>"


def _marked_text(view: DocumentView, selected: tuple[int, int] | None) -> str:
    """The text with every evidence sentence in a ``<mark>``; the selected span also carries ``current``."""
    assert view.text is not None
    spans = view.evidence_spans()
    points = {0, len(view.text)}
    for _, _, a, b in spans.values():
        points |= {a, b}
    if selected:
        points |= set(selected)
    cuts = sorted(p for p in points if 0 <= p <= len(view.text))
    owner = {}
    for ident, (_, _, a, b) in spans.items():
        for p in cuts:
            if a <= p < b:
                owner.setdefault(p, (ident, a))
    parts = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece = html.escape(view.text[a:b])
        current = selected is not None and selected[0] <= a and b <= selected[1] and selected[0] < selected[1]
        ident, start = owner.get(a, (None, None))
        classes = " ".join(c for c in ("ev" if ident else "", "current" if current else "") if c)
        if not classes:
            parts.append(piece)
            continue
        anchor = f' id="evidence-{ident}"' if ident and start == a else ""
        data = f' data-ev="{ident}"' if ident else ""
        parts.append(f'<mark class="{classes}"{anchor}{data}>{piece}</mark>')
    return "".join(parts)


def _sentences_only(view: DocumentView, chosen: tuple[int, int] | None) -> str:
    """Without the stored text: the evidence sentences themselves, one per paragraph (older stores)."""
    seen: dict[str, DocFact] = {}
    for fact in sorted(view.facts, key=lambda f: f.start):
        seen.setdefault(entity_id(fact.evidence), fact)
    parts = []
    for ident, fact in seen.items():
        current = " current" if chosen and chosen[0] <= fact.start and fact.end <= chosen[1] else ""
        parts.append(f'<p><mark class="ev{current}" id="evidence-{ident}" data-ev="{ident}">'
                     f"{html.escape(fact.sentence)}</mark></p>")
    return f'<p class="missing">{html.escape(NO_TEXT)}</p><article id="doc-text">{"".join(parts)}</article>'


def render(view: DocumentView, start: int | None, end: int | None) -> HTMLResponse:
    """The page; ``start``/``end`` select a span of the original text to highlight."""
    chosen = (start, end) if start is not None and end is not None and start < end else None
    meta = view.meta
    head = (f"<h1>{html.escape(view.title)}</h1>\n<p class=\"meta\">文档 {html.escape(meta.id)} · "
            f"来源文件 {html.escape(meta.source_name or '未知')} · 编码 {html.escape(meta.encoding or '未知')} · "
            f"{len(_shown_facts(view))} 条事实</p>")
    if view.text is None:
        text = _sentences_only(view, chosen)
    else:
        selected = view.text_span(*chosen) if chosen else None
        text = f'<article id="doc-text" lang="zh-CN">{_marked_text(view, selected)}</article>'
    body = (f'{head}\n<div class="doc-layout"><section class="doc-body" aria-label="正文">{text}</section>\n'
            f'<aside class="doc-facts" aria-label="事实"><h2>本文事实</h2>{_facts_list(view)}</aside></div>')
    return page(view.title, body, kind="document-view", scripts=("document_view.js",))
