"""Reading a database's change feed: where a window starts listening, and what others committed
since (the feed is written as each transaction commits: organiser.core.team.feed)."""

from __future__ import annotations

from organiser.core.changes import Touched
from organiser.core.db import Store
from organiser.core.team import feed


def latest_change(store: Store) -> int:
    """Where a newly opened window starts listening."""
    with store.begin() as s:
        return feed.latest(s)


def changes_since(store: Store, after: int) -> tuple[int, Touched, set[int] | None]:
    """What other windows and people committed since `after` (see `feed.since`)."""
    with store.begin() as s:
        return feed.since(s, after, store.origin)
