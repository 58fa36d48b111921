"""Zone kinds and place prefixes on invented sentences."""

from __future__ import annotations

import pytest

from ingest.document import Document, Sentence
from ingest.extract.home_zone import find_home_zone, home_aliases, zone_mentions
from ingest.extract.zones import ZoneName, find_zone_names


def names(text: str) -> list[str]:
    return [zone.name for _, _, zone in find_zone_names(text)]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("蓝湾冷链落户岳阳综合保税区。", ["岳阳综合保税区"]),
    ("项目位于钦州保税港区。", ["钦州保税港区"]),
    ("近日，宜宾自贸片区新增企业12家。", ["宜宾自贸片区"]),
    ("常德合作区新添科技型中小企业。", ["常德合作区"]),
    ("青松机器人入驻西宁科学城。", ["西宁科学城"]),
    ("绵阳高科技园区举行签约仪式。", ["绵阳高科技园区"]),
    ("岳阳化学工业园区新上项目3个。", ["岳阳化学工业园区"]),
    ("泸州临空经济区集中签约。", ["泸州临空经济区"]),
])
def test_zone_kinds(sentence: str, expected: list[str]) -> None:
    assert names(sentence) == expected


def test_city_named_with_an_adverb_reading_is_a_place() -> None:
    assert names("开封高新区持续扩容。") == ["开封高新区"]


def test_city_before_a_district_place_is_kept() -> None:
    assert names("在常德鼎城经济开发区举行。") == ["常德鼎城经济开发区"]


def test_city_with_shi_before_a_district_zone_is_dropped() -> None:
    assert names("常德市鼎城经济开发区和常德经济开发区") == ["鼎城经济开发区", "常德经济开发区"]


def test_place_with_a_landform() -> None:
    assert names("落户岳阳港经济开发区。") == ["岳阳港经济开发区"]
    assert names("项目落户青龙湖新区。") == ["青龙湖新区"]


def test_cooperation_park_keeps_its_partner_prefix() -> None:
    assert names("中德常州产业园区与德中汉堡产业园区结对。") == ["中德常州产业园区", "德中汉堡产业园区"]


def test_part_of_a_zone_is_one_name() -> None:
    assert names("。渝新区北碚片区设置了分会场") == ["渝新区北碚片区"]


def test_common_nouns_and_bodies_are_not_places() -> None:
    assert names("水体片区和人民医院新区") == []
    assert names("建设城市新区") == []


def test_city_prefixed_form_is_an_alias_of_the_home_zone() -> None:
    text = "岳阳鼎城高新区签约。鼎城高新区新增项目。鼎城高新区投产。"
    home = find_home_zone(text)
    assert home == ZoneName("鼎城", "高新区")
    doc = Document("d", "d.txt", text, text=text, sentences=(Sentence(0, 0, len(text), text),))
    assert home_aliases(home, zone_mentions(doc, home)) >= {"岳阳鼎城高新区", "鼎城高新区"}


def test_pilot_free_trade_zone_named_by_its_province() -> None:
    assert names("获批中国(湖南)自由贸易试验区岳阳片区,园区") == ["中国(湖南)自由贸易试验区岳阳片区"]
    assert names("中国(湖南)自由贸易试验区揭牌") == ["中国(湖南)自由贸易试验区"]


def test_part_after_a_zone_with_its_district_in_brackets() -> None:
    assert names("常德经济技术开发区(鼎城区)东湖片区、青龙湖新区") == ["常德经济技术开发区", "东湖片区", "青龙湖新区"]


def test_a_verb_before_a_landform_place_is_not_part_of_it() -> None:
    assert names("蓝湾冷链落户嘉海经济技术开发区。") == ["嘉海经济技术开发区"]


def test_taiwan_places_and_kinds() -> None:
    assert names("青松电子进驻台中科学园区。") == ["台中科学园区"]
    assert names("彰化工业区新增厂商") == ["彰化工业区"]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("洛阳东湾航空港综合保税区进出口增长。", ["洛阳东湾航空港综合保税区"]),
    ("宜宾临港综合保税区位列第3名。", ["宜宾临港综合保税区"]),
    ("南京市建设综合保税区。", []),
    ("在北京参观南通经济技术开发区。", ["南通经济技术开发区"]),
])
def test_city_and_descriptor_before_a_strong_ending(sentence: str, expected: list[str]) -> None:
    assert names(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "全力助推经开区打造新材料高地。",
    "推进产业园建设及临港经济区项目导入。",
    "高新区新城镇综合开发项目。",
])
def test_verbs_conjunctions_and_zone_words_are_no_places(sentence: str) -> None:
    assert names(sentence) == []


def test_new_town_after_a_place() -> None:
    assert names("分会场设在泾阳新城科创中心。") == ["泾阳新城"]


def test_bracketed_second_plaque_and_declared_short_form() -> None:
    from ingest.extract.zone_aliases import bracketed_zone_names

    text = ("宜兴经济技术开发区(丁蜀经济开发区)位列全省第2名;泸州临空经济区蓝湾片区(以下简称“蓝湾临空经济区”)"
            "签约项目5个;岳阳综合保税区(含城陵矶园区)进出口增长。")
    assert bracketed_zone_names(text) == [("宜兴经济技术开发区", "丁蜀经济开发区"),
                                          ("泸州临空经济区蓝湾片区", "蓝湾临空经济区")]


