"""Honour cues, title clean-up and recipients (invented sentences)."""

from __future__ import annotations

import pytest

from ingest.extract.honour_titles import fuller_titles, is_honour, title_name
from ingest.extract.honours import find_awards
from kg.model import EntityType

HOME = (EntityType.ZONE, "星河高新区")


def awards(sentence: str) -> list[tuple[str, str | None]]:
    return [(a.honour, a.recipient[1] if a.recipient else None) for a in find_awards(sentence, HOME)]


def test_year_and_batch_leave_the_title() -> None:
    assert title_name("“2023年度专精特新企业”") == "专精特新企业"
    assert title_name("2021年第12批省级工业设计中心") == "省级工业设计中心"
    assert title_name("雏鹰企业名单以来") == "雏鹰企业"


def test_first_batch_stays_in_the_title() -> None:
    assert title_name("首批科技企业孵化链条试点") == "首批科技企业孵化链条试点"


def test_ranked_lists_and_levelled_zones_are_honours() -> None:
    assert is_honour("智能制造服务商TOP20") and is_honour("数字服务商30强")
    assert not is_honour("国家级经济技术开发区"), "a zone's level is its kind (real set), not an honour"
    assert not is_honour("6项大奖")


def test_recipient_list_joined_by_he() -> None:
    found = awards("青松机器人和蓝湾冷链成功入选省级专精特新企业。")
    assert found == [("省级专精特新企业", "青松机器人"), ("省级专精特新企业", "蓝湾冷链")]


def test_counted_projects_after_named_ones() -> None:
    found = awards("恒拓新材料、远帆材料等4个项目成功申报省重点技改项目。")
    assert found == [("省重点技改项目", "恒拓新材料"), ("省重点技改项目", "远帆材料")]


def test_unnamed_firms_of_the_zone_receive_nothing() -> None:
    # FORMAT.md: honours held only by unnamed firms are indicators (count), not Honour entities.
    assert awards("星河高新区3家企业荣获“2022年省级专精特新企业”荣誉称号。") == []


def test_zone_is_the_recipient_of_a_subjectless_clause() -> None:
    assert awards("园区规模持续扩大,成功创成国家级生态工业园区。") == [("国家级生态工业园区", "星河高新区")]
    assert awards("自2015年升级为国家生态工业示范园区以来,发展迅速。") == [("国家生态工业示范园区", "星河高新区")]


def test_a_cluster_honour_goes_to_the_zone() -> None:
    assert awards("智能传感产业集群成功入选全省战略性新兴产业集群培育对象。") == [
        ("全省战略性新兴产业集群培育对象", "星河高新区")]


def test_goal_is_not_an_honour_held() -> None:
    assert awards("项目建成后将成为中西部企业发展示范园区。") == []


def test_title_held_as_named_zone() -> None:
    found = awards("作为中国-中亚产能合作示范园区,中泰岳阳产业园区发展迅速。")
    assert found == [("中国-中亚产能合作示范园区", "中泰岳阳产业园区")]


def test_harvesting_prizes_is_not_an_award_cue() -> None:
    assert awards("在省科学技术奖评选中,园区共斩获6项大奖。") == []


def test_counted_holders_of_a_title() -> None:
    sentence = "园区已培育5家,包括青松电子、蓝湾冷链、恒拓新材料3家潜在独角兽和远帆材料、启明光电2家种子独角兽。"
    assert awards(sentence) == [("潜在独角兽", "青松电子"), ("潜在独角兽", "蓝湾冷链"), ("潜在独角兽", "恒拓新材料"),
                                ("种子独角兽", "远帆材料"), ("种子独角兽", "启明光电")]


def test_count_must_match_the_list() -> None:
    assert awards("园区有青松电子、蓝湾冷链等5家瞪羚企业。") == []


