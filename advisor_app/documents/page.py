"""The paper every document is printed on: A4, margins, header band with QR code, page numbers.

Margins are at least 15 mm on every side (office printers do not print closer to the edge). The
header band on every page carries the document's title line, the print date, the record number and
a QR code; the footer says "第 i 页 共 n 页". A page printed from demo data carries a watermark
(``PageInfo.watermark``, "演示"): large light-grey diagonal text, half transparent and drawn over the
content, so no table shading can hide it and the form's own text stays readable through it; the
footer says, in plain text, that the page shows invented families. The page count is only known at the end, so the pages
are kept and numbered when the document is saved (:class:`_NumberedCanvas`).
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from reportlab.platypus.doctemplate import LayoutError

from advisor_app.domain.errors import DomainError

from .fonts import ChineseFont

MARGIN_SIDE = 18 * mm
MARGIN_TOP = 36 * mm  # the header band sits between 15 mm and 33 mm from the top edge
MARGIN_BOTTOM = 24 * mm  # the footer's baseline is 16 mm from the bottom edge
QR_SIZE = 18 * mm
EDGE = 15 * mm

FORM_PAYLOAD = "advisor-form/1"
NOTICE_PAYLOAD = "advisor-notice/1"


def checksum(document: Any) -> str:
    """First 8 hex digits of SHA-256 over canonical JSON (sorted keys, no spaces, UTF-8)."""
    text = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def form_payload(kind: str, record_id: str, version: int, digest: str, visit_id: str | None = None) -> str:
    """``advisor-form/1;KIND;HOUSEHOLD_ID;VERSION;CHECKSUM[;VISIT_ID]`` (see forms/README.md)."""
    parts = [FORM_PAYLOAD, kind, record_id, str(version), digest]
    if visit_id:
        parts.append(visit_id)
    return ";".join(parts)


@dataclass(frozen=True, slots=True)
class PageInfo:
    title: str  # short title in the header band
    left_lines: Sequence[str]  # small lines under it (print date, record number)
    qr_payload: str
    footer_left: str = ""
    watermark: str = ""  # e.g. "演示" on every page printed from the demo profile


WATERMARK_NOTE = "%1数据：虚构家庭，不能作为正式材料"  # in the footer, right, as searchable text
WATERMARK_GREY = 0.5
WATERMARK_ALPHA = 0.3
WATERMARK_SIZE = 150  # points; twice across a landscape page


def draw_watermark(canvas: Canvas, font_name: str, text: str, width: float, height: float) -> None:
    """``text`` across the page at 35°, light grey and half transparent, once per 2 × A4 width."""
    canvas.saveState()
    canvas.setFillGray(WATERMARK_GREY)
    canvas.setFillAlpha(WATERMARK_ALPHA)
    canvas.setFont(font_name, WATERMARK_SIZE)
    copies = 2 if width > height else 1
    for i in range(copies):
        canvas.saveState()
        canvas.translate(width * (2 * i + 1) / (2 * copies), height / 2)
        canvas.rotate(35)
        canvas.drawCentredString(0, -WATERMARK_SIZE / 3, text)
        canvas.restoreState()
    canvas.restoreState()


def _qr_drawing(payload: str, size: float) -> Drawing:
    widget = QrCodeWidget(payload, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    w, h = x1 - x0, y1 - y0
    d = Drawing(size, size, transform=[size / w, 0, 0, size / h, -x0 * size / w, -y0 * size / h])
    d.add(widget)
    return d


def _make_canvas(font: ChineseFont, info: PageInfo) -> type[Canvas]:
    qr = _qr_drawing(info.qr_payload, QR_SIZE)

    class _NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []

        def showPage(self) -> None:  # reportlab's name
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved)
            for number, state in enumerate(self._saved, 1):
                self.__dict__.update(state)
                self._decorate(number, total)
                super().showPage()
            super().save()

        def _decorate(self, number: int, total: int) -> None:
            width, height = self._pagesize
            self.saveState()
            top = height - EDGE
            renderPDF.draw(qr, self, width - MARGIN_SIDE - QR_SIZE, top - QR_SIZE)
            self.setFont(font.name, 9)
            self.drawString(MARGIN_SIDE, top - 9, info.title)
            self.setFont(font.name, 7.5)
            for i, line in enumerate(info.left_lines):
                self.drawString(MARGIN_SIDE, top - 20 - i * 10, line)
            self.setLineWidth(0.5)
            rule = top - QR_SIZE - 2 * mm
            self.line(MARGIN_SIDE, rule, width - MARGIN_SIDE, rule)
            self.setFont(font.name, 9)
            self.drawCentredString(width / 2, 16 * mm, f"第 {number} 页 共 {total} 页")
            if info.footer_left:
                self.setFont(font.name, 7.5)
                self.drawString(MARGIN_SIDE, 16 * mm, info.footer_left)
            self.restoreState()
            if info.watermark:
                self.setFont(font.name, 7.5)
                self.drawRightString(width - MARGIN_SIDE, 16 * mm, WATERMARK_NOTE.replace("%1", info.watermark))
                draw_watermark(self, font.name, info.watermark, width, height)

    return _NumberedCanvas


def build_pdf(story: list[Flowable], font: ChineseFont, info: PageInfo, *, title: str,
              wide: bool = False, on_page: Callable[[Canvas, Any], None] | None = None) -> bytes:
    """Lay ``story`` out on A4 pages (landscape when ``wide``) and return the PDF bytes."""
    buffer = io.BytesIO()
    size = landscape(A4) if wide else A4
    doc = BaseDocTemplate(buffer, pagesize=size, leftMargin=MARGIN_SIDE, rightMargin=MARGIN_SIDE,
                          topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title=title,
                          author="advisor-app", creator="advisor-app", subject=info.qr_payload)
    frame = Frame(MARGIN_SIDE, MARGIN_BOTTOM, size[0] - 2 * MARGIN_SIDE, size[1] - MARGIN_TOP - MARGIN_BOTTOM,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page or (lambda c, d: None))])
    try:
        doc.build(story, canvasmaker=_make_canvas(font, info))
    except LayoutError:  # a cell taller than a page: text far longer than any form has room for
        raise DomainError("有一项内容太长，一页纸放不下（例如姓名、地址或电话有上千个字）：请改短后再打印") from None
    return buffer.getvalue()


def frame_width(wide: bool = False) -> float:
    size = landscape(A4) if wide else A4
    return float(size[0] - 2 * MARGIN_SIDE)
