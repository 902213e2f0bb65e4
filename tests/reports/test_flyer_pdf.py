"""The flyer PDF in each template, parsed back with pypdf: page size, words, type sizes, what does
not fit, a damaged image and the booking QR code."""

from __future__ import annotations

import dataclasses
import io
from typing import Any

import pytest
from PIL import Image
from pypdf import PdfReader

from organiser.core.db import Store
from organiser.core.flyer import service
from organiser.core.flyer.documents import FlyerSheet, RenderedFlyer
from organiser.core.flyer.kinds import Placement, Template
from organiser.reports.flyer import render_flyer
from organiser.reports.flyer_art import qr_value
from tests.reports.pictures import first_page, qr_decoder

A4 = (595, 842)
A5 = (420, 595)
A4_LANDSCAPE = (842, 595)
LINK = "https://example.org/move-breathe"
NAMES = ("Zoë Marsh, Parent volunteer", "Łucja Nowak", "Nguyễn Thị Lan", "Siobhán Kelly")


def sheet(**changes: Any) -> FlyerSheet:
    """A complete flyer, built directly (no database), with `changes` applied."""
    base = FlyerSheet(
        template=Template.A4_POSTER.value,
        title="Coffee and a chat for new parents",
        strapline="Meet other parents over coffee. Babies welcome.",
        when_text="Saturday 6 March 2027, 10am to 12 noon",
        venue_text="Harbourside Family Centre, 14 Marine Parade",
        expect=("A warm welcome", "Coffee and pastries", "Time to talk"),
        hear_from=NAMES,
        creche_text="Free creche for under-fives",
        refreshments_text="Free refreshments",
        cost_text="Free",
        access_text="Step-free access, Accessible toilet",
        booking_text="To book, call Łucja on 01702 555 014",
        booking_link=LINK,
        credit_line="Funded by the Community wellbeing grant",
        image=None,
        image_placement=Placement.NONE.value,
        text_colour="#1A1A1A",
        background_colour="#FFFFFF",
        accent_colour="#0B4F6C",
        body_size=14,
        heading_size=34,
        alignment="Left",
    )
    return dataclasses.replace(base, **changes)


def read(rendered: RenderedFlyer) -> PdfReader:
    return PdfReader(io.BytesIO(rendered.pdf))


def text_of(reader: PdfReader) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def size_of(reader: PdfReader) -> tuple[int, int]:
    (page,) = reader.pages
    return round(float(page.mediabox.width)), round(float(page.mediabox.height))


