"""Platforms and industries: honours, zones, aspirations, city sectors (invented sentences)."""

from __future__ import annotations

from ingest.extract.asset_industries import find_industries
from ingest.extract.asset_platforms import find_platforms


def platforms(sentence: str) -> list[tuple[str, bool]]:
    return [(c.name, c.zone_fact) for c in find_platforms(sentence)]


def industries(sentence: str) -> list[str]:
    return [c.name for c in find_industries(sentence, [])]


def test_a_designation_held_is_no_platform() -> None:
    assert platforms("青松机器人获批省级工业设计中心和省级工程研究中心") == []
    assert platforms("3家企业荣获“2022年第5批省级工程研究中心”称号") == []


def test_aspirations_are_no_platforms() -> None:
    assert platforms("加快建成具有国际影响力的科技创新中心") == []
    assert platforms("计划总投资50亿元科技园") == []


def test_name_joined_by_ji_before_the_ending() -> None:
    assert platforms("组建钨及钨合金技术研究院,推动成果转化") == [("钨及钨合金技术研究院", True)]


def test_park_listed_as_a_project_is_also_a_platform() -> None:
    assert platforms("签约智能传感产业园项目、冷链物流项目") == [("智能传感产业园", True)]


def test_self_declared_sectors_in_a_list() -> None:
    found = industries("项目涉及光纤传感产业、微波组件产业、海洋装备产业等多个领域。")
    assert found == ["光纤传感", "微波组件", "海洋装备"]


def test_quoted_sectors_before_a_counted_kind() -> None:
    assert industries("重点打造“光纤传感、海洋装备”两个百亿级产业,不断优化") == ["光纤传感", "海洋装备"]


def test_cluster_qualifiers_are_no_sector() -> None:
    assert industries("培育国内知名高端产业集群,建设领跑全国的未来产业集群") == []


def test_sectors_of_a_definition_or_of_the_city_are_not_the_zone_s() -> None:
    assert industries("瞪羚企业认定范围涵盖新一代信息技术、人工智能等领域。") == []
    assert industries("全市重点发展集成电路、生物医药等产业。") == []


def test_chain_headings_name_sectors() -> None:
    assert industries("肉羊产业链方面。") == ["肉羊"]
    assert industries("绿色有机农牧产业链方面,新增项目3个。") == ["绿色有机农牧"]
    assert industries("园区已形成了完整的产业链,") == []


def test_sector_lists_ending_in_scope_words_and_broad_groupings() -> None:
    assert industries("新签项目涉及康养、环保、现代制造业等范畴。") == ["康养", "环保", "现代制造业"]
    assert industries("园区已形成未来产业、战略性新兴产业与传统制造业协同发展态势。") == [
        "未来产业", "战略性新兴产业", "传统制造业"]
    assert industries("涵盖先进制造业、现代服务业、生态建设等领域。") == ["先进制造业", "现代服务业"]


def test_a_park_named_as_a_project_is_also_a_platform() -> None:
    assert [name for name, _ in platforms("特别是青松碳基材料产业园项目,借力高校技术优势。")] == ["青松碳基材料产业园"]


def test_visit_and_contrast_words_and_counts_are_cut_from_carriers() -> None:
    assert [name for name, _ in platforms("调研组一行先后到蓝湾中科产业园等地督查。")] == ["蓝湾中科产业园"]
    assert [name for name, _ in platforms("而华鼎科技城将作为园区的延伸。")] == ["华鼎科技城"]
    assert platforms("首批包括两座湿实验室。") == []


def test_lists_of_firms_trades_or_project_kinds_and_sector_figures_are_no_focus() -> None:
    assert industries("全市推荐企业20余家,涉及整车、零部件、装备制造等行业龙头企业。") == []
    assert industries("项目涵盖工业、民生工程、基础设施、商贸物流等4类领域。") == []
    assert industries("工业投资50亿元,高新技术产业投资39亿元。") == []
    assert industries("北斗导航产业集群入选全省先进制造业集群培育对象。") == ["北斗导航"]
    assert industries("引进新能源、电子信息等产业企业。") == ["新能源", "电子信息"]


def test_list_items_read_as_sectors_by_their_trade_words() -> None:
    found = industries("新签约项目触及康复医疗、绿色科技、城乡融合、精密制造等多个领域。")
    assert found == ["康复医疗", "绿色科技", "精密制造"]  # 城乡融合 names no trade


def test_industrialisation_closes_no_sector_list() -> None:
    assert industries("坚持“攻关高科技、推进产业化”的方向,") == []


def test_two_sectors_joined_by_ji_before_chan_ye_stay_one() -> None:
    assert industries("园区补链强链,做强智能网联及新能源汽车产业链条。") == ["智能网联及新能源汽车"]


def test_a_helping_verb_is_no_part_of_a_carrier() -> None:
    assert platforms("全力助推航空物流产业园扩容,") == [("航空物流产业园", True)]


def test_trading_centres_are_carriers_and_a_policy_institute_is_one_too() -> None:
    assert platforms("西岭生猪电子交易中心上线运行。") == [("西岭生猪电子交易中心", True)]
    assert platforms("牵头成立区域政策研究院,") == [("区域政策研究院", True)]


def test_a_term_met_in_passing_is_no_sector_but_one_named_as_such_is() -> None:
    assert industries("蓝湾电子的集成电路封装测试线投产,为地方经济注入新动能。") == []
    assert industries("园区集成电路产业增速居全市第一。") == ["集成电路"]
    assert industries("园区着力做大锂电新能源,") == ["锂电新能源"]


