"""The series report: the sessions of a series (or of a date range) side by side, households
that came back counted without naming anyone, and the lessons each session handed on."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from sqlalchemy import select

from organiser.core.coproduction.documents import (
    NOT_RECORDED,
    CarriedLesson,
    Fact,
    SeriesSheet,
    SessionLine,
)
from organiser.core.coproduction.models import Lesson
from organiser.core.creche.importing import person_key
from organiser.core.creche.kinds import HOLDING
from organiser.core.creche.models import Booking
from organiser.core.db import Store
from organiser.core.errors import ValidationError
from organiser.core.events.models import Event
from organiser.core.events.reading import EventDetails, get_event
from organiser.core.feedback.figures import FeedbackFigures, Share, figures
from organiser.core.money import format_pence
from organiser.core.parsing import format_date
from organiser.core.planning.service import budget
from organiser.core.records import get_or_raise
from organiser.core.words import plural


def _order(rows: Sequence[tuple[int, dt.date | None]]) -> list[int]:
    return [i for i, _d in sorted(rows, key=lambda r: (r[1] is None, r[1] or dt.date.min, r[0]))]


def series_of(store: Store, event_id: int) -> list[int]:
    """Every session of the event's series (earlier and later ones), by date."""
    with store.begin() as s:
        get_or_raise(s, Event, event_id, "event")
        rows = s.execute(select(Event.id, Event.series_previous_id, Event.date)).all()
    previous = {i: p for i, p, _d in rows}
    dates = {i: d for i, _p, d in rows}
    root, seen = event_id, {event_id}
    while previous.get(root) is not None and previous[root] not in seen:
        root = previous[root]  # type: ignore[assignment]
        seen.add(root)
    later: dict[int, list[int]] = {}
    for i, p, _d in rows:
        if p is not None:
            later.setdefault(p, []).append(i)
    found, queue = {root}, [root]
    while queue:
        for child in later.get(queue.pop(), []):
            if child not in found:
                found.add(child)
                queue.append(child)
    return _order([(i, dates[i]) for i in found])


def events_between(store: Store, start: dt.date, end: dt.date) -> list[int]:
    """Events dated from `start` to `end` (both included), archived ones too, by date."""
    if end < start:
        raise ValidationError("The end of the range is before its start.")
    with store.begin() as s:
        rows = s.execute(
            select(Event.id, Event.date).where(Event.date >= start, Event.date <= end)
        ).all()
    return _order([(i, d) for i, d in rows])


def _label(number: int, event: EventDetails) -> str:
    day = format_date(event.date)
    return f"Session {number} ({day})" if day else f"Session {number}"


def series_title(titles: Sequence[str]) -> str:
    """'Pilates morning (session 3)' → 'Pilates morning'."""
    first = titles[0] if titles else ""
    stem, _, tail = first.rpartition(" (session ")
    return stem if stem and tail.endswith(")") and tail[:-1].isdigit() else first


def _every(count: int) -> str:
    return "both" if count == 2 else f"all {count}"


def _repeat(store: Store, event_ids: Sequence[int]) -> tuple[str, str]:
    """Households who booked or came to more than one session: counted, never listed."""
    with store.begin() as s:
        rows = s.execute(
            select(Booking.event_id, Booking.name, Booking.contact, Booking.anonymised).where(
                Booking.event_id.in_(event_ids), Booking.status.in_(HOLDING)
            )
        ).all()
    sessions_of: dict[str, set[int]] = {}
    purged: set[int] = set()
    for event_id, name, contact, anonymised in rows:
        if anonymised:
            purged.add(event_id)
            continue
        sessions_of.setdefault(person_key(name, contact), set()).add(event_id)
    note = (
        "Households are matched by the name and contact details on their bookings, compared "
        "without regard to capitals or spacing; nobody is named here."
    )
    if purged:
        note += (
            f" Bookings of {plural(len(purged), 'session')} were anonymised after the event and "
            "cannot be matched, so the true number may be higher."
        )
    if len(event_ids) < 2:
        return f"{NOT_RECORDED}: there is only one session.", note
    if not sessions_of:
        return f"{NOT_RECORDED}: no bookings were entered for these sessions.", note
    spread = Counter(len(found) for found in sessions_of.values())
    back = sum(n for times, n in spread.items() if times > 1)
    text = (
        f"{back:,} of {plural(len(sessions_of), 'household')} booked or came to more than one "
        "session"
    )
    if back:
        text += ": " + ", ".join(
            f"{plural(n, 'household')} to "
            + (_every(times) if times == len(event_ids) else f"{times} sessions")
            for times, n in sorted(spread.items())
            if times > 1
        )
    return text + ".", note


