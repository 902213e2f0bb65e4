"""Team roles on the real PostgreSQL server: each role connects as its own login and tries,
through plain SQL as psql would, to read every table and column it must not see. Every try is
refused, or reads nothing."""

from __future__ import annotations

import datetime as dt
import secrets
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, make_url, text
from sqlalchemy.exc import DBAPIError, ProgrammingError

from organiser.core.creche.models import Booking, Child
from organiser.core.db import REFUSED, Store
from organiser.core.demo import add_demo_event
from organiser.core.errors import StoreError, ValidationError
from organiser.core.opening import open_store
from organiser.core.team import members, record, roles
from organiser.core.team.roles import HIDDEN, TeamRole
from tests.team_logins import Logins, as_login, login_url

CHILDREN = ("Chidi", "Niamh", "Anaya")  # three of the example's children
CONTACT = "amara.okafor@example.org"  # a parent's, on her booking


def refused(engine: Engine, sql: str) -> bool:
    try:
        with engine.connect() as connection:
            connection.execute(text(sql)).all()
    except DBAPIError as exc:  # no privilege; or a blanked column of a view, not writable
        return getattr(exc.orig, "sqlstate", None) in REFUSED
    return False


def read(engine: Engine, sql: str) -> list[tuple[object, ...]]:
    with engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(sql)).all()]


@pytest.mark.parametrize("role", [TeamRole.CRECHE_LEAD, TeamRole.VOLUNTEER, TeamRole.VIEWER])
def test_each_hidden_column_is_refused_on_the_table_and_blank_through_the_views(
    team: tuple[str, Logins], role: TeamRole
) -> None:
    url, logins = team
    plain, through_views = as_login(url, logins[role]), as_login(url, logins[role], views=True)
    organiser = as_login(url, logins[TeamRole.ORGANISER])
    try:
        for table, columns in HIDDEN[role].items():
            assert refused(plain, f"SELECT * FROM {table}"), (role, table)
            for column in columns:
                assert refused(plain, f'SELECT "{column}" FROM {table}'), (role, table, column)
                values = {v for (v,) in read(through_views, f'SELECT "{column}" FROM {table}')}
                assert values <= {"", None, False}, (role, table, column, values)
                mine = {v for (v,) in read(organiser, f'SELECT "{column}" FROM {table}')}
                assert mine - {"", None, False}, f"the example has {table}.{column} (can fail)"
    finally:
        for engine in (plain, through_views, organiser):
            engine.dispose()


@pytest.mark.parametrize("role", [TeamRole.VOLUNTEER, TeamRole.VIEWER])
def test_no_childs_name_nor_a_parents_contact_is_read_by_a_volunteer_or_a_viewer(
    team: tuple[str, Logins], role: TeamRole
) -> None:
    url, logins = team
    engine = as_login(url, logins[role], views=True)
    try:
        tables = [
            t
            for (t,) in read(
                engine,
                "SELECT tablename FROM pg_tables WHERE schemaname = (current_schemas(false))[2]",
            )
        ]
        assert "child" in tables
        seen = []
        for table in tables:
            try:
                rows = read(engine, f'SELECT * FROM "{table}"')
            except ProgrammingError:
                continue
            seen += [str(v) for row in rows for v in row]
        assert seen, "it reads the plans"
        assert not [v for v in seen for name in (*CHILDREN, CONTACT) if name in v]
        assert "Amara" not in seen  # her answer to the form's contact question
    finally:
        engine.dispose()


def test_the_view_blanks_and_counts_still_add_up(team: tuple[str, Logins]) -> None:
    url, logins = team
    viewer = as_login(url, logins[TeamRole.VIEWER], views=True)
    organiser = as_login(url, logins[TeamRole.ORGANISER])
    try:
        (count,) = read(viewer, "SELECT count(*), count(age_months) FROM child")[0][:1]
        assert count == read(organiser, "SELECT count(*) FROM child")[0][0] > 0
        assert read(viewer, "SELECT DISTINCT first_name, allergies FROM child") == [("", "")]
    finally:
        viewer.dispose()
        organiser.dispose()