def test_a_line_under_construction_and_a_service_met_beside_a_plan_are_no_sectors() -> None:
    assert industries("加快轨道交通3号线延伸段施工,打造区域交通枢纽。") == []
    assert industries("打造一流营商环境,优化人才引进、技术转移等配套服务,") == []


def test_a_term_ending_in_jing_ji_declares_itself_a_sector() -> None:
    assert industries("把数字经济、平台经济作为增长新引擎,") == ["数字经济", "平台经济"]


def test_figures_of_speech_and_concerns_are_no_list_items() -> None:
    assert industries("以创新“主引擎”、服务“强磁场”带动产业升级") == []
    assert industries("围绕前沿技术问题、区域融合问题等领域开展研究") == []


def test_a_carrier_opening_a_company_or_project_name_is_none() -> None:
    assert platforms("青松科技产业园运营管理有限公司负责园区招商,") == []
    assert platforms("晴川科技城冷链仓储项目即将竣工交付。") == []
    assert platforms("在青松产业园建设冷链仓储项目,") == [("青松产业园", True)]


def test_institutes_counted_as_projects_are_projects_but_parks_stay_carriers() -> None:
    assert platforms("蓝湾检测中心、海洋研究院2个科研机构项目一同入驻。") == []
    assert platforms("签约远帆智造产业园等3个项目。") == [("远帆智造产业园", True)]


def test_a_title_s_definition_names_no_sector_of_the_zone() -> None:
    assert industries("所谓“瞪羚企业”指快速成长的企业,多见于新一代信息技术、高端装备、新材料等产业领域。") == []


def test_a_leading_verb_of_attraction_is_cut_and_a_count_splits_ji() -> None:
    assert industries("园区着力引入精密制造、新材料、电子信息等产业,") == ["精密制造", "新材料", "电子信息"]
    assert industries("聚焦光伏组件、储能电池及氢能装备三大产业,") == ["光伏组件", "储能电池", "氢能装备"]


def test_a_bracketed_place_inside_a_carrier_name_stays_in_it() -> None:
    assert platforms("西岭(澄湖)产业加速中心昨日启用。") == [("西岭(澄湖)产业加速中心", True)]
    assert platforms("此外还有青松工程技术(澄湖)研究院投用。") == [("青松工程技术(澄湖)研究院", True)]


def test_the_links_of_a_chain_written_out_are_sectors() -> None:
    assert industries("园区已打通“工业硅-多晶硅-切片-组件端”全产业链,") == ["工业硅", "多晶硅", "切片", "组件"]


def test_two_known_sectors_joined_by_yu_are_two() -> None:
    assert industries("园区在储能、半导体与智慧制造等领域持续发力") == ["储能", "半导体", "智慧制造"]
    assert industries("重点发展软件与信息服务、集成电路等产业") == ["软件与信息服务", "集成电路"]


def industry_names(sentence: str) -> list[str]:
    return [c.name for c in find_industries(sentence, [])]


def test_a_verb_of_effort_before_a_sector_list_is_cut_off() -> None:
    names = industry_names("青松创新产业园持续发力云计算、人工智能、无人机产业。")
    assert names[:3] == ["云计算", "人工智能", "无人机"]


def test_a_count_and_kind_after_the_last_sector_is_no_part_of_it() -> None:
    assert set(industry_names("园区重点打造纺织服装、通信电子、冷链食品加工三大主导产业集群。")) == {
        "纺织服装", "通信电子", "冷链食品加工"}


def test_sectors_of_a_named_city_opening_the_sentence_are_not_the_zone_s() -> None:
    assert industry_names("南平市在沿江大道一带做规划设计,发展健康养老、文化娱乐等现代服务业。") == []
    assert industry_names("南平市重点发展生物医药、新能源汽车等产业。") == []


def test_a_district_run_with_the_zone_and_a_zone_named_after_a_county_keep_their_sectors() -> None:
    assert industry_names("南平区将加快打造生物医药、新能源汽车产业集群。")[:2] == ["生物医药", "新能源汽车"]
    assert industry_names("南平县经济开发区重点发展生物医药、新能源汽车等产业。") == ["生物医药", "新能源汽车"]


def test_the_trades_of_one_firm_are_no_sectors_of_the_zone() -> None:
    assert industry_names("蓝湾控股是一家集物流仓储、酒店管理、制造业、金融投资等行业的多元化集团公司。") == []


def test_products_and_a_programme_pairing_two_sectors_are_no_focus() -> None:
    assert industry_names("项目总投资5亿元,聚焦无人机结构件、显控台等产品研发。") == []
    assert industry_names("园区入选省级先进制造业和现代服务业融合发展示范名单。") == []


def test_a_four_character_sector_loses_its_chan_ye_but_a_kind_of_industry_keeps_it() -> None:
    assert "激光" in industry_names("园区正在谋划激光产业、光伏产业等。")
    assert "未来产业" in industry_names("园区布局未来产业、电子信息产业等。")


def test_a_park_opening_a_sector_list_leaves_the_list_whole() -> None:
    sentence = "开园三年来,青松智算产业园持续发力云计算、人工智能、无人机产业。"
    taken = [(sentence.index("青松"), sentence.index("产业园") + 3)]
    assert [c.name for c in find_industries(sentence, taken)][:3] == ["云计算", "人工智能", "无人机"]
