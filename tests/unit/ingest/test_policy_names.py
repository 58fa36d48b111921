"""Policy names, campaigns and who issued them (invented sentences)."""

from __future__ import annotations

from ingest.extract.asset_policies import find_policies


def policies(sentence: str) -> list[tuple[str, bool]]:
    return [(c.name, c.zone_fact) for c in find_policies(sentence)]


def test_programmes_listed_with_their_own_endings() -> None:
    found = policies("分类实施青苗企业壮大计划、专精企业培育计划和企业挂牌扶持计划,构建服务体系")
    assert found == [("青苗企业壮大计划", True), ("专精企业培育计划", True), ("企业挂牌扶持计划", True)]


def test_verb_before_le_bounds_the_name() -> None:
    assert policies("园区研究制定了星河人才发展五年规划,着手筹建基金") == [("星河人才发展五年规划", True)]


def test_quoted_plan_before_bing() -> None:
    assert policies("提出“星河合伙人”行动计划并出台实施方案") == [("星河合伙人行动计划", True)]


def test_measure_list_keeps_its_opening_verb() -> None:
    assert policies("出台了支持智能终端发展“18条”。") == [("支持智能终端发展18条", True)]


def test_quoted_method_and_de_before_the_ending() -> None:
    assert policies("探索推行“2/5工作法”,效果明显") == [("2/5工作法", True)]
    assert ("3377工作思路", True) in policies("会议提出了“3377”的工作思路,明确任务")


def test_campaign_years_are_named_one_by_one() -> None:
    found = policies("以“招商引资提质年”“营商环境优化年”活动为抓手")
    # FORMAT.md: a zone's campaigns ("项目建设推进年") are issuedPolicy; a city's are not (see below).
    assert found == [("招商引资提质年", True), ("营商环境优化年", True)]
    assert policies("在全县项目建设突破年动员大会之后") == [("项目建设突破年", False)]
    assert policies("2023年是关键之年,产值增长") == []


def test_documents_of_higher_bodies_are_not_the_zone_s() -> None:
    found = policies("结合科技部《高新区数字化转型专项行动实施方案》和《中共星城市委关于推动创新的十条意见》")
    assert found == [("高新区数字化转型专项行动实施方案", False), ("中共星城市委关于推动创新的十条意见", False)]
    notice = policies("2020年,工信部发布《关于开展青苗企业培育工作的通知》")
    assert notice == [("关于开展青苗企业培育工作的通知", False)]


def test_page_furniture_and_self_references_are_no_policies() -> None:
    assert policies("上一条:园区新闻") == []
    assert policies("本措施自发布之日起施行") == []


def test_quoted_programme_named_gongcheng() -> None:
    assert policies("做优做强“一号创新工程”,园区企业加快转型") == [("一号创新工程", True)]


def test_quoted_gongcheng_after_zuowei_is_a_figure() -> None:
    assert policies("园区继续将招商引资作为“头号工程”,深化改革") == []


def test_title_with_a_bracketed_period_keeps_it() -> None:
    found = policies("《星河高新区改革创新发展行动方案(2024—2026年)》在大会上发布")
    assert found == [("星河高新区改革创新发展行动方案(2024—2026年)", True)]


def test_quoted_mechanisms_and_strategies_the_zone_sets_up() -> None:
    from ingest.extract.asset_policies import find_policies

    def names(sentence: str) -> list[tuple[str, bool]]:
        return [(c.name, c.zone_fact) for c in find_policies(sentence)]

    assert names("持续深化“三个一”招商机制,高效运行。") == [("三个一招商机制", True)]
    assert names("实施“产业兴园”战略,树立鲜明导向。") == [("产业兴园战略", True)]
    assert names("引入招商“擂台机制”,顶格推进。") == [("擂台机制", True)]
    assert names("落实“一河一策”机制,确保水质达标。") == []  # applied, not set up
    assert names("锚定“一核两翼”战略定位。") == []  # a positioning, not a programme


def test_a_title_without_book_marks_is_a_policy_and_its_issuer_decides_who_issued_it() -> None:
    from ingest.extract.asset_policies import find_policies

    def titles(sentence: str) -> list[tuple[str, bool]]:
        return [(c.name, c.zone_fact) for c in find_policies(sentence)]

    assert titles("晴川高新区关于支持科技企业上市融资的试行意见") == [
        ("晴川高新区关于支持科技企业上市融资的试行意见", True)]
    assert titles("为贯彻落实西岭市人民政府关于促进开发区创新发展的实施意见,特制定本办法。") == [
        ("西岭市人民政府关于促进开发区创新发展的实施意见", False)]
    assert titles("西岭经开区管委会关于印发支持先进制造业发展若干措施的通知") == []


def test_a_national_programme_for_all_zones_is_not_the_zone_s_own() -> None:
    from ingest.extract.asset_policies import find_policies

    found = find_policies("对照《国家高新区数字化转型专项行动实施方案》,")
    assert [(c.name, c.zone_fact) for c in found] == [("国家高新区数字化转型专项行动实施方案", False)]


def test_a_title_read_in_two_overlapping_halves_is_one_name() -> None:
    from ingest.extract.asset_policies import find_policies

    found = find_policies("大力实施企业上市“晴川行动”升级工程,")
    assert [c.name for c in found] == ["企业上市晴川行动升级工程"]


def test_campaign_years_are_the_zone_s_unless_a_city_runs_them() -> None:
    from ingest.extract.asset_policies import find_policies

    def found(sentence: str) -> list[tuple[str, bool]]:
        return [(c.name, c.zone_fact) for c in find_policies(sentence)]

    assert found("该区以“招商引资攻坚年”活动为抓手,") == [("招商引资攻坚年", True)]
    assert found("深入开展“勇毅实干奋进年”主题活动,") == [("勇毅实干奋进年", True)]
    assert found("全市深入开展“营商服务提升年”活动,") == [("营商服务提升年", False)]


