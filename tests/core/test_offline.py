"""Taking an event offline from a team database and bringing it back, three-way merged."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from organiser.core import crud
from organiser.core.backup import list_backups
from organiser.core.base import Base
from organiser.core.changes import Touched
from organiser.core.db import Store
from organiser.core.demo import DEMO_TITLE, add_demo_event
from organiser.core.errors import Conflict, NotFound, ValidationError
from organiser.core.events import service as events
from organiser.core.meetings import service as meetings
from organiser.core.opening import open_store
from organiser.core.paths import database_url
from organiser.core.sections import Section
from organiser.core.speakers import invitations
from organiser.core.speakers import service as speakers
from organiser.core.team.offline import (
    OfflineEvent,
    bring_back,
    held_by,
    offline_events,
    plan_bring_back,
    take_offline,
)
from organiser.core.team.transfer import copied_tables, copy_events, owned_rows
from organiser.core.versions import merged_text

TODAY = dt.date(2027, 2, 1)
T = Base.metadata.tables


@pytest.fixture
def team(store: Store) -> Store:
    """The team database: the PostgreSQL server when that backend runs, else a SQLite file."""
    return store


@pytest.fixture
def local(tmp_path: Path, migrated_template: Path) -> Iterator[Store]:
    """The laptop's own SQLite file, where the event is taken to."""
    path = tmp_path / "laptop" / "organiser.sqlite"
    path.parent.mkdir()
    shutil.copyfile(migrated_template, path)
    with closing(open_store(database_url(str(path)), daily_backup=False)) as opened:
        yield opened


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path) -> Path:
    """A SQLite file holding the example event, made once (building it takes a second)."""
    path = tmp_path_factory.mktemp("demo") / "organiser.sqlite"
    shutil.copyfile(migrated_template, path)
    with closing(open_store(database_url(str(path)), daily_backup=False)) as made:
        add_demo_event(made, today=TODAY)
    return path


@pytest.fixture
def demo(team: Store, demo_file: Path) -> int:
    """The example event on the team database."""
    with closing(open_store(database_url(str(demo_file)), daily_backup=False)) as example:
        [(_, event_id, _)] = copy_events(example, team).events
    return event_id


@pytest.fixture
def taken(team: Store, local: Store, demo: int) -> int:
    """The demo event taken offline by Amira; returns its id in the local store."""
    changes = take_offline(team, local, event_id=demo, who="Amira Hassan")
    assert changes.created_id is not None
    return changes.created_id


def _id(store: Store, kind: str, event_id: int, /, **where: Any) -> int:
    """The id of the event's one row of table `kind` with these values."""
    each = T[kind]
    with store.begin() as s:
        chosen = select(T["event"].c.id).where(T["event"].c.id == event_id)
        rows = [r for r in owned_rows(s, kind, chosen) if all(r[k] == v for k, v in where.items())]
    assert len(rows) == 1, (kind, where, rows)
    return int(rows[0][each.primary_key.columns[0].name])


def _row(store: Store, name: str, row_id: int) -> dict[str, Any] | None:
    with store.begin() as s:
        found = s.execute(select(T[name]).where(T[name].c.id == row_id)).first()
    return None if found is None else dict(found._mapping)


def _fingerprint(store: Store) -> str:
    """A hash of every row of every table: proof that nothing was written."""
    digest = hashlib.sha256()
    with store.begin() as s:
        for each in Base.metadata.sorted_tables:
            rows = sorted(repr(tuple(r)) for r in s.execute(select(each)))
            digest.update(f"{each.name}:{rows}".encode())
    return digest.hexdigest()


def _counts(store: Store, event_id: int) -> dict[str, int]:
    with store.begin() as s:
        chosen = select(T["event"].c.id).where(T["event"].c.id == event_id)
        return {
            t.name: len(owned_rows(s, t.name, chosen))
            for t in copied_tables()
            if t.name not in {"organisation", "speaker", "setting"}
        }


