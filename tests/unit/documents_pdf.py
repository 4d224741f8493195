"""Reading our PDFs back in tests: text, fonts, and how much ink each page has."""

from __future__ import annotations

import io
import subprocess
import tempfile
from pathlib import Path

import pypdf

ID_18 = r"(?<![0-9*])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dX](?![0-9])"


def pdf_text(pdf: bytes) -> list[str]:
    """Text of each page (pypdf)."""
    return [page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def pdftotext(pdf: bytes) -> str:
    """The text of the whole document as poppler's pdftotext reads it (what a copy-paste gives)."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "doc.pdf"
        src.write_bytes(pdf)
        done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(src), "-"], check=True, capture_output=True)
        return done.stdout.decode("utf-8")


def embedded_font_files(pdf: bytes) -> list[str]:
    """Base names of fonts whose descriptor carries an embedded TrueType program (/FontFile2)."""
    out = []
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            desc = font.get("/FontDescriptor")
            if desc is not None and "/FontFile2" in desc.get_object():
                out.append(str(font["/BaseFont"]))
    return out


def ink_per_page(pdf: bytes, dpi: int = 30) -> list[int]:
    """Pixels darker than near-white on each page (pdftoppm -gray, PGM)."""
    return [sum(1 for b in pixels if b < 250) for _w, _h, pixels in gray_pages(pdf, dpi)]


def dark_share(page: tuple[int, int, bytes], dpi: int, left_mm: float, top_mm: float, right_mm: float,
               bottom_mm: float) -> float:
    """Share of dark (< 128) pixels in a rectangle given in mm from the page's top-left corner."""
    width, _height, pixels = page
    px = dpi / 25.4
    xs = range(round(left_mm * px), round(right_mm * px))
    ys = range(round(top_mm * px), round(bottom_mm * px))
    dark = sum(1 for y in ys for x in xs if pixels[y * width + x] < 128)
    return dark / (len(xs) * len(ys))


def gray_pages(pdf: bytes, dpi: int = 30) -> list[tuple[int, int, bytes]]:
    """(width, height, 8-bit gray pixels) of each page, rendered by poppler's pdftoppm."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "doc.pdf"
        src.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), str(src), str(Path(tmp) / "p")], check=True)
        pages = []
        for pgm in sorted(Path(tmp).glob("p-*.pgm")):
            data = pgm.read_bytes()
            # header: P5\n<w> <h>\n<max>\n then raw bytes
            parts = data.split(b"\n", 3)
            width, height = map(int, parts[1].split())
            pages.append((width, height, parts[3][: width * height]))
        return pages
