"""The rows of an import as the services see them, and what an import reports.

A sheet's row, once its headers are matched to fields (:class:`Field`), is a :class:`SheetRow`:
its number as the spreadsheet shows it, the raw cell value of each matched field, and all its cells
as read (the error report repeats them). A problem with a row is a :class:`RowError` naming the row
and, where it is about one cell, the field's Chinese label: the report and the messages show it
next to the row so that a clerk can fix the sheet and import it again.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Field:
    """A field an import reads: ``name`` (the program's), ``label`` (the header the app writes and
    shows), ``synonyms`` (headers counties use for it), ``required``, and ``value``: how its cell is
    read (``text``, ``id_number``, ``date``, ``money``, ``grade``, ``disability_kind``, ``period``;
    :mod:`advisor_app.sheets.values`)."""

    name: str
    label: str
    synonyms: tuple[str, ...] = ()
    required: bool = False
    value: str = "text"


@dataclass(slots=True)
class SheetRow:
    number: int  # as the spreadsheet shows it (1-based, counting the rows above the header)
    values: dict[str, object]  # field name → the cell's raw value (str, int, float, bool, date, datetime, None)
    cells: list[object] = field(default_factory=list)  # the row as read, every column


@dataclass(frozen=True, slots=True)
class Chunk:
    """Rows of a long list read down their columns: each row's number as the spreadsheet shows it,
    and each matched field's raw cell values down the rows (in the rows' order)."""

    numbers: list[int]
    columns: dict[str, list[object]]  # field name → the cells of its column


@dataclass(frozen=True, slots=True)
class RowError:
    row: int
    message: str  # plain Chinese, naming the field where it is about one cell
    field: str | None = None


@dataclass(slots=True)
class ImportSummary:
    """What an import did (or, in a dry run, would do). The counts are the command line's JSON keys."""

    rows: int = 0  # data rows read (blank rows not counted)
    matched: int = 0  # rows matched to a household member already stored
    new: int = 0  # households (roster) or records created
    changed: int = 0  # stored values that would change (roster: listed for a person to accept)
    unmatched: int = 0  # rows naming nobody stored (a lead: a person in need not known yet)
    invalid: int = 0  # rows refused (each with a RowError)
    report: str | None = None  # the error report written (.xlsx), or None
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)  # said about rows imported (roster: a value left out)
    dry_run: bool = False

    def as_json(self) -> dict[str, object]:
        return {"rows": self.rows, "matched": self.matched, "new": self.new, "changed": self.changed,
                "unmatched": self.unmatched, "invalid": self.invalid, "report": self.report}


__all__ = ["Chunk", "Field", "ImportSummary", "RowError", "SheetRow"]
