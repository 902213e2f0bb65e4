"""Answers in a file that are not among a choice question's choices: said in words, and added to
the question's choices when the person agrees.

A new event's services question has no choices until its speakers are invited, so an online
form's answers to it ("Health visitors, Library") are not among them: the plan gathers them per
question, in file order, told apart case- and punctuation-blind, and offers to add them (never
to a rating or a fixed scale, never more than MAX_NEW per question, and never an answer that
looks like someone's words or contact details). Adding is one transaction; its Changes say
what was added, so undo removes exactly that (and redo adds it again).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from organiser.core.changes import Changes, Touched
from organiser.core.db import Store
from organiser.core.errors import ValidationError
from organiser.core.feedback.form import FIXED_SCALES, Question
from organiser.core.feedback.import_columns import normalise
from organiser.core.feedback.kinds import Kind
from organiser.core.feedback.models import FeedbackQuestion
from organiser.core.import_plans import RowError, shown

_DIGITS = re.compile(r"\d")
MAX_NEW = 30  # more answers than this not among the choices: the column is likely free text
CHOICE_LENGTH = 80  # longer answers are someone's words, not a choice
FIX = "add the file's answers as choices"
_CHOICE_KINDS = (Kind.SINGLE.value, Kind.MULTIPLE.value)


def choice_like(value: str) -> bool:
    """Whether an answer could be a choice: short, one line, not an address or a number, and
    not a sentence about someone ("ask my wife Sue": small words and a capital after the
    first). A name may be one ("Citizens Advice", "Baby bank")."""
    later = value.split()[1:]
    sentence = any(w[:1].isupper() for w in later) and any(w[:1].islower() for w in later)
    return (
        0 < len(value) <= CHOICE_LENGTH
        and "\n" not in value
        and "@" not in value
        and len(_DIGITS.findall(value)) < 6
        and not sentence
    )


def listed(answers: Sequence[str]) -> str:
    """ "“Health visitors”, “Library”, “Baby bank”": the choices offered, each quoted in full
    (they are shown as they will be on the form; an answer that looks personal is never
    offered, see Gathered.offered)."""
    return ", ".join(f"“{answer}”" for answer in answers)


def can_grow(question: Question) -> bool:
    """Whether a question's choices may take answers from a file (not a rating, not fixed)."""
    return question.kind in _CHOICE_KINDS and question.standard not in FIXED_SCALES


def scale_words(question: Question) -> str:
    """ "“Q” (A / B / C)", or "“Q”, which has no choices yet": never an empty "()"."""
    if question.choices:
        return f"“{question.text}” ({' / '.join(question.choices)})"
    return f"“{question.text}”, which has no choices yet"


def unknown_words(question: Question, items: Sequence[str]) -> str:
    """ "“Excellent” is not one of the answers to “Overall…” (Very good / …)"."""
    first = shown(items[0]) or "the answer"
    what = (
        f"{first} is not one of the answers"
        if len(items) == 1
        else f"{first} and {len(items) - 1} more are not among the answers"
    )
    return f"{what} to {scale_words(question)}"


@dataclass
class Gathered:
    """Answers found in the file that are not among a question's choices, in file order."""

    question: Question
    column: str
    items: dict[str, str] = field(default_factory=dict)  # normalised → as first written
    rows: list[tuple[int, tuple[str, ...]]] = field(default_factory=list)

    def add(self, number: int, items: Sequence[str]) -> None:
        for item in items:
            self.items.setdefault(normalise(item), item)
        self.rows.append((number, tuple(items)))

    def offered(self) -> tuple[str, ...]:
        """The answers to offer as choices (none when there are too many to be choices)."""
        usable = tuple(item for item in self.items.values() if choice_like(item))
        return usable if len(usable) <= MAX_NEW else ()


@dataclass(frozen=True)
class Offer:
    """What the gathered answers come to: the choices to add, the rows' errors, notes."""

    additions: dict[int, tuple[str, ...]]
    errors: list[RowError]
    notes: list[str]


