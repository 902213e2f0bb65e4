"""Two people, two processes, the same member edited a thousand times each at once: nothing lost.

Each worker (edit_worker.py, a real OS process with its own store) changes the shared field and
its own field of one working-group member, reading the row before every save as a screen does.
Both logs, merged in version order, must account for every version the row went through, and
each save must have replaced exactly the value its author was shown (or was shown in the clash
it resolved): a save that overwrote something unseen would break that chain.

Not parametrised by the `store` fixture: the PostgreSQL test takes this run's own schema
(`postgres_url`), the SQLite one a file of its own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from organiser.core import crud
from organiser.core.events import service as events
from organiser.core.opening import open_store
from organiser.core.paths import database_url
from organiser.core.planning.kinds import Role
from organiser.core.planning.service import list_members
from organiser.core.row_kinds import RowKind

WORKER = Path(__file__).with_name("edit_worker.py")
ROOT = Path(__file__).resolve().parents[2]
SHARED = "availability_notes"
PEOPLE = (("A", "email"), ("B", "phone"))
FIELDS = ("name", "role", "email", "phone", "access_needs", SHARED)


def _member(url: str) -> tuple[int, int, dict[str, Any], int]:
    """An event with one member; its id, the values stored and the version."""
    with closing(open_store(url, daily_backup=False)) as store:
        event_id = events.create_event(store, title="Pilates and wellbeing morning").created_id
        assert event_id is not None
        member_id = crud.add_row(
            store,
            kind=RowKind.MEMBERS,
            parent_id=event_id,
            values={
                "name": "Zoë Marsh",
                "role": Role.LIVED_EXPERIENCE.value,
                "email": "zoe@example.org",
                "phone": "01632 960 111",
                "availability_notes": "School run until 9:30",
            },
        ).created_id
        assert member_id is not None
        version = crud.current_version(store, kind=RowKind.MEMBERS, row_id=member_id)
        values = _stored(store, event_id, member_id)
    return event_id, member_id, values, version


def _stored(store: Any, event_id: int, member_id: int) -> dict[str, Any]:
    (row,) = [m for m in list_members(store, event_id) if m.id == member_id]
    return {key: getattr(row, key) for key in FIELDS}


def _run_workers(
    url: str, event_id: int, member_id: int, edits: int, folder: Path
) -> list[dict[str, Any]]:
    """Start both workers, let them go at the same instant, return their reports."""
    workers: list[subprocess.Popen[str]] = []
    try:
        for who, own in PEOPLE:
            out = folder / f"{who}.json"
            args = [url, str(event_id), str(member_id), who, own, str(edits), str(out)]
            workers.append(
                subprocess.Popen(
                    [sys.executable, str(WORKER), *args],
                    cwd=ROOT,
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                )
            )
        for worker in workers:  # both have opened their store
            assert worker.stdout is not None and worker.stdin is not None
            line = worker.stdout.readline()
            assert line == "ready\n", f"a worker did not start: {line!r} {worker.stderr}"
        for worker in workers:  # the starting gun
            worker.stdin.write("go\n")  # type: ignore[union-attr]
            worker.stdin.flush()  # type: ignore[union-attr]
        for worker in workers:
            _out, err = worker.communicate(timeout=240)
            assert worker.returncode == 0, f"a worker failed (an exception escaped):\n{err}"
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
                worker.wait()
    return [json.loads((folder / f"{who}.json").read_text(encoding="utf-8")) for who, _ in PEOPLE]


def _check_nothing_lost(
    reports: list[dict[str, Any]],
    initial: dict[str, Any],
    first_version: int,
    edits: int,
    final: dict[str, Any],
    final_version: int,
) -> None:
    saves = sorted((s for r in reports for s in r["saves"]), key=lambda s: s["version"])
    versions = [s["version"] for s in saves]
    # Strictly increasing, no duplicates and no gaps: every version the row went through was
    # made by a save that a worker logged (no save went in unseen, none was counted twice).
    assert versions == list(range(first_version + 1, first_version + 1 + len(saves)))
    assert final_version == versions[-1]

    # Each save replaced exactly the value its author was shown (the form, or the clash it
    # resolved with "keep mine"): an overwrite of a value it had not seen breaks this chain.
    history: dict[str, list[tuple[int, Any]]] = {
        key: [(first_version, v)] for key, v in initial.items()
    }
    for save in saves:
        field = save["field"]
        assert save["changed"] == [field], f"a save changed more than its author edited: {save}"
        assert save["base"] == history[field][-1][1], f"lost update: {save} replaced unseen text"
        history[field].append((save["version"], save["value"]))
    assert final == {key: values[-1][1] for key, values in history.items()}

    def value_at(field: str, version: int) -> Any:
        return [value for at, value in history[field] if at <= version][-1]

    for report in reports:
        who, own = report["who"], report["own"]
        # "Take theirs" showed what really was stored at the version the clash named.
        for taken in report["taken"]:
            assert taken["theirs"] == value_at(taken["field"], taken["at"])
        # Every edit ended once: saved, or given up for theirs after a clash.
        ended = sorted([s["edit"] for s in report["saves"]] + [t["edit"] for t in report["taken"]])
        assert ended == list(range(edits))
        # Each clash was resolved once, "keep mine" (a save, or a further clash) and "take
        # theirs" alternately: every second clash was given up for theirs.
        assert len(report["taken"]) == report["conflicts"][SHARED] // 2
        # Edits of a field only this person changes never clash, and all of them are kept.
        assert report["conflicts"][own] == 0
        own_saves = [s for s in report["saves"] if s["field"] == own]
        assert [s["edit"] for s in own_saves] == list(range(1, edits, 2))
        assert final[own] == own_saves[-1]["value"], f"{who}'s last {own} was not kept"


def _two_people(url: str, edits: int, folder: Path) -> dict[str, Any]:
    event_id, member_id, initial, first_version = _member(url)
    started = time.perf_counter()
    reports = _run_workers(url, event_id, member_id, edits, folder)
    took = time.perf_counter() - started
    with closing(open_store(url, daily_backup=False)) as store:
        final = _stored(store, event_id, member_id)
        final_version = crud.current_version(store, kind=RowKind.MEMBERS, row_id=member_id)
    _check_nothing_lost(reports, initial, first_version, edits, final, final_version)
    conflicts = sum(r["conflicts"][SHARED] for r in reports)
    # Without overlapping saves the test would prove nothing: clashes must have happened.
    assert conflicts > 0, "the two workers never clashed: no overlap was tested"
    figures = {
        "edits": 2 * edits,
        "saves": final_version - first_version,
        "conflicts": conflicts,
        "taken_theirs": sum(len(r["taken"]) for r in reports),
        "saved_elsewhere": sum(r["saved_elsewhere"] for r in reports),
        "races_retried": sum(r["raced"] for r in reports),
        "seconds": round(took, 1),
    }
    print(f"two processes on {url.split(':')[0]}: {figures}")
    return figures


@pytest.mark.skipif(
    not os.environ.get("ORGANISER_TEST_POSTGRES_URL"),
    reason="needs a PostgreSQL server: set ORGANISER_TEST_POSTGRES_URL (.ci/run does)",
)
def test_two_processes_editing_one_member_on_postgres_lose_nothing(
    postgres_url: str, tmp_path: Path
) -> None:
    _two_people(postgres_url, 1000, tmp_path)


def test_two_processes_editing_one_member_in_one_sqlite_file_lose_nothing(tmp_path: Path) -> None:
    url = database_url(str(tmp_path / "shared" / "organiser.sqlite"))
    _two_people(url, 400, tmp_path)
