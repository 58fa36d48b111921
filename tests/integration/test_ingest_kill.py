"""kill -9 during re-ingest loses nothing: a real `zonekg ingest` subprocess re-ingesting stored documents
is killed with SIGKILL at random moments; after each kill every document is its old or its new version,
complete (same quad count), and the merged default graph equals its recomputation from the document graphs.
The long version (300 documents, 24 trials) is bench/bench_kill_ingest.py."""

from __future__ import annotations

from pathlib import Path

from bench.bench_kill_ingest import run_trials


def test_ingest_kill9_during_reingest_leaves_each_document_old_or_new(tmp_path: Path) -> None:
    report = run_trials(tmp_path, documents=60, trials=5, seed=3, workers=(1,))
    assert report.trials == 5 and report.killed >= 3, report.summary()
    assert (report.lost, report.partial, report.merged_out_of_step) == ([], [], []), report.summary()