def test_after_a_company_clause_the_zone_is_not_the_recipient() -> None:
    found = awards("企业迎来快速发展,先后入选“数字服务商TOP20”等榜单。")
    assert found == [("数字服务商TOP20", None)]


def test_included_firms_before_a_count() -> None:
    found = awards("包括青松电子、蓝湾冷链等在内的8家园区企业入选省级专精特新企业。")
    assert found == [("省级专精特新企业", "青松电子"), ("省级专精特新企业", "蓝湾冷链")]


def test_taiwan_award_verbs() -> None:
    assert awards("青松电子获颁国家品质奖。") == [("国家品质奖", "青松电子")]
    assert awards("蓝湾冷链获选年度卓越中坚企业。") == [("年度卓越中坚企业", "蓝湾冷链")]


def test_company_name_with_he_inside_is_one_recipient() -> None:
    found = awards("恒和材料、远帆材料等2个项目获批省重大产业项目。")
    assert found == [("省重大产业项目", "恒和材料"), ("省重大产业项目", "远帆材料")]


def test_holders_named_after_fenbie_shi() -> None:
    found = awards("全市共有2家获得国家级专精特新“小巨人”企业称号,分别是,青松机器人有限公司和蓝湾冷链股份公司。")
    title = "国家级专精特新小巨人企业"
    assert found == [(title, "青松机器人有限公司"), (title, "蓝湾冷链股份公司")]


def test_counted_title_then_named_holders() -> None:
    found = awards("其中有2家省级企业技术中心所在企业位于园区,分别是青松机器人有限公司、蓝湾冷链(江苏)股份有限公司。")
    assert found == [("省级企业技术中心", "青松机器人有限公司"), ("省级企业技术中心", "蓝湾冷链(江苏)股份有限公司")]


def test_named_holders_must_match_the_count() -> None:
    found = awards("其中有3家省级企业技术中心所在企业位于园区,分别是青松机器人有限公司、蓝湾冷链股份有限公司。")
    assert all(recipient is None for _, recipient in found)


def test_short_title_takes_the_full_form_of_the_document() -> None:
    renamed = fuller_titles(["省级企业技术中心", "江南省企业技术中心", "潜在独角兽", "江南省潜在独角兽类企业"])
    assert renamed == {"省级企业技术中心": "江南省企业技术中心", "潜在独角兽": "江南省潜在独角兽类企业"}


def test_full_form_must_keep_the_level() -> None:
    assert fuller_titles(["省级专精特新企业", "国家级专精特新企业"]) == {}


def test_programme_intake_list_names_the_title() -> None:
    assert title_name("2024年度江城市雏鹰计划拟入库企业名单") == "江城市雏鹰企业"


def test_talent_title_goes_to_the_person() -> None:
    assert awards("“省双创”领军人才林向东团队投资3亿元建设研发中心。") == [("省双创", "林向东")]
    assert awards("园区引进长江学者周明远教授团队。") == [("长江学者", "周明远")]


def test_quoted_word_before_a_team_without_talent_word_is_no_title() -> None:
    assert awards("“青松”张晓东团队完成了样机。") == []


def test_unveiled_national_titles_go_to_the_zone() -> None:
    found = awards("园区举行“国家火炬新材料特色产业基地”、“省级知识产权示范园区”揭牌仪式。")
    assert found == [("国家火炬新材料特色产业基地", "星河高新区"), ("省级知识产权示范园区", "星河高新区")]


def test_unveiled_plain_carrier_is_no_honour_of_the_zone() -> None:
    assert ("青松检测服务中心", "星河高新区") not in awards("园区举行“青松检测服务中心”揭牌仪式。")


def test_levelled_carrier_and_commended_zone_are_titles() -> None:
    assert awards("2023年,青松机器人被认定为省级工程技术研究中心。") == [("省级工程技术研究中心", "青松机器人")]
    assert is_honour("省级优秀开发区") and not is_honour("青松检测研究中心")