def runs(reader: PdfReader) -> list[tuple[str, str, float, float]]:
    """(text, font, size in points, x) of every piece of text on the first page."""
    found: list[tuple[str, str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if text.strip() and font is not None:
            x = tm[4] * cm[0] + cm[4]
            found.append((text.strip(), str(font["/BaseFont"]), abs(size * tm[3] * cm[3]), x))

    reader.pages[0].extract_text(visitor_text=visit)
    return found


def picture(kind: str = "PNG") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (400, 200), "#7FB7BE").save(out, kind)
    return out.getvalue()


@pytest.mark.parametrize(
    ("template", "size"),
    [(Template.A4_POSTER, A4), (Template.A5_HANDOUT, A5), (Template.LARGE_PRINT, A4)],
)
def test_each_template_has_its_page_size(
    store: Store, demo_event: int, template: Template, size: tuple[int, int]
) -> None:
    reader = read(render_flyer(service.flyer_sheet(store, demo_event, template=template.value)))
    assert size_of(reader) == size
    text = text_of(reader)
    assert "Move, Breathe and Connect: a Pilates and wellbeing morning" in text
    assert reader.metadata is not None
    assert reader.metadata.title == "Move, Breathe and Connect: a Pilates and wellbeing morning"


def test_two_up_puts_two_a5_copies_on_a4_landscape(store: Store, demo_event: int) -> None:
    a5 = service.flyer_sheet(store, demo_event, template=Template.A5_HANDOUT.value)
    reader = read(render_flyer(a5, two_up=True))
    assert size_of(reader) == A4_LANDSCAPE
    assert text_of(reader).count("Move, Breathe and Connect") == 2
    # Only the A5 handout goes two to a sheet.
    a4 = service.flyer_sheet(store, demo_event, template=Template.A4_POSTER.value)
    assert size_of(read(render_flyer(a4, two_up=True))) == A4


def test_the_demo_poster_prints_every_field_in_order(store: Store, demo_event: int) -> None:
    demo = service.flyer_sheet(store, demo_event)
    rendered = render_flyer(demo)
    assert rendered.overflow == ()
    text = text_of(read(rendered))
    in_order = [
        "Move, Breathe and Connect",
        "A relaxed morning",
        demo.when_text,
        "Harbourside Family Centre",
        "What to expect",
        "Gentle Pilates for every body",
        "Hear from",
        "Siobhán Kelly, Perinatal Mental Health Team",
        "Free creche for children aged 5",
        "Free refreshments",
        "Cost Free",
        "Step-free access",
        "How to book",
        "To book: Łucja Nowak",
        LINK,
        "Funded by Community wellbeing grant",
    ]
    positions = [text.index(words) for words in in_order]
    assert positions == sorted(positions)
    assert "Does not fit" not in text


def test_accented_names_and_other_scripts_print_intact(store: Store, demo_event: int) -> None:
    values = {"hear_from": "\n".join(NAMES), "title": "Zoë and Łucja's morning"}
    rendered = render_flyer(service.flyer_sheet(store, demo_event, values=values))
    text = text_of(read(rendered))
    assert "Zoë and Łucja's morning" in text
    for name in ("Zoë Marsh", "Łucja Nowak", "Nguyễn Thị Lan", "Siobhán Kelly"):
        assert name in text
    # Cyrillic comes from the fallback font rather than printing as empty boxes.
    reader = read(render_flyer(sheet(hear_from=("Оксана Петренко",))))
    assert "Оксана Петренко" in text_of(reader)
    assert any("NotoSans" in font for _t, font, _s, _x in runs(reader))


@pytest.mark.parametrize("template", list(Template))
def test_clear_print_no_italics_no_helvetica_and_12_pt_at_least(template: Template) -> None:
    pieces = runs(read(render_flyer(sheet(template=template.value), mark_overflow=False)))
    assert min(size for _t, _f, size, _x in pieces) >= 12
    assert not any("Italic" in font or "Helvetica" in font for _t, font, _s, _x in pieces)


def test_large_print_body_is_16_pt_or_more_even_when_the_theme_asks_for_less(
    store: Store, demo_event: int
) -> None:
    for body in (12, 14, 18):
        values = {"body_size": body}
        large = service.flyer_sheet(
            store, demo_event, template=Template.LARGE_PRINT.value, values=values
        )
        pieces = runs(read(render_flyer(large, mark_overflow=False)))
        assert min(size for _t, _f, size, _x in pieces) >= max(16, body)
    # The poster prints the body at the theme's size.
    sizes = {s for t, _f, s, _x in runs(read(render_flyer(sheet()))) if t.startswith("Free")}
    assert sizes == {14}


def test_a_2000_character_strapline_is_named_and_marked_and_the_rest_prints(
    store: Store, demo_event: int
) -> None:
    long = ("Come along and move with us. " * 80)[:2000]
    long_sheet = service.flyer_sheet(store, demo_event, values={"strapline": long})
    preview = render_flyer(long_sheet)
    assert "strapline" in preview.overflow
    text = text_of(read(preview))
    assert "Does not fit: strapline" in text
    assert "Come along and move" not in text, "left out whole, not cut mid-word"
    # The essentials keep their place.
    for words in ("Move, Breathe and Connect", long_sheet.when_text, "Harbourside", "Free"):
        assert words in text
    printed = render_flyer(long_sheet, mark_overflow=False)
    assert printed.overflow == preview.overflow
    assert "Does not fit" not in text_of(read(printed))


def test_forty_lines_of_what_to_expect_are_named_and_marked() -> None:
    many = tuple(f"Something good number {n}" for n in range(1, 41))
    preview = render_flyer(sheet(expect=many))
    assert preview.overflow == ("expect",)
    text = text_of(read(preview))
    assert "Does not fit: what to expect" in text
    assert "Hear from" in text and "Nguyễn Thị Lan" in text
    printed = render_flyer(sheet(expect=many), mark_overflow=False)
    assert printed.overflow == ("expect",)
    assert "Does not fit" not in text_of(read(printed))


def test_a_million_characters_are_named_without_being_set_in_type() -> None:
    rendered = render_flyer(sheet(access_text="step-free " * 100_000, strapline="x" * 1_000_000))
    assert rendered.overflow == ("strapline", "access_text")
    assert "Does not fit: strapline, access" in text_of(read(rendered))


def test_everything_overflowing_still_shows_one_line_of_marker() -> None:
    huge = sheet(title="A very long title " * 40, heading_size=200, body_size=72)
    rendered = render_flyer(huge)
    assert "title" in rendered.overflow
    text = text_of(read(rendered))
    assert "Does not fit: title" in text


def test_an_empty_sheet_renders_a_blank_page() -> None:
    empty = {key: "" for key in ("title", "strapline", "when_text", "venue_text")}
    rendered = render_flyer(sheet(**empty, expect=(), hear_from=(), booking_link=""))
    assert size_of(read(rendered)) == A4


@pytest.mark.parametrize(
    "placement", [Placement.TOP, Placement.BOTTOM, Placement.BEHIND], ids=lambda p: p.name
)
def test_a_corrupt_image_leaves_a_framed_note_instead_of_crashing(placement: Placement) -> None:
    broken = picture()[:60] + b"not the rest of a picture" * 10
    rendered = render_flyer(sheet(image=broken, image_placement=placement.value))
    assert "Image could not be read" in text_of(read(rendered))


@pytest.mark.parametrize("kind", ["PNG", "JPEG"])
@pytest.mark.parametrize(
    "placement", [Placement.TOP, Placement.BOTTOM, Placement.BEHIND], ids=lambda p: p.name
)
def test_an_image_is_drawn_where_it_is_placed(kind: str, placement: Placement) -> None:
    rendered = render_flyer(sheet(image=picture(kind), image_placement=placement.value))
    reader = read(rendered)
    (page,) = reader.pages
    images = list(page.images)
    assert len(images) == 1
    assert "Image could not be read" not in text_of(reader)


def test_centred_alignment_is_obeyed() -> None:
    def x_of(alignment: str, words: str) -> float:
        pieces = runs(read(render_flyer(sheet(alignment=alignment))))
        return min(x for text, _f, _s, x in pieces if text.startswith(words))

    margin = x_of("Left", "Meet other parents")
    assert margin == pytest.approx(x_of("Left", "Coffee and a chat"))
    assert x_of("Centred", "Meet other parents") > margin + 20


def test_qr_code_holds_a_link_or_a_phone_number() -> None:
    assert qr_value(LINK) == LINK
    assert qr_value("01702 555 014") == "tel:01702555014"
    assert qr_value("+44 (0)1702 555-014") == "tel:+4401702555014"


def test_a_link_too_long_for_a_qr_code_is_named() -> None:
    link = "https://example.org/" + "a" * 3500
    rendered = render_flyer(sheet(booking_link=link, booking_text=""))
    assert "booking_link" in rendered.overflow


@pytest.mark.parametrize("link", [LINK, "01702 555 014"])
def test_the_qr_code_decodes_to_the_link(qapp: Any, link: str) -> None:
    decode = qr_decoder()
    rendered = render_flyer(sheet(booking_link=link))
    image = first_page(rendered.pdf, (1240, 1754)).convert("RGB")  # A4 at 150 dpi
    assert qr_value(link) in decode(image)
