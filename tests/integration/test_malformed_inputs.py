"""Malformed documents are refused with one clear line (4xx, CLI exit code 2), never a 500 or a traceback.

The full run (1,200 inputs through upload and the CLI) is ``python -m bench.bench_malformed``.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from bench.bench_malformed import run_cli, run_uploads
from bench.malformed import HTML, TEXT, base_documents, malformed_inputs
from ingest.load import load_bytes
from kg.errors import DocumentRejected
from kg.iri import doc_graph_iri, is_valid_doc_id


def test_generated_inputs_load_or_are_refused_with_one_line() -> None:
    outcomes = {"loaded": 0, "refused": 0}
    for _, name, data in malformed_inputs(400, seed=7):
        try:
            load_bytes(data, name)
            outcomes["loaded"] += 1
        except DocumentRejected as exc:
            assert "\n" not in str(exc) and str(exc).strip()
            outcomes["refused"] += 1
    assert outcomes["refused"] > 150 and outcomes["loaded"] > 50


def test_generated_inputs_through_upload_give_no_5xx_and_leave_the_store_unchanged() -> None:
    outcome = run_uploads(malformed_inputs(80, seed=11))
    assert outcome.server_errors == [] and outcome.changed_on_refusal == [] and outcome.bad_details == []
    assert outcome.tracebacks == 0
    assert outcome.refused > 30 and outcome.accepted > 10
    assert set(outcome.statuses) <= {201, 400, 413, 422}


def test_generated_inputs_through_the_cli_print_one_line_each(tmp_path: Path) -> None:
    inputs = malformed_inputs(40, seed=5)
    outcome, code, failed = run_cli(inputs, tmp_path)
    assert (code, outcome.tracebacks, outcome.server_errors, outcome.changed_on_refusal) == (2, 0, [], [])
    assert 10 < failed < len(inputs)


def _docx_with(part: str, data: bytes, compress_type: int = zipfile.ZIP_DEFLATED) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(base_documents()["docx"]))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for info in source.infolist():
            archive.writestr(info.filename, data if info.filename == part else source.read(info), compress_type)
    return buffer.getvalue()


def _unknown_compression(docx: bytes) -> bytes:
    data = bytearray(docx)
    for marker, field in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        at = data.find(marker)
        while at >= 0:
            data[at + field:at + field + 2] = (99).to_bytes(2, "little")
            at = data.find(marker, at + 4)
    return bytes(data)


def _corrupt_deflate(docx: bytes) -> bytes:
    data = bytearray(docx)
    start = data.find(b"word/document.xml") + len(b"word/document.xml")
    for offset in range(5, 40, 3):
        data[start + offset] ^= 0xA5
    return bytes(data)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("deflate.docx", _corrupt_deflate(base_documents()["docx"]), r"unreadable DOCX|not a valid DOCX"),
        ("method99.docx", _unknown_compression(base_documents()["docx"]), r"unreadable DOCX|not a valid DOCX"),
        ("nul.docx", _docx_with("word/document.xml", b"<w:document\x00>"), "unreadable DOCX"),
        ("cut.docx", _docx_with("word/document.xml", b'<?xml version="1.0"?><w:document xmlns:w="x"><w:bo'),
         "unreadable DOCX"),
        ("undefined.html", HTML.replace("gb2312", "undefined").encode("utf-8"), None),
    ],
)
def test_reported_crashers_are_refused_or_read(name: str, data: bytes, reason: str | None) -> None:
    if reason is None:  # an unusable declared charset is ignored and the bytes are decoded as usual
        assert TEXT.splitlines()[1] in load_bytes(data, name).raw
        return
    with pytest.raises(DocumentRejected, match=reason) as refused:
        load_bytes(data, name)
    assert "\n" not in str(refused.value)


def test_a_file_name_with_a_line_feed_gets_a_valid_document_id() -> None:
    doc = load_bytes(TEXT.encode("utf-8"), "report\n.txt")
    assert doc.source_name == "report.txt" and doc.doc_id == "report"
    assert doc_graph_iri(doc.doc_id).value.endswith("/doc/report")
    assert not is_valid_doc_id("report\n")
    with pytest.raises(ValueError, match="invalid document id"):
        doc_graph_iri("report\n")
