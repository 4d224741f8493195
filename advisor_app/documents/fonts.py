"""The Chinese font our PDFs use, found once per process.

Search order (the first font that reportlab can read wins):

1. the ``ADVISOR_APP_FONT`` environment variable, or the path given to :func:`chinese_font`
   (a ``.ttf`` or ``.ttc``; for a collection ``path#index`` picks a face, default 0);
2. any ``*.ttf`` / ``*.ttc`` in ``resources/fonts/`` (none is shipped; an office may drop one in);
3. common system fonts: SimSun (``simsun.ttc``), Microsoft YaHei (``msyh.ttc``/``msyh.ttf``) on
   Windows; WenQuanYi Micro Hei (``/usr/share/fonts/truetype/wqy/wqy-microhei.ttc``) and Noto Sans /
   Serif CJK on Linux; PingFang / STHeiti on macOS.

A TrueType font found this way is embedded as a subset (only the characters used), so the PDF
prints the same everywhere. Fonts with PostScript (CFF) outlines — most Noto CJK ``.otf``/``.ttc``
files — cannot be embedded by reportlab and are skipped. When nothing is found we fall back to the
standard CJK CID font ``STSong-Light``: not embedded; PDF readers substitute a local Song font.
"""

from __future__ import annotations

import functools
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont

from advisor_app import shipped

ENV_FONT = "ADVISOR_APP_FONT"
FALLBACK_CID = "STSong-Light"
FONT_NAME = "AdvisorCJK"

SYSTEM_FONTS = (
    "C:/Windows/Fonts/simsun.ttc",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/msyh.ttf",
    "C:/Windows/Fonts/simhei.ttf",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/STHeiti Light.ttc",
)


@dataclass(frozen=True, slots=True)
class ChineseFont:
    name: str  # the name to use in styles and canvas.setFont
    path: str | None  # the file embedded, None for the CID fallback
    embedded: bool


def candidates(configured: str | None = None) -> list[str]:
    """Font files to try, in order (they need not exist)."""
    out: list[str] = []
    for value in (configured, os.environ.get(ENV_FONT)):
        if value:
            out.append(value)
    folder = shipped.fonts_dir()
    if folder.is_dir():
        out += sorted(str(p) for p in folder.iterdir() if p.suffix.lower() in (".ttf", ".ttc"))
    out += SYSTEM_FONTS
    return out


def _try_truetype(spec: str, name: str) -> TTFont | None:
    path, _, index = spec.partition("#")
    if not Path(path).is_file():
        return None
    try:
        font = TTFont(name, path, subfontIndex=int(index or 0))
        # Reject fonts without Chinese glyphs (a Latin-only font configured by mistake).
        if 0x4E2D not in font.face.charToGlyph:
            return None
    except Exception:  # any unreadable font file means "try the next one"
        return None
    return font


_lock = threading.Lock()


@functools.lru_cache(maxsize=4)
def chinese_font(configured: str | None = None) -> ChineseFont:
    """Register (once per process and configuration) and return the font to print Chinese with."""
    with _lock:
        for i, spec in enumerate(candidates(configured)):
            name = f"{FONT_NAME}{i}" if configured else FONT_NAME
            font = _try_truetype(spec, name)
            if font is not None:
                pdfmetrics.registerFont(font)
                return ChineseFont(name, spec, True)
        pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK_CID))
        return ChineseFont(FALLBACK_CID, None, False)
