"""The flyer's look and its blocks of words: each block is one field, measured before it is placed,
so a field that does not fit can be left out whole and named rather than cut mid-word."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer

from organiser.core.flyer.documents import FlyerSheet
from organiser.core.flyer.kinds import MIN_BODY, Alignment, Template
from organiser.reports.flyer_art import Modules, draw_qr, qr_modules, qr_value
from organiser.reports.fonts import BOLD, REGULAR, markup, register_main_fonts
from organiser.reports.text import Paragraph, right_to_left

DEFAULT_INK, DEFAULT_PAPER, DEFAULT_ACCENT = "#1A1A1A", "#FFFFFF", "#0B4F6C"
# WCAG "large text" starts at 14 pt bold: below it, small bold labels take the body colour,
# whose contrast the checklist measures at 4.5:1, rather than the accent (checked at 3:1).
LARGE_BOLD = 14
# The parts labelled in a column of their own beside their words.
LABELLED = (
    "when_text",
    "venue_text",
    "creche_text",
    "refreshments_text",
    "cost_text",
    "access_text",
)


@dataclass(frozen=True)
class Geometry:
    """A template's page: size, margin, the QR code's side, the gap between parts (in bodies)."""

    pagesize: tuple[float, float]
    margin: float
    qr: float
    spacing: float


GEOMETRY = {
    Template.A4_POSTER: Geometry(A4, 16 * mm, 30 * mm, 1.3),
    Template.A5_HANDOUT: Geometry(A5, 10 * mm, 24 * mm, 1.15),
    Template.LARGE_PRINT: Geometry(A4, 15 * mm, 32 * mm, 1.2),
}


def _colour(value: str, default: str) -> colors.Color:
    try:
        return colors.HexColor(value)
    except (ValueError, TypeError):
        return colors.HexColor(default)


class Look:
    """The sheet's colours and sizes turned into paragraph styles for one template."""

    def __init__(self, sheet: FlyerSheet) -> None:
        register_main_fonts()
        known = sheet.template in {t.value for t in Template}
        template = self.template = Template(sheet.template) if known else Template.A4_POSTER
        self.geometry = GEOMETRY[template]
        self.large_print = template is Template.LARGE_PRINT
        # The large-print template keeps its promise of 16 pt even if the theme asks for less.
        least = MIN_BODY[template] if self.large_print else 0
        body = self.body = float(max(sheet.body_size, least))
        self.ink = _colour(sheet.text_colour, DEFAULT_INK)
        self.paper = _colour(sheet.background_colour, DEFAULT_PAPER)
        self.accent = _colour(sheet.accent_colour, DEFAULT_ACCENT)
        self.centred = sheet.alignment == Alignment.CENTRE.value
        # What to expect and Hear from side by side, except in large print's single column.
        self.side_by_side = not self.large_print
        self.label_colour = self.accent if body >= LARGE_BOLD else self.ink
        self.gap = body * self.geometry.spacing  # between parts
        self.row_gap = body * 0.4  # between the lines of a group, such as When and Where
        align = TA_CENTER if self.centred else TA_LEFT
        self.text = ParagraphStyle(
            "FlyerBody",
            fontName=REGULAR,
            fontSize=body,
            leading=body * 1.3,
            textColor=self.ink,
            alignment=align,
        )
        heading = float(sheet.heading_size)
        self.title = ParagraphStyle(
            "FlyerTitle",
            parent=self.text,
            fontName=BOLD,
            fontSize=heading,
            leading=heading * 1.12,
            textColor=self.accent,
        )
        self.strapline = ParagraphStyle(
            "FlyerStrapline", parent=self.text, fontSize=body * 1.3, leading=body * 1.3 * 1.3
        )
        section = max(body * 1.25, LARGE_BOLD)
        self.heading = ParagraphStyle(
            "FlyerHeading",
            parent=self.text,
            fontName=BOLD,
            fontSize=section,
            leading=section * 1.25,
            textColor=self.accent,
        )
        self.item = ParagraphStyle(
            "FlyerItem",
            parent=self.text,
            leftIndent=0 if self.centred else body * 1.2,
            bulletIndent=0,
            bulletFontName=BOLD,
            bulletFontSize=body,
            bulletColor=self.accent,
        )
        # Small, but never under clear print's 12 pt (nor under the body in large print).
        credit = body if self.large_print else max(12.0, body - 2)
        self.credit = ParagraphStyle(
            "FlyerCredit", parent=self.text, fontSize=credit, leading=credit * 1.3
        )
        # As wide as the widest heading beside words on this sheet, but never more than a
        # third of the page's width: a long heading (in another language) wraps instead.
        shown = [key for key in LABELLED if str(getattr(sheet, key)).strip()] or ["when_text"]
        widest = max(stringWidth(sheet.heading(key), BOLD, body) for key in shown)
        room = self.geometry.pagesize[0] - 2 * self.geometry.margin
        self.label_gap = body * 1.1
        self.label_width = min(widest + 1, room / 3 - self.label_gap) + self.label_gap


