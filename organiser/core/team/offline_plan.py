"""The plan of a bring back as a person sees it, and what was recorded when the event was taken.

The comparison itself is in offline_merge; applying it in offline_apply.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from organiser.core.base import VERSION_COLUMN
from organiser.core.team.transfer_read import Extract
from organiser.core.team.transfer_tables import FRESH, GLOBAL, foreign_keys, has_id, plain, table

ADD, EDIT, DELETE, CLASH = "add", "edit", "delete", "clash"
# Said, not done: nothing to decide (a speaker deleted offline stays on the team database).
NOTE = "note"
SHARED_NOT_DELETED = "not brought back: speakers and organisations are shared by every event"
Key = tuple[str, int]  # (table, id)


@dataclass(frozen=True)
class Difference:
    """One change a bring back makes, or a clash it needs decided (see `key` in `choices`)."""

    key: str
    kind: str
    where: str
    field: str
    label: str
    base: str
    offline: str
    team: str
    is_text: bool


@dataclass(frozen=True)
class BringBackPlan:
    """What bringing an offline event back would do to the team's event."""

    event_id: int
    team_event_id: int
    title: str
    differences: list[Difference]

    @property
    def clashes(self) -> list[Difference]:
        """The differences a person has to decide."""
        return [d for d in self.differences if d.kind == CLASH]

    def summary(self) -> str:
        """One line: 3 added, 2 edited, 1 clash to decide."""
        if not self.differences:
            return "Nothing to bring back: no changes offline"
        counts = {kind: sum(d.kind == kind for d in self.differences) for kind in _WORDS}
        parts = [_WORDS[kind](n) for kind, n in counts.items() if n]
        return ", ".join(parts)


_WORDS: dict[str, Callable[[int], str]] = {
    ADD: lambda n: f"{n} added",
    EDIT: lambda n: f"{n} edited",
    DELETE: lambda n: f"{n} deleted",
    CLASH: lambda n: f"{n} clash{'es' if n != 1 else ''} to decide",
    NOTE: lambda n: f"{n} not brought back",
}


@dataclass(frozen=True)
class New:
    """A row added offline: known by its local id until the team database gives it one."""

    table: str
    local_id: int


# In a shared row's record: its values in this database when taken (a speaker this database
# already had may differ from the team's; only what changes after that is an offline change).
HERE = "~here"


@dataclass
class Taken:
    """What was recorded when the event was taken: links (local → team id) and base values.

    `here`: a shared row's own values in the offline database when taken, by its local id.
    """

    links: dict[str, dict[int, int]] = field(default_factory=lambda: defaultdict(dict))
    base: dict[str, dict[int, dict[str, Any]]] = field(default_factory=lambda: defaultdict(dict))
    pairs: dict[str, set[tuple[Any, ...]]] = field(default_factory=lambda: defaultdict(set))
    here: dict[str, dict[int, dict[str, Any]]] = field(default_factory=lambda: defaultdict(dict))


@dataclass
class Side:
    """One database's rows of the event: by id, and association tables as rows."""

    rows: dict[str, dict[int, dict[str, Any]]]
    pairs: dict[str, list[dict[str, Any]]]

    @classmethod
    def of(cls, extract: Extract) -> Side:
        rows: dict[str, dict[int, dict[str, Any]]] = defaultdict(dict)
        pairs: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for name, found in extract.rows.items():
            if has_id(table(name)):
                rows[name] = {row["id"]: row for row in found}
            elif name not in GLOBAL:
                pairs[name] = found
        return cls(rows, pairs)


@cache
def compared(name: str) -> tuple[str, ...]:
    """The columns a bring back compares: not the id, version or per-database markers."""
    skip = {"id", VERSION_COLUMN, *FRESH.get(name, {})}
    return tuple(c.name for c in table(name).columns if c.name not in skip)


def as_here(name: str, row: dict[str, Any]) -> dict[str, Any]:
    """A row's compared values as they are, in its own database's ids."""
    return {column: plain(row[column]) for column in compared(name)}


def as_taken(name: str, row: dict[str, Any], id_map: dict[Key, int]) -> dict[str, Any]:
    """A team row's values as recorded when taken (pointers at rows not copied: None)."""
    values = {column: plain(row[column]) for column in compared(name)}
    for fk in foreign_keys(name):
        if row[fk.column] is not None and (fk.table, row[fk.column]) not in id_map:
            values[fk.column] = None
    return values
