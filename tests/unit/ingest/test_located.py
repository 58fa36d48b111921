"""locatedIn on round-up pages, where each company belongs to the zone its own clause names (invented)."""

from __future__ import annotations

from ingest.document import Document, Fact, Mention, Sentence
from ingest.extract.located import (
    relocated,
    sectors_of_a_zone,
    settled_by_verb,
    signed_with_zone,
    sited_in_zones,
    without_partners,
    without_spread_placements,
)
from kg.model import EntityType, Predicate

Z, E = EntityType.ZONE, EntityType.ENTERPRISE


def page(text: str) -> Document:
    return Document("d", "d.txt", text, text=text, sentences=(Sentence(0, 0, len(text), text),),
                    home_zone=(Z, "青溪经济开发区"))


def mention(text: str, kind: EntityType, name: str) -> Mention:
    start = text.index(name)
    return Mention(kind, name, start, start + len(name), 0)


def located(facts: list[Fact]) -> set[tuple[str, str]]:
    return {(f.subject[1], f.obj[1]) for f in facts if f.predicate is Predicate.LOCATED_IN and f.obj}


ROUND_UP = ("项目分别是:青溪经济开发区管委会与青松机器人有限公司签署A项目、白沙经济开发区管委会和蓝湾冷链有限公司"
            "签署B项目、红岭高新区管委会和金穗食品有限公司签署C项目。")


def test_on_a_round_up_page_each_company_is_in_its_clause_zone() -> None:
    doc = page(ROUND_UP)
    zones = [mention(ROUND_UP, Z, name) for name in ("青溪经济开发区", "白沙经济开发区", "红岭高新区")]
    companies = [mention(ROUND_UP, E, name) for name in ("青松机器人有限公司", "蓝湾冷链有限公司", "金穗食品有限公司")]
    facts = [Fact(Predicate.LOCATED_IN, (E, c.name), doc.home_zone, 0) for c in companies]
    assert located(relocated(doc, zones + companies, facts)) == {
        ("青松机器人有限公司", "青溪经济开发区"), ("蓝湾冷链有限公司", "白沙经济开发区"),
        ("金穗食品有限公司", "红岭高新区")}


def test_local_governments_signing_make_a_round_up_and_their_companies_are_not_in_the_zone() -> None:
    text = "青溪经济开发区管委会与青松机器人有限公司签署A项目、南平区人民政府和蓝湾冷链有限公司签署B项目、" \
           "临川县人民政府和金穗食品有限公司签署C项目。"
    doc = page(text)
    companies = [mention(text, E, name) for name in ("青松机器人有限公司", "蓝湾冷链有限公司", "金穗食品有限公司")]
    facts = [Fact(Predicate.LOCATED_IN, (E, c.name), doc.home_zone, 0) for c in companies]
    assert located(relocated(doc, [mention(text, Z, "青溪经济开发区"), *companies], facts)) == {
        ("青松机器人有限公司", "青溪经济开发区")}


def test_a_page_naming_its_zone_three_times_keeps_every_company_in_it() -> None:
    text = ("青溪经济开发区举行签约仪式。白沙经济开发区、红岭高新区代表出席,青溪经济开发区领导致辞,"
            "青溪经济开发区,蓝湾冷链有限公司签约。")
    doc = page(text)
    zones = [mention(text, Z, "白沙经济开发区"), mention(text, Z, "红岭高新区")]
    zones += [Mention(Z, "青溪经济开发区", at, at + 7, 0) for at in range(len(text)) if text.startswith("青溪", at)]
    company = mention(text, E, "蓝湾冷链有限公司")
    facts = [Fact(Predicate.LOCATED_IN, (E, company.name), doc.home_zone, 0)]
    assert relocated(doc, [*zones, company], facts) == facts


def test_on_a_round_up_page_sectors_named_away_from_the_zone_are_not_its_own() -> None:
    text = ROUND_UP + "项目主要涉及新材料、电子信息等产业。"
    doc = Document("d", "d.txt", text, text=text,
                   sentences=(Sentence(0, 0, len(ROUND_UP), ROUND_UP),
                              Sentence(1, len(ROUND_UP), len(text), text[len(ROUND_UP):])),
                   home_zone=(Z, "青溪经济开发区"))
    zones = [mention(ROUND_UP, Z, name) for name in ("青溪经济开发区", "白沙经济开发区", "红岭高新区")]
    own = Fact(Predicate.FOCUS_INDUSTRY, doc.home_zone, (EntityType.INDUSTRY, "智能制造"), 0)
    away = Fact(Predicate.FOCUS_INDUSTRY, doc.home_zone, (EntityType.INDUSTRY, "新材料"), 1)
    assert relocated(doc, zones, [own, away]) == [own]


