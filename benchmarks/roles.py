"""Team roles' cost on a PostgreSQL team database: each figure as one role reading through its
views against an organiser reading the tables themselves, side by side on the same data.

- opening the database and listing its events (finding the person's role is part of it);
- reading 10,000 bookings (`list_bookings`): a volunteer's view blanks the contacts;
- the feedback summary's data with 10,000 responses: a viewer's view of the answers blanks
  the contact answers row by row.

`python -m benchmarks.roles` runs these alone (needs a server, as benchmarks.postgres).
"""

from __future__ import annotations

import secrets
import statistics
import tempfile
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from functools import partial
from pathlib import Path

from sqlalchemy import create_engine, make_url, text

from benchmarks.creche import add_bookings
from benchmarks.data import fill
from benchmarks.feedback import add_responses
from benchmarks.imports import median_ms
from benchmarks.postgres import server_url, throwaway_schema, why_unreachable
from organiser.core.creche.service import list_bookings
from organiser.core.demo import add_demo_event
from organiser.core.events.service import list_events
from organiser.core.feedback.printing import summary_sheet
from organiser.core.opening import open_store
from organiser.core.team import roles
from organiser.core.team.roles import TeamRole

RUNS = 7


@contextmanager
def _logins(url: str) -> Iterator[dict[TeamRole, str]]:
    """A login per role (the database's URL as each); dropped after."""
    tag = secrets.token_hex(3)
    logins = {role: f"organiser_bench_{role.value}_{tag}" for role in TeamRole}
    engine = create_engine(url)
    with engine.begin() as connection:
        where = roles.names(connection)
        for role, login in logins.items():
            connection.execute(text(f'CREATE ROLE "{login}" LOGIN'))
            connection.execute(text(f'GRANT "{where.group(role)}" TO "{login}"'))
    try:
        yield {
            role: make_url(url).set(username=login).render_as_string(hide_password=False)
            for role, login in logins.items()
        }
    finally:
        with engine.begin() as connection:
            for login in logins.values():
                connection.execute(text(f'DROP OWNED BY "{login}"'))
                connection.execute(text(f'DROP ROLE "{login}"'))
        engine.dispose()


def _line(what: str, role: TeamRole, mine: float, organiser: float) -> str:
    return (
        f"{what}: a {role.words} {mine / organiser:.2f}× an organiser "
        f"(a {role.words} {mine:.0f} ms, an organiser {organiser:.0f} ms)"
    )


def _side_by_side(
    urls: dict[TeamRole, str], role: TeamRole, read: Callable[[object], object]
) -> tuple[float, float]:
    """Median ms of `read(store)` as `role` and as an organiser, alternating."""
    stores = {r: open_store(urls[r], daily_backup=False) for r in (role, TeamRole.ORGANISER)}
    try:
        times: dict[TeamRole, list[float]] = {r: [] for r in stores}
        for _ in range(RUNS):
            for r, store in stores.items():
                times[r].append(median_ms(partial(read, store), runs=1))
        return statistics.median(times[role]), statistics.median(times[TeamRole.ORGANISER])
    finally:
        for store in stores.values():
            store.close()


def _open_and_list(url: str) -> None:
    with closing(open_store(url, daily_backup=False)) as store:
        list_events(store)


def roles_figures(_work: Path) -> None:
    """Print each role's reading against an organiser's, or say why not measured."""
    server = server_url()
    if not server or why_unreachable(server) is not None:
        print("team roles: not measured (no PostgreSQL server named or reachable)")
        return
    with throwaway_schema(server) as url:
        with closing(open_store(url, daily_backup=False)) as owner:
            fill(owner)
            event_id = add_demo_event(owner)
            add_bookings(owner, event_id)
            add_responses(owner, event_id, 10_000 - 20)
        with _logins(url) as urls:
            times: dict[TeamRole, list[float]] = {
                r: [] for r in (TeamRole.VOLUNTEER, TeamRole.ORGANISER)
            }
            for _ in range(RUNS):
                for r in times:
                    times[r].append(median_ms(partial(_open_and_list, urls[r]), runs=1))
            mine, theirs = (statistics.median(times[r]) for r in times)
            print(
                _line(
                    "opening the team database and listing its 51 events",
                    TeamRole.VOLUNTEER,
                    mine,
                    theirs,
                )
            )
            read = _side_by_side(
                urls,
                TeamRole.VOLUNTEER,
                lambda s: list_bookings(s, event_id),  # type: ignore[arg-type]
            )
            print(_line("  reading 10,000 bookings (contacts blanked)", TeamRole.VOLUNTEER, *read))
            summary = _side_by_side(
                urls,
                TeamRole.VIEWER,
                lambda s: summary_sheet(s, event_id),  # type: ignore[arg-type]
            )
            print(
                _line(
                    "  the feedback summary's data, 10,000 responses (contact answers blanked)",
                    TeamRole.VIEWER,
                    *summary,
                )
            )


def main() -> int:
    """Only the team roles' figures."""
    with tempfile.TemporaryDirectory(prefix="organiser-bench-") as folder:
        roles_figures(Path(folder))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
