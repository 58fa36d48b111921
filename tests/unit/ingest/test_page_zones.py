"""The zone a page is about when no single sentence names it the usual way (invented pages)."""

from __future__ import annotations

from ingest.document import Document, Sentence
from ingest.extract.home_zone import find_home_zone, zone_mentions
from ingest.extract.page_zones import repeated_zone_names
from ingest.extract.zones import ZoneName, find_zone_names, zone_name_of


def names(text: str) -> list[str]:
    return [zone.name for _, _, zone in find_zone_names(text)]


def one_sentence_doc(text: str) -> Document:
    return Document("d", "d.txt", text, text=text, sentences=(Sentence(0, 0, len(text), text),))


def test_a_new_place_before_a_weak_kind_is_no_zone_in_one_sentence() -> None:
    assert names("蓝屿新区举行集中开工仪式。") == []


def test_a_page_repeating_a_new_place_and_weak_kind_names_that_zone() -> None:
    text = "蓝屿新区举行集中开工仪式。青松机器人与蓝屿新区签署协议。此次新区开工项目12个。"
    assert repeated_zone_names(text) == [ZoneName("蓝屿", "新区")]
    assert find_home_zone(text) == ZoneName("蓝屿", "新区")


def test_a_weak_kind_after_a_generic_word_is_never_repeated_into_a_zone() -> None:
    text = "此次新区开工12个项目。此次新区签约5个项目。城市新区建设加快。城市新区规划出台。"
    assert repeated_zone_names(text) == []


def test_two_characters_every_mention_shares_belong_to_the_name() -> None:
    text = "。鹭岭青屿新区首次签约。这是鹭岭青屿新区成立以来首次活动,鹭岭青屿新区规划面积26平方公里。"
    assert repeated_zone_names(text) == [ZoneName("鹭岭青屿", "新区")]


def test_a_verb_shared_before_every_mention_stays_out_of_the_name() -> None:
    text = "蓝湾冷链落户蓝屿新区。青松机器人落户蓝屿新区。"
    assert repeated_zone_names(text) == [ZoneName("蓝屿", "新区")]


def test_repeated_zone_is_a_mention_in_each_sentence_and_the_bare_kind_is_its_alias() -> None:
    text = "蓝屿新区举行开工仪式。青松机器人落户蓝屿新区,新区再添一家企业。"
    home = find_home_zone(text)
    found = {(m.name, m.start) for m in zone_mentions(one_sentence_doc(text), home)}
    assert {("蓝屿新区", 0), ("蓝屿新区", 18), ("新区", 23)} <= found


def test_a_page_only_saying_jingkaiqu_has_that_bare_word_as_its_zone() -> None:
    text = "6月9日,市委书记、经开区党工委书记一行到经开区观摩项目。青松机器人项目投产。"
    assert find_home_zone(text) == ZoneName("", "经开区")


def test_a_bare_zone_page_naming_its_city_has_the_city_s_zone() -> None:
    text = "6月9日,南平市重点项目观摩活动走进经开区。经开区签约项目5个。"
    assert find_home_zone(text) == ZoneName("南平", "经开区")


def test_a_bare_zone_page_takes_the_fullest_form_it_writes() -> None:
    text = "区人大常委会调研经济开发区工作。开发区通过改革选人用人机制。开发区发展势头良好。"
    assert find_home_zone(text) == ZoneName("", "经济开发区")


def test_bare_words_inside_named_zones_do_not_make_a_bare_home() -> None:
    text = "青溪经济开发区签约A项目,白沙经济开发区签约B项目,红岭经济开发区签约C项目。"
    assert find_home_zone(text) == ZoneName("青溪", "经济开发区")


def test_bare_home_mentions_are_zone_mentions() -> None:
    text = "经开区举行签约仪式。青松机器人落户经开区。"
    home = find_home_zone(text)
    assert [m.name for m in zone_mentions(one_sentence_doc(text), home)] == ["经开区", "经开区"]


def test_zone_name_of_splits_names_a_sentence_would_not_accept() -> None:
    assert zone_name_of("蓝屿新区") == ZoneName("蓝屿", "新区")
    assert zone_name_of("经开区") == ZoneName("", "经开区")
    assert zone_name_of("常德经济开发区") == ZoneName("常德", "经济开发区")
    assert zone_name_of("青松机器人") is None


def test_a_host_city_in_brackets_stays_in_the_park_name() -> None:
    assert names("日前,广东佛山南海(阳江)产业转移工业园加快建设。") == ["佛山南海(阳江)产业转移工业园"]


def test_a_bracket_that_is_no_place_is_not_a_host() -> None:
    assert names("青松(机器人)工业园开工。") == []


def test_a_district_the_lexicon_knows_is_a_place_before_a_kind() -> None:
    assert names("雁塔高新区签约项目3个。") == ["雁塔高新区"]


def test_an_organ_after_a_new_place_marks_a_zone() -> None:
    assert names("蓝屿新区管委会主任表示") == ["蓝屿新区"]
    assert names("蓝屿新区管理委员会与青松机器人签约") == ["蓝屿新区"]


def test_a_city_and_a_descriptor_repeated_before_a_weak_kind_name_a_zone() -> None:
    text = "其中,南平沿海产业园区成为承接地。记者从南平沿海产业园区了解到,园区主导产业为纺织。"
    assert repeated_zone_names(text) == [ZoneName("南平沿海", "产业园区")]


