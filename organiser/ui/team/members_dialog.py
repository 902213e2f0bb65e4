"""File ▸ Team members…: who is in the team and with which role (on a team database, for an
organiser), and the record of registers, collection sheets, allergy lists and a household's
data printed or saved (for organisers; on this computer's database, for whoever uses it)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from organiser.core.errors import OrganiserError
from organiser.core.team import members, record
from organiser.core.team.members import TeamMember, TeamState
from organiser.core.team.record import RecordRow
from organiser.core.team.roles import ORDER, TeamRole
from organiser.ui.host import WindowHost
from organiser.ui.table_model import Column
from organiser.ui.widgets.fit import PageScroll
from organiser.ui.widgets.row_table import fit_columns, row_table, when

TEAM_COLUMNS = (
    Column("Login", lambda m: m.login),
    Column("Role", lambda m: m.role.words.capitalize()),
    Column("What the role may", lambda m: m.role.may),
)
RECORD_COLUMNS = (
    Column("When", lambda r: when(r.at)),  # kept in UTC, shown in this computer's time
    Column("Who", lambda r: r.who),
    Column("What", lambda r: r.what.capitalize()),
    Column("How", lambda r: r.how),
    Column("Event", lambda r: r.event_title),
)


def _said(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class TeamMembersDialog(QDialog):
    """Who is in the team (given roles here), and what was printed or saved."""

    def __init__(self, window: WindowHost) -> None:
        super().__init__(window.window())
        self.window_ = window
        self.store = window.store
        self.setWindowTitle("Team members")
        self.setObjectName("team_members_dialog")
        self.state: TeamState = members.state(self.store)
        layout = QVBoxLayout(self)
        self.about = _said(self, "team_about")
        layout.addWidget(self.about)
        # Two pages, each scrolling: at 200% text on a laptop neither is squashed.
        self.pages = QTabWidget(self)
        self.pages.setObjectName("team_pages")
        layout.addWidget(self.pages, 1)
        self.team_box = QWidget(self.pages)
        self._build_team()
        self.record_box = QWidget(self.pages)
        self._build_record()
        self.pages.addTab(PageScroll(self.team_box, self.pages), "Who is in the team")
        self.pages.addTab(PageScroll(self.record_box, self.pages), "Printed lists")
        self.problem = _said(self, "team_problem")
        self.problem.setProperty("role", "warning")
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reload()
        self._fit()

    # Building.

    def _build_team(self) -> None:
        box = QVBoxLayout(self.team_box)
        self.team, self.team_model = row_table(
            self.team_box, "team_table", "Team members", TEAM_COLUMNS
        )
        self.team.setMinimumHeight(self.fontMetrics().height() * 8)
        self.team.selectionModel().currentRowChanged.connect(self._chosen)
        box.addWidget(self.team, 1)
        form = QFormLayout()
        self.login = QLineEdit(self.team_box)
        self.login.setObjectName("team_login")
        self.login.setPlaceholderText("Their login on the server, for example sam_patel")
        self.role = QComboBox(self.team_box)
        self.role.setObjectName("team_role")
        for role in ORDER:
            self.role.addItem(role.words.capitalize(), role)  # what it may: the list above
        self.password = QLineEdit(self.team_box)
        self.password.setObjectName("team_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("Only for a new login: at least 8 characters")
        for words, field in (
            ("&Login:", self.login),
            ("R&ole:", self.role),
            ("&Password:", self.password),
        ):
            label = QLabel(words, self.team_box)
            label.setBuddy(field)
            field.setAccessibleName(words.replace("&", "").rstrip(":"))
            form.addRow(label, field)
        box.addLayout(form)
        row = QHBoxLayout()
        self.give = QPushButton("&Give this role", self.team_box)
        self.give.setObjectName("give_role")
        self.give.clicked.connect(self.give_role)
        self.take_out = QPushButton("&Take out of the team", self.team_box)
        self.take_out.setObjectName("take_out")
        self.take_out.clicked.connect(self.take_out_chosen)
        self.set_up = QPushButton("&Set up team roles", self.team_box)
        self.set_up.setObjectName("set_up_roles")
        self.set_up.clicked.connect(self.set_up_roles)
        for button in (self.give, self.take_out, self.set_up):
            row.addWidget(button)
        row.addStretch(1)
        box.addLayout(row)

    def _build_record(self) -> None:
        box = QVBoxLayout(self.record_box)
        self.record_about = _said(self.record_box, "record_about")
        box.addWidget(self.record_about)
        self.record, self.record_model = row_table(
            self.record_box, "record_table", "Printed and saved lists", RECORD_COLUMNS
        )
        self.record.setMinimumHeight(self.fontMetrics().height() * 8)
        box.addWidget(self.record, 1)

    def _fit(self) -> None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry().size() * 0.92
        width = min(max(self.fontMetrics().averageCharWidth() * 100, 640), room.width())
        self.resize(int(width), int(min(max(self.sizeHint().height(), 560), room.height())))

    # What it shows.

    def reload(self) -> None:
        """Say where this database stands; fill both lists as far as this person may see."""
        state = self.state = members.state(self.store)
        organiser = state.role in (None, TeamRole.ORGANISER)
        self.about.setText(_about(state))
        manage = state.team and state.installed and organiser
        self.pages.setTabVisible(0, state.team)
        for widget in (self.team, self.login, self.role, self.password, self.give, self.take_out):
            widget.setEnabled(manage)
        self.set_up.setVisible(state.team and not state.installed)
        self.set_up.setEnabled(state.can_set_up)
        rows: list[TeamMember] = members.team(self.store) if manage else []
        self.team_model.set_rows(rows)
        fit_columns(self.team)
        self.pages.setTabVisible(1, organiser)
        lines: list[RecordRow] = record.read(self.store) if organiser else []
        self.record_model.set_rows(lines)
        fit_columns(self.record)
        self.record_about.setText(
            "Registers, lists and a household's data printed or saved: who, what and when, "
            f"and no child's or family's name. {len(lines)} so far."
            if lines
            else "Nothing printed or saved yet. Each register, collection sheet, allergy list, "
            "booking list or household's data printed or saved will be listed here: who, "
            "what and when, and no child's or family's name."
        )

    def _chosen(self, current: object, _previous: object) -> None:
        row = self.team.currentIndex().row()
        if 0 <= row < self.team_model.rowCount():
            member: TeamMember = self.team_model.row_at(row)
            self.login.setText(member.login)
            self.role.setCurrentIndex(ORDER.index(member.role))

    # Verbs.

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def give_role(self) -> None:
        """Give the login typed its chosen role (a new login is created with the password)."""
        role: TeamRole = self.role.currentData()
        try:
            created = members.give_role(
                self.store, self.login.text(), role, password=self.password.text()
            )
        except OrganiserError as exc:
            self._say(str(exc))
            return
        finally:
            self.password.clear()
        login = self.login.text().strip()
        self._say("")
        self.reload()
        made = " (a new login)" if created else ""
        self.window_.statusBar().showMessage(f"{login}{made} is now a {role.words}.")

    def take_out_chosen(self) -> None:
        """Take the chosen login out of every role of this database."""
        login = self.login.text().strip()
        if not login:
            self._say("Choose someone in the list first.")
            return
        try:
            members.take_out(self.store, login)
        except OrganiserError as exc:
            self._say(str(exc))
            return
        self._say("")
        self.reload()
        self.window_.statusBar().showMessage(
            f"{login} is out of the team: they can no longer read this database."
        )

    def set_up_roles(self) -> None:
        """Put the team roles into this database (its owner does this once)."""
        try:
            members.set_up(self.store)
        except OrganiserError as exc:
            self._say(str(exc))
            return
        self._say("")
        self.reload()


def _about(state: TeamState) -> str:
    if not state.team:
        return (
            "Team roles are for a team database (PostgreSQL), where each person connects with "
            "their own login. This database is on this computer: protect it with a password "
            "(File ▸ Password protection…). Below is what was printed or saved from it."
        )
    if not state.installed:
        how = (
            "Set them up now: each person then sees only what their role needs."
            if state.can_set_up
            else "Only a login that may create roles can set them up (the database's owner)."
        )
        return (
            "This team database has no team roles yet, so everyone who connects reads "
            f"everything. {how}"
        )
    if state.role is not TeamRole.ORGANISER:
        assert state.role is not None
        return (
            f"You are connected as {state.login}, a {state.role.words}: {state.role.may}. "
            "Only organisers see who is in the team and what was printed."
        )
    return (
        f"You are connected as {state.login}, an organiser. Each person logs in with their own "
        "login; their role decides what the database lets them read and change, whatever "
        "program they use. New logins are made by the database's owner."
    )


def open_team_members(window: WindowHost) -> None:
    """File ▸ Team members…"""
    dialog = TeamMembersDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    dialog.activateWindow()
