"""Add, edit, delete and restore any row of a RowKind: one transaction each, undo included."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from organiser.core.base import VERSION_COLUMN, Base
from organiser.core.changes import Changes, Touched
from organiser.core.coproduction import validation as coproduction_checks
from organiser.core.coproduction.models import Lesson, Received
from organiser.core.creche import bookings
from organiser.core.creche import validation as creche_checks
from organiser.core.creche.models import Booking, Child, CrecheStaff
from organiser.core.db import Store
from organiser.core.events.models import Event
from organiser.core.meetings import validation as meeting_checks
from organiser.core.meetings.models import ActionItem, Decision, Meeting
from organiser.core.organisations import organisation_id_for, organisation_name
from organiser.core.planning import validation
from organiser.core.planning.models import (
    CostLine,
    FundingSource,
    Member,
    ProgrammeItem,
)
from organiser.core.polls.models import Poll, PollOption
from organiser.core.records import (
    NOTHING,
    Dependants,
    apply_values,
    get_or_raise,
    restore,
    row_dict,
    snapshot,
)
from organiser.core.relations import (
    BOOKING_DEPENDANTS,
    COST_LINE_DEPENDANTS,
    MEETING_DEPENDANTS,
    MEMBER_DEPENDANTS,
    POLL_DEPENDANTS,
    PROGRAMME_ITEM_DEPENDANTS,
)
from organiser.core.row_kinds import RowKind
from organiser.core.versions import merge_edit, retry_races, version_of

Check = Callable[[Mapping[str, Any], Mapping[str, Any]], None]


@dataclass(frozen=True)
class _Spec:
    model: type[Base]
    touched: Touched
    check: Check
    parent: type[Base] = Event
    deps: Dependants = NOTHING
    also: Touched = Touched.NONE  # what a deletion reaches through its dependants
    # Kind-specific steps inside the same transaction: before a new row is stored
    # (given its event), and after an edit (given the row, its previous values, which the step
    # may add to for undo, and the values asked for).
    before_add: Callable[[Session, int, dict[str, Any]], None] | None = None
    after_edit: Callable[[Session, Base, dict[str, Any], Mapping[str, Any]], None] | None = None

    @property
    def parent_column(self) -> str:
        return f"{self.parent.__tablename__}_id"


_SPECS: dict[RowKind, _Spec] = {
    RowKind.MEMBERS: _Spec(
        Member,
        Touched.MEMBERS,
        validation.check_member,
        deps=MEMBER_DEPENDANTS,
        also=Touched.MEETINGS | Touched.ACTIONS | Touched.POLLS,
    ),
    RowKind.PROGRAMME: _Spec(
        ProgrammeItem,
        Touched.PROGRAMME,
        validation.check_programme_item,
        deps=PROGRAMME_ITEM_DEPENDANTS,
        also=Touched.INVITATIONS,
    ),
    RowKind.FUNDS: _Spec(FundingSource, Touched.BUDGET, validation.check_fund),
    RowKind.COSTS: _Spec(
        CostLine,
        Touched.BUDGET,
        validation.check_cost,
        deps=COST_LINE_DEPENDANTS,
        also=Touched.INVITATIONS,
    ),
    RowKind.MEETINGS: _Spec(
        Meeting,
        Touched.MEETINGS,
        meeting_checks.check_meeting,
        deps=MEETING_DEPENDANTS,
        also=Touched.ACTIONS | Touched.POLLS | Touched.NOTES,
    ),
    RowKind.DECISIONS: _Spec(
        Decision, Touched.MEETINGS, meeting_checks.check_decision, parent=Meeting
    ),
    RowKind.ACTIONS: _Spec(ActionItem, Touched.ACTIONS, meeting_checks.check_action),
    RowKind.POLLS: _Spec(Poll, Touched.POLLS, meeting_checks.check_poll, deps=POLL_DEPENDANTS),
    RowKind.POLL_OPTIONS: _Spec(
        PollOption, Touched.POLLS, meeting_checks.check_poll_option, parent=Poll
    ),
    RowKind.BOOKINGS: _Spec(
        Booking,
        Touched.BOOKINGS,
        creche_checks.check_booking,
        deps=BOOKING_DEPENDANTS,
        also=Touched.CRECHE,
        before_add=bookings.place_booking,
        after_edit=bookings.record_status,
    ),
    RowKind.CHILDREN: _Spec(Child, Touched.CRECHE, creche_checks.check_child, parent=Booking),
    RowKind.STAFF: _Spec(CrecheStaff, Touched.CRECHE, creche_checks.check_staff),
    RowKind.LESSONS: _Spec(Lesson, Touched.LESSONS, coproduction_checks.check_lesson),
    RowKind.RECEIVED: _Spec(Received, Touched.LEDGER, coproduction_checks.check_received),
}


def _editable(spec: _Spec) -> list[str]:
    fixed = {"id", spec.parent_column, VERSION_COLUMN}
    return [c.key for c in spec.model.__table__.columns if c.key not in fixed]


def _event_of(session: Session, spec: _Spec, parent_id: int) -> int:
    if spec.parent is Event:
        return parent_id
    parent = get_or_raise(session, spec.parent, parent_id, spec.parent.__tablename__)
    return int(parent.event_id)  # type: ignore[attr-defined]


_CONSENT_DATES = {
    RowKind.MEMBERS: ("consent_to_keep", "consent_date"),
    RowKind.BOOKINGS: ("contact_consent", "contact_consent_date"),
}


def _prepare(
    session: Session, kind: RowKind, values: Mapping[str, Any], current: Mapping[str, Any]
) -> dict[str, Any]:
    prepared = dict(values)
    if kind is RowKind.MEMBERS and "organisation" in prepared:
        prepared["organisation_id"] = organisation_id_for(session, prepared.pop("organisation"))
    if kind in _CONSENT_DATES:
        # Consent is dated when it is given; saving the form again keeps the first date.
        consent, dated = _CONSENT_DATES[kind]
        if prepared.get(consent) and not prepared.get(dated):
            if current.get(consent) and current.get(dated):
                prepared.pop(dated, None)
            else:
                prepared[dated] = dt.date.today()
    if kind is RowKind.ACTIONS and "done" in prepared:
        # An explicit done_at (undo putting the old values back) is kept as it was.
        prepared.setdefault(
            "done_at", dt.datetime.now(dt.UTC).replace(tzinfo=None) if prepared["done"] else None
        )
    return prepared


def _touched(spec: _Spec, prepared: Mapping[str, Any]) -> Touched:
    extra = Touched.ORGANISATIONS if "organisation_id" in prepared else Touched.NONE
    return spec.touched | extra


def add_row(store: Store, *, kind: RowKind, parent_id: int, values: Mapping[str, Any]) -> Changes:
    """Add a row (member, programme item, fund, cost, meeting, decision, action, poll…)."""
    spec = _SPECS[kind]
    with store.begin() as s:
        event_id = _event_of(s, spec, parent_id)
        get_or_raise(s, spec.parent, parent_id, spec.parent.__tablename__)
        prepared = _prepare(s, kind, values, {})
        spec.check(prepared, {})
        if spec.before_add is not None:
            spec.before_add(s, event_id, prepared)
        row = spec.model(**{spec.parent_column: parent_id}, **prepared)
        s.add(row)
        s.flush()
        if spec.after_edit is not None:
            spec.after_edit(s, row, {}, prepared)
            s.flush()
        row_id = int(row.id)  # type: ignore[attr-defined]
        return Changes(
            _touched(spec, prepared),
            event_id=event_id,
            created_id=row_id,
            row_id=row_id,
            row_version=version_of(row),
        )


@retry_races
def update_row(
    store: Store,
    *,
    kind: RowKind,
    row_id: int,
    values: Mapping[str, Any],
    base: Mapping[str, Any] | None = None,
    expected_version: int | None = None,
) -> Changes:
    """Edit one row; `previous` holds the old values so undo can put them back.

    An editor passes what it showed (`base`) and the row version it showed it at: if the
    row has moved on since, the edit is merged field by field or refused as an
    EditConflict (see organiser.core.versions). A save racing another one at the same
    instant is read again and retried, so neither is lost.
    """
    spec = _SPECS[kind]
    with store.begin() as s:
        row = get_or_raise(s, spec.model, row_id, kind.value)
        values = merge_edit(
            row,
            values,
            base=base,
            expected_version=expected_version,
            what=kind.value,
            row_id=row_id,
            stored=_stored_names(s, row, values),
        )
        current = row_dict(row)
        prepared = _prepare(s, kind, values, current)
        spec.check(prepared, current)
        previous = apply_values(row, prepared, _editable(spec))
        if previous and spec.after_edit is not None:
            s.flush()
            spec.after_edit(s, row, previous, prepared)
        s.flush()
        event_id = _event_of(s, spec, getattr(row, spec.parent_column))
        touched = _touched(spec, previous) if previous else Touched.NONE
        return Changes(
            touched,
            event_id=event_id,
            previous=previous,
            row_id=row_id,
            row_version=version_of(row),
            current={key: getattr(row, key) for key in previous},
        )


def _stored_names(session: Session, row: Base, values: Mapping[str, Any]) -> dict[str, Any]:
    """What is stored now for a field typed as a name (a member's organisation)."""
    if "organisation" in values and hasattr(row, "organisation_id"):
        return {"organisation": organisation_name(session, row.organisation_id)}
    return {}


def current_version(store: Store, *, kind: RowKind, row_id: int) -> int:
    """The row's version now: what an editor remembers when it shows the row."""
    spec = _SPECS[kind]
    with store.begin() as s:
        return version_of(get_or_raise(s, spec.model, row_id, kind.value))


def delete_row(store: Store, *, kind: RowKind, row_id: int) -> Changes:
    """Delete one row and what hangs on it; the snapshot lets undo restore all of it."""
    spec = _SPECS[kind]
    with store.begin() as s:
        row = get_or_raise(s, spec.model, row_id, kind.value)
        event_id = _event_of(s, spec, getattr(row, spec.parent_column))
        saved = snapshot(s, row, spec.deps)
        s.delete(row)
        return Changes(
            spec.touched | spec.also,
            event_id=event_id,
            snapshot=saved,
            row_id=row_id,
        )


def restore_row(store: Store, *, kind: RowKind, snapshot: Mapping[str, Any]) -> Changes:
    """Undo a deletion: the row comes back with its id, children and links."""
    spec = _SPECS[kind]
    row = snapshot["row"]
    with store.begin() as s:
        event_id = _event_of(s, spec, row[spec.parent_column])
        restore(s, spec.model, snapshot, spec.deps)
        return Changes(
            spec.touched | spec.also,
            event_id=event_id,
            created_id=row["id"],
            row_id=row["id"],
        )
