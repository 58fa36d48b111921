"""The dataset an update's WHERE reads, written into its text as ``USING`` / ``USING NAMED`` clauses.

Two sources: the protocol's ``using-graph-uri`` / ``using-named-graph-uri`` (SPARQL 1.1 Protocol §2.2.3:
they apply to every operation that reads a dataset, and an operation that names its own with ``USING``,
``USING NAMED`` or ``WITH`` makes the request an error), and the service's default dataset for
operations that name none (:func:`with_default_dataset`). pyoxigraph takes no dataset for updates, so
the clauses go into the text: before each top-level ``WHERE`` of an ``INSERT``/``DELETE … WHERE``, and
``DELETE WHERE { P }`` becomes ``DELETE { P } USING … WHERE { P }``. The places are found by
:mod:`kg.sparql_lexer` and checked against rdflib's parse of the result.

>>> with_protocol_dataset("INSERT { GRAPH <http://o> { ?s a ?t } } WHERE { ?s a ?t }", UpdateDataset(("http://d",)))
'INSERT { GRAPH <http://o> { ?s a ?t } } USING <http://d> WHERE { ?s a ?t }'
>>> with_protocol_dataset("DELETE WHERE { ?s a ?t }", UpdateDataset((), ("http://n",)))
'DELETE { ?s a ?t } USING NAMED <http://n> WHERE { ?s a ?t }'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from kg.errors import DatasetConflict, QuerySyntaxError
from kg.sparql_lexer import Where, top_level_wheres
from kg.sparql_syntax import may_spell

PROBE = "USING <urn:zonekg:probe>"  # stands in for the real clauses while the rewrite is checked


@dataclass(frozen=True)
class UpdateDataset:
    """Default graphs (``USING``) and named graphs (``USING NAMED``) of an update's WHERE; repeats count once."""

    default: tuple[str, ...] = ()
    named: tuple[str, ...] = ()

    def clauses(self) -> str:
        default = [f"USING <{iri}>" for iri in dict.fromkeys(self.default)]
        return " ".join(default + [f"USING NAMED <{iri}>" for iri in dict.fromkeys(self.named)])


@dataclass(frozen=True)
class Reader:
    """An operation that reads a dataset: ``DeleteWhere`` or ``Modify``, and whether it names its own."""

    kind: str
    own_dataset: bool


@lru_cache(maxsize=128)
def _readers(update: str) -> tuple[Reader, ...] | None:
    """The operations of an update that read a dataset, in order; None when rdflib cannot parse the text."""
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        operations = parseUpdate(update).request
    except (ParseBaseException, RecursionError):
        return None
    readers = (op for op in operations if op.name in ("Modify", "DeleteWhere"))
    return tuple(Reader(op.name, "using" in op or "withClause" in op) for op in readers)


def with_protocol_dataset(update: str, dataset: UpdateDataset) -> str:
    """The update with ``dataset`` as the dataset of every operation that reads one.

    Raises:
        DatasetConflict: an operation names its own dataset (``USING``, ``USING NAMED`` or ``WITH``).
        QuerySyntaxError: the text does not parse, so the operations cannot be told apart.
    """
    readers = _readers(update)
    if readers is None:
        raise QuerySyntaxError("the update does not parse (SPARQL 1.1 Update grammar)")
    if any(reader.own_dataset for reader in readers):
        raise DatasetConflict(
            "using-graph-uri / using-named-graph-uri cannot be combined with USING, USING NAMED or WITH in the update"
        )
    return _rewritten(update, readers, [True] * len(readers), dataset.clauses())


def with_default_dataset(update: str, graphs: Iterable[str]) -> str:
    """The update with ``graphs`` (default and named) as the dataset of each ``INSERT``/``DELETE … WHERE``
    that names none; ``DELETE WHERE`` keeps the store's default graph (it deletes what it matches there).

    A text that does not parse is returned as it is, for the engine to report.
    """
    readers = _readers(update) if may_spell(update, ("where",)) else ()
    if not readers:
        return update
    targets = [reader.kind == "Modify" and not reader.own_dataset for reader in readers]
    graph_list = tuple(graphs)
    if not any(targets) or not graph_list:
        return update
    return _rewritten(update, readers, targets, UpdateDataset(graph_list, graph_list).clauses())


def _rewritten(update: str, readers: tuple[Reader, ...], targets: list[bool], clauses: str) -> str:
    wheres = top_level_wheres(update)
    if [w.delete_where for w in wheres] != [reader.kind == "DeleteWhere" for reader in readers]:
        raise QuerySyntaxError("cannot find the WHERE clause of each operation of this update")
    probe = _edited(update, wheres, targets, PROBE)
    expected = tuple(Reader("Modify", True) if hit else reader for reader, hit in zip(readers, targets, strict=True))
    if _readers(probe) != expected:
        raise QuerySyntaxError("cannot find the WHERE clause of each operation of this update")
    return _edited(update, wheres, targets, clauses)


def _edited(update: str, wheres: list[Where], targets: list[bool], clauses: str) -> str:
    text = update
    for where, target in reversed(list(zip(wheres, targets, strict=True))):
        if not target:
            continue
        if where.delete_where:
            start, end = where.block
            pattern = update[start:end]
            text = f"{text[:where.start]}{pattern} {clauses} WHERE {pattern}{text[end:]}"
        else:
            text = f"{text[:where.start]}{clauses} {text[where.start:]}"
    return text
