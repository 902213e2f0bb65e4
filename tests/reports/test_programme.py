"""The printed programme, parsed back with pypdf, and the font fallback behind it."""

from __future__ import annotations

import io
from typing import Any

import pytest
from pypdf import PdfReader

from organiser.core.db import Store
from organiser.core.planning.documents import ProgrammeLine, ProgrammeSheet
from organiser.core.planning.service import programme_sheet
from organiser.reports.fonts import BOLD, FALLBACK, REGULAR, font_runs, markup
from organiser.reports.programme import render_programme

A4_POINTS = (595.27, 841.89)
NAMES = "Zoë Łucja Siobhán Nguyễn"


def item(title: str = "Gentle Pilates", **changes: Any) -> ProgrammeLine:
    values: dict[str, Any] = {
        "start": "10:10",
        "end": "10:55",
        "title": title,
        "kind": "Physical activity",
        "lead": "Priya Shah",
        "room": "Main hall",
        "notes": "",
        "alongside": False,
        **changes,
    }
    return ProgrammeLine(**values)


def sheet(lines: tuple[ProgrammeLine, ...] = (), **changes: Any) -> ProgrammeSheet:
    values: dict[str, Any] = {
        "title": "Pilates and wellbeing morning",
        "date": "Saturday 14 March 2027",
        "times": "09:45 to 12:15",
        "venue": "Harbourside Family Centre",
        "venue_address": "14 Marine Parade, Seabrook-on-Sea, SB1 4QT",
        "access": ("Step-free access", "Baby change"),
        "lines": lines,
        "total": "2 h 30 min",
        "booking_contact": "Family Engagement Team, 01702 555 014",
        **changes,
    }
    return ProgrammeSheet(**values)


def read(document: ProgrammeSheet) -> PdfReader:
    return PdfReader(io.BytesIO(render_programme(document)))


def page_text(reader: PdfReader, index: int) -> str:
    # Table cells wrap, so compare text with its line breaks folded into single spaces.
    return " ".join(reader.pages[index].extract_text().split())


def all_text(reader: PdfReader) -> str:
    return " ".join(page_text(reader, i) for i in range(len(reader.pages)))


def base_fonts(reader: PdfReader) -> set[str]:
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert "/FontFile2" in font["/FontDescriptor"], f"{font['/BaseFont']} not embedded"
            # Subset fonts are named "AAAAAA+Family-Style".
            names.add(str(font["/BaseFont"]).split("+")[-1])
    return names


def test_every_page_is_a4() -> None:
    reader = read(sheet(tuple(item(f"Item {n}") for n in range(40))))
    assert len(reader.pages) > 1
    for page in reader.pages:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert size == pytest.approx(A4_POINTS, abs=1)


def test_shows_the_event_and_its_running_order() -> None:
    lines = (
        item("Arrival and settling in", start="09:45", end="10:00", lead="Dev Okafor"),
        item("Creche", start="10:00", end="12:15", room="Garden room", alongside=True),
        item("Gentle Pilates", notes="Mats provided. Chairs for anyone who prefers to sit."),
    )
    reader = read(sheet(lines))
    text = all_text(reader)
    for expected in (
        "Pilates and wellbeing morning",
        "Saturday 14 March 2027, 09:45 to 12:15",
        "Harbourside Family Centre",
        "14 Marine Parade, Seabrook-on-Sea, SB1 4QT",
        "Step-free access",
        "Time Item Lead Room",
        "09:45–10:00 Arrival and settling in Dev Okafor Main hall",
        "10:00–12:15 Creche (runs alongside)",
        "Garden room",
        "10:10–10:55 Gentle Pilates",
        "Mats provided. Chairs for anyone who prefers to sit.",
        "Total length: 2 h 30 min",
        "Family Engagement Team, 01702 555 014",
        "Page 1 of 1",
    ):
        assert expected in text
    assert text.count("(runs alongside)") == 1
    assert reader.metadata is not None
    assert reader.metadata.title == "Programme: Pilates and wellbeing morning"


def test_all_text_is_clear_print_size() -> None:
    sizes: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if text.strip():
            sizes.append(abs(size * tm[3] * cm[3]))

    reader = read(sheet((item(notes="Bring a water bottle."),)))
    reader.pages[0].extract_text(visitor_text=visit)
    assert sizes
    assert min(sizes) >= 12
    # Body text at the recommended 14 pt, not just the minimum.
    assert 14 in sizes


