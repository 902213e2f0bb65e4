"""Bringing back rows both sides made (one per event, or on first opening), renumbered
versions, and a copy brought back twice."""

from __future__ import annotations

import shutil
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import select
from test_offline import (  # noqa: F401  (fixtures)
    T,
    _all,
    _fingerprint,
    _id,
    demo,
    demo_file,
    local,
    taken,
    team,
)

from organiser.core.backup import list_backups
from organiser.core.creche import service as creche
from organiser.core.db import Store
from organiser.core.errors import Conflict
from organiser.core.events import service as events
from organiser.core.feedback import form, themes
from organiser.core.flyer import service as flyer
from organiser.core.flyer import versions as flyer_versions
from organiser.core.opening import open_store
from organiser.core.paths import database_url
from organiser.core.team.offline import bring_back, plan_bring_back, take_offline


@pytest.fixture
def fresh(team: Store, local: Store) -> tuple[int, int]:  # noqa: F811
    """A new event on the team, none of its screens opened yet, taken offline: (team, local)."""
    event_id = events.create_event(team, title="Harvest supper").created_id
    assert event_id is not None
    taken_id = take_offline(team, local, event_id=event_id, who="Amira Hassan").created_id
    assert taken_id is not None
    return event_id, taken_id


def _open_every_screen(store: Store, event_id: int) -> None:
    flyer.get_flyer(store, event_id)
    creche.get_creche(store, event_id)
    themes.list_themes(store, event_id)
    form.list_questions(store, event_id)


def _of_event(store: Store, name: str, event_id: int) -> list[dict[str, object]]:
    return [row for row in _all(store, name) if row["event_id"] == event_id]


def test_screens_opened_on_both_sides_come_back_as_one(
    team: Store,  # noqa: F811
    local: Store,  # noqa: F811
    fresh: tuple[int, int],
) -> None:
    team_id, local_id = fresh
    _open_every_screen(team, team_id)
    _open_every_screen(local, local_id)
    themes.add_theme(local, event_id=local_id, name="Food")
    questions = len(_of_event(team, "feedback_question", team_id))
    starters = len(_of_event(team, "feedback_theme", team_id))
    flyer_id = _id(team, "flyer", team_id)
    flyer_versions.save_version(local, event_id=local_id, note="first proof")

    plan = plan_bring_back(local, team, event_id=local_id)
    assert plan.clashes == []
    bring_back(local, team, event_id=local_id)

    assert len(_of_event(team, "flyer", team_id)) == 1
    assert len(_of_event(team, "creche", team_id)) == 1
    assert len(_of_event(team, "feedback_question", team_id)) == questions  # not doubled
    names = [t["name"] for t in _of_event(team, "feedback_theme", team_id)]
    assert len(names) == starters + 1 and "Food" in names
    [version] = _all(team, "flyer_version")  # under the team's own flyer
    assert (version["flyer_id"], version["number"], version["note"]) == (flyer_id, 1, "first proof")


def test_a_one_per_event_row_changed_on_both_sides_is_a_clash(
    team: Store,  # noqa: F811
    local: Store,  # noqa: F811
    fresh: tuple[int, int],
) -> None:
    team_id, local_id = fresh
    creche.update_creche(team, event_id=team_id, values={"places": 12})
    creche.update_creche(local, event_id=local_id, values={"places": 10})
    plan = plan_bring_back(local, team, event_id=local_id)
    [clash] = plan.clashes
    assert (clash.field, clash.offline, clash.team) == ("places", "10", "12")
    bring_back(local, team, event_id=local_id, choices={clash.key: "offline"})
    [row] = _of_event(team, "creche", team_id)
    assert row["places"] == 10


def test_a_flyer_version_saved_on_both_sides_is_numbered_after_the_teams(
    team: Store,  # noqa: F811
    local: Store,  # noqa: F811
    demo: int,  # noqa: F811
    taken: int,  # noqa: F811
) -> None:
    before = {v["number"] for v in _all(team, "flyer_version")}
    top = max(before, default=0)
    flyer_versions.save_version(team, event_id=demo, note="team proof")
    flyer_versions.save_version(local, event_id=taken, note="offline proof")
    plan = plan_bring_back(local, team, event_id=taken)
    [added] = [d for d in plan.differences if d.key.startswith("flyer_version:new:")]
    assert f"becomes {top + 2}" in added.offline
    bring_back(local, team, event_id=taken)
    numbers = {v["note"]: v["number"] for v in _all(team, "flyer_version")}
    assert numbers["team proof"] == top + 1
    assert numbers["offline proof"] == top + 2


def test_a_copy_brought_back_twice_is_refused_the_second_time(
    team: Store,  # noqa: F811
    local: Store,  # noqa: F811
    demo: int,  # noqa: F811
    taken: int,  # noqa: F811
    tmp_path: Path,
) -> None:
    themes.add_theme(local, event_id=taken, name="Parking")
    bring_back(local, team, event_id=taken)
    assert local.path is not None
    [backup] = [b for b in list_backups(local.path) if "before-bring-back" in b.path.name]
    restored = tmp_path / "restored" / "organiser.sqlite"
    restored.parent.mkdir()
    shutil.copyfile(backup.path, restored)
    after = _fingerprint(team)
    refused = r"already brought back on .*; nothing was written"
    with (
        closing(open_store(database_url(str(restored)), daily_backup=False)) as again,
        pytest.raises(Conflict, match=refused),
    ):
        bring_back(again, team, event_id=taken)
    assert _fingerprint(team) == after
    names = [t["name"] for t in _of_event(team, "feedback_theme", demo)]
    assert names.count("Parking") == 1


def test_a_copy_taken_before_copies_had_keys_still_comes_back(
    team: Store,  # noqa: F811
    local: Store,  # noqa: F811
    demo: int,  # noqa: F811
    taken: int,  # noqa: F811
) -> None:
    with local.begin() as s:
        s.execute(T["offline_copy"].update().values(key=""))
    themes.add_theme(local, event_id=taken, name="Parking")
    bring_back(local, team, event_id=taken)
    with team.begin() as s:
        [returned] = s.execute(select(T["offline_return"].c.returned_at)).scalars().all()
    assert returned is None  # its key was never known here
    assert [t["name"] for t in _of_event(team, "feedback_theme", demo)].count("Parking") == 1
