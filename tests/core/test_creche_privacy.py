"""Removing personal data after the retention date, really gone from the file; one person's
data on request."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from organiser.core import crud
from organiser.core.backup import make_backup
from organiser.core.creche import privacy, service
from organiser.core.creche.kinds import BookingStatus
from organiser.core.db import Store
from organiser.core.sections import Section

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
        section=Section.BOOKINGS,
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