def test_accented_names_print_and_extract_correctly() -> None:
    reader = read(sheet((item(lead=NAMES),), title=f"Coffee morning with {NAMES}"))
    text = all_text(reader)
    assert f"Coffee morning with {NAMES}" in text
    assert text.count(NAMES) == 2


def test_fonts_are_atkinson_with_noto_only_where_needed() -> None:
    latin = base_fonts(read(sheet((item(lead="Zoë Łucja Siobhán"),))))
    assert latin == {"AtkinsonHyperlegible-Regular", "AtkinsonHyperlegible-Bold"}

    vietnamese = base_fonts(read(sheet((item(lead=NAMES),))))
    assert vietnamese == latin | {"NotoSans-Regular"}


def test_long_programme_flows_onto_more_pages_with_the_header_repeated() -> None:
    lines = tuple(item(f"Session number {n}", notes="A short note.") for n in range(1, 61))
    reader = read(sheet(lines))
    pages = len(reader.pages)
    assert pages > 1
    assert f"Page 2 of {pages}" in page_text(reader, 1)
    text = all_text(reader)
    for n in range(1, 61):
        assert text.count(f"Session number {n} ") == 1
    for index in range(1, pages - 1):
        assert page_text(reader, index).startswith("Time Item Lead Room")


def test_empty_programme_says_so() -> None:
    text = all_text(read(sheet()))
    assert "No programme items yet." in text
    assert "Time Item Lead Room" not in text


def test_blank_event_still_prints() -> None:
    blank = ProgrammeSheet("", "", "", "", "", (), (), "", "")
    text = all_text(read(blank))
    assert "Venue to be confirmed" in text
    assert "Total length" not in text


def test_any_script_and_markup_characters_print_without_crashing() -> None:
    lines = (
        item("Coffee ☕ and cake 🎂", lead="مرحبا بكم", room="Привет Ωμέγα"),
        item("Tea & <b>biscuits</b>", notes="Line one\nLine two\x00 with a NUL"),
    )
    text = all_text(read(sheet(lines, booking_contact="👩‍👧 שלום")))
    assert "Привет Ωμέγα" in text
    assert "Tea & <b>biscuits</b>" in text
    assert "Line one Line two with a NUL" in text


def test_huge_notes_are_shortened_for_print() -> None:
    reader = read(sheet((item(notes="word " * 200_000),)))
    assert "(shortened for print)" in all_text(reader)
    assert len(reader.pages) <= 2


def test_demo_event_programme(store: Store, demo_event: int) -> None:
    text = all_text(read(programme_sheet(store, demo_event)))
    assert "Gentle Pilates for every body" in text
    assert "Creche (Ofsted-registered staff) (runs alongside)" in text
    assert "Harbourside Family Centre" in text


def test_font_runs_split_by_glyph_coverage() -> None:
    assert font_runs(NAMES) == [
        (REGULAR, "Zoë Łucja Siobhán Nguy"),
        (FALLBACK, "ễ"),
        (REGULAR, "n"),
    ]
    assert font_runs("Łucja", BOLD) == [(BOLD, "Łucja")]
    # Spaces stay in the run they are in rather than switching font.
    assert font_runs("Привет мир") == [(FALLBACK, "Привет мир")]
    # A decomposed ễ (e + two combining marks) becomes one character and one run.
    assert font_runs("Nguye\u0302\u0303n") == font_runs("Nguyễn")
    # Glyphs no font has fall to the fallback instead of raising.
    assert font_runs("hi 😀") == [(REGULAR, "hi "), (FALLBACK, "😀")]
    assert font_runs("a\x00b\ud800c") == [(REGULAR, "abc")]
    assert font_runs("") == []


def test_markup_escapes_and_names_each_run() -> None:
    assert markup("Tea & <cake>") == f'<font name="{REGULAR}">Tea &amp; &lt;cake&gt;</font>'
    assert markup("Zoë\nNguyễn") == (
        f'<font name="{REGULAR}">Zoë<br/>Nguy</font>'
        f'<font name="{FALLBACK}">ễ</font><font name="{REGULAR}">n</font>'
    )
