"""Which question each column of an online form's export answers: guessed, or remembered.

Google Forms heads each column with the question's own text, after "Timestamp"; Microsoft Forms
starts with "ID", "Start time", "Completion time", "Email" and "Name"; SurveyMonkey and Jotform
have their own (organiser.core.feedback.import_file). Guesses compare the header with the
question text (case- and punctuation-blind), then with common phrasings of the standard
questions, then by likeness; a grid's row ("How was each part? [The venue]") goes to the question
written as the row ("The venue") or as both. The columns a person chose are remembered per form
(the set of its headers) and offered again the next time, for any event: by standard question,
or by text. Columns that hold who the person is (email, name, phone) go only to the contact and
first-name questions (organiser.core.feedback.import_columns), and are never guessed from a
form's own sign-in columns, nor when the file lacks the person's answer to whether they may be
kept (the consent questions).
"""

from __future__ import annotations

import difflib
import hashlib
import json
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.orm import Session

from organiser.core.db import Store
from organiser.core.errors import ValidationError
from organiser.core.feedback.form import Question, questions_in
from organiser.core.feedback.import_columns import (
    RECEIVED,
    ColumnMap,
    Target,
    allowed,
    normalise,
)
from organiser.core.feedback.import_file import is_own_column
from organiser.core.feedback.import_shapes import grid_columns, responses_table
from organiser.core.feedback.kinds import Standard
from organiser.core.speakers.models import Setting
from organiser.core.tables import Table

_RECEIVED_NAMES = (
    "completion time",
    "timestamp",
    "end date",
    "submission date",
    "submitted",
    "submitted at",
    "submission time",
    "date submitted",
    "submit date",
    "received",
    "end time",
)
# Other ways of asking the standard questions, in the order they are tried.
_PHRASES = (
    (Standard.FFT, ("overall", "friends and family", "how was your experience", "recommend")),
    (Standard.QUOTE, ("quote", "use your words", "use what you wrote")),
    (Standard.CONTACT_CONSENT, ("contact you", "get in touch", "keep in touch", "mailing list")),
    (Standard.CONTACT, ("email", "e mail", "phone", "mobile")),
    (Standard.FIRST_NAME, ("first name", "your name")),
    (Standard.ENJOYED, ("enjoy", "like most", "liked most", "best thing", "went well")),
    (Standard.BETTER, ("better", "improve", "change")),
    (Standard.HEARD, ("hear about", "heard about", "how did you find out", "where did you find")),
    (Standard.SERVICES, ("service", "organisation", "organization", "learn about", "learned")),
    (Standard.REGULAR, ("regular", "come again", "come back", "attend again", "weekly")),
)
_LIKENESS = 0.75


def guess_mapping(header: Sequence[str], questions: Sequence[Question]) -> ColumnMap:
    """The likely question of each column (None: not imported), and the column of times."""
    live = [q for q in questions if not q.archived]
    guessed: ColumnMap = dict.fromkeys(header)
    names = {column: normalise(column) for column in header}
    grids = grid_columns(header)
    rows = {column: normalise(row) for column, (_question, row) in grids.items()}
    for wanted in _RECEIVED_NAMES:
        column = next((c for c in header if names[c] == wanted), None)
        if column is not None:
            guessed[column] = RECEIVED
            break
    open_columns = [c for c in header if guessed[c] is None and not is_own_column(c)]
    used: set[int] = set()

    def take(column: str, question: Question) -> None:
        guessed[column] = question.id
        used.add(question.id)
        open_columns.remove(column)

    by_text = {normalise(q.text): q for q in reversed(live)}
    for column in list(open_columns):
        for text in (names[column], rows.get(column)):  # a grid's row: as both, or as the row
            found = by_text.get(text or "")
            if found is not None and found.id not in used and allowed(column, found):
                take(column, found)
                break
    standard = {q.standard: q for q in live if q.standard}
    for column in [c for c in open_columns if c not in grids]:
        for key, phrases in _PHRASES:
            found = standard.get(key.value)
            if found is None or found.id in used or not allowed(column, found):
                continue
            if any(phrase in names[column] for phrase in phrases):
                take(column, found)
                break
    for column in list(open_columns):
        best, score = None, _LIKENESS
        for question in live:
            if question.id in used or not allowed(column, question):
                continue
            text = rows.get(column, names[column])
            ratio = difflib.SequenceMatcher(None, text, normalise(question.text)).ratio()
            if ratio >= score:
                best, score = question, ratio
        if best is not None:
            take(column, best)
    # Collect the minimum: contact details and first names only beside the person's answer
    # to whether they may be kept.
    for kept, consent in (
        (Standard.CONTACT, Standard.CONTACT_CONSENT),
        (Standard.FIRST_NAME, Standard.QUOTE),
    ):
        given, asked = standard.get(kept.value), standard.get(consent.value)
        if given is not None and given.id in used and (asked is None or asked.id not in used):
            guessed.update({c: None for c, t in guessed.items() if t == given.id})
    return guessed


def _setting_key(header: Sequence[str]) -> str:
    signature = "\n".join(sorted({normalise(h) for h in header}))
    return "feedback_import:" + hashlib.sha256(signature.encode()).hexdigest()[:40]


