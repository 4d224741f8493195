"""Fuzz tests (hypothesis) of every file the app reads from outside: household documents (parsed
and as raw bytes), policy tables (CSV and Excel, also damaged Excel files) and form definitions.
Whatever the file holds, the reader gives a :class:`DomainError` or a valid result, never another
exception; an import that is refused writes nothing to the profile.

Each test keeps to a few seconds (``max_examples``, ``deadline``); no example database is kept.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.utils.exceptions import IllegalCharacterError

from advisor_app import shipped
from advisor_app.documents.definitions import parse_definition
from advisor_app.documents.render import ROW_FIELDS, SCALARS
from advisor_app.domain import interchange
from advisor_app.domain.errors import DomainError
from advisor_app.rules.policy_excel import read_xlsx
from advisor_app.rules.policy_format import COLUMNS, read_csv
from advisor_app.services import households
from advisor_app.services.profile import Profile

SAMPLE = Path(__file__).parents[1] / "data" / "household_wu.json"
FAST = settings(max_examples=150, deadline=2000, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def sample_doc() -> dict[str, Any]:
    """吴晓霞's household as an advisor-household/2 document, with a supporter, a visit and a receipt."""
    doc = interchange.household_to_dict(interchange.household_from_json(SAMPLE.read_text(encoding="utf-8")))
    doc["supporters"] = [{"name": "吴大伟", "able": None, "kinship": "elder_brother",
                          "of_member": doc["members"][0]["id_number"], "monthly_income": 1200.5}]
    doc["visits"] = [{"type": "return", "date": "2025-03-01", "investigators": ["王芳"], "notes": "",
                      "needs": [{"category": "cash", "description": "学费", "status": "open"}], "next_visit": None}]
    doc["receiving"] = [{"program": "dibao", "since": "2024-01-01", "monthly_amount": 400}]
    return doc


# JSON values as a damaged or hand-edited file holds them: huge and non-finite numbers, lone surrogates
# and control characters, empty and nested containers.
scalars = st.one_of(
    st.none(), st.booleans(),
    st.integers(min_value=-(10**400), max_value=10**400), st.integers(min_value=-3, max_value=3),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=30),
    st.sampled_from(["", "head", "urban", "340104", "３４０１０４", "٣٤٠١٠٤", "\ud800", "\x00", "2024-02-30",
                     "34010419880314002X", "３４０１０４１９８８０３１４００２Ｘ", "a" * 300]),
)
json_values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)), max_leaves=12)


