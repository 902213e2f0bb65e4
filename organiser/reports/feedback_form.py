"""The paper feedback form: big tick boxes, lines to write on, consent in plain words, on one A4
page where the questions allow: it tightens its spacing (never under 12 pt text and 6 mm boxes)
before it takes a second page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from organiser.core.feedback.documents import FormQuestion, PaperForm
from organiser.core.languages import language_code
from organiser.reports.charts import text_width
from organiser.reports.flyer_art import QUIET_ZONE, Modules, draw_qr, qr_modules, qr_value
from organiser.reports.fonts import BOLD, markup, register_main_fonts
from organiser.reports.pages import TEXT_LIMIT, build_pdf, fit, frame_height, frame_width, para
from organiser.reports.styles import BODY, INK, RULE, TITLE
from organiser.reports.text import Paragraph, right_to_left

_PAGE = A4
_WIDTH, _HEIGHT = frame_width(_PAGE), frame_height(_PAGE)
# A QR code about 30 mm across, quiet zone included: phones read it from arm's length.
_QR_SIZE = 86
_QUESTION_LIMIT = 400
# Room between a tick box and its words, and between one choice and the next on a line.
_BOX_GAP = 8
_CHOICE_GAP = 16


@dataclass(frozen=True)
class Look:
    """How generously the form is set: the first look that fits one page is used."""

    size: float  # body text, never under the 12 pt of clear print
    box: float  # tick box side: 20 pt is about 7 mm, 17 pt (6 mm) the least
    line_gap: float  # between lines to write on (handwriting needs about 8 mm)
    most_lines: int  # the most lines a free-text question gets
    question_gap: float
    row_pad: float
    title_size: float

    @property
    def leading(self) -> float:
        return round(self.size * 1.3)


LOOKS = (
    Look(size=14, box=20, line_gap=26, most_lines=3, question_gap=10, row_pad=3, title_size=26),
    Look(size=13, box=19, line_gap=24, most_lines=2, question_gap=8, row_pad=2, title_size=22),
    Look(size=12, box=18, line_gap=23, most_lines=2, question_gap=5, row_pad=1.5, title_size=20),
)


class TickBox(Flowable):  # type: ignore[misc]
    """An empty square to tick by hand."""

    def __init__(self, side: float) -> None:
        super().__init__()
        self.side = side

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.side, self.side

    def draw(self) -> None:
        self.canv.setStrokeColor(INK)
        self.canv.setLineWidth(1.5)
        self.canv.rect(0, 0, self.side, self.side)


class WritingLines(Flowable):  # type: ignore[misc]
    """Ruled lines to write an answer on, the first a full gap below what is above."""

    def __init__(self, count: int, gap: float) -> None:
        super().__init__()
        self.count = count
        self.gap = gap

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, self.count * self.gap

    def draw(self) -> None:
        self.canv.setStrokeColor(RULE)
        self.canv.setLineWidth(1)
        for number in range(self.count):
            self.canv.line(0, number * self.gap, self.width, number * self.gap)


class QrCode(Flowable):  # type: ignore[misc]
    """The QR code of the online form, black on white."""

    def __init__(self, modules: Modules, size: float = _QR_SIZE) -> None:
        super().__init__()
        self.modules, self.size = modules, size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        draw_qr(self.canv, self.modules, 0, 0, self.size)


def _style(look: Look, *, after: float = 0, bold: bool = False) -> ParagraphStyle:
    return ParagraphStyle(
        f"Form{look.size}{after}{bold}",
        parent=BODY,
        fontName=BOLD if bold else BODY.fontName,
        fontSize=look.size,
        leading=look.leading,
        spaceBefore=0,
        spaceAfter=after,
    )


def _grid(rows: list[list[Any]], widths: list[float], look: Look) -> Table:
    return Table(
        rows,
        colWidths=widths,
        style=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), look.row_pad),
                ("BOTTOMPADDING", (0, 0), (-1, -1), look.row_pad),
            ]
        ),
        hAlign="LEFT",
    )


def _choice_width(choice: str, look: Look) -> float:
    return look.box + _BOX_GAP + text_width(choice, look.size) + 2


def _column_widths(choices: tuple[str, ...], look: Look) -> list[float]:
    """Choices in a grid of three columns, else two, else one. Where every choice fits a third
    of the page the columns are thirds, so boxes line up down the form (and Yes and No sit
    no further apart than other choices); otherwise each column is as wide as its widest
    choice, with the room left over shared out."""
    for count in (3, 2):
        widths = [
            max((_choice_width(c, look) for c in choices[column::count]), default=0) + _CHOICE_GAP
            for column in range(count)
        ]
        if count == 3 and max(widths) <= _WIDTH / 3:
            return [_WIDTH / 3] * 3
        if sum(widths) <= _WIDTH:
            spare = (_WIDTH - sum(widths)) / count
            return [width + spare for width in widths]
    return [_WIDTH]


def _choice_cells(choice: str, look: Look) -> list[Any]:
    return [TickBox(look.box), para(choice, _style(look), _QUESTION_LIMIT)]


def _choice_grid(choices: tuple[str, ...], look: Look, *, mirrored: bool = False) -> Table:
    """The choices in columns, each box just before its words. `mirrored` for a right-to-left
    language: the first choice on the right, each box on the right of its words, where its
    reader starts (a box must never sit nearer another choice's words than its own)."""
    widths = _column_widths(choices, look)
    columns = len(widths)
    box_column = look.box + _BOX_GAP
    rows: list[list[Any]] = []
    for start in range(0, len(choices), columns):
        row: list[Any] = []
        for choice in choices[start : start + columns]:
            row += _choice_cells(choice, look)
        row += [""] * (2 * columns - len(row))
        rows.append(row[::-1] if mirrored else row)
    cells = [w for width in widths for w in (box_column, width - box_column)]
    table = _grid(rows, cells[::-1] if mirrored else cells, look)
    if mirrored:  # the box's gap on the words' side
        table.setStyle([("LEFTPADDING", (1, 0), (-1, -1), _BOX_GAP)])
    return table


def _question_text(question: FormQuestion) -> str:
    text = markup(f"{question.number}. {fit(question.text, _QUESTION_LIMIT)}", BOLD)
    return text + (markup(f"  {question.hint}") if question.hint else "")


def _one_line(question: FormQuestion, look: Look) -> Table | None:
    """A short question with its choices (or its one line to write on) beside it, if they fit."""
    words = f"{question.number}. {question.text}"
    asked = text_width(words, look.size, BOLD) + (
        text_width(f"  {question.hint}", look.size) if question.hint else 0
    )
    asked += _CHOICE_GAP
    if question.choices:
        widths = [_choice_width(choice, look) + _CHOICE_GAP for choice in question.choices]
        if len(question.choices) > 3 or asked + sum(widths) > _WIDTH:
            return None
        row: list[Any] = [Paragraph(_question_text(question), _style(look))]
        columns = [asked]
        for choice, width in zip(question.choices, widths, strict=True):
            row += _choice_cells(choice, look)
            columns += [look.box + _BOX_GAP, width - look.box - _BOX_GAP]
        columns[-1] = _WIDTH - sum(columns[:-1])
        return _grid([row], columns, look)
    if question.lines == 1 and asked < _WIDTH * 0.6:
        line = WritingLines(1, look.leading)
        table = _grid(
            [[Paragraph(_question_text(question), _style(look)), line]],
            [asked, _WIDTH - asked],
            look,
        )
        table.setStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM")])
        return table
    return None


def _question(question: FormQuestion, look: Look) -> list[Flowable]:
    rtl = right_to_left(question.text)
    inline = None if rtl else _one_line(question, look)
    if inline is not None:
        return [inline]
    parts: list[Flowable] = [Paragraph(_question_text(question), _style(look, after=2))]
    if question.choices:
        parts.append(_choice_grid(question.choices, look, mirrored=rtl))
    elif question.lines:
        parts.append(WritingLines(min(question.lines, look.most_lines), look.line_gap))
    return parts


def _header(form: PaperForm, look: Look) -> list[Flowable]:
    title_style = ParagraphStyle(
        f"FormTitle{look.title_size}",
        parent=TITLE,
        fontSize=look.title_size,
        leading=round(look.title_size * 1.2),
    )
    kicker = " · ".join(part for part in (form.heading, form.when) if part)
    text: list[Flowable] = [
        para(kicker, _style(look, after=2, bold=True)),
        para(fit(form.event_title or "Our event", TEXT_LIMIT), title_style),
        para(form.intro, _style(look, after=2)),
    ]
    modules = qr_modules(qr_value(form.link)) if form.link else None
    if modules is None:
        return text
    code: list[Flowable] = [
        QrCode(modules),
        para(form.online, _QR_CAPTION),
    ]
    room = _QR_SIZE + 24
    return [
        Table(
            [[text, code]],
            colWidths=[_WIDTH - room, room],
            style=TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (0, -1), 12),
                    ("RIGHTPADDING", (1, 0), (1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ]
            ),
            hAlign="LEFT",
        )
    ]


