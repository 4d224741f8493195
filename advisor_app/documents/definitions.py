"""Form definitions: what a printed form says and which data goes where (``forms/*.toml``).

A county changes a form by editing its definition, not code. The shipped definitions live in the
``forms/`` folder of the installation; a profile may hold its own in ``<data folder>/forms/`` —
a file there with the same name replaces the shipped one. The format is described in
``forms/README.md``; every definition is checked when loaded, and a mistake (an unknown section
type, a field name that does not exist) is a :class:`DomainError` naming the file and the place.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from advisor_app import shipped
from advisor_app.domain.errors import DomainError
from advisor_app.domain.limits import MAX_FORM_BYTES, read_limited, shown

FORMAT = "advisor-form-def/1"
PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_.]*)\}")
SECTION_TYPES = ("fields", "table", "text", "lines", "signatures")
MAX_NUMBER = 1000  # spans, columns, widths, heights (mm), counts of lines: no page holds more


class FormDefinitionError(DomainError):
    """A form definition file that cannot be used as it is."""


@dataclass(frozen=True, slots=True)
class Field:
    label: str
    value: str = ""  # a template: "{household.head_name}"; empty = a blank to write by hand
    span: int = 1  # how many label/value pairs of the line it takes
    height: float = 0.0  # minimum row height in mm (room to write by hand)


@dataclass(frozen=True, slots=True)
class Column:
    label: str
    value: str  # template; row fields are plain names ("{name}"), form fields dotted
    width: float = 1.0  # relative width


@dataclass(frozen=True, slots=True)
class Signer:
    label: str
    date: bool = True


@dataclass(frozen=True, slots=True)
class Section:
    type: str
    heading: str = ""
    fields: tuple[Field, ...] = ()
    columns_per_line: int = 2
    rows: str = ""  # table: which row set (members, adults, incomes …); text: its paragraphs once per row
    table_columns: tuple[Column, ...] = ()
    footer: tuple[str, ...] = ()  # table: templates of a last (total) row
    empty: str = "（无）"
    row_height: float = 0.0  # table: minimum row height in mm (fingerprint boxes)
    paragraphs: tuple[str, ...] = ()
    numbered: bool = False
    label: str = ""
    count: int = 3
    signers: tuple[Signer, ...] = ()


@dataclass(frozen=True, slots=True)
class FormDefinition:
    kind: str
    title: str
    subtitle: str
    sections: tuple[Section, ...]
    source: Path
    options: Mapping[str, Any] = field(default_factory=dict)  # kind-specific settings (notice)


def definition_path(kind: str, override_dir: Path | None = None) -> Path:
    """The file that defines ``kind``: the profile's own when it has one, else the shipped one."""
    if not re.fullmatch(r"[a-z][a-z0-9-]*", kind):
        raise FormDefinitionError(f"表格类型名无效：{kind}")
    name = f"{kind}.toml"
    if override_dir is not None and (override_dir / name).is_file():
        return override_dir / name
    path = shipped.forms_dir() / name
    if not path.is_file():
        raise FormDefinitionError(f"没有“{kind}”这种表格（找不到 {name}）")
    return path


def load_definition(kind: str, override_dir: Path | None = None, *,
                    scalars: Iterable[str] = (), row_fields: Mapping[str, Iterable[str]] | None = None
                    ) -> FormDefinition:
    """Read and check a definition. ``scalars``/``row_fields``: the names templates may use."""
    path = definition_path(kind, override_dir)
    return parse_definition(path, kind, scalars=scalars, row_fields=row_fields)


def parse_definition(path: Path, kind: str, *, scalars: Iterable[str] = (),
                     row_fields: Mapping[str, Iterable[str]] | None = None) -> FormDefinition:
    try:
        doc = tomllib.loads(read_limited(path, MAX_FORM_BYTES, "表格定义文件").decode("utf-8"))
    except DomainError as exc:
        raise FormDefinitionError(exc.message, where=exc.where) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise FormDefinitionError(f"格式错误：{exc}", where=str(path)) from None
    except RecursionError:
        raise FormDefinitionError("格式错误：嵌套太深", where=str(path)) from None
    checker = _Checker(path, set(scalars), {k: set(v) for k, v in (row_fields or {}).items()})
    if doc.get("format") != FORMAT:
        raise checker.fail("format", f"应为 \"{FORMAT}\"")
    title = checker.text(doc, "title", required=True)
    sections = tuple(checker.section(s, i) for i, s in enumerate(checker.array(doc, "sections")))
    options = {k: v for k, v in doc.items() if k not in ("format", "kind", "title", "subtitle", "sections")}
    return FormDefinition(kind=kind, title=title, subtitle=checker.text(doc, "subtitle"),
                          sections=sections, source=path, options=options)


