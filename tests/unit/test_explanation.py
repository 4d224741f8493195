"""The explanation a family can follow: the two-sentence summary for each status, reasons with their
citations apart, the default-value note once, and the recommendation through the service; each in
Chinese and in English, with the same figures."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from advisor_app.domain import idcard
from advisor_app.domain.household import Assets, Household, Income, Member
from advisor_app.domain.interchange import household_from_json
from advisor_app.domain.vocab import Text
from advisor_app.rules import check_household
from advisor_app.rules.explanation import DEFAULT_MARK, DEFAULT_NOTE, Explanation, explain, explained_reason
from advisor_app.rules.results import Reason
from advisor_app.rules.snapshot import Policy
from advisor_app.services import explanation
from advisor_app.services.households import read_document

ON = dt.date(2023, 9, 1)
SAMPLE = Path(__file__).parents[1] / "data" / "household_wu.json"


def couple(wage: float, region: str = "340104", financial: float = 0.0) -> Household:
    return Household(region=region, area="urban", assets=Assets(financial=financial), members=[
        Member("李红", idcard.make("340104", dt.date(1980, 5, 1), 2), "head", incomes=[Income("wage", wage)]),
        Member("李强", idcard.make("340104", dt.date(1979, 3, 2), 11), "spouse")])


def zh(e: Explanation) -> tuple[str, str]:
    return e.summary[0].zh, e.summary[1].zh


def en(e: Explanation) -> tuple[str, str]:
    return e.summary[0].en, e.summary[1].en


def test_eligible_with_amount_says_how_much_and_why() -> None:
    e = explain(check_household(couple(200), ON))  # 924 × 2 − 200
    assert zh(e) == ("您家每月可以申请低保 1,648 元，因为家庭月人均收入 100.00 元，低于本地低保标准 924 元。",
                     "最后能领多少，以乡镇审核、县民政部门审批的结果为准。")
    assert e.advice == () and not e.recommendation.several


def test_ineligible_gives_the_condition_that_failed() -> None:
    e = explain(check_household(couple(4000), ON))
    assert zh(e)[0] == ("按现在登记的情况，您家暂时不符合低保、特困等救助条件，"
                            "因为家庭月人均收入 2000.00 元，不低于本地低保标准 924 元。")
    assert zh(e)[1].startswith("家里收入、人口或财产有变化时")


def test_ineligible_for_assets_names_the_asset_rule_without_the_default_mark() -> None:
    e = explain(check_household(couple(200, financial=100_000), ON))
    assert "因为家庭金融资产 100000.00 元，超过限额 44352.00 元" in zh(e)[0]
    assert DEFAULT_MARK not in e.summary_text and DEFAULT_NOTE.zh not in e.summary_text
    assert "financial assets of 100000.00 yuan" in en(e)[0]
    assert DEFAULT_MARK not in e.summary_in("en") and DEFAULT_NOTE.en not in e.summary_in("en")


def test_needs_info_says_what_is_missing() -> None:
    e = explain(check_household(couple(200, region="340800"), ON))  # 安庆: no shipped table
    # 特困 is 不符合 for two adults of working age whatever the table: only the open ones are named.
    assert zh(e)[0] == "现在还不能确定您家能不能申请低保、低保边缘、临时救助，因为还缺少一些情况。"
    assert zh(e)[1].startswith("需要补充：没有该地区在该日期的低保标准（地区 340800，日期 2023-09-01）")


def test_edge_household_summary() -> None:
    single = Household(region="340104", area="urban", members=[
        Member("张兰", idcard.make("340104", dt.date(1980, 5, 1), 2), "head", incomes=[Income("wage", 1000)])])
    e = explain(check_household(single, ON))
    assert zh(e)[0] == ("您家可以申请低保边缘家庭认定，因为家庭月人均收入 1,000.00 元，"
                     "不低于本地低保标准 924 元，但低于它的 1.5 倍。")
    assert en(e)[0] == ("Your family can apply for recognition as a near-Dibao family, because the family's "
                        "monthly income per person, 1,000.00 yuan, is not below the local Dibao standard of "
                        "924 yuan but is below 1.5 times that standard.")


def test_citation_stays_apart_and_default_figures_are_marked_in_each_language() -> None:
    article = Text("第十四条", "Art. 14")
    r = explained_reason(Reason("vehicles", True, Text("家庭有机动车 0 辆，符合规定（不得拥有）",
                                                       "Motor vehicles of the household: 0, within the rule")
                                + DEFAULT_NOTE, article))
    assert (r.statement.zh, r.citation, r.uses_default) == ("家庭有机动车 0 辆，符合规定（不得拥有）*", article, True)
    assert r.statement.en == "Motor vehicles of the household: 0, within the rule*"
    plain = explained_reason(Reason("members", True, Text("计入家庭人口 2 人", "Members counted: 2"), article))
    assert (plain.statement, plain.uses_default) == (Text("计入家庭人口 2 人", "Members counted: 2"), False)


def test_the_mark_replaces_exactly_what_the_checks_write() -> None:
    class Default:
        is_default = True

    policy = Policy("340104", "urban", ON, values={"asset_vehicles_max": Default()})  # type: ignore[dict-item]
    assert policy.default_note("asset_vehicles_max") == DEFAULT_NOTE


def test_default_note_appears_once_and_lists_the_default_figures() -> None:
    result = check_household(couple(200), ON)
    repeated = sum(r.text.count(DEFAULT_NOTE.zh) for p in result.programs for r in p.reasons)
    assert repeated >= 5  # what the reasons themselves carry
    text = explain(result).text()
    assert DEFAULT_NOTE.zh not in text
    assert text.count("本软件的默认值") == 1
    note = explain(result).default_note.zh
    listed = note.split("：")[1]
    assert "金融资产限额（月数） 24 月" in listed and "允许机动车数 0 辆" in listed and "低保标准" not in listed
    # Each reason still ends with its regulation in the text form.
    assert "家庭月人均收入 100.00 元，低于本地低保标准 924 元（《最低生活保障审核确认办法》第十三条）" in text


def test_english_text_marks_defaults_and_notes_them_once_in_english() -> None:
    result = check_household(couple(200), ON)
    text = explain(result).text("en")
    assert sum(r.sentence.en.count(DEFAULT_NOTE.en) for p in result.programs for r in p.reasons) >= 5
    assert DEFAULT_NOTE.en not in text and DEFAULT_NOTE.zh not in text
    assert text.count("this software's defaults") == 1 and "本软件" not in text
    note = explain(result).default_note.en
    assert note.startswith("* Figures marked * are this software's defaults")
    listed = note.split("of its own: ")[1]
    assert "financial asset limit (months of the Dibao standard): 24 months" in listed
    assert "motor vehicles allowed: 0" in listed and "Dibao standard:" not in listed.replace("of the Dibao", "")
    assert ("Household income of 100.00 yuan a month per person, below the local dibao standard of 924 yuan "
            "(Measures for Reviewing and Confirming Dibao, Art. 13)") in text
    assert "Motor vehicles of the household: 0, within the rule (none allowed)* (" in text
    # Nothing in the English text is Chinese but the members' names and the policy table's place name.
    assert result.table is not None and f"Policy table used: {result.table.table_name}" in text
    names = text.replace("李红", "").replace("李强", "").replace(result.table.table_name, "")
    assert not re.search(r"[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]", names)


class NoTables:
    def lookup(self, region: str, key: str, on: dt.date, area: str | None = None) -> None:
        return None


def test_no_default_note_when_no_figure_is_a_default() -> None:
    e = explain(check_household(couple(200), ON, NoTables()))
    assert not e.default_note and "本软件的默认值" not in e.text() and "defaults" not in e.text("en")


def test_service_checks_the_dibao_of_the_others_when_a_member_goes_to_tekun() -> None:
    household = read_document(str(SAMPLE))
    result = check_household(household, ON)
    e = explanation.explain(household, result)
    # 临时救助 (支出型) too: costs above the income, income below Anhui's 2022 disposable income
    assert [(p.program, p.monthly_amount) for p in e.recommendation.apply_for] == [
        ("tekun", 2061), ("dibao", 924), ("temporary", None)]
    assert zh(e) == (
        "您家可以申请：吴晓霞的特困人员救助供养每月 2,061 元；家里其他 1 人的低保每月 924 元；"
        "临时救助（支出型，每次最多 9,240 元），合计每月 2,985 元。",
        "因为吴晓霞没有劳动能力，本人收入低于本地低保标准 924 元，也没有能供养的亲人；"
        "其他家人月人均收入 0.00 元，低于本地低保标准 924 元；医疗、教育等必需的支出太大，家里生活困难。")
    assert e.advice[0].text.zh == "吴晓霞申请特困人员救助供养，每月 2,061 元"
    assert e.advice[-1].text.zh == "合计每月 2,985 元，临时救助另计"
    assert e.text().index("建议申请：") < e.text().index("【低保】")


def test_english_summary_and_recommendation_read_as_english() -> None:
    household = read_document(str(SAMPLE))
    e = explanation.explain(household, check_household(household, ON))
    assert en(e) == (
        "Your family can apply for: extreme poverty support for 吴晓霞, 2,061 yuan a month; "
        "Dibao for the other person in your family, 924 yuan a month; temporary assistance (high essential "
        "spending, up to 9,240 yuan each time); 2,985 yuan a month in all.",
        "This is because 吴晓霞 cannot work, has own income below the local Dibao standard of 924 yuan and has "
        "no relative able to provide support; the other family members' monthly income per person, 0.00 "
        "yuan, is below the local Dibao standard of 924 yuan; and essential spending on medical care, "
        "schooling and the like is too high for the family to live on.")
    assert [a.text.en for a in e.advice] == [
        "Apply for extreme poverty support for 吴晓霞: 2,061 yuan a month",
        "Apply for Dibao for the other person: 924 yuan a month (吴晓霞 is supported under extreme poverty "
        "support and not counted in the household's Dibao; worked out for the other person: "
        "924 yuan × 1 person − monthly income 0.00 yuan)",
        "Apply for temporary assistance (high essential spending): usually up to 9,240 yuan each time",
        "In all: 2,985 yuan a month (temporary assistance comes on top)"]
    text = e.text("en")
    assert text.startswith(e.summary_in("en") + "\n") and "What to apply for:" in text
    assert text.index("What to apply for:") < text.index("[Dibao]: Eligible, 1548 yuan a month")
    # The JSON and the CLI stay Chinese.
    assert e.to_dict()["summary"] == e.summary_text == "".join(zh(e))
    assert e.to_dict()["recommendation"]["text"][0] == "吴晓霞申请特困人员救助供养，每月 2,061 元"


def test_english_summary_for_one_programme_ineligible_and_needs_info() -> None:
    assert en(explain(check_household(couple(200), ON))) == (
        "Your family can apply for Dibao of 1,648 yuan a month, because the family's monthly income per "
        "person, 100.00 yuan, is below the local Dibao standard of 924 yuan.",
        "The final amount is decided by the township's review and the county civil affairs bureau's approval.")
    assert en(explain(check_household(couple(4000), ON)))[0] == (
        "As things are recorded now, your family does not qualify for Dibao, extreme poverty support or other "
        "assistance: household income of 2000.00 yuan a month per person, not below the local dibao standard "
        "of 924 yuan.")
    first, second = en(explain(check_household(couple(200, region="340800"), ON)))
    assert first == ("It cannot be decided yet whether your family can apply for Dibao, recognition as a "
                     "near-Dibao family and temporary assistance, because some information is still missing.")
    assert second == "Still needed: No dibao standard for this region on this date (region 340800, date 2023-09-01)."


def test_single_dibao_route_b_summary_says_whatever_the_family_income() -> None:
    """Route (b): the household is neither 低保 nor 边缘, so the sentence must not call it 边缘."""
    path = Path(__file__).parents[1] / "data" / "casebook" / "dibao_single_route_b.json"
    case = json.loads(path.read_text(encoding="utf-8"))
    e = explain(check_household(household_from_json(json.dumps(case["household"])), ON))
    assert zh(e)[0] == ("您家许梅每月可以申请单人保（单独纳入低保） 924 元，因为许梅已成年、重度残疾、没有工作收入，"
                        "本人收入低于本地低保标准 924 元，可以不论家庭收入，单独按一人申请低保。")
    assert "边缘" not in zh(e)[0]
    assert "whatever the family's income" in en(e)[0] and "near-Dibao" not in en(e)[0]
