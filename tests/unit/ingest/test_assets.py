"""Platform, policy and industry extraction on sentences taken from zone reports."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from ingest.document import Document
from ingest.extract.assets import (
    abbreviates,
    extract_assets,
    find_platforms,
    find_policies,
    full_forms,
    is_generic,
    load_lexicon,
    pieces,
    sentence_spans,
)
from ingest.load import load_path
from ingest.normalise import normalise
from ingest.segment import segment
from kg.model import EntityType, Predicate


def _names(spans, kind: EntityType | None = None) -> set[str]:
    return {s.name for s in spans if kind is None or s.type == kind}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("用好软件园二期、众创空间、科技企业孵化器等载体,上海创源及苏州三人行等科创资源",
         {"软件园二期", "上海创源", "苏州三人行"}),
        ("改造提升百桥生物孵化园,优化完善启星智造产业园,加快建设星河科创园,启动规划建设扬子江加速器、生物医药加速器二期",
         {"百桥生物孵化园", "启星智造产业园", "星河科创园", "扬子江加速器", "生物医药加速器二期"}),
        ("重点推进天安数码城申报国家级孵化器,牛商E工场、乐创汇申报国家级众创空间",
         {"天安数码城", "牛商E工场", "乐创汇"}),
        ("加快提升博度科创产业园、盛大天地等科创平台运营水平", {"博度科创产业园", "盛大天地"}),
        ("控股集团公司、南通产业技术研究院、炜赋集团公司中层以上负责人", {"南通产业技术研究院"}),
        ("积极推进金属材料创新研究院、先进技术战略规划研究院、集成电路封测研究院等重大创新平台建设",
         {"金属材料创新研究院", "先进技术战略规划研究院", "集成电路封测研究院"}),
        ("加强中德国际技术转移中心、硅谷PNP创新中心等国际技术转移平台的建设运营",
         {"中德国际技术转移中心", "硅谷PNP创新中心"}),
        ("依托省技术产权交易市场江阴分中心、创新创业一体化服务平台和重点骨干企业",
         {"省技术产权交易市场江阴分中心", "创新创业一体化服务平台"}),
        ("全力支持南通理工学院研究生院建设,打造“博度热科学技术研究院”等一批新型研发机构",
         {"南通理工学院研究生院", "博度热科学技术研究院"}),
        ("软件与信息服务产业依托国家火炬计划软件产业基地,充分发挥现有企业的优势", {"国家火炬计划软件产业基地"}),
        ("加快建设新能源产业园、医药健康产业园等主导产业园区,提升产业集聚功能", {"新能源产业园", "医药健康产业园"}),
        # Kinds, not names: no proper-name part before the ending.
        ("鼓励支持企业建设工程技术研究中心、重点实验室、企业技术中心、工程实验室等研发平台", set()),
        ("积极争取国家大科学装置、国家技术创新中心等高端平台在高新区实现零突破", set()),
        ("重点打造一批服务水平高、辐射带动能力强的公共服务平台", set()),
        ("依托企业发展服务中心,搭建惠企政策服务平台,分类推送", set()),
        ("联动天翼新能源产业基地一期、阳光医卫新材料一期等14个项目正式投产", set()),
        ("南通某某科技园有限公司与佩尔科技签约", set()),
    ],
)
def test_assets_platforms_from_report_sentences(sentence: str, expected: set[str]) -> None:
    assert _names(find_platforms(sentence)) == expected


@pytest.mark.parametrize(
    ("sentence", "expected", "issued"),
    [
        ("出台发明专利专项资助政策,组织区内71家企业提交发明申请403件", {"发明专利专项资助政策"}, True),
        ("推出工业数字经济、鼓励科创板上市、服务业提质增效、知识产权强区等扶持政策,启星智能制造产业园正式开园",
         {"工业数字经济", "鼓励科创板上市", "服务业提质增效", "知识产权强区"}, True),
        ("全面落实科技投入奖补、非上市股份转让、股权和分红激励、固定资产加速折旧等优惠政策",
         {"科技投入奖补", "非上市股份转让", "股权和分红激励", "固定资产加速折旧"}, False),
        ("当年,该区出台营商环境攻坚任务清单“50条”,去年又推出优化营商环境创新提升“35条”",
         {"营商环境攻坚任务清单50条", "优化营商环境创新提升35条"}, True),
        ("今年5月中旬又出台行动方案“24条”。", {"行动方案24条"}, True),
        ("自2022年起,南通开发区推进实施打造营商环境最高地“三年行动计划”。", {"打造营商环境最高地三年行动计划"}, True),
        ("加快形成打造“营商环境最高地”、“通城活力新中心”三年行动方案,坚决完成任务",
         {"打造营商环境最高地、通城活力新中心三年行动方案"}, True),
        # Ladders of talents and firms set above the zone are carried on (实施, 推进), not enacted, by it.
        ("深入推进“小升高”、专精特新“小巨人”、“细分领域隐形冠军”培育计划,鼓励规上企业",
         {"小升高培育计划", "专精特新小巨人培育计划", "细分领域隐形冠军培育计划"}, False),
        ("深入实施企业家国际化素质能力提升工程、经营管理人才素质提升工程、青年企业家基业长青工程,培养一批优秀企业家",
         {"企业家国际化素质能力提升工程", "经营管理人才素质提升工程", "青年企业家基业长青工程"}, False),
        ("持续推进“百千万”引才专项行动,紧盯海内外高层次人才", {"百千万引才专项行动"}, False),
        ("持续实施“金熊猫”人才计划,全年引进高层次人才1200余名", {"金熊猫人才计划"}, False),
        ("推行人才“一卡通”政策,提供“一站式”服务", {"人才一卡通政策"}, True),
        ("大力实施一流人才集聚工程", {"一流人才集聚工程"}, True),
        ("推出“高新企业服务专员”制度,全年为企业兑现政策资金32亿元", {"高新企业服务专员制度"}, True),
        ("制定“惠企十条”,全年兑现惠企资金12.8亿元", {"惠企十条"}, True),
        ("这也是此次“24条”出台的初衷", set(), False),
        ("用好用足全市营商环境优化提升措施66条等各级惠企政策", {"营商环境优化提升措施66条"}, False),
        ("用好用足区“人才新政”18条,健全开发区人才培养机制", {"人才新政18条"}, False),
        ("以全区科创三年行动为指引,推动创新链产业链深度融合", {"科创三年行动"}, False),
        ("继续以“服务双百企”活动为抓手,将规模企业分组挂钩到人", {"服务双百企活动"}, False),
        ("“多亏了道口开设一件事一次办,不然工期得往后拖一个月。”", {"道口开设一件事一次办"}, True),
        ("深化“4+6”招商机制改革,成立人才科创招商中心", {"4+6招商机制"}, True),
        ("其中省“双创人才”2人、“太湖人才计划”创新创业领军人才17人、“暨阳英才计划”8人",
         {"太湖人才计划", "暨阳英才计划"}, False),
        ("全年力争引进紫琅英才12名,省“双创人才”确保通过3名。", {"紫琅英才"}, False),
        # Not named policies: generic policy words, bare counts, plain activities.
        ("创新人才个性化政策,增加政策磁性", set(), False),
        ("深化惠企政策“免申即享”改革,继续推行领导干部挂钩联系重点企业工作制度", set(), False),
        ("从2022年营商环境50条到去年的35条、再到今年的24条,精简的是数量", set(), False),
        ("组织开展系列促消费活动。", set(), False),
        ("以实际行动迎接党的二十大胜利召开。", set(), False),
        ("对表三年总目标,倒排工作计划,列出工作清单", set(), False),
        ("完成萧山路等7条道路的路面改造", set(), False),
    ],
)
def test_assets_policies_from_report_sentences(sentence: str, expected: set[str], issued: bool) -> None:
    spans = find_policies(sentence)
    assert _names(spans) == expected
    assert all(s.zone_fact == issued for s in spans)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("智能制造产业围绕磁性材料、激光设备、高端智能电力装备、高端汽车零部件、数字化模具等领域,充分发挥骨干企业的作用",
         {"智能制造", "磁性材料", "激光设备", "高端智能电力装备", "高端汽车零部件", "数字化模具"}),
        ("坚持先进制造业和现代服务业“双轮驱动”", {"先进制造业", "现代服务业"}),
        ("锁定新一代信息技术、高端装备、医药健康和新能源“3+1”主导产业,常态化推行“赛马”机制",
         {"新一代信息技术", "高端装备", "医药健康", "新能源"}),
        ("加快特钢新材料及制品、微电子集成电路、现代中药和生物医药、机械智能制造、新能源汽车及关键零部件等主导产业发展",
         {"特钢新材料及制品", "微电子集成电路", "现代中药和生物医药", "机械智能制造", "新能源汽车及关键零部件"}),
        ("低空经济、氢能、合成生物等一批未来产业项目加快布局", {"低空经济", "氢能", "合成生物"}),
        ("围绕智能制造、电子信息、新材料主导产业,重点攻坚一批旗舰型项目", {"智能制造", "电子信息", "新材料"}),
        # Sector words inside company, park or event names are not targeted industries.
        ("光益丰汇、高通新能源等总部经济项目12个", set()),
        ("以广联达移动智慧建筑、佩尔科技新材料、亚斯特国际等为代表", set()),
        ("成功举办创新创业大赛、金属新材料产业创新论坛、全国轴承行业2019年专题研讨会", set()),
        ("健全非公经济、民族宗教、港澳台侨等领域协调机制", set()),
        ("引导企业与爱波瑞、新松机器人等智能制造服务商对接", set()),
        # 为 before 主导产业 belongs to the frame, not the last item.
        ("经开区坚持以汽车及零部件、装备制造、现代物流为主导产业", {"汽车及零部件", "装备制造", "现代物流"}),
        # Output of a product and a financial product are no targeted sectors.
        ("全年汽车产量突破65万辆,其中新能源汽车产量18.2万辆", set()),
        ("推出“高新惠企贷”金融服务产品,兑现各类产业扶持资金3.2亿元", set()),
    ],
)
def test_assets_industries_from_report_sentences(sentence: str, expected: set[str]) -> None:
    assert _names(sentence_spans(sentence), EntityType.INDUSTRY) == expected


@pytest.mark.parametrize(
    ("prefix", "generic"),
    [("国家级", True), ("科技企业", True), ("现有各类", True), ("五大", True), ("", True),
     ("百桥生物", False), ("江阴国际", False), ("高新技术", False)],
)
def test_assets_is_generic_qualifier(prefix: str, generic: bool) -> None:
    assert is_generic(prefix) is generic


@pytest.mark.parametrize("name", ["industries", "platforms", "policies"])
def test_assets_lexicons_are_clean(name: str) -> None:
    entries = load_lexicon(name)
    assert len(entries) >= (200 if name == "industries" else 20)
    assert all(entry == entry.strip() and not entry.startswith("#") for entry in entries)


def _corpus_doc(corpus_dir: Path, prefix: str, zone: str | None) -> Document:
    path = next(corpus_dir.glob(f"{prefix}_*.txt"))
    doc = segment(normalise(load_path(path)))
    return replace(doc, home_zone=(EntityType.ZONE, zone) if zone else None)


def test_assets_extract_links_zone_to_its_assets(corpus_dir: Path) -> None:
    doc = _corpus_doc(corpus_dir, "004", "南通开发区")
    mentions, facts = extract_assets(doc)
    by_predicate = {(f.predicate, f.obj[1]) for f in facts}
    assert (Predicate.HOSTS_PLATFORM, "能达生物医药科创园") in by_predicate
    assert (Predicate.FOCUS_INDUSTRY, "医药健康") in by_predicate
    assert (Predicate.ISSUED_POLICY, "打造营商环境最高地、通城活力新中心三年行动方案") in by_predicate
    assert (Predicate.ISSUED_POLICY, "万事好通营商环境66条") not in by_predicate
    assert all(f.subject == doc.home_zone for f in facts)
    for mention in mentions:
        assert doc.sentences[mention.sentence_index].start <= mention.start < mention.end
        assert mention.end <= doc.sentences[mention.sentence_index].end


def test_assets_mentions_without_home_zone_give_no_facts(corpus_dir: Path) -> None:
    doc = _corpus_doc(corpus_dir, "001", None)
    mentions, facts = extract_assets(doc)
    assert {"天安数码城", "扬子江加速器"} <= {m.name for m in mentions if m.type == EntityType.PLATFORM}
    assert facts == []


def test_assets_traditional_script_document(corpus_dir: Path) -> None:
    doc = _corpus_doc(corpus_dir, "004", "南通开发区")
    mentions, _ = extract_assets(doc)
    names = {m.name for m in mentions}
    assert {"集成电路测试产业园", "南通产业技术研究院", "万事好通营商环境66条", "生物医药"} <= names


@pytest.mark.parametrize(
    ("sentence", "name", "hosted"),
    [
        ("依托天安数码城、中科科技园、研祥智谷等优质科创载体", "研祥智谷", True),
        ("用好软件园二期等载体,上海创源及苏州三人行等科创资源,大力招引", "上海创源", False),
        ("围绕“产业链”打造“人才链”,借力江阴国际人才市场,持续推进引才", "江阴国际人才市场", False),
    ],
)
def test_assets_platform_hosted_or_borrowed(sentence: str, name: str, hosted: bool) -> None:
    spans = {s.name: s for s in find_platforms(sentence)}
    assert spans[name].zone_fact is hosted


def test_assets_project_phase_is_not_a_policy() -> None:
    sentence = "实施敬老院二期提升工程、兴园路污水管网改造等10项为民办实事工程"
    assert _names(find_policies(sentence)) == set()


@pytest.mark.parametrize(
    ("sentence", "expected", "issued"),
    [
        ("结合开发区《产业培育三年计划》,持续放大企业发展服务中心功效", "产业培育三年计划", True),
        ("高新区印发《关于进一步优化营商环境的实施意见》,推出具体措施", "关于进一步优化营商环境的实施意见", True),
        ("全面落实《知识产权促进和保护条例》和《关于推动高质量发展的若干措施》", "关于推动高质量发展的若干措施", False),
        ("经开区发布《科技创新十条》。", "科技创新十条", True),
        # A title opening with a zone's name is that zone's, even where it is applied (落实好).
        ("落实好《青岛高新区支持虚拟现实产业发展若干政策》,力争全年规模以上工业增加值增长10%以上",
         "青岛高新区支持虚拟现实产业发展若干政策", True),
        ("认真落实《湖南省制造业高质量发展若干政策》", "湖南省制造业高质量发展若干政策", False),
        ("印发《长沙经开区支持先进制造业高质量发展若干政策》《长沙经开区促进外贸稳规模优结构十条措施》,出台“稳增长20条”",
         "稳增长20条", True),
    ],
)
def test_assets_titled_policies(sentence: str, expected: str, issued: bool) -> None:
    spans = {s.name: s for s in find_policies(sentence)}
    assert spans[expected].zone_fact is issued


def test_assets_title_that_is_not_a_policy() -> None:
    assert find_policies("原创话剧《七日告白》获第八届全国话剧优秀剧目奖") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a scoped 先进制造业集群 is a designation the cluster receives, not a sector (real set, FORMAT.md Honours)
        ("长沙经开区工程机械产业集群入选国家先进制造业集群", {"工程机械"}),
        ("加快形成特色鲜明、技术高新、规模可观的先进制造业集群。", {"先进制造业"}),
        ("加快打造龙头强劲、产业链完整的现代产业集群", set()),
        ("力争再打造1—2个行业领先、全国闻名的特色产业集群", set()),
        ("到2025年,力争工程机械产业集群产值突破3000亿元。", {"工程机械"}),
    ],
)
def test_assets_industry_clusters(sentence: str, expected: set[str]) -> None:
    assert _names(sentence_spans(sentence), EntityType.INDUSTRY) == expected


@pytest.mark.parametrize(
    ("sentence", "kind", "expected"),
    [
        ("中关村科学城、未来科学城、怀柔科学城是北京建设国际科技创新中心的主平台。", EntityType.PLATFORM,
         {"中关村科学城", "未来科学城", "怀柔科学城"}),
        ("天府软件园、菁蓉汇等双创载体集聚企业3000余家", EntityType.PLATFORM, {"天府软件园", "菁蓉汇"}),
        ("建成投用腾讯云启创新中心。", EntityType.PLATFORM, {"腾讯云启创新中心"}),
        ("园区现有国家级科技企业孵化器4家、国家级众创空间6家", EntityType.PLATFORM, set()),
        ("积极对接清华大学、科研院所等创新资源", EntityType.PLATFORM, set()),
        ("临港新片区聚焦集成电路、人工智能、生物医药、民用航空等前沿产业。", EntityType.INDUSTRY,
         {"集成电路", "人工智能", "生物医药", "民用航空"}),
        ("贵阳高新区大数据产业产值突破200亿元。", EntityType.INDUSTRY, {"大数据"}),
        ("高新区先后出台《促进人工智能产业发展若干措施》《科技创新券管理办法》等政策文件。", EntityType.POLICY,
         {"促进人工智能产业发展若干措施", "科技创新券管理办法"}),
        ("累计兑现各类奖补资金3.2亿元,惠及企业600余家。", EntityType.POLICY, set()),
    ],
)
def test_assets_other_regions(sentence: str, kind: EntityType, expected: set[str]) -> None:
    assert _names(sentence_spans(sentence), kind) == expected


@pytest.mark.parametrize(
    ("short", "full", "expected"),
    [
        ("金属材料创新研究院", "江阴金属材料创新研究院", True),
        ("江阴金属材料创新研究院", "江阴金属新材料创新研究院", True),
        ("启星智造产业园", "启星智能制造产业园", True),
        ("营商环境66条", "万事好通营商环境66条", True),
        ("道口开设一件事", "道口开设一件事一次办", True),
        ("天安数码城", "中科科技园", False),
        ("新能源产业园", "医药健康产业园", False),
        ("24条", "行动方案24条", False),
    ],
)
def test_assets_abbreviates(short: str, full: str, expected: bool) -> None:
    assert abbreviates(short, full) is expected


def test_assets_full_forms_merge_platforms_not_industries() -> None:
    names = {
        (EntityType.PLATFORM, "金属材料创新研究院"), (EntityType.PLATFORM, "江阴金属材料创新研究院"),
        (EntityType.INDUSTRY, "半导体"), (EntityType.INDUSTRY, "第三代半导体"),
    }
    assert full_forms(names) == {(EntityType.PLATFORM, "金属材料创新研究院"): "江阴金属材料创新研究院"}


@pytest.mark.parametrize(
    ("text", "limit"),
    [
        ("围绕智能制造、电子信息等领域," * 40, 60),
        ("高新区" * 400, 100),
        ("短句。", 240),
        ("甲乙,丙丁" * 10 + "戊" * 300, 50),
    ],
)
def test_assets_pieces_cover_the_sentence_in_bounded_clauses(text: str, limit: int) -> None:
    parts = pieces(text, limit)
    assert "".join(piece for _, piece in parts) == text
    assert all(len(piece) <= limit and text[offset:offset + len(piece)] == piece for offset, piece in parts)


def test_assets_long_sentence_offsets_point_at_the_name() -> None:
    sentence = "甲乙丙丁," * 100 + "加快建设星河科创园,聚焦集成电路、人工智能等领域。"
    spans = {s.name: s for s in sentence_spans(sentence)}
    for name in ("星河科创园", "集成电路", "人工智能"):
        assert sentence[spans[name].start:spans[name].end] == name


@pytest.mark.parametrize(
    ("sentence", "kind", "expected"),
    [
        ("实施道路改造工程、污水管网工程。", EntityType.POLICY, set()),
        ("大力实施高端产业培育工程。", EntityType.POLICY, {"高端产业培育工程"}),
        ("启星智能制造产业园项目开工建设。", EntityType.PLATFORM, {"启星智能制造产业园"}),  # a park project is both
        ("落实减税降费政策,出台相关配套政策,制定工作方案。", EntityType.POLICY, {"减税降费政策"}),
        ("开展“我为群众办实事”实践活动。", EntityType.POLICY, set()),
    ],
)
def test_assets_projects_and_generic_words_are_not_assets(sentence: str, kind: EntityType, expected: set[str]) -> None:
    assert _names(sentence_spans(sentence), kind) == expected


def test_assets_full_forms_follow_chains() -> None:
    names = {(EntityType.POLICY, n) for n in ("道口一件事", "道口开设一件事", "道口开设一件事一次办")}
    assert set(full_forms(names).values()) == {"道口开设一件事一次办"}


@pytest.mark.parametrize(
    "sentence",
    [
        "高质量完成“高新红色先锋”基层党组织强基提质增效三年行动计划。",
        "开展安全生产专项整治“雷霆行动”,对重点企业集中整治。",
        "研究制定“一患一策”整改方案,通过整改提升。",
        "制定重大项目考核实施细则,每半年进行一次日常动态考核。",
    ],
)
def test_assets_internal_programmes_are_not_policies(sentence: str) -> None:
    assert find_policies(sentence) == []


# A report from a zone in another province, written for these tests (no seed-document names).
OTHER_ZONE_REPORT = """\
合肥高新区2023年工作总结。今年以来,高新区坚持以科技创新为引领,聚焦集成电路、人工智能、量子信息、生物医药四大主导产业,加快构建“4+4+N”现代产业体系。全年实现地区生产总值1500亿元,同比增长8.5%。
科创平台建设成效明显。中国科学技术大学先进技术研究院、合肥综合性国家科学中心人工智能研究院加快建设,新增省级以上孵化器3家、众创空间5家,中安创谷科技园二期建成投用,国家级科技企业孵化器达到12家。
政策体系持续完善。出台《合肥高新区促进集成电路产业发展若干政策》《关于支持人才创新创业的实施办法》,全面落实省“科创十条”,深入实施“庐州英才”计划,兑现各类奖补资金8.6亿元。
营商环境不断优化。深化“一网通办”改革,推行“拿地即开工”,实施企业开办“一件事一次办”,新登记市场主体1.2万户。
招商引资再创新高。引进京东方第10.5代线、蔚来汽车中国总部等重大项目,签约项目总投资超过800亿元。新能源汽车、光伏及储能产业快速发展,形成了较为完整的产业链。
2024年,高新区将重点发展新一代信息技术、高端装备制造、新材料、节能环保等战略性新兴产业,打造具有国际影响力的量子信息产业集群。
"""


def test_assets_report_from_another_province() -> None:
    doc = segment(normalise(Document("other", "other.txt", OTHER_ZONE_REPORT)))
    mentions, facts = extract_assets(replace(doc, home_zone=(EntityType.ZONE, "合肥高新区")))
    found = {(m.type, m.name) for m in mentions}
    linked = {(f.predicate, f.obj[1]) for f in facts}
    assert {(EntityType.PLATFORM, "中安创谷科技园二期"), (EntityType.POLICY, "省科创十条"),
            (EntityType.INDUSTRY, "量子信息"), (EntityType.INDUSTRY, "生物医药")} <= found
    assert not any(name.endswith(("孵化器", "众创空间")) for kind, name in found if kind == EntityType.PLATFORM)
    assert (Predicate.ISSUED_POLICY, "合肥高新区促进集成电路产业发展若干政策") in linked
    assert (Predicate.ISSUED_POLICY, "省科创十条") not in linked
    assert (Predicate.ISSUED_POLICY, "庐州英才计划") not in linked
    assert (Predicate.HOSTS_PLATFORM, "中国科学技术大学先进技术研究院") in linked


def test_assets_two_clusters_joined_by_and() -> None:
    sentence = "推动电子信息产业集群和生物医药产业集群向万亿级迈进。"
    assert _names(sentence_spans(sentence), EntityType.INDUSTRY) == {"电子信息", "生物医药"}


def test_assets_company_named_like_an_institute_is_not_a_platform() -> None:
    sentence = "成都新能源科技有限公司、四川智能制造研究院有限公司等企业入选省级专精特新企业。"
    assert find_platforms(sentence) == []


def test_assets_full_forms_skip_merging_past_the_name_cap() -> None:
    many = {(EntityType.PLATFORM, f"园区{i:04d}号科创园") for i in range(401)}
    names = many | {(EntityType.PLATFORM, "金属材料创新研究院"), (EntityType.PLATFORM, "江阴金属材料创新研究院")}
    assert full_forms(names) == {}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("际弘第三代半导体材料、功率器件模块及新能源汽车器件生产项目加快建设", set()),
        ("新能源汽车产业快速发展,项目加快建设", {"新能源汽车"}),
    ],
)
def test_assets_industry_inside_a_project_name(sentence: str, expected: set[str]) -> None:
    assert _names(sentence_spans(sentence), EntityType.INDUSTRY) == expected


def test_assets_full_forms_join_industries_written_with_and() -> None:
    names = {(EntityType.INDUSTRY, "软件信息服务"), (EntityType.INDUSTRY, "软件与信息服务")}
    assert full_forms(names) == {(EntityType.INDUSTRY, "软件信息服务"): "软件与信息服务"}
