"""Paragraphs that print any script: shaped where a script needs it, right to left where the
paragraph starts right to left.

Every report builds its paragraphs with this `Paragraph`. Text in Latin, Greek or Cyrillic
(nearly all of it) keeps its style as it is, and ReportLab's quickest layout. A paragraph with
Arabic, Urdu or an Indic script gets a copy of its style that shapes (HarfBuzz joins letters
and places marks). One whose first strong letter is Arabic is laid out right to left (ReportLab
puts each line's words from the right) and aligned right.

Words running the other way inside a line keep their reading order: an Arabic phrase in an
English sentence reads right to left, an English name or a time in an Arabic one left to right
(the Unicode bidirectional algorithm, word by word: `visual_words`).
"""

from __future__ import annotations

import html
import re
import unicodedata
from typing import Any

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph as _Paragraph

from organiser.reports import actual_text, shaping
from organiser.reports.fonts import FALLBACK, SHAPED, unprintable_in

shaping.mend_rise()
actual_text.install()

_TAGS = re.compile(r"<[^>]*>")
_SHAPED_FONT = re.compile('name="(' + "|".join(sorted(SHAPED)) + ')"')
_RTL = frozenset({"R", "AL"})
_variants: dict[tuple[int, bool], tuple[ParagraphStyle, ParagraphStyle]] = {}


def right_to_left(text: str) -> bool:
    """Whether text starts right to left: its first strong letter is Arabic or Hebrew."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in _RTL:
            return True
        if kind == "L":
            return False
    return False


def _has_rtl(plain: str) -> bool:
    return any(unicodedata.bidirectional(ch) in _RTL for ch in plain)


def for_text(text: str | None, style: Any) -> Any:
    """`style` itself, or its shaping (and, for right-to-left text, right-aligned) copy."""
    if not text or text.isascii() or style is None:
        return style
    shaped = _SHAPED_FONT.search(text) is not None
    plain = _TAGS.sub("", text)
    bidirectional = _has_rtl(plain)
    if not (shaped or bidirectional):
        return style
    rtl = right_to_left(plain)
    key = (id(style), rtl)
    found = _variants.get(key)
    if found is None or found[0] is not style:
        variant = ParagraphStyle(
            f"{style.name}-{'rtl' if rtl else 'shaped'}",
            parent=style,
            shaping=1,
            # A shaped word cut to fit a narrow column would lose its shaping: it overflows.
            splitLongWords=0,
            wordWrap="RTL" if rtl else style.wordWrap,
            alignment=TA_RIGHT if rtl and style.alignment == TA_LEFT else style.alignment,
            # Indents and bullets mirrored: a list item's bullet stands at its right.
            leftIndent=style.rightIndent if rtl else style.leftIndent,
            rightIndent=style.leftIndent if rtl else style.rightIndent,
        )
        found = _variants[key] = (style, variant)
    return found[1]


_TOKEN = re.compile(r'<font name="([^"]+)">|</font>|<br/>|<[^>]*>|[^<]+')


def _direction(word: str) -> str | None:
    """ "R" or "L" by the word's first strong letter; None for numbers and punctuation."""
    for ch in html.unescape(word):
        kind = unicodedata.bidirectional(ch)
        if kind in _RTL:
            return "R"
        if kind == "L":
            return "L"
    return None


def visual_words(markup: str, rtl: bool) -> str:
    """Paragraph markup arranged so that each run of words going against the paragraph reads
    in its own direction once ReportLab has laid the line out. Markup with more than fonts and
    line breaks is left as it is.

    ReportLab lays a line's words left to right, and for a right-to-left paragraph puts its
    font runs in the reverse order. So in a left-to-right paragraph a run of Arabic words is
    reversed here; in a right-to-left one, a run of English words is printed as one font run
    (Noto Sans, which has every letter they need: "Nguyễn" is then not pulled apart).
    """
    lines: list[list[tuple[str | None, str]]] = [[]]  # each line's pieces of text, by font
    font: str | None = None
    for found in _TOKEN.finditer(markup):
        token = found.group(0)
        if found.group(1):
            font = found.group(1)
        elif token == "</font>":
            font = None
        elif token == "<br/>":
            lines.append([])
        elif token.startswith("<"):
            return markup
        else:
            lines[-1].append((font, token))
    return "<br/>".join(_line(_words(pieces), rtl) for pieces in lines)


Word = list[tuple[str | None, str]]  # a word's pieces, by font


def _words(pieces: list[tuple[str | None, str]]) -> list[Word]:
    words: list[Word] = []
    spaced = True
    for font, text in pieces:
        for part in re.split(r"(\s+)", text):
            if not part:
                continue
            if part.isspace():
                spaced = True
            elif spaced or not words:
                words.append([(font, part)])
                spaced = False
            else:
                words[-1].append((font, part))
    return words


def _runs(directions: list[str | None], against: str) -> list[tuple[int, int]]:
    """(first, last) of each run of words going `against` the paragraph (numbers and
    punctuation between two of them belong to it)."""
    runs, start = [], 0
    while start < len(directions):
        if directions[start] != against:
            start += 1
            continue
        end = start
        for index in range(start + 1, len(directions)):
            if directions[index] == against:
                end = index
            elif directions[index] is not None:
                break
        runs.append((start, end))
        start = end + 1
    return runs


def _line(words: list[Word], rtl: bool) -> str:
    directions = [_direction("".join(t for _f, t in word)) for word in words]
    shown = ["".join(f'<font name="{f}">{t}</font>' if f else t for f, t in w) for w in words]
    for first, last in reversed(_runs(directions, "L" if rtl else "R")):
        if not rtl:
            shown[first : last + 1] = reversed(shown[first : last + 1])
            continue
        plain = " ".join("".join(t for _f, t in w) for w in words[first : last + 1])
        fonts = {f for w in words[first : last + 1] for f, _t in w}
        if not fonts & SHAPED and not unprintable_in(plain, FALLBACK):
            shown[first : last + 1] = [f'<font name="{FALLBACK}">{plain}</font>']
    return " ".join(shown)


class Paragraph(_Paragraph):  # type: ignore[misc]
    """ReportLab's Paragraph, with the style for its text's scripts (see the module's words)."""

    def __init__(self, text: str | None, style: Any = None, *args: Any, **kwargs: Any) -> None:
        chosen = for_text(text, style)
        if text and chosen is not style and _has_rtl(_TAGS.sub("", text)):
            text = visual_words(text, chosen.wordWrap == "RTL")
        super().__init__(text, chosen, *args, **kwargs)
