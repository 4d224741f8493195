"""The explanation a family can follow: the two-sentence summary for each status, reasons split from
their citations, the default-value note once, and the recommendation through the service."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from advisor_app.domain import idcard
from advisor_app.domain.household import Assets, Household, Income, Member
from advisor_app.rules import check_household
from advisor_app.rules.explanation import DEFAULT_MARK, DEFAULT_NOTE, explain, explained_reason
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


def test_eligible_with_amount_says_how_much_and_why() -> None:
    e = explain(check_household(couple(200), ON))  # 924 × 2 − 200
    assert e.summary == ("您家每月可以申请低保 1,648 元，因为家庭月人均收入 100.00 元，低于本地低保标准 924 元。",
                         "最后能领多少，以乡镇审核、县民政部门审批的结果为准。")
    assert e.advice == () and not e.recommendation.several


def test_ineligible_gives_the_condition_that_failed() -> None:
    e = explain(check_household(couple(4000), ON))
    assert e.summary[0] == ("按现在登记的情况，您家暂时不符合低保、特困等救助条件，"
                            "因为家庭月人均收入 2000.00 元，不低于本地低保标准 924 元。")
    assert e.summary[1].startswith("家里收入、人口或财产有变化时")


def test_ineligible_for_assets_names_the_asset_rule_without_the_default_mark() -> None:
    e = explain(check_household(couple(200, financial=100_000), ON))
    assert "因为家庭金融资产 100000.00 元，超过限额 44352.00 元" in e.summary[0]
    assert DEFAULT_MARK not in e.summary_text and DEFAULT_NOTE not in e.summary_text


def test_needs_info_says_what_is_missing() -> None:
    e = explain(check_household(couple(200, region="340800"), ON))  # 安庆: no shipped table
    # 特困 is 不符合 for two adults of working age whatever the table: only the open ones are named.
    assert e.summary[0] == "现在还不能确定您家能不能申请低保、低保边缘、临时救助，因为还缺少一些情况。"
    assert e.summary[1].startswith("需要补充：没有该地区在该日期的低保标准（地区 340800，日期 2023-09-01）")


def test_edge_household_summary() -> None:
    single = Household(region="340104", area="urban", members=[
        Member("张兰", idcard.make("340104", dt.date(1980, 5, 1), 2), "head", incomes=[Income("wage", 1000)])])
    e = explain(check_household(single, ON))
    assert e.summary[0] == ("您家可以申请低保边缘家庭认定，因为家庭月人均收入 1,000.00 元，"
                            "不低于本地低保标准 924 元，但低于它的 1.5 倍。")


def test_citation_is_split_off_and_default_figures_are_marked() -> None:
    r = explained_reason(Reason("vehicles", True, f"家庭有机动车 0 辆，符合规定（不得拥有）{DEFAULT_NOTE}（第十四条）",
                                "第十四条"))
    assert (r.statement, r.citation, r.uses_default) == ("家庭有机动车 0 辆，符合规定（不得拥有）*", "第十四条", True)


def test_the_mark_replaces_exactly_what_the_checks_write() -> None:
    class Default:
        is_default = True

    policy = Policy("340104", "urban", ON, values={"asset_vehicles_max": Default()})  # type: ignore[dict-item]
    assert policy.default_note("asset_vehicles_max") == DEFAULT_NOTE


def test_default_note_appears_once_and_lists_the_default_figures() -> None:
    result = check_household(couple(200), ON)
    repeated = sum(r.text.count(DEFAULT_NOTE) for p in result.programs for r in p.reasons)
    assert repeated >= 5  # what the reasons themselves carry
    text = explain(result).text()
    assert DEFAULT_NOTE not in text
    assert text.count("本软件的默认值") == 1
    note = explain(result).default_note
    listed = note.split("：")[1]
    assert "金融资产限额（月数） 24 月" in listed and "允许机动车数 0 辆" in listed and "低保标准" not in listed
    # Each reason still ends with its regulation in the text form.
    assert "家庭月人均收入 100.00 元，低于本地低保标准 924 元（《最低生活保障审核确认办法》第十三条）" in text


class NoTables:
    def lookup(self, region: str, key: str, on: dt.date, area: str | None = None) -> None:
        return None


def test_no_default_note_when_no_figure_is_a_default() -> None:
    e = explain(check_household(couple(200), ON, NoTables()))
    assert e.default_note == "" and "本软件的默认值" not in e.text()


def test_service_checks_the_dibao_of_the_others_when_a_member_goes_to_tekun() -> None:
    household = read_document(str(SAMPLE))
    result = check_household(household, ON)
    e = explanation.explain(household, result)
    assert [(p.program, p.monthly_amount) for p in e.recommendation.apply_for] == [("tekun", 2061), ("dibao", 924)]
    assert e.summary == (
        "您家可以申请：吴晓霞的特困人员救助供养每月 2,061 元；家里其他 1 人的低保每月 924 元，合计每月 2,985 元。",
        "因为吴晓霞没有劳动能力、没有生活来源，也没有能供养的亲人；"
        "其他家人月人均收入 0.00 元，低于本地低保标准 924 元。")
    assert e.advice[0].text == "吴晓霞申请特困人员救助供养，每月 2,061 元"
    assert e.advice[-1].text == "合计每月 2,985 元"
    assert e.text().index("建议申请：") < e.text().index("【低保】")