def test_parties_to_a_strategic_cooperation_agreement_are_not_located_in_the_zone() -> None:
    text = "活动中,蓝湾水务集团与青溪经济开发区管委会签订战略合作框架协议,共同推进污水处理项目。"
    doc = page(text)
    company = mention(text, E, "蓝湾水务集团")
    facts = [Fact(Predicate.LOCATED_IN, (E, company.name), doc.home_zone, 0)]
    assert without_partners(doc, [company], facts) == []


def test_a_partner_that_invests_in_a_project_stays_located() -> None:
    text = "青松机器人与青溪经济开发区签署战略合作协议,投资10亿元建设青松机器人产业基地项目。"
    doc = page(text)
    company = mention(text, E, "青松机器人")
    facts = [Fact(Predicate.LOCATED_IN, (E, company.name), doc.home_zone, 0),
             Fact(Predicate.INVESTOR, (EntityType.PROJECT, "青松机器人产业基地项目"), (E, company.name), 0)]
    assert without_partners(doc, [company], facts) == facts


def test_a_company_once_sited_in_a_district_is_there_whenever_named() -> None:
    text = "位于青溪经济开发区的青松机器人有限公司和位于鼓楼区的远帆蓝湾股份公司入选。其中远帆蓝湾股份公司营收翻番。"
    doc = page(text)
    cut = mention(text, E, "蓝湾股份公司")  # the rules cut the name after the district
    later = Mention(E, "远帆蓝湾股份公司", text.rindex("远帆"), text.rindex("远帆") + 8, 0)
    facts = [Fact(Predicate.LOCATED_IN, (E, m.name), doc.home_zone, 0) for m in (cut, later)]
    assert located(without_partners(doc, [cut, later], facts)) == set()


def test_a_company_sited_in_another_district_is_not_in_the_zone() -> None:
    text = "位于青溪经济开发区的青松机器人有限公司和位于临川区的蓝湾冷链有限公司入选名单。"
    doc = page(text)
    inside, elsewhere = mention(text, E, "青松机器人有限公司"), mention(text, E, "蓝湾冷链有限公司")
    facts = [Fact(Predicate.LOCATED_IN, (E, m.name), doc.home_zone, 0) for m in (inside, elsewhere)]
    assert located(without_partners(doc, [inside, elsewhere], facts)) == {("青松机器人有限公司", "青溪经济开发区")}


def test_a_sector_named_in_a_sentence_about_another_zone_is_that_zone_s() -> None:
    first = "青溪经济开发区举行签约仪式。"
    second = "记者从白沙产业园区了解到,该园区重点打造纺织服装产业。"
    text = first + second
    doc = Document("d", "d.txt", text, text=text,
                   sentences=(Sentence(0, 0, len(first), first), Sentence(1, len(first), len(text), second)),
                   home_zone=(Z, "青溪经济开发区"))
    zones = [Mention(Z, "青溪经济开发区", 0, 7, 0),
             Mention(Z, "白沙产业园区", text.index("白沙"), text.index("白沙") + 6, 1),
             Mention(Z, "园区", text.index("该园区") + 1, text.index("该园区") + 3, 1)]
    sector = Fact(Predicate.FOCUS_INDUSTRY, doc.home_zone, (EntityType.INDUSTRY, "纺织服装"), 1)
    assert [f.subject for f in relocated(doc, zones, [sector])] == [(Z, "白沙产业园区")]


def test_a_sector_in_a_sentence_naming_the_home_zone_too_stays_its_own() -> None:
    text = "青溪经济开发区和白沙产业园区重点发展纺织服装产业。"
    doc = page(text)
    zones = [mention(text, Z, "青溪经济开发区"), mention(text, Z, "白沙产业园区")]
    sector = Fact(Predicate.FOCUS_INDUSTRY, doc.home_zone, (EntityType.INDUSTRY, "纺织服装"), 0)
    assert relocated(doc, zones, [sector]) == [sector]


