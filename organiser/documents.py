"""Every document Organiser prints or exports, in one place for the command line and the window.

Each renderer loads its builder and ReportLab (or icalendar) only when called, so listing the
kinds (for --help) costs nothing at start-up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from organiser.core.db import Store
    from organiser.core.flyer.documents import FlyerSheet, RenderedFlyer

# store, event id, and the meeting or poll chosen (None: the document's own default); a kind
# with `options` also takes them as keywords, each None unless given on the command line.
Render = Callable[..., bytes]
# Told, in words, what a document had to leave out or lacks (the flyer's fields that do not
# fit, the essentials it does not say).
Warn = Callable[[str], None]


def _programme(store: Store, event_id: int, _chosen: int | None) -> bytes:
    from organiser.core.planning.service import programme_sheet
    from organiser.reports.programme import render_programme

    return render_programme(programme_sheet(store, event_id))


def _minutes(store: Store, event_id: int, meeting_id: int | None) -> bytes:
    from organiser.core.meetings.printing import minutes_meeting, minutes_sheet
    from organiser.reports.minutes import render_minutes

    today = dt.date.today()
    if meeting_id is None:
        meeting_id = minutes_meeting(store, event_id, today=today)
    return render_minutes(minutes_sheet(store, meeting_id, today=today))


def _actions(store: Store, event_id: int, _chosen: int | None) -> bytes:
    from organiser.core.meetings.printing import action_list_sheet
    from organiser.reports.actions import render_action_list

    return render_action_list(action_list_sheet(store, event_id, today=dt.date.today()))


def _poll(store: Store, event_id: int, poll_id: int | None) -> bytes:
    from organiser.core.polls.printing import find_poll, poll_sheet
    from organiser.reports.poll_grid import render_poll_grid

    return render_poll_grid(poll_sheet(store, poll_id or find_poll(store, event_id, None)))


def _ics(store: Store, event_id: int, meeting_id: int | None) -> bytes:
    from organiser.core.meetings.calendar import event_ics, meeting_ics

    return meeting_ics(store, meeting_id) if meeting_id else event_ics(store, event_id)


def _briefing(store: Store, event_id: int, _chosen: int | None) -> bytes:
    from organiser.core.speakers.printing import briefing_sheet
    from organiser.reports.briefing import render_briefing

    return render_briefing(briefing_sheet(store, event_id))


def _speakers(store: Store, event_id: int, _chosen: int | None) -> bytes:
    from organiser.core.speakers.printing import schedule_sheet
    from organiser.reports.speaker_schedule import render_speaker_schedule

    return render_speaker_schedule(schedule_sheet(store, event_id))


def _register(store: Store, event_id: int, _chosen: int | None) -> bytes:
    from organiser.core.creche.printing import register_sheet
    from organiser.reports.creche import render_register

    return render_register(register_sheet(store, event_id, today=dt.date.today()))


def _collection(store: Store, event_id: int, _chosen: int | None) -> bytes:
    from organiser.core.creche.printing import collection_sheet
    from organiser.reports.creche import render_collection_sheet

    return render_collection_sheet(collection_sheet(store, event_id, today=dt.date.today()))


def _bookings(store: Store, event_id: int, _chosen: int | None) -> bytes:
    from organiser.core.creche.printing import booking_sheet
    from organiser.reports.creche_lists import render_booking_list

    return render_booking_list(booking_sheet(store, event_id, today=dt.date.today()))


def _allergies(store: Store, event_id: int, _chosen: int | None) -> bytes:
    from organiser.core.creche.printing import allergy_card
    from organiser.reports.creche_lists import render_allergy_card

    return render_allergy_card(allergy_card(store, event_id, today=dt.date.today()))


def _flyer(
    store: Store,
    event_id: int,
    _chosen: int | None,
    *,
    template: str | None = None,
    version: int | None = None,
    language: str | None = None,
    warn: Warn | None = None,
) -> bytes:
    from organiser.core.flyer.service import flyer_sheet, latest_version
    from organiser.reports.flyer import render_flyer

    if version is None:
        version = latest_version(store, event_id)  # None while there is only the draft
    sheet = flyer_sheet(store, event_id, version=version, template=template)
    if language is not None:
        sheet = _in_language(store, event_id, sheet, language, warn)
    rendered = render_flyer(sheet, mark_overflow=False)
    return _said(sheet, rendered, warn)


def _flyer_two_languages(
    store: Store,
    event_id: int,
    _chosen: int | None,
    *,
    version: int | None = None,
    language: str | None = None,
    warn: Warn | None = None,
) -> bytes:
    from organiser.core.errors import ValidationError
    from organiser.core.flyer.languages import list_languages
    from organiser.core.flyer.service import flyer_sheet, latest_version
    from organiser.reports.flyer import render_flyer

    if language is None:  # the first version added
        found = [v.language for v in list_languages(store, event_id)]
        if not found:
            raise ValidationError(
                "The flyer has no language version yet: add one on the Flyer tab first."
            )
        language = found[0]
    if version is None:
        version = latest_version(store, event_id)
    sheet = flyer_sheet(store, event_id, version=version)
    beside = _in_language(store, event_id, sheet, language, warn)
    return _said(sheet, render_flyer(sheet, mark_overflow=False, beside=beside), warn)


def _in_language(
    store: Store, event_id: int, sheet: FlyerSheet, language: str, warn: Warn | None
) -> FlyerSheet:
    """The flyer with a language version's words, saying what stays English or unchecked."""
    from organiser.core.flyer.kinds import LABELS
    from organiser.core.flyer.languages import get_language, translated_sheet

    found = get_language(store, event_id, language)
    if warn is not None and found.untranslated:
        names = ", ".join(LABELS[key].lower() for key in found.untranslated)
        warn(f"warning: not yet in {found.language}, so printed in English: {names}.")
    if warn is not None and not found.checked_by:
        warn(f"warning: the {found.language} version has not been checked by a member yet.")
    return translated_sheet(sheet, found)


