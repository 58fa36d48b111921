"""Keep the merged graph in step with an arbitrary SPARQL update by recomputing only what it touches.

Before the update runs (under the single writer's lock), its operations are turned into the triples
they may add or remove: ``INSERT DATA`` / ``DELETE DATA`` name them; for ``DELETE``/``INSERT … WHERE``
and ``DELETE WHERE`` the pattern is evaluated first, as a SELECT of the templates' variables over the
dataset the operation reads (``USING`` → ``FROM``, ``USING NAMED`` → ``FROM NAMED``, ``WITH <g>`` → the
pattern inside ``GRAPH <g>``), and the templates are filled with its rows. The last change of a quad decides
whether it is there afterwards; with the state before the update (read from the indexes on the embedded
store, kg.store.merged_names.IndexedUpdateUpkeep, or with bounded SELECTs on a server,
kg.store.remote_update) that gives each touched fact's and each touched entity's names' state after it. The
update then runs unchanged, followed in the same request by ``DELETE DATA``/``INSERT DATA`` of the merged
graph: each touched fact enters or leaves it according to whether a document graph states it afterwards,
and the names of each entity a touched name belongs to are recomputed. Missing a changed quad would leave
the merged graph out of step, so :func:`changes` raises :class:`CannotTell` (the caller then rebuilds the whole
merged graph) whenever it cannot be sure: LOAD, CLEAR or DROP of ALL or NAMED, a pattern read after
another operation of the same request (it could read what that one wrote), blank nodes, more than
:data:`MAX_TOUCHED` quads, or a text rdflib cannot parse (the engine then reports the error). CLEAR, DROP,
ADD, COPY and MOVE of one graph are worked out from what that graph holds at that point of the request.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode, Triple

from kg.namespaces import PREFIXES, RESOURCE_IRI
from kg.sparql_lexer import operation_start, top_level_wheres
from kg.store.terms import Term

MAX_TOUCHED = 100_000
"""Above this many touched triples the whole merged graph is rebuilt instead."""
Select = Callable[[str], list[dict[str, Term]]]
"""Runs a SELECT the way the update's WHERE would read the store (its real default graph)."""
ReadGraph = Callable[[NamedNode | None], list[Triple]]
"""The triples of a graph (None: the default graph); raises CannotTell when it cannot tell."""
_PARSE_LOCK = threading.Lock()
_PN_LOCAL_ESCAPE = re.compile(r"\\([_~.\-!$&'()*+,;=/?#@%])")


class CannotTell(Exception):
    """The touched triples cannot be worked out before the update runs."""


def _parsed_operations(update: str) -> list:  # type: ignore[type-arg]
    import rdflib
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.algebra import translateUpdate
    from rdflib.plugins.sparql.parser import parseUpdate

    with _PARSE_LOCK:  # literals keep their lexical form ("01" stays "01"), as the engine stores them
        normalize, rdflib.NORMALIZE_LITERALS = rdflib.NORMALIZE_LITERALS, False
        try:
            return list(translateUpdate(parseUpdate(update), base=RESOURCE_IRI, initNs=PREFIXES).algebra)
        except (ParseBaseException, RecursionError, ValueError, TypeError, KeyError, AttributeError) as exc:
            raise CannotTell(f"unparsed: {exc}") from exc
        finally:
            rdflib.NORMALIZE_LITERALS = normalize


def _term(term: object, row: Mapping[str, Term] | None = None) -> Term | None:
    from rdflib import BNode, URIRef, Variable
    from rdflib import Literal as RdfLiteral

    if isinstance(term, Variable):
        return None if row is None else row.get(str(term))
    if isinstance(term, URIRef):  # rdflib keeps a prefixed name's escapes (ex:a\\# is <…a#>)
        try:
            return NamedNode(_PN_LOCAL_ESCAPE.sub(r"\1", str(term)))
        except ValueError as exc:
            raise CannotTell(f"IRI not understood: {exc}") from exc
    if isinstance(term, RdfLiteral):
        if term.language:
            return Literal(str(term), language=term.language)
        return Literal(str(term), datatype=NamedNode(str(term.datatype))) if term.datatype else Literal(str(term))
    if isinstance(term, BNode):
        raise CannotTell("blank node in data or template")
    raise CannotTell(f"unsupported term {term!r}")


def _field(node: object, key: str) -> object:
    """A field of an rdflib algebra node, None when absent (its ``get`` answers the key's name then)."""
    return node[key] if key in node else None  # type: ignore[index,operator]  # noqa: SIM401


Pattern = tuple[object, object, object, object]
"""Subject, predicate, object and graph (None: the default graph) of a template or data block, rdflib terms."""


def _template(clause: object, with_graph: object = None) -> list[Pattern]:
    """The quad patterns of a quad template or quad data block; triples outside GRAPH go to ``with_graph``."""
    if clause is None:
        return []
    patterns = [(*t, with_graph) for t in _field(clause, "triples") or []]  # type: ignore[attr-defined]
    for graph, triples in (_field(clause, "quads") or {}).items():  # type: ignore[attr-defined]
        patterns.extend((*t, graph) for t in triples)
    return patterns


@dataclass(frozen=True)
class Change:
    """A quad an operation deletes (``inserted`` False) or inserts; ``graph`` None for the default graph."""

    triple: Triple
    graph: NamedNode | None
    inserted: bool


