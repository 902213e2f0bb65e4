"""The summary report's data: its figures are the other tabs' figures, edited narrative wins,
missing parts say "Not recorded"; the series report counts repeat households without naming
anyone and lists the lessons carried from session to session."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from organiser.core.coproduction import narrative
from organiser.core.coproduction.documents import NOT_RECORDED, Fact
from organiser.core.coproduction.series import events_between, series_of, series_sheet
from organiser.core.coproduction.summary import summary_sheet
from organiser.core.creche.kinds import BookingStatus
from organiser.core.creche.service import check_in_counts, list_bookings
from organiser.core.crud import add_row, update_row
from organiser.core.db import Store
from organiser.core.errors import NotFound, ValidationError
from organiser.core.events.service import duplicate_event, update_event
from organiser.core.feedback.figures import figures
from organiser.core.money import format_pence
from organiser.core.planning.service import budget
from organiser.core.row_kinds import RowKind
from organiser.core.speakers.invitations import confirmed_speakers


def glance(facts: tuple[Fact, ...]) -> dict[str, str]:
    return {fact.label: fact.text for fact in facts}


def test_at_a_glance_shows_what_the_other_tabs_show(store: Store, demo_event: int) -> None:
    update_event(store, event_id=demo_event, values={"attendance": 16})
    facts = glance(summary_sheet(store, demo_event).at_a_glance)
    found = figures(store, demo_event)
    assert found.fft.percent == 85
    assert facts["Friends and Family Test"].startswith(
        f"{found.fft.percent}% rated it good or very good ({found.fft.count} of {found.fft.total}"
    )
    assert facts["Attendance"] == "16 people (as entered in the event's details)"
    # The Budget page's own cost per attendee, to the penny.
    per_attendee = budget(store, demo_event).per_attendee
    assert per_attendee is not None
    assert facts["Cost per attendee"].startswith(format_pence(per_attendee) + " (")
    booked = check_in_counts(store, demo_event)["Booked children"]
    assert facts["Children in the creche"] == f"{booked} children booked (no check-in recorded)"
    speakers = confirmed_speakers(store, demo_event)
    assert facts["Speakers"].startswith(f"{len(speakers)} confirmed: ")
    assert facts["Date"] == "Monday 22 February 2027, 09:45 to 12:15"
    assert facts["Venue"] == (
        "Harbourside Family Centre, 14 Marine Parade, Seabrook-on-Sea, SB1 4QT"
    )


def test_check_in_counts_come_first(store: Store, demo_event: int) -> None:
    """Once people are checked in, attendance and children are the check-in's counts."""
    with_children = [b for b in list_bookings(store, demo_event) if b.children][:2]
    for booking in with_children:
        update_row(
            store,
            kind=RowKind.BOOKINGS,
            row_id=booking.id,
            values={"status": BookingStatus.ATTENDED.value},
        )
    facts = glance(summary_sheet(store, demo_event).at_a_glance)
    adults = sum(b.adults for b in with_children)
    children = sum(b.children for b in with_children)
    assert figures(store, demo_event).attendance == adults
    assert facts["Attendance"].startswith(f"{adults} people (counted at check-in)")
    assert facts["Children in the creche"] == f"{children} children (checked in)"
    spent = budget(store, demo_event).actual
    assert facts["Cost per attendee"].startswith(format_pence(round(spent / adults)))


def test_the_demo_sheet_has_every_part(store: Store, demo_event: int) -> None:
    sheet = summary_sheet(store, demo_event)
    shape = sheet.process.profile
    assert shape is not None
    assert any(g.startswith("Flyer and publicity: consultation") for g in shape.gaps)
    assert shape.undecided == ("Evaluation",)
    assert [m[1] for m in sheet.process.meetings] == [
        "First ideas",
        "Speakers and budget",
        "Final check",
    ]
    assert sheet.process.received[2].budget_line == "Creche staff (3 × 2.5 hours)"
    assert [q.attribution for q in sheet.outcomes.quotes] == [
        "Amara",
        "A parent at the session",
        "Hannah",
        "A parent at the session",
    ]
    assert "Knowing the creche staff were qualified." not in repr(sheet)
    assert sheet.budget.estimated == "£448.00" and sheet.budget.actual == "£404.90"
    assert sheet.next_steps.chosen == "Regular sessions"
    assert len(sheet.lessons) == 3
    # The unedited learning and next-steps prefills only repeat what is listed in full.
    assert sheet.learning == "" and sheet.next_steps.narrative == ""


