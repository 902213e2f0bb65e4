"""What the paper feedback form and the feedback summary need, read from the database as plain
text and counts. Quotes reach print only through themes.quotes(for_print=True)."""

from __future__ import annotations

import dataclasses

from sqlalchemy import func, select

from organiser.core.db import Store
from organiser.core.events.reading import EventDetails, get_event
from organiser.core.feedback.documents import (
    Chart,
    FormQuestion,
    PaperForm,
    QuoteLine,
    SignInSheet,
    SummarySheet,
)
from organiser.core.feedback.figures import Distribution, FeedbackFigures, Share, figures
from organiser.core.feedback.form import Question, list_questions
from organiser.core.feedback.kinds import Kind, Standard
from organiser.core.feedback.languages import (
    LABELS,
    FormLanguage,
    english_when,
    get_form_language,
    has_translated_choices,
)
from organiser.core.feedback.models import FeedbackResponse
from organiser.core.feedback.themes import list_themes, quotes

INTRO = (
    "Thank you for coming. Please tell us what you thought: it helps us plan the next one. "
    "It takes about five minutes, and you can skip any question."
)
CLOSING = "Thank you. Please hand this form to one of the team, or leave it in the box."
HEADING = "Feedback form"
ONLINE = "Or fill it in online: scan this code."
# Lines to write on: enough for a sentence or two, one for a name or a phone number.
WRITING_LINES = 3
SHORT_ANSWERS = (Standard.FIRST_NAME.value, Standard.CONTACT.value)
# What a consent question means, printed under it so nobody agrees to more than they meant.
CONSENT_HINTS = {
    Standard.QUOTE.value: (
        "Tick one. We only ever print your words if you say yes, and only in the way you choose."
    ),
    Standard.CONTACT_CONSENT.value: (
        "Tick one. We will only use your details to tell you about future sessions."
    ),
    Standard.FIRST_NAME.value: "",
    Standard.CONTACT.value: "",
}
KIND_HINTS = {
    Kind.RATING.value: "Tick one.",
    Kind.SINGLE.value: "Tick one.",
    Kind.MULTIPLE.value: "Tick all that apply.",
    Kind.TEXT.value: "",
}
ATTENDANCE_FROM = {
    "check-in": "counted at check-in on the Creche tab",
    "the attendance in Details": "from the attendance entered in Details",
}
NOT_KNOWN = "Not known yet: check people in on the Creche tab, or enter the attendance in Details"


def _when(event: EventDetails) -> str:
    return english_when(event.date, event.venue_name)


def _form_question(number: int, question: Question, words: Words) -> FormQuestion:
    text_kind = question.kind == Kind.TEXT.value
    return FormQuestion(
        number=number,
        text=question.text,
        kind=question.kind,
        choices=() if text_kind else question.choices,
        hint=words.hint(question),
        lines=(1 if question.standard in SHORT_ANSWERS else WRITING_LINES) if text_kind else 0,
    )


SIGN_IN = {
    "sign_in_heading": "Sign-in sheet",
    "sign_in_intro": (
        "Welcome! Please write your first name and how many of you came: it helps us count who "
        "came and plan the next one. Please do not write phone numbers or email addresses here."
    ),
    "column_name": "First name",
    "column_adults": "Adults",
    "column_children": "Children",
    "column_first_time": "First time here? Tick",
}
PHONE = {
    "phone_send": "Send",
    "phone_problem": "There is a problem",
    "phone_thanks": "Thank you",
    "phone_sent": "Your answers have reached the team. You can close this page.",
    "phone_again": "Answer again for someone else on this phone",
}
ENGLISH = {
    "heading": HEADING,
    "intro": INTRO,
    "tick_one": KIND_HINTS[Kind.SINGLE.value],
    "tick_all": KIND_HINTS[Kind.MULTIPLE.value],
    "quote_hint": CONSENT_HINTS[Standard.QUOTE.value],
    "contact_hint": CONSENT_HINTS[Standard.CONTACT_CONSENT.value],
    "online": ONLINE,
    "closing": CLOSING,
    **SIGN_IN,
    **PHONE,
}


