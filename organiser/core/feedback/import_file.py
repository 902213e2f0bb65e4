"""Which online form wrote a file of responses, and when each response was sent.

The file itself is read by organiser.core.tables (CSV or Excel).
"""

from __future__ import annotations

import datetime as dt
import re

from organiser.core.errors import ValidationError
from organiser.core.tables import Table


def form_of(table: Table) -> str:
    """Which online form wrote the file, from its first columns."""
    first = [h.casefold() for h in table.header[:5]]
    if first[:1] == ["timestamp"]:
        return "Google Forms"
    if {"id", "start time", "completion time"} <= set(first):
        return "Microsoft Forms"
    return "Online form"


# "2027/03/01 10:15:32 AM GMT" (Google Forms), "2027-03-01 10:15:32" (Microsoft Forms in Excel,
# this app's export), "01/03/2027 10:15" (a spreadsheet in the UK), "2027-03-01T10:15:32Z".
_STAMP = re.compile(
    r"(?P<date>\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})"
    r"(?:[ T,]+(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2})(?:\.\d+)?)?\s*(?P<ampm>[ap]\.?m\.?)?)?"
    r"\s*(?P<zone>z|(?:gmt|utc)?\s*(?:[+-]\d{1,2}(?::?\d{2})?)?)?",
    re.IGNORECASE,
)


def _date(text: str) -> dt.date:
    parts = re.split(r"[-/.]", text)
    if len(parts[0]) == 4:
        year, month, day = (int(p) for p in parts)
    else:  # day first, as in the UK
        day, month, year = (int(p) for p in parts)
        if year < 100:
            year += 2000
    return dt.date(year, month, day)


def _zone(text: str) -> dt.tzinfo | None:
    cleaned = text.strip().casefold().replace(" ", "")
    if not cleaned:
        return None
    if cleaned in ("z", "gmt", "utc"):
        return dt.UTC
    found = re.search(r"([+-])(\d{1,2}):?(\d{2})?$", cleaned)
    if not found:
        return None
    sign = -1 if found.group(1) == "-" else 1
    offset = dt.timedelta(hours=int(found.group(2)), minutes=int(found.group(3) or 0))
    return dt.timezone(sign * offset)


def parse_received(text: str) -> dt.datetime | None:
    """When a response was sent, in UTC without a zone (how times are stored); a time written
    without a zone is taken as this computer's local time. Blank gives None."""
    cleaned = " ".join(text.split())
    if not cleaned:
        return None
    found = _STAMP.fullmatch(cleaned)
    try:
        if not found:
            raise ValueError
        day = _date(found["date"])
        hour, minute, second = int(found["h"] or 0), int(found["m"] or 0), int(found["s"] or 0)
        ampm = (found["ampm"] or "").replace(".", "").casefold()
        if ampm:
            if not 1 <= hour <= 12:
                raise ValueError
            hour = hour % 12 + (12 if ampm == "pm" else 0)
        moment = dt.datetime.combine(day, dt.time(hour, minute, second))
    except ValueError:
        shown = f"“{cleaned}” " if len(cleaned) <= 40 else ""
        raise ValidationError(
            f"the time {shown}is not a date and time; it should look like 2027-03-01 10:15"
        ) from None
    zone = _zone(found["zone"] or "")
    aware = moment.replace(tzinfo=zone) if zone else moment.astimezone()
    return aware.astimezone(dt.UTC).replace(tzinfo=None)
