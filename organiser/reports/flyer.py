"""The flyer: one page in its template (A4 poster, A5 handout, large print), or two A5 handouts on
an A4 sheet, with the fields that do not fit named rather than silently cut."""

from __future__ import annotations

import dataclasses
import itertools
from dataclasses import dataclass
from io import BytesIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from organiser.core.flyer.checklist import field_texts
from organiser.core.flyer.documents import FlyerSheet, RenderedFlyer
from organiser.core.flyer.kinds import HEADINGS, LABELS, TEXT_FIELDS, Placement, Template
from organiser.reports.flyer_art import (
    PreparedImage,
    draw_unreadable,
    fit_size,
    prepared_image,
    qr_modules,
    qr_value,
)
from organiser.reports.flyer_parts import Block, Look, blocks
from organiser.reports.fonts import BOLD, REGULAR, describe, register_main_fonts, unprintable

# Which fields keep their place when the page is full, most needed first: what, when, where,
# cost, how to book and access are the essentials the checklist asks for.
PRIORITY = (
    "title",
    "when_text",
    "venue_text",
    "cost_text",
    "booking_text",
    "booking_link",
    "access_text",
    "credit_line",
    "creche_text",
    "refreshments_text",
    "expect",
    "strapline",
    "hear_from",
)
# Anchored to the foot of the page: the call to action and the credit.
_FOOT = ("booking", "credit")
_ROWS = {"facts", "details"}
MARKER_RED = colors.HexColor("#C4161C")


@dataclass
class Picture:
    """Where the image goes on the page; `image` None means it could not be read."""

    image: PreparedImage | None
    x: float
    y: float
    width: float
    height: float
    behind: bool = False


@dataclass
class Unit:
    """One or two blocks side by side: (block, left offset, width) each, and their height."""

    group: str
    members: list[tuple[Block, float, float]]
    height: float


@dataclass
class Layout:
    """Everything placed on one flyer page: units with their tops, and what did not fit."""

    look: Look
    picture: Picture | None
    placed: list[tuple[Unit, float]]
    overflow: tuple[str, ...]


def _units(chosen: list[Block], look: Look, width: float, room: float) -> list[Unit]:
    keys = {block.key for block in chosen}
    paired = look.side_by_side and {"expect", "hear_from"} <= keys
    column = (width - look.gap) / 2
    units: list[Unit] = []
    for block in chosen:
        if paired and block.key == "expect":
            other = next(b for b in chosen if b.key == "hear_from")
            members = [(block, 0.0, column), (other, column + look.gap, column)]
            height = max(b.height_at(column, room) for b in (block, other))
            units.append(Unit("lists", members, height))
        elif not (paired and block.key == "hear_from"):
            units.append(Unit(block.group, [(block, 0.0, width)], block.height_at(width, room)))
    return units


def _gap(before: Unit, after: Unit, look: Look) -> float:
    if before.group == after.group or {before.group, after.group} <= _ROWS:
        return look.row_gap
    return look.gap


def _height(units: list[Unit], look: Look) -> float:
    total = sum(unit.height for unit in units)
    return total + sum(_gap(a, b, look) for a, b in itertools.pairwise(units))


def _hopeless(text: str, look: Look, width: float, room: float) -> bool:
    # No need to wrap a million characters to know they cannot fit: even the narrowest letters
    # (a fifth of the type size) on lines as tight as the type would not hold them.
    size = min(look.body, float(look.credit.fontSize))
    capacity = (width / (0.2 * size)) * (room / size)
    return len(text) > capacity or (text.count("\n") + 1) * size > room


def _picture(sheet: FlyerSheet, look: Look, top: float, bottom: float) -> Picture | None:
    placement = sheet.image_placement
    if sheet.image is None or placement not in {p.value for p in Placement if p != Placement.NONE}:
        return None
    page_width, page_height = look.geometry.pagesize
    margin = look.geometry.margin
    image = prepared_image(sheet.image)
    if placement == Placement.BEHIND.value and image is not None:
        # Covers the whole page, cropped rather than stretched.
        scale = max(page_width / image.width, page_height / image.height)
        width, height = image.width * scale, image.height * scale
        x, y = (page_width - width) / 2, (page_height - height) / 2
        return Picture(image, x, y, width, height, behind=True)
    width = page_width - 2 * margin
    if image is None:
        height = page_height / 8
        shown = width
    else:
        shown, height = fit_size(image.width, image.height, (width, page_height / 3))
    x = margin + (width - shown) / 2
    y = bottom if placement == Placement.BOTTOM.value else top - height
    return Picture(image, x, y, shown, height)


