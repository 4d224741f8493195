"""The table keys of the county's 低保 policy (read by ``policy_format``; meaning in ``dibao_policy``)."""

from __future__ import annotations

YES_NO = "是否"
LISTED_KINDS = ("old_age_allowance", "disability_living_subsidy", "disability_care_subsidy",
                "medical_reimbursement")
TIERS = ("a", "b", "c")
SUPPLEMENT_KINDS = ("severely_ill", "severely_disabled", "elderly", "minor")

SPECS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("dibao_excluded_old_age_allowance", "低保不计入高龄津贴（1是 0否）", (YES_NO,)),
    ("dibao_excluded_disability_living_subsidy", "低保不计入困难残疾人生活补贴（1是 0否）", (YES_NO,)),
    ("dibao_excluded_disability_care_subsidy", "低保不计入重度残疾人护理补贴（1是 0否）", (YES_NO,)),
    ("dibao_excluded_medical_reimbursement", "低保不计入医疗保险报销（1是 0否）", (YES_NO,)),
    ("dibao_work_cost_monthly", "就业成本扣减（每个就业成员每月固定额）", ("元/人/月",)),
    ("dibao_work_cost_wage_share", "就业成本扣减（就业成员工资的比例）", ("倍",)),
    ("dibao_work_cost_standard_share", "就业成本扣减（低保标准的倍数，每个就业成员）", ("倍",)),
    ("dibao_rigid_expense_deduction", "扣减刚性支出（近12个月自付医疗、教育支出÷12；1是 0否）", (YES_NO,)),
    *((f"dibao_tier_{t}_gap_min", f"低保分档·{t.upper()}类：人均收入差额不低于", ("元/人/月",)) for t in TIERS),
    *((f"dibao_tier_{t}_amount", f"低保分档·{t.upper()}类：每人每月发放", ("元/人/月",)) for t in TIERS),
    ("dibao_supplement_severely_ill", "分类施保·重病患者（每人每月）", ("元/人/月",)),
    ("dibao_supplement_severely_disabled", "分类施保·重度残疾人（每人每月）", ("元/人/月",)),
    ("dibao_supplement_elderly", "分类施保·60周岁以上老年人（每人每月）", ("元/人/月",)),
    ("dibao_supplement_minor", "分类施保·未成年人（每人每月）", ("元/人/月",)),
)