def test_taking_offline_copies_the_event_and_says_who_has_it(
    team: Store, local: Store, demo: int
) -> None:
    changes = take_offline(team, local, event_id=demo, who="  Amira   Hassan ")
    local_id = changes.created_id
    assert local_id is not None and changes.event_id == local_id
    assert Touched.EVENTS in changes
    who, since = held_by(team, demo)
    assert who == "Amira Hassan" and isinstance(since, dt.datetime)
    assert offline_events(local) == [
        OfflineEvent(local_id, DEMO_TITLE, team.display_name, demo, "Amira Hassan", since)
    ]
    assert _counts(local, local_id) == _counts(team, demo)
    copied = _row(local, "event", local_id)
    assert (
        copied is not None
        and copied["taken_offline_by"] == ""
        and copied["taken_offline_at"] is None
    )
    with local.begin() as s:
        recorded = s.scalar(select(func.count()).select_from(T["offline_row"]))
    shared = sum(len(rows) for rows in (_all(local, "organisation"), _all(local, "speaker")))
    assert recorded == sum(_counts(local, local_id).values()) + shared
    plan = plan_bring_back(local, team, event_id=local_id)
    assert plan.differences == [] and plan.clashes == []
    assert plan.summary() == "Nothing to bring back: no changes offline"
    assert (plan.event_id, plan.team_event_id, plan.title) == (local_id, demo, DEMO_TITLE)


def _all(store: Store, name: str) -> list[dict[str, Any]]:
    with store.begin() as s:
        return [dict(r._mapping) for r in s.execute(select(T[name]))]


def test_nobody_holds_an_event_that_was_never_taken(team: Store, demo: int) -> None:
    assert held_by(team, demo) == ("", None)
    with pytest.raises(NotFound):
        held_by(team, demo + 100)


def test_taking_the_same_event_twice_is_refused(
    team: Store, local: Store, demo: int, taken: int
) -> None:
    before = _fingerprint(local)
    with pytest.raises(Conflict, match="already taken offline into this database"):
        take_offline(team, local, event_id=demo, who="Amira Hassan")
    assert _fingerprint(local) == before
    with pytest.raises(ValidationError):
        take_offline(team, local, event_id=demo, who="   ")


def test_changes_on_both_sides_merge_and_nothing_is_lost(
    team: Store, local: Store, demo: int, taken: int
) -> None:
    # Offline: a new meeting, a new speaker invited, a booking's contact, an attendee added.
    crud.add_row(local, section=Section.MEETINGS, parent_id=taken, values={"title": "Offline"})
    speaker = speakers.add_speaker(local, values={"name": "Dr Nadia Rahman"}).created_id
    assert speaker is not None
    invitations.add_invitation(local, event_id=taken, values={"speaker_id": speaker})
    booking = _id(local, "booking", taken, name="Priya Shah")
    crud.update_row(local, section=Section.BOOKINGS, row_id=booking, values={"contact": "07700"})
    crud.add_row(
        local,
        section=Section.MEMBERS,
        parent_id=taken,
        values={"name": "Ola Nowak", "organisation": "Harbour Runners"},
    )
    events.update_event(local, event_id=taken, values={"venue_name": "The Lido"})
    # On the team meanwhile: a new booking, the same booking's notes, the event's capacity.
    crud.add_row(team, section=Section.BOOKINGS, parent_id=demo, values={"name": "Ola Nowak"})
    team_booking = _id(team, "booking", demo, name="Priya Shah")
    crud.update_row(team, section=Section.BOOKINGS, row_id=team_booking, values={"notes": "Late"})
    events.update_event(team, event_id=demo, values={"capacity": 40})

    plan = plan_bring_back(local, team, event_id=taken)
    assert plan.clashes == []
    kinds = {(d.kind, d.where, d.field) for d in plan.differences}
    assert ("add", "Meeting “Offline”", "") in kinds
    assert ("add", "Speaker: Dr Nadia Rahman", "") in kinds
    assert ("edit", "Booking: Priya Shah", "contact") in kinds
    assert ("edit", "Event details", "venue_name") in kinds
    assert ("add", "Organisation: Harbour Runners", "") in kinds
    assert not any(d.field == "capacity" for d in plan.differences)  # the team's own change
    assert plan.summary().startswith(f"{sum(d.kind == 'add' for d in plan.differences)} added")

    applied = bring_back(local, team, event_id=taken)
    assert applied.differences == plan.differences
    merged = _row(team, "booking", team_booking)
    assert merged is not None and (merged["contact"], merged["notes"]) == ("07700", "Late")
    _id(team, "booking", demo, name="Ola Nowak")  # the team's own addition stays
    event = _row(team, "event", demo)
    assert event is not None and (event["venue_name"], event["capacity"]) == ("The Lido", 40)
    member = _row(team, "member", _id(team, "member", demo, name="Ola Nowak"))
    assert member is not None
    assert _row(team, "organisation", member["organisation_id"])["name"] == "Harbour Runners"  # type: ignore[index]
    _id(team, "meeting", demo, title="Offline")
    nadia = [s for s in _all(team, "speaker") if s["name"] == "Dr Nadia Rahman"]
    assert len(nadia) == 1
    _id(team, "invitation", demo, speaker_id=nadia[0]["id"])


