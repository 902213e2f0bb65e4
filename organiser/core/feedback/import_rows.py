"""The rows of an online form's export read as responses, and each cell as an answer.

Choices are matched case- and punctuation-blind ("very good" is "Very good", "Don’t know" is
"Don't know"). Multiple-choice cells are split on new lines (Jotform, SurveyMonkey's tick boxes),
";" (Microsoft Forms: "A;B;") or ", " (Google Forms: "A, B"), keeping a choice that itself
contains ", " whole. An answer that is not among the choices counts as "Other" when the question
offers it (Google's "Other: …" text); otherwise it is an error that names the row and the
question, and quotes the answer only when it cannot say who someone is (import_plans.shown).
Such answers to a choice question whose choices may grow (not a rating, not a fixed scale) are
gathered, so the plan can offer to add them as choices. Contact details and first names are
kept only with the person's agreement, when the file holds their answer to it.

Each column's choices are looked up once, and each different cell read once (a file of 10,000
responses holds a few hundred different choice cells).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from organiser.core.errors import ValidationError
from organiser.core.feedback.form import Question
from organiser.core.feedback.import_choices import Gathered, can_grow, unknown_words
from organiser.core.feedback.import_columns import CONTACT_STANDARDS, RECEIVED, Target, normalise
from organiser.core.feedback.import_file import received_reader
from organiser.core.feedback.kinds import Kind, QuoteConsent, Standard
from organiser.core.import_plans import RowError, too_wide
from organiser.core.planning.validation import TEXT_LIMIT
from organiser.core.tables import Table
from organiser.core.words import plural


def _split(text: str, choices: Mapping[str, str]) -> list[str]:
    for separator in ("\n", ";"):
        if separator in text:
            return [p.strip() for p in text.split(separator) if p.strip()]
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


Read = tuple[str, int, tuple[str, ...]]  # as stored, how many became "Other", not a choice


class AnswerReader:
    """Reads one question's answers: its choices looked up once, each different cell once."""

    def __init__(self, question: Question) -> None:
        self.question = question
        self.text = question.kind == Kind.TEXT.value
        self.multiple = question.kind == Kind.MULTIPLE.value
        self.choices = {normalise(c): c for c in reversed(question.choices)}
        offers_other = question.kind != Kind.RATING.value
        self.other = self.choices.get("other") if offers_other else None
        # Answers not among the choices may become choices (never a rating or a fixed scale).
        self.grows = can_grow(question)
        self._read: dict[str, Read] = {}

    def read(self, text: str) -> Read:
        """The answer as stored (choices one per line), how many answers became "Other", and
        the answers that are not among the choices (then the first is "")."""
        if self.text:
            if len(text) > TEXT_LIMIT:
                raise ValidationError(f"the answer to “{self.question.text}” is too long to keep")
            return text, 0, ()
        found = self._read.get(text)
        if found is None:
            found = self._read[text] = self._choices(text)
        return found

    def _choices(self, text: str) -> Read:
        # Microsoft Forms may end a single choice with ";" too.
        items = _split(text, self.choices) if self.multiple else [text.removesuffix(";").strip()]
        picked: list[str] = []
        unknown: list[str] = []
        others = 0
        for item in items:
            match = self.choices.get(normalise(item))
            if match is None and self.other is not None:
                match, others = self.other, others + 1
            if match is None:
                unknown.append(item)
            else:
                picked.append(match)
        if unknown:
            return "", 0, tuple(unknown)
        return "\n".join(dict.fromkeys(picked)), others, ()


@dataclass(frozen=True, slots=True)
class PlannedResponse:
    """A response as it will be stored, and the row of the file it comes from."""

    row: int
    key: str  # the row's fingerprint (after its response ID's, when the form gives one)
    received_at: dt.datetime | None
    answers: dict[int, str]  # question id → value as stored (choices one per line)
    updates: int | None = None  # the response imported before that this edited one replaces

    @property
    def id(self) -> int:
        return self.row