def _said(sheet: FlyerSheet, rendered: RenderedFlyer, warn: Warn | None) -> bytes:
    """The flyer's PDF, having said what it lacks and what did not fit."""
    from organiser.core.flyer.checklist import essentials_warning
    from organiser.core.flyer.kinds import LABELS

    missing = essentials_warning(sheet)
    if missing and warn is not None:  # said, as the window asks, but exported all the same
        warn(f"warning: {missing}")
    if rendered.overflow and warn is not None:
        names = ", ".join(LABELS[key].lower() for key in rendered.overflow)
        warn(f"Left off the flyer because it does not fit on the page: {names}.")
    return rendered.pdf


def _feedback_form(
    store: Store,
    event_id: int,
    _chosen: int | None,
    *,
    link: str | None = None,
    language: str | None = None,
    warn: Warn | None = None,
) -> bytes:
    from organiser.core.feedback.printing import paper_form_sheet
    from organiser.reports.feedback_form import render_feedback_form

    # `link`: an online version of the form, printed as a QR code; none by default.
    form = paper_form_sheet(store, event_id, link=link or "", language=language)
    if warn is not None and form.in_english:
        english = ", ".join(form.in_english)
        warn(f"warning: not yet in {form.language}, so printed in English: {english}.")
    if warn is not None and form.language and not form.checked_by:
        warn(f"warning: the {form.language} form has not been checked by a member yet.")
    return render_feedback_form(form)


def _sign_in(
    store: Store,
    event_id: int,
    _chosen: int | None,
    *,
    language: str | None = None,
    warn: Warn | None = None,
) -> bytes:
    from organiser.core.feedback.printing import sign_in_sheet
    from organiser.reports.sign_in import render_sign_in

    sheet = sign_in_sheet(store, event_id, language=language)
    if warn is not None and sheet.in_english:
        english = ", ".join(sheet.in_english)
        warn(f"warning: not yet in {sheet.language}, so printed in English: {english}.")
    if warn is not None and sheet.language and not sheet.checked_by:
        warn(f"warning: the {sheet.language} words have not been checked by a member yet.")
    return render_sign_in(sheet)


