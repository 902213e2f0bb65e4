"""The co-production ledger: ladder groups, suggestions, the profile's gaps; demand evidence,
the cost of another session, the narrative's edits, and lessons carried forward."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from organiser.core.coproduction import ledger, narrative, next_steps
from organiser.core.coproduction.kinds import RUNGS, Aspect, Group, Rung, group_of
from organiser.core.db import Store
from organiser.core.errors import ValidationError
from organiser.core.events.service import duplicate_event, update_event


@pytest.mark.parametrize(
    ("rung", "group"),
    [
        (Rung.COERCION, Group.DOING_TO),
        (Rung.EDUCATING, Group.DOING_TO),
        (Rung.INFORMING, Group.DOING_FOR),
        (Rung.CONSULTATION, Group.DOING_FOR),
        (Rung.ENGAGEMENT, Group.DOING_FOR),
        (Rung.CO_DESIGN, Group.DOING_WITH),
        (Rung.CO_PRODUCTION, Group.DOING_WITH),
    ],
)
def test_the_ladder_groups(rung: Rung, group: Group) -> None:
    assert group_of(rung) is group
    assert len(RUNGS) == 7


def test_the_demo_profile_names_its_gaps(store: Store, demo_event: int) -> None:
    shape = ledger.profile(store, demo_event)
    assert shape.groups["Doing with"] == (
        "The idea",
        "Content of the session",
        "Time and venue",
        "Delivery on the day",
    )
    assert shape.groups["Doing to"] == ()
    assert shape.undecided == ("Evaluation",)
    assert (
        "Flyer and publicity: consultation — Zoë saw the flyer late and would have liked more "
        "say in its design"
    ) in shape.gaps


def test_suggestions_come_from_the_flyer_poll_meetings_and_feedback(
    store: Store, demo_event: int
) -> None:
    rows = {r.aspect: r for r in ledger.list_ledger(store, demo_event)}
    flyer = rows[Aspect.FLYER.value].suggestion
    assert flyer is not None and flyer.rung == Rung.CONSULTATION
    assert flyer.reason == "Zoë Marsh did not sign off the latest version of the flyer"
    assert rows[Aspect.TIME_VENUE.value].suggestion is not None
    evaluation = rows[Aspect.EVALUATION.value].suggestion
    assert evaluation is not None and evaluation.reason == "feedback was collected from 20 people"


def test_a_gap_without_a_note_uses_the_suggestion_and_undo_restores_members(
    store: Store,
    create_event: Callable[..., int],
    add_member: Callable[..., int],
) -> None:
    event = create_event()
    zoe = add_member(event, name="Zoë Marsh", role="Parent or carer with lived experience")
    first = ledger.set_entry(
        store,
        event_id=event,
        aspect="Budget",
        values={"rung": "Informing", "member_ids": [zoe], "held_back": ["Funding"]},
    )
    assert first.previous == {"rung": "", "held_back": "", "member_ids": []}
    assert ledger.profile(store, event).gaps == ("Budget: informing — held back by funding",)
    ledger.set_entry(store, event_id=event, aspect="Budget", values=first.previous)
    (budget,) = [r for r in ledger.list_ledger(store, event) if r.aspect == "Budget"]
    assert (budget.rung, budget.members, budget.held_back) == ("", (), ())
    with pytest.raises(ValidationError):
        ledger.set_entry(store, event_id=event, aspect="Budget", values={"rung": "Partnership"})


def test_demand_evidence_and_the_cost_of_another_session(store: Store, demo_event: int) -> None:
    wanted = next_steps.demand(store, demo_event)
    assert (wanted.regular_yes, wanted.regular_maybe, wanted.answered) == (15, 4, 20)
    assert (wanted.future_contact, wanted.waiting) == (10, 2)
    cost = next_steps.cost_of(
        [("Venue", 10000, 9000), ("Creche", 13500, None), ("Refreshments", 6000, 5240)], 20
    )
    assert cost.total_pence == 9000 + 13500 + 5240
    assert cost.by_category[0] == ("Creche", 13500)
    assert cost.estimated_lines == 1
    assert cost.per_attendee == round(27740 / 20)
    assert cost.words().startswith("One more session like this would cost about £277.40")


def test_edited_narrative_is_kept_and_undo_returns_the_prefill(
    store: Store, demo_event: int
) -> None:
    sections = {s.key: s for s in narrative.narrative(store, demo_event)}
    assert "Harbourside Family Centre" in sections["background"].text
    assert not sections["background"].edited
    edit = narrative.set_text(
        store, event_id=demo_event, section="background", text="Our own words."
    )
    again = {s.key: s for s in narrative.narrative(store, demo_event)}
    assert again["background"].text == "Our own words." and again["background"].edited
    narrative.set_text(store, event_id=demo_event, section="background", **edit.previous)
    assert not {s.key: s for s in narrative.narrative(store, demo_event)}["background"].edited


def test_a_report_with_nothing_recorded_still_reads(
    store: Store, create_event: Callable[..., int], add_member: Callable[..., int]
) -> None:
    event = create_event(title="Coffee morning")
    sections = {s.key: s.text for s in narrative.narrative(store, event)}
    assert sections["outcomes"] == "Feedback was not recorded."
    assert sections["learning"] == "No lessons were recorded."
    assert sections["process"] == "No working group was recorded.", "not “of 0 people”"
    add_member(event, name="Dev Okafor", role="Volunteer")
    process = {s.key: s.text for s in narrative.narrative(store, event)}["process"]
    assert process.startswith("A working group of 1 person planned the session; nobody in it")


def test_plan_the_next_session_carries_the_lessons_forward(store: Store, demo_event: int) -> None:
    from organiser.core.coproduction.models import Lesson

    made = duplicate_event(store, event_id=demo_event)
    assert made.created_id is not None
    with store.begin() as s:
        carried = s.query(Lesson).filter(Lesson.event_id == made.created_id).all()
        assert len(carried) == 3
        assert all(lesson.carried_from_id is not None for lesson in carried)


def test_the_narrative_copes_with_odd_events(
    store: Store, create_event: Callable[..., int]
) -> None:
    from organiser.core.feedback import responses
    from organiser.core.feedback.form import list_questions

    event = create_event(title="Drop-in", audience="   ")
    enjoyed = next(q.id for q in list_questions(store, event) if q.standard == "enjoyed")
    responses.add_response(store, event_id=event, answers={enjoyed: "The tea"})
    sections = {s.key: s.text for s in narrative.narrative(store, event)}
    assert sections["outcomes"] == "1 person gave feedback."
    assert "None%" not in " ".join(sections.values())
    assert sections["background"] == "Drop-in has no date yet."
    update_event(store, event_id=event, values={"purpose": "  bring parents together  "})
    sections = {s.key: s.text for s in narrative.narrative(store, event)}
    assert sections["background"] == (
        "Drop-in has no date yet. Its purpose: “bring parents together.”"
    )
    assert "demand it showed" not in sections["conclusion"]