class Words:
    """The form's words in its language, English where a version leaves one empty (noted)."""

    def __init__(self, version: FormLanguage | None) -> None:
        self.version = version
        self.in_english: list[str] = []

    def word(self, key: str, english: str | None = None) -> str:
        """One of the form's own words (languages.LABELS); `english` where not in ENGLISH."""
        typed = self.version.values.get(key, "").strip() if self.version else ""
        english = ENGLISH[key] if english is None else english
        if self.version is not None and not typed and english:
            self._note(LABELS[key].lower())
        return typed or english

    def _note(self, what: str) -> None:
        if what not in self.in_english:
            self.in_english.append(what)

    def hint(self, question: Question) -> str:
        """How to answer, and for a consent question what agreeing means."""
        if question.standard == Standard.QUOTE.value:
            return self.word("quote_hint")
        if question.standard == Standard.CONTACT_CONSENT.value:
            return self.word("contact_hint")
        if question.standard in CONSENT_HINTS:
            return ""
        key = {
            Kind.RATING.value: "tick_one",
            Kind.SINGLE.value: "tick_one",
            Kind.MULTIPLE.value: "tick_all",
        }.get(question.kind)
        return self.word(key) if key else ""

    def question(self, number: int, question: Question) -> Question:
        """The question in the version's words; its choices only when all are translated from
        the English choices it has now (the services' names always as they are)."""
        if self.version is None:
            return question
        text, choices = self.version.question(question.id, question.choices)
        if not text.strip():
            self._note(f"question {number}")
        translatable = has_translated_choices(question.kind, question.standard)
        if translatable and question.choices and len(choices) != len(question.choices):
            self._note(f"question {number}'s choices")
        if len(choices) != len(question.choices) or not translatable:
            choices = question.choices
        return dataclasses.replace(question, text=text.strip() or question.text, choices=choices)

    def when(self, english: str) -> str:
        """The date and place: the version's, unless the event's have changed since it was
        typed (then the English, said as such)."""
        version = self.version
        typed = version.values.get("when_text", "").strip() if version else ""
        if version is not None and typed and version.when_english != english:
            self._note("date and place (changed since it was translated)")
            return english
        return self.word("when_text", english)


def paper_form_sheet(
    store: Store, event_id: int, *, link: str = "", language: str | None = None
) -> PaperForm:
    """The paper form: every active question in order; `link` is an online version, if any;
    `language` one of the form's language versions (English where it leaves words empty)."""
    event = get_event(store, event_id)
    questions = list_questions(store, event_id)
    version = get_form_language(store, event_id, language) if language else None
    words = Words(version)  # read in print order, so what stays English is said in that order
    heading, when = words.word("heading"), words.when(_when(event))
    intro = words.word("intro")
    shown = [
        _form_question(n, words.question(n, q), words) for n, q in enumerate(questions, start=1)
    ]
    return PaperForm(
        event_title=event.title,
        when=when,
        intro=intro,
        questions=tuple(shown),
        link=link.strip(),
        closing=words.word("closing"),
        heading=heading,
        online=words.word("online") if link.strip() else ONLINE,
        language=version.language if version else "",
        in_english=tuple(words.in_english),
        checked_by=version.checked_by if version else "",
    )


def sign_in_sheet(store: Store, event_id: int, *, language: str | None = None) -> SignInSheet:
    """The sign-in sheet, in English or beside a language version's words (English where the
    version leaves one empty, noted)."""
    event = get_event(store, event_id)
    version = get_form_language(store, event_id, language) if language else None
    words = Words(version)
    chosen = {key: words.word(key) for key in SIGN_IN}
    return SignInSheet(
        event_title=event.title,
        when=words.when(_when(event)),
        words=chosen,
        english=dict(SIGN_IN),
        language=version.language if version else "",
        in_english=tuple(words.in_english),
        checked_by=version.checked_by if version else "",
    )


