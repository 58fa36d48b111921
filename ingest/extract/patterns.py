"""Every regex and generic lexicon of the core extractors, named and compiled once.

Only generic vocabulary lives here (company suffixes, industry words, honour
titles, verbs, job titles); never the name of a particular company or project.
"""

from __future__ import annotations

import re

from ingest.extract.asset_text import load_lexicon

HAN = "\u4e00-\u9fff"


# Legal-form suffixes of company names, longest first.
COMPANY_SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司", "集团公司", "集团有限公司", "集团", "公司")
COMPANY_SUFFIX_RE = re.compile(
    r"(?:集团)?(?:股份有限公司|有限责任公司|有限公司|集团有限公司|集团公司|集团|公司|株式会社|财团)$")
# Province/city names that prefix legal company names (stripped when matching short names).
PLACE_PREFIX_RE = re.compile(f"^(?:{'|'.join(map(re.escape, load_lexicon('places')))}){{1,3}}")

# A legal company name: Han/Latin body then a legal suffix.
LEGAL_COMPANY_RE = re.compile(
    rf"[{HAN}A-Za-z0-9（）()]{{2,24}}?(?:股份有限公司|有限责任公司|有限公司|集团有限公司|集团公司)"
)

# Words that end a short enterprise name (industry/business words), used as cues.
ENTERPRISE_ENDINGS = (
    "科技", "电子", "智能", "新材料", "材料", "半导体", "医药", "药业", "装备", "电力", "机电",
    "能源", "新能源", "光电", "晶体", "生物", "通信", "精密", "零售", "游戏", "展示", "环保",
    "重工", "特钢", "机器人", "集团", "股份", "实业", "化工", "制药", "汽车", "电气", "机械",
    "信息", "网络", "软件", "数据", "光伏", "纺织", "食品", "物流", "置业", "控股", "国际",
    "磁材", "电影", "传媒", "家居", "建设", "工程", "钢铁", "医疗", "健康", "器械", "动力",
    "芯片", "微电子", "技术", "仪器", "自动化", "塑业", "包装", "模具", "航空", "船舶",
    "存储", "集成", "电源", "量子", "显示", "光学", "激光", "氢能", "基因", "智算", "智控", "智造", "精工",
)

# Honour titles (generic kinds of award), longest first when compiled.
HONOUR_TITLES = (
    "潜在独角兽企业", "独角兽企业", "瞪羚企业", "雏鹰企业", "专精特新小巨人企业", "专精特新小巨人",
    "专精特新企业", "国家制造业单项冠军", "制造业单项冠军", "单项冠军", "隐形冠军",
    "高新技术企业", "科技型中小企业", "中国质量奖", "省长质量奖", "市长质量奖",
)
# Honour-name endings for open-ended titles (…示范园区, …奖一等奖).
HONOUR_ENDINGS = ("示范园区", "示范基地", "试点单位", "示范区", "一等奖", "二等奖", "三等奖", "特等奖",
                  "金奖", "质量奖", "示范平台", "引进计划", "合作项目", "融通载体", "地区总部",
                  "绿色工厂", "智能工厂", "示范工厂", "灯塔工厂", "数字化车间", "智能车间", "绿色园区")

# Honour-awarding cues: the honour follows the cue.
AWARD_CUES = ("获评", "被评为", "评为", "荣获", "获得", "入选", "认定为", "获批", "获", "列入", "成功申报", "成为")

# Job titles of people (resources/person_titles.txt), longest first.
PERSON_TITLES = load_lexicon("person_titles")

# Verbs that lead a company or project name in a clause (察看X项目, 引入X、Y等企业, 集聚X等龙头企业).
LEAD_VERBS = ("察看", "查看", "考察", "调研", "走访", "参观", "看望", "引入", "引进", "招引", "集聚", "聚集",
              "汇集", "汇聚", "吸引", "签约", "推动", "推进", "支持", "服务", "帮助", "培育", "成为", "新引进",
              "涵盖", "涉及", "拥有", "落户", "入驻", "成功引进", "成功签约", "建设", "实施", "启动",
              "力促", "力推", "促成", "加速推进", "落地")

# Status verbs → ProjectStatus values (checked in this order, longest cue first).
STATUS_CUES = (
    ("即将竣工", "under_construction"), ("开复工", "started"),
    ("新开工", "started"), ("开工建设", "started"), ("开工", "started"), ("动工", "started"),
    ("动土", "started"), ("奠基", "started"),
    ("签约", "signed"), ("签订", "signed"), ("正式落地", "signed"),
    ("在建", "under_construction"), ("续建", "under_construction"), ("加快推进", "under_construction"),
    ("全力推进", "under_construction"), ("全速推进", "under_construction"), ("加速推进", "under_construction"),
    ("加速建设", "under_construction"),
    ("加快建设", "under_construction"), ("施工", "under_construction"), ("建设进度", "under_construction"),
    ("封顶", "under_construction"), ("结顶", "under_construction"), ("设备调试", "under_construction"),
    ("设备安装", "under_construction"), ("开始调试", "under_construction"),
    ("正在建设", "under_construction"), ("主体完工", "under_construction"),
    ("竣工", "completed"), ("完工", "completed"), ("建成", "completed"), ("通车", "completed"),
    ("如期交付", "completed"), ("交付使用", "completed"),  # a building handed over to its user
    ("投产", "in_production"),
    ("投用", "in_production"), ("投入使用", "in_production"), ("达产", "in_production"), ("试生产", "in_production"),
    ("试产", "in_production"),
    ("投入生产", "in_production"), ("投入运营", "in_production"), ("并网发电", "in_production"),
    ("对外营业", "in_production"),
)

YEAR_RE = re.compile(r"(20[0-4]\d)年")