def test_an_attendee_added_and_one_removed_offline(
    team: Store, local: Store, demo: int, taken: int
) -> None:
    meeting = _id(local, "meeting", taken, title="First ideas")
    members = {m["id"]: m["name"] for m in _all(local, "member") if m["event_id"] == taken}
    attended = {
        r["member_id"] for r in _all(local, "meeting_attendee") if r["meeting_id"] == meeting
    }
    newcomer = crud.add_row(
        local, section=Section.MEMBERS, parent_id=taken, values={"name": "Ola Nowak"}
    ).created_id
    assert newcomer is not None
    members[newcomer] = "Ola Nowak"
    now = {newcomer, *sorted(attended)[1:]}  # one in (new offline too), one out
    meetings.set_attendees(local, meeting_id=meeting, member_ids=now)
    team_meeting = _id(team, "meeting", demo, title="First ideas")

    plan = bring_back(local, team, event_id=taken)

    after = {
        r["member_id"] for r in _all(team, "meeting_attendee") if r["meeting_id"] == team_meeting
    }
    assert after == {_id(team, "member", demo, name=members[m]) for m in now}
    pairs = [d for d in plan.differences if d.where.startswith("Meeting attendee")]
    assert sorted(d.kind for d in pairs) == ["add", "delete"]
    assert all("Meeting “First ideas”" in d.where for d in pairs)


@pytest.fixture
def notes_clash(team: Store, local: Store, demo: int, taken: int) -> tuple[int, str, str]:
    """Both people rewrote the first meeting's notes: (team meeting id, offline, team text)."""
    offline_text = "Offline: we agreed on the harbour room.\nZoë will book it."
    team_text = "Team: the harbour room is taken; try the library."
    meetings.save_notes(
        local, meeting_id=_id(local, "meeting", taken, title="First ideas"), text=offline_text
    )
    team_meeting = _id(team, "meeting", demo, title="First ideas")
    meetings.save_notes(team, meeting_id=team_meeting, text=team_text)
    return team_meeting, offline_text, team_text


def test_notes_rewritten_on_both_sides_are_a_clash_that_can_keep_both(
    team: Store, local: Store, taken: int, notes_clash: tuple[int, str, str]
) -> None:
    team_meeting, _offline_text, _team_text = notes_clash
    plan = plan_bring_back(local, team, event_id=taken)
    [clash] = plan.clashes
    assert clash.key == f"meeting:{team_meeting}:notes"
    assert (clash.where, clash.field, clash.label) == ("Meeting “First ideas”", "notes", "notes")
    assert clash.is_text
    assert clash.offline.startswith("Offline: we agreed") and clash.team.startswith("Team:")
    assert clash.base.startswith("# First ideas")
    assert plan.summary().endswith("1 clash to decide")


