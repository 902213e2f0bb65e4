"""Shaped words keep the text they were typed as, for reading aloud, copying and searching.

Shaping turns letters into glyphs: an Arabic word's joined forms, a Bengali conjunct. Those
glyphs have no letters of their own, so a PDF reader would read back nonsense. Each shaped
word is therefore marked with its typed text (the PDF's ActualText, in a marked-content span)
as ReportLab draws it: a screen reader, a copy and a search get the letters in their logical
order. Plain text (no shaping) is left exactly as ReportLab writes it.

A right-to-left line is drawn from the left (ReportLab reverses its words), so it is marked
as a whole, with its words in reading order.

`install()` wraps four ReportLab functions: shaping a word (to remember its text), joining
shaped strings (to carry it along a line), writing a line and writing text out (to mark them).
"""

from __future__ import annotations

import html
import re
import unicodedata
from typing import Any

from reportlab.pdfbase import ttfonts
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import ShapedStr, makeShapedFragWord
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import paragraph

from organiser.reports.fonts import SHAPED

# A shaped string's text as typed: (text, how many glyph characters it covers, whether it was
# shaped) in the order the glyphs are drawn.
Segments = tuple[tuple[str, int, bool], ...]
_ATTRIBUTE = "__actual__"
_originals: dict[str, Any] = {}
# A line's pieces are joined with a space; none goes before closing punctuation.
_NO_SPACE_BEFORE = re.compile(r"\s+([.,:;!?؟،؛)\]»”])")


def _segments(text: Any) -> Segments:
    if isinstance(text, _Marked):
        text = text.inner
    found = getattr(text, _ATTRIBUTE, None)
    return found if found is not None else ((str(text), len(text), False),)


def _shape(word: Any, *args: Any, **kwargs: Any) -> Any:
    """Shape a word's runs in the scripts that need it, each run in its own font."""
    names = [frag.fontName for frag, _text in word[1:] if not hasattr(frag, "cbDefn")]
    if not SHAPED.intersection(names):
        return word  # Latin, Greek, Cyrillic: one glyph per letter, printed as ever
    if len(set(names)) == 1:
        return _shape_run(word, *args, **kwargs)
    # HarfBuzz shapes a word in one font: a word that changes font ("Nguyễn" beside Arabic,
    # "Pilates-بيلاتس") is shaped run by run and joined again.
    pieces: list[Any] = []
    width = 0.0
    for run in _runs(word):
        part = word.__class__([_width(run), *run])
        if SHAPED.intersection(f.fontName for f, _t in run if not hasattr(f, "cbDefn")):
            part = _shape_run(part, *args, **kwargs)
        width += part[0]
        pieces.extend(part[1:])
    return makeShapedFragWord(word)([width, *pieces])


def _runs(word: Any) -> list[list[Any]]:
    runs: list[list[Any]] = []
    for frag, text in word[1:]:
        name = None if hasattr(frag, "cbDefn") else frag.fontName
        if runs and (name is None or name == runs[-1][-1][0].fontName):
            runs[-1].append((frag, text))
        else:
            runs.append([(frag, text)])
    return runs


def _width(run: list[Any]) -> float:
    return sum(
        getattr(frag, "width", 0)
        if hasattr(frag, "cbDefn")
        else stringWidth(text, frag.fontName, frag.fontSize)
        for frag, text in run
    )


def _shape_run(word: Any, *args: Any, **kwargs: Any) -> Any:
    shaped = _originals["shapeFragWord"](word, *args, **kwargs)
    if shaped is word:
        return word
    typed: dict[int, str] = {}
    for frag, text in word[1:]:
        if not hasattr(frag, "cbDefn"):
            typed[id(frag)] = typed.get(id(frag), "") + text
    for frag, text in shaped[1:]:
        if isinstance(text, ShapedStr):
            setattr(text, _ATTRIBUTE, ((typed.pop(id(frag), ""), len(text), True),))
    return shaped


def _add(self: Any, other: Any) -> Any:
    joined = _originals["__add__"](self, other)
    setattr(joined, _ATTRIBUTE, _segments(self) + _segments(other))
    return joined


def _radd(self: Any, other: Any) -> Any:
    joined = _originals["__radd__"](self, other)
    setattr(joined, _ATTRIBUTE, _segments(other) + _segments(self))
    return joined


