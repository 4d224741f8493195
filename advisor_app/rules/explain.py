"""The readable Chinese explanation of a :class:`CheckResult` (CLI text output, "copy" in the app)."""

from __future__ import annotations

from advisor_app.domain.vocab import AREAS

from .facts import yuan
from .results import (
    CARE_LABELS,
    NEEDS_INFO,
    PROGRAM_LABELS,
    STATUS_LABELS,
    CheckResult,
    ProgramResult,
    mask_member,
)

_POLICY_LABELS = {
    "dibao_standard": "低保标准",
    "dibao_edge_multiple": "低保边缘收入倍数",
    "asset_financial_months": "金融资产限额（月数）",
    "asset_vehicles_max": "允许机动车数",
    "asset_extra_houses_max": "允许自住以外房屋数",
    "tekun_basic_multiple": "特困基本生活标准倍数",
    "tekun_basic_yearly": "特困基本生活标准",
    "temporary_emergency_min_multiple": "急难型临时救助最低倍数",
    "temporary_cap_multiple": "临时救助限额倍数",
    "orphan_standard_monthly": "孤儿基本生活保障标准",
    "disposable_income_yearly": "上年居民人均可支配收入",
    "care_full": "照料护理标准（完全丧失）",
    "care_partial": "照料护理标准（部分丧失）",
    "care_self": "照料护理标准（具备自理能力）",
    "care_full_dispersed": "分散供养照料护理标准（完全丧失）",
    "care_partial_dispersed": "分散供养照料护理标准（部分丧失）",
    "care_self_dispersed": "分散供养照料护理标准（具备自理能力）",
}


def _headline(p: ProgramResult) -> str:
    label = PROGRAM_LABELS[p.program]
    who = f"{p.member_name}（{mask_member(p.member)}）" if p.member else ""
    parts = [STATUS_LABELS[p.status]]
    if p.monthly_amount is not None:
        parts.append(f"每月 {p.monthly_amount} 元")
    if p.care_level:
        parts.append(CARE_LABELS[p.care_level])
    if p.kind:
        parts.append(p.kind)
    if p.max_amount is not None:
        parts.append(f"每次最多 {p.max_amount} 元")
    if p.margin is not None and p.program == "dibao":
        parts.append(f"家庭月收入再增加 {p.margin:.2f} 元将不再符合" if p.margin > 0
                     else f"家庭月收入至少需减少 {-p.margin + 0.01:.2f} 元才符合")
    if p.margin is not None and p.program == "dibao_edge" and p.status == "eligible":
        parts.append(f"家庭月收入再增加 {p.margin:.2f} 元将超出边缘线")
    return f"【{label}】{who}：" + "，".join(parts)


def explain_text(result: CheckResult) -> str:
    lines = [f"资格核对（核对日期 {result.on.isoformat()}，地区 {result.region}"
             + (f"，{AREAS.get(result.area, result.area)}" if result.area else "") + "）",
             f"计入家庭人口 {result.counted_members} 人，家庭月收入（计入部分）"
             f"{yuan(round(result.counted_income_monthly * 100))} 元，"
             f"月人均 {result.per_capita_monthly:.2f} 元"]
    if result.policy:
        lines.append("所用政策标准：")
        for key, v in result.policy.items():
            value = int(v.value) if float(v.value).is_integer() else v.value
            flag = "（默认值，县里未另行规定）" if v.is_default else ""
            label = _POLICY_LABELS.get(key) or getattr(v, "label", key)
            lines.append(f"  · {label}：{value} {v.unit}{flag}"
                         f"（{v.source}，{v.effective_from.isoformat()}起）")
    else:
        lines.append("没有该地区在该日期的政策标准。")
    for p in result.programs:
        lines.append("")
        lines.append(_headline(p))
        for r in p.reasons:
            lines.append(f"  {'✓' if r.passed else '✗'} {r.text}")
        if p.status == NEEDS_INFO:
            for m in p.missing:
                lines.append(f"  ？ 需补充：{m}")
    return "\n".join(lines) + "\n"
