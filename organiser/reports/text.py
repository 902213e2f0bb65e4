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

import re
import unicodedata
import weakref
from typing import Any

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph as _Paragraph

from organiser.reports import actual_text, shaping
from organiser.reports.actual_text import direction_of, runs_against
from organiser.reports.fonts import FALLBACK, SHAPED, unprintable_in

shaping.mend_rise()
actual_text.install()

_TAGS = re.compile(r"<[^>]*>")
_SHAPED_FONT = re.compile('name="(' + "|".join(sorted(SHAPED)) + ')"')
_RTL = frozenset({"R", "AL"})
# Each style's shaping copies, by right to left or not (they go when the style goes).
_variants: weakref.WeakKeyDictionary[ParagraphStyle, dict[bool, ParagraphStyle]] = (
    weakref.WeakKeyDictionary()
)


def right_to_left(text: str) -> bool:
    """Whether text starts right to left: its first strong letter is Arabic or Hebrew."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in _RTL:
            return True
        if kind == "L":
            return False
    return False


def _for_text(text: str | None, style: Any) -> tuple[Any, bool]:
    """`style` itself, or its shaping (and, for right-to-left text, right-aligned, mirrored)
    copy; and whether the text has right-to-left letters (its words are then arranged)."""
    if not text or text.isascii() or style is None:
        return style, False
    plain = _TAGS.sub("", text)
    bidirectional = any(unicodedata.bidirectional(ch) in _RTL for ch in plain)
    if not (bidirectional or _SHAPED_FONT.search(text)):
        return style, False
    rtl = right_to_left(plain)
    variants = _variants.setdefault(style, {})
    if rtl not in variants:
        variants[rtl] = ParagraphStyle(
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
    return variants[rtl], bidirectional


_TOKEN = re.compile(r"<br\s*/>|</(\w+)\s*>|<(\w+)([^>]*?)(/?)>|[^<]+")
_NAME = re.compile(r'\bname\s*=\s*"([^"]+)"')
_SPACES = re.compile(r"[ \t\n]+")
_SPACES_SPLIT = re.compile(r"([ \t\n]+)")

Tags = tuple[str, ...]  # the tags open around a piece of text, outermost first
Piece = tuple[Tags, str]
Word = list[Piece]


def _font_of(tags: Tags) -> str | None:
    for tag in reversed(tags):
        found = _NAME.search(tag)
        if tag.startswith("<font") and found:
            return found.group(1)
    return None


def visual_words(markup: str, rtl: bool) -> str:
    """Paragraph markup arranged so that words going against the paragraph read in their own
    direction once ReportLab has laid each line out. Each word becomes a piece of its own
    (spaces between, outside every tag): in a left-to-right paragraph a run of Arabic words is
    then put in reading order line by line as it is drawn (`actual_text`); in a right-to-left
    one, where ReportLab reverses a line's pieces, a run of English words is made one piece in
    Noto Sans (it has every letter they need: "Nguyễn" is not pulled apart). Markup ReportLab
    would read differently once split (an image, a link) is left as it is."""
    lines: list[list[Piece]] = [[]]
    open_tags: list[str] = []
    for found in _TOKEN.finditer(markup):
        token = found.group(0)
        if token.startswith("<br"):
            lines.append([])
        elif found.group(1):  # a closing tag
            if not open_tags:
                return markup
            open_tags.pop()
        elif found.group(2):
            if found.group(4) or found.group(2) not in ("font", "b", "strike", "u", "span"):
                return markup
            open_tags.append(token)
        else:
            lines[-1].append((tuple(open_tags), token))
    return "<br/>".join(_line(_words(pieces), rtl) for pieces in lines)


def _words(pieces: list[Piece]) -> list[Word]:
    words: list[Word] = []
    spaced = True
    for tags, text in pieces:
        for part in _SPACES_SPLIT.split(text):  # a no-break space stays in its word
            if not part:
                continue
            if _SPACES.fullmatch(part):
                spaced = True
            elif spaced or not words:
                words.append([(tags, part)])
                spaced = False
            else:
                words[-1].append((tags, part))
    return words


def _shown(word: Word) -> str:
    """A word's markup: its pieces, those in the same tags as one, each in its tags opened
    and closed again."""
    merged: Word = []
    for tags, text in word:
        if merged and merged[-1][0] == tags:
            merged[-1] = (tags, merged[-1][1] + text)
        else:
            merged.append((tags, text))
    return "".join(
        "".join(tags) + text + "".join(map(_closing, reversed(tags))) for tags, text in merged
    )


def _joined(word: Word) -> Word:
    """In a right-to-left line, brackets and punctuation touching an Arabic word take its
    font: shaped with it, they stand on its side and brackets face the right way."""
    fonts = [(tags, _font_of(tags)) for tags, _text in word]
    shaped = next(((tags, f) for tags, f in fonts if f in SHAPED), None)
    if shaped is None or direction_of("".join(t for _g, t in word)) != "R":
        return word
    tags, font = shaped
    assert font is not None
    return [
        (tags, text)
        if not any(ch.isalnum() for ch in text) and not unprintable_in(text, font)
        else (own, text)
        for own, text in word
    ]


def _closing(tag: str) -> str:
    return "</" + tag[1:].split(None, 1)[0].rstrip(">") + ">"


def _line(words: list[Word], rtl: bool) -> str:
    if rtl:
        words = [_joined(word) for word in words]
    shown = [_shown(word) for word in words]
    if rtl:
        directions = [direction_of("".join(t for _g, t in word)) for word in words]
        for first, last in reversed(runs_against(directions, "L")):
            run = words[first : last + 1]
            plain = " ".join("".join(t for _g, t in w) for w in run)
            fonts = {_font_of(tags) for w in run for tags, _t in w}
            plain_tags = all(
                all(tag.startswith("<font") and _NAME.search(tag) for tag in tags)
                for w in run
                for tags, _t in w
            )
            if plain_tags and not fonts & SHAPED and not unprintable_in(plain, FALLBACK):
                shown[first : last + 1] = [f'<font name="{FALLBACK}">{plain}</font>']
    return " ".join(shown)


class Paragraph(_Paragraph):  # type: ignore[misc]
    """ReportLab's Paragraph, with the style for its text's scripts (see the module's words)."""

    def __init__(self, text: str | None, style: Any = None, *args: Any, **kwargs: Any) -> None:
        chosen, bidirectional = _for_text(text, style)
        if text and bidirectional:
            text = visual_words(text, chosen.wordWrap == "RTL")
        super().__init__(text, chosen, *args, **kwargs)
