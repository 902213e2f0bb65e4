"""Feedback figures against worked examples: the FFT score, distributions, demand, themes and
the consent rule for quotes."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from organiser.core.db import Store
from organiser.core.errors import ValidationError
from organiser.core.feedback import figures, form, responses, themes
from organiser.core.feedback.form import Question
from organiser.core.feedback.kinds import FFT_SCALE, Kind, QuoteConsent, Standard

FFT = Question(1, 1, "fft", Kind.RATING.value, "Overall?", FFT_SCALE, False, 0)


def test_fft_score_worked_example() -> None:
    # 6 very good, 3 good, 1 neither, 1 poor, 1 don't know: 9 of 12 positive = 75%.
    values = ["Very good"] * 6 + ["Good"] * 3 + ["Neither good nor poor", "Poor", "Don't know"]
    share = figures.fft_share([*values, ""])  # an unanswered form does not count
    assert (share.count, share.total, share.percent) == (9, 12, 75)
    assert share.words() == "75% (9 of 12)"
    assert figures.fft_share([]).words() == "no answers yet"


def test_distribution_keeps_old_answers_after_the_choices_change() -> None:
    dist = figures.distribution(FFT, ["Very good", "Good", "Good", "Excellent", "", "Poor"])
    assert dist.counts == (
        ("Very good", 1),
        ("Good", 2),
        ("Neither good nor poor", 0),
        ("Poor", 1),
        ("Very poor", 0),
        ("Don't know", 0),
        ("Excellent (no longer on the form)", 1),
    )
    assert dist.answered == 5


def test_multiple_choice_counts_each_choice_once_per_response() -> None:
    services = Question(2, 2, "services", Kind.MULTIPLE.value, "Services?", ("A", "B"), False, 0)
    dist = figures.distribution(services, ["A\nB", "A", ""])
    assert dist.counts == (("A", 2), ("B", 1))
    assert dist.answered == 2


def _ids(store: Store, event: int) -> dict[str, int]:
    return {q.standard: q.id for q in form.list_questions(store, event) if q.standard}


def test_answers_are_checked_against_their_questions(
    store: Store, create_event: Callable[..., int]
) -> None:
    event = create_event()
    q = _ids(store, event)
    with pytest.raises(ValidationError, match="is not one of the answers"):
        responses.add_response(store, event_id=event, answers={q["fft"]: "Excellent"})
    with pytest.raises(ValidationError, match="no answers"):
        responses.add_response(store, event_id=event, answers={q["enjoyed"]: "  "})
    with pytest.raises(ValidationError, match="one answer only"):
        responses.add_response(store, event_id=event, answers={q["regular"]: ["Yes", "No"]})
    responses.add_response(store, event_id=event, answers={q["fft"]: "very GOOD"})
    (row,) = responses.list_responses(store, event)
    assert row.answers == {q["fft"]: "Very good"}


def test_a_response_links_to_a_booking_only_with_contact_consent(
    store: Store, create_event: Callable[..., int], add_booking: Callable[..., int]
) -> None:
    event = create_event()
    booking = add_booking(event)
    q = _ids(store, event)
    with pytest.raises(ValidationError, match="agreed to be contacted"):
        responses.add_response(
            store, event_id=event, answers={q["fft"]: "Good"}, booking_id=booking
        )
    responses.add_response(
        store,
        event_id=event,
        answers={q["fft"]: "Good", q["contact_consent"]: "Yes"},
        booking_id=booking,
    )
    assert responses.list_responses(store, event)[0].booking_id == booking


def test_figures_use_check_in_for_the_response_rate_and_count_demand(
    store: Store, create_event: Callable[..., int], add_booking: Callable[..., int]
) -> None:
    event = create_event(attendance=40)
    q = _ids(store, event)
    for fft, regular in (("Very good", "Yes"), ("Good", "Maybe"), ("Poor", "Yes"), ("", "No")):
        answers = {q["regular"]: regular}
        if fft:
            answers[q["fft"]] = fft
        responses.add_response(store, event_id=event, answers=answers)
    found = figures.figures(store, event)
    assert found.responses == 4
    assert found.response_rate is not None and found.response_rate.words() == "10% (4 of 40)"
    assert found.attendance_source == "the attendance in Details"
    assert found.fft.words() == "67% (2 of 3)"
    assert (found.regular.count, found.regular_maybe.count, found.regular.total) == (2, 1, 4)
    add_booking(event, adults=3, status="Attended")
    add_booking(event, name="Callum Reid", adults=5, status="Attended")
    stands = figures.figures(store, event)  # the Details figure is the one organisers stand by
    assert stands.attendance == 40 and stands.attendance_source == "the attendance in Details"
    from organiser.core.events.service import update_event
    from organiser.core.planning.service import budget

    update_event(store, event_id=event, values={"attendance": None})
    checked_in = figures.figures(store, event)
    assert checked_in.attendance == 8 and checked_in.attendance_source == "check-in"
    assert budget(store, event).attendance == 8  # the Budget page counts the same people
    assert checked_in.response_rate is not None and checked_in.response_rate.words() == (
        "50% (4 of 8)"
    )
    add_booking(event, name="Grace Mbeki", adults=1, status="Booked")
    for _ in range(6):
        responses.add_response(store, event_id=event, answers={q["regular"]: "Yes"})
    over = figures.figures(store, event)
    assert over.response_rate is None
    assert "More responses (10) than people recorded as coming (8" in "\n".join(over.lines())


def test_editing_the_form_after_responses_keeps_old_answers(
    store: Store, create_event: Callable[..., int]
) -> None:
    event = create_event()
    q = _ids(store, event)
    added = form.add_question(
        store,
        event_id=event,
        values={"text": "How was the room?", "kind": "Single choice", "choices": "Warm\nCold"},
    )
    room = added.created_id
    assert room is not None
    responses.add_response(store, event_id=event, answers={room: "Cold", q["fft"]: "Good"})
    with pytest.raises(ValidationError, match="kind stays"):
        form.update_question(store, question_id=room, values={"kind": "Free text"})
    form.update_question(store, question_id=room, values={"choices": "Warm\nJust right"})
    form.remove_question(store, question_id=room)
    assert room not in {x.id for x in form.list_questions(store, event)}
    dist = next(d for d in figures.figures(store, event).distributions if d.question_id == room)
    assert dict(dist.counts)["Cold (no longer on the form)"] == 1


def test_theme_counts_and_the_consent_rule(store: Store, demo_event: int) -> None:
    counts = {t.name: t.answers for t in themes.list_themes(store, demo_event)}
    assert counts["Social connection"] == 3 and counts["Refreshments"] == 1
    printed = themes.quotes(store, demo_event, for_print=True)
    texts = [quote.text for quote in printed]
    assert "Knowing the creche staff were qualified." not in texts  # starred, no consent
    assert all(quote.starred and quote.consent != QuoteConsent.NO.value for quote in printed)
    assert ("Amara", "An hour that was just for me, and the baby was happy next door.") in [
        (quote.attribution, quote.text) for quote in printed
    ]
    everything = themes.quotes(store, demo_event, for_print=False)
    unconsented = [quote for quote in everything if not quote.printable]
    assert unconsented and all(not quote.attribution for quote in unconsented)


def test_demo_figures(store: Store, demo_event: int) -> None:
    found = figures.figures(store, demo_event)
    assert found.responses == 20
    assert found.fft.words() == "85% (17 of 20)"
    assert found.regular.words() == "75% (15 of 20)"
    assert dict(found.services)["Stretch Together"] == 7
    assert Standard.QUOTE.value not in {d.question for d in found.distributions}


def test_the_overview_gives_the_feedback_in_a_line(
    store: Store, demo_event: int, create_event: Callable[..., int]
) -> None:
    import datetime as dt

    from organiser.core.planning.overview import overview

    today = dt.date.today()
    texts = [line.text for line in overview(store, demo_event, today=today)]
    assert "Feedback: 20 responses; 85% rated it good or very good" in texts
    past = create_event(date=today - dt.timedelta(days=2))
    lines = overview(store, past, today=today)
    todo = next(line for line in lines if line.page == "feedback")
    assert todo.text == "Enter the feedback forms" and todo.attention


def test_editing_one_answer_leaves_answers_to_reworded_choices_alone(
    store: Store, create_event: Callable[..., int]
) -> None:
    event = create_event()
    q = _ids(store, event)
    room = form.add_question(
        store,
        event_id=event,
        values={"text": "The room?", "kind": "Single choice", "choices": "Warm\nCold"},
    ).created_id
    assert room is not None
    q["regular"] = room
    made = responses.add_response(
        store, event_id=event, answers={room: "Cold", q["enjoyed"]: "The stretchs"}
    )
    assert made.created_id is not None
    form.update_question(store, question_id=room, values={"choices": "Warm\nChilly"})
    edit = responses.update_response(
        store, response_id=made.created_id, answers={q["enjoyed"]: "The stretches"}
    )
    (row,) = responses.list_responses(store, event)
    assert row.answers[q["regular"]] == "Cold"  # kept in the words it was given
    assert row.answers[q["enjoyed"]] == "The stretches"
    responses.update_response(store, response_id=made.created_id, **edit.previous)
    assert responses.list_responses(store, event)[0].answers[q["enjoyed"]] == "The stretchs"


def test_names_and_contacts_are_kept_only_with_consent(
    store: Store, create_event: Callable[..., int], add_booking: Callable[..., int]
) -> None:
    event = create_event()
    q = _ids(store, event)
    responses.add_response(
        store,
        event_id=event,
        answers={
            q["enjoyed"]: "Everything",
            q["quote"]: QuoteConsent.ANONYMOUS.value,
            q["first_name"]: "Amara",
            q["contact_consent"]: "No",
            q["contact"]: "amara@example.org",
        },
    )
    (row,) = responses.list_responses(store, event)
    assert q["first_name"] not in row.answers and q["contact"] not in row.answers
    booking = add_booking(event)
    linked = responses.add_response(
        store,
        event_id=event,
        answers={q["contact_consent"]: "Yes", q["contact"]: "07700 900 412"},
        booking_id=booking,
    )
    assert linked.created_id is not None
    withdrawn = responses.update_response(
        store, response_id=linked.created_id, answers={q["contact_consent"]: "No"}
    )
    after = responses.list_responses(store, event)[1]
    assert after.booking_id is None and not after.answers.get(q["contact"])
    responses.update_response(
        store,
        response_id=linked.created_id,
        answers=withdrawn.previous["answers"],
        booking_id=withdrawn.previous["booking_id"],
    )
    restored = responses.list_responses(store, event)[1]
    assert restored.booking_id == booking and restored.answers[q["contact"]] == "07700 900 412"


def test_the_scales_figures_depend_on_are_fixed_and_new_services_join_the_form(
    store: Store, create_event: Callable[..., int]
) -> None:
    from organiser.core.speakers.invitations import add_invitation
    from organiser.core.speakers.service import add_speaker

    event = create_event()
    q = _ids(store, event)
    with pytest.raises(ValidationError, match="answers are fixed"):
        form.update_question(store, question_id=q["fft"], values={"choices": "Great\nBad"})
    form.update_question(store, question_id=q["fft"], values={"text": "How was today?"})
    speaker = add_speaker(store, values={"name": "Mei Lin", "organisation": "Stretch Together"})
    assert speaker.created_id is not None
    add_invitation(store, event_id=event, values={"speaker_id": speaker.created_id})
    services = next(x for x in form.list_questions(store, event) if x.id == q["services"])
    assert services.choices == ("Stretch Together",)


def test_deleting_every_theme_keeps_them_deleted_and_undo_brings_each_back(
    store: Store, create_event: Callable[..., int]
) -> None:
    event = create_event()
    saved = [
        themes.delete_theme(store, theme_id=t.id).snapshot for t in themes.list_themes(store, event)
    ]
    assert themes.list_themes(store, event) == []
    for snapshot in reversed(saved):
        assert snapshot is not None
        themes.restore_theme(store, saved=snapshot)
    assert len(themes.list_themes(store, event)) == 6
