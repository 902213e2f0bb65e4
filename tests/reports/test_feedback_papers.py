"""The paper feedback form and the feedback summary, built from a real database and parsed back
with pypdf; above all the consent rule: an answer reaches print only when starred and its
writer agreed to be quoted."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from typing import Any

from pypdf import PdfReader

from organiser.core.db import Store
from organiser.core.events import service as events
from organiser.core.feedback import form, responses
from organiser.core.feedback.kinds import QuoteConsent, Standard
from organiser.core.feedback.printing import paper_form_sheet, summary_sheet
from organiser.reports.feedback_form import render_feedback_form
from organiser.reports.feedback_summary import render_feedback_summary

A4_POINTS = (595, 842)
SIX_MM = 6 / 25.4 * 72
CONSENTED = {
    "An hour that was just for me, and the baby was happy next door.": "Amara",
    "Meeting other mums who also find the mornings hard.": "A parent at the session",
    "Relaxing breathing at the end.": "Hannah",
    "It felt made by parents, for parents.": "A parent at the session",
}
# Starred, but its writer said No to being quoted.
UNCONSENTED = "Knowing the creche staff were qualified."
# Consented but never starred, and a "what could be better" answer: neither is for print.
UNSTARRED = ("Pastries and proper coffee!", "The room was a bit cold at first.")


def read(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def text_of(reader: PdfReader) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def runs(reader: PdfReader) -> list[tuple[str, str, float]]:
    """(text, font name, size in points) of every piece of text on every page."""
    found: list[tuple[str, str, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if text.strip() and font is not None:
            found.append((text.strip(), str(font["/BaseFont"]), abs(size * tm[3] * cm[3])))

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    return found


def assert_clear_print(reader: PdfReader) -> None:
    pieces = runs(reader)
    assert min(size for _t, _f, size in pieces) >= 12
    assert not any("Italic" in font or "Helvetica" in font for _t, font, _s in pieces)
    assert {
        (round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages
    } == {A4_POINTS}


def boxes(reader: PdfReader) -> list[tuple[float, float]]:
    """The size of every stroked square drawn on the form's pages (the tick boxes)."""
    found = []
    for page in reader.pages:
        stream = page.get_contents().get_data().decode("latin-1")
        for w, h in re.findall(r"[\d.-]+ [\d.-]+ ([\d.]+) ([\d.]+) re S", stream):
            if w == h:
                found.append((float(w), float(h)))
    return found


def summary(store: Store, event_id: int) -> PdfReader:
    return read(render_feedback_summary(summary_sheet(store, event_id)))


def paper_form(store: Store, event_id: int, link: str = "") -> PdfReader:
    return read(render_feedback_form(paper_form_sheet(store, event_id, link=link)))


def test_the_summary_prints_only_starred_quotes_whose_writers_agreed(
    store: Store, demo_event: int
) -> None:
    reader = summary(store, demo_event)
    text = text_of(reader)
    for quote, attribution in CONSENTED.items():
        assert f"“{quote}” {attribution}, answering “What did you enjoy most?”" in text
    assert UNCONSENTED not in text
    assert "creche staff were qualified" not in text
    for answer in UNSTARRED:
        assert answer not in text
    assert_clear_print(reader)


def test_the_summary_gives_the_figures_in_words_and_the_charts_as_vectors(
    store: Store, demo_event: int
) -> None:
    reader = summary(store, demo_event)
    text = text_of(reader)
    assert "Responses 20" in text
    assert "85% (17 of 20) rated their experience good or very good" in text
    assert "75% (15 of 20) said yes, and 4 said maybe" in text
    assert "Response rate Not known yet" in text
    # The FFT chart: every choice with its count and share, drawn (not pasted as a picture).
    assert "Very good 12 (60%)" in text or ("Very good" in text and "12 (60%)" in text)
    assert "0 (0%)" in text
    assert "18 people answered, and could tick more than one" in text
    assert "Stretch Together" in text and "7 (39%)" in text
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        assert "/XObject" not in resources  # no images: the charts are vectors
    # Themes with their counts, and how many responses the figures rest on.
    assert "Social connection 3 answers" in text
    assert "Refreshments 1 answer" in text
    assert "Based on 20 feedback responses (Paper form: 20)" in text
    assert "Feedback summary: 20 responses" in text
    assert "Page 1 of" in text


def test_the_response_rate_says_where_attendance_came_from(store: Store, demo_event: int) -> None:
    events.update_event(store, event_id=demo_event, values={"attendance": 25})
    text = text_of(summary(store, demo_event))
    assert "80% (20 of 25) of those who came (from the attendance entered in Details)" in text


