"""Pinyin glosses and Taiwan/Hong Kong wording in normalisation (invented sentences)."""

from __future__ import annotations

from ingest.document import Document
from ingest.emit import to_gold_json
from ingest.normalise import normalise, normalise_text
from ingest.pipeline import run


def test_pinyin_glosses_are_dropped_and_offsets_point_into_raw() -> None:
    raw = "青松機(jī)器人落戶經(jīng)濟(jì)開(kāi)發(fā)區(qū)。"
    doc = normalise(Document("d", "d.txt", raw))
    assert doc.text == "青松机器人落户经济开发区。"
    start = doc.text.index("开发区")
    raw_start, raw_end = doc.raw_span(start, start + 3)
    assert raw[raw_start:raw_end] == "開(kāi)發(fā)區"


def test_latin_in_brackets_is_not_a_gloss() -> None:
    text, _ = normalise_text("蓝湾冷链(AI)与园区(一期)项目(ab)")
    assert text == "蓝湾冷链(AI)与园区(一期)项目(ab)"


def test_taiwan_wording_becomes_mainland_cue_words_on_traditional_lines() -> None:
    doc = normalise(Document("d", "d.txt", "青松電子晶片專案昨日動土。\n晶片专案"))
    first, second = doc.text.split("\n")
    assert first == "青松电子芯片项目昨日动工。"
    assert second == "晶片专案", "a line in simplified script is left as written"


def test_names_keep_their_t2s_form() -> None:
    raw = "青松電子股份有限公司AI晶片專案於星河園區動土，總投資50億元。"
    found = to_gold_json(run(Document("d", "d.txt", raw)))
    projects = [e["name"] for e in found["entities"] if e["type"] == "Project"]
    assert projects == ["青松电子股份有限公司AI晶片专案"]
    statuses = [f for f in found["facts"] if f["p"] == "status"]
    assert statuses and statuses[0]["o"] == "started"
    assert all("芯片" not in f.get("s", "") for f in found["facts"])