# The caption lines up with the code's dark modules, inside its white quiet zone.
_QR_CAPTION = ParagraphStyle(
    "QrCaption", parent=BODY, fontSize=12, leading=15, leftIndent=QUIET_ZONE * 2
)


def _blocks(form: PaperForm, look: Look) -> list[list[Flowable]]:
    """The form in pieces that each stay on one page: the header, then each question."""
    blocks = [[*_header(form, look), Spacer(0, look.question_gap)]]
    for question in form.questions:
        blocks.append([*_question(question, look), Spacer(0, look.question_gap)])
    if not form.questions:
        blocks.append([para("This form has no questions yet: add them in the Feedback tab.", BODY)])
    blocks.append([para(form.closing, _style(look, bold=True))])
    return blocks


def _height(blocks: list[list[Flowable]]) -> float:
    """How tall the form stands if nothing breaks to a new page."""
    total = 0.0
    for block in blocks:
        for flowable in block:
            _, height = flowable.wrap(_WIDTH, _HEIGHT)
            total += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def choose_look(form: PaperForm) -> Look:
    """The most generous look that fits the form on one page; the first if none does."""
    register_main_fonts()
    for look in LOOKS:
        # A little to spare: ReportLab's frame adds the odd point that a sum of parts misses.
        if _height(_blocks(form, look)) <= _HEIGHT - 4:
            return look
    return LOOKS[0]


def render_feedback_form(form: PaperForm) -> bytes:
    """The paper feedback form as A4 PDF bytes."""
    title = fit(f"{form.heading}: {form.event_title}", TEXT_LIMIT)
    return build_pdf(
        [KeepTogether(block) for block in _blocks(form, choose_look(form))],
        pagesize=_PAGE,
        title=title,
        subject="Feedback form",
        lang=language_code(form.language),
    )