def fingerprinter(header: Sequence[str]) -> Callable[[Sequence[str]], str]:
    """A row's identity, for rows under one header (the header read once): its non-blank cells
    under their headers, order and spacing ignored (so a column added to the form later leaves
    older rows' fingerprints as they were)."""
    names = [normalise(column) for column in header]
    nfc = unicodedata.normalize

    def fingerprint_of(cells: Sequence[str]) -> str:
        pairs = sorted(
            f"{name}\x1e{' '.join((cell if cell.isascii() else nfc('NFC', cell)).split())}"
            for name, cell in zip(names, cells, strict=False)
            if cell and not cell.isspace()
        )
        return hashlib.sha256("\x1f".join(pairs).encode()).hexdigest()

    return fingerprint_of


class RowReader:
    """Reads rows with the chosen columns; counts what it had to change."""

    def __init__(
        self, table: Table, mapping: Mapping[str, Target], by_id: Mapping[int, Question]
    ) -> None:
        self.table = table
        targets = [(i, c, mapping.get(c)) for i, c in enumerate(table.header)]
        self.columns = [(i, c, AnswerReader(by_id[t])) for i, c, t in targets if isinstance(t, int)]
        self.received = next(
            ((i, c) for i, c in enumerate(table.header) if mapping.get(c) == RECEIVED), None
        )
        self.parse = received_reader(table, self.received[1]) if self.received else None
        mapped = {r.question.standard: r.question for _i, _c, r in self.columns}
        self.consent = mapped.get(Standard.CONTACT_CONSENT.value)
        self.quote = mapped.get(Standard.QUOTE.value)
        self.contact = mapped.get(Standard.CONTACT.value)
        self.first_name = mapped.get(Standard.FIRST_NAME.value)
        self.others = self.no_contact = self.no_name = 0
        self.gathered: dict[int, Gathered] = {}
        self.pending: set[int] = set()  # rows refused for answers not among the choices

    def _gather(self, number: int, column: str, question: Question, items: Sequence[str]) -> None:
        found = self.gathered.get(question.id)
        if found is None:
            found = self.gathered[question.id] = Gathered(question, column)
        found.add(number, items)
        self.pending.add(number)

    def read(
        self, number: int, cells: Sequence[str], key: str
    ) -> tuple[PlannedResponse | None, list[RowError]]:
        """The row as a response (None when it has errors or no answers), and its errors.
        Answers not among a question's choices are gathered (see `gathered`) rather than
        returned: their words depend on the whole file."""
        errors: list[RowError] = []
        wide = too_wide(self.table, number, cells)
        if wide is not None:
            errors.append(wide)
        answers: dict[int, str] = {}
        others = 0
        unknown = False
        for index, column, reader in self.columns:
            text = cells[index].strip() if index < len(cells) else ""
            if not text:
                continue
            try:
                value, other, not_choices = reader.read(text)
            except ValidationError as exc:
                errors.append(RowError(number, column, str(exc)))
                continue
            if not_choices:
                if reader.grows:
                    self._gather(number, column, reader.question, not_choices)
                    unknown = True
                else:
                    errors.append(
                        RowError(number, column, unknown_words(reader.question, not_choices))
                    )
                continue
            if value and not (
                reader.question.standard in CONTACT_STANDARDS and value.casefold() == "anonymous"
            ):
                answers[reader.question.id] = value
                others += other
        received = None
        if self.received is not None and self.parse is not None:
            index, column = self.received
            try:
                received = self.parse(cells[index] if index < len(cells) else "")
            except ValidationError as exc:
                errors.append(RowError(number, column, str(exc)))
        if errors or unknown or not answers:
            return None, errors
        self.others += others
        self._keep_only_agreed(answers)
        if not answers:
            return None, []
        return PlannedResponse(number, key, received, answers), []

    def _keep_only_agreed(self, answers: dict[int, str]) -> None:
        for given, consent, wanted, contact in (
            (self.contact, self.consent, "Yes", True),
            (self.first_name, self.quote, QuoteConsent.FIRST_NAME.value, False),
        ):
            if given is None or given.id not in answers:
                continue
            if consent is not None and answers.get(consent.id) != wanted:
                del answers[given.id]  # kept only with the person's agreement
                if contact:
                    self.no_contact += 1
                else:
                    self.no_name += 1

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
