"""At start: say which events are past their retention date and still hold personal data."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QMessageBox

from organiser.core.creche.privacy import overdue_events
from organiser.core.parsing import format_date

SHOWN = 5


def ask_about_retention(window: Any, *, today: dt.date | None = None) -> bool:
    """Offer to open the Privacy page of the first overdue event; True if it was opened."""
    overdue = overdue_events(window.store, today=today or dt.date.today())
    if not overdue:
        return False
    names = "\n".join(
        f"• {o.title} (kept until {format_date(o.retention)})" for o in overdue[:SHOWN]
    )
    more = f"\n…and {len(overdue) - SHOWN} more." if len(overdue) > SHOWN else ""
    answer = QMessageBox.question(
        window,
        "Personal data to remove",
        "These events are past the date until which their bookings' and children's personal "
        f"data is kept:\n\n{names}{more}\n\nOpen the Privacy page of the first one now?",
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    window.open_event(overdue[0].event_id)
    window.show_tab("creche")
    window.creche.show_section("privacy")
    return True
