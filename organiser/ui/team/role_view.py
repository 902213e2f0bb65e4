"""What the window shows a team member by role: the pages their role may read, a banner
that says why the rest is missing, and editing locked where their role may not change. The
database enforces all of it (organiser.core.team.roles); this only keeps the screen honest."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from organiser.core.team.roles import TeamRole
from organiser.ui.read_only import KEEPS_WORKING, ReadOnlyGuard

if TYPE_CHECKING:
    from organiser.ui.main_window import MainWindow

# The Creche tab's pages a role may not read (the whole tab for a viewer).
HIDDEN_PAGES = {
    TeamRole.CRECHE_LEAD: ("privacy",),  # purging and a household's data: an organiser's
    TeamRole.VOLUNTEER: ("children", "staff", "creche", "privacy"),
}
HIDDEN_TABS = {TeamRole.VIEWER: ("creche",)}
CRECHE_WHY = "the creche's children, staff and settings are for the creche lead and organisers"

_BANNERS = {
    TeamRole.CRECHE_LEAD: (
        "You are connected to the team database as a creche lead: you can change the "
        "Creche tab (bookings, children, staff) and read, print and export the rest. "
        "Members' and speakers' contact details, and the Privacy page (removing personal "
        "data, a household's data on request), are for organisers."
    ),
    TeamRole.VOLUNTEER: (
        "You are connected to the team database as a volunteer: you can check people in at "
        "the door and read the plans and bookings (without contact details). Only Bookings "
        f"and Check-in are on the Creche tab: {CRECHE_WHY}."
    ),
    TeamRole.VIEWER: (
        "You are connected to the team database as a viewer: you can read, print and export "
        "the plans and reports, without personal data, and change nothing. There is no "
        "Creche tab: creche details are for the creche lead and organisers."
    ),
}


def show_for_role(window: MainWindow, role: TeamRole | None) -> ReadOnlyGuard | None:
    """Show the pages `role` may read; lock what it may not change, with a banner saying why.
    None (and everything shown) for an organiser or a database without roles."""
    tabs = window.tabs
    hidden_tabs = HIDDEN_TABS.get(role, ()) if role is not None else ()
    for key in ("planning", "speakers", "creche", "flyer", "feedback"):
        tab = window.tab_of(key)
        tabs.setTabVisible(tabs.indexOf(tab), key not in hidden_tabs)
    window.creche.hide_pages(HIDDEN_PAGES.get(role, ()) if role is not None else ())
    # Undo and redo stay for a role that changes something: its history holds only that.
    changes = role in (TeamRole.CRECHE_LEAD, TeamRole.VOLUNTEER)
    for name in ("undo_action", "redo_action"):
        if (action := window.findChild(QAction, name)) is not None:
            action.setProperty(KEEPS_WORKING, changes)
    if role is None or role is TeamRole.ORGANISER:
        return None
    if not tabs.isTabVisible(tabs.currentIndex()):
        tabs.setCurrentIndex(0)
    keeps = {
        TeamRole.CRECHE_LEAD: (window.creche,),
        TeamRole.VOLUNTEER: (window.creche.checkin,),
    }.get(role, ())
    reason = f"Connected to the team database as a {role.words}"
    return ReadOnlyGuard(window, reason, banner=_BANNERS[role], keeps=keeps)