def paths(doc: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in ``doc`` a value sits (keys of objects, indexes of lists)."""
    found = [prefix] if prefix else []
    if isinstance(doc, dict):
        for key, value in doc.items():
            found += paths(value, (*prefix, key))
    elif isinstance(doc, list):
        for i, value in enumerate(doc):
            found += paths(value, (*prefix, i))
    return found


@st.composite
def mutated_documents(draw: st.DrawFn) -> dict[str, Any]:
    """The sample document with one to three values replaced, removed, or a key added."""
    doc = sample_doc()
    for _ in range(draw(st.integers(1, 3))):
        places = paths(doc)
        place = draw(st.sampled_from(places))
        parent: Any = doc
        for part in place[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["replace", "replace", "remove", "add"]))
        if action == "replace":
            parent[place[-1]] = draw(json_values)
        elif action == "remove" and isinstance(parent, dict):
            del parent[place[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.text(max_size=8))] = draw(json_values)
    return doc


def count(profile: Profile) -> int:
    return households.count_households(profile)


@FAST
@given(doc=mutated_documents())
def test_household_documents_give_a_domain_error_or_a_valid_household(doc: dict[str, Any], profile: Profile,
                                                                      tmp_path: Path) -> None:
    text = json.dumps(doc, ensure_ascii=False)
    before = count(profile)
    path = tmp_path / "household.json"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        saved = households.import_household(profile, path)
    except DomainError as exc:
        assert str(exc)  # a message to show
        assert count(profile) == before  # refused: nothing written
        return
    # accepted: what was stored is exactly what an export gives back, and reads again
    exported = households.export_household(profile, saved.id or "")
    assert interchange.household_from_json(exported) == households.load_household(profile, saved.id or "")
    assert count(profile) == before + 1


@FAST
@given(raw=st.one_of(st.binary(max_size=300), st.builds(
    lambda data, cut, junk: data[:cut] + junk + data[cut:],
    st.just(SAMPLE.read_bytes()), st.integers(0, 1500), st.binary(max_size=20))))
def test_household_bytes_give_a_domain_error_or_a_household(raw: bytes) -> None:
    try:
        interchange.read_household_json(raw)
    except DomainError as exc:
        assert str(exc)


cells = st.one_of(
    st.sampled_from(["340104", "340100", "dibao_standard", "tekun_basic_yearly", "care_full_dispersed",
                     "城镇", "农村", "", "924", "1e308", "nan", "inf", "-1", "340104198803140026",
                     "元/人/月", "元/人/年", "倍", "是否", "2024-01-01", "2024/7/1", "9999-12-31", "0000-01-01",
                     "yes", "no", "是", "否", "依据", "#", '"', "\x00"]),
    st.text(max_size=20),
)


@FAST
@given(rows=st.lists(st.lists(cells, min_size=6, max_size=10), max_size=5), header=st.permutations(list(COLUMNS)))
def test_policy_csv_tables_give_a_domain_error_or_rows(rows: list[list[str]], header: list[str],
                                                        tmp_path: Path) -> None:
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    path = tmp_path / "table.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    try:
        for row in read_csv(path):
            assert row.value == row.value and row.value < 1e7  # finite, within a key's range
    except DomainError as exc:
        assert str(exc)


excel_cells = st.one_of(
    cells, st.floats(allow_nan=True, allow_infinity=True), st.integers(-(10**20), 10**20), st.booleans(),
    st.dates(), st.none())


def xlsx_bytes(rows: list[list[Any]]) -> bytes:
    book = Workbook()
    sheet: Any = book.active
    sheet.title = "政策标准"
    sheet.append([f"{label} {name}" for name, label in COLUMNS.items()])
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@settings(FAST, max_examples=60)
@given(rows=st.lists(st.lists(excel_cells, min_size=8, max_size=11), min_size=1, max_size=3))
def test_policy_sheets_give_a_domain_error_or_rows(rows: list[list[Any]], tmp_path: Path) -> None:
    path = tmp_path / "table.xlsx"
    try:
        path.write_bytes(xlsx_bytes(rows))
    except IllegalCharacterError:  # openpyxl itself refuses to write control characters
        return
    try:
        read_xlsx(path)
    except DomainError as exc:
        assert str(exc)


GOOD_SHEET = xlsx_bytes([["340104", "蜀山区", "dibao_standard", "", 924, "元/人/月", "2024-01-01", "", "否",
                          "合肥市文件", ""]])


@st.composite
def damaged_sheets(draw: st.DrawFn) -> bytes:
    """The good sheet with one part of the zip damaged: cut short, bytes replaced, or a number cell
    rewritten (NaN, thousands of digits, a date serial beyond the calendar)."""
    source = zipfile.ZipFile(io.BytesIO(GOOD_SHEET))
    names = source.namelist()
    victim = draw(st.sampled_from(names))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in names:
            data = source.read(name)
            if name == victim:
                how = draw(st.sampled_from(["cut", "junk", "number"]))
                if how == "cut":
                    data = data[:draw(st.integers(0, max(len(data) - 1, 0)))]
                elif how == "junk":
                    at = draw(st.integers(0, len(data)))
                    data = data[:at] + draw(st.binary(min_size=1, max_size=8)) + data[at:]
                else:
                    data = data.replace(b"<v>924</v>", b"<v>" + draw(st.sampled_from(
                        [b"NaN", b"inf", b"1E999", b"9" * 5000, b"-", b""])) + b"</v>")
            target.writestr(name, data)
    raw = out.getvalue()
    if draw(st.booleans()):  # or the zip itself damaged
        at = draw(st.integers(0, len(raw) - 1))
        raw = raw[:at] + bytes([raw[at] ^ 0xFF]) + raw[at + 1:]
    return raw


@settings(FAST, max_examples=100)
@given(raw=damaged_sheets())
def test_damaged_excel_files_give_a_domain_error(raw: bytes, tmp_path: Path) -> None:
    path = tmp_path / "table.xlsx"
    path.write_bytes(raw)
    try:
        read_xlsx(path)
    except DomainError as exc:
        assert str(exc)


FORM_KINDS = sorted(p.stem for p in shipped.forms_dir().glob("*.toml") if p.stem != "notice")
toml_values = st.sampled_from(["inf", "nan", "-1", "1e400", "9223372036854775807", "0", '"x"', "[]", "{}",
                               "true", '"{no.such_field}"', '"{household.head_name}"', "[[[[[[1]]]]]]",
                               '"fields"', '"table"', '"\\u0000"', '"' + "长" * 200 + '"', "1979-05-27"])


@st.composite
def mutated_definitions(draw: st.DrawFn) -> tuple[str, str]:
    kind = draw(st.sampled_from(FORM_KINDS))
    lines = (shipped.forms_dir() / f"{kind}.toml").read_text(encoding="utf-8").splitlines()
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["value", "value", "delete", "duplicate", "raw"]))
        if action == "value" and "=" in lines[i]:
            lines[i] = lines[i].split("=", 1)[0] + "= " + draw(toml_values)
        elif action == "delete":
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        else:
            lines.insert(i, draw(st.text(max_size=30)))
        if not lines:
            lines = [""]
    return kind, "\n".join(lines)


@FAST
@given(definition=mutated_definitions())
def test_form_definitions_give_a_domain_error_or_a_definition(definition: tuple[str, str], tmp_path: Path) -> None:
    kind, text = definition
    path = tmp_path / f"{kind}.toml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        parse_definition(path, kind, scalars=SCALARS, row_fields=ROW_FIELDS)
    except DomainError as exc:
        assert str(exc)


def test_the_strategies_reach_both_outcomes(profile: Profile, tmp_path: Path) -> None:
    """The fuzzed readers are not refusing everything: the unmutated inputs are accepted."""
    path = tmp_path / "household.json"
    path.write_text(json.dumps(sample_doc(), ensure_ascii=False), encoding="utf-8")
    assert households.import_household(profile, path).id
    (tmp_path / "table.xlsx").write_bytes(GOOD_SHEET)
    assert [row.value for row in read_xlsx(tmp_path / "table.xlsx")] == [924]
    for kind in FORM_KINDS:
        assert parse_definition(shipped.forms_dir() / f"{kind}.toml", kind, scalars=SCALARS, row_fields=ROW_FIELDS)
    assert len(FORM_KINDS) >= 5  # every shipped definition is a starting point of the mutations