@pytest.mark.parametrize("choice", ["offline", "team", "both"])
def test_each_choice_gives_its_notes(
    team: Store, local: Store, taken: int, notes_clash: tuple[int, str, str], choice: str
) -> None:
    team_meeting, offline_text, team_text = notes_clash
    plan = plan_bring_back(local, team, event_id=taken)
    bring_back(local, team, event_id=taken, choices={plan.clashes[0].key: choice})
    expected = {
        "offline": offline_text,
        "team": team_text,
        "both": merged_text(offline_text, team_text),
    }[choice]
    assert _row(team, "meeting", team_meeting)["notes"] == expected  # type: ignore[index]


def test_an_undecided_clash_is_refused_and_nothing_is_written(
    team: Store, local: Store, demo: int, taken: int, notes_clash: tuple[int, str, str]
) -> None:
    crud.add_row(local, section=Section.MEETINGS, parent_id=taken, values={"title": "Offline"})
    team_before, local_before = _fingerprint(team), _fingerprint(local)
    with pytest.raises(Conflict, match=r"1 clash needs a decision.*First ideas.*notes"):
        bring_back(local, team, event_id=taken)
    with pytest.raises(ValidationError, match="offline, team or both"):
        bring_back(local, team, event_id=taken, choices={"meeting:1:notes": "mine"})
    assert (_fingerprint(team), _fingerprint(local)) == (team_before, local_before)
    assert held_by(team, demo)[0] == "Amira Hassan"


def test_both_is_only_for_long_text(team: Store, local: Store, demo: int, taken: int) -> None:
    booking = _id(local, "booking", taken, name="Priya Shah")
    crud.update_row(local, section=Section.BOOKINGS, row_id=booking, values={"contact": "A"})
    team_booking = _id(team, "booking", demo, name="Priya Shah")
    crud.update_row(team, section=Section.BOOKINGS, row_id=team_booking, values={"contact": "B"})
    [clash] = plan_bring_back(local, team, event_id=taken).clashes
    assert not clash.is_text and (clash.offline, clash.team) == ("A", "B")
    with pytest.raises(ValidationError, match="choose offline or team"):
        bring_back(local, team, event_id=taken, choices={clash.key: "both"})


def test_a_dry_run_writes_nothing_anywhere(
    team: Store, local: Store, demo: int, taken: int, notes_clash: tuple[int, str, str]
) -> None:
    crud.delete_row(
        local, section=Section.BOOKINGS, row_id=_id(local, "booking", taken, name="Megan Lloyd")
    )
    team_before, local_before = _fingerprint(team), _fingerprint(local)
    plan = plan_bring_back(local, team, event_id=taken)
    assert plan.differences
    assert (_fingerprint(team), _fingerprint(local)) == (team_before, local_before)


@pytest.mark.parametrize("choice", ["offline", "team"])
def test_deleted_offline(team: Store, local: Store, demo: int, taken: int, choice: str) -> None:
    # Megan's booking is deleted offline and untouched on the team: it goes.
    megan = _id(team, "booking", demo, name="Megan Lloyd")
    crud.delete_row(
        local, section=Section.BOOKINGS, row_id=_id(local, "booking", taken, name="Megan Lloyd")
    )
    # Priya's is deleted offline but edited on the team: a clash.
    priya = _id(team, "booking", demo, name="Priya Shah")
    crud.delete_row(
        local, section=Section.BOOKINGS, row_id=_id(local, "booking", taken, name="Priya Shah")
    )
    crud.update_row(team, section=Section.BOOKINGS, row_id=priya, values={"notes": "Called her"})

    plan = plan_bring_back(local, team, event_id=taken)
    [clash] = plan.clashes
    assert (clash.key, clash.offline, clash.team) == (
        f"booking:{priya}",
        "deleted offline",
        "edited on the team database",
    )
    deletions = [d for d in plan.differences if d.kind == "delete"]
    assert [d.key for d in deletions] == [f"booking:{megan}"]  # her children go with her

    bring_back(local, team, event_id=taken, choices={clash.key: choice})
    assert _row(team, "booking", megan) is None
    kept = _row(team, "booking", priya)
    assert (
        (kept is None)
        if choice == "offline"
        else (kept is not None and kept["notes"] == "Called her")
    )


