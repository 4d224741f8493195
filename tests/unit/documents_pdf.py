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
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "doc.pdf"
        src.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), str(src), str(Path(tmp) / "p")], check=True)
        counts = []
        for pgm in sorted(Path(tmp).glob("p-*.pgm")):
            data = pgm.read_bytes()
            # header: P5\n<w> <h>\n<max>\n then raw bytes
            parts = data.split(b"\n", 3)
            width, height = map(int, parts[1].split())
            pixels = parts[3][: width * height]
            counts.append(sum(1 for b in pixels if b < 250))
        return counts
