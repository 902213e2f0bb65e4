"""The A5 card for the tables (or a projector) that takes people to the feedback form on their
own phones: the address as a large QR code and in letters to type, three steps, and where the
answers go. The address works only while Organiser is collecting, on the network it was
printed on, and the card says so."""

from __future__ import annotations

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, Spacer, Table, TableStyle

from organiser.core.feedback.documents import FeedbackCard
from organiser.reports.feedback_form import QrCode
from organiser.reports.flyer_art import qr_modules
from organiser.reports.pages import TEXT_LIMIT, build_pdf, fit, frame_width, para
from organiser.reports.styles import BODY, INK, KICKER, NOTE, TITLE

_PAGE = A5
_WIDTH = frame_width(_PAGE)
# About 50 mm across, quiet zone included: read from across a table, or off a screen.
_QR_SIZE = 50 * mm
_KICKER = ParagraphStyle("CardKicker", parent=KICKER, fontSize=13, leading=17)
_TITLE = ParagraphStyle("CardTitle", parent=TITLE, fontSize=23, leading=28)
_STEP = ParagraphStyle("CardStep", parent=BODY, fontSize=14, leading=18, spaceAfter=0)
_NUMBER = ParagraphStyle("CardNumber", parent=_STEP, fontName=TITLE.fontName, fontSize=20)
_ADDRESS = ParagraphStyle(
    "CardAddress",
    parent=BODY,
    fontName=TITLE.fontName,
    fontSize=15,
    leading=20,
    alignment=TA_CENTER,
    spaceBefore=4,
    spaceAfter=8,
)
_STEPS_TABLE = TableStyle(
    [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (0, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
)
WIFI = "Join this Wi-Fi: ____________________"


def typed(address: str) -> str:
    """The address as a person types it: a phone's browser adds the http:// itself."""
    return address.removeprefix("http://").removesuffix("/")


def _steps(card: FeedbackCard) -> Table:
    rows = [
        ("1", WIFI),
        ("2", "Scan the code with the camera, or type the address under it."),
        ("3", "Answer, and press Send."),
    ]
    return Table(
        [[para(number, _NUMBER), para(words, _STEP)] for number, words in rows],
        colWidths=[9 * mm, _WIDTH - 9 * mm],
        style=_STEPS_TABLE,
        hAlign="LEFT",
    )


def _listed(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _story(card: FeedbackCard) -> list[Flowable]:
    kicker = " · ".join(part for part in (card.event_title, card.when) if part)
    story: list[Flowable] = [
        para(fit(kicker, 120), _KICKER),
        para("Tell us what you thought, on your phone", _TITLE),
        _steps(card),
        Spacer(0, 6),
    ]
    modules = qr_modules(card.address)
    if modules is not None:
        code = QrCode(modules, _QR_SIZE)
        code.hAlign = "CENTER"
        story.append(code)
    story += [
        para(typed(card.address), _ADDRESS, TEXT_LIMIT),
        HRFlowable(width="100%", thickness=1, color=INK, spaceBefore=2, spaceAfter=6),
    ]
    if card.languages:
        story.append(para(f"Also in {_listed(card.languages)}: choose it at the top.", NOTE))
    story.append(
        para(
            "Your answers go straight to the organisers' computer in this room, not to a "
            "website. The address works while they are collecting answers at the event.",
            NOTE,
        )
    )
    return story


def render_feedback_card(card: FeedbackCard) -> bytes:
    """The card as A5 PDF bytes."""
    return build_pdf(
        _story(card),
        pagesize=_PAGE,
        title=fit(f"Feedback on your phone: {card.event_title}", TEXT_LIMIT),
        subject="Feedback card",
    )