def _pdf_text(text: str) -> str:
    """A PDF text string of any text: UTF-16BE with its byte order mark, in hex."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


_RTL = frozenset({"R", "AL"})


def direction_of(word: str) -> str | None:
    """ "R" or "L" by the text's first strong letter; "N" for a number, None for punctuation
    and spaces."""
    number = False
    for ch in html.unescape(word):
        kind = unicodedata.bidirectional(ch)
        if kind in _RTL:
            return "R"
        if kind == "L":
            return "L"
        number = number or kind in ("EN", "AN")
    return "N" if number else None


def runs_against(directions: list[str | None], against: str) -> list[tuple[int, int]]:
    """(first, last) of each run of pieces going `against` the line: numbers and punctuation
    between two of them belong to it, and so do numbers just after it (a number reads with
    the words before it: "بيلاتس 10", "Room 5")."""
    runs, start = [], 0
    while start < len(directions):
        if directions[start] != against:
            start += 1
            continue
        end = start
        for index in range(start + 1, len(directions)):
            if directions[index] == against:
                end = index
            elif directions[index] not in (None, "N"):
                break
        while end + 1 < len(directions) and directions[end + 1] == "N":
            end += 1
        runs.append((start, end))
        start = end + 1
    return runs


def typed_text(text: Any) -> str:
    """The text a (possibly shaped) string was typed as."""
    return "".join(typed for typed, _length, _shaped in _segments(text))


def _put_frag_line(cur_x: float, tx: Any, line: Any, last: Any, kind: str) -> Any:
    """A line as drawn, with its text in reading order for a reader of the PDF.

    ReportLab draws a line's pieces from the left. A right-to-left line (it reversed its
    pieces) is marked as a whole with its text in reading order, the words inside not again.
    In a left-to-right line, each run of right-to-left pieces is put in reading order here
    (after the line was broken, so a phrase wrapping onto the next line keeps its order) and
    marked as one span with its text as typed."""
    put = _originals["_putFragLine"]
    frags = [f for f in line.words if hasattr(f, "text")]
    if getattr(tx, "direction", None) == "RTL":
        shown = [f for f in reversed(frags) if str(f.text).strip()]
        typed = " ".join(" ".join(typed_text(f.text).split()) for f in shown)
        typed = _NO_SPACE_BEFORE.sub(r"\1", typed)
        tx._code.append(f"/Span <</ActualText {_pdf_text(typed)}>> BDC")
        tx.organiser_marked = True
        try:
            return put(cur_x, tx, line, last, kind)
        finally:
            tx.organiser_marked = False
            tx._code.append("EMC")
    directions = [direction_of(typed_text(f.text)) for f in frags]
    runs = runs_against(directions, "R") if "R" in directions else []
    if runs and len(frags) == len(line.words):
        words = list(line.words)
        for first, end in runs:
            run = words[first : end + 1]
            typed = "".join(typed_text(f.text) for f in run).strip()
            run.reverse()
            run[0].text = _Marked(run[0].text, opens=typed)
            run[-1].text = _Marked(run[-1].text, closes=True)
            words[first : end + 1] = run
        line.words = words
    return put(cur_x, tx, line, last, kind)


class _Marked(str):
    """A piece of a line that opens or closes a marked span (a run of right-to-left words)."""

    opens: str | None
    closes: bool
    inner: Any

    def __new__(cls, text: str, *, opens: str | None = None, closes: bool = False) -> _Marked:
        inner = text.inner if isinstance(text, _Marked) else text
        marked = super().__new__(cls, text)
        marked.opens = opens if opens is not None else getattr(text, "opens", None)
        marked.closes = closes or getattr(text, "closes", False)
        marked.inner = inner
        return marked


def _format_text(self: Any, text: Any) -> str:
    if isinstance(text, _Marked):
        opening = f"/Span <</ActualText {_pdf_text(text.opens)}>> BDC " if text.opens else ""
        if text.opens:
            self.organiser_marked = True
        code = opening + _format_text(self, text.inner)
        if text.closes:
            self.organiser_marked = False
            code += " EMC"
        return code
    write = _originals["_formatText"]
    segments = getattr(text, _ATTRIBUTE, None)
    if (
        segments is None
        or not isinstance(text, ShapedStr)
        or getattr(self, "organiser_marked", False)
    ):
        return str(write(self, text))
    parts, start = [], 0
    for typed, length, shaped in segments:
        piece = text[start : start + length]
        start += length
        if not piece:
            continue
        code = str(write(self, piece))
        if not (shaped and typed.strip()):  # spaces, Latin between shaped words: as they are
            parts.append(code)
        else:
            parts.append(f"/Span <</ActualText {_pdf_text(typed)}>> BDC {code} EMC")
    return " ".join(parts)


def install() -> None:
    """Wrap ReportLab's shaping, joining and writing of text (once)."""
    if _originals:
        return
    _originals["shapeFragWord"] = ttfonts.shapeFragWord
    _originals["__add__"] = ShapedStr.__add__
    _originals["__radd__"] = ShapedStr.__radd__
    _originals["_formatText"] = PDFTextObject._formatText
    _originals["_putFragLine"] = paragraph._putFragLine
    ttfonts.shapeFragWord = _shape
    paragraph.shapeFragWord = _shape  # imported by name there
    ShapedStr.__add__ = _add
    ShapedStr.__radd__ = _radd
    PDFTextObject._formatText = _format_text
    paragraph._putFragLine = _put_frag_line