def test_items_that_spell_out_a_programme_after_ji_are_policies() -> None:
    from ingest.extract.asset_policies import find_policies

    found = find_policies("全力推进“三项行动”,即招商引资攻坚行动、企业服务提效行动、园区更新提质行动。")
    assert [(c.name, c.zone_fact) for c in found] == [
        ("招商引资攻坚行动", True), ("企业服务提效行动", True), ("园区更新提质行动", True)]


def test_a_quoted_system_of_duties_and_a_code_named_sector_system_are_the_zone_s() -> None:
    from ingest.extract.asset_policies import find_policies

    def found(sentence: str) -> list[tuple[str, bool]]:
        return [(c.name, c.zone_fact) for c in find_policies(sentence)]

    assert found("园区积极探索“链主制”招商新模式,") == [("链主制", True)]
    assert found("园区加快构建“3+2+X”现代产业体系,") == [("3+2+X现代产业体系", True)]


def test_a_title_without_marks_and_without_issuer_keeps_its_guanyu() -> None:
    assert policies("园区制定了关于加快低空经济发展的实施意见。") == [("关于加快低空经济发展的实施意见", True)]


def test_a_title_without_marks_issued_above_the_zone_is_not_the_zone_s() -> None:
    assert policies("市政府印发关于支持园区提质发展的若干措施。") == [("关于支持园区提质发展的若干措施", False)]


def test_a_quoted_name_of_two_halves_keeps_both() -> None:
    assert policies("园区将继续深入推进“稳链补链、强企优企”专项行动,激发活力") == [("稳链补链、强企优企专项行动", True)]
    assert policies("星河高新区持续推进实施“两大战略、六大行动”,锚定目标") == [("两大战略、六大行动", True)]


def test_quoted_contests_and_campaigns_run_by_the_zone_or_above_it() -> None:
    assert policies("宣布三季度“招商争先、服务提效”夺旗竞赛考核结果") == [("招商争先、服务提效夺旗竞赛", True)]
    assert policies("今年以来,青松市深入开展招商引资“百日攻坚”活动,全面提速") == [("百日攻坚", False)]
    assert policies("开发区大力开展“企业服务月”活动,走访企业") == [("企业服务月", True)]
    assert policies("园区举行了“签约一批”活动") == []  # an event held, not a campaign run


def test_a_campaign_the_province_runs_is_not_the_zone_s() -> None:
    assert policies("要结合全省正在进行的“减负松绑”专项行动,解决难题") == [("减负松绑专项行动", False)]


def test_a_campaign_run_above_the_zone_stays_so_when_the_zone_carries_it_on() -> None:
    from dataclasses import replace

    from ingest.document import Document
    from ingest.extract.assets import extract_assets
    from ingest.normalise import normalise
    from ingest.segment import segment
    from kg.model import EntityType

    text = ("星河经济技术开发区举行项目签约活动。市委书记要求,要结合全省正在进行的“减负松绑”专项行动,解决难题。"
            "星河经济技术开发区将继续深入推进“减负松绑”专项行动,激发企业活力。")
    doc = segment(normalise(Document("a", "a.txt", text)))
    mentions, facts = extract_assets(replace(doc, home_zone=(EntityType.ZONE, "星河经济技术开发区")))
    assert "减负松绑专项行动" in {m.name for m in mentions}
    assert facts == []


def test_titled_decisions_and_measures_and_who_issued_them() -> None:
    # A title's issuer unknown: the zone's, as before.
    assert policies("青松区出台了《青松区加快数字经济发展具体举措》,分三年实施") == [
        ("青松区加快数字经济发展具体举措", True)]
    found = policies("江宁区出台了《关于支持星河经济开发区建设的若干实施意见》,下放职能")
    assert found == [("关于支持星河经济开发区建设的若干实施意见", False)]
    found = policies("武义县出台了《武义县加快数字经济发展具体举措》,分三年实施")
    assert found == [("武义县加快数字经济发展具体举措", False)]
    found = policies("省人大常委会表决通过《关于星河高新区等园区管理体制改革的决定》,下放审批权")
    assert found == [("关于星河高新区等园区管理体制改革的决定", False)]


def test_a_district_run_as_one_with_the_zone_issues_as_the_zone() -> None:
    found = policies("现将《江宁区(开发区)加快先进制造业发展的若干措施》印发给你们")
    assert found == [("江宁区(开发区)加快先进制造业发展的若干措施", True)]


def test_a_trial_note_after_a_title_and_a_quoted_list_after_de() -> None:
    assert policies("园区印发了《星河经开区招商引资奖励办法(试行)》") == [("星河经开区招商引资奖励办法(试行)", True)]
    assert policies("高新区出台支持企业上市的“金十条”") == [("金十条", True)]


def test_a_city_opening_the_sentence_owns_the_mechanisms_it_sets_up() -> None:
    found = policies("今年以来,青松市统筹各类招商力量,紧盯龙头企业,建立“链主招商”推进机制,引入招商“擂台机制”,顶格推进")
    assert found == [("链主招商推进机制", False), ("擂台机制", False)]
    assert policies("今年以来,青松市星河经开区建立“链主招商”推进机制") == [("链主招商推进机制", True)]


def test_a_programme_run_under_a_theme_is_the_zone_s() -> None:
    found = find_policies("园区将实施以“产城融合”为主题的青松联动工程,加快集聚人才。")
    assert [(p.name, p.zone_fact) for p in found] == [("青松联动工程", True)]
