"""People and roles on invented sentences of the shapes real zone news uses."""

from __future__ import annotations

import pytest

from ingest.document import Document
from ingest.emit import to_gold_json
from ingest.extract.people import find_people, person_name_at, roles_before
from ingest.pipeline import run
from kg.model import EntityType

HOME = (EntityType.ZONE, "青阳经济开发区")


def _people(sentence: str) -> list[tuple[str, list[tuple[str, str]]]]:
    return [(p.name, [(title, org[1]) for title, org in p.roles]) for p in find_people(sentence, HOME)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A compound title gives one role per position.
        ("青阳经济开发区党工委委员、管委会副主任钱立群介绍，园区今年新签约项目12个。",
         [("钱立群", [("党工委委员", "青阳经济开发区"), ("管委会副主任", "青阳经济开发区")])]),
        # 兼 joins two posts as 、 does; the city post before them is not the zone's.
        ("南岭市副市长、青阳经济开发区党工委书记兼管委会主任赵文博表示，要加快项目建设。",
         [("赵文博", [("党工委书记", "青阳经济开发区"), ("管委会主任", "青阳经济开发区")])]),
        # Words before the zone name (据, 采访了) do not hide the zone.
        ("据青阳经济开发区管委会主任孙建华介绍，总部大楼年内建成。",
         [("孙建华", [("管委会主任", "青阳经济开发区")])]),
        # Officials of other bodies are people with no role.
        ("市政协副主席周海峰出席仪式。", [("周海峰", [])]),
        ("市委副书记、代市长吴振国下达开工令。", [("吴振国", [])]),
        # A company's department: the role is in the company, the title keeps the department.
        ("星河智能科技有限公司党支部书记、总经理冯立军2日称，项目投产后年产值可达20亿元。",
         [("冯立军", [("党支部书记", "星河智能科技有限公司"), ("总经理", "星河智能科技有限公司")])]),
        ("远帆集团党委委员、副总经理韩晓东出席活动。",
         [("韩晓东", [("党委委员", "远帆集团"), ("副总经理", "远帆集团")])]),
        # A short company name before a company title.
        ("青松机器人创始人郑一鸣这样说。", [("郑一鸣", [("创始人", "青松机器人")])]),
        # Removed from a post: a person, no role.
        ("会议宣布，免去青阳经济开发区管委会副主任陈志远同志的职务。", [("陈志远", [])]),
    ],
)
def test_people_roles(sentence: str, expected: list[tuple[str, list[tuple[str, str]]]]) -> None:
    assert _people(sentence) == expected


def test_people_inherit_only_from_the_person_just_before() -> None:
    # 副总经理 follows 党委委员 of the second company, not the first company's person.
    sentence = "华鼎集团副总裁林志强,远帆集团党委委员、副总经理韩晓东出席活动。"
    assert _people(sentence) == [("林志强", [("副总裁", "华鼎集团")]),
                                 ("韩晓东", [("党委委员", "远帆集团"), ("副总经理", "远帆集团")])]
    # "党工委书记A、管委会副主任B": B's title has no organisation of its own and takes A's.
    sentence = "青阳经济开发区党工委书记赵文博、管委会副主任钱立群出席活动。"
    assert _people(sentence)[1] == ("钱立群", [("管委会副主任", "青阳经济开发区")])


@pytest.mark.parametrize(
    ("text", "name"),
    [("林远说,", "林远"), ("林远表示", "林远"), ("冯立军2日称", "冯立军"), ("王海平,", "王海平"), ("王海平的", None)],
)
def test_people_name_boundary(text: str, name: str | None) -> None:
    assert person_name_at(text, 0) == name


def test_people_contact_person_and_leaders() -> None:
    assert [p.name for p in find_people("(联系人:孟晓燕,0571-8888)", HOME)] == ["孟晓燕"]
    assert [p.name for p in find_people("县领导赵文博参加活动", HOME)] == ["赵文博"]


def test_people_roles_before_a_name_found_elsewhere() -> None:
    sentence = "华鼎集团副总裁道远出席活动。"
    start = sentence.index("道远")
    assert roles_before(sentence, start, HOME) == (("副总裁", (EntityType.ENTERPRISE, "华鼎集团")),)
    assert roles_before("县领导道远出席", 3, HOME) == ()


def test_people_inherit_the_organisation_of_the_last_title() -> None:
    # 副区长 follows a district post (another body), not the zone post before it.
    sentence = "青阳经开区管委会主任、南岭区政府区长赵文博、副区长钱立群出席。"
    assert _people(sentence) == [("赵文博", [("管委会主任", "青阳经开区")]), ("钱立群", [])]


def test_people_zone_with_a_short_place_name() -> None:
    sentence = "青经开区管委会主任、南岭区政府区长孙建华介绍，园区今年签约项目9个。"
    assert _people(sentence) == [("孙建华", [("管委会主任", "青经开区")])]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A city leader who also heads the zone's party body holds that post as the zone's.
        ("区委常委、副区长、经开区党工委第一书记林远航宣布开工。",
         [("林远航", [("党工委第一书记", "青阳经济开发区")])]),
        # A company's short name after the words inviting it, and a plant named after a place, name the company.
        ("活动还邀请蓝湾冷链南京厂资深副总李晓梅现身说法。", [("李晓梅", [("资深副总", "蓝湾冷链")])]),
        ("青松机器人有限公司董事会主席黄志明表示，将追加投资。", [("黄志明", [("董事会主席", "青松机器人有限公司")])]),
    ],
)
def test_roles_of_zone_leaders_and_company_executives(sentence: str, expected: list[tuple[str, list]]) -> None:
    assert _people(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # The zone's administration written in full; 委员 inside 管理委员会 ends no title.
        ("青阳经济开发区管理委员会主任王建国介绍，园区今年新签约项目12个。",
         [("王建国", [("管理委员会主任", "青阳经济开发区")])]),
        # A page that sets the name apart with spaces.
        ("青阳经济开发区管委会副主任 李明 表示，将加快项目建设。", [("李明", [("管委会副主任", "青阳经济开发区")])]),
        # A standing committee of a people's congress is another body.
        ("市人大常委会副主任刘强出席。", [("刘强", [])]),
    ],
)
def test_full_administration_names_and_spaced_names(sentence: str, expected: list[tuple[str, list]]) -> None:
    assert _people(sentence) == expected


