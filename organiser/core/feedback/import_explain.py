"""A feedback import plan explaining itself: what each column of the file was understood as,
and what is wrong with the column choices as a whole.

A column of contact details shows "(contact details)" instead of its values, and no value that
may say who someone is (import_plans.shown) is shown; a grid's row says which grid it belongs
to.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from organiser.core.errors import ValidationError
from organiser.core.feedback.form import Question
from organiser.core.feedback.import_columns import (
    CONTACT_STANDARDS,
    RECEIVED,
    Target,
    allowed,
    is_contact_column,
)
from organiser.core.feedback.import_file import parse_received
from organiser.core.feedback.import_shapes import grid_columns
from organiser.core.feedback.kinds import Kind
from organiser.core.import_plans import CONTACT, EXAMPLES, Reading, examples, shown
from organiser.core.tables import Table

WHEN_SENT: Final = "When it was sent"
NOT_IMPORTED: Final = "Not imported"
RESPONSE_ID: Final = "Response ID: an edited response replaces the one imported before"
KIND_WORDS = {
    Kind.RATING.value: "rating",
    Kind.SINGLE.value: "one choice",
    Kind.MULTIPLE.value: "choices",
    Kind.TEXT.value: "free text",
}
_SHORT = 50
_EXAMPLE = 30  # characters: import_plans.examples cuts longer values to this
_LOOKED_AT = 10  # values looked at for two examples that say nobody's name


def short(text: str, most: int = _SHORT) -> str:
    """A question's words cut to fit a line: "Overall, how was your experience of our…"."""
    return text if len(text) <= most else text[: most - 1].rstrip(" ,;:") + "…"


def meaning_of(question: Question) -> str:
    """ "“Overall, how was your experience of our…” (rating)"."""
    return f"“{short(question.text)}” ({KIND_WORDS.get(question.kind, question.kind.lower())})"


def _is_time(value: str) -> bool:
    try:
        parse_received(value)
    except ValidationError:
        return False
    return True


def readings_of(
    table: Table,
    mapping: Mapping[str, Target],
    by_id: Mapping[int, Question],
    identity: str | None,
) -> tuple[Reading, ...]:
    """One Reading per column of the file, with two of its values (never contact details, nor
    a value that may say who someone is)."""
    grids = grid_columns(table.header)
    found = []
    for column in table.header:
        target = mapping.get(column)
        question = by_id.get(target) if isinstance(target, int) else None
        if target == RECEIVED:
            meaning = WHEN_SENT
        elif question is not None:
            meaning = meaning_of(question)
            if column in grids:
                meaning += f", a row of the grid “{short(grids[column][0])}”"
        elif column == identity:
            meaning = RESPONSE_ID
        else:
            meaning = NOT_IMPORTED
        private = is_contact_column(column) or (
            question is not None and question.standard in CONTACT_STANDARDS
        )
        if private:
            values: tuple[str, ...] = (CONTACT,) if examples(table, column, 1) else ()
        else:  # none that may say who someone is ("Relaxing for an hour — Zoë"); a time may
            # have capitals ("10:15:32 AM GMT")
            values = tuple(
                v
                for v in examples(table, column, _LOOKED_AT)
                if shown(v, _EXAMPLE) or (target == RECEIVED and _is_time(v))
            )[:EXAMPLES]
        found.append(Reading(column, meaning, values))
    return tuple(found)


def problems_of(
    table: Table, mapping: Mapping[str, Target], by_id: Mapping[int, Question]
) -> list[str]:
    """What is wrong with the column choices as a whole (nothing can be planned)."""
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
