"""The purge reaches every copy Organiser keeps: a unique name and allergy planted in every
kind of personal field (and quoted in notes, their earlier versions, the report's words and
an offline snapshot) are found nowhere afterwards — in no table, no column, no byte of the
file. The scan reads the schema as it is, so a table added later is covered unchanged."""

from __future__ import annotations

import datetime as dt
import json
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from organiser.core import crud
from organiser.core.coproduction import narrative
from organiser.core.creche import privacy
from organiser.core.db import Store
from organiser.core.demo import add_demo_event
from organiser.core.feedback import responses
from organiser.core.feedback.form import list_questions
from organiser.core.feedback.kinds import Standard
from organiser.core.flyer import service as flyer
from organiser.core.flyer import versions
from organiser.core.meetings import service as meetings
from organiser.core.opening import open_store
from organiser.core.planning import service as planning
from organiser.core.row_kinds import RowKind
from organiser.core.team import offline

pytestmark = pytest.mark.sqlite_only

CHILD = "Żaneta-Quillon"  # a first name no real record holds, with a letter JSON escapes
SURNAME = "Ferreira-Zwick"
ALLERGY = "kumquat-pollen 7Q"
PARENT = "Oluwaseun Vantongeren-Ilyas"
CONTACT = "07700 913 582"
STAFF = "Bronwen Thistlewood-Ng"
PLANTED = (CHILD, SURNAME, ALLERGY, PARENT, CONTACT, STAFF)
ESCAPED = tuple(json.dumps(p)[1:-1] for p in PLANTED)  # \u017b for Ż, as JSON keeps it


def _plant(store: Store, event_id: int) -> None:
    booking = crud.add_row(
        store,
        kind=RowKind.BOOKINGS,
        parent_id=event_id,
        values={
            "name": PARENT,
            "contact": CONTACT,
            "adults": 1,
            "children": 1,
            "access_needs": f"Step-free; {CHILD} uses a walker",
            "notes": f"{CHILD} is allergic to {ALLERGY}",
        },
    ).created_id
    crud.add_row(
        store,
        kind=RowKind.CHILDREN,
        parent_id=booking,
        values={
            "first_name": CHILD,
            "last_name": SURNAME,
            "age_months": 30,
            "allergies": ALLERGY,
            "dietary": f"no {ALLERGY}",
            "medical": f"carries an inhaler for {ALLERGY}",
            "collectors": f"{PARENT} (mother)",
            "collection_password": "lighthouse-97X",
            "notes": f"{CHILD} naps at 11",
        },
    )
    crud.add_row(
        store,
        kind=RowKind.STAFF,
        parent_id=event_id,
        values={"name": STAFF, "qualification": "Level 3", "notes": f"knows {CHILD}"},
    )
    questions = {q.standard: q.id for q in list_questions(store, event_id)}
    responses.add_response(
        store,
        event_id=event_id,
        answers={
            questions[Standard.FIRST_NAME.value]: PARENT,
            questions[Standard.CONTACT.value]: CONTACT,
        },
    )


def _found(store: Store) -> list[str]:
    """Every table.column (of the file as it is, not as the code knows it) holding a plant."""
    hits = []
    with store.engine.connect() as connection:
        for name in inspect(connection).get_table_names():
            for column in inspect(connection).get_columns(name):
                for needle in {*PLANTED, *ESCAPED}:
                    where = f'CAST("{column["name"]}" AS TEXT) LIKE :n'
                    count = connection.execute(
                        text(f'SELECT count(*) FROM "{name}" WHERE {where}'),
                        {"n": f"%{needle}%"},
                    ).scalar()
                    if count:
                        hits.append(f"{name}.{column['name']} holds {needle!r}")
    return hits


def test_nothing_planted_is_left_anywhere_after_the_purge(tmp_path: Path) -> None:
    with closing(open_store(f"sqlite:///{tmp_path / 'team.sqlite'}")) as team:
        team_event = add_demo_event(team)
        _plant(team, team_event)
        with closing(open_store(f"sqlite:///{tmp_path / 'laptop.sqlite'}")) as laptop:
            event_id = offline.take_offline(
                team, laptop, event_id=team_event, who="Zoë Marsh"
            ).created_id
            assert event_id is not None
            meeting = meetings.list_meetings(laptop, event_id)[0].id
            day = dt.datetime(2026, 9, 2, 10, 0)
            first, last = PARENT.split(" ", 1)
            for minutes, words in ((0, "First thoughts"), (30, "Later thoughts")):
                meetings.save_notes(  # the editor wraps long lines, even inside a name
                    laptop,
                    meeting_id=meeting,
                    text=f"{words}: {CHILD} {SURNAME}. From her booking: {CHILD} is allergic "
                    f"to {ALLERGY}. Ring {CONTACT} and ask {first}\n{last}.",
                    now=day + dt.timedelta(minutes=minutes),
                )
            narrative.set_text(
                laptop, event_id=event_id, section="outcomes", text=f"{STAFF} ran it."
            )
            flyer.update_flyer(laptop, event_id=event_id, values={"strapline": f"For {CHILD}"})
            versions.save_version(laptop, event_id=event_id, note=f"Asked {PARENT}")
            assert _found(laptop), "the plants went in (the scan can find them)"

            privacy.purge_personal_data(laptop, event_id, keep_consented=False)

            assert _found(laptop) == []
            raw = (tmp_path / "laptop.sqlite").read_bytes()
            wal = tmp_path / "laptop.sqlite-wal"
            raw += wal.read_bytes() if wal.exists() else b""
            for planted in PLANTED:
                for form in {planted.encode(), json.dumps(planted)[1:-1].encode()}:
                    assert form not in raw, f"{planted!r} is still in the file's bytes"
            # Brought back, the team's copy is anonymised too, and its booking says so.
            offline.bring_back(laptop, team, event_id=event_id, choices={})
        assert not [hit for hit in _found(team) if hit.startswith(("booking.", "child."))]


def test_ordinary_words_and_other_records_are_not_struck(tmp_path: Path) -> None:
    with closing(open_store(f"sqlite:///{tmp_path / 'events.sqlite'}")) as store:
        event_id = add_demo_event(store)
        booking = crud.add_row(
            store,
            kind=RowKind.BOOKINGS,
            parent_id=event_id,
            values={"name": "May Parent", "adults": 1, "children": 1, "notes": "Cancelled"},
        ).created_id
        crud.add_row(
            store,
            kind=RowKind.CHILDREN,
            parent_id=booking,
            values={"first_name": "May", "last_name": "Young", "age_months": 30},
        )
        meeting = meetings.list_meetings(store, event_id)[0].id
        notes = "We meet again in May. Young parents liked it. Cancelled bookings: two."
        meetings.save_notes(store, meeting_id=meeting, text=notes)
        questions_before = [q.text for q in list_questions(store, event_id)]
        members_before = [(m.name, m.role) for m in planning.list_members(store, event_id)]

        privacy.purge_personal_data(store, event_id, keep_consented=False)

        assert meetings.get_meeting(store, meeting).notes.strip() == notes
        assert [q.text for q in list_questions(store, event_id)] == questions_before
        assert [(m.name, m.role) for m in planning.list_members(store, event_id)] == (
            members_before
        )