def test_a_descriptor_named_once_is_no_zone() -> None:
    assert repeated_zone_names("记者从南平沿海产业园区了解到,园区主导产业为纺织。") == []


def test_words_opening_every_mention_of_a_zone_belong_to_its_name() -> None:
    text = "3月2日,垦区新型建材经济技术开发区与青松机器人签约。近年来,垦区新型建材经济技术开发区加快招商。"
    assert find_home_zone(text) == ZoneName("垦区新型建材", "经济技术开发区")
    found = [m.name for m in zone_mentions(one_sentence_doc(text), find_home_zone(text))]
    assert found == ["垦区新型建材经济技术开发区", "垦区新型建材经济技术开发区"]


def test_a_common_word_opening_every_mention_stays_out_of_the_name() -> None:
    text = "目前建材经济技术开发区签约3个项目。目前建材经济技术开发区开工2个项目。"
    assert find_home_zone(text) == ZoneName("建材", "经济技术开发区")


def test_parts_listed_after_their_zone_are_zones() -> None:
    assert names("开春以来,南平经济开发区以青岳片区、白沙片区开发为切入点。") == [
        "南平经济开发区", "青岳片区", "白沙片区"]


def test_a_part_listed_with_no_zone_before_it_needs_a_known_place() -> None:
    assert names("推进水体片区建设。") == []


def test_parks_listed_by_short_name_after_a_park_word_are_zone_mentions() -> None:
    text = "规划释出多个新园区,包括青屿、白沙北区、蓝湾二期以及金穗扩区等,吸引投资。"
    found = [m.name for m in zone_mentions(one_sentence_doc(text), None)]
    assert found == ["青屿", "白沙北区", "蓝湾二期", "金穗扩区"]
    assert find_home_zone(text) is None


def test_sectors_listed_after_a_park_word_are_no_parks() -> None:
    assert zone_mentions(one_sentence_doc("园区包括电子信息、生物医药、新材料等产业。"), None) == []


def test_a_demonstration_zone_in_a_list_of_zones_is_a_zone() -> None:
    text = "南平经济开发区A项目,临川现代农业产业示范区B项目,建阳产业集聚区C项目"
    assert names(text) == ["南平经济开发区", "临川现代农业产业示范区", "建阳产业集聚区"]


def test_a_demonstration_zone_before_its_organs_is_a_zone() -> None:
    assert names("南平转型综合改革示范区管理委员会与青松机器人签约") == ["南平转型综合改革示范区"]


def test_a_demonstration_title_is_no_zone() -> None:
    assert names("南平市获评国家生态文明建设示范区") == []
    assert names("南平经济开发区,临川生态文明建设示范区,建阳高新区") == ["南平经济开发区", "建阳高新区"]


def test_a_title_after_a_zone_is_no_sub_park() -> None:
    assert names("南平经济开发区获评绿色工业园区") == ["南平经济开发区"]
    assert names("南平经开区西岭工业园") == ["南平经开区", "西岭工业园"]


def test_a_character_before_every_mention_of_a_cut_short_place_opens_it() -> None:
    text = "相继落户枫里岙工业园区的项目进展顺利。记者走进青溪区枫里岙工业园区。"
    assert names(text) == ["里岙工业园区", "里岙工业园区"]
    assert find_home_zone(text) == ZoneName("枫里岙", "工业园区")


def test_a_character_shared_by_one_repeated_phrase_stays_out_of_the_place() -> None:
    text = "青松机器人落户里岙工业园区。蓝湾冷链落户里岙工业园区。"
    assert find_home_zone(text) == ZoneName("里岙", "工业园区")
    text = "鹿城市里岙工业园区开工。鹤城市里岙工业园区签约。"
    assert ZoneName("市里岙", "工业园区") not in repeated_zone_names(text)


def test_a_part_named_once_beside_a_sibling_part_is_a_zone() -> None:
    text = "宁川经济开发区以岳阳片区、三里坪片区开发为重点。"
    assert ZoneName("三里坪", "片区") in repeated_zone_names(text)


def test_a_park_opening_a_clause_after_a_sibling_park_is_a_zone() -> None:
    text = "岳阳工业园青松冷链项目开工。六里堡工业园蓝湾锂业项目投产。"
    assert ZoneName("六里堡", "工业园") in repeated_zone_names(text)


def test_a_generic_or_level_word_before_a_part_is_no_sibling() -> None:
    text = "岳阳片区新增企业3家。所有片区都在建设。该县城片区加快发展。"
    assert repeated_zone_names(text) == []


def test_a_part_with_no_sibling_of_its_kind_stays_unnamed() -> None:
    assert repeated_zone_names("六里堡工业园蓝湾锂业项目投产。") == []


def test_a_rare_word_shared_before_every_mention_is_the_small_place_opening_the_name() -> None:
    text = "县政府开发「杏坛聚福产业园区」推动转型。厂商入驻杏坛聚福产业园区。杏坛聚福产业园区已满租。"
    assert repeated_zone_names(text) == [ZoneName("杏坛聚福", "产业园区")]


def test_a_kind_after_an_autonomous_region_is_the_region_s_zones_not_one_zone() -> None:
    assert names("关于推动青川自治区综合保税区提级增效的意见") == []
    assert names("青川白鹭自治区高新区发展迅速") == []
