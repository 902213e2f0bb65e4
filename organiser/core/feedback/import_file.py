"""Which online form wrote a file of responses, which of its columns it fills in by itself, and
when each response was sent.

Google Forms starts with "Timestamp" ("2027/03/01 10:15:32 AM GMT"; its linked sheet saved as
.xlsx holds real dates), then "Email address" when it collects one. Microsoft Forms starts with
"ID", "Start time", "Completion time", "Email", "Name" (and "Last modified time" when people may
edit). SurveyMonkey starts with "Respondent ID", "Collector ID", "Start Date", "End Date" (US
dates, month first), "IP Address", "Email Address", "First Name", "Last Name", "Custom Data 1".
Jotform has "Submission Date" ("Mar 1, 2027" or "2027-03-01 10:15:32"), "Submission ID" and
"Submission IP". The file itself is read by organiser.core.tables (CSV or Excel).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from functools import partial

from organiser.core.errors import ValidationError
from organiser.core.import_plans import shown
from organiser.core.tables import Table

GOOGLE = "Google Forms"
MICROSOFT = "Microsoft Forms"
SURVEYMONKEY = "SurveyMonkey"
JOTFORM = "Jotform"
OTHER = "Online form"
# The column holding a response's own number: an edited response keeps it (Google Forms has none).
IDENTITY_COLUMNS = {MICROSOFT: "id", SURVEYMONKEY: "respondent id", JOTFORM: "submission id"}
_ANY_IDENTITY = ("response id", "respondent id", "submission id")
# Columns a form fills in by itself (who signed in, when they opened it, scores): never guessed.
OWN_COLUMNS = frozenset(
    {
        "id",
        "start time",
        "last modified time",
        "email",
        "email address",
        "name",
        "username",
        "score",
        "total points",
        "quiz feedback",
        "respondent id",
        "collector id",
        "start date",
        "ip address",
        "first name",
        "last name",
        "submission id",
        "submission ip",
        "last update date",
        "edit link",
        "source",
    }
)
_OWN_STARTS = ("custom data", "points - ", "feedback - ")  # Microsoft quizzes: "Points - Q1"
_OWN_ROWS = frozenset({"score", "feedback"})  # Google quizzes: "Q1 [Score]", "Q1 [Feedback]"
_LAST_BRACKETS = re.compile(r"\[([^\[\]]*)\]$")


def form_of(table: Table) -> str:
    """Which online form wrote the file, from its columns."""
    first = [" ".join(h.casefold().split()) for h in table.header[:6]]
    if first[:1] == ["timestamp"]:
        return GOOGLE
    if {"id", "start time", "completion time"} <= set(first):
        return MICROSOFT
    if first[:2] == ["respondent id", "collector id"]:
        return SURVEYMONKEY
    if first[:1] == ["submission date"] or "submission id" in (h.casefold() for h in table.header):
        return JOTFORM
    return OTHER


def is_own_column(column: str) -> bool:
    """A column the form fills in by itself (a quiz's "Q1 [Score]" too)."""
    name = " ".join(column.casefold().split())
    row = _LAST_BRACKETS.search(name)
    if row and row.group(1).strip() in _OWN_ROWS:
        return True
    return name in OWN_COLUMNS or name.startswith(_OWN_STARTS)


def identity_column(table: Table) -> str | None:
    """The column of the response's own number (kept when a response is edited), if any."""
    wanted = IDENTITY_COLUMNS.get(form_of(table))
    names = {" ".join(h.casefold().split()): h for h in table.header}
    if wanted is not None and wanted in names:
        return names[wanted]
    return next((names[n] for n in _ANY_IDENTITY if n in names), None)


_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
# Hours from UTC of the zones forms write by name (Google Forms writes the form owner's zone).
_ZONES = {
    "z": 0,
    "ut": 0,
    "utc": 0,
    "gmt": 0,
    "wet": 0,
    "bst": 1,
    "west": 1,
    "cet": 1,
    "cest": 2,
    "eet": 2,
    "eest": 3,
    "est": -5,
    "edt": -4,
    "cst": -6,
    "cdt": -5,
    "mst": -7,
    "mdt": -6,
    "pst": -8,
    "pdt": -7,
    "aest": 10,
    "aedt": 11,
}
# "2027/03/01 10:15:32 AM GMT" (Google Forms), "2027-03-01 10:15:32" (a spreadsheet's date,
# Jotform, this app's export), "01/03/2027 10:15" (UK), "03/01/2027 10:15:32 AM" (SurveyMonkey,
# month first), "Mar 1, 2027" (Jotform), "2027-03-01T10:15:32Z".
_STAMP = re.compile(
    r"(?:(?P<date>\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})"
    r"|(?P<mon>[a-z]{3,9})\.? (?P<mday>\d{1,2})(?:st|nd|rd|th)?,? (?P<myear>\d{4})"
    r"|(?P<dday>\d{1,2}) (?P<dmon>[a-z]{3,9})\.?,? (?P<dyear>\d{4}))"
    r"(?:[ T,]+(?:at )?(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2})(?:\.\d+)?)?"
    r"\s*(?P<ampm>[ap]\.?m\.?)?)?"
    r"\s*(?P<zone>z|[a-z]{2,4}(?:\s*[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{1,2}(?::?\d{2})?)?",
    re.IGNORECASE,
)
_NUMERIC_DAY = re.compile(r"\s*(\d{1,2})[-/.](\d{1,2})[-/.]\d{2,4}\b")


def _date(text: str, day_first: bool) -> dt.date:
    parts = re.split(r"[-/.]", text)
    if len(parts[0]) == 4:
        year, month, day = (int(p) for p in parts)
    else:
        first, second, year = (int(p) for p in parts)
        day, month = (first, second) if day_first else (second, first)
        if year < 100:
            year += 2000
    return dt.date(year, month, day)


def _named_date(month: str, day: str, year: str) -> dt.date:
    number = _MONTHS.get(month.casefold())
    if number is None:
        raise ValueError
    return dt.date(int(year), number, int(day))


def _zone(text: str) -> dt.tzinfo | None:
    cleaned = text.strip().casefold().replace(" ", "")
    if not cleaned:
        return None
    found = re.fullmatch(r"([a-z]*)(?:([+-])(\d{1,2}):?(\d{2})?)?", cleaned)
    if not found or (found.group(1) and found.group(1) not in _ZONES):
        raise ValueError
    hours = _ZONES.get(found.group(1), 0)
    offset = dt.timedelta(hours=hours)
    if found.group(2):
        sign = -1 if found.group(2) == "-" else 1
        offset += sign * dt.timedelta(hours=int(found.group(3)), minutes=int(found.group(4) or 0))
    return dt.timezone(offset)


def parse_received(text: str, *, day_first: bool = True) -> dt.datetime | None:
    """When a response was sent, in UTC without a zone (how times are stored); a time written
    without a zone is taken as this computer's local time. Blank gives None. `day_first`
    says how to read 01/03/2027 (True: 1 March, as in the UK)."""
    cleaned = " ".join(text.split())
    if not cleaned:
        return None
    found = _STAMP.fullmatch(cleaned)
    try:
        if not found:
            raise ValueError
        zone = _zone(found["zone"] or "")
        hour, minute, second = int(found["h"] or 0), int(found["m"] or 0), int(found["s"] or 0)
        ampm = (found["ampm"] or "").replace(".", "").casefold()
        if ampm:
            if not 1 <= hour <= 12:
                raise ValueError
            hour = hour % 12 + (12 if ampm == "pm" else 0)
        clock = dt.time(hour, minute, second)
        if found["mon"] or found["dmon"]:
            month = found["mon"] or found["dmon"]
            if month.casefold() not in _MONTHS:
                raise ValueError
    except ValueError:
        said = shown(cleaned, 40)
        raise ValidationError(
            f"the time {said + ' ' if said else ''}is not a date and time; it should look like "
            "2027-03-01 10:15"
        ) from None
    try:
        if found["date"]:
            day = _date(found["date"], day_first)
        elif found["mon"]:
            day = _named_date(found["mon"], found["mday"], found["myear"])
        else:
            day = _named_date(found["dmon"], found["dday"], found["dyear"])
    except ValueError:
        # Every part is a date's or a time's (the month a month's name, the zone a zone's), so
        # it says nothing about the person: quoted as it is.
        raise ValidationError(
            f"the time “{cleaned}” is not a date in the calendar; check the day and the month"
        ) from None
    moment = dt.datetime.combine(day, clock)
    aware = moment.replace(tzinfo=zone) if zone else moment.astimezone()
    return aware.astimezone(dt.UTC).replace(tzinfo=None)


def day_first_in(values: Iterable[str], *, default: bool = True) -> bool:
    """Whether a column's numeric dates put the day first: 13/03 proves it, 03/13 disproves it;
    when nothing tells, the `default` (SurveyMonkey writes month first, most others day first)."""
    day = month = False
    for value in values:
        found = _NUMERIC_DAY.match(value)
        if found:
            first, second = int(found.group(1)), int(found.group(2))
            day, month = day or first > 12, month or second > 12
    return default if day == month else day


def received_reader(table: Table, column: str) -> Callable[[str], dt.datetime | None]:
    """parse_received for one file's column of times, reading day and month as that file does."""
    place = table.header.index(column)
    cells: Sequence[str] = [c[place] for _n, c in table.rows if place < len(c)]
    default = form_of(table) != SURVEYMONKEY
    return partial(parse_received, day_first=day_first_in(cells, default=default))
