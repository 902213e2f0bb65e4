"""Print documents, or save them (and calendar files) where the person chooses.

Which documents there are, and how each is made, is organiser.documents: the same list the
command line exports from. Printing renders the same PDF and draws its pages through QtPdf
(organiser.ui.paper), as the flyer always has. ReportLab and icalendar load on the first save
or print, not at start-up.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox

from organiser.core.errors import OrganiserError
from organiser.core.events import service as events
from organiser.core.files import atomic_write
from organiser.core.meetings.service import get_meeting
from organiser.core.team import record
from organiser.documents import DOCUMENTS
from organiser.ui.paper import print_pdf

if TYPE_CHECKING:
    from organiser.ui.host import Host


def _safe_name(title: str) -> str:
    return "".join(c for c in title if c not in '<>:"/\\|?*').strip()[:80] or "event"


def save_document(
    window: Host,
    kind: str,
    *,
    chosen: int | None = None,
    name: str | None = None,
    options: dict[str, object] | None = None,
) -> Path | None:
    """Ask where to save a document of the open event, write it whole, say where it went
    (`options`: the document's own, such as the flyer's language)."""
    if window.event_id is None:
        return None
    document = DOCUMENTS[kind]
    window.flush()
    store, event_id = window.store, window.event_id
    try:
        record.may_make(store, kind, document.what)
    except OrganiserError as exc:
        window.runner.show_error(str(exc))
        return None
    if name is None:
        name = f"{events.get_event(store, event_id).title} - {document.what}"
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    suggested = str(Path(folder) / f"{_safe_name(name)}{document.suffix}")
    picked, _ = QFileDialog.getSaveFileName(
        window.window(), f"Save {document.what}", suggested, document.file_filter
    )
    if not picked:
        return None
    path = Path(picked)
    try:
        said: list[str] = []
        data = document.make(store, event_id, chosen, unprintable=said.append, **(options or {}))
        if said and not _anyway(window, said[0], "Save"):
            return None
        atomic_write(path, data)
        record.note(store, kind, "saved", event_id)
    except OrganiserError as exc:
        window.runner.show_error(str(exc))
        return None
    window.statusBar().showMessage(f"{document.what.capitalize()} saved to {path}")
    return path


def export_programme(window: Host) -> None:
    """The running order as a PDF."""
    save_document(window, "programme")


def export_meeting(window: Host, kind: str, meeting_id: int) -> None:
    """One meeting's minutes (kind "minutes") or calendar entry (kind "ics")."""
    meeting = get_meeting(window.store, meeting_id)
    when = f" {meeting.date:%Y-%m-%d}" if meeting.date else ""
    extra = " - minutes" if kind == "minutes" else ""
    save_document(window, kind, chosen=meeting_id, name=f"{meeting.title}{when}{extra}")


def printable() -> dict[str, str]:
    """The documents that can be printed (the PDFs), by kind, named as a person would."""
    return {kind: d.what for kind, d in DOCUMENTS.items() if d.suffix == ".pdf"}


def print_document(
    window: Host, kind: str, *, chosen: int | None = None, preview: bool = False
) -> bool:
    """Print a document of the open event through the system's print dialog (printer, copies,
    pages), or show it in a print preview first; the paper is the document's (A4, A5, A4
    landscape). True when it went to the printer."""
    if window.event_id is None or kind not in printable():
        return False
    document = DOCUMENTS[kind]
    window.flush()
    try:
        record.may_make(window.store, kind, document.what)
        said: list[str] = []
        data = document.make(window.store, window.event_id, chosen, unprintable=said.append)
        if said and not _anyway(window, said[0], "Print"):
            return False
        title, name = f"Print the {document.what}", _safe_name(document.what)
        if not print_pdf(data, window.window(), title=title, name=name, preview=preview):
            return False
        record.note(window.store, kind, "printed", window.event_id)
    except OrganiserError as exc:
        window.runner.show_error(str(exc))
        return False
    window.statusBar().showMessage(f"The {document.what} is sent to the printer.")
    return True


def _anyway(window: Host, said: str, verb: str) -> bool:
    """Ask before printing or saving a document with characters no print font has."""
    answer = QMessageBox.question(
        window.window(),
        "Some characters cannot be printed",
        f"{said}\n\n{verb} anyway?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
