"""Import feedback responses from an online form's export, all rows or none.

Each row's fingerprint (a SHA-256 of its non-blank cells under their headers) is stored as the
response's source key, so importing the same file again (or a later export of the same form)
adds only the new rows, and a row repeated in a file is counted once. Messages about rows name
the row and the question, never the person: contact cells are never quoted.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from organiser.core.changes import Changes, Touched
from organiser.core.db import Store
from organiser.core.errors import OrganiserError
from organiser.core.events.models import Event
from organiser.core.feedback.form import Question, questions_in
from organiser.core.feedback.import_file import form_of
from organiser.core.feedback.import_mapping import (
    RECEIVED,
    ColumnMap,
    Target,
    allowed,
    remember_mapping,
)
from organiser.core.feedback.import_rows import PlannedResponse, RowError, RowReader, fingerprint
from organiser.core.feedback.import_undo import remove_imported, restore_imported
from organiser.core.feedback.kinds import Kind
from organiser.core.feedback.models import FeedbackAnswer, FeedbackResponse
from organiser.core.feedback.responses import prepare_answers, responses_in
from organiser.core.meetings.models import utc_now
from organiser.core.records import get_or_raise
from organiser.core.tables import Table
from organiser.core.words import plural

__all__ = [
    "ImportPlan",
    "PlannedResponse",
    "RowError",
    "apply_import",
    "plan_for_event",
    "plan_import",
    "remove_imported",
    "restore_imported",
]
BATCH = 1000  # responses stored per statement
LISTED = 20  # repeated rows named one by one before "… and N more"


@dataclass(frozen=True)
class ImportPlan:
    """What an import would do: the responses to add, rows in error, and rows left out."""

    table: Table
    mapping: ColumnMap
    rows: tuple[PlannedResponse, ...]
    errors: tuple[RowError, ...]
    problems: tuple[str, ...]  # about the column choices as a whole
    skipped: tuple[int, ...]  # rows with no answer in the chosen columns
    duplicates: tuple[tuple[int, int], ...]  # (row, the earlier row of the file it repeats)
    already: tuple[int, ...]  # rows imported before
    unused: tuple[str, ...]  # columns not imported
    notes: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors and not self.problems

    @property
    def source(self) -> str:
        """What the responses' source says: "Google Forms (responses.csv)"."""
        name = f" ({self.table.name})" if self.table.name else ""
        return f"{form_of(self.table)}{name}"[:200]

    def summary(self) -> str:
        """ "18 responses to add, 2 already imported, 1 row with an error — …"."""
        if self.problems:
            return " ".join(self.problems)
        parts = [f"{plural(len(self.rows), 'response')} to add"]
        if self.already:
            parts.append(f"{len(self.already):,} already imported")
        if self.duplicates:
            parts.append(f"{plural(len(self.duplicates), 'repeated row')} counted once")
        if self.skipped:
            parts.append(f"{plural(len(self.skipped), 'empty row')} skipped")
        if self.errors:
            rows = len({e.row for e in self.errors})
            parts.append(f"{plural(rows, 'row')} with an error")
            return ", ".join(parts) + " — nothing is imported while any row has an error."
        return ", ".join(parts) + "."

    def details(self) -> list[str]:
        """Lines saying what is left out and why: columns, repeated rows, answers changed."""
        lines = []
        if self.unused:
            lines.append("Not imported: " + ", ".join(self.unused) + ".")
        for row, first in self.duplicates[:LISTED]:
            lines.append(f"Row {row} is the same as row {first}, so it is counted once.")
        if len(self.duplicates) > LISTED:
            lines.append(f"… and {len(self.duplicates) - LISTED} more repeated rows.")
        return [*lines, *self.notes]


def _problems(
    table: Table, mapping: Mapping[str, Target], by_id: Mapping[int, Question]
) -> list[str]:
    found: list[str] = []
    seen: dict[Target, str] = {}
    for column in table.header:
        target = mapping.get(column)
        if target is None:
            continue
        if target != RECEIVED:
            question = by_id.get(int(target))
            if question is None:
                found.append(f"The question chosen for “{column}” is no longer on the form.")
                continue
            if not allowed(column, question):
                found.append(
                    f"The column “{column}” holds contact details, so it can only go to the "
                    "contact or first-name question."
                )
        if target in seen:
            what = "the time it was sent" if target == RECEIVED else f"“{by_id[int(target)].text}”"
            found.append(f"The columns “{seen[target]}” and “{column}” both go to {what}.")
        seen.setdefault(target, column)
    if not found and not any(t not in (None, RECEIVED) for t in seen):
        found.append(
            "None of this file's columns matches a question on the form, so there is nothing to "
            "import. Choose the question each column answers, or add the questions to the form."
        )
    return found


