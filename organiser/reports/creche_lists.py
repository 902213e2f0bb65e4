"""The booking list for the front desk and the allergy and medical card for creche staff."""

from __future__ import annotations

from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer

from organiser.core.creche.documents import AllergyCard, BookingLine, BookingSheet, NeedsLine
from organiser.core.words import plural
from organiser.reports.creche import (
    BODY_BOLD,
    child_cell,
    footer,
    grid,
    header_row,
    heading,
    needs_cell,
    nothing,
)
from organiser.reports.fonts import REGULAR, markup
from organiser.reports.pages import TEXT_LIMIT, build_pdf, fit, frame_width, para, section
from organiser.reports.styles import BODY, CELL, CELL_BOLD, INK, LIST_ITEM, NOTE
from organiser.reports.text import Paragraph

_PAGE = A4
_WIDTH = frame_width(_PAGE)
# Arrived box, name, adults, children, access needs: "Children" in bold 14 pt fits its column.
_BOOKING_COLUMNS = (62, 160, 56, 68, _WIDTH - 346)
_NEEDS_COLUMNS = (0.25, 0.37, 0.38)
# An address wider than this breaks after the @ rather than mid-word.
_CONTACT_ROOM = _NEEDS_COLUMNS[2] * _WIDTH - 10
# A box big enough to tick with a thick pen (about 7 mm).
_BOX = 20


class TickBox(Flowable):  # type: ignore[misc]
    """An empty square to tick by hand."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return _BOX, _BOX

    def draw(self) -> None:
        self.canv.setStrokeColor(INK)
        self.canv.setLineWidth(1.5)
        self.canv.rect(0, 0, _BOX, _BOX)


def _booking_row(line: BookingLine) -> list[Any]:
    # A household already marked attended says so in words rather than with a printed tick.
    arrived: Flowable = para("Yes", CELL_BOLD) if line.arrived else TickBox()
    name: list[Flowable] = [para(line.name, CELL)]
    if line.position:
        name.append(para(f"Number {line.position} on the waiting list", NOTE))
    return [
        arrived,
        name,
        para(line.adults, CELL),
        para(line.children, CELL),
        para(line.access_needs, CELL),
    ]


def _bookings_table(lines: tuple[BookingLine, ...]) -> Any:
    rows = [header_row("Arrived", "Name", "Adults", "Children", "Access needs")]
    rows += [_booking_row(line) for line in lines]
    return grid(rows, list(_BOOKING_COLUMNS), _PAGE)


def _bookings_story(sheet: BookingSheet) -> list[Flowable]:
    # The event's own times, not the creche's: the front desk greets everyone.
    story = heading("Booking list and check-in", sheet.facts, times=sheet.times)
    story += [para(sheet.places, BODY_BOLD), para(sheet.totals, BODY)]
    if sheet.waiting_total:
        story.append(para(sheet.waiting_total, BODY))
    if not sheet.booked and not sheet.waiting:
        return story + nothing(sheet.facts, "No bookings yet.")
    story += section("Booked, by name", room=120)
    if sheet.booked:
        story.append(para("Tick the box as each household arrives.", BODY))
        story.append(_bookings_table(sheet.booked))
    else:
        story.append(para("Nobody has a place yet.", BODY))
    if sheet.waiting:
        story += section("Waiting list, in order", room=120)
        story.append(para("If a place frees up, offer it to the first household that fits.", BODY))
        story.append(_bookings_table(sheet.waiting))
    return story


def render_booking_list(sheet: BookingSheet) -> bytes:
    """The booking list and check-in sheet as A4 PDF bytes."""
    title = fit(f"Booking list: {sheet.facts.event_title}", TEXT_LIMIT)
    return build_pdf(
        _bookings_story(sheet),
        pagesize=_PAGE,
        title=title,
        subject="Booking list",
        note=footer(sheet.facts),
    )


def _contact(text: str) -> str:
    local, at, domain = text.partition("@")
    if at and " " not in text and stringWidth(text, REGULAR, CELL.fontSize) > _CONTACT_ROOM:
        return f"{local}@\n{domain}"
    return text


def _contact_cell(line: NeedsLine) -> list[Flowable]:
    contact = line.contact or "No contact given: ask at the front desk"
    return [para(line.parent, CELL_BOLD), para(_contact(contact), CELL)]


def _needs_row(line: NeedsLine) -> list[Any]:
    return [
        child_cell(line.name, line.age),
        needs_cell(line.allergies, line.medical, line.dietary),
        _contact_cell(line),
    ]


def _allergy_story(card: AllergyCard) -> list[Flowable]:
    story = heading("Allergy and medical card", card.facts)
    if not card.children:
        return story + nothing(card.facts, "No children are booked into the creche yet.")
    coming = plural(card.children, "child is", "children are")
    with_needs = plural(len(card.lines), "has", "have")
    story.append(
        para(
            f"{coming} coming; {with_needs} an allergy, dietary or medical need. Check food "
            "and drinks against this card before they are given out.",
            BODY,
        )
    )
    story += section("Allergies and dietary needs, counted", room=100)
    if card.summary:
        story += [
            Paragraph(markup(fit(line, TEXT_LIMIT)), LIST_ITEM, bulletText="•")
            for line in card.summary
        ]
    else:
        story.append(para("No allergies or dietary needs are recorded.", BODY))
    if not card.lines:
        return story
    story += section("Each child’s needs and who to contact", room=140)
    rows = [header_row("Child", "Needs in full", "Who to contact")]
    rows += [_needs_row(line) for line in card.lines]
    widths = [share * _WIDTH for share in _NEEDS_COLUMNS]
    return [*story, Spacer(0, 4), grid(rows, widths, _PAGE)]


def render_allergy_card(card: AllergyCard) -> bytes:
    """The allergy and medical card as A4 PDF bytes."""
    title = fit(f"Allergy and medical card: {card.facts.event_title}", TEXT_LIMIT)
    return build_pdf(
        _allergy_story(card),
        pagesize=_PAGE,
        title=title,
        subject="Allergy and medical card",
        note=footer(card.facts, "Confidential: children’s health details"),
    )
