"""A project named a key project of a province gives the title to its company (invented text)."""

from __future__ import annotations

from ingest.document import Document
from ingest.extract.honour_projects import project_titles
from ingest.pipeline import run
from kg.model import EntityType, Predicate


def _awarded(text: str) -> set[tuple[EntityType, str, str]]:
    doc = run(Document("titled", "titled.txt", text))
    return {(f.subject[0], f.subject[1], f.obj[1]) for f in doc.facts if f.predicate is Predicate.AWARDED and f.obj}


def test_key_project_titles_are_read_with_their_level() -> None:
    titles = [(t.honour, t.anaphoric) for t in project_titles("该项目为在建省重点项目,总投资12亿元")]
    assert titles == [("省重点项目", True)]
    titles = [t.honour for t in project_titles("三期扩建项目是江南省“十四五”重点工业工程,总投资8亿元")]
    assert titles == ["江南省十四五重点工业工程"]


def test_a_key_project_without_a_level_or_before_more_words_is_no_title() -> None:
    assert list(project_titles("该项目是我们今年的重点项目,进展顺利")) == []
    assert list(project_titles("该项目是全省重点项目建设的缩影")) == []


def test_the_title_goes_to_the_investor_of_the_project_pointed_back_to() -> None:
    text = "星河高新区青松新材料有限公司投资5亿元建设电池材料项目。该项目为省重点项目,进展顺利。"
    found = _awarded(text)
    holders = {who for who in found if who[2] == "省重点项目"}
    assert holders == {(EntityType.ENTERPRISE, "青松新材料有限公司", "省重点项目")}


def test_without_an_investor_the_company_of_the_next_sentence_holds_it() -> None:
    text = ("走进星河经济技术开发区的青松新材料年产5万吨电池材料项目施工现场,工人们正在施工。"
            "该项目为在建省重点项目,总投资24亿元。宁德青松新材料有限公司总经理称,项目进展顺利。")
    assert _awarded(text) == {(EntityType.ENTERPRISE, "宁德青松新材料有限公司", "省重点项目")}


def test_the_title_goes_to_the_group_the_sentence_names() -> None:
    text = "二期煤焦化项目是江南省“十四五”重点工业工程,总投资8亿元,将为蓝湾集团今后发展奠定基础。"
    assert (EntityType.ENTERPRISE, "蓝湾集团", "江南省十四五重点工业工程") in _awarded(text)


def test_a_titled_project_with_no_company_in_sight_gives_no_award() -> None:
    assert _awarded("二期煤焦化项目是江南省重点工业工程,总投资8亿元。") == set()