@pytest.mark.parametrize("choice", ["offline", "team"])
def test_deleted_on_the_team(team: Store, local: Store, demo: int, taken: int, choice: str) -> None:
    # Dev is deleted on the team and untouched offline: he stays deleted, nothing to decide.
    crud.delete_row(
        team, section=Section.MEMBERS, row_id=_id(team, "member", demo, name="Dev Okafor")
    )
    # "Speakers and budget" is deleted on the team, but its notes were edited offline.
    crud.delete_row(
        team,
        section=Section.MEETINGS,
        row_id=_id(team, "meeting", demo, title="Speakers and budget"),
    )
    offline_meeting = _id(local, "meeting", taken, title="Speakers and budget")
    meetings.save_notes(local, meeting_id=offline_meeting, text="Kept these offline")
    decisions = [d for d in _all(local, "decision") if d["meeting_id"] == offline_meeting]
    assert decisions

    plan = plan_bring_back(local, team, event_id=taken)
    [clash] = plan.clashes
    assert (clash.where, clash.offline, clash.team) == (
        "Meeting “Speakers and budget”",
        "edited offline",
        "deleted on the team database",
    )
    assert not any("Dev Okafor" in d.where for d in plan.differences)

    bring_back(local, team, event_id=taken, choices={clash.key: choice})
    back = [m for m in _all(team, "meeting") if m["title"] == "Speakers and budget"]
    if choice == "offline":
        [meeting] = back
        assert meeting["notes"] == "Kept these offline" and meeting["event_id"] == demo
        there = [d["text"] for d in _all(team, "decision") if d["meeting_id"] == meeting["id"]]
        assert sorted(there) == sorted(d["text"] for d in decisions)
    else:
        assert back == []
    assert not [m for m in _all(team, "member") if m["name"] == "Dev Okafor"]


def test_bringing_back_releases_the_event_and_removes_the_copy(
    team: Store, local: Store, demo: int, taken: int
) -> None:
    crud.update_row(
        local,
        section=Section.BOOKINGS,
        row_id=_id(local, "booking", taken, name="Priya Shah"),
        values={"adults": 2},
    )
    bring_back(local, team, event_id=taken)
    assert held_by(team, demo) == ("", None)
    assert offline_events(local) == []
    assert _row(local, "event", taken) is None
    assert _all(local, "offline_row") == []
    assert _row(team, "booking", _id(team, "booking", demo, name="Priya Shah"))["adults"] == 2  # type: ignore[index]
    assert local.path is not None
    assert [b for b in list_backups(local.path) if "before-bring-back" in b.path.name]
    with pytest.raises(NotFound):
        plan_bring_back(local, team, event_id=taken)


def test_bringing_back_to_another_database_is_refused(
    local: Store, taken: int, tmp_path: Path, migrated_template: Path
) -> None:
    path = tmp_path / "other" / "organiser.sqlite"
    path.parent.mkdir()
    shutil.copyfile(migrated_template, path)
    with closing(open_store(database_url(str(path)), daily_backup=False)) as other:
        add_demo_event(other, today=TODAY)
        with pytest.raises(Conflict, match="is not the team database"):
            plan_bring_back(local, other, event_id=taken)


def test_an_event_deleted_on_the_team_cannot_be_brought_back(
    team: Store, local: Store, demo: int, taken: int
) -> None:
    events.delete_event(team, event_id=demo)
    with pytest.raises(Conflict, match="no longer on the team database"):
        bring_back(local, team, event_id=taken)
    assert [e.event_id for e in offline_events(local)] == [taken]  # the copy is kept
