"""A family in a development zone (合肥经济技术开发区, 340177): its printed form names the zone, not a
district, and ``advisor-app check`` uses the zone's own table (Hefei's 城区 standard); a zone without a
table of its own (滁州经济技术开发区) is told it uses its city's, and why."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pypdf
import pytest

from advisor_app.cli import main
from advisor_app.domain import interchange
from advisor_app.services import documents, households

SAMPLE = Path(__file__).parents[1] / "data" / "household_wu.json"
ON = dt.date(2024, 1, 1)


def zone_document() -> dict[str, Any]:
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    doc.update(region="340177", address="安徽省合肥市经开区芙蓉社区翡翠路8号", town="芙蓉街道", village="芙蓉社区")
    return doc


def chuzhou_zone_document() -> dict[str, Any]:
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    doc.update(region="341172", address="安徽省滁州市经开区同乐社区花园路6号", town="城东街道", village="同乐社区")
    return doc


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def table_line(out: str) -> str:
    """The line under the text output's 资格核对（…） heading: whose table the check used."""
    lines = out.splitlines()
    heading = next(i for i, line in enumerate(lines) if line.startswith("资格核对（核对日期"))
    return lines[heading + 1]


def test_the_printed_application_names_the_zone(profile: Any) -> None:
    stored = households.save_household(profile, interchange.household_from_dict(zone_document()))
    pdf = documents.render_form(profile, "dibao-application", stored.id or "", on=ON)
    text = "".join(p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(pdf)).pages).replace(" ", "")
    assert "合肥经济技术开发区芙蓉街道芙蓉社区" in text  # the subtitle: county, town, village
    assert "蜀山区" not in text and "合肥市合肥经济技术开发区" not in text


def test_check_uses_the_zones_own_table(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "zone.json"
    path.write_text(json.dumps(zone_document(), ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(capsys, "check", str(path), "--on", ON.isoformat())
    assert code == 0
    assert table_line(out) == "使用的标准：合肥经济技术开发区"  # its own: no reason needed
    assert "低于本地低保标准 924 元" in out
    code, out, _ = run(capsys, "check", str(path), "--on", ON.isoformat(), "--format", "json")
    doc = json.loads(out)
    assert doc["table"] == {"region": "340177", "name": "合肥经济技术开发区", "level": "own", "reason": ""}
    assert doc["policy"]["dibao_standard"]["value"] == 924 and doc["policy"]["dibao_standard"]["region"] == "340177"
    assert doc["policy"]["tekun_basic_yearly"]["value"] == 19779
    dibao = next(p for p in doc["programs"] if p["program"] == "dibao")
    assert dibao["status"] == "eligible" and dibao["monthly_amount"] > 0


def test_check_says_which_table_and_why(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "zone.json"
    path.write_text(json.dumps(chuzhou_zone_document(), ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(capsys, "check", str(path), "--on", ON.isoformat())
    assert code == 0
    assert table_line(out) == "使用的标准：滁州市（滁州经济技术开发区没有单独的标准，按所在市执行）"
    code, out, _ = run(capsys, "check", str(path), "--on", ON.isoformat(), "--format", "json")
    assert json.loads(out)["table"] == {"region": "341100", "name": "滁州市", "level": "city",
                                        "reason": "滁州经济技术开发区没有单独的标准，按所在市执行"}
    code, out, _ = run(capsys, "check", str(SAMPLE), "--on", ON.isoformat())
    assert table_line(out) == "使用的标准：合肥市蜀山区"  # a district with its own table: no reason needed


def test_check_of_a_city_without_a_table_uses_the_provinces(capsys: pytest.CaptureFixture[str],
                                                            tmp_path: Path) -> None:
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    doc["region"] = "340271"  # 芜湖经济技术开发区: 芜湖 ships no table
    path = tmp_path / "wuhu.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(capsys, "check", str(path), "--on", ON.isoformat())
    assert code == 0
    assert table_line(out) == "使用的标准：安徽省（芜湖经济技术开发区和芜湖市都没有单独的标准，按全省执行）"
    code, out, _ = run(capsys, "check", str(path), "--on", ON.isoformat(), "--format", "json")
    assert code == 0
    result = json.loads(out)
    assert result["table"] == {"region": "340000", "name": "安徽省", "level": "province",
                               "reason": "芜湖经济技术开发区和芜湖市都没有单独的标准，按全省执行"}
    assert "dibao_standard" not in result["policy"]
    assert next(p for p in result["programs"] if p["program"] == "dibao")["status"] == "needs_info"
