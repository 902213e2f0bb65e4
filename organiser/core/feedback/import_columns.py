"""What a column of an online form's export may go to, in the words every part of the feedback
import shares: the column choices' types, headers and answers compared loosely, and the columns
that hold who the person is (an email, a phone number, a name), which go only to the contact and
first-name questions.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from organiser.core.feedback.form import Question
from organiser.core.feedback.kinds import Standard

RECEIVED = "received"  # the column saying when the response was sent
Target = int | str | None  # a question id, RECEIVED, or None: do not import
ColumnMap = dict[str, Target]

CONTACT_STANDARDS = (Standard.CONTACT.value, Standard.FIRST_NAME.value)
_CONTACT_WORDS = re.compile(r"\b(e ?mail|phone|mobile|telephone|postcode|address|ip|custom data)\b")
_NAME_STARTS = (
    "name",
    "full name",
    "your name",
    "your full name",
    "first name",
    "your first name",
    "last name",
    "surname",
    "family name",
)
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def normalise(text: str) -> str:
    """Text compared loosely: case-blind, accents kept, punctuation and spacing ignored."""
    folded = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", folded.replace("'", "")).split())


def is_contact_column(column: str) -> bool:
    """A column that says who the person is (an email, a phone number, a name)."""
    name = normalise(column)
    if _CONTACT_WORDS.search(name):
        return True
    return any(name == start or name.startswith(f"{start} ") for start in _NAME_STARTS)


def allowed(column: str, question: Question) -> bool:
    """Whether a column may go to a question: contact columns only to the contact questions."""
    return not is_contact_column(column) or question.standard in CONTACT_STANDARDS


def questions_for(column: str, questions: Sequence[Question]) -> list[Question]:
    """The questions a column may be imported into, in the form's order."""
    return [q for q in questions if not q.archived and allowed(column, q)]
