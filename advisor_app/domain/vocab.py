"""The closed vocabularies of the household format, with the Chinese words advisors use.

Each mapping goes from the code stored in files and the database to the label shown to people.
The codes are part of the ``advisor-household/1`` format: never rename one.
"""

from __future__ import annotations

AREAS = {"urban": "城镇", "rural": "农村"}

RELATIONS = {
    "head": "户主",
    "spouse": "配偶",
    "child": "子女",
    "parent": "父母",
    "grandchild": "孙子女",
    "grandparent": "祖父母",
    "sibling": "兄弟姐妹",
    "other": "其他",
}

DISABILITY_KINDS = {
    "physical": "肢体残疾",
    "visual": "视力残疾",
    "hearing": "听力残疾",
    "speech": "言语残疾",
    "intellectual": "智力残疾",
    "psychiatric": "精神残疾",
    "multiple": "多重残疾",
}

DISABILITY_GRADES = {1: "一级", 2: "二级", 3: "三级", 4: "四级"}

WHEREABOUTS = {
    "home": "在家",
    "prison": "服刑",
    "drug_rehab": "强制隔离戒毒",
    "religious": "宗教场所居住",
    "missing": "失联",
}

INCOME_KINDS = {
    "wage": "工资性收入",
    "business": "家庭经营净收入",
    "property": "财产净收入",
    "transfer": "转移净收入",
    "pension_basic": "基础养老金",
    "pension_other": "其他养老金",
    "preferential_care": "优待抚恤金",
    "family_planning_award": "计划生育奖励扶助金",
    "scholarship": "奖学金、助学金",
    "heroism_award": "见义勇为奖励",
    "assistance": "社会救助金",
    "other": "其他收入",
}

# The six activities of daily living (日常生活活动) that decide self-care ability.
SELF_CARE_ITEMS = {
    "eating": "进食",
    "dressing": "穿衣",
    "bed_transfer": "上下床",
    "toileting": "如厕",
    "indoor_moving": "室内行走",
    "bathing": "洗澡",
}

EMERGENCY_KINDS = {
    "accident": "意外事故",
    "fire": "火灾",
    "disaster": "自然灾害",
    "illness": "重大疾病",
    "other": "其他突发事件",
}

VISIT_TYPES = {
    "discovery": "主动发现",
    "investigation": "入户调查",
    "return": "回访",
    "review": "定期核查",
    "care": "特困照料探访",
}

NEED_CATEGORIES = {"cash": "资金", "goods": "实物", "service": "服务"}

NEED_STATUSES = {"open": "待办", "referred": "已转介", "fulfilled": "已满足"}

SEXES = {"male": "男", "female": "女"}

# Why a household was archived (归档: taken out of every list, notice and ledger, kept for sync and
# audit, and restorable). "other" asks for the reason in words.
ARCHIVE_REASONS = {
    "moved": "迁出",
    "duplicate": "重复登记",
    "deceased": "死亡",
    "other": "其他",
}
