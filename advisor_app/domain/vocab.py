"""The closed vocabularies of the app, each word in both interface languages, and one lookup.

A vocabulary maps the code stored in files and the database to the word shown to people. Every
word carries its Chinese (the advisors' own word, also what printed forms use) and its English (the
English interface): ``label("relation", "spouse", "en") == "Spouse"``. The codes of the household
vocabularies are part of the ``advisor-household`` format (/1 and /2): never rename one.

Which language to show is the caller's to say (the desktop app passes the language of its
interface; printed forms and the CLI use Chinese, the default). Nothing here knows about Qt.

:class:`Text` is a phrase in both languages. The eligibility rules build their reasons as Texts
(the same sentence and figures in Chinese and English), so the interface can show either.

The Chinese mappings (``RELATIONS``, ``INCOME_KINDS`` …) are kept for the code that prints or
validates in Chinese; they are read from the same vocabulary.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

CHINESE = "zh_CN"
ENGLISH = "en"
LANGUAGES = (CHINESE, ENGLISH)

Code = str | int  # disability grades are numbers, every other code is text


@dataclass(frozen=True, slots=True)
class Text:
    """A phrase in Chinese and in English. ``+`` joins two phrases (or a phrase and a word that is
    the same in both languages, such as a name or a figure)."""

    zh: str
    en: str

    def in_language(self, language: str) -> str:
        """The phrase in ``language`` (English for ``"en"``, Chinese for anything else)."""
        return self.en if language == ENGLISH else self.zh

    def __add__(self, other: Text | str) -> Text:
        if isinstance(other, str):
            return Text(self.zh + other, self.en + other)
        return Text(self.zh + other.zh, self.en + other.en)

    def __radd__(self, other: str) -> Text:
        return Text(other + self.zh, other + self.en)

    def __bool__(self) -> bool:
        return bool(self.zh or self.en)


EMPTY = Text("", "")


def same(word: str) -> Text:
    """A word written the same in both languages (a name, a figure, an ID number)."""
    return Text(word, word)


def join(separator: Text, parts: Iterable[Text]) -> Text:
    """The parts joined with the separator, in each language."""
    items = list(parts)
    return Text(separator.zh.join(p.zh for p in items), separator.en.join(p.en for p in items))


LIST_SEPARATOR = Text("、", ", ")  # 顿号 between the items of a list of words
CLAUSE_SEPARATOR = Text("；", "; ")


def _t(zh: str, en: str) -> Text:
    return Text(zh, en)


VOCABULARY: dict[str, dict[Code, Text]] = {
    "area": {"urban": _t("城镇", "Urban"), "rural": _t("农村", "Rural")},
    "relation": {
        "head": _t("户主", "Head"),
        "spouse": _t("配偶", "Spouse"),
        "child": _t("子女", "Child"),
        "parent": _t("父母", "Parent"),
        "grandchild": _t("孙子女", "Grandchild"),
        "grandparent": _t("祖父母", "Grandparent"),
        "sibling": _t("兄弟姐妹", "Sibling"),
        "child_in_law": _t("儿媳、女婿", "Child-in-law"),
        "other": _t("其他", "Other"),
        # lives with the family without a duty of support either way (a lodger, a hired carer)
        "lodger": _t("同住无赡养关系", "Lodger (no support duty)"),
    },
    "disability_kind": {
        "physical": _t("肢体残疾", "Physical disability"),
        "visual": _t("视力残疾", "Visual disability"),
        "hearing": _t("听力残疾", "Hearing disability"),
        "speech": _t("言语残疾", "Speech disability"),
        "intellectual": _t("智力残疾", "Intellectual disability"),
        "psychiatric": _t("精神残疾", "Psychiatric disability"),
        "multiple": _t("多重残疾", "Multiple disabilities"),
    },
    "disability_grade": {1: _t("一级", "Grade 1"), 2: _t("二级", "Grade 2"),
                         3: _t("三级", "Grade 3"), 4: _t("四级", "Grade 4")},
    "whereabouts": {
        "home": _t("在家", "At home"),
        "prison": _t("服刑", "Serving a sentence"),
        "drug_rehab": _t("强制隔离戒毒", "In compulsory drug rehabilitation"),
        "religious": _t("宗教场所居住", "Living at a religious site"),
        "missing": _t("失联", "Out of contact"),
    },
    "income_kind": {
        "wage": _t("工资性收入", "Wages"),
        "business": _t("家庭经营净收入", "Family business, net"),
        "property": _t("财产净收入", "Property income, net"),
        "transfer": _t("转移净收入", "Transfers received, net"),
        "pension_basic": _t("基础养老金", "Basic pension"),
        "pension_other": _t("其他养老金", "Other pension"),
        "preferential_care": _t("优待抚恤金", "Veterans' care allowance"),
        "family_planning_award": _t("计划生育奖励扶助金", "Family planning award"),
        "scholarship": _t("奖学金、助学金", "Scholarships and grants"),
        "heroism_award": _t("见义勇为奖励", "Award for bravery"),
        "assistance": _t("社会救助金", "Social assistance received"),
        "old_age_allowance": _t("高龄津贴", "Old-age allowance"),
        "disability_living_subsidy": _t("困难残疾人生活补贴", "Living subsidy for disabled people in hardship"),
        "disability_care_subsidy": _t("重度残疾人护理补贴", "Care subsidy for severely disabled people"),
        "medical_reimbursement": _t("医疗保险报销", "Medical insurance reimbursement"),
        "other": _t("其他收入", "Other income"),
    },
    # The six activities of daily living (日常生活活动) that decide self-care ability.
    "self_care_item": {
        "eating": _t("进食", "Eating"),
        "dressing": _t("穿衣", "Dressing"),
        "bed_transfer": _t("上下床", "In/out of bed"),
        "toileting": _t("如厕", "Toilet"),
        "indoor_moving": _t("室内行走", "Walking indoors"),
        "bathing": _t("洗澡", "Bathing"),
    },
    "emergency_kind": {
        "accident": _t("意外事故", "Accident"),
        "fire": _t("火灾", "Fire"),
        "disaster": _t("自然灾害", "Natural disaster"),
        "illness": _t("重大疾病", "Serious illness"),
        "other": _t("其他突发事件", "Other sudden event"),
    },
    "visit_type": {
        "discovery": _t("主动发现", "Outreach"),
        "investigation": _t("入户调查", "Home investigation"),
        "return": _t("回访", "Follow-up visit"),
        "review": _t("定期核查", "Periodic review"),
        "care": _t("特困照料探访", "Care visit (extreme poverty)"),
    },
    "need_category": {"cash": _t("资金", "Money"), "goods": _t("实物", "Goods"), "service": _t("服务", "Service")},
    "need_status": {"open": _t("待办", "Open"), "referred": _t("已转介", "Referred"),
                    "fulfilled": _t("已满足", "Met")},
    "sex": {"male": _t("男", "Male"), "female": _t("女", "Female")},
    # advisor-household/2: a member's state, and a supporter's kinship, status and situation.
    "member_state": {"living": _t("在世", "Living"), "deceased": _t("已故", "Deceased"),
                     "declared_dead": _t("宣告死亡", "Declared dead by a court"),
                     "declared_missing": _t("宣告失踪", "Declared missing by a court")},
    "kinship": {
        "spouse": _t("配偶", "Spouse"), "father": _t("父亲", "Father"), "mother": _t("母亲", "Mother"),
        "son": _t("儿子", "Son"), "daughter": _t("女儿", "Daughter"),
        "grandfather": _t("祖父、外祖父", "Grandfather"), "grandmother": _t("祖母、外祖母", "Grandmother"),
        "grandson": _t("孙子、外孙子", "Grandson"), "granddaughter": _t("孙女、外孙女", "Granddaughter"),
        "elder_brother": _t("哥哥", "Elder brother"), "elder_sister": _t("姐姐", "Elder sister"),
        "younger_brother": _t("弟弟", "Younger brother"), "younger_sister": _t("妹妹", "Younger sister"),
        "son_in_law": _t("女婿", "Son-in-law"), "daughter_in_law": _t("儿媳", "Daughter-in-law"),
        "other": _t("其他", "Other"),
    },
    "supporter_status": {"": _t("未领取", "None"), "tekun": _t("特困供养人员", "Extreme poverty support recipient"),
                         "dibao": _t("低保对象", "Dibao recipient")},
    "supporter_situation": {"": _t("无", "None"), "deceased": _t("已故", "Deceased"),
                            "no_capacity": _t("无民事行为能力", "No legal capacity"),
                            "declared_missing": _t("宣告失踪", "Declared missing by a court"),
                            "prison": _t("服刑", "Serving a sentence")},
    # Why a household was archived (归档: out of every list, notice and ledger, kept for sync and
    # audit, restorable). "other" asks for the reason in words.
    "archive_reason": {"moved": _t("迁出", "Moved away"), "duplicate": _t("重复登记", "Duplicate"),
                       "deceased": _t("死亡", "Deceased"), "other": _t("其他", "Other")},
    # The assistance programmes (救助项目) the rules check, and how a check ends for each.
    "program": {
        "dibao": _t("低保", "Dibao"),
        "dibao_edge": _t("低保边缘", "Near-dibao"),
        "dibao_single": _t("单人保", "Single-person dibao"),
        "tekun": _t("特困", "Extreme poverty support"),
        "unsupported_child": _t("事实无人抚养儿童", "De facto unsupported child"),
        "temporary": _t("临时救助", "Temporary assistance"),
        "rigid_expense": _t("刚性支出困难家庭", "Household in hardship from essential spending"),
    },
    # The household list's 当前状态 column: short names of the eligible programmes.
    "program_short": {
        "tekun": _t("特困", "Extreme poverty"),
        "dibao": _t("低保", "Dibao"),
        "dibao_single": _t("单人保", "Single dibao"),
        "dibao_edge": _t("边缘", "Near-dibao"),
        "unsupported_child": _t("无人抚养儿童", "Unsupported child"),
        "temporary": _t("临时救助", "Temporary"),
        "rigid_expense": _t("刚性支出", "Essential spending"),
    },
    "status": {"eligible": _t("符合", "Eligible"), "ineligible": _t("不符合", "Not eligible"),
               "needs_info": _t("需补充信息", "More information needed")},
    # 特困: the self-care level from the lost daily activities (0: self, 1–3: partial, 4–6: full).
    "care_level": {"self": _t("具备生活自理能力", "Can care for self"),
                   "partial": _t("部分丧失生活自理能力", "Partly unable to care for self"),
                   "full": _t("完全丧失生活自理能力", "Fully unable to care for self")},
    # 临时救助: the kind of a grant (its code is the Chinese word, as in ``advisor-check/1``).
    "temporary_kind": {"急难型": _t("急难型", "Emergency"), "支出型": _t("支出型", "High essential spending")},
    # The printable forms (documents.kinds.FORM_KINDS; the printed title stays Chinese).
    "form": {
        "dibao-application": _t("最低生活保障申请书", "Dibao application"),
        "tekun-application": _t("特困人员救助供养申请书", "Extreme poverty support application"),
        "temporary-application": _t("临时救助申请书", "Temporary assistance application"),
        "authorization": _t("家庭经济状况核对授权书", "Authorization to check family finances"),
        "investigation": _t("入户调查表", "Home investigation form"),
        "visit-record": _t("走访记录表", "Visit record"),
        "assessment": _t("社会救助资格测算参考单", "Eligibility assessment (for reference)"),
    },
}


def term(kind: str, code: Code) -> Text:
    """The word for ``code`` in both languages; an unknown code is shown as it is."""
    found = VOCABULARY[kind].get(code)
    return found if found is not None else same(str(code))


def label(kind: str, code: Code, language: str = CHINESE) -> str:
    """The word for ``code`` of vocabulary ``kind`` in ``language``: ``label("area", "rural", "en")``."""
    return term(kind, code).in_language(language)


def labels(kind: str, language: str = CHINESE) -> dict[Code, str]:
    """Code → word of one vocabulary, in its order (for combo boxes)."""
    return {code: t.in_language(language) for code, t in VOCABULARY[kind].items()}


def disability(kind: str, grade: int) -> Text:
    """A disability as a sentence names it: 肢体残疾一级 / physical disability, grade 1."""
    k, g = term("disability_kind", kind), term("disability_grade", grade)
    return Text(k.zh + g.zh, f"{k.en.lower()}, {g.en.lower()}")


def label_list(kind: str, codes: Iterable[Code], language: str = CHINESE) -> str:
    """Several words of one vocabulary as a list: 低保、边缘 / Dibao, Near-dibao."""
    return LIST_SEPARATOR.in_language(language).join(label(kind, c, language) for c in codes)


def _chinese(kind: str) -> Mapping[Code, str]:
    return labels(kind, CHINESE)


# The Chinese words by code, as the household format's validation and the printed forms read them.
AREAS: dict[str, str] = {str(k): v for k, v in _chinese("area").items()}
RELATIONS: dict[str, str] = {str(k): v for k, v in _chinese("relation").items()}
DISABILITY_KINDS: dict[str, str] = {str(k): v for k, v in _chinese("disability_kind").items()}
DISABILITY_GRADES: dict[int, str] = {int(k): v for k, v in _chinese("disability_grade").items()}
WHEREABOUTS: dict[str, str] = {str(k): v for k, v in _chinese("whereabouts").items()}
INCOME_KINDS: dict[str, str] = {str(k): v for k, v in _chinese("income_kind").items()}
SELF_CARE_ITEMS: dict[str, str] = {str(k): v for k, v in _chinese("self_care_item").items()}
EMERGENCY_KINDS: dict[str, str] = {str(k): v for k, v in _chinese("emergency_kind").items()}
VISIT_TYPES: dict[str, str] = {str(k): v for k, v in _chinese("visit_type").items()}
NEED_CATEGORIES: dict[str, str] = {str(k): v for k, v in _chinese("need_category").items()}
NEED_STATUSES: dict[str, str] = {str(k): v for k, v in _chinese("need_status").items()}
SEXES: dict[str, str] = {str(k): v for k, v in _chinese("sex").items()}
ARCHIVE_REASONS: dict[str, str] = {str(k): v for k, v in _chinese("archive_reason").items()}
MEMBER_STATES: dict[str, str] = {str(k): v for k, v in _chinese("member_state").items()}
KINSHIPS: dict[str, str] = {str(k): v for k, v in _chinese("kinship").items()}
SUPPORTER_STATUSES: dict[str, str] = {str(k): v for k, v in _chinese("supporter_status").items()}
SUPPORTER_SITUATIONS: dict[str, str] = {str(k): v for k, v in _chinese("supporter_situation").items()}
PROGRAMS: dict[str, str] = {str(k): v for k, v in _chinese("program").items()}
