"""Keep only what is needed: remove personal data after the retention date (keeping counts,
age bands and attendance for the report), and export one person's data on request."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, select, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from organiser.core.backup import BackupFile, list_backups
from organiser.core.base import utc_now
from organiser.core.changes import Changes, Touched
from organiser.core.creche.ages import age_months, age_words
from organiser.core.creche.bookings import status_history
from organiser.core.creche.models import Booking, Child, Creche, CrecheStaff
from organiser.core.creche.purge_copies import descriptive, forget_everywhere, identifying
from organiser.core.creche.service import RETENTION_DAYS, settings_in
from organiser.core.db import Store
from organiser.core.errors import OrganiserError
from organiser.core.events.models import Event
from organiser.core.feedback.kinds import Standard
from organiser.core.feedback.models import FeedbackAnswer, FeedbackQuestion, FeedbackResponse
from organiser.core.files import atomic_write
from organiser.core.parsing import format_date, local_moment
from organiser.core.records import get_or_raise


@dataclass(frozen=True)
class PurgeResult:
    bookings: int  # anonymised
    kept: int  # kept because the holder agreed to hear about future sessions
    children: int
    staff: int
    purged_at: dt.datetime
    file_cleaned: bool = True  # False on a database server, whose files Organiser cannot reach

    def words(self) -> str:
        text = (
            f"Removed the personal data of {self.bookings} booking"
            f"{'s' if self.bookings != 1 else ''}, {self.children} "
            f"child{'ren' if self.children != 1 else ''} and {self.staff} staff "
            f"member{'s' if self.staff != 1 else ''}."
        )
        if self.kept:
            text += (
                f" Kept the names and contacts of {self.kept} household"
                f"{'s' if self.kept != 1 else ''} who agreed to hear about future sessions."
            )
        if not self.file_cleaned:
            text += (
                " The database server may keep copies of the old text in its own files until it "
                "reuses the space; ask whoever runs the server if they must be wiped sooner."
            )
        return text


def purge_personal_data(
    store: Store, event_id: int, *, keep_consented: bool = True
) -> tuple[PurgeResult, Changes]:
    """Anonymise the event's bookings, children and creche staff, then make the old text
    unrecoverable from the database file (SQLite: secure_delete, VACUUM, WAL emptied; a
    server's files are out of reach, which the result's words say).

    Kept for the report: numbers of adults and children, statuses (attendance), ages in
    months and their bands, staff roles and qualification levels. It cannot be undone.
    """
    with store.begin() as s:
        connection = s.connection()
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            connection.exec_driver_sql("PRAGMA secure_delete=ON")
        event = get_or_raise(s, Event, event_id, "event")
        bookings = list(
            s.scalars(select(Booking).where(Booking.event_id == event_id).order_by(Booking.id))
        )
        anonymised = kept = 0
        removed: list[str] = []  # every value taken out, to strike from the event's copies
        for number, booking in enumerate(bookings, start=1):
            if keep_consented and booking.contact_consent and not booking.anonymised:
                removed += _copies(booking.notes, booking.access_needs)
                booking.notes = booking.access_needs = ""
                kept += 1
                continue
            if not booking.anonymised:
                anonymised += 1
                removed += _who(booking.name, booking.contact, booking.source_ref)
                removed += _copies(booking.access_needs, booking.notes)
            booking.name = f"Household {number}"
            booking.contact = booking.access_needs = booking.notes = booking.source_ref = ""
            booking.contact_consent_date = None
            booking.anonymised = True
        children = list(
            s.scalars(
                select(Child)
                .join(Booking, Booking.id == Child.booking_id)
                .where(Booking.event_id == event_id)
                .order_by(Child.id)
            )
        )
        for number, child in enumerate(children, start=1):
            # A surname alone is often an ordinary word ("Young", "Parent"): not looked for.
            removed += _who(
                f"{child.first_name} {child.last_name}",
                child.first_name,
                child.collectors,
                child.collection_password,
            )
            removed += _copies(child.allergies, child.dietary, child.medical, child.notes)
            child.age_months = age_months(child.date_of_birth, child.age_months, event.date)
            child.date_of_birth = None
            child.first_name = f"Child {number}"
            child.last_name = ""
            child.allergies = child.dietary = child.medical = child.notes = ""
            child.collectors = child.collection_password = ""
            child.photo_consent = False
            child.anonymised = True
        staff = list(
            s.scalars(
                select(CrecheStaff).where(CrecheStaff.event_id == event_id).order_by(CrecheStaff.id)
            )
        )
        for number, member in enumerate(staff, start=1):
            removed += _who(member.name) + _copies(member.notes)
            member.name = f"Staff member {number}"
            member.notes = ""
            member.dbs_date = member.first_aid_expiry = None
        removed += _forget_feedback_contacts(s, event_id)
        forget_everywhere(s, event_id, removed)
        settings_in(s, event_id)  # makes the creche row if there was none
        creche = s.scalar(select(Creche).where(Creche.event_id == event_id))
        assert creche is not None
        now = utc_now()
        creche.purged_at = now
    cleaned = store.path is not None
    if cleaned:
        _wipe_free_space(store)
    result = PurgeResult(anonymised, kept, len(children), len(staff), now, file_cleaned=cleaned)
    return result, Changes(Touched.BOOKINGS | Touched.CRECHE, event_id=event_id)


def _who(*texts: str | None) -> list[str]:
    return [piece for text in texts for piece in identifying(text)]


def _copies(*texts: str | None) -> list[str]:
    return [piece for text in texts for piece in descriptive(text)]


def _forget_feedback_contacts(s: Session, event_id: int) -> list[str]:
    """Feedback keeps its answers for the report, but not the names and contacts people gave,
    nor the link to their booking; returns what was removed."""
    personal = s.scalars(
        select(FeedbackQuestion.id).where(
            FeedbackQuestion.event_id == event_id,
            FeedbackQuestion.standard.in_((Standard.FIRST_NAME.value, Standard.CONTACT.value)),
        )
    ).all()
    responses = select(FeedbackResponse.id).where(FeedbackResponse.event_id == event_id)
    removed: list[str] = []
    if personal:
        given = s.scalars(
            select(FeedbackAnswer.value).where(
                FeedbackAnswer.question_id.in_(personal),
                FeedbackAnswer.response_id.in_(responses),
            )
        ).all()
        removed = _who(*given)
        s.execute(
            update(FeedbackAnswer)
            .where(
                FeedbackAnswer.question_id.in_(personal),
                FeedbackAnswer.response_id.in_(responses),
            )
            .values(value="")
        )
    s.execute(
        update(FeedbackResponse)
        .where(FeedbackResponse.event_id == event_id)
        .values(booking_id=None)
    )
    return removed


def _vacuum(connection: Connection) -> None:
    connection.exec_driver_sql("VACUUM")


def _wipe_free_space(store: Store) -> None:
    """Rebuild the file so no freed page keeps old text, and empty the write-ahead log.

    If that cannot finish (a full disk, another program reading the file), the names are
    already gone from the tables but old pages may remain: say so, and how to finish.
    """
    unfinished = (
        "The personal data was removed from the event, but the database file could not be "
        "cleaned of the old text{why}. Free some disk space or close other programs using the "
        "file, then choose Remove personal data again to finish."
    )
    try:
        with store.engine.connect() as connection:
            plain = connection.execution_options(isolation_level="AUTOCOMMIT")
            plain.exec_driver_sql("PRAGMA secure_delete=ON")
            _vacuum(plain)
            busy = plain.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").first()
            plain.exec_driver_sql("PRAGMA secure_delete=OFF")
    except DBAPIError as exc:
        reason = str(exc.orig).strip() or "unknown problem"
        raise OrganiserError(unfinished.format(why=f" (the database says “{reason}”)")) from exc
    if busy is not None and busy[0]:
        raise OrganiserError(unfinished.format(why=" (another program was reading it)"))


def backups_before(store: Store, when: dt.datetime) -> list[BackupFile]:
    """Backups made before a purge (they still hold the personal data), newest first."""
    if store.path is None:
        return []
    local = local_moment(when).replace(tzinfo=None)
    return [b for b in list_backups(store.path) if b.made <= local]


def delete_backups(backups: list[BackupFile]) -> int:
    """Delete backup files; how many went."""
    gone = 0
    for backup in backups:
        try:
            backup.path.unlink(missing_ok=True)
        except OSError as exc:
            raise OrganiserError(
                f"Could not delete the backup {backup.path.name}: {exc.strerror or exc}."
            ) from exc
        gone += 1
    return gone


def person_data(store: Store, booking_id: int) -> str:
    """Everything held about one household (a subject access request), as readable text."""
    with store.begin() as s:
        booking = get_or_raise(s, Booking, booking_id, "booking")
        event = get_or_raise(s, Event, booking.event_id, "event")
        children = list(
            s.scalars(select(Child).where(Child.booking_id == booking_id).order_by(Child.id))
        )
        lines = [
            f"Personal data held by Organiser for {booking.name}",
            f"Event: {event.title}" + (f", {format_date(event.date)}" if event.date else ""),
            f"Produced on {format_date(dt.date.today())}",
            "",
            "Booking",
            f"  Name: {booking.name}",
            f"  Contact: {booking.contact or '(none)'}",
            f"  Adults attending: {booking.adults}",
            f"  Children needing the creche: {booking.children}",
            f"  Access needs: {booking.access_needs or '(none)'}",
            f"  How they heard: {booking.heard_from or '(not given)'}",
            "  Agreed to hear about future sessions: "
            + (
                f"yes, on {format_date(booking.contact_consent_date)}"
                if booking.contact_consent
                else "no"
            ),
            f"  Status: {booking.status}",
            f"  Notes: {booking.notes or '(none)'}",
        ]
        for child in children:
            months = age_months(child.date_of_birth, child.age_months, event.date)
            lines += [
                "",
                f"Child: {child.first_name} {child.last_name}".rstrip(),
                f"  Date of birth: {format_date(child.date_of_birth) or '(not given)'}",
                f"  Age at the event: {age_words(months)}",
                f"  Allergies: {child.allergies or '(none)'}",
                f"  Dietary needs: {child.dietary or '(none)'}",
                f"  Medical or additional needs: {child.medical or '(none)'}",
                f"  Photo consent: {'yes' if child.photo_consent else 'no'}",
                f"  May be collected by: {child.collectors or '(nobody named)'}",
                "  Collection password: "
                + ("held (not shown)" if child.collection_password else "none"),
                f"  Notes: {child.notes or '(none)'}",
            ]
    lines += _feedback_of(store, booking_id)
    history = status_history(store, booking_id)
    if history:
        lines += ["", "Booking history (UTC)"]
        lines += [f"  {at:%d/%m/%Y %H:%M} {status}" for status, at in history]
    return "\n".join(lines) + "\n"


def _feedback_of(store: Store, booking_id: int) -> list[str]:
    """Feedback the household gave and linked to their booking, question by question."""
    with store.begin() as s:
        rows = s.execute(
            select(FeedbackResponse.id, FeedbackQuestion.text, FeedbackAnswer.value)
            .join(FeedbackAnswer, FeedbackAnswer.response_id == FeedbackResponse.id)
            .join(FeedbackQuestion, FeedbackQuestion.id == FeedbackAnswer.question_id)
            .where(FeedbackResponse.booking_id == booking_id, FeedbackAnswer.value != "")
            .order_by(FeedbackResponse.id, FeedbackQuestion.position)
        ).all()
    lines: list[str] = []
    current = None
    for response_id, question, value in rows:
        if response_id != current:
            lines += ["", "Feedback form"]
            current = response_id
        lines.append(f"  {question} {' / '.join(value.splitlines())}")
    return lines


def export_person(store: Store, booking_id: int, out: Path) -> None:
    """Write one household's data to a file only its owner can read (and say so in the
    accountability record)."""
    from organiser.core.team import record

    record.may_make(store, "person")
    atomic_write(out, person_data(store, booking_id).encode("utf-8"))
    with store.begin() as s:
        event_id = get_or_raise(s, Booking, booking_id, "booking").event_id
    record.note(store, "person", "saved", event_id)


@dataclass(frozen=True)
class Overdue:
    event_id: int
    title: str
    retention: dt.date


def overdue_events(store: Store, *, today: dt.date) -> list[Overdue]:
    """Events (archived ones too) past their retention date that still hold personal data."""
    with store.begin() as s:
        rows = s.execute(
            select(Event.id, Event.title, Event.date, Creche.retention_date, Creche.purged_at)
            .outerjoin(Creche, Creche.event_id == Event.id)
            .where(Event.id.in_(select(Booking.event_id).where(Booking.anonymised.is_(False))))
            .order_by(Event.date, Event.id)
        ).all()
    found = []
    for event_id, title, day, retention, purged in rows:
        keep_until = retention or (day + dt.timedelta(days=RETENTION_DAYS) if day else None)
        if keep_until is not None and today > keep_until and purged is None:
            found.append(Overdue(event_id, title, keep_until))
    return found
