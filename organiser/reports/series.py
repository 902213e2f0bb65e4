"""The series report: the sessions of a series side by side on A4 in clear print, households
that came back counted (never named), and the lessons each session handed on."""

from __future__ import annotations

from reportlab.lib.pagesizes import landscape
from reportlab.platypus import Flowable, KeepTogether, Spacer

from organiser.core.coproduction.documents import SERIES_HEADINGS, SeriesSheet
from organiser.reports.pages import (
    TEXT_LIMIT,
    build_pdf,
    fit,
    frame_height,
    frame_width,
    para,
    section,
)
from organiser.reports.styles import BODY, KICKER, LABEL, TITLE
from organiser.reports.summary_parts import PAGE, bullets, data_table, facts_table, plain

AT_A_GLANCE, SESSIONS, REPEAT, CARRIED = SERIES_HEADINGS
# Session, date, came, feedback, rated good, cost, new lessons: the session's name gets most.
_SHARES = (0.27, 0.14, 0.08, 0.13, 0.16, 0.13, 0.09)
_PAGE = landscape(PAGE)
_WIDTH = frame_width(_PAGE)


def _story(sheet: SeriesSheet) -> list[Flowable]:
    story: list[Flowable] = [
        para("Series report", KICKER),
        para(sheet.title or "Untitled series", TITLE),
        para(sheet.span, BODY),
        *section(AT_A_GLANCE, room=220),
        facts_table(sheet.totals, label_share=0.3, width=_WIDTH),
        *section(SESSIONS, room=160),
        plain(
            "Each session's figures, in date order. Rated good: the Friends and Family Test, "
            "the share who rated it good or very good. A dash: not recorded."
        ),
        data_table(
            ("Session", "Date", "Came", "Responses", "Rated good", "Cost", "New lessons"),
            [
                (s.title, s.date, s.attendance, s.responses, s.fft, s.cost, s.lessons)
                for s in sheet.sessions
            ],
            _SHARES,
            right=(2, 3, 5, 6),
            width=_WIDTH,
            height=frame_height(_PAGE),
        ),
        *section(REPEAT, room=140),
        plain(sheet.repeat),
        plain(sheet.repeat_note),
        *section(CARRIED, room=160),
    ]
    if not sheet.carried:
        return [*story, plain(sheet.carried_missing)]
    for lesson in sheet.carried:
        story.append(
            KeepTogether(
                [
                    para(lesson.text, LABEL, 2000),
                    *bullets(
                        [
                            f"First recorded: {lesson.first}",
                            f"Carried to: {', '.join(lesson.carried_to)}",
                        ]
                    ),
                    Spacer(0, 6),
                ]
            )
        )
    return story


def render_series(sheet: SeriesSheet) -> bytes:
    """The series report as PDF bytes: landscape A4, so the session-by-session table has room."""
    return build_pdf(
        _story(sheet),
        pagesize=_PAGE,
        title=fit(f"Series report: {sheet.title}", TEXT_LIMIT),
        subject="Series report",
        note="Series report",
    )
