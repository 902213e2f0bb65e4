"""Removing personal data after the retention date, really gone from the file; one person's
data on request."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from organiser.core import crud
from organiser.core.backup import make_backup
from organiser.core.creche import privacy, service
from organiser.core.creche.kinds import BookingStatus
from organiser.core.db import Store
from organiser.core.errors import OrganiserError
from organiser.core.row_kinds import RowKind

PLANTED_CHILD = "Xanthippe-Quorra"
PLANTED_ALLERGY = "kumquat-zest"
PLANTED_PARENT = "Oluwaseun Vantongeren"


def _plant(
    store: Store,
    create_event: Callable[..., int],
    add_booking: Callable[..., int],
    add_child: Callable[..., int],
) -> tuple[int, int]:
    event = create_event(date=dt.date(2026, 10, 3))
    booking = add_booking(
        event, name=PLANTED_PARENT, contact="seun@example.org", children=1, adults=2
    )
    add_child(
        booking,
        first_name=PLANTED_CHILD,
        date_of_birth=dt.date(2024, 4, 3),
        allergies=PLANTED_ALLERGY,
        collection_password="lighthouse-42",
    )
    return event, booking


def _file_bytes(store: Store) -> bytes:
    assert store.path is not None
    data = store.path.read_bytes()
    wal = Path(f"{store.path}-wal")
    return data + (wal.read_bytes() if wal.exists() else b"")


def test_purge_anonymises_but_keeps_counts_ages_and_attendance(
    store: Store,
    create_event: Callable[..., int],
    add_booking: Callable[..., int],
    add_child: Callable[..., int],
    add_staff: Callable[..., int],
) -> None:
    event, booking = _plant(store, create_event, add_booking, add_child)
    kept = add_booking(event, name="Grace Mbeki", contact="g@example.org", contact_consent=True)
    add_staff(event, name="Bronwen Evans")
    crud.update_row(
        store,
        kind=RowKind.BOOKINGS,
        row_id=booking,
        values={"status": BookingStatus.ATTENDED.value},
    )
    result, changes = privacy.purge_personal_data(store, event)
    assert (result.bookings, result.kept, result.children, result.staff) == (1, 1, 1, 1)
    rows = {b.id: b for b in service.list_bookings(store, event)}
    assert rows[booking].name == "Household 1"
    assert (rows[booking].adults, rows[booking].children) == (2, 1)
    assert rows[booking].status == BookingStatus.ATTENDED.value
    assert rows[booking].contact == ""
    assert rows[kept].name == "Grace Mbeki"  # agreed to hear about future sessions
    (child,) = service.list_children(store, event)
    assert (child.first_name, child.allergies, child.collection_password) == ("Child 1", "", "")
    assert (child.age, child.band, child.date_of_birth) == (30, "Aged 2", None)
    (staff,) = service.list_staff(store, event)
    assert staff.name == "Staff member 1" and staff.qualification == "Level 3"
    assert service.get_creche(store, event).purged_at is not None
    assert changes.event_id == event


def test_the_purge_says_when_a_server_keeps_its_own_copies(
    store: Store,
    backend: str,
    create_event: Callable[..., int],
    add_booking: Callable[..., int],
    add_child: Callable[..., int],
) -> None:
    event, _booking = _plant(store, create_event, add_booking, add_child)
    result, _ = privacy.purge_personal_data(store, event)
    said = result.words()
    assert said.startswith("Removed the personal data of 1 booking, 1 child and 0 staff members.")
    assert result.file_cleaned == (backend == "sqlite")
    assert ("database server may keep copies of the old text" in said) == (backend == "postgres")


@pytest.mark.sqlite_only
def test_after_the_purge_the_text_is_not_in_the_database_file(
    store: Store,
    create_event: Callable[..., int],
    add_booking: Callable[..., int],
    add_child: Callable[..., int],
) -> None:
    event, _booking = _plant(store, create_event, add_booking, add_child)
    before = _file_bytes(store)
    assert PLANTED_CHILD.encode() in before and PLANTED_ALLERGY.encode() in before
    privacy.purge_personal_data(store, event)
    after = _file_bytes(store)
    for planted in (PLANTED_CHILD, PLANTED_ALLERGY, PLANTED_PARENT, "lighthouse-42"):
        assert planted.encode() not in after, planted
        assert planted.encode("utf-16-le") not in after


@pytest.mark.sqlite_only
def test_backups_made_before_the_purge_are_listed_and_can_be_deleted(
    store: Store,
    create_event: Callable[..., int],
    add_booking: Callable[..., int],
    add_child: Callable[..., int],
) -> None:
    event, _booking = _plant(store, create_event, add_booking, add_child)
    assert store.path is not None
    old = make_backup(store.path, reason="manual")
    result, _ = privacy.purge_personal_data(store, event)
    listed = privacy.backups_before(store, result.purged_at)
    assert [b.path for b in listed] == [old]
    assert privacy.delete_backups(listed) == 1
    assert not old.exists()


def test_one_persons_data_is_exported_readably_and_privately(
    store: Store,
    create_event: Callable[..., int],
    add_booking: Callable[..., int],
    add_child: Callable[..., int],
    tmp_path: Path,
) -> None:
    _event, booking = _plant(store, create_event, add_booking, add_child)
    out = tmp_path / "request.txt"
    privacy.export_person(store, booking, out)
    text = out.read_text(encoding="utf-8")
    assert PLANTED_PARENT in text and PLANTED_CHILD in text and PLANTED_ALLERGY in text
    assert "Age at the event: 2 years 6 months" in text
    assert "lighthouse-42" not in text  # the password is said to be held, not printed
    assert "Booking history (UTC)" in text
    assert out.stat().st_mode & 0o777 == 0o600


def test_the_purge_forgets_names_and_contacts_given_on_feedback_forms(
    store: Store, demo_event: int
) -> None:
    from organiser.core.feedback import responses
    from organiser.core.feedback.form import list_questions

    personal = {
        q.id for q in list_questions(store, demo_event) if q.standard in ("first_name", "contact")
    }
    before = [r.answers for r in responses.list_responses(store, demo_event)]
    assert any(qid in answers for answers in before for qid in personal)
    privacy.purge_personal_data(store, demo_event)
    after = responses.list_responses(store, demo_event)
    assert not any(row.answers.get(qid) for row in after for qid in personal)
    assert len(after) == len(before)  # the answers for the report stay


@pytest.mark.sqlite_only
def test_a_cleaning_that_cannot_finish_says_so_after_the_names_are_gone(
    store: Store,
    create_event: Callable[..., int],
    add_booking: Callable[..., int],
    add_child: Callable[..., int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sqlalchemy.exc import OperationalError

    event, _booking = _plant(store, create_event, add_booking, add_child)

    def full_disk(*_args: object, **_kw: object) -> None:
        raise OperationalError("VACUUM", {}, Exception("database or disk is full"))

    monkeypatch.setattr(privacy, "_vacuum", full_disk)
    with pytest.raises(OrganiserError, match=r"could not be cleaned.*disk is full"):
        privacy.purge_personal_data(store, event)
    assert [b.name for b in service.list_bookings(store, event)] == ["Household 1"]
    monkeypatch.undo()
    privacy.purge_personal_data(store, event)  # again, to finish
    for planted in (PLANTED_CHILD, PLANTED_ALLERGY):
        assert planted.encode() not in _file_bytes(store)


def test_one_persons_data_includes_the_feedback_they_linked(
    store: Store, create_event: Callable[..., int], add_booking: Callable[..., int]
) -> None:
    from organiser.core.feedback import responses
    from organiser.core.feedback.form import list_questions

    event = create_event()
    booking = add_booking(event, name=PLANTED_PARENT)
    q = {x.standard: x.id for x in list_questions(store, event) if x.standard}
    responses.add_response(
        store,
        event_id=event,
        answers={q["enjoyed"]: "The breathing", q["contact_consent"]: "Yes"},
        booking_id=booking,
    )
    text = privacy.person_data(store, booking)
    assert "Feedback form" in text and "What did you enjoy most? The breathing" in text