def test_a_company_sited_in_a_zone_and_its_sub_park_is_in_both() -> None:
    text = "位于青溪经济开发区白沙工业园的青松机器人有限公司入选名单。"
    doc = page(text)
    zones = [mention(text, Z, "青溪经济开发区"), mention(text, Z, "白沙工业园")]
    company = mention(text, E, "青松机器人有限公司")
    facts = [Fact(Predicate.LOCATED_IN, (E, company.name), doc.home_zone, 0)]
    assert located(sited_in_zones(doc, [*zones, company], facts)) == {
        ("青松机器人有限公司", "青溪经济开发区"), ("青松机器人有限公司", "白沙工业园")}


def test_a_project_followed_by_its_site_is_in_the_zones_named_there() -> None:
    text = "青松产业园项目位于白沙工业园,总投资5亿元。"
    doc = page(text)
    project = Mention(EntityType.PROJECT, "青松产业园项目", 0, 7, 0)
    assert located(sited_in_zones(doc, [mention(text, Z, "白沙工业园"), project], [])) == {
        ("青松产业园项目", "白沙工业园")}


def test_a_zone_named_elsewhere_in_the_sentence_gives_no_site() -> None:
    text = "青松机器人有限公司参加了白沙工业园的推介会。"
    doc = page(text)
    company = mention(text, E, "青松机器人有限公司")
    assert sited_in_zones(doc, [mention(text, Z, "白沙工业园"), company], []) == []


def test_companies_a_zone_signs_with_are_located_in_it() -> None:
    text = "近日,青溪经济开发区相继与青松机器人、蓝湾冷链等2家企业签订投资协议。"
    doc = page(text)
    found = [mention(text, Z, "青溪经济开发区"), mention(text, E, "青松机器人"), mention(text, E, "蓝湾冷链")]
    assert located(signed_with_zone(doc, found, [])) == {
        ("青松机器人", "青溪经济开发区"), ("蓝湾冷链", "青溪经济开发区")}


def test_companies_beside_a_zone_without_a_signing_are_not_placed_by_it() -> None:
    text = "青溪经济开发区与青松机器人、蓝湾冷链等企业负责人座谈。"
    doc = page(text)
    found = [mention(text, Z, "青溪经济开发区"), mention(text, E, "青松机器人"), mention(text, E, "蓝湾冷链")]
    assert signed_with_zone(doc, found, []) == []


FIELDS = "本批签约项目有冷链基地、智造总部等,涵盖新能源、现代物流等领域。园区重点发展生物医药、新材料产业。"


def sectors(doc: Document, facts: list[Fact]) -> list[str]:
    industries = [mention(FIELDS, EntityType.INDUSTRY, name) for name in ("新能源", "现代物流", "生物医药", "新材料")]
    return [m.name for m in sectors_of_a_zone(doc, industries, facts)]


def test_fields_of_the_pages_projects_no_zone_targets_are_no_sectors() -> None:
    doc = page(FIELDS)
    assert sectors(doc, []) == ["生物医药", "新材料"]


def test_fields_of_projects_a_zone_takes_as_its_focus_stay() -> None:
    doc = page(FIELDS)
    focus = [Fact(Predicate.FOCUS_INDUSTRY, doc.home_zone, (EntityType.INDUSTRY, "新能源"), 0)]
    assert sectors(doc, focus) == ["新能源", "生物医药", "新材料"]


def test_a_page_naming_its_zone_twice_among_other_zones_is_a_round_up() -> None:
    text = ("青溪经济开发区举行签约仪式。白沙经济开发区、红岭高新区代表出席,蓝湾冷链有限公司签约。"
            "青溪经济开发区领导致辞。")
    doc = page(text)
    zones = [mention(text, Z, "白沙经济开发区"), mention(text, Z, "红岭高新区")]
    zones += [Mention(Z, "青溪经济开发区", at, at + 7, 0) for at in range(len(text)) if text.startswith("青溪", at)]
    company = mention(text, E, "蓝湾冷链有限公司")
    facts = [Fact(Predicate.LOCATED_IN, (E, company.name), doc.home_zone, 0)]
    assert located(relocated(doc, [*zones, company], facts)) == set()


SPREAD = ("当天开工的青松机器人、蓝湾冷链等8个项目,分别位于青溪经济开发区、石桥镇和白沙工业园;"
          "与此同时,金穗食品项目签约落户青溪经济开发区。")


