"""A row's values as JSON text (:class:`advisor_app.sheets.columns.JsonObject`) are what
``json.dumps(…, ensure_ascii=False, sort_keys=True)`` writes for the same dict, on many rows; a chunk
read down its columns gives each cell's reader's value or its error."""

from __future__ import annotations

import json
import random

from advisor_app.sheets import values
from advisor_app.sheets.cells import CellError
from advisor_app.sheets.columns import JsonObject, read_columns
from advisor_app.sheets.headers import FIELDS
from advisor_app.sheets.model import SheetRow

TEXTS = ["", "张桂英", 'a "quoted" word', "back\\slash", "tab\tline\nbreak", "\x00\x1f\x7f", "😀 emoji", "٣٤٠",
         "2024-03-05", "\u2028\u2029", "ｆｕｌｌ"]


def random_value(rng: random.Random) -> object:
    match rng.randrange(8):
        case 0:
            return None
        case 1:
            return rng.randrange(-10**20, 10**20)
        case 2:
            return round(rng.uniform(-1e6, 1e6), rng.randrange(4))
        case 3:
            return rng.choice((True, False))
        case 4:
            return rng.choice((float("nan"), float("inf"), -float("inf"), 0.0, -0.0, 1e300, 5e-324))
        case _:
            return "".join(rng.choice(TEXTS) for _ in range(rng.randrange(3)))


def test_json_of_many_rows_is_what_json_dumps_writes() -> None:
    rng = random.Random(2024)
    for keys in (["self_paid", "period", "total_cost", "insurance_type", "diagnosis"], ["b", "a", "B", "键", "_"],
                 ["only"], []):
        encoder = JsonObject(keys)
        for _ in range(3_000):
            row = [random_value(rng) for _ in keys]
            assert encoder.encode(row) == json.dumps(dict(zip(keys, row, strict=True)), ensure_ascii=False,
                                                     sort_keys=True)


def test_columns_of_many_rows_encode_as_json_dumps_writes() -> None:
    """Down the columns: text, text and blanks, numbers and blanks (encoded a column at once) and
    columns of other values (True, NaN: row by row) give the same text as json.dumps."""
    rng = random.Random(2025)
    texts = ["张桂英", 'a "quoted" %s word', "100%", "tab\tline", "😀", ""]
    columns_of = {
        "text": lambda n: [rng.choice(texts) for _ in range(n)],
        "text or blank": lambda n: [rng.choice([*texts, None]) for _ in range(n)],
        "money": lambda n: [rng.choice([None, 0.0, -0.0, 12.5, 1234.56, 3, 10**20]) for _ in range(n)],
        "anything": lambda n: [random_value(rng) for _ in range(n)],
    }
    for keys in (["self_paid", "period", "total_cost", "insurance_type"], ["b", "a%", "键"], ["only"], []):
        encoder = JsonObject(keys)
        for _ in range(200):
            count = rng.randrange(1, 30)
            columns = [columns_of[rng.choice(list(columns_of))](count) for _ in keys]
            rows = list(zip(*columns, strict=True)) or [()] * count
            expected = [json.dumps(dict(zip(keys, row, strict=True)), ensure_ascii=False, sort_keys=True)
                        for row in rows]
            assert encoder.encode_columns(columns, count) == expected


def test_a_chunk_read_down_its_columns_gives_each_cells_value_or_error() -> None:
    fields = FIELDS["disability"]
    rng = random.Random(7)
    cells = {"id_number": ["11010519491231002X", "110105194912310021", 3.4e17, " 11010519491231002x ", None],
             "disability_kind": ["肢体", "飞行", 4, "", None], "disability_grade": ["二级", 7, 3.0, "五", None],
             "certificate_date": ["2024-02-30", 45356, "2024年3月5日", "", None]}
    rows = [SheetRow(i + 3, {f.name: rng.choice(cells.get(f.name, ["x", None, 12.0])) for f in fields})
            for i in range(400)]
    readers = [(f.name, values.reader(f)) for f in fields]
    columns, refused = read_columns([[row.values[f.name] for row in rows] for f in fields], readers)
    for i, row in enumerate(rows):
        expected_values, expected_errors = [], []
        for f in fields:
            try:
                expected_values.append(values.read(f, row.values[f.name]))
            except CellError as exc:
                expected_values.append(None)
                expected_errors.append((f.name, exc.message))
        assert [column[i] for column in columns] == expected_values
        assert [(name, exc.message) for name, exc in refused.get(i, [])] == expected_errors
    assert refused and len(refused) < len(rows)
