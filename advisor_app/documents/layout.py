"""Lay a form definition out with its data: sections become reportlab flowables.

Body text is 10.5 pt (五号), table cells 9 pt, the title 18 pt. Long cell text wraps (CJK line
breaking); short text stays a plain string, which is much faster to lay out. Tables repeat their
header row on every page they run onto.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, LongTable, Paragraph, Spacer, Table, TableStyle

from .bindings import FormData
from .definitions import PLACEHOLDER, FormDefinition, Section
from .fonts import ChineseFont

CELL_SIZE = 9.0
SMALL_SIZE = 7.5
PAD = 3.0
LABEL_BG = colors.HexColor("#EDEDED")
GRID = colors.HexColor("#333333")


class Styles:
    def __init__(self, font: ChineseFont) -> None:
        f = font.name
        self.font = f
        self.title = ParagraphStyle("title", fontName=f, fontSize=18, leading=24, alignment=TA_CENTER,
                                    spaceAfter=2 * mm)
        self.subtitle = ParagraphStyle("subtitle", fontName=f, fontSize=10, leading=14, alignment=TA_CENTER,
                                       spaceAfter=3 * mm)
        self.heading = ParagraphStyle("heading", fontName=f, fontSize=11.5, leading=16, spaceBefore=4 * mm,
                                      spaceAfter=1.5 * mm)
        self.body = ParagraphStyle("body", fontName=f, fontSize=10.5, leading=17, wordWrap="CJK",
                                   firstLineIndent=21)
        self.clause = ParagraphStyle("clause", fontName=f, fontSize=10.5, leading=17, wordWrap="CJK",
                                     leftIndent=21, firstLineIndent=-21, spaceAfter=1 * mm)
        self.item = ParagraphStyle("item", fontName=f, fontSize=10.5, leading=16, wordWrap="CJK",
                                   leftIndent=21, firstLineIndent=-10.5, spaceAfter=1 * mm)
        self.subitem = ParagraphStyle("subitem", fontName=f, fontSize=CELL_SIZE + 0.5, leading=14,
                                      wordWrap="CJK", leftIndent=34, firstLineIndent=-11, spaceAfter=0.8 * mm)
        self.cell = ParagraphStyle("cell", fontName=f, fontSize=CELL_SIZE, leading=12, wordWrap="CJK")
        self.small = ParagraphStyle("small", fontName=f, fontSize=SMALL_SIZE, leading=10, alignment=TA_CENTER)


def fill(template: str, scalars: dict[str, str], row: dict[str, str] | None = None) -> str:
    """Replace ``{name}`` placeholders: row fields first, then form fields; unknown → empty."""
    def value(match: object) -> str:
        name = match.group(1)  # type: ignore[attr-defined]
        if row is not None and name in row:
            return row[name]
        return scalars.get(name, "")
    return PLACEHOLDER.sub(value, template)


def cell(text: str, width: float, styles: Styles, *, shrink: bool = True) -> str | Paragraph:
    """A plain string when it fits on one line of ``width`` points, else a wrapping paragraph."""
    if "\n" not in text:
        wide = stringWidth(text, styles.font, CELL_SIZE)
        if wide <= width - 2 * PAD:
            return text
        if shrink and wide * SMALL_SIZE / CELL_SIZE <= width - 2 * PAD:
            return Paragraph(escape(text), styles.small)  # one line in a smaller size beats a broken word
    return Paragraph(escape(text).replace("\n", "<br/>"), styles.cell)


def _base_style(font: str) -> list[tuple[object, ...]]:
    return [("FONT", (0, 0), (-1, -1), font, CELL_SIZE), ("GRID", (0, 0), (-1, -1), 0.5, GRID),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), PAD),
            ("RIGHTPADDING", (0, 0), (-1, -1), PAD), ("TOPPADDING", (0, 0), (-1, -1), 3.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5)]


def _fields(section: Section, data: FormData, width: float, styles: Styles) -> Flowable:
    per_line = section.columns_per_line
    pair = width / per_line
    label_w = min(pair * 0.4, 32 * mm)
    widths = [label_w, pair - label_w] * per_line
    rows: list[list[object]] = []
    spans: list[tuple[object, ...]] = []
    line: list[object] = []
    heights: list[float | None] = []
    line_height: float | None = None
    for f in section.fields:
        span = min(f.span, per_line)
        if len(line) // 2 + span > per_line:
            rows.append(line + [""] * (2 * per_line - len(line)))
            heights.append(line_height)
            line, line_height = [], None
        start = len(line)
        value_w = sum(widths[start + 1: start + 2 * span])
        value = cell(fill(f.value, data.scalars), value_w, styles, shrink=False)
        if f.height:
            if isinstance(value, str):
                value = Paragraph(escape(value), styles.cell)
            needed = value.wrap(value_w - 2 * PAD, 1000)[1] + 10
            line_height = max(line_height or 0, f.height * mm, needed)
        line += [cell(f.label, label_w, styles), value]
        line += [""] * (2 * span - 2)
        if span > 1:
            spans.append(("SPAN", (start + 1, len(rows)), (start + 2 * span - 1, len(rows))))
        spans.append(("BACKGROUND", (start, len(rows)), (start, len(rows)), LABEL_BG))
        if len(line) == 2 * per_line:
            rows.append(line)
            heights.append(line_height)
            line, line_height = [], None
    if line:
        rows.append(line + [""] * (2 * per_line - len(line)))
        heights.append(line_height)
    table = Table(rows, colWidths=widths, rowHeights=heights if any(heights) else None)
    tall = [("VALIGN", (0, i), (-1, i), "TOP") for i, h in enumerate(heights) if h]
    table.setStyle(TableStyle([*_base_style(styles.font), *spans, *tall, ("TOPPADDING", (0, 0), (-1, -1), 5),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
    return table


def _table(section: Section, data: FormData, width: float, styles: Styles) -> Flowable:
    cols = section.table_columns
    total = sum(c.width for c in cols)
    widths = [width * c.width / total for c in cols]
    header = [cell(c.label, w, styles) for c, w in zip(cols, widths, strict=True)]
    body: list[list[object]] = []
    for row in data.rows.get(section.rows, []):
        body.append([cell(fill(c.value, data.scalars, row), w, styles) for c, w in zip(cols, widths, strict=True)])
    style = [*_base_style(styles.font), ("BACKGROUND", (0, 0), (-1, 0), LABEL_BG),
             ("ALIGN", (0, 0), (-1, -1), "CENTER")]
    if not body:
        body.append([cell(fill(section.empty, data.scalars), width, styles), *[""] * (len(cols) - 1)])
        style.append(("SPAN", (0, 1), (-1, 1)))
    if section.footer:
        body.append([cell(fill(t, data.scalars), w, styles) for t, w in zip(section.footer, widths, strict=True)])
        style.append(("BACKGROUND", (0, len(body)), (-1, len(body)), LABEL_BG))
    heights = None
    if section.row_height:
        heights = [None] + [section.row_height * mm] * len(body)
    table = LongTable([header, *body], colWidths=widths, rowHeights=heights, repeatRows=1)
    table.setStyle(TableStyle(style))
    return table


def _lines(section: Section, data: FormData, width: float, styles: Styles) -> Flowable:
    rows: list[list[object]] = [[""] for _ in range(max(section.count, 1))]
    label = fill(section.label, data.scalars)
    if label:
        rows[0] = [label]
    table = Table(rows, colWidths=[width], rowHeights=[9 * mm] * len(rows))
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), styles.font, 10.5),
                               ("LINEBELOW", (0, 0), (-1, -1), 0.5, GRID), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def _signatures(section: Section, data: FormData, width: float, styles: Styles) -> Flowable:
    labels = [fill(s.label, data.scalars) for s in section.signers]
    longest = max((stringWidth(t, styles.font, 10.5) for t in labels), default=0)
    label_w, date_label_w, date_w = min(max(48 * mm, longest + 4), width * 0.55), 12 * mm, 42 * mm
    blank_w = width - label_w - date_label_w - date_w
    rows = []
    for s, text in zip(section.signers, labels, strict=True):
        rows.append([text, "",
                     "日期：" if s.date else "", "      年      月      日" if s.date else ""])
    table = Table(rows, colWidths=[label_w, blank_w - 4 * mm, date_label_w + 4 * mm, date_w],
                  rowHeights=[13 * mm] * len(rows))
    style: list[tuple[object, ...]] = [("FONT", (0, 0), (-1, -1), styles.font, 10.5),
                                       ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                                       ("LINEBELOW", (1, 0), (1, -1), 0.5, GRID),
                                       ("ALIGN", (2, 0), (2, -1), "RIGHT"), ("LEFTPADDING", (0, 0), (0, -1), 0)]
    for i, s in enumerate(section.signers):
        if not s.date:
            continue
        style.append(("LINEBELOW", (3, i), (3, i), 0.5, GRID))
    table.setStyle(TableStyle(style))
    return KeepTogether([table])


def _text(section: Section, data: FormData, styles: Styles) -> list[list[Flowable]]:
    """The paragraphs, in groups that stay on one page (a line break in a value starts a new
    paragraph). With ``rows``, the paragraphs once per row, as a list: each row's first line hangs at
    the left, its further lines (reasons …) are indented under it, and a row is one group."""
    if not section.rows:
        out: list[Flowable] = []
        for i, p in enumerate(section.paragraphs, 1):
            for j, line in enumerate(x for x in fill(p, data.scalars).split("\n") if x.strip()):
                if section.numbered:
                    out.append(Paragraph(f"{i}．{escape(line)}" if j == 0 else escape(line), styles.clause))
                else:
                    out.append(Paragraph(escape(line), styles.body))
        return [[f] for f in out]
    rows = data.rows.get(section.rows, [])
    groups: list[list[Flowable]] = []
    for row in rows:
        lines = [x for p in section.paragraphs for x in fill(p, data.scalars, row).split("\n") if x.strip()]
        if lines:
            groups.append([Paragraph(escape(line), styles.item if i == 0 else styles.subitem)
                           for i, line in enumerate(lines)])
    if not rows and section.empty:
        groups.append([Paragraph(escape(fill(section.empty, data.scalars)), styles.item)])
    return groups


def story(definition: FormDefinition, data: FormData, width: float, styles: Styles) -> list[Flowable]:
    out: list[Flowable] = [Paragraph(escape(fill(definition.title, data.scalars)), styles.title)]
    if definition.subtitle:
        out.append(Paragraph(escape(fill(definition.subtitle, data.scalars)), styles.subtitle))
    else:
        out.append(Spacer(1, 2 * mm))
    for section in definition.sections:
        block: list[Flowable] = []
        if section.type == "table":
            out.append(CondPageBreak(35 * mm))  # a heading with at least two rows under it, or a new page
        if section.heading:
            block.append(Paragraph(escape(fill(section.heading, data.scalars)), styles.heading))
        if section.type == "fields":
            block.append(_fields(section, data, width, styles))
        elif section.type == "table":
            block.append(_table(section, data, width, styles))
        elif section.type == "text":
            groups = _text(section, data, styles)
            if section.rows:  # the heading with the first row; then each row on one page
                head = KeepTogether(block + (groups[0] if groups else []))
                out.extend([head, *(KeepTogether(g) if len(g) > 1 else g[0] for g in groups[1:])])
                continue
            block.extend(f for g in groups for f in g)
        elif section.type == "lines":
            block.append(_lines(section, data, width, styles))
        else:
            block.append(_signatures(section, data, width, styles))
        if section.heading and section.type != "table":
            out.append(KeepTogether(block))
        else:
            out.extend(block)
    return out