class _Checker:
    def __init__(self, path: Path, scalars: set[str], row_fields: dict[str, set[str]]) -> None:
        self.path = path
        self.scalars = scalars
        self.row_fields = row_fields
        self.where = ""

    def fail(self, key: str, message: str) -> FormDefinitionError:
        place = f"{self.where}.{key}" if self.where else key
        return FormDefinitionError(f"{place}：{message}", where=self.path.name)

    def text(self, obj: Mapping[str, Any], key: str, *, required: bool = False, default: str = "") -> str:
        value = obj.get(key, None)
        if value is None:
            if required:
                raise self.fail(key, "缺少此项")
            return default
        if not isinstance(value, str):
            raise self.fail(key, "应为文字")
        return value

    def array(self, obj: Mapping[str, Any], key: str) -> list[Any]:
        value = obj.get(key, [])
        if not isinstance(value, list):
            raise self.fail(key, "应为列表")
        return value

    def number(self, obj: Mapping[str, Any], key: str, default: float) -> float:
        value = obj.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= MAX_NUMBER:
            raise self.fail(key, f"应为 0 到 {MAX_NUMBER} 之间的数，现为 {shown(value)}")
        assert math.isfinite(value)
        return float(value)

    def template(self, text: str, key: str, rows: str | None = None) -> str:
        allowed_rows = self.row_fields.get(rows, set()) if rows else set()
        for name in PLACEHOLDER.findall(text):
            if name in allowed_rows or (self.scalars and name in self.scalars):
                continue
            if not self.scalars and "." in name:
                continue  # no field list given: accept any form field (tests of the format itself)
            raise self.fail(key, f"未知字段 {{{shown(name)}}}")
        return text

    def section(self, obj: Any, index: int) -> Section:
        self.where = f"sections[{index}]"
        if not isinstance(obj, dict):
            raise self.fail("", "应为一个表（[[sections]]）")
        kind = self.text(obj, "type", required=True)
        if kind not in SECTION_TYPES:
            raise self.fail("type", f"未知的部分类型“{shown(kind)}”，可用：{'、'.join(SECTION_TYPES)}")
        heading = self.text(obj, "heading")
        if kind == "fields":
            fields = []
            for j, f in enumerate(self.array(obj, "fields")):
                if not isinstance(f, dict):
                    raise self.fail(f"fields[{j}]", "应为 {label = …, value = …}")
                fields.append(Field(self.text(f, "label", required=True),
                                    self.template(self.text(f, "value"), f"fields[{j}].value"),
                                    int(self.number(f, "span", 1)) or 1, self.number(f, "height", 0.0)))
            return Section(kind, heading, fields=tuple(fields),
                           columns_per_line=int(self.number(obj, "columns", 2)) or 1)
        if kind == "table":
            rows = self.text(obj, "rows", required=True)
            if self.row_fields and rows not in self.row_fields:
                raise self.fail("rows", f"未知的行集合“{rows}”，可用：{'、'.join(sorted(self.row_fields))}")
            cols = []
            for j, c in enumerate(self.array(obj, "columns")):
                if not isinstance(c, dict):
                    raise self.fail(f"columns[{j}]", "应为 {label = …, value = …}")
                cols.append(Column(self.text(c, "label", required=True),
                                   self.template(self.text(c, "value"), f"columns[{j}].value", rows),
                                   self.number(c, "width", 1.0) or 1.0))
            if not cols:
                raise self.fail("columns", "表格至少要有一列")
            footer = tuple(self.template(str(t), f"footer[{j}]") for j, t in enumerate(self.array(obj, "footer")))
            if footer and len(footer) != len(cols):
                raise self.fail("footer", f"合计行应有 {len(cols)} 格，现为 {len(footer)} 格")
            return Section(kind, heading, rows=rows, table_columns=tuple(cols), footer=footer,
                           empty=self.template(self.text(obj, "empty", default="（无）"), "empty"),
                           row_height=self.number(obj, "row_height", 0.0))
        if kind == "text":
            rows = self.text(obj, "rows")
            if rows and self.row_fields and rows not in self.row_fields:
                raise self.fail("rows", f"未知的行集合“{rows}”，可用：{'、'.join(sorted(self.row_fields))}")
            paras = tuple(self.template(str(p), f"paragraphs[{j}]", rows or None)
                          for j, p in enumerate(self.array(obj, "paragraphs")))
            return Section(kind, heading, paragraphs=paras, numbered=bool(obj.get("numbered", False)), rows=rows,
                           empty=self.template(self.text(obj, "empty"), "empty"))
        if kind == "lines":
            return Section(kind, heading, label=self.template(self.text(obj, "label"), "label"),
                           count=int(self.number(obj, "count", 3)))
        signers = []
        for j, s in enumerate(self.array(obj, "signers")):
            if not isinstance(s, dict):
                raise self.fail(f"signers[{j}]", "应为 {label = …}")
            signers.append(Signer(self.template(self.text(s, "label", required=True), f"signers[{j}].label"),
                                  bool(s.get("date", True))))
        return Section(kind, heading, signers=tuple(signers))
