"""Counts in words: one item, two items, a thousand with its comma, children not childs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from organiser.core.db import Store
from organiser.core.planning.overview import overview
from organiser.core.words import plural


def test_one_and_many() -> None:
    assert plural(1, "item") == "1 item"
    assert plural(0, "item") == "0 items"
    assert plural(2, "child", "children") == "2 children"
    assert plural(1, "child", "children") == "1 child"
    assert plural(1200, "response") == "1,200 responses"


def test_the_overview_counts_one_programme_item_as_one_item(
    store: Store, create_event: Callable[..., int], add_item: Callable[..., int]
) -> None:
    event_id = create_event("Coffee morning")
    add_item(event_id)
    lines = [line.text for line in overview(store, event_id, today=dt.date(2026, 12, 7))]
    assert any(text.startswith("Programme: 1 item,") for text in lines), lines


def test_the_overview_counts_one_member_and_one_response_and_says_no_date_once(
    store: Store, create_event: Callable[..., int], add_member: Callable[..., int]
) -> None:
    from organiser.core.feedback import responses
    from organiser.core.feedback.form import list_questions

    event_id = create_event("Coffee morning")
    add_member(event_id)
    enjoyed = next(q.id for q in list_questions(store, event_id) if q.standard == "enjoyed")
    responses.add_response(store, event_id=event_id, answers={enjoyed: "The tea"})
    lines = [line.text for line in overview(store, event_id, today=dt.date(2026, 12, 7))]
    assert lines[0] == "Idea · No date yet", "not “No date yet · Date to be set”"
    assert "Working group: 1 member, 0 with lived experience" in lines
    assert any(text.startswith("Feedback: 1 response;") for text in lines), lines


def test_one_more_adult_or_child_than_there_are_places(
    store: Store, create_event: Callable[..., int], add_booking: Callable[..., int]
) -> None:
    from organiser.core.creche import checks, service
    from organiser.core.events import service as events

    event_id = create_event("Coffee morning")
    add_booking(event_id, adults=2, children=2)
    # Places cut after the booking was taken: one too many of each.
    events.update_event(store, event_id=event_id, values={"capacity": 1})
    service.update_creche(store, event_id=event_id, values={"places": 1})
    texts = [w.text for w in checks.review(store, event_id, today=dt.date(2026, 12, 7)).warnings]
    assert "1 more adult booked than the event has places." in texts
    assert "1 more child booked than the creche has places." in texts