@pytest.mark.parametrize(
    ("role", "sql"),
    [
        (TeamRole.VIEWER, "UPDATE event SET title = 'x'"),
        (TeamRole.VIEWER, "UPDATE booking SET status = 'Attended'"),
        (TeamRole.VOLUNTEER, "UPDATE booking SET contact = 'x'"),
        (TeamRole.VOLUNTEER, "UPDATE child SET allergies = 'x'"),
        (TeamRole.VOLUNTEER, "DELETE FROM booking"),
        (TeamRole.VOLUNTEER, "UPDATE member SET name = 'x'"),
        (TeamRole.CRECHE_LEAD, "UPDATE member SET email = 'x'"),
        (TeamRole.CRECHE_LEAD, "UPDATE event SET title = 'x'"),
        (TeamRole.CRECHE_LEAD, "DELETE FROM speaker"),
        (TeamRole.VOLUNTEER, "DELETE FROM change_feed"),
        (TeamRole.VOLUNTEER, "SELECT * FROM offline_row"),
        (TeamRole.VIEWER, "SELECT base FROM offline_copy JOIN offline_row ON true"),
        (TeamRole.VOLUNTEER, "CREATE TABLE event_ids (id int)"),
        (TeamRole.VIEWER, "CREATE VIEW member_list AS SELECT 1"),
    ],
)
def test_changes_beyond_a_role_are_refused(
    team: tuple[str, Logins], role: TeamRole, sql: str
) -> None:
    url, logins = team
    for views in (False, True):
        engine = as_login(url, logins[role], views=views)
        try:
            assert refused(engine, sql), (role, sql, views)
        finally:
            engine.dispose()


def test_a_volunteer_checks_in_and_a_creche_lead_changes_a_child(
    team: tuple[str, Logins],
) -> None:
    url, logins = team
    volunteer = open_store(
        make_url(url)
        .set(username=logins[TeamRole.VOLUNTEER])
        .render_as_string(hide_password=False),
        daily_backup=False,
    )
    lead = open_store(
        make_url(url)
        .set(username=logins[TeamRole.CRECHE_LEAD])
        .render_as_string(hide_password=False),
        daily_backup=False,
    )
    try:
        assert (volunteer.role, lead.role) == (TeamRole.VOLUNTEER, TeamRole.CRECHE_LEAD)
        with volunteer.begin() as s:
            booking = s.query(Booking).first()
            assert booking is not None and booking.contact == "" and booking.name
            booking.status = "Attended"
        with lead.begin() as s:
            child = s.query(Child).filter(Child.first_name == CHILDREN[0]).one()
            child.allergies = "Sesame"
        with pytest.raises(StoreError, match="connected as a volunteer"), volunteer.begin() as s:
            s.query(Child).first().allergies = "x"  # type: ignore[union-attr]
    finally:
        volunteer.close()
        lead.close()


def test_the_record_is_added_by_anyone_and_read_only_by_organisers(
    team: tuple[str, Logins],
) -> None:
    url, logins = team
    stores: dict[TeamRole, Store] = {}
    try:
        for role, login in logins.items():
            stores[role] = open_store(login_url(url, login), daily_backup=False)
        record.note(stores[TeamRole.CRECHE_LEAD], "register", "printed", 1)
        record.note(stores[TeamRole.VOLUNTEER], "bookings", "saved", 1)
        record.note(stores[TeamRole.VIEWER], "speakers", "printed", 1)
        lines = record.read(stores[TeamRole.ORGANISER])
        assert [(r.who, r.what) for r in lines] == [
            (logins[TeamRole.VIEWER], "speaker schedule"),
            (logins[TeamRole.VOLUNTEER], "booking list"),
            (logins[TeamRole.CRECHE_LEAD], "creche register"),
        ]
        for role in (TeamRole.CRECHE_LEAD, TeamRole.VOLUNTEER, TeamRole.VIEWER):
            assert record.read(stores[role]) == []
        plain = as_login(url, logins[TeamRole.VOLUNTEER])
        try:
            assert refused(
                plain,
                "INSERT INTO export_record (at, who, what, how, event_title) "
                "VALUES (now(), 'someone else', 'register', 'printed', '')",
            )
            assert refused(
                plain,
                "INSERT INTO export_record (at, who, what, how, event_title) "
                "VALUES ('2020-01-01', current_user, 'register', 'printed', '')",
            ), "backdated"
        finally:
            plain.dispose()
        organiser = as_login(url, logins[TeamRole.ORGANISER])
        try:
            for sql in ("TRUNCATE export_record", "DELETE FROM export_record"):
                assert refused(organiser, sql), sql
        finally:
            organiser.dispose()
    finally:
        for store in stores.values():
            store.close()


class _LaptopAnHourBehind(dt.datetime):
    """A laptop whose clock is an hour behind the server's (it was never set, or is on the
    wrong time zone)."""

    @classmethod
    def now(cls, tz: dt.tzinfo | None = None) -> _LaptopAnHourBehind:
        return super().now(tz) - dt.timedelta(hours=1)


