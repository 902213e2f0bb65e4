"""A purge reaches every copy Organiser keeps of what it removes, not only the booking, child
and staff rows: text elsewhere in the event that quotes a removed value (meeting notes and
their earlier versions, flyer versions, lessons, the report's words, free-text feedback), the
snapshot an event taken offline from a team database keeps of its rows, and the fingerprints
of imported feedback rows.

A removed value is looked for as a whole (a full name, an allergy as typed, a phone number),
case as typed, between word boundaries, and replaced by REMOVED. A single short word (a
first name of four letters or fewer with nothing else) is not looked for: it would also strike
ordinary words ("May", "Will") from the event's text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from sqlalchemy import String, Text, select, update
from sqlalchemy.orm import Session

from organiser.core.feedback.models import FeedbackResponse
from organiser.core.team.models import OfflineCopy, OfflineRow
from organiser.core.team.transfer_tables import belongs, owners, table

REMOVED = "[removed]"
# The rows a purge rewrites itself: an offline snapshot of them takes their values as now.
PURGED_TABLES = frozenset({"booking", "child", "creche_staff", "feedback_answer"})


def worth_looking_for(value: str | None) -> list[str]:
    """The pieces of a removed value to strike elsewhere: the whole text and each line."""
    if not value:
        return []
    pieces = {value.strip(), *(line.strip() for line in value.splitlines())}
    return [p for p in pieces if len(p) > 4 or (len(p) > 2 and re.search(r"[\s\d@+]", p))]


def _pattern(needles: Iterable[str]) -> re.Pattern[str] | None:
    forms: set[str] = set()
    for needle in needles:
        forms.add(needle)
        forms.add(json.dumps(needle)[1:-1])  # as JSON keeps it (flyer versions): \u00eb for ë
    if not forms:
        return None
    ordered = sorted(forms, key=len, reverse=True)  # "Leo Marsh" before "Leo"
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, ordered)) + r")(?!\w)")


def _strike(pattern: re.Pattern[str], value: Any) -> Any:
    return pattern.sub(REMOVED, value) if isinstance(value, str) else value


def forget_everywhere(s: Session, event_id: int, removed: Iterable[str]) -> None:
    """Strike the removed values from every text of the event and from its offline snapshot;
    forget the fingerprints of its imported feedback. Runs after the rows were anonymised."""
    s.flush()
    pattern = _pattern(removed)
    s.execute(
        update(FeedbackResponse)
        .where(FeedbackResponse.event_id == event_id)
        .values(source_key=None)
    )
    if pattern is not None:
        chosen = select(table("event").c.id).where(table("event").c.id == event_id)
        for name in owners():
            _strike_table(s, name, pattern, chosen)
    _rewrite_snapshots(s, event_id, pattern)


def _strike_table(s: Session, name: str, pattern: re.Pattern[str], chosen: Any) -> None:
    each = table(name)
    texts = [c for c in each.columns if isinstance(c.type, String | Text) and not c.foreign_keys]
    if not texts or "id" not in each.c:
        return
    rows = s.execute(select(each.c.id, *texts).where(belongs(name, chosen))).all()
    for row in rows:
        changed = {
            column.name: _strike(pattern, value)
            for column, value in zip(texts, row[1:], strict=True)
            if isinstance(value, str) and pattern.search(value)
        }
        if changed:
            if "row_version" in each.c:  # others' editors see a newer row, as after any save
                changed["row_version"] = each.c.row_version + 1
            s.execute(update(each).where(each.c.id == row[0]).values(**changed))


def _rewrite_snapshots(s: Session, event_id: int, pattern: re.Pattern[str] | None) -> None:
    """The snapshot of a purged row takes its anonymised values (so bringing the event back
    changes nothing on the team's copy, which its own purge clears); any other snapshot has
    the removed values struck like the text above."""
    copies = select(OfflineCopy.id).where(OfflineCopy.event_id == event_id)
    snapshots = s.scalars(select(OfflineRow).where(OfflineRow.copy_id.in_(copies))).all()
    for snapshot in snapshots:
        base = json.loads(snapshot.base or "{}")
        if snapshot.table_name in PURGED_TABLES and snapshot.local_id is not None:
            each = table(snapshot.table_name)
            now = s.execute(select(each).where(each.c.id == snapshot.local_id)).mappings().first()
            if now is not None:
                base.update(
                    {
                        key: now[key]
                        for key in base
                        if key in now and isinstance(now[key], str | type(None))
                    }
                )
        if pattern is not None:
            base = {key: _strike(pattern, value) for key, value in base.items()}
        snapshot.base = json.dumps(base, ensure_ascii=False)
