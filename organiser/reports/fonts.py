"""Print fonts: Atkinson Hyperlegible, with Noto Sans for the characters it lacks, and a Noto
font for each script of the UK's community languages (Arabic and Urdu, Bengali, Gujarati,
Gurmukhi for Punjabi, Devanagari, Tamil), chosen character by character so mixed text prints.

Those scripts are shaped (joined, reordered) by HarfBuzz as ReportLab lays them out, and a
paragraph that starts right-to-left is laid out right to left (see `text.Paragraph`). What no
font here can draw (emoji, Chinese) is found by `unprintable` and named before printing.
"""

from __future__ import annotations

import html
import threading
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from html import escape
from pathlib import Path

import fontpkg_atkinson_hyperlegible as atkinson
import fontpkg_noto_sans as noto
import fontpkg_noto_sans_arabic as noto_arabic
import fontpkg_noto_sans_devanagari as noto_devanagari
import fontpkg_noto_sans_tamil as noto_tamil
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "AtkinsonHyperlegible"
BOLD = "AtkinsonHyperlegible-Bold"
# Noto Sans ships only as a variable font; ReportLab loads its default (regular) instance,
# so bold text that needs the fallback prints regular rather than not at all.
FALLBACK = "NotoSans"
_VENDORED = Path(__file__).resolve().parent.parent / "resources" / "fonts"
# Each script's font and the Unicode blocks it is looked for in (its letters, marks, digits
# and punctuation; presentation forms for Arabic typed or pasted already joined).
SCRIPTS: dict[str, tuple[str, Path, tuple[range, ...]]] = {
    "NotoSansArabic": (
        "Arabic",
        noto_arabic.ROOT / "files" / "NotoSansArabic[wdth,wght].ttf",
        (
            range(0x0600, 0x0700),
            range(0x0750, 0x0780),
            range(0x0870, 0x0900),
            range(0xFB50, 0xFE00),
            range(0xFE70, 0xFF00),
        ),
    ),
    "NotoSansDevanagari": (
        "Devanagari",
        noto_devanagari.ROOT / "files" / "NotoSansDevanagari[wdth,wght].ttf",
        (range(0x0900, 0x0980), range(0xA8E0, 0xA900)),
    ),
    "NotoSansBengali": (
        "Bengali",
        _VENDORED / "NotoSansBengali-Regular.ttf",
        (range(0x0980, 0x0A00),),
    ),
    "NotoSansGurmukhi": (
        "Gurmukhi",
        _VENDORED / "NotoSansGurmukhi-Regular.ttf",
        (range(0x0A00, 0x0A80),),
    ),
    "NotoSansGujarati": (
        "Gujarati",
        _VENDORED / "NotoSansGujarati-Regular.ttf",
        (range(0x0A80, 0x0B00),),
    ),
    "NotoSansTamil": (
        "Tamil",
        noto_tamil.ROOT / "files" / "NotoSansTamil[wdth,wght].ttf",
        (range(0x0B80, 0x0C00), range(0x11FC0, 0x12000)),
    ),
}
_BLOCKS = sorted(
    (block.start, block.stop, name)
    for name, (_s, _p, blocks) in SCRIPTS.items()
    for block in blocks
)
# Fonts that shape: joining, reordering and marks need HarfBuzz (Atkinson and Noto Sans are
# printed as they always were: kerning and ligatures would move every line of every document).
SHAPED = frozenset(SCRIPTS)

