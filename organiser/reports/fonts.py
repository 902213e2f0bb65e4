"""Print fonts: Atkinson Hyperlegible, with Noto Sans for the characters it lacks."""

from __future__ import annotations

import threading
import unicodedata
from xml.sax.saxutils import escape

import fontpkg_atkinson_hyperlegible as atkinson
import fontpkg_noto_sans as noto
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "AtkinsonHyperlegible"
BOLD = "AtkinsonHyperlegible-Bold"
# Noto Sans ships only as a variable font; ReportLab loads its default (regular) instance,
# so bold text that needs the fallback prints regular rather than not at all.
FALLBACK = "NotoSans"

_FILES = {
    REGULAR: atkinson.ROOT / "files" / "AtkinsonHyperlegible-Regular.ttf",
    BOLD: atkinson.ROOT / "files" / "AtkinsonHyperlegible-Bold.ttf",
    FALLBACK: noto.ROOT / "files" / "NotoSans[wdth,wght].ttf",
}

_lock = threading.Lock()
_registered = False
_coverage: dict[str, frozenset[int]] = {}

# Characters that join the cluster before them rather than starting their own.
_JOINERS = frozenset({0x200C, 0x200D, *range(0xFE00, 0xFE10)})


def register_fonts() -> None:
    """Register the print fonts with ReportLab (safe to call any number of times)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name, path in _FILES.items():
            font = TTFont(name, str(path))
            pdfmetrics.registerFont(font)
            _coverage[name] = frozenset(font.face.charToGlyph)
        # Clear print has no italics: <i> maps back to upright, <b> to Atkinson Bold. The
        # upright faces go last because ReportLab remembers the last mapping of each face.
        for bold, italic, face in ((0, 1, REGULAR), (1, 1, BOLD), (0, 0, REGULAR), (1, 0, BOLD)):
            addMapping(REGULAR, bold, italic, face)
            addMapping(FALLBACK, bold, italic, FALLBACK)
        _registered = True


def _clean(text: str) -> str:
    # NFC turns a decomposed "ễ" into one character a font can cover as a whole; control
    # characters and lone surrogates (from bad imports) have no business in print.
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\t", " "))
    return "".join(ch for ch in text if ch == "\n" or unicodedata.category(ch) not in ("Cc", "Cs"))


def _clusters(text: str) -> list[str]:
    # A combining mark must print in the same font as its base letter.
    clusters: list[str] = []
    for ch in text:
        attaches = unicodedata.combining(ch) or unicodedata.category(ch) == "Me"
        if clusters and (attaches or ord(ch) in _JOINERS):
            clusters[-1] += ch
        else:
            clusters.append(ch)
    return clusters


def font_runs(text: str, font: str = REGULAR) -> list[tuple[str, str]]:
    """Split text into (font name, text) runs: `font` where it has the glyphs, else Noto Sans."""
    register_fonts()
    primary = _coverage[font]
    runs: list[tuple[str, str]] = []
    for cluster in _clusters(_clean(text)):
        codes = {ord(ch) for ch in cluster}
        if cluster.isspace() and runs:
            # Spaces never start a new run: fewer font switches, same look.
            chosen = runs[-1][0]
        else:
            # What no font has (emoji, unshaped Arabic) prints as the fallback's empty box.
            chosen = font if codes <= primary else FALLBACK
        if runs and runs[-1][0] == chosen:
            runs[-1] = (chosen, runs[-1][1] + cluster)
        else:
            runs.append((chosen, cluster))
    return runs


def markup(text: str, font: str = REGULAR) -> str:
    """Paragraph markup for plain text: XML-escaped, one <font> run per covering font."""
    return "".join(
        f'<font name="{name}">{escape(run).replace(chr(10), "<br/>")}</font>'
        for name, run in font_runs(text, font)
    )
