"""The summary report (PDF and .docx), the series report and the co-production profile chart,
built from a real database and read back: every part in order, clear print, and quotes only
where their writer agreed."""

from __future__ import annotations

import io
import re
from collections.abc import Callable

import pytest
from docx import Document
from pypdf import PdfReader

from organiser.core.coproduction import ledger, narrative
from organiser.core.coproduction.documents import HEADINGS, NOT_RECORDED, SERIES_HEADINGS
from organiser.core.coproduction.series import series_of, series_sheet
from organiser.core.coproduction.summary import profile_sheet, summary_sheet
from organiser.core.db import Store
from organiser.core.events.service import duplicate_event
from organiser.reports.charts import to_svg
from organiser.reports.profile_chart import profile_drawing
from organiser.reports.series import render_series
from organiser.reports.summary import render_summary
from organiser.reports.summary_docx import render_summary_docx

CONSENTED = {
    "An hour that was just for me, and the baby was happy next door.": "Amara",
    "Relaxing breathing at the end.": "Hannah",
    "It felt made by parents, for parents.": "A parent at the session",
}
UNCONSENTED = "Knowing the creche staff were qualified."
GAP = "Flyer and publicity: consultation"


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def fonts_and_sizes(pdf: bytes) -> list[tuple[str, float]]:
    """(font name, size in points) of every piece of text."""
    found: list[tuple[str, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip() and isinstance(font, dict):
            found.append((str(font["/BaseFont"]), abs(size * tm[3] * cm[3])))

    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return found


def in_order(text: str, parts: tuple[str, ...]) -> list[int]:
    """Where each part is found, each searched for after the one before."""
    places, start = [], 0
    for part in parts:
        start = text.index(part, start)
        places.append(start)
    return places


@pytest.fixture
def summary_pdf(store: Store, demo_event: int) -> bytes:
    return render_summary(summary_sheet(store, demo_event))


def test_every_part_is_there_in_the_case_study_order(summary_pdf: bytes) -> None:
    text = text_of(summary_pdf)
    assert text.startswith("Summary report Move, Breathe and Connect")
    places = in_order(text, HEADINGS)
    assert places == sorted(places)
    # Headings are followed by what they head: the figures after "At a glance", etc.
    assert "85% rated it good or very good (17 of 20 people who answered)" in text
    assert "85% (17 of 20) rated their experience good or very good" in text
    assert GAP in text
    assert "Not decided yet: Evaluation." in text
    assert "Doing to" in text and "Doing for" in text and "Doing with" in text
    assert "Total £448.00 £404.90" in text
    assert "What the working group chose: Regular sessions." in text
    assert "One more session like this would cost about £429.90" in text
    assert "Sign-off needs time in the plan, not just a deadline." in text


def test_only_starred_quotes_their_writers_agreed_to_print(summary_pdf: bytes) -> None:
    text = text_of(summary_pdf)
    for quote, attribution in CONSENTED.items():
        assert f"“{quote}” {attribution}" in text
    assert UNCONSENTED not in text
    assert "Pastries and proper coffee!" not in text  # consented but not starred


def test_the_report_is_a4_in_clear_print_with_page_numbers(summary_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(summary_pdf))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    pieces = fonts_and_sizes(summary_pdf)
    assert min(size for _font, size in pieces) >= 12
    assert not any(
        "Italic" in font or "Oblique" in font or "Helvetica" in font for font, _s in pieces
    )
    total = len(reader.pages)
    assert total >= 3
    assert f"Page {total} of {total}" in reader.pages[-1].extract_text()
    assert reader.metadata is not None and reader.metadata.title.startswith("Summary report: ")


def test_edited_markdown_prints_as_text(store: Store, demo_event: int) -> None:
    narrative.set_text(
        store,
        event_id=demo_event,
        section="learning",
        text="Two things we would keep:\n\n- the **creche** next door\n- coffee at the end",
    )
    text = text_of(render_summary(summary_sheet(store, demo_event)))
    assert "Two things we would keep:" in text
    assert "the creche next door" in text and "**" not in text


def test_an_event_with_nothing_recorded_still_prints(
    store: Store, create_event: Callable[..., int]
) -> None:
    event_id = create_event(title="Zoë’s idea, not yet planned")
    sheet = summary_sheet(store, event_id)
    text = text_of(render_summary(sheet))
    places = in_order(text, HEADINGS)
    assert places == sorted(places)
    assert text.count(NOT_RECORDED) >= 12
    assert "Not recorded: no feedback responses have been entered." in text
    assert "Not recorded: no costs or funding have been entered." in text
    document = Document(io.BytesIO(render_summary_docx(sheet)))
    words = "\n".join(p.text for p in document.paragraphs)
    assert "Not recorded: no feedback responses have been entered." in words


def docx_text(data: bytes) -> tuple[list[str], str]:
    """The .docx's section headings, and all its words (paragraphs and table cells)."""
    document = Document(io.BytesIO(data))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    words = [p.text for p in document.paragraphs]
    for table in document.tables:
        words += [cell.text for row in table.rows for cell in row.cells]
    return headings, "\n".join(words)


def test_the_purpose_reads_as_a_purpose_not_an_order(store: Store, demo_event: int) -> None:
    sheet = summary_sheet(store, demo_event)
    purpose = "Its purpose: “Help isolated parents feel stronger in body and mind, meet each other,"
    pdf = text_of(render_summary(sheet))
    assert f"Harbourside Family Centre. {purpose}" in pdf
    assert "Family Centre. Help isolated" not in pdf
    _headings, words = docx_text(render_summary_docx(sheet))
    assert f"Harbourside Family Centre. {purpose}" in words
    assert "shaped by a parent.”" in words


def test_the_word_document_has_the_same_parts_and_quote_rule(store: Store, demo_event: int) -> None:
    data = render_summary_docx(summary_sheet(store, demo_event))
    assert data.startswith(b"PK")
    headings, words = docx_text(data)
    assert tuple(headings) == HEADINGS
    for quote, attribution in CONSENTED.items():
        assert f"“{quote}”\n{attribution}" in words
    assert UNCONSENTED not in words
    assert GAP in words
    # The charts come as tables of their figures.
    assert "Very good\n12 (60%)" in words
    document = Document(io.BytesIO(data))
    assert document.core_properties.title.startswith("Summary report: Move, Breathe")
    assert not any(run.italic for p in document.paragraphs for run in p.runs)
    for style in {p.style.name: p.style for p in document.paragraphs}.values():
        while style is not None:  # a style is italic if it or a style it is based on says so
            assert not style.font.italic, style.name
            style = style.base_style


def test_the_series_report_lists_every_session(store: Store, demo_event: int) -> None:
    later = duplicate_event(store, event_id=demo_event).created_id
    assert later is not None
    pdf = render_series(series_sheet(store, series_of(store, later)))
    text = text_of(pdf)
    assert text.startswith("Series report Move, Breathe and Connect")
    places = in_order(text, SERIES_HEADINGS)
    assert places == sorted(places)
    assert "2 sessions" in text
    assert "Parents value time to talk more than long talks." in text
    assert "Carried to: Session 2" in text
    assert re.search(r"\d+ of \d+ households booked or came to more than one session", text)
    assert "Amara" not in text and "Siobhán" not in text


def test_the_profile_chart_draws_on_paper_and_screen(store: Store, demo_event: int) -> None:
    shape = ledger.profile(store, demo_event)
    drawing = profile_drawing(shape, width=480)
    assert drawing.width == 480 and drawing.height > 200
    svg = to_svg(drawing).decode("utf-8")
    assert "clipPath" not in svg and "clip=" not in svg  # QtSvg paints a clip as black
    for words in ("Doing to", "Doing for", "Doing with", "Not decided yet", "Co-production"):
        assert words in svg
    assert "Flyer and publicity: Consultation (doing for)" in svg  # the description
    # The printed profile (plain data) draws the same picture.
    printed = profile_sheet(shape)
    assert printed is not None
    assert to_svg(profile_drawing(printed, width=480)) == to_svg(drawing)


def test_a_profile_with_nothing_decided_says_so(
    store: Store, create_event: Callable[..., int]
) -> None:
    shape = ledger.profile(store, create_event(title="Undecided"))
    svg = to_svg(profile_drawing(shape, width=300, font_size=16)).decode("utf-8")
    assert "Not decided yet: The idea, Content" in svg


def test_markdown_becomes_word_paragraphs_and_lists(store: Store, demo_event: int) -> None:
    narrative.set_text(
        store,
        event_id=demo_event,
        section="conclusion",
        text="## In short\n\nIt **worked**.\n\n- parents came back\n- the creche was full",
    )
    document = Document(io.BytesIO(render_summary_docx(summary_sheet(store, demo_event))))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    at = paragraphs.index(("Heading 1", "Conclusion"))
    assert paragraphs[at + 1 : at + 5] == [
        ("Heading 3", "In short"),
        ("Normal", "It worked."),
        ("List Bullet", "parents came back"),
        ("List Bullet", "the creche was full"),
    ]
    worked = next(p for p in document.paragraphs if p.text == "It worked.")
    assert [(r.text, bool(r.bold)) for r in worked.runs] == [
        ("It ", False),
        ("worked", True),
        (".", False),
    ]


def test_the_word_document_takes_text_pasted_with_control_characters(
    store: Store, demo_event: int
) -> None:
    from organiser.core import crud
    from organiser.core.row_kinds import RowKind
    from organiser.reports.summary_docx import render_summary_docx

    crud.add_row(
        store,
        kind=RowKind.LESSONS,
        parent_id=demo_event,
        values={"happened": "Pasted from Word\x0bwith a line break\x07 and a bell"},
    )
    from organiser.core.coproduction.summary import summary_sheet

    data = render_summary_docx(summary_sheet(store, demo_event))
    assert data[:2] == b"PK"
