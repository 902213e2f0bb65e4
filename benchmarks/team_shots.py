"""Screenshots of working as a team: connecting, a clash, and bringing an event back."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from organiser.core import crud
from organiser.core.creche import service as creche
from organiser.core.demo import add_demo_event
from organiser.core.errors import EditConflict
from organiser.core.meetings import service as meetings
from organiser.core.opening import open_store
from organiser.core.planning import service as planning
from organiser.core.row_kinds import RowKind
from organiser.core.team import offline
from organiser.ui.offline.bring_back_dialog import BringBackDialog
from organiser.ui.planning.members import FIELDS
from organiser.ui.team.conflict_dialog import ConflictDialog
from organiser.ui.team.connect_dialog import ConnectDialog
from organiser.ui.widgets.form import FieldForm


def _grab(app: QApplication, widget: object, path: Path) -> None:
    widget.show()  # type: ignore[attr-defined]
    for _ in range(5):
        app.processEvents()
    widget.grab().save(str(path))  # type: ignore[attr-defined]
    print(path)
    widget.close()  # type: ignore[attr-defined]


def team_pngs(app: QApplication, work: Path, out: Path) -> None:
    """connect.png, conflict.png and bring-back.png, from a demo event taken offline."""
    settings = QSettings(str(work / "team-settings.ini"), QSettings.Format.IniFormat)
    for key, value in (("host", "db.familyhub.example"), ("database", "organiser")):
        settings.setValue(f"team/{key}", value)
    settings.setValue("team/user", "zoe")
    _grab(app, ConnectDialog(settings), out / "connect.png")
    with (
        closing(open_store(f"sqlite:///{work / 'team.sqlite'}")) as team,
        closing(open_store(f"sqlite:///{work / 'laptop.sqlite'}")) as laptop,
    ):
        event_id = add_demo_event(team)
        _clash(app, team, event_id, out)
        taken = offline.take_offline(team, laptop, event_id=event_id, who="Zoë Marsh")
        assert taken.created_id is not None
        local_id = taken.created_id
        # The meeting in the room, with no network, and the office meanwhile.
        here = meetings.list_meetings(laptop, local_id)[-1]
        there = meetings.list_meetings(team, event_id)[-1]
        notes, _version = meetings.notes_state(team, there.id)
        meetings.save_notes(laptop, meeting_id=here.id, text=f"{notes}\nCreche room confirmed.")
        meetings.save_notes(team, meeting_id=there.id, text=f"{notes}\nHall booked until 1pm.")
        crud.add_row(
            laptop,
            kind=RowKind.BOOKINGS,
            parent_id=local_id,
            values={"name": "Grace Okafor", "contact": "07700 900123", "adults": 1},
        )
        booking = creche.list_bookings(team, event_id)[0]
        crud.update_row(
            team, kind=RowKind.BOOKINGS, row_id=booking.id, values={"notes": "Arrives late"}
        )
        dialog = BringBackDialog(laptop, team, local_id)
        dialog.resize(1280, 520)
        _grab(app, dialog, out / "bring-back.png")


def _clash(app: QApplication, team: object, event_id: int, out: Path) -> None:
    member = planning.list_members(team, event_id)[0]  # type: ignore[arg-type]
    shown = {"phone": member.phone, "access_needs": member.access_needs}
    version = crud.current_version(team, kind=RowKind.MEMBERS, row_id=member.id)  # type: ignore[arg-type]
    crud.update_row(
        team,  # type: ignore[arg-type]
        kind=RowKind.MEMBERS,
        row_id=member.id,
        values={"phone": "01632 960 999", "access_needs": "Step-free entrance, please"},
    )
    try:
        crud.update_row(
            team,  # type: ignore[arg-type]
            kind=RowKind.MEMBERS,
            row_id=member.id,
            values={"phone": "01632 960 333", "access_needs": "A seat near the door"},
            base=shown,
            expected_version=version,
        )
    except EditConflict as conflict:
        form = FieldForm(FIELDS)
        dialog = ConflictDialog(
            conflict,
            noun="member",
            label_of=form.label_of,
            describe=form.describe,
            keeps_both=form.is_long_text,
        )
        _grab(app, dialog, out / "conflict.png")
        return
    raise AssertionError("the demo edit should have clashed")