def lay_out(sheet: FlyerSheet, look: Look) -> Layout:
    """Place what fits on the page, most needed fields first; name the rest."""
    page_width, page_height = look.geometry.pagesize
    margin = look.geometry.margin
    width = page_width - 2 * margin
    top, bottom = page_height - margin, margin
    picture = _picture(sheet, look, top, bottom)
    if picture is not None and not picture.behind:
        if picture.y > page_height / 2:
            top = picture.y - look.gap
        else:
            bottom = picture.y + picture.height + look.gap
    room = top - bottom
    found = blocks(sheet, look, lambda text: not _hopeless(text, look, width, room))
    accepted: list[Block] = []
    for key in PRIORITY:
        for block in found:
            if block.key == key:
                trial = [b for b in found if b in accepted or b is block]
                if _height(_units(trial, look, width, room), look) <= room:
                    accepted.append(block)
    chosen = [b for b in found if b in accepted]
    overflow = [b.key for b in found if b not in accepted]
    link = sheet.booking_link.strip()
    if link and "booking_link" not in overflow and qr_modules(qr_value(link)) is None:
        # Too long for a QR code: the link prints as words only, and the preview says so.
        overflow.append("booking_link")
    units = _units(chosen, look, width, room)
    order = [key for key, _label in TEXT_FIELDS]
    overflow.sort(key=order.index)
    return Layout(look, picture, _positions(units, look, top, bottom), tuple(overflow))


def _positions(
    units: list[Unit], look: Look, top: float, bottom: float
) -> list[tuple[Unit, float]]:
    flow = [u for u in units if u.group not in _FOOT]
    foot = [u for u in units if u.group in _FOOT]
    slack = (top - bottom) - _height(units, look)
    gaps = sum(1 for a, b in itertools.pairwise(flow) if _gap(a, b, look) == look.gap)
    # Spare room first opens up the gaps between parts (up to nearly double), and whatever is
    # left sits above the booking panel, which stays at the foot of the page.
    extra = min(slack * 0.6 / gaps, look.gap * 0.8) if gaps else 0.0
    placed: list[tuple[Unit, float]] = []
    y = top
    for n, unit in enumerate(flow):
        if n:
            gap = _gap(flow[n - 1], unit, look)
            y -= gap + (extra if gap == look.gap else 0)
        placed.append((unit, y))
        y -= unit.height
    # The foot is stacked upwards from the bottom margin, then listed in print order so the
    # PDF's text (for screen readers and copying) reads booking before credit.
    y = bottom + _height(foot, look)
    for n, unit in enumerate(foot):
        if n:
            y -= _gap(foot[n - 1], unit, look)
        placed.append((unit, y))
        y -= unit.height
    return placed


def _field_name(key: str) -> str:
    label = LABELS.get(key, key)
    return label[:1].lower() + label[1:]


def marker_text(overflow: tuple[str, ...], width: float, size: float) -> str:
    """'Does not fit: strapline, what to expect', shortened to one line with 'and N more'."""
    names = [_field_name(key) for key in overflow]
    for shown in range(len(names), 0, -1):
        rest = len(names) - shown
        text = "Does not fit: " + ", ".join(names[:shown]) + (f" and {rest} more" if rest else "")
        if stringWidth(text, BOLD, size) <= width:
            break
    return text


def _draw_marker(canvas: Canvas, look: Look, overflow: tuple[str, ...]) -> None:
    """The preview's red box, in the bottom margin: which fields are left out."""
    page_width = look.geometry.pagesize[0]
    margin = look.geometry.margin
    size, pad, border = 12.0, 6.0, 2.5
    width = page_width - margin
    text = marker_text(overflow, width - 2 * pad, size)
    canvas.saveState()
    canvas.setFillColor(colors.white)
    canvas.setStrokeColor(MARKER_RED)
    canvas.setLineWidth(border)
    canvas.rect(margin / 2, border, width, size + 2 * pad, stroke=1, fill=1)
    canvas.setFillColor(colors.black)
    canvas.setFont(BOLD, size)
    canvas.drawString(margin / 2 + pad, border + pad + size * 0.22, text)
    canvas.restoreState()


def _draw_page(canvas: Canvas, layout: Layout, *, mark_overflow: bool) -> None:
    look = layout.look
    page_width, page_height = look.geometry.pagesize
    margin = look.geometry.margin
    canvas.setFillColor(look.paper)
    canvas.rect(0, 0, page_width, page_height, stroke=0, fill=1)
    picture = layout.picture
    if picture is not None:
        if picture.image is None:
            draw_unreadable(
                canvas, picture.x, picture.y, picture.width, picture.height, look.ink, 14
            )
        else:
            # Behind the text, the image is cropped at the page's edge (two-up: at the middle).
            canvas.saveState()
            path = canvas.beginPath()
            path.rect(0, 0, page_width, page_height)
            canvas.clipPath(path, stroke=0, fill=0)
            picture.image.draw(canvas, picture.x, picture.y, picture.width, picture.height)
            canvas.restoreState()
    for unit, unit_top in layout.placed:
        for block, left, column in unit.members:
            block.measure(column, page_height)
            y = unit_top
            for part, (part_width, part_height) in zip(block.parts, block.sizes, strict=True):
                y -= part_height
                part.drawOn(canvas, margin + left, y, _sW=column - part_width)
    if mark_overflow and layout.overflow:
        _draw_marker(canvas, look, layout.overflow)