def test_things_placed_respectively_in_several_places_are_located_nowhere() -> None:
    doc = page(SPREAD)
    companies = [mention(SPREAD, E, name) for name in ("青松机器人", "蓝湾冷链", "金穗食品")]
    facts = [Fact(Predicate.LOCATED_IN, (E, c.name), doc.home_zone, 0) for c in companies]
    assert located(without_spread_placements(doc, companies, facts)) == {("金穗食品", "青溪经济开发区")}


def test_a_company_placed_elsewhere_on_the_page_keeps_its_zone() -> None:
    text = SPREAD + "青松机器人落户青溪经济开发区。"
    doc = page(text)
    companies = [mention(SPREAD, E, "青松机器人"), Mention(E, "青松机器人", len(SPREAD), len(SPREAD) + 5, 0)]
    facts = [Fact(Predicate.LOCATED_IN, (E, "青松机器人"), doc.home_zone, 0)]
    assert located(without_spread_placements(doc, companies, facts)) == {("青松机器人", "青溪经济开发区")}


def test_one_place_named_after_respectively_is_no_spread() -> None:
    text = "青松机器人、蓝湾冷链两个项目分别落户青溪经济开发区,总投资5亿元。"
    doc = page(text)
    companies = [mention(text, E, name) for name in ("青松机器人", "蓝湾冷链")]
    facts = [Fact(Predicate.LOCATED_IN, (E, c.name), doc.home_zone, 0) for c in companies]
    assert len(located(without_spread_placements(doc, companies, facts))) == 2



def sentences_page(*parts: str) -> tuple[Document, list[Sentence]]:
    text, sentences, start = "".join(parts), [], 0
    for index, part in enumerate(parts):
        sentences.append(Sentence(index, start, start + len(part), part))
        start += len(part)
    return Document("d", "d.txt", text, text=text, sentences=tuple(sentences)), sentences


def at(doc: Document, sentence: Sentence, kind: EntityType, name: str) -> Mention:
    start = doc.text.index(name, sentence.start)
    return Mention(kind, name, start, start + len(name), sentence.index)


def test_a_company_moving_into_a_park_is_located_in_it() -> None:
    doc, (first,) = sentences_page("核准通过3家企业进驻,包括青松机器人有限公司投资2亿元,迁入白沙科技产业园区营运。")
    found = [at(doc, first, E, "青松机器人有限公司"), at(doc, first, Z, "白沙科技产业园区")]
    assert located(settled_by_verb(doc, found, [])) == {("青松机器人有限公司", "白沙科技产业园区")}


def test_a_sentence_leaving_out_its_company_builds_in_the_park_for_the_previous_one() -> None:
    doc, (first, second) = sentences_page("据悉,蓝湾冷链有限公司成立于2016年。",
                                          "此次拟投资3亿元,在白沙园区建设冷链基地。")
    found = [at(doc, first, E, "蓝湾冷链有限公司"), at(doc, second, Z, "白沙园区")]
    assert located(settled_by_verb(doc, found, [])) == {("蓝湾冷链有限公司", "白沙园区")}


def test_an_event_held_in_a_park_settles_nobody() -> None:
    doc, (first,) = sentences_page("蓝湾冷链有限公司董事长在白沙园区举行的推介会上致辞。")
    found = [at(doc, first, E, "蓝湾冷链有限公司"), at(doc, first, Z, "白沙园区")]
    assert located(settled_by_verb(doc, found, [])) == set()


def test_as_many_things_as_zones_placed_respectively_are_paired_in_order() -> None:
    text = "青松机器人、蓝湾冷链两个项目分别落户青溪经济开发区和白沙工业园"
    doc = page(text)
    found = [mention(text, E, "青松机器人"), mention(text, E, "蓝湾冷链"),
             mention(text, Z, "青溪经济开发区"), mention(text, Z, "白沙工业园")]
    facts = [Fact(Predicate.LOCATED_IN, (E, name), doc.home_zone, 0) for name in ("青松机器人", "蓝湾冷链")]
    assert located(without_spread_placements(doc, found, facts)) == {
        ("青松机器人", "青溪经济开发区"), ("蓝湾冷链", "白沙工业园")}


def test_ranks_after_respectively_are_no_places() -> None:
    text = "青松机器人、蓝湾冷链的产值分别位于全省第二和第五位。"
    doc = page(text)
    companies = [mention(text, E, name) for name in ("青松机器人", "蓝湾冷链")]
    facts = [Fact(Predicate.LOCATED_IN, (E, c.name), doc.home_zone, 0) for c in companies]
    assert len(located(without_spread_placements(doc, companies, facts))) == 2
