"""Working group, programme and budget verbs against a real temporary SQLite file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select

from organiser.core.changes import Touched
from organiser.core.crud import add_row, delete_row, restore_row, update_row
from organiser.core.db import Store
from organiser.core.errors import NotFound, ValidationError
from organiser.core.events.service import get_event, update_event
from organiser.core.planning.models import Organisation
from organiser.core.planning.service import (
    budget,
    list_costs,
    list_funds,
    list_members,
    list_organisations,
    list_programme,
    programme_check,
    programme_sheet,
)
from organiser.core.row_kinds import RowKind

T = dt.time.fromisoformat

# One valid row per section, and an edit to make to it.
ROWS: dict[RowKind, tuple[dict[str, Any], dict[str, Any]]] = {
    RowKind.MEMBERS: (
        {"name": "Zoë Marsh", "role": "Parent or carer with lived experience"},
        {"phone": "01702 555 014"},
    ),
    RowKind.PROGRAMME: (
        {"title": "Welcome", "start": T("10:00"), "end": T("10:10")},
        {"end": T("10:15")},
    ),
    RowKind.FUNDS: ({"name": "Grant", "amount_pence": 45000}, {"amount_pence": 50000}),
    RowKind.COSTS: (
        {"item": "Hall hire", "category": "Venue", "estimated_pence": 10000},
        {"actual_pence": 9500, "paid": True},
    ),
}
TOUCHES = {
    RowKind.MEMBERS: Touched.MEMBERS,
    RowKind.PROGRAMME: Touched.PROGRAMME,
    RowKind.FUNDS: Touched.BUDGET,
    RowKind.COSTS: Touched.BUDGET,
}


def _rows(store: Store, section: RowKind, event_id: int) -> list[Any]:
    lister = {
        RowKind.MEMBERS: list_members,
        RowKind.PROGRAMME: list_programme,
        RowKind.FUNDS: list_funds,
        RowKind.COSTS: list_costs,
    }[section]
    return lister(store, event_id)  # type: ignore[operator]


@pytest.mark.parametrize("section", list(ROWS))
def test_add_update_delete_restore_each_section(
    store: Store, create_event: Callable[..., int], section: RowKind
) -> None:
    event_id = create_event()
    values, edit = ROWS[section]

    added = add_row(store, kind=section, parent_id=event_id, values=values)
    row_id = added.created_id
    assert row_id is not None
    assert TOUCHES[section] in added
    [row] = _rows(store, section, event_id)
    assert row.id == row_id

    updated = update_row(store, kind=section, row_id=row_id, values=edit)
    assert TOUCHES[section] in updated
    assert set(updated.previous) == set(edit)
    [row] = _rows(store, section, event_id)
    for key, value in edit.items():
        assert getattr(row, key) == value
    edited = row

    # Undo of the edit: put the previous values back.
    update_row(store, kind=section, row_id=row_id, values=updated.previous)
    [row] = _rows(store, section, event_id)
    for key, value in updated.previous.items():
        assert getattr(row, key) == value
    update_row(store, kind=section, row_id=row_id, values=edit)

    deleted = delete_row(store, kind=section, row_id=row_id)
    assert deleted.snapshot is not None
    assert _rows(store, section, event_id) == []
    with pytest.raises(NotFound, match="no longer exists"):
        update_row(store, kind=section, row_id=row_id, values=edit)

    restored = restore_row(store, kind=section, snapshot=deleted.snapshot)
    assert restored.created_id == row_id
    assert _rows(store, section, event_id) == [edited]


def test_add_row_to_a_missing_event(store: Store) -> None:
    with pytest.raises(NotFound):
        add_row(store, kind=RowKind.FUNDS, parent_id=404, values={"name": "Grant"})


@pytest.mark.parametrize(
    ("section", "values", "field"),
    [
        (RowKind.MEMBERS, {"name": "  "}, "name"),
        (RowKind.MEMBERS, {"name": "Dev", "email": "dev at example"}, "email"),
        (RowKind.MEMBERS, {"name": "Dev", "role": "Boss"}, "role"),
        (RowKind.PROGRAMME, {"title": "", "start": T("10:00"), "end": T("11:00")}, "title"),
        (RowKind.PROGRAMME, {"title": "Talk", "end": T("11:00")}, "start"),
        (RowKind.PROGRAMME, {"title": "Talk", "start": T("10:00")}, "end"),
        (RowKind.PROGRAMME, {"title": "Talk", "start": T("11:00"), "end": T("10:00")}, "end"),
        (RowKind.PROGRAMME, {"title": "Talk", "start": T("11:00"), "end": T("11:00")}, "end"),
        (
            RowKind.PROGRAMME,
            {"title": "Talk", "start": T("10:00"), "end": T("11:00"), "kind": "Party"},
            "kind",
        ),
        (RowKind.FUNDS, {"name": "Grant", "amount_pence": -1}, "amount_pence"),
        (RowKind.FUNDS, {"amount_pence": 100}, "name"),
        (RowKind.COSTS, {"item": "Hall", "category": "Cake"}, "category"),
        (RowKind.COSTS, {"item": "Hall", "estimated_pence": -100}, "estimated_pence"),
        (RowKind.COSTS, {"item": "Hall", "actual_pence": -1}, "actual_pence"),
        (RowKind.COSTS, {"item": "Hall", "supplier": "x" * 2_000_001}, "supplier"),
    ],
)
def test_invalid_rows_name_their_field_and_store_nothing(
    store: Store,
    create_event: Callable[..., int],
    section: RowKind,
    values: dict[str, Any],
    field: str,
) -> None:
    event_id = create_event()
    with pytest.raises(ValidationError) as caught:
        add_row(store, kind=section, parent_id=event_id, values=values)
    assert caught.value.field == field
    assert _rows(store, section, event_id) == []


def test_update_checks_against_the_stored_row(
    store: Store, create_event: Callable[..., int], add_item: Callable[..., int]
) -> None:
    event_id = create_event()
    item_id = add_item(event_id, start="10:00", end="10:30")
    with pytest.raises(ValidationError) as caught:
        update_row(store, kind=RowKind.PROGRAMME, row_id=item_id, values={"start": T("10:30")})
    assert caught.value.field == "start"
    with pytest.raises(ValidationError) as caught:
        update_row(store, kind=RowKind.PROGRAMME, row_id=item_id, values={"title": " "})
    assert caught.value.field == "title"
    [row] = list_programme(store, event_id)
    assert (row.start, row.end, row.title) == (T("10:00"), T("10:30"), "Welcome")


def test_organisations_are_shared_and_deduplicated_by_normalised_name(
    store: Store, create_event: Callable[..., int], add_member: Callable[..., int]
) -> None:
    first = create_event(title="Spring")
    second = create_event(title="Summer")
    add_member(first, name="Siobhán", organisation="Perinatal  Mental Health Team")
    add_member(first, name="Priya", organisation="perinatal mental health team ")
    add_member(second, name="Łucja", organisation="PERINATAL MENTAL HEALTH TEAM")
    add_member(second, name="Dev", organisation="Harbourside Family Centre")
    add_member(second, name="Zoë", organisation="")

    assert list_organisations(store) == [
        "Harbourside Family Centre",
        "Perinatal Mental Health Team",
    ]
    with store.begin() as s:
        assert s.scalar(select(func.count()).select_from(Organisation)) == 2
    orgs = [m.organisation for m in list_members(store, first) + list_members(store, second)]
    assert orgs == [
        "Perinatal Mental Health Team",
        "Perinatal Mental Health Team",
        "Perinatal Mental Health Team",
        "Harbourside Family Centre",
        "",
    ]


def test_organisation_names_compare_accents_in_either_form(
    store: Store, create_event: Callable[..., int], add_member: Callable[..., int]
) -> None:
    event_id = create_event()
    add_member(event_id, name="A", organisation="Caf\u00e9 Nour")
    add_member(event_id, name="B", organisation="CAFE\u0301 NOUR")
    assert list_organisations(store) == ["Café Nour"]


def test_changing_a_members_organisation(
    store: Store, create_event: Callable[..., int], add_member: Callable[..., int]
) -> None:
    event_id = create_event()
    member_id = add_member(event_id, name="Dev", organisation="Family Centre")
    changes = update_row(
        store, kind=RowKind.MEMBERS, row_id=member_id, values={"organisation": "Tide Café"}
    )
    assert Touched.MEMBERS in changes
    assert list_members(store, event_id)[0].organisation == "Tide Café"
    update_row(store, kind=RowKind.MEMBERS, row_id=member_id, values={"organisation": " "})
    assert list_members(store, event_id)[0].organisation == ""
    assert list_organisations(store) == ["Family Centre", "Tide Café"]


def test_duplicate_member_names_are_flagged(
    store: Store, create_event: Callable[..., int], add_member: Callable[..., int]
) -> None:
    event_id = create_event()
    add_member(event_id, name="Zo\u00eb Marsh")
    add_member(event_id, name="ZOE\u0308  MARSH")
    add_member(event_id, name="Zoe Marsh")
    other = create_event(title="Other")
    add_member(other, name="Zoë Marsh")
    assert [m.duplicate for m in list_members(store, event_id)] == [True, True, False]
    assert [m.duplicate for m in list_members(store, other)] == [False]


def test_consent_gets_todays_date(
    store: Store, create_event: Callable[..., int], add_member: Callable[..., int]
) -> None:
    event_id = create_event()
    add_member(event_id, name="Zoë", consent_to_keep=True)
    add_member(event_id, name="Dev", consent_to_keep=True, consent_date=dt.date(2027, 1, 5))
    add_member(event_id, name="Priya")
    dates = [m.consent_date for m in list_members(store, event_id)]
    assert dates == [dt.date.today(), dt.date(2027, 1, 5), None]


def test_one_megabyte_notes_and_any_script_round_trip(
    store: Store, create_event: Callable[..., int], add_item: Callable[..., int]
) -> None:
    line = "Zoë’s notes 🧘‍♀️🍐 — مرحبا بكم في الصباح — Nguyễn, Łucja, Siobhán\n"
    note = (
        (line * (1_000_000 // len(line.encode()) + 1)).encode()[:1_000_000].decode(errors="ignore")
    )
    assert len(note.encode()) > 999_990
    event_id = create_event(title="صباح العافية 🌊", purpose=note)
    add_item(event_id, title="Пилатес 🧘", notes=note)
    longest = "n" * 1_000_000
    update_event(store, event_id=event_id, values={"audience": longest})

    event = get_event(store, event_id)
    assert event.title == "صباح العافية 🌊"
    assert event.purpose == note
    assert event.audience == longest
    [item] = list_programme(store, event_id)
    assert (item.title, item.notes) == ("Пилатес 🧘", note)


def test_programme_rows_carry_their_warnings(
    store: Store, create_event: Callable[..., int], add_item: Callable[..., int]
) -> None:
    event_id = create_event(start_time="10:00", end_time="12:00")
    pilates = add_item(event_id, title="Pilates", start="10:00", end="10:45")
    talk = add_item(event_id, title="Talk", start="10:30", end="11:00")
    coffee = add_item(event_id, title="Coffee", start="11:30", end="12:30")
    creche = add_item(event_id, title="Creche", start="10:00", end="12:00", alongside=True)
    warnings = {row.id: row.warnings for row in list_programme(store, event_id)}
    assert warnings == {
        pilates: ("Overlaps “Talk”",),
        creche: (),
        talk: ("Overlaps “Pilates”",),
        coffee: ("Gap of 30 min before", "Outside the event’s times"),
    }
    check = programme_check(store, event_id)
    assert check.total_text == "2 h 30 min"
    assert len(check.overall) == 3


def test_demo_programme_has_no_warnings_and_balances(store: Store, demo_event: int) -> None:
    assert all(row.warnings == () for row in list_programme(store, demo_event))
    assert programme_check(store, demo_event).total_minutes == 150
    summary = budget(store, demo_event)
    assert (summary.funds, summary.estimated, summary.actual) == (55000, 44800, 40490)
    assert summary.per_attendee is None
    update_event(store, event_id=demo_event, values={"attendance": 18})
    assert budget(store, demo_event).per_attendee == 2249


def test_budget_over_funds(
    store: Store,
    create_event: Callable[..., int],
    add_fund: Callable[..., int],
    add_cost: Callable[..., int],
) -> None:
    event_id = create_event()
    add_fund(event_id, amount_pence=20000)
    add_cost(event_id, estimated_pence=15000, actual_pence=16000, paid=True)
    add_cost(event_id, item="Creche", category="Creche", estimated_pence=6000)
    summary = budget(store, event_id)
    assert summary.over_estimated
    assert summary.left_estimated == -1000
    assert not summary.over_actual
    assert summary.unpaid == 6000


def test_programme_sheet_is_plain_text(store: Store, demo_event: int) -> None:
    sheet = programme_sheet(store, demo_event)
    event = get_event(store, demo_event)
    assert event.date == dt.date(2027, 2, 22)
    assert sheet.date == "Monday 22 February 2027"
    assert sheet.times == "09:45 to 12:15"
    assert sheet.venue == "Harbourside Family Centre"
    assert "Step-free access" in sheet.access
    assert sheet.total == "2 h 30 min"
    assert [(line.start, line.end) for line in sheet.lines][:2] == [
        ("09:45", "10:00"),
        ("10:00", "10:10"),
    ]
    assert sum(line.alongside for line in sheet.lines) == 1
