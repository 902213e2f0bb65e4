"""The feedback summary: the headline figures in words, every chart as vectors (the same
drawings the Feedback tab shows), services, themes and the quotes people agreed to share."""

from __future__ import annotations

from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from organiser.core.feedback.documents import Chart, QuoteLine, SummarySheet
from organiser.reports.charts import distribution_chart
from organiser.reports.fonts import BOLD, markup
from organiser.reports.pages import TEXT_LIMIT, build_pdf, fit, frame_width, para, section
from organiser.reports.styles import (
    BODY,
    CELL,
    FACTS_TABLE,
    INK,
    KICKER,
    LABEL,
    RULE,
    TITLE,
)
from organiser.reports.text import Paragraph

_PAGE = A4
_WIDTH = frame_width(_PAGE)
_LABEL_WIDTH = 0.3 * _WIDTH
_QUOTE_LIMIT = 1200
# A quote stands out by a rule at its side and its size, never by italics.
QUOTE = ParagraphStyle("Quote", parent=BODY, fontSize=16, leading=22, spaceAfter=2)
ATTRIBUTION = ParagraphStyle("Attribution", parent=BODY, spaceAfter=0)
_QUOTE_TABLE = TableStyle(
    [
        ("LINEBEFORE", (0, 0), (0, -1), 3, INK),
        ("LEFTPADDING", (0, 0), (-1, -1), 12),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
)
_THEMES_TABLE = TableStyle(
    [
        *FACTS_TABLE.getCommands(),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]
)


def _headline(sheet: SummarySheet) -> Table:
    rows: list[list[Any]] = [
        [para(label, LABEL), para(words, CELL)] for label, words in sheet.headline
    ]
    return Table(
        rows,
        colWidths=(_LABEL_WIDTH, _WIDTH - _LABEL_WIDTH),
        style=FACTS_TABLE,
        hAlign="LEFT",
    )


def chart_flowable(chart: Chart) -> Flowable:
    """A question's bar chart, drawn as vectors across the page."""
    drawing = distribution_chart(chart, width=_WIDTH)
    drawing.hAlign = "LEFT"
    return drawing


def _charts(sheet: SummarySheet) -> list[Flowable]:
    if not sheet.charts:
        return []
    story = section("Answers, question by question", room=220)
    for chart in sheet.charts:
        story += [KeepTogether([chart_flowable(chart)]), Spacer(0, 18)]
    return story


def _services(sheet: SummarySheet) -> list[Flowable]:
    story = section("Services people found out about", room=220)
    story.append(para(sheet.services_line, BODY))
    if sheet.services is not None and sheet.services.answered:
        story += [Spacer(0, 6), chart_flowable(sheet.services)]
    return story


def _plural(count: int, one: str) -> str:
    return f"{count:,} {one}{'' if count == 1 else 's'}"


def _themes(sheet: SummarySheet) -> list[Flowable]:
    story = section("Themes in what people wrote", room=140)
    if not sheet.themes:
        return [*story, para("No answers have been given themes yet.", BODY)]
    story.append(para("How many written answers were given each theme.", BODY))
    rows = [
        [para(name, CELL), para(_plural(count, "answer"), CELL)] for name, count in sheet.themes
    ]
    return [
        *story,
        Table(rows, colWidths=(0.6 * _WIDTH, 0.4 * _WIDTH), style=_THEMES_TABLE, hAlign="LEFT"),
    ]


def _quote(quote: QuoteLine) -> Flowable:
    said = Paragraph(markup(f"“{fit(quote.text, _QUOTE_LIMIT)}”"), QUOTE)
    who = Paragraph(
        markup(quote.attribution, BOLD) + markup(f", answering “{fit(quote.question, 200)}”"),
        ATTRIBUTION,
    )
    return Table([[[said, who]]], colWidths=[_WIDTH], style=_QUOTE_TABLE, hAlign="LEFT")


def _quotes(sheet: SummarySheet) -> list[Flowable]:
    story = section("In their own words", room=160)
    if not sheet.quotes:
        return [
            *story,
            para(
                "No quotes are starred for reports yet. Star answers in the Feedback tab; only "
                "those whose writer agreed to be quoted are printed.",
                BODY,
            ),
        ]
    for quote in sheet.quotes:
        story += [_quote(quote), Spacer(0, 12)]
    return story


def _story(sheet: SummarySheet) -> list[Flowable]:
    story: list[Flowable] = [
        para("Feedback summary", KICKER),
        para(sheet.event_title or "Untitled event", TITLE),
    ]
    if sheet.when:
        story.append(para(sheet.when, BODY))
    story += section("At a glance", room=160)
    story.append(_headline(sheet))
    story += _charts(sheet)
    story += _services(sheet)
    story += _themes(sheet)
    story += _quotes(sheet)
    story += section("About these figures", room=100)
    story.append(para(sheet.about, BODY, limit=1000))
    return story


def render_feedback_summary(sheet: SummarySheet) -> bytes:
    """The feedback summary as A4 PDF bytes."""
    title = fit(f"Feedback summary: {sheet.event_title}", TEXT_LIMIT)
    responses = _plural(sheet.responses, "response")
    return build_pdf(
        _story(sheet),
        pagesize=_PAGE,
        title=title,
        subject="Feedback summary",
        note=f"Feedback summary: {responses}",
    )
