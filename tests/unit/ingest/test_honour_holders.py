"""Who holds an honour when the holder is a zone or is named after 授予 (invented sentences)."""

from __future__ import annotations

from ingest.extract.honours import find_awards
from kg.model import EntityType

HOME = (EntityType.ZONE, "星河高新区")
Z, E = EntityType.ZONE, EntityType.ENTERPRISE


def awards(sentence: str) -> set[tuple[str, tuple[EntityType, str] | None]]:
    return {(a.honour, a.recipient) for a in find_awards(sentence, HOME)}


def test_the_zone_named_after_grant_holds_the_title() -> None:
    found = awards("在全市民营经济大会上,市委、市政府授予白鹭经济开发区“绿色制造”示范园区荣誉称号。")
    assert found == {("绿色制造示范园区", (Z, "白鹭经济开发区"))}


def test_the_company_named_after_grant_holds_the_title() -> None:
    found = awards("市政府授予青松机器人股份有限公司“科技创新示范企业”称号。")
    assert ("科技创新示范企业", (E, "青松机器人股份有限公司")) in found


def test_each_zone_of_a_list_before_the_cue_holds_the_title() -> None:
    found = awards("广西白鹭工业园区、青松高新区日前被认定为自治区绿色发展示范园区。")
    assert found == {("自治区绿色发展示范园区", (Z, "广西白鹭工业园区")),
                     ("自治区绿色发展示范园区", (Z, "青松高新区"))}


def test_a_sentence_opening_with_another_zone_gives_it_the_titles_of_a_subjectless_clause() -> None:
    found = awards("青松高新技术产业开发区主攻新材料产业,先后被评为国家“绿色园区”和“新材料产业示范基地”。")
    assert found == {("国家绿色园区", (Z, "青松高新技术产业开发区")),
                     ("新材料产业示范基地", (Z, "青松高新技术产业开发区"))}


def test_the_home_zone_keeps_a_subjectless_clause_of_a_sentence_without_a_zone() -> None:
    assert awards("今年以来,先后被评为省级智能制造示范园区。") == {("省级智能制造示范园区", HOME)}


def test_the_body_that_publishes_a_roll_is_no_part_of_the_title() -> None:
    found = awards("日前,某省工信厅公示第五批省级专精特新“小巨人”企业名单,蓝湾冷链股份有限公司榜上有名。")
    assert ("省级专精特新小巨人企业", (E, "蓝湾冷链股份有限公司")) in found


def test_holders_named_in_brackets_after_a_count_hold_the_title() -> None:
    sentence = ("截至去年底,园区现有国家级专精特新“小巨人”企业3家(青松新材、蓝湾橡胶、星河电子)、"
                "省级专精特新中小企业3家(白鹭纺织、远帆机械、日升玻璃),成为工业的骨干。")
    found = awards(sentence)
    giant, small = "国家级专精特新小巨人企业", "省级专精特新中小企业"
    assert {(giant, (E, "青松新材")), (giant, (E, "蓝湾橡胶")), (giant, (E, "星河电子")), (small, (E, "白鹭纺织")),
            (small, (E, "远帆机械")), (small, (E, "日升玻璃"))} <= found


def test_a_bracket_that_does_not_list_as_many_names_as_counted_gives_no_holder() -> None:
    assert not {holder for _, holder in awards("园区新增高新技术企业3家(青松新材、蓝湾橡胶)。") if holder}


def test_a_note_in_brackets_after_a_count_names_no_holder() -> None:
    found = awards("获批省级潜在独角兽企业1家(全市唯一一家)、瞪羚企业9家。")
    assert not {holder for _, holder in found if holder and holder[0] is E}


def test_a_demonstration_platform_the_zone_is_approved_as_is_an_honour() -> None:
    assert ("省级科技企业孵化示范平台", HOME) in awards("去年,园区获批省级科技企业孵化示范平台。")


def test_a_legal_name_with_a_middle_dot_is_one_holder_of_a_list() -> None:
    found = awards("据悉,白鹭电子(青松)有限公司、青松星河·远帆门业有限公司等公司被评为数字化示范工厂。")
    assert ("数字化示范工厂", (E, "青松星河·远帆门业有限公司")) in found
    assert ("数字化示范工厂", (E, "白鹭电子(青松)有限公司")) in found


def test_zones_a_higher_body_approves_to_build_a_title_hold_it() -> None:
    found = awards("2019年5月,国务院批复同意白鹭高新区、青松高新区建设国家生态工业示范园区。")
    assert found == {("国家生态工业示范园区", (Z, "白鹭高新区")), ("国家生态工业示范园区", (Z, "青松高新区"))}