def test_an_accented_first_name_survives_into_the_summary(
    store: Store, create_event: Callable[..., int]
) -> None:
    event = create_event(title="Łucja’s coffee morning")
    q = {x.standard: x.id for x in form.list_questions(store, event) if x.standard}
    responses.add_response(
        store,
        event_id=event,
        answers={
            q[Standard.FFT]: "Very good",
            q[Standard.ENJOYED]: "Siobhán’s stretches and Nguyễn’s bánh mì",
            q[Standard.QUOTE]: QuoteConsent.FIRST_NAME.value,
            q[Standard.FIRST_NAME]: "Zoë",
        },
    )
    row = responses.list_responses(store, event)[0]
    responses.set_starred(store, answer_id=row.answer_ids[q[Standard.ENJOYED]], starred=True)
    reader = summary(store, event)
    text = text_of(reader)
    assert "Łucja’s coffee morning" in text
    assert "“Siobhán’s stretches and Nguyễn’s bánh mì” Zoë" in text
    assert "100% (1 of 1)" in text
    assert_clear_print(reader)


def test_a_summary_with_no_responses_says_so(
    store: Store, create_event: Callable[..., int]
) -> None:
    reader = summary(store, create_event())
    text = text_of(reader)
    assert "Responses 0" in text
    assert "No answers yet." in text
    assert "No quotes are starred for reports yet" in text
    assert "No feedback responses have been entered yet." in text
    assert "Feedback summary: 0 responses" in text


def test_the_paper_form_has_every_question_and_a_big_box_for_every_choice(
    store: Store, demo_event: int
) -> None:
    reader = paper_form(store, demo_event)
    assert len(reader.pages) == 1
    text = text_of(reader)
    questions = form.list_questions(store, demo_event)
    for number, question in enumerate(questions, start=1):
        assert f"{number}. {question.text}" in text
        for choice in question.choices:
            assert choice in text
    assert "Tick all that apply." in text
    assert "We only ever print your words if you say yes" in text
    assert "We will only use your details to tell you about future sessions." in text
    assert "Move, Breathe and Connect" in text
    assert "Or fill it in online" not in text  # no QR code unless a link is given
    found = boxes(reader)
    assert len(found) == sum(len(q.choices) for q in questions)
    assert min(side for side, _ in found) >= SIX_MM
    assert_clear_print(reader)


def test_an_archived_question_is_not_on_the_form_and_a_new_one_is(
    store: Store, demo_event: int
) -> None:
    heard = next(q for q in form.list_questions(store, demo_event) if q.standard == "heard")
    form.remove_question(store, question_id=heard.id)
    form.add_question(
        store,
        event_id=demo_event,
        values={
            "text": "Which group would you join?",
            "kind": "Single choice",
            "choices": "Zoë’s buggy walk\nŁucja’s yoga\nNguyễn’s cooking club",
        },
    )
    text = text_of(paper_form(store, demo_event))
    assert heard.text not in text
    assert "Health visitor" not in text
    assert "10. Which group would you join?" in text
    for choice in ("Zoë’s buggy walk", "Łucja’s yoga", "Nguyễn’s cooking club"):
        assert choice in text


def test_a_long_form_takes_a_second_page_without_splitting_a_question(
    store: Store, demo_event: int
) -> None:
    for number in range(3):
        form.add_question(
            store,
            event_id=demo_event,
            values={"text": f"Extra question {number + 1}: what else should we know?"},
        )
    reader = paper_form(store, demo_event)
    assert len(reader.pages) == 2
    text = text_of(reader)
    assert "13. Extra question 3: what else should we know?" in text
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    # Each question's choices are on the page that asks it.
    for number, question in enumerate(form.list_questions(store, demo_event), start=1):
        page = next(p for p in pages if f"{number}. {question.text}" in p)
        assert all(choice in page for choice in question.choices)
    # With two pages anyway, the form is set at full size: 14 pt and 7 mm boxes.
    assert max(side for side, _ in boxes(reader)) == 20
    assert {round(size) for _t, _f, size in runs(reader) if _t == "Tick one."} == {14}
    assert_clear_print(reader)


def test_a_link_prints_as_a_qr_code(store: Store, demo_event: int) -> None:
    reader = paper_form(store, demo_event, link="https://forms.example.org/harbourside")
    text = text_of(reader)
    assert "Or fill it in online: scan this code." in text
    assert "1. Overall, how was your experience of our service?" in text
    stream = reader.pages[0].get_contents().get_data().decode("latin-1")
    assert stream.count(" re") > 100  # the code's dark modules, one rectangle per run
