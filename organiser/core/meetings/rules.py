"""Pure rules for meetings: when a note revision is due, where an action stands."""

from __future__ import annotations

import datetime as dt

from organiser.core.parsing import local_moment

REVISION_EVERY = dt.timedelta(minutes=3)


def revision_due(last: dt.datetime | None, now: dt.datetime) -> bool:
    """Keep a revision at least every few minutes of editing (and the first save). A last
    revision stamped after now (a clock that was wrong, or put back) is not a recent one."""
    return last is None or not dt.timedelta(0) <= now - last < REVISION_EVERY


def action_standing(
    *, due: dt.date | None, done: bool, done_at: dt.datetime | None, today: dt.date
) -> tuple[bool, str]:
    """(overdue, where it stands in words): 'Overdue by 3 days', 'Due today', 'Done 12/03/2027'."""
    if done:
        if done_at is None:
            return False, "Done"
        local = local_moment(done_at)  # stored in UTC, shown local
        return False, f"Done {local:%d/%m/%Y}"
    if due is None:
        return False, "Open, no due date"
    days = (due - today).days
    if days < 0:
        return True, f"Overdue by {-days} day{'s' if days != -1 else ''}"
    if days == 0:
        return False, "Due today"
    if days == 1:
        return False, "Due tomorrow"
    return False, f"Due in {days} days"
