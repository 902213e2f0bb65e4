"""Screenshots of team roles on a real PostgreSQL server (when one is named): the window as a
volunteer and as a viewer, and File ▸ Team members… as an organiser, at 100% and 200% text."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from sqlalchemy import create_engine, make_url, text

from organiser.core.demo import add_demo_event
from organiser.core.opening import open_store
from organiser.core.team import record, roles
from organiser.core.team.roles import TeamRole
from organiser.core.team.roles_install import uninstall
from organiser.ui.main_window import MainWindow
from organiser.ui.style import apply_zoom
from organiser.ui.team.members_dialog import TeamMembersDialog

SERVER_ENVS = ("ORGANISER_BENCH_POSTGRES_URL", "ORGANISER_TEST_POSTGRES_URL")
LOGINS = {
    TeamRole.ORGANISER: "zoe_marsh",
    TeamRole.CRECHE_LEAD: "bronwen_evans",
    TeamRole.VOLUNTEER: "sam_patel",
    TeamRole.VIEWER: "ruth_hartley",
}


@contextmanager
def _team_database(server: str) -> Iterator[str]:
    """A throwaway schema with the example event and a login per role; all gone after."""
    name = f"organiser_shots_{secrets.token_hex(4)}"
    engine = create_engine(server, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA "{name}"'))
        made = [
            login
            for login in LOGINS.values()
            if not connection.execute(
                text("SELECT count(*) FROM pg_roles WHERE rolname = :n"), {"n": login}
            ).scalar()
        ]
        for login in made:
            connection.execute(text(f'CREATE ROLE "{login}" LOGIN'))
    url = make_url(server).update_query_dict({"options": f"-csearch_path={name}"})
    address = url.render_as_string(hide_password=False)
    try:
        with closing(open_store(address, daily_backup=False)) as owner:
            add_demo_event(owner)
            with owner.engine.begin() as connection:
                where = roles.names(connection)
                for role, login in LOGINS.items():
                    connection.execute(text(f'GRANT "{where.group(role)}" TO "{login}"'))
        yield address
    finally:
        in_schema = create_engine(url)
        with in_schema.begin() as connection:
            uninstall(connection)
        in_schema.dispose()
        with engine.connect() as connection:
            connection.execute(text(f'DROP SCHEMA "{name}" CASCADE'))
            for login in made:
                connection.execute(text(f'DROP OWNED BY "{login}"'))
                connection.execute(text(f'DROP ROLE "{login}"'))
        engine.dispose()


def _settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def roles_pngs(app: QApplication, work: Path, out: Path) -> None:
    """role-volunteer.png (on the Creche tab), role-viewer.png, team-members.png and
    team-members-record.png, each with a -200 twin at 200% text on a 1920×1080 screen;
    nothing without a server."""
    server = next((os.environ[e] for e in SERVER_ENVS if os.environ.get(e)), None)
    if server is None:
        print(f"team roles: no screenshots ({' or '.join(SERVER_ENVS)} names no server)")
        return
    with _team_database(server) as address:
        for suffix, size, zoom in (("", (1366, 768), 1.0), ("-200", (1920, 1080), 2.0)):
            for role, tab in ((TeamRole.VOLUNTEER, "creche"), (TeamRole.VIEWER, "planning")):
                login = make_url(address).set(username=LOGINS[role])
                with closing(
                    open_store(login.render_as_string(hide_password=False), daily_backup=False)
                ) as store:
                    settings = QSettings(
                        str(work / f"role{suffix}.ini"), QSettings.Format.IniFormat
                    )
                    settings.setValue("view/zoom", zoom)
                    window = MainWindow(store, settings)
                    window.resize(*size)
                    window.show()
                    window.show_tab(tab)
                    _settle(app)
                    path = out / f"role-{role.value}{suffix}.png"
                    window.grab().save(str(path))
                    print(path)
                    if role is TeamRole.VOLUNTEER:
                        record.note(store, "bookings", "printed", window.event_id)
                    window.close()
                    window.deleteLater()
                    _settle(app)
            organiser = make_url(address).set(username=LOGINS[TeamRole.ORGANISER])
            with closing(
                open_store(organiser.render_as_string(hide_password=False), daily_backup=False)
            ) as store:
                settings = QSettings(str(work / f"members{suffix}.ini"), QSettings.Format.IniFormat)
                settings.setValue("view/zoom", zoom)
                window = MainWindow(store, settings)
                window.resize(*size)
                window.show()
                dialog = TeamMembersDialog(window)
                dialog.show()
                _settle(app)
                path = out / f"team-members{suffix}.png"
                dialog.grab().save(str(path))
                print(path)
                dialog.pages.setCurrentIndex(1)  # the record of printed lists
                _settle(app)
                path = out / f"team-members-record{suffix}.png"
                dialog.grab().save(str(path))
                print(path)
                dialog.close()
                window.close()
                window.deleteLater()
                _settle(app)
        apply_zoom(app, 1.0)