def _filled(patterns: list[Pattern], rows: Iterable[Mapping[str, Term] | None], inserted: bool) -> Iterator[Change]:
    for row in rows:
        for pattern in patterns:
            s, p, o = (_term(t, row) for t in pattern[:3])
            graph = None if pattern[3] is None else _term(pattern[3], row)
            if isinstance(s, Literal) or not isinstance(p, NamedNode) or s is None or o is None:
                continue  # unbound or not a valid triple: the engine skips it as well
            if pattern[3] is not None and not isinstance(graph, NamedNode):
                continue
            if not isinstance(s, NamedNode) or not isinstance(o, NamedNode | Literal):
                raise CannotTell("blank node in a solution")
            yield Change(Triple(s, p, o), graph, inserted)


def _variables(patterns: list[Pattern]) -> list[str]:
    from rdflib import Variable

    return sorted({str(t) for pattern in patterns for t in pattern if isinstance(t, Variable)})


def _where_query(update: str, operation: object, variables: list[str]) -> str:
    """A SELECT of ``variables`` over the pattern of the update's first operation, reading what it reads."""
    where = top_level_wheres(update)
    if not where:
        raise CannotTell("no WHERE found")
    start, end = where[0].block
    pattern = update[start:end]
    using = _field(operation, "using") or []
    dataset = " ".join(f"FROM NAMED <{u['named']}>" if "named" in u else f"FROM <{u['default']}>"
                       for u in using)  # type: ignore[attr-defined]
    with_graph = _field(operation, "withClause")
    if with_graph is not None and not using:
        pattern = f"{{ GRAPH <{with_graph}> {pattern} }}"
    prologue = update[: operation_start(update)]
    projection = " ".join("?" + v for v in variables)
    return f"{prologue} SELECT DISTINCT {projection} {dataset} WHERE {pattern} LIMIT {MAX_TOUCHED + 1}"


class _Changes:
    """The changes found so far, and what a graph holds at this point of the update."""

    def __init__(self, read_graph: ReadGraph | None) -> None:
        self.found: list[Change] = []
        self.read_graph = read_graph
        self._before: dict[NamedNode | None, list[Triple]] = {}

    def content(self, graph: NamedNode | None) -> set[Triple]:
        if self.read_graph is None:
            raise CannotTell("graph contents not readable here")
        if graph not in self._before:
            self._before[graph] = self.read_graph(graph)
        held = set(self._before[graph])
        for change in self.found:
            if change.graph == graph:
                (held.add if change.inserted else held.discard)(change.triple)
        return held

    def put(self, triples: Iterable[Triple], graph: NamedNode | None, inserted: bool) -> None:
        self.found.extend(Change(t, graph, inserted) for t in sorted(triples, key=str))

    def graph_operation(self, operation: object) -> None:
        """CLEAR, DROP, ADD, COPY or MOVE of one graph (DEFAULT included) as the quads it deletes and inserts."""
        name = operation.name  # type: ignore[attr-defined]
        if name in ("Clear", "Drop"):
            graph = _graph_operand(_field(operation, "graphiri"))
            self.put(self.content(graph), graph, False)
            return
        source, target = (_graph_operand(g) for g in operation["graph"])  # type: ignore[index]
        if source == target:
            return
        moved = self.content(source)
        if name in ("Copy", "Move"):
            self.put(self.content(target), target, False)
        self.put(moved, target, True)
        if name == "Move":
            self.put(moved, source, False)


def _graph_operand(graph: object) -> NamedNode | None:
    if graph == "DEFAULT":
        return None
    if graph in ("NAMED", "ALL") or graph is None:
        raise CannotTell(f"operation on {graph} graphs")
    term = _term(graph)
    if not isinstance(term, NamedNode):
        raise CannotTell(f"graph {graph!r}")
    return term


def changes(update: str, select: Select, read_graph: ReadGraph | None = None) -> list[Change]:
    """The quads the update may delete or insert, in the order it does (see the module's docstring).

    ``read_graph(graph)``: the triples a graph (None: the default graph) holds before the update, for graph
    operations (CLEAR, DROP, ADD, COPY, MOVE of one graph); without it they rebuild.

    Raises:
        CannotTell: the merged graph must then be rebuilt.
    """
    state = _Changes(read_graph)
    for index, operation in enumerate(_parsed_operations(update)):
        if operation.name in ("InsertData", "DeleteData"):
            state.found.extend(_filled(_template(operation), [None], operation.name == "InsertData"))
        elif operation.name in ("Modify", "DeleteWhere"):
            if index > 0:
                raise CannotTell("a pattern read after another operation of the request")
            with_graph = _field(operation, "withClause")
            deleted = _template(operation if operation.name == "DeleteWhere" else _field(operation, "delete"),
                                with_graph)
            inserted = [] if operation.name == "DeleteWhere" else _template(_field(operation, "insert"), with_graph)
            variables = _variables(deleted + inserted)
            rows = select(_where_query(update, operation, variables)) if variables else [None]
            if len(rows) > MAX_TOUCHED:
                raise CannotTell("the pattern matches too much")
            state.found.extend(_filled(deleted, rows, False))
            state.found.extend(_filled(inserted, rows, True))
        elif operation.name in ("Clear", "Drop", "Add", "Copy", "Move"):
            state.graph_operation(operation)
        elif operation.name != "Create":
            raise CannotTell(f"operation {operation.name}")
        if len(state.found) > MAX_TOUCHED:
            raise CannotTell("too many touched triples")
    return state.found


def touched_triples(update: str, select: Select, read_graph: ReadGraph | None = None) -> set[Triple]:
    """The triples (graph names dropped) the update may add to or remove from any graph.

    Raises:
        CannotTell: the merged graph must then be rebuilt.
    """
    return {change.triple for change in changes(update, select, read_graph)}