def _feedback_card(
    store: Store,
    event_id: int,
    _chosen: int | None,
    *,
    address: str | None = None,
    warn: Warn | None = None,
) -> bytes:
    from urllib.parse import urlsplit

    from organiser.collect.server import local_address
    from organiser.core.errors import ValidationError
    from organiser.core.feedback import phones
    from organiser.reports.feedback_card import render_feedback_card

    # `address`: the one collecting is serving now (the window's); else the event's kept
    # address on this computer's network, which the card then remembers printing.
    kept = phones.phone_address(store, event_id)
    if address is None:
        host = local_address()
        if host is None:
            raise ValidationError(
                "This computer is not on a network, so the card would show no address: connect "
                "it to the Wi-Fi the phones will use, then print the card."
            )
        address = kept.url(host)
    host = urlsplit(address).hostname or ""
    if address == kept.url(host):
        phones.card_printed(store, event_id, host)
    if warn is not None:
        warn(
            f"The card shows {address}: it opens the form only while Organiser collects on "
            "this computer, on this network (Feedback ▸ Form ▸ Collect on phones)."
        )
    return render_feedback_card(phones.feedback_card(store, event_id, address))


def _feedback_summary(store: Store, event_id: int, _chosen: int | None) -> bytes:
    from organiser.core.feedback.printing import summary_sheet
    from organiser.reports.feedback_summary import render_feedback_summary

    return render_feedback_summary(summary_sheet(store, event_id))


def _summary(store: Store, event_id: int, _chosen: int | None) -> bytes:
    from organiser.core.coproduction.summary import summary_sheet
    from organiser.reports.summary import render_summary

    return render_summary(summary_sheet(store, event_id))


def _summary_docx(store: Store, event_id: int, _chosen: int | None) -> bytes:
    from organiser.core.coproduction.summary import summary_sheet
    from organiser.reports.summary_docx import render_summary_docx

    return render_summary_docx(summary_sheet(store, event_id))


def _series_summary(store: Store, event_id: int, _chosen: int | None) -> bytes:
    from organiser.core.coproduction.series import series_of, series_sheet
    from organiser.reports.series import render_series

    return render_series(series_sheet(store, series_of(store, event_id)))


@dataclass(frozen=True)
class Document:
    """A kind of document: what a person calls it, its file type, how it is made."""

    what: str
    suffix: str
    help: str
    render: Render
    chooses: str | None = None  # "meeting" or "poll": the option that picks one
    options: tuple[str, ...] = ()  # further command-line options the render takes
    warns: bool = False  # the render takes `warn`, to say what it had to leave out
    # What the self-test gives the render beyond the command line's options (a card's address
    # where the computer being tested has no network).
    sample: tuple[tuple[str, object], ...] = ()

    def make(
        self,
        store: Store,
        event_id: int,
        chosen: int | None = None,
        *,
        unprintable: Warn | None = None,
        **options: object,
    ) -> bytes:
        """The document's bytes; `unprintable` is told, in words, of any character in it that
        no print font can draw (it would print as an empty box), before anything is saved."""
        if self.suffix != ".pdf":  # a calendar or Word file: the reader's own fonts show it
            return self.render(store, event_id, chosen, **options)
        from organiser.reports.fonts import describe, noting_unprintable

        with noting_unprintable() as missing:
            data = self.render(store, event_id, chosen, **options)
        if missing and unprintable is not None:
            what = describe(missing)
            unprintable(
                f"{what[0].upper()}{what[1:]} cannot be printed: each shows as an empty box. "
                "Use words instead."
            )
        return data

    @property
    def file_filter(self) -> str:
        """The save dialog's filter."""
        return {".ics": "Calendar file (*.ics)", ".docx": "Word document (*.docx)"}.get(
            self.suffix, "PDF (*.pdf)"
        )


