"""Charts drawn once with reportlab.graphics: embedded as vectors in the PDFs, and turned into
SVG for the Feedback tab, so screen and paper show the same picture.

Every bar carries its count and percentage in words, so nothing depends on colour.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

import fontpkg_atkinson_hyperlegible as atkinson
import fontpkg_noto_sans as noto
from reportlab.graphics.shapes import Drawing, Group, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.attrmap import AttrMap, AttrMapValue
from reportlab.lib.validators import isString
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import shapeStr

from organiser.core.feedback.documents import Chart
from organiser.reports import actual_text
from organiser.reports.actual_text import typed_text
from organiser.reports.fonts import (
    BOLD,
    FALLBACK,
    REGULAR,
    SCRIPTS,
    SHAPED,
    font_runs,
    register_fonts,
    register_main_fonts,
)
from organiser.reports.styles import INK, RULE

actual_text.install()  # shaped labels remember their letters (the screen shows those)

# Dark blue: about 10:1 against white, far above the 3:1 WCAG asks of graphics.
BAR = colors.HexColor("#1F4E79")
NO_ANSWERS = "No answers yet."
# What the SVG names each print font: the family Qt knows once SCREEN_FONTS are added to its
# font database. One name only: QtSvg reads a list of families as no family at all.
_SVG_FAMILIES = {
    REGULAR: {"family": "Atkinson Hyperlegible"},
    BOLD: {"family": "Atkinson Hyperlegible", "weight": "bold"},
    FALLBACK: {"family": "Noto Sans"},
    **{name: {"family": f"Noto Sans {script}"} for name, (script, _p, _b) in SCRIPTS.items()},
}
# The font files a screen needs to show the SVG as it prints (QFontDatabase.addApplicationFont).
SCREEN_FONTS = (
    str(atkinson.ROOT / "files" / "AtkinsonHyperlegible-Regular.ttf"),
    str(atkinson.ROOT / "files" / "AtkinsonHyperlegible-Bold.ttf"),
    str(noto.ROOT / "files" / "NotoSans[wdth,wght].ttf"),
    *(str(path) for _script, path, _blocks in SCRIPTS.values()),
)
_GAP = 10  # between the label column, the bar and its figure
_LABEL_SHARE = 0.42  # the most of the width the category names may take
_MAX_LABEL_LINES = 3


class ChartDrawing(Drawing):  # type: ignore[misc]
    """A Drawing that also says what it shows in words (the SVG's title and description)."""

    _attrMap = AttrMap(
        BASE=Drawing,
        title=AttrMapValue(isString, desc="what the chart is about"),
        summary=AttrMapValue(isString, desc="every bar in words"),
    )

    def __init__(self, width: float, height: float, *, title: str, summary: str) -> None:
        super().__init__(width, height)
        self.title = title
        self.summary = summary


def _printed(run: str, name: str, size: float) -> tuple[float, str, float]:
    """A run as it prints: the room before it, its text and its width. In a script that needs
    it the text is shaped (joined, in reading order) as a paragraph's words are, and spaces at
    either end are kept outside (shaped right to left, a trailing space would land on the left
    and the next run would touch it)."""
    if name in SHAPED and run.strip():
        core = run.strip()
        shaped = shapeStr(core, name, size, force=True)
        data = getattr(shaped, "__shapeData__", None)
        if data is not None:
            before = stringWidth(run[: len(run) - len(run.lstrip())], name, size)
            after = stringWidth(run[len(run.rstrip()) :], name, size)
            return before, shaped, sum(d.x_advance for d in data) * size / 1000 + after
    return 0.0, run, stringWidth(run, name, size)


def text_width(text: str, size: float, font: str = REGULAR) -> float:
    """How wide `text` prints, each run in the font that has its glyphs."""
    return float(
        sum(
            before + width
            for name, run in font_runs(text, font)
            for before, _text, width in [_printed(run, name, size)]
        )
    )


def _text(text: str, x: float, y: float, size: float, font: str = REGULAR) -> Group:
    """One line of text at (x, y), split into runs so every character has a glyph."""
    group = Group()
    # renderSVG places text with a whole-number shift of 2y: keep y on a half point.
    y = round(y * 2) / 2
    for name, run in font_runs(text, font):
        before, printed, width = _printed(run, name, size)
        x += before
        group.add(String(x, y, printed, fontName=name, fontSize=size, fillColor=INK))
        x += width
    return group


def _strings(node: Any) -> Iterator[String]:
    if isinstance(node, String):
        yield node
    for child in getattr(node, "contents", ()):
        yield from _strings(child)


def _shorten(text: str, room: float, size: float, font: str) -> str:
    """Text cut short with an ellipsis so that it fits `room`."""
    while text and text_width(text + "…", size, font) > room:
        text = text[:-1]
    return text.rstrip() + "…"


def wrap(text: str, room: float, size: float, font: str = REGULAR, *, most: int = 0) -> list[str]:
    """Words broken into lines no wider than `room` (at most `most`, the last one cut short)."""
    lines: list[str] = []
    for word in text.split():
        if text_width(word, size, font) > room:
            word = _shorten(word, room, size, font)
        if lines and text_width(f"{lines[-1]} {word}", size, font) <= room:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    if most and len(lines) > most:
        lines = [*lines[: most - 1], _shorten(lines[most - 1], room, size, font)]
    return lines or [""]


def percent(count: int, answered: int) -> int:
    """The share of people who answered, rounded to a whole percent."""
    return round(100 * count / answered) if answered else 0


def figure_words(count: int, answered: int) -> str:
    """A bar's figure: '12 (60%)', or '4,991 (50%)'."""
    return f"{count:,} ({percent(count, answered)}%)"


def bar_chart(
    title: str,
    counts: Sequence[tuple[str, int]],
    *,
    width: float,
    answered: int | None = None,
    note: str | None = None,
    font_size: float = 14,
) -> ChartDrawing:
    """Horizontal bars, one per category, each labelled with its name, count and percentage.

    `answered` is how many people answered (the percentages' base; for a multiple-choice
    question it is less than the sum of the counts); by default the sum of the counts.
    `note` is the line under the title; by default it says how many answered.
    """
    register_main_fonts()
    total = sum(n for _, n in counts) if answered is None else answered
    leading = font_size * 1.3
    title_lines = wrap(title, width, font_size + 2, BOLD) if title.strip() else []
    if note is None:
        note = f"{total:,} {'person' if total == 1 else 'people'} answered" if total else ""
    header = len(title_lines) * (font_size + 2) * 1.3 + (leading if note else 0) + 6
    summary = "; ".join(f"{name}: {figure_words(n, total)}" for name, n in counts)
    if not total or not counts:
        body = leading * 2
        drawing = ChartDrawing(width, header + body, title=title, summary=NO_ANSWERS)
        _header(drawing, title_lines, note, font_size, leading)
        drawing.add(_text(NO_ANSWERS, 0, body - leading, font_size))
        return drawing
    label_room = min(
        max(text_width(name, font_size) for name, _ in counts) + 2, width * _LABEL_SHARE
    )
    figure_room = max(text_width(figure_words(n, total), font_size) for _, n in counts)
    bar_left = label_room + _GAP
    bar_room = max(width - bar_left - _GAP - figure_room, 20)
    labels = [wrap(name, label_room, font_size, most=_MAX_LABEL_LINES) for name, _ in counts]
    bar_height = font_size * 1.5
    pitches = [max(bar_height, len(lines) * leading) + 8 for lines in labels]
    body = sum(pitches) + 4
    drawing = ChartDrawing(width, header + body, title=title, summary=summary)
    _header(drawing, title_lines, note, font_size, leading)
    top = body
    most = max(n for _, n in counts)
    for (_name, count), lines, pitch in zip(counts, labels, pitches, strict=True):
        middle = top - pitch / 2
        first = middle + (len(lines) - 1) * leading / 2 - font_size * 0.35
        for number, line in enumerate(lines):
            drawing.add(_text(line, 0, first - number * leading, font_size))
        length = bar_room * count / most if most else 0
        if length:
            drawing.add(
                Rect(
                    bar_left,
                    middle - bar_height / 2,
                    length,
                    bar_height,
                    fillColor=BAR,
                    strokeColor=None,
                )
            )
        figure = figure_words(count, total)
        drawing.add(
            _text(figure, bar_left + length + _GAP / 2, middle - font_size * 0.35, font_size)
        )
        top -= pitch
    drawing.add(Line(bar_left, 4, bar_left, body, strokeColor=RULE, strokeWidth=1))
    return drawing


def distribution_chart(chart: Chart, *, width: float, font_size: float = 14) -> ChartDrawing:
    """The bar chart of one question's answers: the same drawing on screen and in print."""
    return bar_chart(
        chart.question,
        chart.counts,
        width=width,
        answered=chart.answered,
        note=chart.note,
        font_size=font_size,
    )


def _header(
    drawing: Drawing, title_lines: list[str], note: str, font_size: float, leading: float
) -> None:
    y = drawing.height - (font_size + 2)
    for line in title_lines:
        drawing.add(_text(line, 0, y, font_size + 2, BOLD))
        y -= (font_size + 2) * 1.3
    if note:
        drawing.add(_text(note, 0, y - 2, font_size))


def to_svg(drawing: Drawing) -> bytes:
    """The drawing as SVG bytes that QSvgWidget shows as it prints.

    ReportLab wraps the picture in a clipPath that QtSvg paints as a black rectangle, so it
    is left out; fonts are named by the families Qt knows, with a sans-serif fallback.
    """
    # Loaded here: only the screen needs SVG, and renderSVG brings xml.dom and urllib.
    from xml.sax.saxutils import escape

    from reportlab.graphics import renderSVG

    register_fonts()
    # The screen shapes text itself: shaped glyphs go back to the letters they were typed as.
    shaped = [(s, s.text) for s in _strings(drawing) if hasattr(s.text, "__actual__")]
    for string, text in shaped:
        string.text = typed_text(text)
    try:
        svg = renderSVG.drawToString(drawing, useClip=True, fontHacks=_SVG_FAMILIES)
    finally:
        for string, text in shaped:
            string.text = text
    svg = re.sub(r' clip="[^"]*"', "", svg, count=1)
    title = escape(str(getattr(drawing, "title", "")))
    summary = escape(str(getattr(drawing, "summary", "")))
    svg = svg.replace("<title>...</title>", f"<title>{title}</title>", 1)
    svg = svg.replace("<desc>...</desc>", f"<desc>{summary}</desc>", 1)
    return svg.encode("utf-8")
