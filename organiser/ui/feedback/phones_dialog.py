"""Collect on phones: while this dialog is open, the event's form is served on the local network
and a large QR code and short address take people to it; each answer arrives here, on the
window's thread, as one service call with its own undo, and the count goes up as it does.

Closing the dialog stops it; so does midnight (the event day is over). Nothing leaves the local
network; the page is plain HTTP on it, and the dialog says so.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QSize, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from organiser.collect.app import PhoneFormApp
from organiser.collect.server import Running, local_address, start
from organiser.core.errors import OrganiserError
from organiser.core.feedback import phones
from organiser.core.files import atomic_write
from organiser.documents import DOCUMENTS
from organiser.reports.flyer_art import QUIET_ZONE, Modules, qr_modules, qr_value
from organiser.ui.feedback.undo import response_inverse
from organiser.ui.ops import OpRunner
from organiser.ui.paper import print_pdf

WAIT_SECONDS = 10  # how long a phone waits for the window to store its answers
NO_NETWORK = (
    "This computer is not on a network, so phones cannot reach it. Connect it to the venue's "
    "Wi-Fi, or share a phone's internet (on the phone: Settings ▸ Personal hotspot, or "
    "Mobile hotspot) and connect this computer to it; people's phones join the same one. "
    "Then choose Try again."
)
PLAIN_HTTP = (
    "Phones must be on the same Wi-Fi as this computer. The form is served from this computer "
    "only while this window is open, at an address nobody can guess; answers go straight into "
    "Organiser and nothing leaves the local network. The page is not encrypted (plain HTTP), so "
    "on a public Wi-Fi someone nearby could in principle read answers as they are sent."
)


STOPPED = "Collecting has stopped, so this was not saved: please hand in a paper form."


@dataclass(eq=False)
class Arrival:
    """One phone's answers waiting for the window's thread, and what became of them."""

    sent: dict[int, list[str]]
    once: str
    language: str
    done: threading.Event = field(default_factory=threading.Event)
    stored: bool = False
    refused: OrganiserError | None = None


class Bridge(QObject):
    """Answers from the server's threads, handed to the window's thread (a queued signal)."""

    arrived = Signal(object)


class QrCode(QWidget):
    """A QR code drawn black on white, as large as the dialog allows."""

    def __init__(self, modules: Modules, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.modules = modules
        self.setMinimumSize(QSize(160, 160))
        self.setAccessibleName("QR code of the form's address")

    def sizeHint(self) -> QSize:
        return QSize(360, 360)

    def paintEvent(self, event: QPaintEvent) -> None:
        side = min(self.width(), self.height())
        count = len(self.modules) + 2 * QUIET_ZONE
        cell = side // count
        left, top = (self.width() - cell * count) // 2, (self.height() - cell * count) // 2
        painter = QPainter(self)
        painter.fillRect(left, top, cell * count, cell * count, QColor("white"))
        for r, row in enumerate(self.modules):
            for c, dark in enumerate(row):
                if dark:
                    x, y = left + (c + QUIET_ZONE) * cell, top + (r + QUIET_ZONE) * cell
                    painter.fillRect(x, y, cell, cell, QColor("black"))
        painter.end()


class CollectDialog(QDialog):
    """The form on phones for one event, while this dialog is open."""

    def __init__(self, runner: OpRunner, event_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Collect feedback on phones")
        self.setObjectName("collect_dialog")
        self.runner, self.event_id = runner, event_id
        self.running: Running | None = None
        self.kept_address = False  # serving at the event's kept address (printed cards work)
        self.pending: set[Arrival] = set()  # answers handed over and not yet stored
        self.stopped = False
        self.pending_lock = threading.Lock()
        self.answered = 0
        self.bridge = Bridge(self)
        self.bridge.arrived.connect(self._store)
        self.layout_ = QVBoxLayout(self)
        self.count = QLabel(self)
        self.count.setObjectName("collect_count")
        self.count.setProperty("role", "subheading")
        self.midnight = QTimer(self)
        self.midnight.setSingleShot(True)
        self.midnight.timeout.connect(self._day_over)
        self._begin()

    def fit(self) -> None:
        """Wide enough for its words at any text size (the code shrinks first), never larger
        than the screen."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry().size() * 0.92
        width = min(max(self.fontMetrics().averageCharWidth() * 72, 560), room.width())
        self.resize(width, min(max(self.sizeHint().height(), 720), room.height()))

    # Starting and stopping.

    def _clear(self) -> None:
        while (item := self.layout_.takeAt(0)) is not None:
            if (widget := item.widget()) is not None and widget is not self.count:
                widget.deleteLater()

    def _begin(self) -> None:
        self._clear()
        self.stopped = False
        host = local_address()
        if host is None:
            self._say(NO_NETWORK, retry=True)
            return
        try:
            kept = phones.phone_address(self.runner.store, self.event_id)
            # Made here, on the window's thread: the server's threads only ever read it.
            phones.phone_form(self.runner.store, self.event_id)
        except OrganiserError as exc:
            self._say(str(exc), retry=True)
            return
        app = PhoneFormApp(self._form_for, self._hand_over, token=kept.token)
        try:
            try:
                self.running = start(app, host=host, port=kept.port)
            except OSError:  # another program has the kept port: any port, for today
                self.running = start(app, host=host)
        except OSError as exc:
            self._say(f"Organiser could not start the form on this computer ({exc}).", retry=True)
            return
        self.kept_address = self.running.url == kept.url(host)
        modules = qr_modules(qr_value(self.running.url))
        if modules is not None:
            self.layout_.addWidget(QrCode(modules, self), 1)
        address = QLabel(self.running.url, self)
        address.setObjectName("collect_address")
        address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        address.setAlignment(Qt.AlignmentFlag.AlignCenter)
        address.setWordWrap(True)
        font = address.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        address.setFont(font)
        self.layout_.addWidget(address)
        self._show_count()
        self.layout_.addWidget(self.count)
        if warning := self._cards_warning(kept, host):
            words = QLabel(warning, self)
            words.setObjectName("collect_warning")
            words.setWordWrap(True)
            words.setProperty("role", "warning")
            self.layout_.addWidget(words)
        honest = QLabel(PLAIN_HTTP, self)
        honest.setWordWrap(True)
        honest.setProperty("role", "hint")
        self.layout_.addWidget(honest)
        self._buttons(card=True)
        now = dt.datetime.now()
        tomorrow = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time())
        self.midnight.start(int((tomorrow - now).total_seconds() * 1000))

    def _cards_warning(self, kept: phones.PhoneAddress, host: str) -> str:
        """Why cards printed before would not open the form today, if they would not."""
        if not kept.card_host:
            return ""
        if not self.kept_address and kept.card_host == host:
            return (
                f"Cards printed for this event use port {kept.port}, which another program is "
                "using now, so they will not open the form today. Show this window instead, or "
                "print new cards (they work until this window closes)."
            )
        if kept.card_host != host:
            return (
                f"Cards printed earlier show {kept.card_host}, but this computer is at {host} on "
                "this network, so they will not open the form. Show this window instead, or "
                "print new cards."
            )
        return ""

    def _say(self, text: str, *, retry: bool) -> None:
        words = QLabel(text, self)
        words.setObjectName("collect_message")
        words.setWordWrap(True)
        self.layout_.addWidget(words)
        self._buttons(retry=retry)

    def _buttons(self, *, retry: bool = False, card: bool = False) -> None:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        box.button(QDialogButtonBox.StandardButton.Close).setText("Stop and close")
        box.rejected.connect(self.reject)
        if retry:
            again = QPushButton("Try again", self)
            again.setObjectName("collect_retry")
            again.clicked.connect(self._begin)
            box.addButton(again, QDialogButtonBox.ButtonRole.ActionRole)
        if card:
            for text, name, slot in (
                ("&Print card…", "collect_print_card", self.print_card),
                ("&Save card…", "collect_save_card", self.save_card),
            ):
                action = QPushButton(text, self)
                action.setObjectName(name)
                action.setToolTip("An A5 card with this QR code and address, for the tables")
                action.clicked.connect(slot)
                box.addButton(action, QDialogButtonBox.ButtonRole.ActionRole)
        row = QHBoxLayout()
        row.addWidget(box)
        holder = QWidget(self)
        holder.setLayout(row)
        self.layout_.addWidget(holder)

    # The A5 card with this address.

    def card_pdf(self) -> bytes | None:
        """The card for the address being served now (said, not raised, if it fails)."""
        if self.running is None:
            return None
        try:
            return DOCUMENTS["feedback-card"].make(
                self.runner.store, self.event_id, address=self.running.url
            )
        except OrganiserError as exc:
            self.runner.show_error(str(exc))
            return None

    def print_card(self) -> None:
        if (data := self.card_pdf()) is not None:
            try:
                print_pdf(data, self, title="Print the feedback card", name="feedback card")
            except OrganiserError as exc:
                self.runner.show_error(str(exc))

    def save_card(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        picked, _ = QFileDialog.getSaveFileName(
            self, "Save the feedback card", str(Path(folder) / "Feedback card.pdf"), "PDF (*.pdf)"
        )
        if picked and (data := self.card_pdf()) is not None:
            try:
                atomic_write(Path(picked), data)
            except OrganiserError as exc:
                self.runner.show_error(str(exc))

    def stop(self) -> None:
        """Stop serving the form (closing the dialog does). A phone whose answers are still
        waiting for the window is told they were not saved, at once: the server's threads
        would otherwise wait for a window that is closing, and it for them."""
        self.midnight.stop()
        with self.pending_lock:
            self.stopped = True
            waiting, self.pending = self.pending, set()
        for arrival in waiting:
            arrival.refused = OrganiserError(STOPPED)
            arrival.done.set()
        if self.running is not None:
            self.running.stop()
            self.running = None

    def _day_over(self) -> None:
        self.stop()
        self._clear()
        self._say(f"Stopped at midnight: the event day is over. {self._counted()}", retry=False)

    def done(self, result: int) -> None:
        self.stop()
        super().done(result)

    # Answers arriving.

    def _form_for(self, language: str | None) -> phones.PhoneForm:
        return phones.phone_form(self.runner.store, self.event_id, language=language, ensure=False)

    def _hand_over(self, sent: dict[int, list[str]], once: str, language: str) -> bool:
        """On a server thread: hand a phone's answers to the window and wait for the result."""
        arrival = Arrival(sent, once, language)
        with self.pending_lock:
            if self.stopped:  # arrived as collecting stopped
                raise OrganiserError(STOPPED)
            self.pending.add(arrival)
        self.bridge.arrived.emit(arrival)
        if not arrival.done.wait(WAIT_SECONDS):
            with self.pending_lock:
                waiting = arrival in self.pending
                self.pending.discard(arrival)  # never stored after the phone was told not
            if waiting:
                raise OrganiserError("The window did not answer in time.")
            arrival.done.wait()  # the window has it now: its answer comes at once
        if arrival.refused is not None:
            raise arrival.refused
        return arrival.stored

    def _store(self, arrival: Arrival) -> None:
        """On the window's thread: one service call, with its own undo."""
        with self.pending_lock:
            if arrival not in self.pending:  # collecting stopped: the phone was told
                return
            self.pending.discard(arrival)
        store, event_id = self.runner.store, self.event_id
        try:
            changes = self.runner.push(
                "Feedback from a phone",
                lambda: phones.add_phone_response(
                    store,
                    event_id=event_id,
                    sent=arrival.sent,
                    once=arrival.once,
                    language=arrival.language,
                ),
                response_inverse(store),
                quiet=True,
            )
            arrival.stored = bool(changes is not None and changes.touched)
            if arrival.stored:
                self.answered += 1
                self._show_count()
        except OrganiserError as exc:
            arrival.refused = exc
        except Exception as exc:  # whatever a crafted send finds: the phone hears, nothing else
            arrival.refused = OrganiserError(f"That could not be saved ({type(exc).__name__}).")
        finally:
            arrival.done.set()

    def _counted(self) -> str:
        people = "person has" if self.answered == 1 else "people have"
        return f"{self.answered} {people} answered on their phones."

    def _show_count(self) -> None:
        self.count.setText(self._counted())