def test_one_summary_reads_the_feedback_figures_once(
    store: Store, demo_event: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from organiser.core.feedback import figures as module

    reads: list[int] = []
    real = module._figures

    def counted(store: Store, event_id: int) -> object:
        reads.append(event_id)
        return real(store, event_id)

    monkeypatch.setattr(module, "_figures", counted)
    first = summary_sheet(store, demo_event)
    assert reads == [demo_event], "the at-a-glance, outcomes, prefill and next steps share them"
    second = summary_sheet(store, demo_event)  # a later summary reads them afresh
    assert reads == [demo_event, demo_event] and first == second
    figures(store, demo_event)  # and outside a summary every call reads
    assert len(reads) == 3


def test_edited_narrative_is_what_prints(store: Store, demo_event: int) -> None:
    for section, text in (
        ("background", "Zoë wanted other parents to feel what **Pilates** gave her."),
        ("learning", "- Start the flyer sooner.\n- Book the creche first."),
        ("next_steps", "We will ask the family centre for a room on Mondays."),
        ("conclusion", "It worked, and parents asked for more."),
    ):
        narrative.set_text(store, event_id=demo_event, section=section, text=text)
    sheet = summary_sheet(store, demo_event)
    assert sheet.background == "Zoë wanted other parents to feel what **Pilates** gave her."
    assert sheet.learning == "- Start the flyer sooner.\n- Book the creche first."
    assert sheet.next_steps.narrative == "We will ask the family centre for a room on Mondays."
    assert sheet.conclusion == "It worked, and parents asked for more."


def test_an_event_with_nothing_recorded_says_so(
    store: Store, create_event: Callable[..., int]
) -> None:
    event_id = create_event(title="A bare idea")
    sheet = summary_sheet(store, event_id)
    facts = glance(sheet.at_a_glance)
    assert set(facts) == {
        "Date",
        "Venue",
        "Attendance",
        "Children in the creche",
        "Speakers",
        "Cost per attendee",
        "Friends and Family Test",
    }
    assert all(text.startswith(NOT_RECORDED) for text in facts.values())
    assert sheet.outcomes.missing.startswith(NOT_RECORDED)
    assert sheet.outcomes.quotes == () and sheet.outcomes.charts == ()
    assert sheet.budget.missing.startswith(NOT_RECORDED) and sheet.budget.lines == ()
    assert sheet.process.profile is None
    assert len(sheet.process.missing) == 4
    assert all(line.startswith(NOT_RECORDED) for line in sheet.process.missing)
    assert sheet.programme_missing.startswith(NOT_RECORDED)
    assert sheet.learning.startswith(NOT_RECORDED)
    assert sheet.next_steps.cost.startswith(NOT_RECORDED)
    assert sheet.next_steps.chosen == "Not decided yet"
    # Prefilled words about a working group or feedback that do not exist are left out…
    assert sheet.process.narrative == "" and sheet.outcomes.narrative == ""
    # …but words the group wrote themselves always print.
    narrative.set_text(store, event_id=event_id, section="outcomes", text="Ten parents came.")
    assert summary_sheet(store, event_id).outcomes.narrative == "Ten parents came."


def test_costs_without_attendance_are_not_divided(
    store: Store, create_event: Callable[..., int], add_cost: Callable[..., int]
) -> None:
    event_id = create_event(title="Costs only")
    add_cost(event_id, estimated_pence=5000)
    sheet = summary_sheet(store, event_id)
    assert glance(sheet.at_a_glance)["Cost per attendee"] == (
        f"{NOT_RECORDED} (attendance not known)"
    )
    assert sheet.budget.missing == ""
    assert sheet.budget.lines[0].actual == ""


def test_an_unknown_event_is_not_found(store: Store) -> None:
    with pytest.raises(NotFound):
        summary_sheet(store, 999)


def _book(store: Store, event_id: int, name: str, contact: str, **values: object) -> int:
    created = add_row(
        store,
        kind=RowKind.BOOKINGS,
        parent_id=event_id,
        values={"name": name, "contact": contact, "adults": 1, **values},
    ).created_id
    assert created is not None
    return created


def test_a_series_counts_repeat_households_without_naming_them(
    store: Store, create_event: Callable[..., int]
) -> None:
    first = create_event(title="Pilates morning", date=dt.date(2027, 3, 1), attendance=12)
    lesson = add_row(
        store,
        kind=RowKind.LESSONS,
        parent_id=first,
        values={"learned": "Book the creche before the hall.", "tag": "Capacity"},
    ).created_id
    assert lesson is not None
    second = duplicate_event(store, event_id=first).created_id
    assert second is not None
    update_event(store, event_id=second, values={"date": dt.date(2027, 4, 5), "attendance": 9})
    # The same household books both sessions, typed differently the second time.
    _book(store, first, "Zoë Marsh", "zoe@example.org")
    _book(store, second, "  ZOË   marsh ", "Zoe@Example.org ")
    _book(store, first, "Amara Okoye", "07700 900123")
    _book(store, second, "Hannah Price", "hannah@example.org")
    # A cancelled booking is not a visit.
    _book(store, second, "Amara Okoye", "07700 900123", status=BookingStatus.CANCELLED.value)

    assert series_of(store, first) == [first, second]
    assert series_of(store, second) == [first, second]
    assert events_between(store, dt.date(2027, 3, 1), dt.date(2027, 3, 31)) == [first]
    sheet = series_sheet(store, series_of(store, second))
    assert sheet.repeat.startswith(
        "1 of 3 households booked or came to more than one session: 1 household to both."
    )
    everything = repr(sheet)
    for name in ("Zoë", "ZOË", "Amara", "Hannah", "example.org", "07700"):
        assert name not in everything
    assert glance(sheet.totals)["Sessions"] == "2"
    assert glance(sheet.totals)["Attendance"] == "21"
    assert [s.attendance for s in sheet.sessions] == ["12", "9"]
    assert [s.lessons for s in sheet.sessions] == ["1", "0"]
    [carried] = sheet.carried
    assert carried.text == "Book the creche before the hall."
    assert carried.first == "Session 1 (01/03/2027)"
    assert carried.carried_to == ("Session 2 (05/04/2027)",)
    assert sheet.span == "2 sessions, 01/03/2027 to 05/04/2027"


def test_lessons_carry_along_a_chain_to_their_first_session(
    store: Store, create_event: Callable[..., int]
) -> None:
    first = create_event(title="Walk and talk", date=dt.date(2027, 5, 3))
    add_row(store, kind=RowKind.LESSONS, parent_id=first, values={"happened": "Rain."})
    second = duplicate_event(store, event_id=first).created_id
    assert second is not None
    third = duplicate_event(store, event_id=second).created_id
    assert third is not None
    sheet = series_sheet(store, series_of(store, first))
    assert sheet.title == "Walk and talk"
    [carried] = sheet.carried
    assert carried.text == "Rain."
    assert carried.first == "Session 1 (03/05/2027)"
    assert carried.carried_to == ("Session 2", "Session 3")
    assert sheet.span == "3 sessions, 03/05/2027 (2 not dated yet)"


def test_a_single_session_says_what_a_series_report_cannot_show(
    store: Store, create_event: Callable[..., int]
) -> None:
    event_id = create_event(title="Once only")
    sheet = series_sheet(store, [event_id])
    assert sheet.repeat.startswith(NOT_RECORDED)
    assert sheet.carried_missing.startswith(NOT_RECORDED)
    assert glance(sheet.totals)["Attendance"] == NOT_RECORDED
    with pytest.raises(ValidationError):
        series_sheet(store, [])
    with pytest.raises(ValidationError):
        events_between(store, dt.date(2027, 2, 1), dt.date(2027, 1, 1))
