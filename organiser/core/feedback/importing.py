"""Import feedback responses from an online form's export: plan first, then store all rows, or
all but the refused ones (organiser.core.feedback.import_apply), as one step.

Each row's fingerprint (a SHA-256 of its non-blank cells under their headers) is stored as the
response's source key, so importing the same file again (or a later export of the same form)
adds only the new rows, and a row repeated in a file is counted once. Where the form numbers its
responses (Microsoft Forms' ID, SurveyMonkey's Respondent ID, Jotform's Submission ID) the key
starts with that number's hash, so a response edited since the last import replaces the one
imported before instead of coming in twice. Google Forms numbers nothing: an edited response
comes in as a new one. Its "Email address" is not taken as the person's identity: collecting an
address does not limit a form to one response per address (two real responses would become
one), and a hash of it would keep a trace of people who did not agree to be contacted.
Messages about rows name the row and the question, never the person: contact cells are never
quoted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from organiser.core.db import Store
from organiser.core.events.models import Event
from organiser.core.feedback.form import Question, questions_in
from organiser.core.feedback.import_apply import apply_import
from organiser.core.feedback.import_choices import add_choices, offer, remove_choices
from organiser.core.feedback.import_columns import ColumnMap, Target
from organiser.core.feedback.import_explain import problems_of, readings_of
from organiser.core.feedback.import_file import GOOGLE, form_of, identity_column
from organiser.core.feedback.import_known import (
    NUMBER_KEY,
    Content,
    Known,
    content,
    identity_hasher,
    known_in,
)
from organiser.core.feedback.import_mapping import choose, suggest_mapping
from organiser.core.feedback.import_rows import PlannedResponse, RowReader, fingerprinter
from organiser.core.feedback.import_shapes import read_responses, responses_table
from organiser.core.feedback.import_undo import remove_imported, restore_imported
from organiser.core.import_plans import Reading, RowError, refused_rows
from organiser.core.records import get_or_raise
from organiser.core.tables import Table
from organiser.core.words import plural

__all__ = [
    "ImportPlan",
    "Known",
    "PlannedResponse",
    "RowError",
    "add_choices",
    "apply_import",
    "choose",
    "plan_for_event",
    "plan_import",
    "read_responses",
    "remove_choices",
    "remove_imported",
    "restore_imported",
    "suggest_mapping",
]
LISTED = 20  # rows named one by one before "… and N more"
SPELLED = 5  # identical rows listed by number; more are counted


def _rows_words(rows: Sequence[int]) -> str:
    """ "Rows 3 and 4", "Rows 2, 5 and 7"."""
    return "Rows " + ", ".join(str(r) for r in rows[:-1]) + f" and {rows[-1]}"


def _identical(duplicates: Sequence[tuple[int, int]]) -> list[str]:
    """ "Rows 3 and 4 are identical: counted once.", for each row repeated (20 at most)."""
    groups: dict[int, list[int]] = {}
    for row, first in duplicates:
        groups.setdefault(first, [first]).append(row)
    found = []
    for rows in list(groups.values())[:LISTED]:
        if len(rows) <= SPELLED:
            found.append(f"{_rows_words(rows)} are identical: counted once.")
        else:
            repeats = plural(len(rows) - 1, "time")
            found.append(f"Row {rows[0]} is repeated {repeats}: counted once.")
    more = sum(len(rows) - 1 for rows in list(groups.values())[LISTED:])
    if more:
        found.append(f"… and {plural(more, 'more identical row')}.")
    return found


@dataclass(frozen=True)
class ImportPlan:
    """What an import would do (an organiser.core.import_plans.Plan): the responses to add or
    update, rows in error, and rows left out."""

    table: Table  # as read for import: one header row, one column per answer
    mapping: ColumnMap
    rows: tuple[PlannedResponse, ...]  # to add, and edited ones to update (`updates` set)
    errors: tuple[RowError, ...]
    problems: tuple[str, ...]  # about the column choices as a whole
    skipped: tuple[int, ...]  # rows with no answer in the chosen columns
    duplicates: tuple[tuple[int, int], ...]  # (row, the earlier row of the file it repeats)
    already: tuple[int, ...]  # rows imported before
    unused: tuple[str, ...]  # columns not imported
    remarks: tuple[str, ...] = ()  # what reading the rows changed
    # Answers in the file not among a choice question's choices: question id → new choices.
    choices_to_add: dict[int, tuple[str, ...]] = field(default_factory=dict)
    column_readings: tuple[Reading, ...] = ()
    superseded: tuple[tuple[int, int], ...] = ()  # (row, a later row with its response ID)
    choice_notes: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """Nothing refused: every row can be imported as it is."""
        return not self.errors and not self.problems

    @property
    def source(self) -> str:
        """What the responses' source says: "Google Forms (responses.csv)"."""
        name = f" ({self.table.name})" if self.table.name else ""
        return f"{form_of(self.table)}{name}"[:200]

    @property
    def updates(self) -> tuple[PlannedResponse, ...]:
        """Responses edited since they were imported, to replace the earlier ones."""
        return tuple(r for r in self.rows if r.updates is not None)

    def summary(self) -> str:
        """ "18 responses to add, 2 already imported, 1 identical row counted once, 1 row
        refused."."""
        if self.problems:
            return " ".join(self.problems)
        edited = len(self.updates)
        parts = [f"{plural(len(self.rows) - edited, 'response')} to add"]
        if edited:
            parts.append(f"{plural(edited, 'edited response')} to update")
        if self.already:
            parts.append(f"{len(self.already):,} already imported")
        if self.duplicates:
            parts.append(f"{plural(len(self.duplicates), 'identical row')} counted once")
        if self.superseded:
            parts.append(f"{plural(len(self.superseded), 'earlier version')} left out")
        if self.skipped:
            parts.append(f"{plural(len(self.skipped), 'empty row')} skipped")
        if self.errors:
            rows = len(refused_rows(self.errors))
            parts.append(f"{plural(rows, 'row')} refused")
        return ", ".join(parts) + "."

    def readings(self) -> Sequence[Reading]:
        """What each column of the file was understood as, with two of its values."""
        return self.column_readings

    def notes(self) -> Sequence[str]:
        """Columns left out, choices to add, rows counted once or replaced, answers changed."""
        lines = []
        if self.unused:
            lines.append("Not imported: " + ", ".join(self.unused) + ".")
        lines += self.choice_notes
        lines += _identical(self.duplicates)
        for row, later in self.superseded[:LISTED]:
            lines.append(
                f"Row {row} is an earlier version of row {later} (the same response ID), "
                f"so only row {later} is imported."
            )
        if len(self.superseded) > LISTED:
            lines.append(f"… and {len(self.superseded) - LISTED:,} more earlier versions.")
        edited = self.updates
        if edited:
            rows = ", ".join(str(r.row) for r in edited[:LISTED])
            more = f" and {len(edited) - LISTED} more" if len(edited) > LISTED else ""
            lines.append(
                f"Edited since the last import (the same response ID, new answers): row"
                f"{'s' if len(edited) > 1 else ''} {rows}{more}. Each replaces the response "
                "imported before."
            )
        lines += self.remarks
        if self.already and len(self.rows) and form_of(self.table) == GOOGLE:
            lines.append(
                "Google Forms gives no response ID, so a response edited since the last "
                "import comes in as a new one: delete the older one on the Responses page."
            )
        return lines

    def good_count(self) -> int:
        """How many responses would be stored (added or updated) leaving out refused rows."""
        return len(self.rows)


