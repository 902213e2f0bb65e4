"""A purge reaches every copy Organiser keeps of what it removes, not only the booking, child
and staff rows: free text elsewhere in the event that quotes who someone is (meeting notes and
their earlier versions, flyer versions, lessons, the report's words, free-text feedback), the
snapshot an event taken offline from a team database keeps of its rows, and the fingerprints
of imported feedback rows.

What is looked for: the values that say who someone is (a name, a phone number or email, who
collects, a collection password), and any line of a removed note or allergy long enough to be
a copy of it (25 characters or more). Each is matched case as typed, between word boundaries,
with any run of spaces or line breaks between its words (the notes editor wraps long lines),
and replaced by REMOVED. A single short word (a first name of four letters or fewer) is not
looked for: it would strike ordinary words ("May", "Will"). Only free text is searched (Text
columns), never names, choices or statuses of other records, nor the form's own wording.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Text, select, update
from sqlalchemy.orm import Session

from organiser.core.feedback.models import FeedbackResponse
from organiser.core.team.models import OfflineCopy, OfflineRow
from organiser.core.team.transfer_tables import belongs, owners, table

REMOVED = "[removed]"
# The rows a purge rewrites itself: their snapshots forget the old values, so bringing the
# event back takes the anonymised ones to the team's copy too.
PURGED_TABLES = frozenset({"booking", "child", "creche_staff", "feedback_answer"})
# Free text that is the event's own wording, not anyone's record.
NOT_SEARCHED = frozenset({"event", "feedback_question", "poll_option"})
COPY_LENGTH = 25  # a removed note's line this long found elsewhere is a copy of it
_GAP = r"(?:\s|\\[nrt])+"  # spaces, line breaks, or JSON's \n between the words


def identifying(value: str | None) -> list[str]:
    """A value that says who someone is, to strike wherever it is quoted."""
    text = " ".join((value or "").split())
    return [text] if len(text) > 4 or (len(text) > 2 and re.search(r"[\s\d@+]", text)) else []


def descriptive(value: str | None) -> list[str]:
    """The lines of a removed note, allergy or need long enough to be copied elsewhere."""
    lines = (" ".join(line.split()) for line in (value or "").splitlines())
    return [line for line in lines if len(line) >= COPY_LENGTH]


def _form(text: str) -> str:
    return _GAP.join(re.escape(word) for word in text.split())


def _pattern(needles: Iterable[str]) -> re.Pattern[str] | None:
    forms: set[str] = set()
    for needle in needles:
        forms.add(_form(needle))
        escaped = json.dumps(needle)[1:-1]  # as JSON keeps it (flyer versions): \u00eb for ë
        forms.add(_form(escaped))
    if not forms:
        return None
    ordered = sorted(forms, key=len, reverse=True)  # "Leo Marsh-Smith" before "Leo Marsh"
    return re.compile(r"(?<!\w)(?:" + "|".join(ordered) + r")(?!\w)")


def _strike(pattern: re.Pattern[str], value: Any) -> Any:
    return pattern.sub(REMOVED, value) if isinstance(value, str) else value


def forget_everywhere(s: Session, event_id: int, removed: Iterable[str]) -> None:
    """Strike the removed values from the event's free text and its offline snapshot; forget
    the fingerprints of its imported feedback. Runs after the rows were anonymised."""
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
            if name not in NOT_SEARCHED:
                _strike_table(s, name, pattern, chosen)
    _rewrite_snapshots(s, event_id, pattern)


def _strike_table(s: Session, name: str, pattern: re.Pattern[str], chosen: Any) -> None:
    each = table(name)
    texts = [column for column in each.columns if isinstance(column.type, Text)]
    if not texts or "id" not in each.c:
        return
    rows = s.execute(select(each.c.id, *texts).where(belongs(name, chosen))).all()
    for row in rows:
        changed: dict[str, Any] = {
            column.name: _strike(pattern, value)
            for column, value in zip(texts, row[1:], strict=True)
            if isinstance(value, str) and pattern.search(value)
        }
        if changed:
            if "row_version" in each.c:  # others' editors see a newer row, as after any save
                changed["row_version"] = each.c.row_version + 1
            s.execute(update(each).where(each.c.id == row[0]).values(**changed))


def _rewrite_snapshots(s: Session, event_id: int, pattern: re.Pattern[str] | None) -> None:
    """A purged row's snapshot forgets every value the purge changed (bringing the event back
    then takes the anonymised values to the team, as an edit of the team's copy); any other
    snapshot has the removed values struck like the text above (so a bring back changes
    nothing there that the team edited meanwhile)."""
    copies = select(OfflineCopy.id).where(OfflineCopy.event_id == event_id)
    for snapshot in s.scalars(select(OfflineRow).where(OfflineRow.copy_id.in_(copies))).all():
        base = json.loads(snapshot.base or "{}")
        if snapshot.table_name in PURGED_TABLES and snapshot.local_id is not None:
            each = table(snapshot.table_name)
            now = s.execute(select(each).where(each.c.id == snapshot.local_id)).mappings().first()
            if now is not None:
                base = {
                    key: value
                    for key, value in base.items()
                    if key not in now or not isinstance(value, str) or value == now[key]
                }
        if pattern is not None:
            base = {key: _strike(pattern, value) for key, value in base.items()}
        snapshot.base = json.dumps(base, ensure_ascii=False)
