"""Save printable documents and calendar files where the person chooses.

ReportLab and icalendar load on the first save, not at start-up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog

from organiser.core.errors import OrganiserError
from organiser.core.events import service as events
from organiser.core.files import atomic_write
from organiser.core.meetings.service import get_meeting

if TYPE_CHECKING:
    from organiser.ui.main_window import MainWindow

PDF = "PDF (*.pdf)"
ICS = "Calendar file (*.ics)"


def _safe_name(title: str) -> str:
    return "".join(c for c in title if c not in '<>:"/\\|?*').strip()[:80] or "event"


def save_file(
    window: MainWindow, *, what: str, name: str, kind: str, render: Callable[[], bytes]
) -> Path | None:
    """Ask where to save `what`, write it whole (temp file, then rename), say where it went."""
    window.flush()
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    suffix = ".ics" if kind == ICS else ".pdf"
    suggested = str(Path(folder) / f"{_safe_name(name)}{suffix}")
    chosen, _ = QFileDialog.getSaveFileName(window, f"Save {what}", suggested, kind)
    if not chosen:
        return None
    path = Path(chosen)
    try:
        atomic_write(path, render())
    except OrganiserError as exc:
        window.runner.show_error(str(exc))
        return None
    window.statusBar().showMessage(f"{what.capitalize()} saved to {path}")
    return path


def _event_title(window: MainWindow) -> str:
    assert window.event_id is not None
    return events.get_event(window.store, window.event_id).title


def export_programme(window: MainWindow) -> None:
    """The running order as a PDF."""
    if window.event_id is None:
        return
    from organiser.core.planning.service import programme_sheet
    from organiser.reports.programme import render_programme

    store, event_id = window.store, window.event_id
    save_file(
        window,
        what="programme",
        name=f"{_event_title(window)} - programme",
        kind=PDF,
        render=lambda: render_programme(programme_sheet(store, event_id)),
    )


def export_minutes(window: MainWindow, meeting_id: int) -> None:
    """One meeting's minutes as a PDF."""
    from organiser.core.meetings.printing import minutes_sheet
    from organiser.reports.minutes import render_minutes

    store = window.store
    meeting = get_meeting(store, meeting_id)
    when = f" {meeting.date:%Y-%m-%d}" if meeting.date else ""
    save_file(
        window,
        what="minutes",
        name=f"{meeting.title}{when} - minutes",
        kind=PDF,
        render=lambda: render_minutes(minutes_sheet(store, meeting_id)),
    )


def export_actions(window: MainWindow) -> None:
    """The event's action list as a PDF."""
    if window.event_id is None:
        return
    from organiser.core.meetings.printing import action_list_sheet
    from organiser.reports.actions import render_action_list

    store, event_id = window.store, window.event_id
    save_file(
        window,
        what="action list",
        name=f"{_event_title(window)} - actions",
        kind=PDF,
        render=lambda: render_action_list(
            action_list_sheet(store, event_id, today=dt.date.today())
        ),
    )


def export_poll(window: MainWindow, poll_id: int) -> None:
    """A poll as a paper grid to fill in at a meeting."""
    from organiser.core.polls.printing import poll_sheet
    from organiser.reports.poll_grid import render_poll_grid

    store = window.store
    save_file(
        window,
        what="poll grid",
        name=f"{_event_title(window)} - availability",
        kind=PDF,
        render=lambda: render_poll_grid(poll_sheet(store, poll_id)),
    )


def export_meeting_calendar(window: MainWindow, meeting_id: int) -> None:
    """One meeting as an .ics file for Outlook or Google Calendar."""
    from organiser.core.meetings.calendar import meeting_ics

    store = window.store
    title = get_meeting(store, meeting_id).title
    save_file(
        window,
        what="calendar file",
        name=title,
        kind=ICS,
        render=lambda: meeting_ics(store, meeting_id),
    )


def export_event_calendar(window: MainWindow) -> None:
    """The event and its meetings as an .ics file."""
    if window.event_id is None:
        return
    from organiser.core.meetings.calendar import event_ics

    store, event_id = window.store, window.event_id
    save_file(
        window,
        what="calendar file",
        name=_event_title(window),
        kind=ICS,
        render=lambda: event_ics(store, event_id),
    )


def export_briefing(window: MainWindow) -> None:
    """One briefing page per speaker, as a PDF."""
    if window.event_id is None:
        return
    from organiser.core.speakers.printing import briefing_sheet
    from organiser.reports.briefing import render_briefing

    store, event_id = window.store, window.event_id
    save_file(
        window,
        what="speaker briefings",
        name=f"{_event_title(window)} - speaker briefings",
        kind=PDF,
        render=lambda: render_briefing(briefing_sheet(store, event_id)),
    )


def export_speaker_schedule(window: MainWindow) -> None:
    """Who speaks when and where, as a PDF."""
    if window.event_id is None:
        return
    from organiser.core.speakers.printing import schedule_sheet
    from organiser.reports.speaker_schedule import render_speaker_schedule

    store, event_id = window.store, window.event_id
    save_file(
        window,
        what="speaker schedule",
        name=f"{_event_title(window)} - speaker schedule",
        kind=PDF,
        render=lambda: render_speaker_schedule(schedule_sheet(store, event_id)),
    )
