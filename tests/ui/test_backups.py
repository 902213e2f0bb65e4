"""File ▸ Back up now and File ▸ Restore from backup…, as a person uses them."""

from __future__ import annotations

from typing import Any

from organiser.core import backup
from organiser.core.events import service as events
from organiser.ui import commands
from organiser.ui.main_window import MainWindow


def test_back_up_now_then_restore_brings_the_earlier_state_back(
    window: MainWindow, dialogs: Any, new_event: Any, find_action: Any
) -> None:
    event_id = new_event("Coffee morning")
    path = window.store.path
    assert path is not None
    find_action(window, "&File", "&Back up now").trigger()
    [made] = backup.list_backups(path)
    assert made.reason == "manual"
    assert window.statusBar().currentMessage() == f"Backed up to {made.path}"

    events.update_event(window.store, event_id=event_id, values={"title": "Renamed later"})
    dialogs.item = (f"{made.made:%d/%m/%Y %H:%M:%S} (manual)", True)
    find_action(window, "&File", "&Restore from backup…").trigger()
    try:
        assert events.get_event(window.store, event_id).title == "Coffee morning"
        assert window.windowTitle().startswith("Coffee morning — Organiser")
        assert window.runner.undo_stack.count() == 0, "history of the replaced data is gone"
        reasons = sorted(b.reason for b in backup.list_backups(path))
        assert reasons == ["before-restore", "manual"], "what was there is kept first"
    finally:
        window.store.close()


def test_restore_with_no_backups_says_so(window: MainWindow, dialogs: Any) -> None:
    dialogs.warnings_expected = True
    commands.restore(window)
    assert dialogs.warnings == ["There are no backups of this database yet."]