def render_flyer(
    sheet: FlyerSheet,
    *,
    mark_overflow: bool = True,
    two_up: bool = False,
    beside: FlyerSheet | None = None,
) -> RenderedFlyer:
    """The flyer as PDF bytes, and the fields (by key, in print order) that did not fit.

    With `mark_overflow` the page says in a red box what does not fit (for the preview); the
    PDF for print leaves the box out. `two_up` puts two copies of an A5 handout side by side on
    an A4 landscape sheet; the other templates ignore it. `beside` is a language version to
    print as the second A5 half, both in the A5 handout layout: one sheet, two languages.
    """
    if beside is not None:
        return _two_languages(sheet, beside, mark_overflow=mark_overflow)
    register_main_fonts()
    look = Look(sheet)
    layout = lay_out(sheet, look)
    two = two_up and look.template is Template.A5_HANDOUT
    page = landscape(A4) if two else look.geometry.pagesize
    buffer = BytesIO()
    canvas = _canvas(buffer, page, sheet)
    if two:
        _halves(canvas, page, look, (layout, layout), mark_overflow=mark_overflow)
    else:
        _draw_page(canvas, layout, mark_overflow=mark_overflow)
    canvas.showPage()
    canvas.save()
    return RenderedFlyer(
        pdf=buffer.getvalue(), overflow=layout.overflow, unprintable=unprintable_fields(sheet)
    )


def _canvas(buffer: BytesIO, page: tuple[float, float], sheet: FlyerSheet) -> Canvas:
    canvas = Canvas(buffer, pagesize=page, initialFontName=REGULAR, lang="en-GB")
    canvas.setTitle(" ".join(sheet.title.split())[:200] or "Flyer")
    canvas.setSubject("Flyer")
    canvas.setAuthor("")
    canvas.setCreator("Organiser")
    canvas.setViewerPreference("DisplayDocTitle", "true")
    return canvas


def _halves(
    canvas: Canvas,
    page: tuple[float, float],
    look: Look,
    layouts: tuple[Layout, Layout],
    *,
    mark_overflow: bool,
) -> None:
    """Two A5 pages side by side on A4 landscape, with ticks where to cut."""
    half = page[0] / 2
    inset = (half - look.geometry.pagesize[0]) / 2
    for left, layout in zip((0.0, half), layouts, strict=True):
        canvas.saveState()
        canvas.translate(left + inset, 0)
        _draw_page(canvas, layout, mark_overflow=mark_overflow)
        canvas.restoreState()
    # Where to cut: short grey ticks at the middle of the top and bottom edges.
    canvas.setStrokeColor(colors.HexColor("#8A8A8A"))
    canvas.setLineWidth(0.75)
    canvas.line(half, 0, half, 14)
    canvas.line(half, page[1] - 14, half, page[1])


def _two_languages(sheet: FlyerSheet, beside: FlyerSheet, *, mark_overflow: bool) -> RenderedFlyer:
    """The English flyer and a language version, each an A5 half of one A4 landscape sheet."""
    register_main_fonts()
    a5 = Template.A5_HANDOUT.value
    sheets = (dataclasses.replace(sheet, template=a5), dataclasses.replace(beside, template=a5))
    looks = (Look(sheets[0]), Look(sheets[1]))
    layouts = (lay_out(sheets[0], looks[0]), lay_out(sheets[1], looks[1]))
    page = landscape(A4)
    buffer = BytesIO()
    canvas = _canvas(buffer, page, sheet)
    _halves(canvas, page, looks[0], layouts, mark_overflow=mark_overflow)
    canvas.showPage()
    canvas.save()
    overflow = tuple(dict.fromkeys(layouts[0].overflow + layouts[1].overflow))
    unprintable = tuple(
        dict.fromkeys(unprintable_fields(sheets[0]) + unprintable_fields(sheets[1]))
    )
    return RenderedFlyer(pdf=buffer.getvalue(), overflow=overflow, unprintable=unprintable)


def _shown(sheet: FlyerSheet, part: str) -> bool:
    """Whether a part of the flyer (and so its heading) prints: it has words."""
    if part == "booking":
        return bool(sheet.booking_text.strip() or sheet.booking_link.strip())
    value = getattr(sheet, part)
    return bool("".join(value).strip() if isinstance(value, tuple) else str(value).strip())


def unprintable_fields(sheet: FlyerSheet) -> tuple[tuple[str, str], ...]:
    """The fields (and a language version's headings) with characters no print font has,
    each with what they are in words."""
    found = []
    fields = {part: field for field, part, _english in HEADINGS}
    headings = {fields[part]: word for part, word in sheet.headings if _shown(sheet, part)}
    for key, text in {**field_texts(sheet), **headings}.items():
        missing = unprintable(text)
        if missing:
            found.append((key, describe(missing)))
    return tuple(found)
