"""The sign-in sheet for the door: first names and how many came, rows to write in by hand, no
contact details (everyone who signs in can read the sheet). In a language version each word
prints in that language with the English under it, so one sheet serves everyone at the door."""

from __future__ import annotations

from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.platypus import Flowable, Spacer, Table

from organiser.core.feedback.documents import SignInSheet
from organiser.core.languages import language_code
from organiser.reports.creche import GRID_TABLE
from organiser.reports.pages import TEXT_LIMIT, build_pdf, fit, frame_height, frame_width, para
from organiser.reports.styles import BODY, CELL_BOLD, KICKER, NOTE, TITLE

_PAGE = A4
_WIDTH = frame_width(_PAGE)
_COLUMNS = ("column_name", "column_adults", "column_children", "column_first_time")
_SHARES = (0.46, 0.15, 0.17, 0.22)
# A row about 11 mm tall: room for a name written large.
_ROW = 32


def _both(key: str, sheet: SignInSheet, style: Any) -> list[Flowable]:
    """A word in the sheet's language, with the English under it where they differ."""
    shown = [para(sheet.words[key], style)]
    if sheet.language and sheet.words[key] != sheet.english[key]:
        shown.append(para(sheet.english[key], NOTE))
    return shown


def _story(sheet: SignInSheet) -> list[Flowable]:
    heading, english = sheet.words["sign_in_heading"], sheet.english["sign_in_heading"]
    both = f"{heading} · {english}" if sheet.language and heading != english else heading
    kicker = " · ".join(part for part in (both, sheet.when) if part)
    story: list[Flowable] = [
        para(kicker, KICKER),
        para(fit(sheet.event_title or "Our event", TEXT_LIMIT), TITLE),
        *_both("sign_in_intro", sheet, BODY),
        Spacer(0, 8),
    ]
    header = [_both(key, sheet, CELL_BOLD) for key in _COLUMNS]
    _, header_height = Table([header], colWidths=[s * _WIDTH for s in _SHARES]).wrap(_WIDTH, 0)
    used = sum(f.wrap(_WIDTH, frame_height(_PAGE))[1] for f in story) + header_height + 40
    rows = max(int((frame_height(_PAGE) - used) // _ROW), 8)
    table = Table(
        [header, *([""] * len(_COLUMNS) for _ in range(rows))],
        colWidths=[share * _WIDTH for share in _SHARES],
        rowHeights=[None, *([_ROW] * rows)],
        style=GRID_TABLE,
        repeatRows=1,
        hAlign="LEFT",
    )
    return [*story, table]


def render_sign_in(sheet: SignInSheet) -> bytes:
    """The sign-in sheet as A4 PDF bytes."""
    title = fit(f"{sheet.english['sign_in_heading']}: {sheet.event_title}", TEXT_LIMIT)
    return build_pdf(
        _story(sheet),
        pagesize=_PAGE,
        title=title,
        subject="Sign-in sheet",
        lang=language_code(sheet.language),
    )
