"""Filling the ``viz_*`` query templates: their marked lines (``#NODES``, ``#LINKS``...) become VALUES blocks."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from pyoxigraph import NamedNode

from kg.sparql import load_query


def values_block(variable: str, iris: Iterable[str]) -> str:
    """``VALUES ?variable { <iri> ... }``, each IRI checked and written by pyoxigraph (never caller text)."""
    return f"VALUES ?{variable} {{ {' '.join(str(NamedNode(i)) for i in iris)} }}"


def numbered(pattern: str, predicates: Iterable[NamedNode | str]) -> str:
    """One ``pattern`` per predicate (``{p}`` in it), ``?k`` bound to its position, joined by UNION: each an
    index lookup (the engine joins a VALUES block of predicates with the IRIs of another far more slowly)."""
    return " UNION ".join(f"{{ {pattern.format(p=p)} BIND({k} AS ?k) }}" for k, p in enumerate(predicates))


def union(pattern: str, predicates: Iterable[NamedNode | str]) -> str:
    """One ``pattern`` per predicate (``{p}`` in it), joined by UNION."""
    return " UNION ".join(f"{{ {pattern.format(p=p)} }}" for p in predicates)


def fill(template: str, parts: Mapping[str, str]) -> str:
    """The template ``template`` with each line marked by a key of ``parts`` replaced (the others kept)."""
    return "\n".join(parts.get(line.strip(), line) for line in load_query(template).splitlines())
