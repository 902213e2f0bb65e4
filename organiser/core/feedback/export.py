"""The responses as a CSV file for a spreadsheet: formula-safe, UTF-8 with a BOM.

One row per response and one column per question, headed with the question's text (so the file
imports back), archived questions marked; then when it was received and where it came from.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from organiser.core.csvfiles import save_csv, write_csv
from organiser.core.db import Store
from organiser.core.feedback.form import list_questions
from organiser.core.feedback.kinds import Kind
from organiser.core.feedback.responses import list_responses
from organiser.core.parsing import local_moment

RECEIVED = "Received"
SOURCE = "Source"


def local_time(value: dt.datetime) -> str:
    """A stored time (UTC) as this computer's local time: "2027-03-01 10:15:32"."""
    shown = local_moment(value).replace(tzinfo=None)
    return shown.isoformat(sep=" ", timespec="seconds")


def responses_table(store: Store, event_id: int) -> list[tuple[object, ...]]:
    """The header and one row per response, oldest first."""
    questions = list_questions(store, event_id, archived=True)
    header = (
        RECEIVED,
        *(f"{q.text} (archived)" if q.archived else q.text for q in questions),
        SOURCE,
    )
    rows: list[tuple[object, ...]] = [header]
    multiple = {q.id for q in questions if q.kind == Kind.MULTIPLE.value}
    for response in list_responses(store, event_id):
        cells = [response.answers.get(q.id, "") for q in questions]
        rows.append(
            (
                local_time(response.received_at),
                *(
                    c.replace("\n", "; ") if q.id in multiple else c
                    for q, c in zip(questions, cells, strict=True)
                ),
                response.source,
            )
        )
    return rows


def responses_csv(store: Store, event_id: int) -> bytes:
    """The event's responses as formula-safe CSV bytes."""
    return write_csv(responses_table(store, event_id))


def export_responses(store: Store, event_id: int, path: Path) -> int:
    """Write the event's responses to `path` (whole or not at all); returns how many."""
    table = responses_table(store, event_id)
    save_csv(path, table)
    return len(table) - 1