@dataclass
class Block:
    """One field's flowables, measured at the page's width."""

    key: str
    group: str
    parts: list[Flowable]
    hopeless: bool = False  # far too long to fit: not worth wrapping
    sizes: list[tuple[float, float]] = field(default_factory=list)
    wrapped_at: float = -1.0
    heights: dict[float, float] = field(default_factory=dict)

    def measure(self, width: float, room: float) -> float:
        """Wrap every part at `width`, ready to draw there; the height of them all."""
        if width != self.wrapped_at:
            self.sizes = [part.wrap(width, room) for part in self.parts]
            self.wrapped_at = width
            self.heights[width] = sum(h for _w, h in self.sizes)
        return self.heights[width]

    def height_at(self, width: float, room: float) -> float:
        """The height at `width`, wrapping only the first time it is asked."""
        if self.hopeless:
            return room + 1
        if width not in self.heights:
            self.measure(width, room)
        return self.heights[width]


class Rule(Flowable):  # type: ignore[misc]
    """A short thick bar in the accent colour under the title."""

    def __init__(self, length: float, thickness: float, colour: colors.Color, centred: bool):
        super().__init__()
        self.length, self.thickness, self.colour, self.centred = length, thickness, colour, centred

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.available = availWidth
        return availWidth, self.thickness

    def draw(self) -> None:
        left = (self.available - self.length) / 2 if self.centred else 0
        self.canv.setFillColor(self.colour)
        self.canv.rect(left, 0, self.length, self.thickness, stroke=0, fill=1)


class LabelledRow(Flowable):  # type: ignore[misc]
    """A label in a column of its own, the words beside it: "When  Thursday 17 December".
    A right-to-left label (an Arabic or Urdu version's) stands on the right, where its reader
    starts, the words to its left."""

    def __init__(
        self,
        label: Paragraph,
        value: Paragraph,
        label_width: float,
        gap: float,
        *,
        mirrored: bool = False,
    ) -> None:
        super().__init__()
        self.label, self.value, self.label_width = label, value, label_width
        self.gap, self.mirrored = gap, mirrored

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._lh = self.label.wrap(self.label_width - self.gap, availHeight)[1]
        self._vh = self.value.wrap(availWidth - self.label_width, availHeight)[1]
        self.width, self.height = availWidth, max(self._lh, self._vh)
        return availWidth, self.height

    def draw(self) -> None:
        if self.mirrored:
            self.value.drawOn(self.canv, 0, self.height - self._vh)
            left = self.width - self.label_width + self.gap
            self.label.drawOn(self.canv, left, self.height - self._lh)
            return
        self.label.drawOn(self.canv, 0, self.height - self._lh)
        self.value.drawOn(self.canv, self.label_width, self.height - self._vh)


class BookingPanel(Flowable):  # type: ignore[misc]
    """How to book, framed in the accent colour, with the link's QR code on the right."""

    def __init__(
        self, parts: list[Paragraph], modules: Modules | None, qr_size: float, look: Look
    ) -> None:
        super().__init__()
        self.parts, self.modules, self.qr_size, self.look = parts, modules, qr_size, look
        self.pad = look.body * 0.9

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        inner = availWidth - 2 * self.pad - (self.qr_size + self.pad if self.modules else 0)
        self._heights = [p.wrap(inner, availHeight)[1] for p in self.parts]
        spacing = self.look.row_gap * (len(self.parts) - 1)
        text = sum(self._heights) + spacing
        self.width = availWidth
        self.height = max(text, self.qr_size if self.modules else 0) + 2 * self.pad
        self._text = text
        return availWidth, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(self.look.accent)
        canvas.setLineWidth(2)
        canvas.roundRect(1, 1, self.width - 2, self.height - 2, self.pad * 0.6, stroke=1, fill=0)
        y = self.height - self.pad - max(0.0, (self.height - 2 * self.pad - self._text) / 2)
        for part, height in zip(self.parts, self._heights, strict=True):
            y -= height
            part.drawOn(canvas, self.pad, y)
            y -= self.look.row_gap
        if self.modules:
            x = self.width - self.pad - self.qr_size
            draw_qr(canvas, self.modules, x, (self.height - self.qr_size) / 2, self.qr_size)