def offer(gathered: Sequence[Gathered]) -> Offer:
    """The choices to add per question, each refused row in words, and what to tell."""
    additions: dict[int, tuple[str, ...]] = {}
    errors: list[RowError] = []
    notes: list[str] = []
    for found in gathered:
        question, offered = found.question, found.offered()
        if offered:
            additions[question.id] = offered
            them = "it" if len(offered) == 1 else "them"
            notes.append(
                f"“{question.text}” has no choices yet: add {listed(offered)} from the file."
                if not question.choices
                else f"“{question.text}” does not list {listed(offered)}: add {them} from the file."
            )
        else:
            notes.append(
                f"“{question.text}” has {len(found.items):,} answers in the file that are not "
                "among its choices, too many to add as choices: check that the column "
                f"“{found.column}” answers it, or leave the column out."
            )
        addable = {normalise(item) for item in offered}
        for number, items in found.rows:
            words = unknown_words(question, items)
            if all(normalise(item) in addable for item in items):
                words += f": {FIX}"
            errors.append(RowError(number, found.column, words))
    return Offer(additions, errors, notes)


def _clean(choices: Sequence[str]) -> list[str]:
    cleaned = [" ".join(str(c).split()) for c in choices]
    for choice in cleaned:
        if len(choice) > CHOICE_LENGTH:
            raise ValidationError(f"A choice can be at most {CHOICE_LENGTH} characters long.")
    return [c for c in cleaned if c]


def _questions(s: Session, event_id: int, ids: Sequence[int]) -> dict[int, FeedbackQuestion]:
    found = {
        q.id: q
        for q in s.scalars(
            select(FeedbackQuestion).where(
                FeedbackQuestion.event_id == event_id, FeedbackQuestion.id.in_(list(ids))
            )
        )
    }
    if len(found) != len(set(ids)):
        raise ValidationError("A question is no longer on the form; import the file again.")
    return found


def add_choices(store: Store, *, event_id: int, additions: Mapping[int, Sequence[str]]) -> Changes:
    """Add answers from a file to choice questions' choices (at the end, skipping those already
    there, case-blind), in one transaction; `previous["added"]` says what was added, for undo."""
    added: dict[int, list[str]] = {}
    with store.begin() as s:
        for question_id, row in _questions(s, event_id, list(additions)).items():
            if row.kind not in _CHOICE_KINDS or row.standard in FIXED_SCALES:
                raise ValidationError(
                    f"“{row.text}” takes no new choices: its answers are fixed, so its figures "
                    "keep their meaning."
                )
            have = [c for c in row.choices.splitlines() if c.strip()]
            seen = {normalise(c) for c in have}
            new: list[str] = []
            for choice in _clean(additions[question_id]):
                if normalise(choice) not in seen:
                    seen.add(normalise(choice))
                    new.append(choice)
            if new:
                row.choices = "\n".join(have + new)
                added[question_id] = new
    touched = Touched.FEEDBACK if added else Touched.NONE
    return Changes(touched, event_id=event_id, previous={"added": added})


def remove_choices(
    store: Store, *, event_id: int, removals: Mapping[int, Sequence[str]]
) -> Changes:
    """Undo add_choices: take those choices off their questions again (answers given since
    keep their words); `previous["removed"]` says what was removed, for redo."""
    removed: dict[int, list[str]] = {}
    with store.begin() as s:
        for question_id, row in _questions(s, event_id, list(removals)).items():
            gone = set(removals[question_id])
            have = [c for c in row.choices.splitlines() if c.strip()]
            kept = [c for c in have if c not in gone]
            if len(kept) != len(have):
                row.choices = "\n".join(kept)
                removed[question_id] = [c for c in have if c in gone]
    touched = Touched.FEEDBACK if removed else Touched.NONE
    return Changes(touched, event_id=event_id, previous={"removed": removed})