_FILES = {
    REGULAR: atkinson.ROOT / "files" / "AtkinsonHyperlegible-Regular.ttf",
    BOLD: atkinson.ROOT / "files" / "AtkinsonHyperlegible-Bold.ttf",
    FALLBACK: noto.ROOT / "files" / "NotoSans[wdth,wght].ttf",
    **{name: path for name, (_script, path, _blocks) in SCRIPTS.items()},
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
            elif name != BOLD:  # the fallbacks have one face: bold text prints regular
                for bold, italic, _face in _FACES:
                    addMapping(name, bold, italic, name)
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
        elif codes <= primary:
            chosen = font
        else:
            # What no font has (emoji, Chinese) prints as the fallback's empty box: `unprintable`
            # names it before printing.
            chosen = _script_font(cluster) or FALLBACK
            if chosen == FALLBACK and (noted := _noted.get()) is not None:
                noted.update(dict.fromkeys(unprintable(cluster)))
        if runs and runs[-1][0] == chosen:
            runs[-1] = (chosen, runs[-1][1] + cluster)
        else:
            runs.append((chosen, cluster))
    if any(name == FALLBACK for name, _run in runs):
        _register(FALLBACK)
    return runs


def _block_font(code: int) -> str | None:
    for start, stop, name in _BLOCKS:
        if code < start:
            return None
        if code < stop:
            return name
    return None


def _script_font(cluster: str) -> str | None:
    """The script font that draws the whole cluster, if its first character is in a script
    block (a digit, a space or a joiner next to Arabic stays with the text around it)."""
    name = _block_font(ord(cluster[0]))
    if name is None:
        return None
    _register(name)
    return name if {ord(ch) for ch in cluster} <= _coverage[name] else None


def covered(ch: str) -> bool:
    """Whether some print font draws the character (space and line breaks always print)."""
    code = ord(ch)
    if ch.isspace() or code in _JOINERS or unicodedata.category(ch) in ("Cc", "Cf", "Cs"):
        return True
    register_main_fonts()
    if code in _coverage[REGULAR] or code in _coverage[BOLD]:
        return True
    name = _block_font(code) or FALLBACK
    _register(name)
    return code in _coverage[name] or (name != FALLBACK and _in_fallback(code))


def _in_fallback(code: int) -> bool:
    _register(FALLBACK)
    return code in _coverage[FALLBACK]


def unprintable_in(text: str, font: str) -> bool:
    """Whether `font` lacks any letter of `text` (escaped markup text: entities are letters)."""
    _register(font)
    have = _coverage[font]
    return any(ord(ch) not in have for ch in html.unescape(text) if not ch.isspace())


def unprintable(text: str) -> list[str]:
    """The characters of `text` no print font can draw, each once, in the order they come."""
    if text.isascii():
        return []
    missing: dict[str, None] = {}
    for ch in unicodedata.normalize("NFC", text):
        if ch not in missing and not ch.isascii() and not covered(ch):
            missing[ch] = None
    return list(missing)


def markup(text: str, font: str = REGULAR) -> str:
    """Paragraph markup for plain text: XML-escaped, one <font> run per covering font."""
    return "".join(
        # html.escape, not xml.sax.saxutils (which loads urllib and http: 4 ms per process).
        f'<font name="{name}">{escape(run, quote=False).replace(chr(10), "<br/>")}</font>'
        for name, run in font_runs(text, font)
    )


def _kind(ch: str) -> str:
    code = ord(ch)
    if 0x2E80 <= code < 0xA000 or 0xF900 <= code < 0xFB00 or 0x20000 <= code < 0x32000:
        return "Chinese or Japanese"
    if 0xAC00 <= code < 0xD7B0 or 0x1100 <= code < 0x1200:
        return "Korean"
    if code >= 0x1F000 or 0x2600 <= code < 0x2800 or unicodedata.category(ch) == "So":
        return "emoji"
    return "other"


def describe(chars: list[str]) -> str:
    """What cannot be printed, in words: "the emoji 🌼 and the Chinese or Japanese
    characters 中文" (a character no one would recognise is named by its Unicode name)."""
    groups: dict[str, list[str]] = {}
    for ch in chars:
        groups.setdefault(_kind(ch), []).append(ch)
    parts = []
    for kind, found in groups.items():
        shown = "".join(found[:8]) + ("…" if len(found) > 8 else "")
        if kind == "other":
            parts += [
                f"the character {ch} ({unicodedata.name(ch, f'U+{ord(ch):04X}')})"
                for ch in found[:8]
            ]
        elif kind == "emoji":
            parts.append(f"the emoji {' '.join(found[:8])}")
        else:
            plural = "s" if len(found) > 1 else ""
            parts.append(f"the {kind} character{plural} {shown}")
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


_noted: ContextVar[dict[str, None] | None] = ContextVar("unprintable_noted", default=None)


@contextmanager
def noting_unprintable() -> Iterator[list[str]]:
    """Inside the block, every character laid out that no print font has is noted; the list
    given is filled (in the order they came) when the block ends."""
    token = _noted.set({})
    found: list[str] = []
    try:
        yield found
    finally:
        noted = _noted.get() or {}
        _noted.reset(token)
        found.extend(noted)