def plan_import(
    table: Table,
    questions: Sequence[Question],
    mapping: Mapping[str, Target],
    *,
    already: Collection[str] = (),
) -> ImportPlan:
    """What importing the file with these column choices would add, leave out and refuse.

    `already` holds the fingerprints of the rows imported to the event before.
    """
    by_id = {q.id: q for q in questions if not q.archived}
    chosen: ColumnMap = {c: mapping.get(c) for c in table.header}
    unused = tuple(c for c in table.header if chosen[c] is None)
    problems = _problems(table, chosen, by_id)
    if problems:
        return ImportPlan(table, chosen, (), (), tuple(problems), (), (), (), unused)
    reader = RowReader(table, chosen, by_id)
    rows: list[PlannedResponse] = []
    errors: list[RowError] = []
    skipped: list[int] = []
    duplicates: list[tuple[int, int]] = []
    before: list[int] = []
    seen: dict[str, int] = {}
    for number, cells in table.rows:
        key = fingerprint(table.header, cells)
        if key in seen:
            duplicates.append((number, seen[key]))
            continue
        seen[key] = number
        if key in already:
            before.append(number)
            continue
        planned, found = reader.read(number, cells, key)
        errors.extend(found)
        if planned is not None:
            rows.append(planned)
        elif not found:
            skipped.append(number)
    return ImportPlan(
        table,
        chosen,
        tuple(rows),
        tuple(errors),
        (),
        tuple(skipped),
        tuple(duplicates),
        tuple(before),
        unused,
        tuple(reader.notes()),
    )


def _known(s: Session, event_id: int) -> set[str]:
    keys = s.scalars(
        select(FeedbackResponse.source_key).where(
            FeedbackResponse.event_id == event_id, FeedbackResponse.source_key.is_not(None)
        )
    )
    return {k for k in keys if k}


def plan_for_event(
    store: Store, event_id: int, table: Table, mapping: Mapping[str, Target]
) -> ImportPlan:
    """plan_import against an event's form and the rows already imported to it."""
    with store.begin() as s:
        get_or_raise(s, Event, event_id, "event")
        questions, known = questions_in(s, event_id), _known(s, event_id)
        here = {_content(r.received_at, r.answers) for r in responses_in(s, event_id)}
    plan = plan_import(table, questions, mapping, already=known)
    # A response already here under another fingerprint (typed in, or Organiser's own export
    # read back, or the same form saved as XLSX after CSV) is the same answers at the same
    # minute: it counts as already imported, not as new.
    same = [r for r in plan.rows if r.received_at and _content(r.received_at, r.answers) in here]
    if not same:
        return plan
    return dataclasses.replace(
        plan,
        rows=tuple(r for r in plan.rows if r not in same),
        already=tuple(sorted((*plan.already, *(r.row for r in same)))),
    )


def _content(received: dt.datetime | None, answers: Mapping[int, str]) -> str:
    minute = received.replace(second=0, microsecond=0).isoformat() if received else ""
    shown = sorted((qid, value) for qid, value in answers.items() if value)
    return hashlib.sha256(repr((minute, shown)).encode()).hexdigest()


def _stored(question: Question, value: str) -> str | list[str]:
    return value.split("\n") if question.kind == Kind.MULTIPLE.value else value


def _insert(
    s: Session, event_id: int, source: str, batch: Sequence[tuple[PlannedResponse, dict[int, str]]]
) -> list[int]:
    """Store checked responses a batch at a time: one statement for the responses, one for
    their answers (one at a time, 10,000 took about 7 s; so about 1 s)."""
    now = utc_now()
    ids = list(
        s.scalars(
            insert(FeedbackResponse).returning(FeedbackResponse.id, sort_by_parameter_order=True),
            [
                {
                    "event_id": event_id,
                    "source": source,
                    "source_key": planned.key,
                    "received_at": planned.received_at or now,
                    "booking_id": None,
                }
                for planned, _stored in batch
            ],
        )
    )
    s.execute(
        insert(FeedbackAnswer),
        [
            {"response_id": response_id, "question_id": qid, "value": value, "starred": False}
            for response_id, (_planned, stored) in zip(ids, batch, strict=True)
            for qid, value in stored.items()
        ],
    )
    return ids


def apply_import(store: Store, event_id: int, plan: ImportPlan) -> Changes:
    """Add the plan's responses in one transaction (none if any row is wrong), and remember the
    column choices for the next file from the same form."""
    if not plan.ok:
        count = len({e.row for e in plan.errors})
        raise OrganiserError(
            f"Nothing was imported: {plural(count, 'row')} of the file cannot be used. "
            "Fix the file or the column choices, then import again."
            if count
            else "Nothing was imported: " + " ".join(plan.problems)
        )
    created: list[int] = []
    with store.begin() as s:
        get_or_raise(s, Event, event_id, "event")
        questions = questions_in(s, event_id, archived=True)
        by_id = {q.id: q for q in questions}
        known = _known(s, event_id)  # an import since the preview is not added twice
        adding: list[tuple[PlannedResponse, dict[int, str]]] = []
        for planned in plan.rows:
            if planned.key in known:
                continue
            if not by_id.keys() >= planned.answers.keys():
                raise OrganiserError("The form changed since the preview; import the file again.")
            answers = {qid: _stored(by_id[qid], v) for qid, v in planned.answers.items()}
            adding.append((planned, prepare_answers(questions, answers)))  # as a typed-in form
            known.add(planned.key)
        for start in range(0, len(adding), BATCH):
            created += _insert(s, event_id, plan.source, adding[start : start + BATCH])
        remember_mapping(s, plan.table.header, plan.mapping, questions)
    if not created:
        return Changes(Touched.NONE, event_id=event_id)
    return Changes(Touched.FEEDBACK, event_id=event_id, previous={"created_ids": created})