def _people(count: int) -> str:
    return f"{count:,} {'person' if count == 1 else 'people'}"


def _share(share: Share) -> str:
    """'85% (17 of 20)', thousands with commas; 'no answers yet' when nobody answered."""
    if not share.total:
        return share.words()
    return f"{share.percent}% ({share.count:,} of {share.total:,})"


def chart_of(dist: Distribution) -> Chart:
    """A question's distribution as a chart says it: the line under the title in words."""
    note = f"{_people(dist.answered)} answered"
    if dist.kind == Kind.MULTIPLE.value and dist.answered:
        note += ", and could tick more than one"
    return Chart(dist.question, dist.counts, dist.answered, note)


def _headline(found: FeedbackFigures) -> tuple[tuple[str, str], ...]:
    rate = found.response_rate
    if rate is None:
        rate_words = NOT_KNOWN
    else:
        where = ATTENDANCE_FROM.get(found.attendance_source, found.attendance_source)
        rate_words = f"{_share(rate)} of those who came ({where})"
    regular = _share(found.regular)
    if found.regular.total:
        regular = f"{regular} said yes, and {found.regular_maybe.count:,} said maybe"
    fft = _share(found.fft)
    if found.fft.total:
        fft = f"{fft} rated their experience good or very good"
    return (
        ("Responses", f"{found.responses:,}"),
        ("Response rate", rate_words),
        ("Friends and Family Test", fft),
        ("Would come to regular sessions", regular),
    )


def _services_line(dist: Distribution | None, responses: int) -> str:
    if dist is None:
        return "The form does not ask which services people found out about."
    if not dist.answered:
        return "Nobody has said yet which services they found out about."
    top = max(dist.counts, key=lambda row: row[1])
    found = _share(Share(dist.answered, responses))
    return (
        f"{found} found out about at least one service; the most often named was "
        f"{top[0]} ({_people(top[1])})."
    )


def _sources(store: Store, event_id: int) -> list[tuple[str, int]]:
    with store.begin() as s:
        rows = s.execute(
            select(FeedbackResponse.source, func.count())
            .where(FeedbackResponse.event_id == event_id)
            .group_by(FeedbackResponse.source)
            .order_by(func.count().desc(), FeedbackResponse.source)
        ).all()
    return [(source, count) for source, count in rows]


def _about(store: Store, event_id: int, responses: int) -> str:
    if not responses:
        return "No feedback responses have been entered yet."
    where = "; ".join(f"{source}: {count:,}" for source, count in _sources(store, event_id))
    return (
        f"Based on {responses:,} feedback response{'s' if responses != 1 else ''} ({where}). "
        "Percentages are of the people who answered each question, so where people could tick "
        "more than one they add up to more than 100. Quotes are printed only where the person "
        "agreed, and named only as they chose."
    )


def summary_sheet(store: Store, event_id: int) -> SummarySheet:
    """The feedback summary: headline figures, charts, services, themes and consented quotes."""
    event = get_event(store, event_id)
    found = figures(store, event_id)
    questions = {q.id: q for q in list_questions(store, event_id, archived=True)}
    services_id = next(
        (q.id for q in questions.values() if q.standard == Standard.SERVICES.value), None
    )
    services = next((d for d in found.distributions if d.question_id == services_id), None)
    charts = tuple(
        chart_of(d)
        for d in found.distributions
        # A question taken off the form before anyone answered it has nothing to show.
        if d.question_id != services_id and (d.answered or not questions[d.question_id].archived)
    )
    printable = quotes(store, event_id, for_print=True)
    return SummarySheet(
        event_title=event.title,
        when=_when(event),
        responses=found.responses,
        headline=_headline(found),
        charts=charts,
        services=chart_of(services) if services is not None else None,
        services_line=_services_line(services, found.responses),
        themes=tuple((t.name, t.answers) for t in list_themes(store, event_id) if t.answers),
        quotes=tuple(QuoteLine(q.text, q.attribution, q.question) for q in printable),
        about=_about(store, event_id, found.responses),
    )
