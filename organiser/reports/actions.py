"""The printed action list: every action item of an event, open ones first, on A4 landscape."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import Flowable, Spacer

from organiser.core.meetings.documents import ActionListSheet
from organiser.reports.minutes import DUE_WIDTH, action_section
from organiser.reports.pages import (
    TEXT_LIMIT,
    build_pdf,
    fit,
    frame_height,
    frame_width,
    para,
    section,
)
from organiser.reports.styles import BODY, KICKER, TITLE

_PAGE = landscape(A4)
_SIZE = (frame_width(_PAGE), frame_height(_PAGE))
_WIDTH = _SIZE[0]
# Action, owner, due date, where it stands, raised at: five columns read better side by side
# on a landscape page than squeezed onto a portrait one.
_COLUMNS = (0.28, 0.18, DUE_WIDTH / _WIDTH, 0.33 - DUE_WIDTH / _WIDTH, 0.21)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _summary(sheet: ActionListSheet) -> str:
    open_part = f"{len(sheet.open)} open"
    if sheet.overdue:
        open_part += f" ({sheet.overdue} overdue)"
    return f"Where things stand on {sheet.as_of}: {open_part}, {len(sheet.done)} done."


def _story(sheet: ActionListSheet) -> list[Flowable]:
    story: list[Flowable] = [
        para("Action list", KICKER),
        para(sheet.event_title or "Untitled event", TITLE),
        Spacer(0, 4),
    ]
    if not sheet.open and not sheet.done:
        return [*story, para(f"No action items yet ({sheet.as_of}).", BODY)]
    story.append(para(_summary(sheet), BODY))
    open_title = f"Open: {_plural(len(sheet.open), 'action')}"
    if sheet.open:
        story += action_section(open_title, sheet.open, _COLUMNS, _SIZE)
    else:
        story += [*section(open_title), para("Nothing is open: every action is done.", BODY)]
    if sheet.done:
        done_title = f"Done: {_plural(len(sheet.done), 'action')}"
        story += action_section(done_title, sheet.done, _COLUMNS, _SIZE)
    return story


def render_action_list(sheet: ActionListSheet) -> bytes:
    """All of an event's action items as A4 landscape PDF bytes."""
    title = fit(f"Action list: {sheet.event_title}", TEXT_LIMIT)
    return build_pdf(_story(sheet), pagesize=_PAGE, title=title, subject=f"As of {sheet.as_of}")