DOCUMENTS: dict[str, Document] = {
    "programme": Document("programme", ".pdf", "the running order (PDF)", _programme),
    "minutes": Document(
        "minutes",
        ".pdf",
        "a meeting's minutes (PDF): --meeting, else the latest with notes",
        _minutes,
        chooses="meeting",
    ),
    "actions": Document(
        "action list",
        ".pdf",
        "every action item, open ones first, overdue said so (PDF)",
        _actions,
    ),
    "poll": Document(
        "poll grid",
        ".pdf",
        "an availability poll as a grid to fill in (PDF): --poll, else the newest",
        _poll,
        chooses="poll",
    ),
    "ics": Document(
        "calendar file",
        ".ics",
        "the event and its dated meetings for a calendar (.ics), or just --meeting",
        _ics,
        chooses="meeting",
    ),
    "briefing": Document(
        "speaker briefings",
        ".pdf",
        "one page per confirmed speaker (else per invited one): slot, venue, contact (PDF)",
        _briefing,
    ),
    "speakers": Document(
        "speaker schedule",
        ".pdf",
        "the speaker schedule: who, when, where, contact, status (PDF)",
        _speakers,
    ),
    "register": Document(
        "creche register",
        ".pdf",
        "the creche register: children, allergies, who may collect, sign in and out (PDF)",
        _register,
    ),
    "collection-sheet": Document(
        "collection sheet",
        ".pdf",
        "staff only: who may collect each child and their collection password (PDF)",
        _collection,
    ),
    "bookings": Document(
        "booking list",
        ".pdf",
        "the front desk's booking list and check-in sheet, then the waiting list (PDF)",
        _bookings,
    ),
    "allergies": Document(
        "allergy and medical card",
        ".pdf",
        "for creche staff: allergy and dietary counts, each child's needs and contact (PDF)",
        _allergies,
    ),
    "flyer": Document(
        "flyer",
        ".pdf",
        "the flyer (PDF): --template, --version (default: the latest version, else the draft), "
        "--language for a language version",
        _flyer,
        options=("template", "version", "language"),
        warns=True,
    ),
    "flyer-two-languages": Document(
        "flyer in two languages",
        ".pdf",
        "the flyer and a language version side by side, two A5 halves of one A4 sheet "
        "(PDF): --language (default: the first version added), --version",
        _flyer_two_languages,
        options=("version", "language"),
        warns=True,
    ),
    "feedback-form": Document(
        "feedback form",
        ".pdf",
        "the paper feedback form: every question, tick boxes, lines to write on (PDF); "
        "--language for a language version",
        _feedback_form,
        options=("language",),
        warns=True,
    ),
    "sign-in": Document(
        "sign-in sheet",
        ".pdf",
        "a sheet for the door: first names and how many came, no contact details (PDF); "
        "--language prints a language version's words beside the English",
        _sign_in,
        options=("language",),
        warns=True,
    ),
    "feedback-card": Document(
        "feedback card",
        ".pdf",
        "an A5 card with the QR code and address of the form on phones, as this computer "
        "serves it while collecting on its network (PDF)",
        _feedback_card,
        warns=True,
        sample=(("address", "http://192.0.2.10:8100/selftest23/"),),
    ),
    "feedback-summary": Document(
        "feedback summary",
        ".pdf",
        "figures, charts, themes and the quotes people agreed to share (PDF)",
        _feedback_summary,
    ),
    "summary": Document(
        "summary report",
        ".pdf",
        "the event written up as a case study: figures, co-production, quotes, budget (PDF)",
        _summary,
    ),
    "summary-docx": Document(
        "summary report (Word)",
        ".docx",
        "the summary report as an editable Word document (.docx)",
        _summary_docx,
    ),
    "series-summary": Document(
        "series report",
        ".pdf",
        "every session of the event's series: totals, trends, repeat attenders, lessons (PDF)",
        _series_summary,
    ),
}