def _carried(
    store: Store, event_ids: Sequence[int], labels: dict[int, str]
) -> tuple[tuple[CarriedLesson, ...], dict[int, int]]:
    """Lessons handed from session to session (by carried_from_id), and new lessons per session."""
    with store.begin() as s:
        rows = s.execute(
            select(
                Lesson.id, Lesson.event_id, Lesson.learned, Lesson.happened, Lesson.carried_from_id
            )
            .where(Lesson.event_id.in_(event_ids))
            .order_by(Lesson.id)
        ).all()
    lessons = {r[0]: r for r in rows}
    new: Counter[int] = Counter()
    reached: dict[int, list[int]] = {}
    for lesson_id, event_id, _learned, _happened, parent in rows:
        if parent not in lessons:
            new[event_id] += 1
            continue
        root, seen = parent, {lesson_id}
        while root not in seen:  # up the chain to the session where it was first written
            seen.add(root)
            up = lessons[root][4]
            if up is None or up not in lessons:
                break
            root = up
        reached.setdefault(root, []).append(event_id)
    order = {event_id: n for n, event_id in enumerate(event_ids)}
    carried = []
    for root, events in reached.items():
        _id, first, learned, happened, _parent = lessons[root]
        later = sorted(set(events), key=order.__getitem__)
        carried.append(
            CarriedLesson(
                text=(learned or happened).strip(),
                first=labels[first],
                carried_to=tuple(labels[e] for e in later),
            )
        )
    firsts = list(labels.values())
    carried.sort(key=lambda c: firsts.index(c.first))
    return tuple(carried), dict(new)


def _share(share: Share) -> str:
    return f"{share.percent}% ({share.count:,} of {share.total:,})" if share.total else "—"


def series_sheet(store: Store, event_ids: Sequence[int]) -> SeriesSheet:
    """Totals and trends across the sessions, repeat attenders, lessons carried forward."""
    ids = list(dict.fromkeys(event_ids))
    if not ids:
        raise ValidationError("Choose at least one session for the series report.")
    events = [get_event(store, i) for i in ids]
    labels = {e.id: _label(n, e) for n, e in enumerate(events, start=1)}
    found: list[FeedbackFigures] = [figures(store, i) for i in ids]
    spent: list[tuple[int, bool]] = []
    for event_id in ids:
        totals = budget(store, event_id)
        spent.append((totals.actual or totals.estimated, bool(totals.actual)))
    carried, new = _carried(store, ids, labels)
    sessions = tuple(
        SessionLine(
            title=f"{n}. {e.title}",
            date=format_date(e.date) or "Not set",
            attendance=f"{f.attendance:,}" if f.attendance else "—",
            responses=f"{f.responses:,}",
            fft=_share(f.fft),
            cost=(format_pence(pence) + ("" if actual else " (estimated)")) if pence else "—",
            lessons=f"{new.get(e.id, 0):,}",
        )
        for n, (e, f, (pence, actual)) in enumerate(zip(events, found, spent, strict=True), 1)
    )
    came = [f.attendance for f in found if f.attendance]
    unknown = len(found) - len(came)
    attendance = f"{sum(came):,}" if came else NOT_RECORDED
    if came and unknown:
        attendance += f" (not known for {plural(unknown, 'session')})"
    fft = Share(sum(f.fft.count for f in found), sum(f.fft.total for f in found))
    regular = Share(sum(f.regular.count for f in found), sum(f.regular.total for f in found))
    total_spent = sum(p for p, _a in spent)
    costed = sum(p for (p, _a), f in zip(spent, found, strict=True) if f.attendance)
    per_person = (
        f"{format_pence(round(costed / sum(came)))} (sessions where attendance is known)"
        if came and costed
        else NOT_RECORDED
    )
    totals_facts = (
        Fact("Sessions", f"{len(ids):,}"),
        Fact("Attendance", attendance),
        Fact("Feedback responses", f"{sum(f.responses for f in found):,}"),
        Fact(
            "Friends and Family Test",
            f"{_share(fft)} rated it good or very good" if fft.total else NOT_RECORDED,
        ),
        Fact(
            "Would come to regular sessions",
            f"{_share(regular)} said yes" if regular.total else NOT_RECORDED,
        ),
        Fact("Cost of all sessions", format_pence(total_spent) if total_spent else NOT_RECORDED),
        Fact("Cost per attendee", per_person),
    )
    dated = [e.date for e in events if e.date]
    span = plural(len(ids), "session")
    if dated:
        first, last = format_date(min(dated)), format_date(max(dated))
        span += f", {first} to {last}" if first != last else f", {first}"
    if len(dated) < len(events):
        span += f" ({len(events) - len(dated):,} not dated yet)"
    repeat, repeat_note = _repeat(store, ids)
    return SeriesSheet(
        title=series_title([e.title for e in events]),
        span=span,
        totals=totals_facts,
        sessions=sessions,
        repeat=repeat,
        repeat_note=repeat_note,
        carried=carried,
        carried_missing=""
        if carried
        else f"{NOT_RECORDED}: no lessons were carried from one session to the next.",
    )
