"""The creche register and the collection sheet; the heading and grid every creche paper shares.

The register lies on the sign-in table, so it never carries a collection password: those are
on their own sheet, which the creche lead keeps.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from organiser.core.creche.documents import (
    CollectionLine,
    CollectionSheet,
    CrecheFacts,
    RegisterLine,
    RegisterSheet,
)
from organiser.reports.fonts import BOLD, REGULAR, markup
from organiser.reports.pages import (
    TEXT_LIMIT,
    SplittingTable,
    build_pdf,
    fit,
    frame_height,
    frame_width,
    para,
)
from organiser.reports.styles import (
    BODY,
    CELL,
    CELL_BOLD,
    INK,
    KICKER,
    NOTE,
    RULE,
    SHADE,
    TITLE,
)
from organiser.reports.text import Paragraph

_REGISTER_PAGE = landscape(A4)
_REGISTER_WIDTH = frame_width(_REGISTER_PAGE)
# Child, needs, photos, who may collect, then three boxes to write in, each over 20 mm wide;
# every heading, "Time out" in bold 14 pt included, fits its column on one line.
_REGISTER_COLUMNS = (150, 170, 58, 147, 62, 70, _REGISTER_WIDTH - 657)
# A box about 16 mm tall: room for a time or initials written with a thick pen.
WRITE_IN_HEIGHT = 46
_MIN_ROW_PIECE = 40

_SHEET_PAGE = A4
_SHEET_WIDTH = frame_width(_SHEET_PAGE)
_COLLECTION_COLUMNS = (0.32, 0.40, 0.28)
_NEEDS_LIMIT = 600

# Every box ruled, dark enough to survive a photocopier; the header row shaded and repeated.
GRID_TABLE = TableStyle(
    [
        ("FONT", (0, 0), (-1, -1), REGULAR, 14),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("GRID", (0, 0), (-1, -1), 0.75, RULE),
        ("BOX", (0, 0), (-1, -1), 1.5, INK),
        ("LINEBELOW", (0, 0), (-1, 0), 2, INK),
    ]
)
# A boxed notice: words carry the message, the frame only draws the eye.
NOTICE_TABLE = TableStyle(
    [
        ("BOX", (0, 0), (-1, -1), 2.5, INK),
        ("LEFTPADDING", (0, 0), (-1, -1), 10),
        ("RIGHTPADDING", (0, 0), (-1, -1), 10),
        ("TOPPADDING", (0, 0), (-1, -1), 8),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
    ]
)


BODY_BOLD = ParagraphStyle("BodyBold", parent=BODY, fontName=BOLD)
# On the landscape register a title of most lengths fits one line, leaving room for a row more.
_REGISTER_TITLE = ParagraphStyle("RegisterTitle", parent=TITLE, fontSize=21, leading=26)
_NOTICE_HEAD = ParagraphStyle("NoticeHead", parent=CELL_BOLD, fontSize=18, leading=23)


def heading(
    kind: str, facts: CrecheFacts, *, times: str | None = None, title: Any = TITLE
) -> list[Flowable]:
    """The paper's kind, the event, and when (the creche's hours unless `times` are given)
    and where."""
    when = [facts.date, facts.hours if times is None else times, facts.venue]
    story: list[Flowable] = [
        para(kind, KICKER),
        para(facts.event_title or "Untitled event", title),
        para(", ".join(part for part in when if part), BODY),
    ]
    if facts.purged:
        story.append(
            para(
                f"The personal data of this event was removed on {facts.purged}: "
                "only counts are kept.",
                BODY_BOLD,
            )
        )
    return story


def nothing(facts: CrecheFacts, text: str) -> list[Flowable]:
    """What an empty paper says: `text`, unless the purge note above already explains it."""
    return [] if facts.purged else [Spacer(0, 6), para(text, BODY)]


def footer(facts: CrecheFacts, note: str = "") -> str:
    """The footer's note: when the paper was printed (names on paper go stale), and `note`."""
    return f"Printed {facts.printed}" + (f". {note}" if note else "")


def _labelled(label: str, text: str) -> Paragraph:
    """ "Label: text" with the label in bold."""
    return Paragraph(markup(f"{label}: ", BOLD) + markup(fit(text, TEXT_LIMIT)), BODY)


def _notice(lines: list[Flowable], width: float) -> Table:
    """Lines in a heavy box, for what must not be missed."""
    return Table([[lines]], colWidths=(width,), style=NOTICE_TABLE, hAlign="LEFT")


def grid(rows: list[list[Any]], widths: list[float], page: tuple[float, float]) -> Table:
    """A ruled table whose header repeats on every page and whose rows may split if they must."""
    return SplittingTable(
        rows,
        frame_height=frame_height(page),
        colWidths=widths,
        style=GRID_TABLE,
        repeatRows=1,
        splitInRow=_MIN_ROW_PIECE,
        hAlign="LEFT",
    )


