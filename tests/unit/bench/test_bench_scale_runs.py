"""bench_scale: its arguments, the marker that lets a second run reuse the stores, and the capped query children
(same rows as a query in this process; a query over the cap is given up and its child ended)."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest
from pyoxigraph import NamedNode, Store

from bench.bench_scale import PROLOGUE, arguments, ratio, read_marker, write_marker
from bench.process_figures import peak_rss_bytes
from bench.scale_runs import QueryRun, Timing, canonical, capped_query, largest_child_rss, raw_rows
from bench.synth import document_quads, nquads, plans
from kg.store.oxigraph import OxigraphStore

COMPANIES = "SELECT ?z ?c ?l WHERE { ?c zone:locatedIn ?z ; rdfs:label ?l }"
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def test_arguments_default_to_one_million_triples_in_a_temporary_folder() -> None:
    args = arguments([])
    assert args.triples == [1_000_000] and args.store is None and args.cap == 60.0


def test_arguments_take_several_sizes_and_a_store_folder(tmp_path: Path) -> None:
    args = arguments(["--triples", "5000", "--triples", "9000", "--store", str(tmp_path), "--cap", "5"])
    assert args.triples == [5000, 9000] and args.store == tmp_path and args.cap == 5.0


@pytest.mark.parametrize("bad", [["--cap", "0"], ["--triples", "-3"], ["--triples", "many"]])
def test_arguments_refuse_what_cannot_be_measured(bad: list[str]) -> None:
    with pytest.raises(SystemExit):
        arguments(bad)


def test_stores_are_reused_only_once_a_load_has_finished(tmp_path: Path) -> None:
    assert read_marker(tmp_path, 5000) is None
    write_marker(tmp_path, 5000, {"quads": 4912, "ours_s": 1.5, "raw_s": 0.5})
    assert read_marker(tmp_path, 5000) == {"quads": 4912, "ours_s": 1.5, "raw_s": 0.5}
    assert read_marker(tmp_path, 9000) is None


@pytest.fixture(scope="module")
def store_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("scale") / "store"
    store = OxigraphStore(folder)
    store.bulk_load_nquads(b"".join(nquads(document_quads(p)) for p in plans(20)))
    store.close()
    return folder


def test_a_capped_query_gives_the_rows_of_the_same_query_run_here(store_folder: Path) -> None:
    query = PROLOGUE + COMPANIES
    here = Store.read_only(str(store_folder))
    expected = canonical(raw_rows(here, query))
    del here
    timing = capped_query(QueryRun(store_folder, query), cap_s=120, repeats=2)
    assert timing is not None and timing.rows == expected and len(expected) > 10
    assert timing.runs == 2 and timing.seconds > 0


def test_a_capped_query_on_our_store_drops_its_bound_variables(store_folder: Path) -> None:
    store = OxigraphStore(store_folder, read_only=True)
    zone = store.select("SELECT ?z WHERE { ?c zone:locatedIn ?z } LIMIT 1")[0]["z"]
    expected = canonical(store.select(COMPANIES, bindings={"z": zone}), frozenset({"z"}))
    store.close()
    assert isinstance(zone, NamedNode)
    run = QueryRun(store_folder, COMPANIES, ours=True, bindings=(("z", zone.value),))
    timing = capped_query(run, cap_s=120, repeats=1)
    assert timing is not None and timing.rows == expected
    assert expected and all(name != "z" for row in expected for name, _ in row)


def test_a_query_over_the_cap_is_given_up_and_its_child_ended(store_folder: Path) -> None:
    assert capped_query(QueryRun(store_folder, ENDLESS), cap_s=0.5) is None
    assert multiprocessing.active_children() == []


def test_a_child_that_cannot_open_the_store_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match="query child"):
        capped_query(QueryRun(tmp_path / "missing", COMPANIES), cap_s=5)



def test_query_children_report_their_own_peak_memory_not_this_process_s(store_folder: Path) -> None:
    ballast = bytearray(400_000_000)  # this process's peak, which a child forked from it must not report
    ballast[::4096] = b"x" * len(ballast[::4096])
    assert peak_rss_bytes() > 400e6
    del ballast
    assert capped_query(QueryRun(store_folder, PROLOGUE + COMPANIES), cap_s=120, repeats=0) is not None
    assert 10e6 < largest_child_rss() < 300e6


def test_ratios_are_bounds_when_a_side_was_over_the_cap() -> None:
    fast, slow = Timing(0.25, 3, []), Timing(2.0, 3, [])
    assert ratio(slow, fast, cap_s=60) == "8.00"
    assert ratio(None, fast, cap_s=60) == "> 240.00"
    assert ratio(fast, None, cap_s=60) == "< 0.0042"
    assert ratio(None, None, cap_s=60) == "?"