def test_a_laptop_with_its_clock_out_still_prints_and_the_line_has_the_servers_time(
    team: tuple[str, Logins], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, logins = team
    with (
        closing(
            open_store(login_url(url, logins[TeamRole.VOLUNTEER]), daily_backup=False)
        ) as store,
        monkeypatch.context() as laptop,
    ):  # undoes this alone, not the data folder
        laptop.setattr(dt, "datetime", _LaptopAnHourBehind)
        record.note(store, "bookings", "printed", 1)  # the row policy refused its time
    organiser = as_login(url, logins[TeamRole.ORGANISER])
    try:
        (late,) = read(
            organiser,
            "SELECT (now() AT TIME ZONE 'UTC') - at FROM export_record ORDER BY id DESC LIMIT 1",
        )[0]
    finally:
        organiser.dispose()
    assert isinstance(late, dt.timedelta) and abs(late) < dt.timedelta(minutes=1)


def test_an_organiser_gives_roles_and_the_owner_creates_logins(
    team: tuple[str, Logins],
) -> None:
    url, logins = team
    owner = open_store(url, daily_backup=False)
    organiser = open_store(login_url(url, logins[TeamRole.ORGANISER]), daily_backup=False)
    new = f"organiser_test_new_{secrets.token_hex(3)}"
    try:
        assert members.give_role(owner, new, TeamRole.VOLUNTEER, password="long enough")
        assert members.TeamMember(new, TeamRole.VOLUNTEER) in members.team(organiser)
        assert not members.give_role(organiser, new, TeamRole.CRECHE_LEAD)
        assert members.TeamMember(new, TeamRole.CRECHE_LEAD) in members.team(owner)
        with pytest.raises(StoreError, match="only the database's owner creates new logins"):
            members.give_role(organiser, new + "x", TeamRole.VIEWER, password="long enough")
        with pytest.raises(ValidationError, match="at least 8"):
            members.give_role(owner, new + "y", TeamRole.VIEWER, password="short")
        with pytest.raises(ValidationError, match="small letters"):
            members.give_role(owner, "Robert'); DROP", TeamRole.VIEWER, password="long enough")
        members.take_out(organiser, new)
        assert new not in {m.login for m in members.team(owner)}
        state = members.state(organiser)
        assert (state.installed, state.role, state.login) == (
            True,
            TeamRole.ORGANISER,
            logins[TeamRole.ORGANISER],
        )
    finally:
        organiser.close()
        with owner.engine.begin() as connection:
            connection.execute(text(f'DROP ROLE IF EXISTS "{new}"'))
        owner.close()


def test_registers_and_a_households_data_are_recorded_without_personal_data(
    store: Store, tmp_path: Path
) -> None:
    from organiser.core.creche import privacy
    from organiser.core.creche.export import export_bookings
    from organiser.core.events.service import list_events

    add_demo_event(store)
    event_id = list_events(store)[0].id
    assert record.read(store) == []
    export_bookings(store, event_id, tmp_path / "bookings.csv")
    with store.begin() as s:
        booking_id = s.query(Booking.id).filter(Booking.event_id == event_id).first()[0]  # type: ignore[index]
    privacy.export_person(store, booking_id, tmp_path / "person.txt")
    lines = record.read(store)
    assert [(r.what, r.how) for r in lines] == [
        ("one household's data", "saved"),
        ("bookings (CSV)", "exported"),
    ]
    with store.begin() as s:
        rows = s.execute(text("SELECT * FROM export_record")).all()
    kept = " ".join(str(value) for row in rows for value in row)
    assert "Amara" not in kept and "person.txt" not in kept and "@" not in kept


def test_a_creche_lead_takes_an_event_offline_without_what_they_may_not_read(
    team: tuple[str, Logins], tmp_path: Path
) -> None:
    from organiser.core.events.models import Event
    from organiser.core.events.service import list_events
    from organiser.core.paths import database_url
    from organiser.core.planning.models import Member
    from organiser.core.team.offline import bring_back, take_offline

    url, logins = team
    lead = open_store(login_url(url, logins[TeamRole.CRECHE_LEAD]), daily_backup=False)
    volunteer = open_store(login_url(url, logins[TeamRole.VOLUNTEER]), daily_backup=False)
    local = open_store(database_url(str(tmp_path / "laptop.sqlite")), daily_backup=False)
    owner = open_store(url, daily_backup=False)
    try:
        event_id = list_events(lead)[0].id
        with pytest.raises(ValidationError, match="for organisers and creche leads"):
            take_offline(volunteer, local, event_id=event_id, who="Vic")
        taken = take_offline(lead, local, event_id=event_id, who="Bronwen").created_id
        assert taken is not None
        with local.begin() as s:
            emails = {m.email for m in s.query(Member)}
            child = s.query(Child).filter(Child.first_name == CHILDREN[0]).one()
            child.medical = "Inhaler"
        assert emails == {""}, "a creche lead's copy has no member's contact"
        with local.begin() as s:
            event = s.get(Event, taken)
            assert event is not None
            title, event.title = event.title, "Renamed offline"
        with pytest.raises(ValidationError, match=r"also changes Event details\. Put those back"):
            bring_back(local, lead, event_id=taken)
        with local.begin() as s:
            s.get(Event, taken).title = title  # type: ignore[union-attr]
        bring_back(local, lead, event_id=taken)
        with owner.begin() as s:
            assert "" not in {m.email for m in s.query(Member)}, "the team's are kept"
            medical = s.query(Child.medical).filter(Child.first_name == CHILDREN[0]).scalar()
        assert medical == "Inhaler"
    finally:
        for store in (lead, volunteer, local, owner):
            store.close()


def test_older_rules_are_put_in_afresh_when_the_owner_opens_the_database(
    team: tuple[str, Logins],
) -> None:
    url, logins = team

    def weaken(mark: str) -> None:
        with closing(open_store(url, daily_backup=False)) as owner, owner.engine.begin() as c:
            where = roles.names(c)
            c.execute(text(f"COMMENT ON SCHEMA \"{where.views(TeamRole.VIEWER)}\" IS '{mark}'"))
            c.execute(text(f'DROP VIEW "{where.views(TeamRole.VIEWER)}".member'))
            c.execute(text(f'GRANT SELECT ON member TO "{where.group(TeamRole.VIEWER)}"'))

    weaken("organiser team roles 999")  # put in by a newer Organiser: left as it is
    viewer = as_login(url, logins[TeamRole.VIEWER], views=True)
    try:
        assert read(viewer, "SELECT DISTINCT email <> '' FROM member") == [(True,)], "can fail"
        with closing(open_store(url, daily_backup=False)):
            pass
        assert read(viewer, "SELECT DISTINCT email <> '' FROM member") == [(True,)]
        with closing(open_store(url, daily_backup=False)) as owner, owner.engine.begin() as c:
            c.execute(text("SELECT 1"))
        weaken_again = "organiser team roles 1"
        with closing(open_store(url, daily_backup=False)) as owner, owner.engine.begin() as c:
            where = roles.names(c)
            c.execute(
                text(f"COMMENT ON SCHEMA \"{where.views(TeamRole.VIEWER)}\" IS '{weaken_again}'")
            )
        with closing(open_store(login_url(url, logins[TeamRole.VOLUNTEER]), daily_backup=False)):
            pass  # a volunteer cannot put the rules in: nothing changes
        assert read(viewer, "SELECT DISTINCT email <> '' FROM member") == [(True,)]
        with closing(open_store(url, daily_backup=False)):
            pass  # the owner can, and does for older rules
        assert read(viewer, "SELECT DISTINCT email FROM member") == [("",)]
        plain = as_login(url, logins[TeamRole.VIEWER])
        assert refused(plain, "SELECT email FROM member")
        plain.dispose()
    finally:
        viewer.dispose()


def test_a_login_in_no_role_is_told_to_ask_an_organiser(team: tuple[str, Logins]) -> None:
    url, _logins = team
    outsider = f"organiser_test_outsider_{secrets.token_hex(3)}"
    server = create_engine(url)
    with server.begin() as c:
        c.execute(text(f'CREATE ROLE "{outsider}" LOGIN'))
    try:
        with pytest.raises(StoreError, match="your login is in none of its team roles"):
            open_store(login_url(url, outsider), daily_backup=False)
    finally:
        with server.begin() as c:
            c.execute(text(f'DROP ROLE "{outsider}"'))
        server.dispose()


@pytest.mark.parametrize("role", [TeamRole.VOLUNTEER, TeamRole.VIEWER])
def test_a_role_without_childrens_details_gets_the_same_ratios_and_no_blank_warnings(
    team: tuple[str, Logins], role: TeamRole
) -> None:
    from organiser.core.creche.checks import review
    from organiser.core.events.service import list_events

    url, logins = team
    with (
        closing(open_store(url, daily_backup=False)) as owner,
        closing(open_store(login_url(url, logins[role]), daily_backup=False)) as theirs,
    ):
        event_id = list_events(owner)[0].id
        with owner.begin() as s:  # one child known by date of birth only, one by age only
            s.execute(text("UPDATE child SET age_months = NULL WHERE date_of_birth IS NOT NULL"))
        mine, seen = review(owner, event_id), review(theirs, event_id)
    assert seen.ratios == mine.ratios
    blank = [w.text for w in seen.warnings if w.text[:1] in " ’" or "collect ." in w.text]
    assert blank == []


def test_a_role_cannot_migrate_and_is_told_the_owner_must_open_it_first(
    team: tuple[str, Logins],
) -> None:
    url, logins = team
    with closing(open_store(url, daily_backup=False)) as owner, owner.begin() as s:
        s.execute(text("UPDATE alembic_version SET version_num = '0017'"))  # one behind
        s.execute(text("DROP TABLE export_record"))
    with pytest.raises(StoreError, match="only its owner's login may make"):
        open_store(login_url(url, logins[TeamRole.CRECHE_LEAD]), daily_backup=False)
    with closing(open_store(url, daily_backup=False)) as owner:  # migrates, roles put back
        assert owner.role in (None, TeamRole.ORGANISER)
    with closing(
        open_store(login_url(url, logins[TeamRole.CRECHE_LEAD]), daily_backup=False)
    ) as lead:
        assert lead.role is TeamRole.CRECHE_LEAD


def test_a_childs_age_in_the_views_is_counted_as_the_app_counts_it(
    team: tuple[str, Logins],
) -> None:
    from organiser.core.creche.ages import age_months

    url, logins = team
    owner = as_login(url, logins[TeamRole.ORGANISER])
    viewer = as_login(url, logins[TeamRole.VIEWER], views=True)
    try:
        with owner.begin() as c:  # born on every kind of day around the event, after it too
            c.execute(
                text(
                    "UPDATE child SET date_of_birth = e.date - (child.id * 37 - 200) "
                    "FROM booking b JOIN event e ON e.id = b.event_id "
                    "WHERE b.id = child.booking_id"
                )
            )
        rows = read(
            owner,
            "SELECT child.id, date_of_birth, age_months, e.date FROM child "
            "JOIN booking b ON b.id = child.booking_id JOIN event e ON e.id = b.event_id",
        )
        seen = dict(read(viewer, "SELECT id, age_months FROM child"))
        expected = {i: age_months(born, stated, on) for i, born, stated, on in rows}  # type: ignore[arg-type]
        assert any(a is not None and a < 0 for a in expected.values()), "one born after"
        assert seen == expected
    finally:
        owner.dispose()
        viewer.dispose()


@pytest.mark.parametrize(
    "database",
    ["a" * 63, "команда_общественного_центра_на_набе", "école_" + "a" * 57],
)
def test_a_long_database_name_gives_distinct_names_the_server_keeps_whole(
    database: str,
) -> None:
    where = roles.Names(schema="public", prefix=database)
    groups = [where.group(role) for role in TeamRole]
    views = [where.views(role) for role in TeamRole]
    assert len(set(groups)) == len(set(views)) == 4
    made = groups + views
    assert all(len(name.encode()) <= 63 for name in made), "PostgreSQL cuts a name at 63 bytes"


def test_a_long_name_keeps_the_groups_the_server_already_has() -> None:
    """Made by earlier versions (cut at 50 letters, the rest cut by the server at 63 bytes)
    on a real server, for a database named in Cyrillic: they still differ, so they stay."""
    where = roles.Names(schema="public", prefix="команда_общественного_центра")
    assert [where.group(role) for role in TeamRole] == [
        "команда_общественного_центра_organise",
        "команда_общественного_центра_creche_l",
        "команда_общественного_центра_voluntee",
        "команда_общественного_центра_viewers",
    ]


def test_a_long_accented_name_keeps_the_groups_the_server_already_has() -> None:
    """Cut at 50 letters, such a name was a little over 63 bytes and the server kept most of
    its hash: those groups exist, so the name stays as the server has it."""
    import hashlib

    prefix = "école_" + "a" * 49
    name = f"{prefix}_organisers"
    digest = hashlib.sha256(name.encode()).hexdigest()[:12]
    as_kept = f"{name[:50]}_{digest}".encode()[:63].decode()
    where = roles.Names(schema="public", prefix=prefix)
    assert where.group(TeamRole.ORGANISER) == as_kept and as_kept.endswith(f"_{digest[:11]}")