def plan_import(
    table: Table,
    questions: Sequence[Question],
    mapping: Mapping[str, Target],
    *,
    known: Known | None = None,
) -> ImportPlan:
    """What importing the file with these column choices would add, update, leave out and
    refuse. `known` holds what the event has from before (see plan_for_event)."""
    table = responses_table(table)
    known = known or Known()
    by_id = {q.id: q for q in questions if not q.archived}
    chosen: ColumnMap = {c: mapping.get(c) for c in table.header}
    unused = tuple(c for c in table.header if chosen[c] is None)
    identity = identity_column(table)
    readings = readings_of(table, chosen, by_id, identity)
    problems = problems_of(table, chosen, by_id)
    if problems:
        return ImportPlan(
            table, chosen, (), (), tuple(problems), (), (), (), unused, column_readings=readings
        )
    reader = RowReader(table, chosen, by_id)
    fingerprint = fingerprinter(table.header)
    place = table.header.index(identity) if identity else None
    number_keys = identity_hasher(form_of(table), table.header)
    last: dict[str, int] = {}
    if place is not None:
        for number, cells in table.rows:
            if place < len(cells) and cells[place].strip():
                last[cells[place].strip()] = number
    earlier = {key[:NUMBER_KEY]: rid for key, rid in known.keys.items()} if last else {}
    contents: Mapping[int, Content] | None = None
    here: set[Content] = set()
    rows: list[PlannedResponse] = []
    errors: list[RowError] = []
    skipped: list[int] = []
    duplicates: list[tuple[int, int]] = []
    superseded: list[tuple[int, int]] = []
    before: list[int] = []
    seen: dict[str, int] = {}
    for number, cells in table.rows:
        number_in_form = cells[place].strip() if place is not None and place < len(cells) else ""
        if number_in_form and last[number_in_form] != number:
            superseded.append((number, last[number_in_form]))
            continue
        identity_keys = number_keys(number_in_form) if number_in_form else ()
        own = fingerprint(cells)
        key = identity_keys[0] + own[NUMBER_KEY:] if identity_keys else own
        if key in seen:
            duplicates.append((number, seen[key]))
            continue
        seen[key] = number
        if key in known.keys or any(k + own[NUMBER_KEY:] in known.keys for k in identity_keys[1:]):
            before.append(number)
            continue
        planned, found = reader.read(number, cells, key)
        errors.extend(found)
        if planned is None:
            if not found and number not in reader.pending:
                skipped.append(number)
            continue
        replaces = next((earlier[k] for k in identity_keys if k in earlier), None)
        if contents is None:
            contents = known.contents()
            here = set(contents.values())
        if here:  # the same answers at the same minute are here already
            same = content(planned.received_at, planned.answers)
            if (replaces is not None and contents.get(replaces) == same) or (
                replaces is None and planned.received_at is not None and same in here
            ):
                before.append(number)
                continue
        rows.append(replace(planned, updates=replaces) if replaces is not None else planned)
    offered = offer(list(reader.gathered.values()))
    places = {column: i for i, column in enumerate(table.header)}
    merged = sorted([*errors, *offered.errors], key=lambda e: (e.row, places.get(e.column, -1)))
    return ImportPlan(
        table,
        chosen,
        tuple(rows),
        tuple(merged),
        (),
        tuple(skipped),
        tuple(duplicates),
        tuple(sorted(before)),
        unused,
        tuple(reader.notes()),
        offered.additions,
        readings,
        tuple(superseded),
        tuple(offered.notes),
    )


def plan_for_event(
    store: Store, event_id: int, table: Table, mapping: Mapping[str, Target]
) -> ImportPlan:
    """plan_import against an event's form and what it already holds. A response here under
    another fingerprint (typed in, Organiser's own export read back, or the same form saved
    as XLSX after CSV) with the same answers at the same minute counts as imported."""
    with store.begin() as s:
        get_or_raise(s, Event, event_id, "event")
        questions, known = questions_in(s, event_id), known_in(s, store, event_id)
    return plan_import(table, questions, mapping, known=known)
