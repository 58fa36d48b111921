"""Generated lexical variants of SPARQL texts that ask the engine to fetch a URL (SERVICE, LOAD).

Each variant combines, at random but reproducibly (seeded), the tricks a
text-level guard can be fooled by: escapes in prefixed names (``ex:a\\#``) and
strings (``"\\""``, ``'\\''``), ``\\u`` escapes of keyword letters and IRI
characters, comments (also ending right before the keyword), ``#`` inside
IRIs, keyword case, whitespace, nesting (OPTIONAL, UNION, MINUS, FILTER
EXISTS, sub-SELECT, GRAPH, plain groups), SERVICE SILENT, and variables or
prefixed names as the service IRI.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

QUERY_FORMS = [
    "SELECT * WHERE {{ {body} }}",
    "SELECT ?s (COUNT(*) AS ?n) WHERE {{ {body} }} GROUP BY ?s",
    "ASK {{ {body} }}",
    "CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {body} }}",
    "DESCRIBE ?s WHERE {{ {body} }}",
    "SELECT * {{ {body} }} LIMIT 1",
]
UPDATE_FORMS = [
    "INSERT {{ ?s ?p ?o }} WHERE {{ {body} }}",
    "DELETE {{ ?s ?p ?o }} WHERE {{ {body} }}",
    "WITH <http://e/g> DELETE {{ ?s ?p ?o }} INSERT {{ ?s ?p ?o }} WHERE {{ {body} }}",
]
NOISE = [
    "VALUES ?x {{ ex:a\\# }}",
    "?a ?b ex:a\\# .",
    "?a ?b ex:a\\#\\. .",
    "BIND(ex:c\\#d AS ?q)",
    '?a ?b "\\"#" .',
    "?a ?b '\\'#' .",
    '?a ?b """ " # "" """ .',
    "?a ?b '''#'''.",
    "?a ?b <http://e/#> .",
    "?a <http://e/p#q> ?c .",
    "# a comment \n",
    "#\n",
    "FILTER(?a != \"}}\")",
    "?a ?b ?c .",
    "",
]
SEPARATORS = [" ", "\n", "\t", "\r\n", "  ", "#c\n", "# SERVICE <http://e/>\n"]
NESTINGS = [
    "{inner}",
    "{{ {inner} }}",
    "OPTIONAL {{ {inner} }}",
    "{{ ?a ?b ?c }} UNION {{ {inner} }}",
    "MINUS {{ {inner} }}",
    "FILTER EXISTS {{ {inner} }}",
    "FILTER NOT EXISTS {{ {inner} }}",
    "{{ SELECT * WHERE {{ {inner} }} }}",
    "GRAPH ?g {{ {inner} }}",
    "{{ {{ {{ {inner} }} }} }}",
]
LOAD_FORMS = [
    "LOAD {silent}{iri}",
    "LOAD {silent}{iri} INTO GRAPH <http://e/g>",
    "INSERT DATA {{ ex:a\\# ex:b 1 }} ;{sep}LOAD {silent}{iri}",
    "# c\n LOAD {silent}{iri}",
    "CLEAR SILENT GRAPH <http://e/g> ;{sep}LOAD {silent}{iri}",
]


def _case(word: str, rng: random.Random) -> str:
    return "".join(c.upper() if rng.random() < 0.5 else c.lower() for c in word)


def _keyword(word: str, rng: random.Random) -> str:
    """The keyword in random case, sometimes with one letter as a \\u or \\U escape."""
    roll = rng.random()
    if roll < 0.15:
        i = rng.randrange(len(word))
        return word[:i] + f"\\u{ord(word[i]):04X}" + word[i + 1 :]
    if roll < 0.2:
        i = rng.randrange(len(word))
        return word[:i] + f"\\U{ord(word[i]):08x}" + word[i + 1 :]
    return _case(word, rng)


def _target(base: str, rng: random.Random) -> tuple[str, str]:
    """(what the service names, a pattern that binds it if it is a variable)."""
    roll = rng.randrange(9)
    if roll == 0:
        return "?svc", f"VALUES ?svc {{ <{base}x> }}"
    if roll == 1:
        return "?svc", f"BIND(IRI(\"{base}x\") AS ?svc)"
    if roll == 2:
        return "loop:x", ""
    if roll == 3:
        return "loop:a\\#b", ""
    if roll == 4:
        return f"<{base}x#{rng.choice(['', 'frag', '}', ' '.strip()])}>", ""
    if roll == 5:
        return f"<{base.replace(':', chr(92) + 'u003A', 1)}x>", ""
    if roll == 6:
        return f"<{base}%23x>", ""
    return f"<{base}x>", ""


def _prologue(base: str) -> str:
    return f"PREFIX ex: <http://e/> PREFIX loop: <{base}>\n"


def _service_body(base: str, rng: random.Random) -> str:
    target, binder = _target(base, rng)
    sep = rng.choice(SEPARATORS)
    silent = _keyword("SILENT", rng) + rng.choice(SEPARATORS) if rng.random() < 0.3 else ""
    service = f"{_keyword('SERVICE', rng)}{sep}{silent}{target}{rng.choice(SEPARATORS)}{{ ?s ?p ?o }}"
    for _ in range(rng.randrange(3)):
        service = rng.choice(NESTINGS).format(inner=service)
    noise = rng.choice(NOISE).format()
    return f"{binder} {noise}{rng.choice(SEPARATORS)}{service}"


def query_variants(port: int, count: int, seed: int = 13) -> Iterator[str]:
    """``count`` query texts, each with a SERVICE call to ``127.0.0.1:port`` in some lexical disguise."""
    rng = random.Random(seed)
    base = f"http://127.0.0.1:{port}/"
    for _ in range(count):
        form = rng.choice(QUERY_FORMS)
        yield _prologue(base) + form.format(body=_service_body(base, rng))


def update_variants(port: int, count: int, seed: int = 31) -> Iterator[str]:
    """``count`` update texts: LOAD of a URL on ``127.0.0.1:port``, or SERVICE inside an update's WHERE."""
    rng = random.Random(seed)
    base = f"http://127.0.0.1:{port}/"
    for _ in range(count):
        if rng.random() < 0.5:
            target, _ = _target(base, rng)
            target = target if not target.startswith("?") else f"<{base}x>"
            silent = _keyword("SILENT", rng) + " " if rng.random() < 0.3 else ""
            form = rng.choice(LOAD_FORMS).replace("LOAD", _keyword("LOAD", rng))
            yield _prologue(base) + form.format(silent=silent, iri=target, sep=rng.choice(SEPARATORS))
        else:
            yield _prologue(base) + rng.choice(UPDATE_FORMS).format(body=_service_body(base, rng))
