"""The rows of an online form's export read as responses, and each cell as an answer.

Choices are matched case- and punctuation-blind ("very good" is "Very good", "Don’t know" is
"Don't know"). Multiple-choice cells are split on ";" (Microsoft Forms: "A;B;") or ", " (Google
Forms: "A, B"), keeping a choice that itself contains ", " whole. An answer that is not among the
choices counts as "Other" when the question offers it (Google's "Other: …" text); otherwise, and
always for a rating, it is an error that names the row and the question, and quotes the answer
only when it cannot be someone's contact details. Contact details and first names are kept only
with the person's agreement, when the file holds their answer to it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from organiser.core.errors import ValidationError
from organiser.core.feedback.form import Question
from organiser.core.feedback.import_file import parse_received
from organiser.core.feedback.import_mapping import CONTACT_STANDARDS, RECEIVED, Target, normalise
from organiser.core.feedback.kinds import Kind, QuoteConsent, Standard
from organiser.core.planning.validation import TEXT_LIMIT
from organiser.core.tables import Table
from organiser.core.words import plural

_DIGITS = re.compile(r"\d")


def quoted(value: str) -> str:
    """An answer quoted in a message, unless it may be personal (long, an address, a number)."""
    if len(value) > 40 or "@" in value or len(_DIGITS.findall(value)) >= 6:
        return "the answer "
    return f"“{value}” "


def _split(text: str, choices: dict[str, str]) -> list[str]:
    if ";" in text:
        return [p.strip() for p in text.split(";") if p.strip()]
    pieces = [p.strip() for p in text.split(", ")]
    found: list[str] = []
    start = 0
    while start < len(pieces):
        end = next(
            (
                end
                for end in range(len(pieces), start, -1)
                if normalise(", ".join(pieces[start:end])) in choices
            ),
            start + 1,
        )
        found.append(", ".join(pieces[start:end]))
        start = end
    return [p for p in found if p]


def read_answer(question: Question, text: str) -> tuple[str, int]:
    """The answer as stored (choices one per line), and how many answers became "Other"."""
    if question.kind == Kind.TEXT.value:
        if len(text) > TEXT_LIMIT:
            raise ValidationError(f"the answer to “{question.text}” is too long to keep")
        return text, 0
    choices = {}
    for choice in reversed(question.choices):
        choices[normalise(choice)] = choice
    other = choices.get("other") if question.kind != Kind.RATING.value else None
    items = _split(text, choices) if question.kind == Kind.MULTIPLE.value else [text]
    picked: list[str] = []
    others = 0
    for item in items:
        match = choices.get(normalise(item))
        if match is None and other is not None:
            match, others = other, others + 1
        if match is None:
            scale = " / ".join(question.choices)
            raise ValidationError(
                f"{quoted(item)}is not one of the answers to “{question.text}” ({scale})"
            )
        picked.append(match)
    return "\n".join(dict.fromkeys(picked)), others


@dataclass(frozen=True)
class RowError:
    """Why one row cannot be imported (no personal data in the message)."""

    row: int
    column: str
    message: str

    def words(self) -> str:
        """ "Row 7: “Excellent” is not one of the answers (Very good / Good / …)"."""
        return f"Row {self.row}: {self.message}"


@dataclass(frozen=True)
class PlannedResponse:
    """A response as it will be stored, and the row of the file it comes from."""

    row: int
    key: str  # the row's fingerprint
    received_at: dt.datetime | None
    answers: dict[int, str]  # question id → value as stored (choices one per line)

    @property
    def id(self) -> int:
        return self.row


def fingerprint(header: Sequence[str], cells: Sequence[str]) -> str:
    """A row's identity: its non-blank cells under their headers, order and spacing ignored
    (so a column added to the form later leaves older rows' fingerprints as they were)."""
    pairs = sorted(
        f"{normalise(column)}\x1e{' '.join(unicodedata.normalize('NFC', cell).split())}"
        for column, cell in zip(header, cells, strict=False)
        if cell.strip()
    )
    return hashlib.sha256("\x1f".join(pairs).encode()).hexdigest()


class RowReader:
    """Reads rows with the chosen columns; counts what it had to change."""

    def __init__(
        self, table: Table, mapping: Mapping[str, Target], by_id: Mapping[int, Question]
    ) -> None:
        self.width = len(table.header)
        self.why_wider = (
            "a value containing the separator may be missing its quotes"
            if table.encoding is not None
            else "a column without a heading holds values"
        )
        targets = [(i, c, mapping.get(c)) for i, c in enumerate(table.header)]
        self.columns = [(i, c, by_id[t]) for i, c, t in targets if isinstance(t, int)]
        self.received = next(
            ((i, c) for i, c in enumerate(table.header) if mapping.get(c) == RECEIVED), None
        )
        mapped = {q.standard: q for _i, _c, q in self.columns if q.standard}
        self.consent = mapped.get(Standard.CONTACT_CONSENT.value)
        self.quote = mapped.get(Standard.QUOTE.value)
        self.others = self.no_contact = self.no_name = 0

    def read(
        self, number: int, cells: Sequence[str], key: str
    ) -> tuple[PlannedResponse | None, list[RowError]]:
        """The row as a response (None when it has errors or no answers), and its errors."""
        errors: list[RowError] = []
        if any(c.strip() for c in cells[self.width :]):
            errors.append(
                RowError(
                    number,
                    "",
                    f"it has {len(cells)} cells but the header row has {self.width} columns; "
                    + self.why_wider,
                )
            )
        answers: dict[int, str] = {}
        others = 0
        for index, column, question in self.columns:
            text = cells[index].strip() if index < len(cells) else ""
            if not text or (
                question.standard in CONTACT_STANDARDS and text.casefold() == "anonymous"
            ):
                continue
            try:
                value, other = read_answer(question, text)
            except ValidationError as exc:
                errors.append(RowError(number, column, str(exc)))
                continue
            others += other
            if value:
                answers[question.id] = value
        received = None
        if self.received is not None:
            index, column = self.received
            try:
                received = parse_received(cells[index] if index < len(cells) else "")
            except ValidationError as exc:
                errors.append(RowError(number, column, str(exc)))
        if errors or not answers:
            return None, errors
        self.others += others
        for standard, consent, wanted in (
            (Standard.CONTACT, self.consent, "Yes"),
            (Standard.FIRST_NAME, self.quote, QuoteConsent.FIRST_NAME.value),
        ):
            given = next((q.id for _i, _c, q in self.columns if q.standard == standard), None)
            agreed = consent is None or answers.get(consent.id) == wanted
            if given in answers and not agreed:
                del answers[given]  # kept only with the person's agreement
                if standard == Standard.CONTACT:
                    self.no_contact += 1
                else:
                    self.no_name += 1
        if not answers:
            return None, []
        return PlannedResponse(number, key, received, answers), []

    def notes(self) -> list[str]:
        """What reading the rows changed, in words."""
        found = []
        if self.others:
            found.append(
                f"{plural(self.others, 'answer')} not among a question's choices "
                "will be counted as “Other”."
            )
        if self.no_contact:
            found.append(
                f"Contact details are left out of {plural(self.no_contact, 'response')} "
                "whose person did not agree to be contacted."
            )
        if self.no_name:
            found.append(
                f"First names are left out of {plural(self.no_name, 'response')} whose person "
                "did not agree to be quoted by name."
            )
        return found
