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
from organiser.core.changes import Changes, Touched
from organiser.core.db import Store
from organiser.core.demo import DEMO_TITLE, add_demo_event
from organiser.core.errors import Conflict, NotFound, ValidationError
from organiser.core.events import service as events
from organiser.core.flyer import versions as flyer_versions
from organiser.core.meetings import service as meetings
from organiser.core.opening import open_store
from organiser.core.parsing import name_key
from organiser.core.paths import database_url
from organiser.core.row_kinds import RowKind
from organiser.core.speakers import invitations
from organiser.core.speakers import service as speakers
from organiser.core.team.offline import (
    OfflineEvent,
    bring_back,
    held_by,
    offline_events,
    plan_bring_back,
    release_hold,
    take_offline,
    team_address,
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
        OfflineEvent(local_id, DEMO_TITLE, team_address(team.url), demo, "Amira Hassan", since)
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
    crud.add_row(local, kind=RowKind.MEETINGS, parent_id=taken, values={"title": "Offline"})
    speaker = speakers.add_speaker(local, values={"name": "Dr Nadia Rahman"}).created_id
    assert speaker is not None
    invitations.add_invitation(local, event_id=taken, values={"speaker_id": speaker})
    booking = _id(local, "booking", taken, name="Priya Shah")
    crud.update_row(local, kind=RowKind.BOOKINGS, row_id=booking, values={"contact": "07700"})
    crud.add_row(
        local,
        kind=RowKind.MEMBERS,
        parent_id=taken,
        values={"name": "Ola Nowak", "organisation": "Harbour Runners"},
    )
    events.update_event(local, event_id=taken, values={"venue_name": "The Lido"})
    # On the team meanwhile: a new booking, the same booking's notes, the event's capacity.
    crud.add_row(team, kind=RowKind.BOOKINGS, parent_id=demo, values={"name": "Ola Nowak"})
    team_booking = _id(team, "booking", demo, name="Priya Shah")
    crud.update_row(team, kind=RowKind.BOOKINGS, row_id=team_booking, values={"notes": "Late"})
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
        local, kind=RowKind.MEMBERS, parent_id=taken, values={"name": "Ola Nowak"}
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
    crud.add_row(local, kind=RowKind.MEETINGS, parent_id=taken, values={"title": "Offline"})
    team_before, local_before = _fingerprint(team), _fingerprint(local)
    with pytest.raises(Conflict, match=r"1 clash needs a decision.*First ideas.*notes"):
        bring_back(local, team, event_id=taken)
    with pytest.raises(ValidationError, match="offline, team or both"):
        bring_back(local, team, event_id=taken, choices={"meeting:1:notes": "mine"})
    assert (_fingerprint(team), _fingerprint(local)) == (team_before, local_before)
    assert held_by(team, demo)[0] == "Amira Hassan"


def test_both_is_only_for_long_text(team: Store, local: Store, demo: int, taken: int) -> None:
    booking = _id(local, "booking", taken, name="Priya Shah")
    crud.update_row(local, kind=RowKind.BOOKINGS, row_id=booking, values={"contact": "A"})
    team_booking = _id(team, "booking", demo, name="Priya Shah")
    crud.update_row(team, kind=RowKind.BOOKINGS, row_id=team_booking, values={"contact": "B"})
    [clash] = plan_bring_back(local, team, event_id=taken).clashes
    assert not clash.is_text and (clash.offline, clash.team) == ("A", "B")
    with pytest.raises(ValidationError, match="choose offline or team"):
        bring_back(local, team, event_id=taken, choices={clash.key: "both"})


def test_a_dry_run_writes_nothing_anywhere(
    team: Store, local: Store, demo: int, taken: int, notes_clash: tuple[int, str, str]
) -> None:
    crud.delete_row(
        local, kind=RowKind.BOOKINGS, row_id=_id(local, "booking", taken, name="Megan Lloyd")
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
        local, kind=RowKind.BOOKINGS, row_id=_id(local, "booking", taken, name="Megan Lloyd")
    )
    # Priya's is deleted offline but edited on the team: a clash.
    priya = _id(team, "booking", demo, name="Priya Shah")
    crud.delete_row(
        local, kind=RowKind.BOOKINGS, row_id=_id(local, "booking", taken, name="Priya Shah")
    )
    crud.update_row(team, kind=RowKind.BOOKINGS, row_id=priya, values={"notes": "Called her"})

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
    crud.delete_row(team, kind=RowKind.MEMBERS, row_id=_id(team, "member", demo, name="Dev Okafor"))
    # "Speakers and budget" is deleted on the team, but its notes were edited offline.
    crud.delete_row(
        team,
        kind=RowKind.MEETINGS,
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
        kind=RowKind.BOOKINGS,
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


# -- rows that hang on a deleted row by a cascading link other than their owner --------------


def test_a_member_deleted_offline_takes_their_sign_offs_along(
    team: Store, local: Store, demo: int, taken: int
) -> None:
    team_zoe = _id(team, "member", demo, name="Zoë Marsh")
    assert [r for r in _all(team, "flyer_sign_off") if r["member_id"] == team_zoe]
    crud.delete_row(
        local, kind=RowKind.MEMBERS, row_id=_id(local, "member", taken, name="Zoë Marsh")
    )
    plan = plan_bring_back(local, team, event_id=taken)
    assert plan.clashes == []
    assert [d.key for d in plan.differences if d.kind == "delete"] == [f"member:{team_zoe}"]
    bring_back(local, team, event_id=taken)
    assert _row(team, "member", team_zoe) is None
    assert not [r for r in _all(team, "flyer_sign_off") if r["member_id"] == team_zoe]


def test_a_feedback_question_deleted_offline_takes_its_answers_along(
    team: Store, local: Store, demo: int, taken: int
) -> None:
    answered = {r["question_id"] for r in _all(local, "feedback_answer")}
    question = min(q["id"] for q in _all(local, "feedback_question") if q["id"] in answered)
    with local.begin() as s:  # the app archives a question; another version might delete it
        s.execute(T["feedback_question"].delete().where(T["feedback_question"].c.id == question))
    team_question = {v: k for k, v in _links(local, "feedback_question").items()}[question]
    plan = plan_bring_back(local, team, event_id=taken)
    assert [d.key for d in plan.differences] == [f"feedback_question:{team_question}"]
    bring_back(local, team, event_id=taken)
    assert _row(team, "feedback_question", team_question) is None
    assert not [a for a in _all(team, "feedback_answer") if a["question_id"] == team_question]


def _links(local: Store, name: str) -> dict[int, int]:
    """team id → local id of the rows of `name` recorded when the event was taken."""
    with local.begin() as s:
        rows = s.execute(
            select(T["offline_row"].c.team_id, T["offline_row"].c.local_id).where(
                T["offline_row"].c.table_name == name
            )
        )
        return {int(team_id): int(local_id) for team_id, local_id in rows}


@pytest.mark.parametrize("choice", ["offline", "team"])
def test_a_sign_off_added_on_the_team_under_a_member_deleted_offline_is_a_clash(
    team: Store, local: Store, demo: int, taken: int, choice: str
) -> None:
    team_zoe = _id(team, "member", demo, name="Zoë Marsh")
    newest = max(v["id"] for v in _all(team, "flyer_version"))
    flyer_versions.sign_off(team, version_id=newest, member_id=team_zoe, decision="Approved")
    crud.delete_row(
        local, kind=RowKind.MEMBERS, row_id=_id(local, "member", taken, name="Zoë Marsh")
    )
    plan = plan_bring_back(local, team, event_id=taken)
    [clash] = plan.clashes
    assert (clash.key, clash.offline) == (f"member:{team_zoe}", "deleted offline")
    bring_back(local, team, event_id=taken, choices={clash.key: choice})
    signed = [r for r in _all(team, "flyer_sign_off") if r["member_id"] == team_zoe]
    if choice == "team":
        assert _row(team, "member", team_zoe) is not None
        assert any(r["version_id"] == newest for r in signed)
    else:
        assert _row(team, "member", team_zoe) is None and signed == []


def test_a_poll_added_on_the_team_under_a_meeting_deleted_offline_is_a_clash(
    team: Store, local: Store, demo: int, taken: int
) -> None:
    team_meeting = _id(team, "meeting", demo, title="Speakers and budget")
    crud.add_row(
        team,
        kind=RowKind.POLLS,
        parent_id=demo,
        values={"title": "Which room?", "meeting_id": team_meeting},
    )
    crud.delete_row(
        local,
        kind=RowKind.MEETINGS,
        row_id=_id(local, "meeting", taken, title="Speakers and budget"),
    )
    [clash] = plan_bring_back(local, team, event_id=taken).clashes
    assert clash.key == f"meeting:{team_meeting}"
    bring_back(local, team, event_id=taken, choices={clash.key: "team"})
    assert _id(team, "poll", demo, title="Which room?")


@pytest.mark.parametrize("choice", ["offline", "team"])
def test_a_sign_off_added_offline_by_a_member_deleted_on_the_team(
    team: Store, local: Store, demo: int, taken: int, choice: str
) -> None:
    # Offline, Zoë approves the newest version; on the team, Zoë is removed from the group.
    zoe = _id(local, "member", taken, name="Zoë Marsh")
    newest = max(v["id"] for v in _all(local, "flyer_version"))
    flyer_versions.sign_off(local, version_id=newest, member_id=zoe, decision="Approved")
    team_zoe = _id(team, "member", demo, name="Zoë Marsh")
    crud.delete_row(team, kind=RowKind.MEMBERS, row_id=team_zoe)
    plan = plan_bring_back(local, team, event_id=taken)
    [clash] = plan.clashes
    assert (clash.where, clash.team) == ("Member: Zoë Marsh", "deleted on the team database")
    assert not [d for d in plan.differences if d.kind == "add"]  # the sign-off waits on her
    mine = {r["version_id"] for r in _all(local, "flyer_sign_off") if r["member_id"] == zoe}
    bring_back(local, team, event_id=taken, choices={clash.key: choice})
    back = [m["id"] for m in _all(team, "member") if m["name"] == "Zoë Marsh"]
    if choice == "team":
        assert back == []
    else:  # she comes back with every sign-off of hers, the new one too
        [again] = back
        signed = {r["version_id"] for r in _all(team, "flyer_sign_off") if r["member_id"] == again}
        assert len(signed) == len(mine) == 2 and newest in mine


# -- the shared directories: organisations and speakers ------------------------------------


def _speaker(store: Store, name: str) -> dict[str, Any]:
    [found] = [s for s in _all(store, "speaker") if s["name"] == name]
    return found


def test_a_speaker_edited_offline_is_brought_back(
    team: Store, local: Store, demo: int, taken: int
) -> None:
    priya = _speaker(local, "Priya Shah")
    speakers.update_speaker(
        local, speaker_id=priya["id"], values={"email": "priya.shah@example.org"}
    )
    team_priya = _speaker(team, "Priya Shah")
    speakers.update_speaker(team, speaker_id=team_priya["id"], values={"phone": "07700 900 999"})
    plan = plan_bring_back(local, team, event_id=taken)
    assert [(d.kind, d.where, d.field) for d in plan.differences] == [
        ("edit", "Speaker: Priya Shah", "email")
    ]
    assert plan.differences[0].key == f"speaker:{team_priya['id']}:email"
    bring_back(local, team, event_id=taken)
    after = _speaker(team, "Priya Shah")
    assert (after["email"], after["phone"]) == ("priya.shah@example.org", "07700 900 999")


def test_a_speaker_edited_on_both_sides_is_a_clash(
    team: Store, local: Store, demo: int, taken: int
) -> None:
    speakers.update_speaker(
        local, speaker_id=_speaker(local, "Priya Shah")["id"], values={"bio": "Offline bio"}
    )
    team_priya = _speaker(team, "Priya Shah")["id"]
    speakers.update_speaker(team, speaker_id=team_priya, values={"bio": "Team bio"})
    [clash] = plan_bring_back(local, team, event_id=taken).clashes
    assert (clash.key, clash.where, clash.is_text) == (
        f"speaker:{team_priya}:bio",
        "Speaker: Priya Shah",
        True,
    )
    bring_back(local, team, event_id=taken, choices={clash.key: "both"})
    assert _speaker(team, "Priya Shah")["bio"] == merged_text("Offline bio", "Team bio")


def test_an_organisation_renamed_and_a_new_one_chosen_offline(
    team: Store, local: Store, demo: int, taken: int
) -> None:
    jordan = _speaker(local, "Jordan Reece")
    with local.begin() as s:
        organisation = T["organisation"]
        s.execute(
            organisation.update()
            .where(organisation.c.id == jordan["organisation_id"])
            .values(name="Seaside Health Coaches", name_key=name_key("Seaside Health Coaches"))
        )
    speakers.update_speaker(
        local,
        speaker_id=_speaker(local, "Priya Shah")["id"],
        values={"organisation": "Harbour Pilates"},
    )
    plan = plan_bring_back(local, team, event_id=taken)
    kinds = {(d.kind, d.where, d.field) for d in plan.differences}
    assert ("edit", "Organisation: Seaside Health Coaches", "name") in kinds
    assert ("add", "Organisation: Harbour Pilates", "") in kinds
    assert ("edit", "Speaker: Priya Shah", "organisation_id") in kinds
    assert not any(d.field == "name_key" for d in plan.differences)
    bring_back(local, team, event_id=taken)
    names = {o["id"]: o for o in _all(team, "organisation")}
    team_jordan = _speaker(team, "Jordan Reece")
    assert names[team_jordan["organisation_id"]]["name"] == "Seaside Health Coaches"
    assert names[team_jordan["organisation_id"]]["name_key"] == name_key("Seaside Health Coaches")
    assert names[_speaker(team, "Priya Shah")["organisation_id"]]["name"] == "Harbour Pilates"


def test_a_speaker_deleted_offline_stays_on_the_team_and_the_plan_says_so(
    team: Store, local: Store, demo: int, taken: int
) -> None:
    mei = _speaker(local, "Mei Lin")
    [invitation] = [r["id"] for r in _all(local, "invitation") if r["speaker_id"] == mei["id"]]
    invitations.delete_invitation(local, invitation_id=invitation)
    speakers.delete_speaker(local, speaker_id=mei["id"])
    team_mei = _speaker(team, "Mei Lin")
    plan = plan_bring_back(local, team, event_id=taken)
    [note] = [d for d in plan.differences if d.where == "Speaker: Mei Lin"]
    assert (note.key, note.kind, note.offline) == (
        f"speaker:{team_mei['id']}",
        "note",
        "deleted offline",
    )
    assert note.team == "not brought back: speakers and organisations are shared by every event"
    assert plan.clashes == [] and plan.summary().endswith("1 not brought back")
    bring_back(local, team, event_id=taken)
    assert _speaker(team, "Mei Lin") == team_mei
    assert not [r for r in _all(team, "invitation") if r["speaker_id"] == team_mei["id"]]


def test_a_speaker_this_file_already_had_keeps_its_own_details(
    team: Store, local: Store, demo: int
) -> None:
    # The laptop's directory has Priya with a phone of its own: taking the event links her, and
    # that older difference is not an offline change to bring back.
    priya = _speaker(team, "Priya Shah")
    speakers.add_speaker(
        local, values={"name": "Priya Shah", "email": priya["email"], "phone": "01234 567890"}
    )
    taken_here = take_offline(team, local, event_id=demo, who="Amira Hassan").created_id
    assert taken_here is not None
    assert [s["phone"] for s in _all(local, "speaker") if s["name"] == "Priya Shah"] == [
        "01234 567890"
    ]
    assert plan_bring_back(local, team, event_id=taken_here).differences == []


# -- taking an event copied from this same file ---------------------------------------------


def test_an_event_copied_from_this_file_can_be_taken_offline_into_it(
    team: Store, local: Store
) -> None:
    # README step 6: the file's events were copied to the team database; later one of them is
    # taken offline into the same file. The file's own event is not the offline copy.
    mine = add_demo_event(local, today=TODAY)
    [(_, on_team, _)] = copy_events(local, team).events
    taken_here = take_offline(team, local, event_id=on_team, who="Amira Hassan").created_id
    assert taken_here is not None and taken_here != mine
    assert [e.event_id for e in offline_events(local)] == [taken_here]
    events.update_event(local, event_id=taken_here, values={"venue_name": "The Lido"})
    bring_back(local, team, event_id=taken_here)
    assert _row(team, "event", on_team)["venue_name"] == "The Lido"  # type: ignore[index]
    assert _row(local, "event", mine) is not None


# -- who holds an event ---------------------------------------------------------------------


@pytest.fixture
def laptop_two(tmp_path: Path, migrated_template: Path) -> Iterator[Store]:
    """A second person's own SQLite file."""
    path = tmp_path / "laptop-two" / "organiser.sqlite"
    path.parent.mkdir()
    shutil.copyfile(migrated_template, path)
    with closing(open_store(database_url(str(path)), daily_backup=False)) as opened:
        yield opened


def test_a_second_person_is_told_who_has_the_event_and_may_take_it_as_well(
    team: Store, local: Store, demo: int, taken: int, laptop_two: Store
) -> None:
    who, since = held_by(team, demo)
    assert since is not None
    words = rf"already taken offline by Amira Hassan \(since {since:%d/%m/%Y %H:%M} UTC\)"
    with pytest.raises(Conflict, match=words):
        take_offline(team, laptop_two, event_id=demo, who="Zoë Marsh")
    assert offline_events(laptop_two) == [] and held_by(team, demo) == (who, since)
    second = take_offline(team, laptop_two, event_id=demo, who="Zoë Marsh", also=True)
    assert second.created_id is not None
    assert held_by(team, demo) == ("Amira Hassan, Zoë Marsh", since)
    bring_back(local, team, event_id=taken)
    assert held_by(team, demo) == ("Zoë Marsh", since)
    bring_back(laptop_two, team, event_id=second.created_id)
    assert held_by(team, demo) == ("", None)


def test_a_name_with_a_comma_is_refused(team: Store, local: Store, demo: int) -> None:
    with pytest.raises(ValidationError, match="comma"):
        take_offline(team, local, event_id=demo, who="Marsh, Zoë")


def test_a_hold_can_be_released_without_the_copy(
    team: Store, local: Store, demo: int, taken: int, laptop_two: Store
) -> None:
    take_offline(team, laptop_two, event_id=demo, who="Zoë Marsh", also=True)
    assert release_hold(team, event_id=demo, who="Amira Hassan") == Changes(
        Touched.EVENTS, event_id=demo
    )
    assert held_by(team, demo)[0] == "Zoë Marsh"
    with pytest.raises(ValidationError, match="Zoë Marsh"):
        release_hold(team, event_id=demo, who="Dev Okafor")
    release_hold(team, event_id=demo)
    assert held_by(team, demo) == ("", None)
    with pytest.raises(NotFound):
        release_hold(team, event_id=demo + 100)
    crud.update_row(
        local,
        kind=RowKind.BOOKINGS,
        row_id=_id(local, "booking", taken, name="Priya Shah"),
        values={"adults": 3},
    )
    bring_back(local, team, event_id=taken)  # the copy still comes back as usual
    assert held_by(team, demo) == ("", None)
    assert _row(team, "booking", _id(team, "booking", demo, name="Priya Shah"))["adults"] == 3  # type: ignore[index]


# -- the team's address ----------------------------------------------------------------------


def test_the_team_address_has_no_password_options_or_usual_port() -> None:
    window = "postgresql+psycopg://amira:s3cret@DB.Example.org:5432/team?connect_timeout=10"
    typed = "postgresql://amira@db.example.org/team"
    assert team_address(window) == team_address(typed) == "postgresql://amira@db.example.org/team"
    assert "s3cret" not in team_address(window)
    assert team_address("postgresql://amira@db.example.org:6543/team").endswith(":6543/team")
    assert team_address("sqlite:////srv/team/organiser.sqlite?timeout=5") == (
        "/srv/team/organiser.sqlite"
    )


def test_the_same_team_reached_by_another_address_is_still_the_same(
    team: Store, local: Store, demo: int, taken: int
) -> None:
    [copy] = offline_events(local)
    assert copy.team_address == team_address(team.url) and "?" not in copy.team_address
    joiner = "&" if "?" in team.url else "?"
    timeout = "connect_timeout=10" if team.path is None else "timeout=5"
    again = open_store(f"{team.url}{joiner}{timeout}", daily_backup=False)
    with closing(again), pytest.raises(Conflict, match="already taken offline into this database"):
        take_offline(again, local, event_id=demo, who="Amira Hassan", also=True)


# -- keeping both texts ----------------------------------------------------------------------


def test_both_texts_must_fit_in_one_text(team: Store, local: Store, demo: int, taken: int) -> None:
    offline_text, team_text = "o" * 1_100_000, "t" * 1_100_000
    meetings.save_notes(
        local, meeting_id=_id(local, "meeting", taken, title="First ideas"), text=offline_text
    )
    team_meeting = _id(team, "meeting", demo, title="First ideas")
    meetings.save_notes(team, meeting_id=team_meeting, text=team_text)
    [clash] = plan_bring_back(local, team, event_id=taken).clashes
    before = _fingerprint(team)
    with pytest.raises(ValidationError, match=r"2,000,000 characters.*choose offline or team"):
        bring_back(local, team, event_id=taken, choices={clash.key: "both"})
    assert _fingerprint(team) == before
    bring_back(local, team, event_id=taken, choices={clash.key: "offline"})
    assert _row(team, "meeting", team_meeting)["notes"] == offline_text  # type: ignore[index]


def test_a_poll_moved_offline_off_a_meeting_deleted_offline_stays(
    team: Store, local: Store, demo: int
) -> None:
    first = _id(team, "meeting", demo, title="First ideas")
    crud.add_row(
        team, kind=RowKind.POLLS, parent_id=demo, values={"title": "Room", "meeting_id": first}
    )
    taken_here = take_offline(team, local, event_id=demo, who="Amira Hassan").created_id
    assert taken_here is not None
    crud.update_row(
        local,
        kind=RowKind.POLLS,
        row_id=_id(local, "poll", taken_here, title="Room"),
        values={"meeting_id": _id(local, "meeting", taken_here, title="Speakers and budget")},
    )
    crud.delete_row(
        local,
        kind=RowKind.MEETINGS,
        row_id=_id(local, "meeting", taken_here, title="First ideas"),
    )
    bring_back(local, team, event_id=taken_here)
    assert _row(team, "meeting", first) is None
    poll = _row(team, "poll", _id(team, "poll", demo, title="Room"))
    assert poll is not None
    assert poll["meeting_id"] == _id(team, "meeting", demo, title="Speakers and budget")