def test_a_bare_new_area_before_a_zone_body_is_the_home_zone() -> None:
    found = _people("仪式上,新区管委会副主任林向东代表管委会签约。")
    assert found == [("林向东", [("管委会副主任", "青阳经济开发区")])]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Two posts set apart by a space: one role each, the second in the organisation of the first.
        ("青阳经济开发区商务和投资促进局党组书记 局长 王明远:首条产线三个月就投产了。",
         [("王明远", [("商务和投资促进局党组书记", "青阳经济开发区"), ("局长", "青阳经济开发区")])]),
        # The zone's 管理局 written after a short form of the zone's name, and bare.
        ("青阳管理局长许文清指出，园区将补强供应链。", [("许文清", [("局长", "青阳经济开发区")])]),
        # Another place's 管理局 is another body.
        ("南岭管理局长许文清指出，园区将补强供应链。", [("许文清", [])]),
    ],
)
def test_spaced_titles_and_the_zone_bureau(sentence: str, expected: list[tuple[str, list]]) -> None:
    assert _people(sentence) == expected


def test_a_speaker_opening_a_clause_is_a_person_without_a_role() -> None:
    assert _people("林远表示,本次项目签约是一个新的起点。") == [("林远", [])]
    assert _people("会上,周文斌指出,园区要加快建设。") == [("周文斌", [])]


def test_words_before_a_verb_of_speaking_are_no_speaker() -> None:
    assert _people("会议强调,要加快项目建设。") == []
    assert _people("数据表明,投资增长明显。") == []
    assert _people("该负责人介绍,园区已签约项目。") == []
    assert _people("项目签约后,公司表示将加快建设。") == []
    assert _people("对此,双方认为合作前景广阔。") == []


def test_a_company_title_after_the_company_s_officer_stays_in_that_company() -> None:
    assert _people("青松机器人董事长林远、总经理周文斌出席。") == [
        ("林远", [("董事长", "青松机器人")]), ("周文斌", [("总经理", "青松机器人")])]
    assert _people("市委书记林远、副市长周文斌出席。") == [("林远", []), ("周文斌", [])]


def test_the_zone_s_offices_and_working_departments_and_gai_qu() -> None:
    assert _people("区党工委副书记、党群工作部部长林青主持签约仪式。") == [
        ("林青", [("党工委副书记", "青阳经济开发区"), ("党群工作部部长", "青阳经济开发区")])]
    assert _people("园区管委会党政办主任林远说。") == [("林远", [("管委会党政办主任", "青阳经济开发区")])]
    assert _people("记者从市里获悉,该区管委会主任林远表示。") == [("林远", [("管委会主任", "青阳经济开发区")])]


def test_managers_chief_executives_and_heads_of_schools_are_titles() -> None:
    assert _people("青松机器人有限公司项目经理林远介绍。") == [("林远", [("项目经理", "青松机器人有限公司")])]
    assert _people("活动邀请青松生技执行长周文斌分享经验。") == [("周文斌", [("执行长", "青松生技")])]
    assert _people("白鹭大学校长林远致辞。") == [("林远", [])]


def test_a_word_after_a_title_is_no_name_even_before_a_verb_of_speaking() -> None:
    assert _people("宜州县政府县长联合主持仪式。") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # An appointment decision names the posts after the person.
        ("会上宣读了任免决定:钱立群同志任区管委会主任、党工委委员,免去其市商务局局长职务。",
         [("钱立群", [("管委会主任", "青阳经济开发区"), ("党工委委员", "青阳经济开发区")])]),
        # A city official who also takes a post of the zone, written by its bare kind.
        ("南岭区委书记赵文博同时担任经济技术开发区党工委副书记;南岭区副区长孙建华兼任开发区工委委员。",
         [("赵文博", [("党工委副书记", "青阳经济开发区")]), ("孙建华", [("工委委员", "青阳经济开发区")])]),
        # A Latin company title (CEO, CTO) after a legal company.
        ("青松星河科技(南岭)有限公司CEO林远表示,新工厂年内投产。",
         [("林远", [("CEO", "青松星河科技(南岭)有限公司")])]),
        # 任职 is no appointment verb after a word that is no name.
        ("会上宣布了主要领导干部任职决定。", []),
    ],
)
def test_posts_a_person_is_appointed_to(sentence: str, expected: list[tuple[str, list[tuple[str, str]]]]) -> None:
    assert _people(sentence) == expected


def test_a_bare_gongsi_before_a_title_is_the_company_named_just_before() -> None:
    text = "青松经济开发区捷报频传。12月3日,青禾智造股份有限公司新厂房内工人赶制订单。公司总经理王远介绍,项目已投产。"
    facts = to_gold_json(run(Document("t", "t.txt", text)))["facts"]
    roles = {(f["s"], f["o"]) for f in facts if f["p"] == "role"}
    assert roles == {("王远", "青禾智造股份有限公司")}