def test_shi_before_a_levelled_title_is_a_cue() -> None:
    assert awards("青松机器人是国家级专精特新小巨人企业。") == [("国家级专精特新小巨人企业", "青松机器人")]
    assert awards("这是全省首个数字化车间。") == []


def test_listed_firms_bang_shang_you_ming_enter_the_roll() -> None:
    found = awards("近日,省工信厅公布2023年省级专精特新中小企业名单,青松机器人、蓝湾冷链等12家企业榜上有名。")
    assert found == [("省级专精特新中小企业", "青松机器人"), ("省级专精特新中小企业", "蓝湾冷链")]


def test_anaphoric_company_waits_for_the_sentences_before() -> None:
    found = find_awards("该公司先后获得国家高新技术企业、省级企业技术中心等荣誉。", HOME)
    assert [(a.honour, a.recipient, a.anaphoric) for a in found] == [
        ("国家高新技术企业", None, True), ("省级企业技术中心", None, True)]


def test_subjectless_clause_after_a_company_clause_is_anaphoric() -> None:
    found = find_awards("企业迎来了快速发展,先后入选“智能服务商TOP20”等榜单。", HOME)
    assert [(a.honour, a.anaphoric) for a in found] == [("智能服务商TOP20", True)]


def test_short_holder_is_the_group_named_in_the_sentence() -> None:
    found = awards("华康、远帆入选首批省级民营企业总部领军企业,远帆集团获评省级绿色工厂。")
    assert ("首批省级民营企业总部领军企业", "远帆集团") in found and ("首批省级民营企业总部领军企业", "华康") in found


def test_named_firms_enter_the_counted_title_before() -> None:
    found = awards("今年以来,园区新增国家级专精特新“小巨人”企业2家,其中青松机器人、蓝湾冷链入选。")
    assert found == [("国家级专精特新小巨人企业", "青松机器人"), ("国家级专精特新小巨人企业", "蓝湾冷链")]


def test_counted_title_without_named_firms_is_no_honour() -> None:
    assert awards("园区新增雏鹰企业2家,雏鹰企业入选数占全市一半。") == []


def test_generic_zone_word_is_the_home_zone() -> None:
    assert awards("园区先后荣获国家新型工业化产业示范基地等称号。") == [("国家新型工业化产业示范基地", "星河高新区")]


def test_certification_and_build_approval() -> None:
    assert awards("青松机器人有限公司通过国家高新技术企业认定。") == [("国家高新技术企业", "青松机器人有限公司")]
    assert awards("星河高新区获批建设国家自主创新示范区。") == [("国家自主创新示范区", "星河高新区")]


def test_officer_of_a_company_is_the_person_holder() -> None:
    assert awards("蓝湾冷链总经理王海获评“省劳动模范”。") == [("省劳动模范", "王海")]


@pytest.mark.parametrize(
    ("before", "names"),
    [
        ("高新区蓝湾冷链、启明光电", ["蓝湾冷链", "启明光电"]),
        ("全区共有14家企业", []),
        ("截至目前,园区已有6家企业", []),
    ],
)
def test_recipients_before_a_cue(before: str, names: list[str]) -> None:
    from ingest.extract.honour_recipients import recipients_before

    assert [name for _, _, name in recipients_before(before, 0)] == names


def test_firms_that_ru_wei_a_batch_hold_its_title() -> None:
    found = awards("青松机器人、蓝湾冷链等5家企业此次入围第三批专精特新“小巨人”企业。")
    assert [holder for _, holder in found] == ["青松机器人", "蓝湾冷链"]
    assert all("小巨人企业" in honour for honour, _ in found)


def test_put_on_a_roll_is_an_award_but_a_plan_list_is_not() -> None:
    assert awards("远帆材料成功列入省级绿色工厂创建名单。") != []
    assert awards("远帆材料被列入年度技改计划。") == []


