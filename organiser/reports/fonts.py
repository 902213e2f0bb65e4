"""Print fonts: Atkinson Hyperlegible, with Noto Sans for the characters it lacks."""

from __future__ import annotations

import threading
import unicodedata
from html import escape

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

# Clear print has no italics: <i> maps back to upright, <b> to Atkinson Bold. The upright
# faces go last because ReportLab remembers the last mapping of each face.
_FACES = ((0, 1, REGULAR), (1, 1, BOLD), (0, 0, REGULAR), (1, 0, BOLD))
_lock = threading.Lock()
_registered: set[str] = set()
_coverage: dict[str, frozenset[int]] = {}

# Characters that join the cluster before them rather than starting their own.
_JOINERS = frozenset({0x200C, 0x200D, *range(0xFE00, 0xFE10)})
# ASCII control characters but the line break: what _clean drops from plain ASCII text.
_ASCII_CONTROLS = dict.fromkeys([*range(0x20), 0x7F])
del _ASCII_CONTROLS[0x0A]


def register_fonts() -> None:
    """Register every print font with ReportLab, the fallback too (safe to call any number of
    times)."""
    register_main_fonts()
    _register(FALLBACK)


def register_main_fonts() -> None:
    """Register Atkinson Hyperlegible, regular and bold: the faces every style names. Noto
    Sans (2 MB to read) registers itself the first time `font_runs` needs it."""
    _register(REGULAR, BOLD)


def _register(*names: str) -> None:
    if _registered.issuperset(names):
        return
    with _lock:
        for name in names:
            if name in _registered:
                continue
            font = TTFont(name, str(_FILES[name]))
            pdfmetrics.registerFont(font)
            _coverage[name] = frozenset(font.face.charToGlyph)
            if name == REGULAR:
                for bold, italic, face in _FACES:
                    addMapping(REGULAR, bold, italic, face)
            elif name == FALLBACK:
                for bold, italic, _face in _FACES:
                    addMapping(FALLBACK, bold, italic, FALLBACK)
            _registered.add(name)


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
    register_main_fonts()
    _register(font)
    primary = _coverage[font]
    if text.isascii():
        # Most text: nothing to normalise, no clusters, and usually one run.
        plain = text.replace("\r\n", "\n").replace("\t", " ").translate(_ASCII_CONTROLS)
        if primary.issuperset(map(ord, plain)):
            return [(font, plain)] if plain else []
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
    if any(name == FALLBACK for name, _run in runs):
        _register(FALLBACK)
    return runs


def markup(text: str, font: str = REGULAR) -> str:
    """Paragraph markup for plain text: XML-escaped, one <font> run per covering font."""
    return "".join(
        # html.escape, not xml.sax.saxutils (which loads urllib and http: 4 ms per process).
        f'<font name="{name}">{escape(run, quote=False).replace(chr(10), "<br/>")}</font>'
        for name, run in font_runs(text, font)
    )
