"""Plain data for the printed feedback papers (no ORM, no SQLAlchemy: reports import this)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FormQuestion:
    """One question as it prints on the paper form."""

    number: int
    text: str
    kind: str  # a Kind value
    choices: tuple[str, ...]  # a tick box each; empty for free text
    hint: str  # how to answer ("Tick one."), and for consent questions what it means
    lines: int  # lines to write on (free text), 0 for choices


@dataclass(frozen=True)
class PaperForm:
    """The paper feedback form: the event, a friendly start, every active question in order."""

    event_title: str
    when: str  # "Saturday 13 March 2027, Harbourside Family Centre"
    intro: str
    questions: tuple[FormQuestion, ...]
    link: str  # an online version of the form for the QR code; "" for none
    closing: str
    heading: str = "Feedback form"
    online: str = "Or fill it in online: scan this code."
    language: str = ""  # "" for the English form
    in_english: tuple[str, ...] = ()  # what a language version prints in English, untranslated
    checked_by: str = ""  # who checked a language version's translation; "" not yet


@dataclass(frozen=True)
class SignInSheet:
    """A sheet for the door: first names and how many came, no contact details. In a
    language version each of its words prints beside the English (`english`, the same keys)."""

    event_title: str
    when: str
    words: dict[str, str]  # sign_in_heading, sign_in_intro, column_name … in the language
    english: dict[str, str]
    language: str = ""  # "" for the English sheet
    in_english: tuple[str, ...] = ()  # the version's words not translated yet
    checked_by: str = ""


@dataclass(frozen=True)
class Chart:
    """One question's answers, counted for a bar chart."""

    question: str
    counts: tuple[tuple[str, int], ...]
    answered: int  # how many people answered: the base of the percentages
    note: str  # the line under the chart's title


@dataclass(frozen=True)
class QuoteLine:
    """A starred answer its writer agreed to share, with the attribution they allowed."""

    text: str
    attribution: str
    question: str


@dataclass(frozen=True)
class SummarySheet:
    """The feedback summary: every part already in words and counts."""

    event_title: str
    when: str
    responses: int
    headline: tuple[tuple[str, str], ...]  # (what, the figure in words)
    charts: tuple[Chart, ...]  # every rating and choice question but the services one
    services: Chart | None
    services_line: str
    themes: tuple[tuple[str, int], ...]  # themes with at least one answer, most used first
    quotes: tuple[QuoteLine, ...]
    about: str  # how many responses, from where, and how the figures are counted


@dataclass(frozen=True)
class FeedbackCard:
    """An A5 card for the tables or a projector: the phone form's address as a QR code and
    in letters to type, with how to answer."""

    event_title: str
    when: str  # the day
    address: str  # the form's address on the local network, with its secret part
    languages: tuple[str, ...]  # the form's language versions, named on the card