def test_a_pilot_park_is_a_title_and_the_zone_that_won_it_holds_it() -> None:
    assert awards("园区借助创建全国首批数字化转型试点园区的机遇,") == [("全国首批数字化转型试点园区", None)]
    assert awards("全国首批数字化转型试点园区顺利通过验收。") == [("全国首批数字化转型试点园区", "星河高新区")]


def test_counted_unnamed_holders_give_no_honour() -> None:
    assert awards("园区3家企业入选省级专精特新企业。") == []
    assert awards("5个文化项目入围市级公益扶持项目,") == []


def test_a_list_closed_by_deng_cheng_hao_names_titles_and_a_repeated_cue_is_cut() -> None:
    found = awards("今年园区先后入选国家外贸转型升级基地、获省级智能家电特色产业园等称号。")
    assert [honour for honour, _ in found] == ["国家外贸转型升级基地", "省级智能家电特色产业园"]


def test_a_bracketed_qualifier_leaves_the_title() -> None:
    assert title_name("2022年国家级制造业单项冠军企业(产品)") == "国家级制造业单项冠军企业"


def test_firms_that_jie_bang_each_hold_their_own_title() -> None:
    found = awards("青松机器人、蓝湾冷链分别揭榜入选国家智能制造示范工厂、国家智能制造优秀场景。")
    assert found == [("国家智能制造示范工厂", "青松机器人"), ("国家智能制造优秀场景", "蓝湾冷链")]


def test_companies_settling_in_a_park_hold_no_title() -> None:
    assert not is_honour("公司入驻星河软件园区")
    assert awards("青松投资有限公司、蓝湾实业有限公司等2家公司入驻星河软件园区,投资金额逾1亿元") == []


def test_a_strong_title_starts_after_a_count_or_a_verb_of_seeking_it() -> None:
    names = {name for name, _ in awards("今年全区共7家园区申报自治区绿色低碳示范园区,评审组现场核查")}
    assert names == {"自治区绿色低碳示范园区"}
    assert {name for name, _ in awards("我区认定两家绿色发展示范园区")} == {"绿色发展示范园区"}


def test_a_title_without_its_region_is_the_region_s_title_named_in_full() -> None:
    renamed = fuller_titles(["绿色发展示范园区", "自治区绿色发展示范园区"])
    assert renamed == {"绿色发展示范园区": "自治区绿色发展示范园区"}


def test_a_he_inside_one_title_does_not_split_it() -> None:
    found = awards("2021年被青松市认定为现代服务业和先进制造业融合发展试点区域。")
    assert found == [("现代服务业和先进制造业融合发展试点区域", "星河高新区")]


def test_a_title_ends_before_bing_and_an_undertaking_holds_nothing() -> None:
    found = awards("园区“数字街区”项目入选国家智慧城市标准化试点并于2020年6月通过验收")
    assert found == [("国家智慧城市标准化试点", None)]


def test_the_ministry_and_batch_before_a_title_and_a_bare_zone_s_firm_before_its_name() -> None:
    assert title_name("工信部第五批专精特新小巨人企业") == "专精特新小巨人企业"
    assert awards("园区企业青松机器人入选工信部第五批专精特新小巨人企业名单") == [("专精特新小巨人企业", "青松机器人")]


def test_a_counted_list_of_firms_awarded_holds_the_title_once() -> None:
    found = awards("青松机器人、蓝湾冷链、白鹭科技3家企业获评省级瞪羚企业")
    assert found == [("省级瞪羚企业", "青松机器人"), ("省级瞪羚企业", "蓝湾冷链"), ("省级瞪羚企业", "白鹭科技")]


def test_an_area_of_any_kind_before_a_legal_company_leaves_the_holder() -> None:
    found = awards("省工信厅公示第七批专精特新“小巨人”企业名单,白鹭经济区青松电子股份有限公司榜上有名。")
    assert found == [("专精特新小巨人企业", "青松电子股份有限公司")]
