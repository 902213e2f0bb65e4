"""Flyer templates, image placements and sign-off decisions: plain names the UI may import."""

from __future__ import annotations

import enum


class Template(enum.StrEnum):
    """A flyer layout; the value is its command-line name."""

    A4_POSTER = "a4-poster"
    A5_HANDOUT = "a5-handout"
    LARGE_PRINT = "large-print"


TEMPLATE_NAMES = {
    Template.A4_POSTER: "A4 poster",
    Template.A5_HANDOUT: "A5 handout (two to an A4 sheet)",
    Template.LARGE_PRINT: "Large print (A4, 16 pt and up)",
}
# The smallest body size each template allows (large print: RNIB's 16 pt).
MIN_BODY = {Template.A4_POSTER: 12, Template.A5_HANDOUT: 12, Template.LARGE_PRINT: 16}


class Placement(enum.StrEnum):
    """Where the image goes."""

    NONE = "No image"
    TOP = "Across the top"
    BOTTOM = "Across the bottom"
    BEHIND = "Behind the text"  # allowed, but the checklist says why not


class Alignment(enum.StrEnum):
    LEFT = "Left"
    CENTRE = "Centred"


class Decision(enum.StrEnum):
    """A working-group member's answer on a version."""

    APPROVED = "Approved"
    CHANGES = "Changes asked for"


# The flyer's words, in the order they print: (field, label).
TEXT_FIELDS: tuple[tuple[str, str], ...] = (
    ("title", "Title"),
    ("strapline", "Strapline"),
    ("when_text", "Date and time"),
    ("venue_text", "Venue"),
    ("expect", "What to expect"),
    ("hear_from", "Hear from"),
    ("creche_text", "Creche"),
    ("refreshments_text", "Refreshments"),
    ("cost_text", "Cost"),
    ("access_text", "Access"),
    ("booking_text", "How to book"),
    ("booking_link", "Booking link or phone (as a QR code)"),
    ("credit_line", "Funder or partner credit"),
)
THEME_FIELDS: tuple[tuple[str, str], ...] = (
    ("template", "Template"),
    ("text_colour", "Text colour"),
    ("background_colour", "Background colour"),
    ("accent_colour", "Heading colour"),
    ("body_size", "Body text size (pt)"),
    ("heading_size", "Title size (pt)"),
    ("alignment", "Body alignment"),
    ("image_placement", "Image placement"),
    ("image_id", "Image"),
)
# The headings the flyer prints above or beside its words: (a language version's field, the
# part of the flyer it heads, the English). A language version may put them in its language.
HEADINGS: tuple[tuple[str, str, str], ...] = (
    ("heading_when", "when_text", "When"),
    ("heading_where", "venue_text", "Where"),
    ("heading_expect", "expect", "What to expect"),
    ("heading_hear_from", "hear_from", "Hear from"),
    ("heading_creche", "creche_text", "Creche"),
    ("heading_refreshments", "refreshments_text", "Refreshments"),
    ("heading_cost", "cost_text", "Cost"),
    ("heading_access", "access_text", "Access"),
    ("heading_booking", "booking", "How to book"),
)
ENGLISH_HEADINGS = {part: english for _field, part, english in HEADINGS}
HEADING_FIELDS = tuple((field, f"Heading “{english}”") for field, _part, english in HEADINGS)
LABELS = dict(TEXT_FIELDS + THEME_FIELDS + HEADING_FIELDS)
CONTENT_FIELDS = tuple(k for k, _ in TEXT_FIELDS + THEME_FIELDS)
