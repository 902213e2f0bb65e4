"""Plain data for the printed flyer (no ORM, no SQLAlchemy: the reports layer imports this)."""

from __future__ import annotations

from dataclasses import dataclass

from organiser.core.flyer.kinds import ENGLISH_HEADINGS, Template


@dataclass(frozen=True)
class FlyerSheet:
    """Everything the flyer prints, and how."""

    template: str
    title: str
    strapline: str
    when_text: str
    venue_text: str
    expect: tuple[str, ...]
    hear_from: tuple[str, ...]
    creche_text: str
    refreshments_text: str
    cost_text: str
    access_text: str
    booking_text: str
    booking_link: str
    credit_line: str
    image: bytes | None
    image_placement: str
    text_colour: str
    background_colour: str
    accent_colour: str
    body_size: int
    heading_size: int
    alignment: str
    headings: tuple[tuple[str, str], ...] = ()  # a language version's: (part, its heading)

    @property
    def a5(self) -> bool:
        return self.template == Template.A5_HANDOUT.value

    def heading(self, part: str) -> str:
        """The heading of a part of the flyer ("when_text", "booking"…): the language
        version's where it has one, else the English."""
        return dict(self.headings).get(part) or ENGLISH_HEADINGS[part]


@dataclass(frozen=True)
class RenderedFlyer:
    """The PDF, the fields (by key, in print order) that did not fit on the page, and those
    with characters no print font has (key, what they are in words)."""

    pdf: bytes
    overflow: tuple[str, ...] = ()
    unprintable: tuple[tuple[str, str], ...] = ()