def test_publisher_line_names_a_zone_the_text_only_calls_by_its_bare_word() -> None:
    from ingest.extract.zone_aliases import publisher_zone

    raw = "来源:宜宾经济技术开发区 发布时间:2023-02-20\n经开区举行集中签约。经开区党工委书记致辞。"
    publisher = publisher_zone(raw)
    assert publisher is not None and publisher.name == "宜宾经济技术开发区"
    home = find_home_zone("经开区举行集中签约。经开区党工委书记致辞。", publisher)
    assert home is not None and home.name == "宜宾经济技术开发区"
    other = find_home_zone("泸州高新区举行集中签约。泸州高新区党工委书记致辞。泸州高新区", publisher)
    assert other is not None and other.name == "泸州高新区"
    assert publisher_zone("来源:宜宾日报 发布时间:2023-02-20") is None


def test_a_district_before_a_weak_ending_is_a_place() -> None:
    assert names("综保区(含温江园区)进出口增长。") == ["温江园区"]
    assert names("城区园区建设加快。") == []


def test_a_descriptor_is_read_only_before_port_and_airport_kinds() -> None:
    assert "泸州龙湖新技术开发区" not in names("泸州龙湖新技术开发区召开会议。")


def test_a_zone_named_by_its_organs_needs_no_known_place() -> None:
    text = "岚沣新区党工委书记出席岚沣新区分会场活动,岚沣新区管委会主任讲话。"
    assert names(text) == ["岚沣新区", "岚沣新区"]
    assert names("岚沣新区分会场活动。") == []


def test_a_level_between_place_and_kind_stays_in_the_name() -> None:
    assert names("项目落户衢州国家级经济技术开发区。") == ["衢州国家级经济技术开发区"]
    assert names("丽水国家自主创新示范区建设提速。") == ["丽水国家自主创新示范区"]
    assert names("跻身中国省级开发区百强。") == []


def test_a_sub_park_named_right_after_its_zone_is_a_zone() -> None:
    assert names("位于衢州经开区西岭工业园的青松机器人") == ["衢州经开区", "西岭工业园"]
    assert names("衢州经开区的工业园") == ["衢州经开区"]


def test_a_verb_before_a_bare_kind_is_no_city_abbreviation() -> None:
    assert names("名单公布,有高新区的企业入选。") == []


def test_a_preposition_ends_no_place() -> None:
    assert names("这家公司由高新区管委会全资设立。") == []


def test_a_province_s_parks_in_general_are_no_zone() -> None:
    assert names("这是合作共建的新实践、江西园区建设的新探索。") == []


def test_a_park_after_a_verb_of_siting_is_named_by_a_new_place() -> None:
    assert names("蓝湾冷链拟在栖枫园区建设冷链基地。") == ["栖枫园区"]
    assert names("青松机器人进驻台中栖枫园区。") == ["台中栖枫园区"]


def test_a_park_after_siting_needs_a_place_word() -> None:
    assert names("在园区投资建设研发中心。") == []
    assert names("在文化园区建设方面走在前列。") == []
    assert names("栖枫园区建设顺利。") == []


def test_a_sited_park_named_once_is_no_home_zone() -> None:
    assert find_home_zone("全区签约项目11个。青松机器人拟在栖枫园区建设研发中心。") is None


def test_two_places_a_dash_joins_are_one_zones_place() -> None:
    assert names("3月8日,云南-澜湄经济技术开发区集中开工。") == ["云南-澜湄经济技术开发区"]
    assert names("江苏—澜湄经开区新签项目5个。") == ["江苏—澜湄经开区"]


def test_a_dash_after_a_word_or_a_year_is_no_joint() -> None:
    assert names("推动高质量发展-澜湄经开区新签项目5个。") == ["澜湄经开区"]
    assert names("2023-澜湄经开区年报") == ["澜湄经开区"]


def test_a_page_calling_itself_the_bare_pilot_zone_word_has_it_as_home() -> None:
    text = ("试验区上半年新签项目9个\n近年来,试验区加快推进项目建设。"
            "其中,南岭工业园青松机器人项目已开工;北川工业园蓝湾冷链项目已开工。上半年,试验区新增到位资金3亿元。")
    home = find_home_zone(text)
    assert home is not None and home.name == "试验区"


def test_pilot_zone_words_ending_a_longer_phrase_do_not_make_a_home() -> None:
    text = "重点园区将作为样板区和试验区。省里建设自由贸易试验区以来,南岭工业园签约青松机器人项目。"
    home = find_home_zone(text)
    assert home is not None and home.name == "南岭工业园"


@pytest.mark.parametrize(("sentence", "expected"), [
    ("青松机器人入驻绵阳科技城。", ["绵阳科技城"]),
    ("蓝湾冷链签约落户西安航空城。", ["西安航空城"]),
    ("西昌国际航天城管理局今天挂牌。", ["西昌国际航天城"]),
    ("上海国际旅游度假区新开业酒店3家。", ["上海国际旅游度假区"]),
])
def test_city_named_zone_kinds_and_an_international_descriptor(sentence: str, expected: list[str]) -> None:
    assert names(sentence) == expected


@pytest.mark.parametrize("sentence", ["加快建设国际科技城。", "青松科技城项目签约。", "举办中国国际进口博览会。"])
def test_a_city_kind_needs_a_known_place_before_it(sentence: str) -> None:
    assert names(sentence) == []