def header_row(*labels: str) -> list[Paragraph]:
    return [para(label, CELL_BOLD) for label in labels]


def needs_cell(allergies: str, medical: str, dietary: str) -> list[Flowable]:
    """Allergies and medical needs in bold, each labelled in words; dietary needs plain."""
    cell: list[Flowable] = []
    if allergies:
        cell.append(para(f"Allergy: {allergies}", CELL_BOLD, _NEEDS_LIMIT))
    if medical:
        cell.append(para(f"Medical: {medical}", CELL_BOLD, _NEEDS_LIMIT))
    if dietary:
        cell.append(para(f"Diet: {dietary}", CELL, _NEEDS_LIMIT))
    return cell or [para("None recorded", CELL)]


def child_cell(name: str, age: str) -> list[Flowable]:
    return [para(name, CELL_BOLD), para(age, NOTE)]


def _collectors(names: tuple[str, ...]) -> list[Flowable]:
    if not names:
        return [para("Nobody named: ask the creche lead", CELL_BOLD)]
    return [para(name, CELL) for name in names]


def _register_row(line: RegisterLine) -> list[Any]:
    # Someone who may not be photographed is said in bold: it is the answer to act on.
    photos = para(line.photos, CELL_BOLD if line.photos == "No" else CELL)
    return [
        child_cell(line.name, line.age),
        needs_cell(line.allergies, line.medical, line.dietary),
        photos,
        _collectors(line.collectors),
        Spacer(0, WRITE_IN_HEIGHT),
        "",
        "",
    ]


def _register_story(sheet: RegisterSheet) -> list[Flowable]:
    story = heading("Creche register", sheet.facts, title=_REGISTER_TITLE)
    if not sheet.lines:
        return story + nothing(sheet.facts, "No children are booked into the creche yet.")
    story.append(para(f"{sheet.ratios} {sheet.ages}".strip(), BODY))
    if sheet.staff:
        story.append(_labelled("Staff", "; ".join(sheet.staff)))
    story.append(
        para(
            "Allergies and medical needs are in bold. Write the time and your initials when "
            "each child arrives and leaves.",
            BODY,
        )
    )
    header = header_row(
        "Child",
        "Allergies, medical, diet",
        "Photos",
        "Who may collect",
        "Time in",
        "Time out",
        "Initials",
    )
    rows = [header, *(_register_row(line) for line in sheet.lines)]
    return [*story, Spacer(0, 4), grid(rows, list(_REGISTER_COLUMNS), _REGISTER_PAGE)]


def render_register(sheet: RegisterSheet) -> bytes:
    """The creche register as A4 landscape PDF bytes (no collection passwords)."""
    title = fit(f"Creche register: {sheet.facts.event_title}", TEXT_LIMIT)
    return build_pdf(
        _register_story(sheet),
        pagesize=_REGISTER_PAGE,
        title=title,
        subject="Creche register",
        note=footer(sheet.facts, "Confidential: children’s details"),
    )


def _collection_row(line: CollectionLine) -> list[Any]:
    password = para(line.password, CELL_BOLD) if line.password else para("No password set", CELL)
    return [child_cell(line.name, line.age), _collectors(line.collectors), password]


def _collection_story(sheet: CollectionSheet) -> list[Flowable]:
    story = heading("Collection passwords", sheet.facts)
    story.append(Spacer(0, 4))
    warning = [
        para("Confidential: for creche staff only", _NOTICE_HEAD),
        para(
            "The creche lead keeps this sheet. Never leave it on the sign-in table or show it "
            "to parents. Shred it after the session.",
            CELL,
        ),
    ]
    story += [_notice(warning, _SHEET_WIDTH), Spacer(0, 4)]
    if not sheet.lines:
        text = "No children are booked into the creche, so there are no passwords."
        return story + nothing(sheet.facts, text)
    story.append(
        para(
            "Before a child leaves, ask the person collecting for the password and check "
            "they are named here.",
            BODY,
        )
    )
    rows = [header_row("Child", "Who may collect", "Password")]
    rows += [_collection_row(line) for line in sheet.lines]
    widths = [share * _SHEET_WIDTH for share in _COLLECTION_COLUMNS]
    return [*story, Spacer(0, 4), grid(rows, widths, _SHEET_PAGE)]


def render_collection_sheet(sheet: CollectionSheet) -> bytes:
    """The staff-only collection passwords as A4 PDF bytes."""
    title = fit(f"Collection passwords: {sheet.facts.event_title}", TEXT_LIMIT)
    return build_pdf(
        _collection_story(sheet),
        pagesize=_SHEET_PAGE,
        title=title,
        subject="Collection passwords (confidential)",
        note=footer(sheet.facts, "Confidential: shred after the session"),
    )
