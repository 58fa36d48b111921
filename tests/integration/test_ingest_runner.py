"""Ingesting the corpus into an on-disk store: graphs per document, idempotence, failures, parallel runs."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

import ingest.emit
from ingest.runner import IngestReport, ingest_bytes, ingest_paths
from kg.errors import DocumentRejected, KgError
from kg.iri import doc_graph_iri
from kg.store.oxigraph import OxigraphStore

# EUC-KR bytes decode "successfully" as GB18030, into text that is not Chinese.
MOJIBAKE = "한국어 텍스트입니다 경제 개발 구역 기업 유치".encode("euc-kr")


def sorted_nquads(store: OxigraphStore) -> bytes:
    out = io.BytesIO()
    store.dump_nquads(out)
    return b"\n".join(sorted(out.getvalue().splitlines()))


def corpus_ids(corpus: Path) -> set[str]:
    return {p.stem for p in corpus.glob("*.txt")}


@pytest.fixture
def corpus_copy(corpus_dir: Path, tmp_path: Path) -> Path:
    target = tmp_path / "docs"
    shutil.copytree(corpus_dir, target)
    return target


def test_ingest_runner_corpus_gets_one_graph_per_document(disk_store: OxigraphStore, corpus_dir: Path) -> None:
    report = ingest_paths(disk_store, [corpus_dir], workers=1, progress=False)
    ids = corpus_ids(corpus_dir)
    assert report.failed == []
    assert {d.doc_id for d in report.documents} == ids
    assert {g.value for g in disk_store.graphs()} == {doc_graph_iri(i).value for i in ids}
    rows = disk_store.select("SELECT ?id ?name WHERE { ?d a zone:Document ; zone:docId ?id ; zone:sourceName ?name }")
    assert {(r["id"].value, r["name"].value) for r in rows} == {(i, f"{i}.txt") for i in ids}
    assert report.triples == disk_store.quad_count()
    assert report.chars == sum(len(p.read_text(encoding="utf-8")) for p in corpus_dir.glob("*.txt"))


def test_ingest_runner_reingest_replaces_instead_of_duplicating(disk_store: OxigraphStore, corpus_dir: Path) -> None:
    ingest_paths(disk_store, [corpus_dir], workers=1, progress=False)
    count, dump = disk_store.quad_count(), sorted_nquads(disk_store)
    again = ingest_paths(disk_store, [corpus_dir], workers=1, progress=False)
    assert len(again.documents) == len(corpus_ids(corpus_dir))
    assert disk_store.quad_count() == count
    assert sorted_nquads(disk_store) == dump


def test_ingest_runner_skips_bad_files_and_keeps_the_rest(disk_store: OxigraphStore, corpus_copy: Path) -> None:
    good_ids = corpus_ids(corpus_copy)
    (corpus_copy / "zz_broken.pdf").write_bytes(b"%PDF-1.7\n truncated")
    (corpus_copy / "zz_mojibake.txt").write_bytes(MOJIBAKE)
    report = ingest_paths(disk_store, [corpus_copy], workers=1, on_error="skip", progress=False)
    assert {Path(f.source).name for f in report.failed} == {"zz_broken.pdf", "zz_mojibake.txt"}
    assert all(f.reason for f in report.failed)
    assert {g.value for g in disk_store.graphs()} == {doc_graph_iri(i).value for i in good_ids}
    assert "2 failed" in report.summary() and "zz_mojibake.txt" in report.summary()


def test_ingest_runner_raise_stops_and_the_bad_document_never_lands(
    disk_store: OxigraphStore, corpus_dir: Path, tmp_path: Path
) -> None:
    good = sorted(corpus_dir.glob("*.txt"))
    bad = tmp_path / "bad_doc.txt"
    bad.write_bytes(MOJIBAKE)
    with pytest.raises(DocumentRejected, match="bad_doc.txt"):
        ingest_paths(disk_store, [good[0], bad, good[1]], workers=1, on_error="raise", progress=False)
    graphs = {g.value for g in disk_store.graphs()}
    assert doc_graph_iri("bad_doc").value not in graphs
    assert doc_graph_iri(good[0].stem).value in graphs
    assert doc_graph_iri(good[1].stem).value not in graphs


def test_ingest_runner_failed_reingest_leaves_the_old_graph(disk_store: OxigraphStore, corpus_copy: Path) -> None:
    ingest_paths(disk_store, [corpus_copy], workers=1, progress=False)
    before = sorted_nquads(disk_store)
    victim = sorted(corpus_copy.glob("*.txt"))[0]
    victim.write_bytes(MOJIBAKE)  # same name, so the same document id and graph
    report = ingest_paths(disk_store, [victim], workers=1, progress=False)
    assert [Path(f.source).name for f in report.failed] == [victim.name]
    assert sorted_nquads(disk_store) == before


def test_ingest_runner_failure_inside_extraction_is_reported_and_writes_nothing(
    disk_store: OxigraphStore, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    victim = sorted(corpus_dir.glob("*.txt"))[2].stem
    real = ingest.emit.to_triples

    def failing_for_victim(doc):  # type: ignore[no-untyped-def]
        if doc.doc_id == victim:
            raise RuntimeError("emit failed")
        return real(doc)

    monkeypatch.setattr(ingest.emit, "to_triples", failing_for_victim)
    report = ingest_paths(disk_store, [corpus_dir], workers=1, progress=False)
    assert [(Path(f.source).stem, "RuntimeError" in f.reason) for f in report.failed] == [(victim, True)]
    assert doc_graph_iri(victim).value not in {g.value for g in disk_store.graphs()}
    assert len(report.documents) == len(corpus_ids(corpus_dir)) - 1


def test_ingest_runner_same_document_id_twice_in_a_batch_is_refused(
    disk_store: OxigraphStore, corpus_dir: Path, tmp_path: Path
) -> None:
    first = sorted(corpus_dir.glob("*.txt"))[0]
    other = tmp_path / "copy" / first.name
    other.parent.mkdir()
    other.write_bytes(sorted(corpus_dir.glob("*.txt"))[1].read_bytes())
    report = ingest_paths(disk_store, [first, other], workers=1, progress=False)
    assert [d.source_name for d in report.documents] == [first.name]
    assert "also used by" in report.failed[0].reason


def test_ingest_runner_parallel_and_bulk_equal_serial(corpus_dir: Path, tmp_path: Path) -> None:
    dumps: dict[str, bytes] = {}
    runs = {"serial": {"workers": 1}, "parallel": {"workers": 2}, "parallel-bulk": {"workers": 2, "bulk": True}}
    for name, options in runs.items():
        store = OxigraphStore(tmp_path / name)
        try:
            report: IngestReport = ingest_paths(store, [corpus_dir], progress=False, **options)  # type: ignore[arg-type]
            assert report.failed == [] and len(report.documents) == len(corpus_ids(corpus_dir))
            dumps[name] = sorted_nquads(store)
        finally:
            store.close()
    assert dumps["serial"]
    for name in ("parallel", "parallel-bulk"):
        serial, other = set(dumps["serial"].splitlines()), set(dumps[name].splitlines())
        assert dumps[name] == dumps["serial"], (sorted(serial - other)[:5], sorted(other - serial)[:5])


def test_ingest_runner_unknown_on_error_is_refused(memory_store: OxigraphStore, corpus_dir: Path) -> None:
    with pytest.raises(KgError, match="on_error"):
        ingest_paths(memory_store, [corpus_dir], on_error="ignore", progress=False)  # type: ignore[arg-type]
    assert memory_store.quad_count() == 0


def test_ingest_runner_bytes_upload_and_rejection(disk_store: OxigraphStore, corpus_dir: Path) -> None:
    path = sorted(corpus_dir.glob("*.txt"))[-1]
    result = ingest_bytes(disk_store, path.read_text(encoding="utf-8").encode("big5hkscs"), "上传报告.txt")
    assert result.encoding == "big5hkscs" and result.doc_id.startswith("doc-")
    assert [g.value for g in disk_store.graphs()] == [result.graph]
    before = sorted_nquads(disk_store)
    with pytest.raises(DocumentRejected):
        ingest_bytes(disk_store, MOJIBAKE, "上传报告.txt")
    with pytest.raises(DocumentRejected, match="unsupported"):
        ingest_bytes(disk_store, b"{}", "data.json")
    assert sorted_nquads(disk_store) == before


def test_ingest_runner_parallel_batches_report_each_bad_file_and_store_the_rest(
    disk_store: OxigraphStore, tmp_path: Path
) -> None:
    from bench.synth import write_corpus

    folder = tmp_path / "reports"
    plans = write_corpus(folder, 20)  # three worker batches; bad files in the first and the last
    (folder / "synth-0000003x.pdf").write_bytes(b"%PDF-1.7\n truncated")
    (folder / "synth-0000019x.txt").write_bytes(MOJIBAKE)
    report = ingest_paths(disk_store, [folder], workers=2, bulk=True, progress=False)
    assert sorted(Path(f.source).name for f in report.failed) == ["synth-0000003x.pdf", "synth-0000019x.txt"]
    assert [d.doc_id for d in report.documents] == [p.doc_id for p in plans]
    assert {g.value for g in disk_store.graphs()} == {doc_graph_iri(p.doc_id).value for p in plans}
    assert disk_store.quad_count() == report.triples


def test_ingest_runner_parallel_rejected_reingest_leaves_the_store_unchanged(
    disk_store: OxigraphStore, tmp_path: Path
) -> None:
    from bench.synth import write_corpus

    folder = tmp_path / "reports"
    write_corpus(folder, 12)
    ingest_paths(disk_store, [folder], workers=1, progress=False)
    before = set(disk_store.raw)  # document graphs and the merged default graph
    victim = sorted(folder.glob("*.txt"))[9]
    victim.write_bytes(MOJIBAKE)  # same name: same document id and graph
    report = ingest_paths(disk_store, [folder], workers=2, progress=False)
    assert [Path(f.source).name for f in report.failed] == [victim.name]
    assert set(disk_store.raw) == before


def test_ingest_runner_worker_batches_keep_the_order_and_their_limits(tmp_path: Path) -> None:
    from ingest.runner import BATCH_BYTES, BATCH_DOCUMENTS, _batches

    sizes = [10] * (BATCH_DOCUMENTS + 3) + [BATCH_BYTES + 1, 10, BATCH_BYTES // 2, BATCH_BYTES // 2 + 1]
    files = []
    for number, size in enumerate(sizes):
        files.append(tmp_path / f"{number:02d}.txt")
        files[-1].write_bytes(b"a" * size)
    batches = list(_batches(files))
    assert [name for batch in batches for name in batch] == [str(p) for p in files]
    assert [len(b) for b in batches] == [BATCH_DOCUMENTS, 3, 1, 2, 1]