def _para(text: str, style: ParagraphStyle, font: str = REGULAR) -> Paragraph:
    return Paragraph(markup(text.strip(), font), style)


def _hex(colour: colors.Color) -> str:
    return "#" + str(colour.hexval())[2:]


def _labelled(key: str, value: str, label: str, look: Look) -> Flowable:
    colour = _hex(look.label_colour)
    # The date and time is what a passer-by looks for first.
    font = BOLD if key == "when_text" else REGULAR
    if look.centred or look.large_print:
        # One column: the label leads its own line of words.
        text = f'<font color="{colour}">{markup(label + ":", BOLD)}</font> {markup(value, font)}'
        return Paragraph(text, look.text)
    label_style = ParagraphStyle("FlyerLabel", parent=look.text, alignment=TA_LEFT)
    label_para = Paragraph(f'<font color="{colour}">{markup(label, BOLD)}</font>', label_style)
    return LabelledRow(
        label_para,
        _para(value, look.text, font),
        look.label_width,
        look.label_gap,
        mirrored=right_to_left(label),
    )


def _speaker(line: str) -> str:
    # "Name, Organisation": the name in bold, so a reader finds who is speaking.
    name, comma, rest = line.partition(", ")
    return markup(name, BOLD) + (markup(comma + rest) if comma else "")


def _list(key: str, heading: str, lines: tuple[str, ...], look: Look) -> list[Flowable]:
    parts: list[Flowable] = [_para(heading, look.heading, BOLD), Spacer(0, look.row_gap)]
    for n, line in enumerate(lines):
        if n:
            parts.append(Spacer(0, look.row_gap * 0.6))
        text = _speaker(line) if key == "hear_from" else markup(line)
        bullet = None if look.centred or key == "hear_from" else "•"
        style = look.item if bullet else look.text
        parts.append(Paragraph(text, style, bulletText=bullet))
    return parts


def _booking(sheet: FlyerSheet, look: Look) -> list[Flowable]:
    parts = [_para(sheet.heading("booking"), look.heading, BOLD)]
    if sheet.booking_text.strip():
        parts.append(_para(sheet.booking_text.strip(), look.text))
    modules = None
    link = sheet.booking_link.strip()
    if link:
        parts.append(_para(link, look.text, BOLD))
        modules = qr_modules(qr_value(link))
    return [BookingPanel(parts, modules, look.geometry.qr, look)]


def _title(sheet: FlyerSheet, look: Look) -> list[Flowable]:
    rule = Rule(look.body * 4.5, max(3.0, look.body * 0.3), look.accent, look.centred)
    return [_para(sheet.title.strip(), look.title, BOLD), Spacer(0, look.body * 0.6), rule]


def blocks(sheet: FlyerSheet, look: Look, possible: Callable[[str], bool]) -> list[Block]:
    """The flyer's non-empty fields as blocks, in print order.

    A field for which `possible` says no is not even set in type (a million characters would
    take seconds): its block is empty and marked hopeless.
    """
    found: list[Block] = []

    def add(key: str, group: str, text: str, make: Callable[[], list[Flowable]]) -> None:
        if text.strip():
            fits = possible(text)
            found.append(Block(key, group, make() if fits else [], hopeless=not fits))

    def row(key: str) -> Callable[[], list[Flowable]]:
        value = str(getattr(sheet, key)).strip()
        return lambda: [_labelled(key, value, sheet.heading(key), look)]

    add("title", "title", sheet.title, lambda: _title(sheet, look))
    add("strapline", "strapline", sheet.strapline, lambda: [_para(sheet.strapline, look.strapline)])
    for key in ("when_text", "venue_text"):
        add(key, "facts", getattr(sheet, key), row(key))
    for key, lines in (("expect", sheet.expect), ("hear_from", sheet.hear_from)):
        add(key, key, "\n".join(lines), partial(_list, key, sheet.heading(key), lines, look))
    for key in ("creche_text", "refreshments_text", "cost_text", "access_text"):
        add(key, "details", getattr(sheet, key), row(key))
    booking = "booking_text" if sheet.booking_text.strip() else "booking_link"
    text = f"{sheet.booking_text}\n{sheet.booking_link}".strip()
    add(booking, "booking", text, lambda: _booking(sheet, look))
    add("credit_line", "credit", sheet.credit_line, lambda: [_para(sheet.credit_line, look.credit)])
    return found