def _describe(target: Target, by_id: Mapping[int, Question]) -> Any:
    if target is None or target == RECEIVED:
        return target
    question = by_id.get(int(target))
    if question is None:
        return None
    return {"standard": question.standard} if question.standard else {"text": question.text}


def _resolve(saved: Any, questions: Sequence[Question]) -> Target:
    if saved is None or saved == RECEIVED:
        return saved  # type: ignore[no-any-return]
    if not isinstance(saved, dict):
        return None
    live = [q for q in questions if not q.archived]
    if saved.get("standard"):
        return next((q.id for q in live if q.standard == saved["standard"]), None)
    text = normalise(str(saved.get("text", "")))
    return next((q.id for q in live if not q.standard and normalise(q.text) == text), None)


def remember_mapping(
    s: Session, header: Sequence[str], mapping: Mapping[str, Target], questions: Sequence[Question]
) -> None:
    """Keep the column choices for the next file with these headers (inside a transaction)."""
    by_id = {q.id: q for q in questions}
    columns = {c: _describe(mapping.get(c), by_id) for c in header}
    s.merge(Setting(key=_setting_key(header), value=json.dumps({"columns": columns})))


def remembered_in(s: Session, header: Sequence[str], questions: Sequence[Question]) -> ColumnMap:
    """The column choices last used for a file with these headers ({} when none)."""
    setting = s.get(Setting, _setting_key(header))
    if setting is None:
        return {}
    try:
        saved = json.loads(setting.value).get("columns", {})
    except (ValueError, AttributeError):
        return {}
    if not isinstance(saved, dict):
        return {}
    found: ColumnMap = {}
    for column in header:
        if column in saved:
            target = _resolve(saved[column], questions)
            if target is not None or saved[column] is None:  # a question since removed: guess
                found[column] = target
    return found


def suggest_mapping(
    store: Store, event_id: int, header: Sequence[str] | Table
) -> tuple[ColumnMap, bool]:
    """The choices to offer for a file: the remembered ones (True) where still on the form,
    else guesses (False). Given the Table, its columns are read as the plan reads them
    (SurveyMonkey's two header rows as one: import_shapes.responses_table)."""
    if isinstance(header, Table):
        header = responses_table(header).header
    with store.begin() as s:
        questions = questions_in(s, event_id)
        remembered = remembered_in(s, header, questions)
    guessed = guess_mapping(header, questions)
    if not remembered:
        return guessed, False
    chosen: ColumnMap = {}
    taken = {t for t in remembered.values() if t is not None}
    for column in header:
        if column in remembered:
            chosen[column] = remembered[column]
        else:
            guess = guessed.get(column)
            chosen[column] = guess if guess not in taken else None
    return chosen, True


_TO_RECEIVED = {"received", "when sent", "when it was sent", "sent", "timestamp"}
_TO_NOTHING = {"", "none", "do not import", "not imported", "nothing"}


def _listed(questions: Sequence[Question], numbers: Mapping[int, int]) -> str:
    return ", ".join(f"{numbers[q.id]} “{q.text}”" for q in questions)


def choose(
    mapping: Mapping[str, Target], column: str, target_text: str, questions: Sequence[Question]
) -> ColumnMap:
    """The column choices with `column` going where `target_text` says: a question's number on
    the form (1-based), its words (case- and punctuation-blind, or a unique start of them),
    "received" (when it was sent) or ""/"none" (not imported). A column that had that question
    before is left out. ValidationError, listing the choices, when it is unknown or ambiguous."""
    if column not in mapping:
        same = [c for c in mapping if normalise(c) == normalise(column)]
        if len(same) != 1:
            known = ", ".join(f"“{c}”" for c in mapping)
            raise ValidationError(f"This file has no column “{column}”; its columns are {known}.")
        column = same[0]
    live = [q for q in questions if not q.archived]
    numbers = {q.id: n for n, q in enumerate(live, start=1)}
    wanted = normalise(target_text)
    target: Target
    if wanted in _TO_NOTHING:
        target = None
    elif wanted in _TO_RECEIVED:
        target = RECEIVED
    elif wanted.isdigit():
        if not 1 <= int(wanted) <= len(live):
            raise ValidationError(
                f"The form has questions 1 to {len(live)}, so there is no question {wanted}."
            )
        target = live[int(wanted) - 1].id
    else:
        found = [q for q in live if normalise(q.text) == wanted] or [
            q for q in live if normalise(q.text).startswith(wanted)
        ]
        if not found:
            raise ValidationError(
                f"“{target_text}” is not a question on the form. Choose a question's number or "
                f"words ({_listed(live, numbers)}), “received” for when it was sent, or “none” "
                "to leave the column out."
            )
        if len(found) > 1:
            raise ValidationError(
                f"“{target_text}” could be {len(found)} questions ({_listed(found, numbers)}): "
                "write more of its words, or its number."
            )
        target = found[0].id
    question = next((q for q in live if q.id == target), None)
    if question is not None and not allowed(column, question):
        raise ValidationError(
            f"The column “{column}” holds contact details, so it can only go to the contact or "
            "first-name question."
        )
    chosen = {c: (None if t == target and target is not None else t) for c, t in mapping.items()}
    chosen[column] = target
    return chosen
