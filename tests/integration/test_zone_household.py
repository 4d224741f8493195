"""A family in a development zone (合肥经济技术开发区, 340177): its printed form names the zone, not a
district, and ``advisor-app check`` says whose policy table it used and why."""

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


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_printed_application_names_the_zone(profile: Any) -> None:
    stored = households.save_household(profile, interchange.household_from_dict(zone_document()))
    pdf = documents.render_form(profile, "dibao-application", stored.id or "", on=ON)
    text = "".join(p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(pdf)).pages).replace(" ", "")
    assert "合肥经济技术开发区芙蓉街道芙蓉社区" in text  # the subtitle: county, town, village
    assert "蜀山区" not in text and "合肥市合肥经济技术开发区" not in text


def test_check_says_which_table_and_why(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "zone.json"
    path.write_text(json.dumps(zone_document(), ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(capsys, "check", str(path), "--on", ON.isoformat())
    assert code == 0
    assert "使用的标准：合肥市（合肥经济技术开发区没有单独的标准，按所在市执行）" in out.splitlines()[1]
    code, out, _ = run(capsys, "check", str(path), "--on", ON.isoformat(), "--format", "json")
    assert json.loads(out)["table"] == {"region": "340100", "name": "合肥市", "level": "city",
                                        "reason": "合肥经济技术开发区没有单独的标准，按所在市执行"}
    code, out, _ = run(capsys, "check", str(SAMPLE), "--on", ON.isoformat())
    assert "使用的标准：合肥市蜀山区\n" in out  # a district with its own table: no reason needed
