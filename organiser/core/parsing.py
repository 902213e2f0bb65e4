"""Read what a person types (dates, times, whole numbers, names) or say plainly why not."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from organiser.core.errors import ValidationError

_DATE_FORMATS = ("%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%d %B %Y", "%d %b %Y")
_TIME = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$", re.IGNORECASE)


def name_key(name: str) -> str:
    """Compare names as a person would: NFC, case-folded, single spaces."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


_BASE_LETTERS = str.maketrans({"ł": "l", "đ": "d", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss"})


def sort_key(name: str) -> str:
    """Alphabetical as a person expects: Łucja beside Lucy, Zoë beside Zoe."""
    folded = name.casefold()
    if folded.isascii():  # most names: no accents to strip (a directory of 10,000 sorts fast)
        return folded
    folded = unicodedata.normalize("NFKD", folded.translate(_BASE_LETTERS))
    return "".join(c for c in folded if not unicodedata.combining(c))


def parse_date(text: str, *, field: str | None = None) -> dt.date | None:
    """A date such as 14/03/2027 or 2027-03-14; blank means no date yet."""
    cleaned = " ".join(text.split())
    if not cleaned:
        return None
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    if re.fullmatch(r"\d{1,2}/\d{1,2}/\d{2,4}", cleaned):
        raise ValidationError(f"{cleaned} is not a date in the calendar.", field=field)
    raise ValidationError(
        f"“{cleaned}” is not a date; write it as day/month/year, for example 14/03/2027.",
        field=field,
    )


def format_date(value: dt.date | None) -> str:
    """A date as dd/mm/yyyy (blank for none)."""
    return value.strftime("%d/%m/%Y") if value else ""


def local_moment(moment: dt.datetime) -> dt.datetime:
    """A stored time (UTC, without a zone) on this computer's clock, with its zone."""
    return moment.replace(tzinfo=dt.UTC).astimezone()


def local_date(moment: dt.datetime) -> dt.date:
    """The day a stored time fell on here: 23:30 UTC on 30 June is 1 July in a British
    summer."""
    return local_moment(moment).date()


def long_date(value: dt.date | None) -> str:
    """A date as 'Saturday 14 March 2027'."""
    return f"{value:%A} {value.day} {value:%B %Y}" if value else "Date to be set"


def parse_time(text: str, *, field: str | None = None) -> dt.time | None:
    """A time such as 9:30, 09.30, 14:00 or 2pm; blank means not set."""
    cleaned = text.strip().replace(" ", "")
    if not cleaned:
        return None
    match = _TIME.match(cleaned)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        suffix = (match.group(3) or "").lower()
        if suffix:
            if not 1 <= hour <= 12:
                hour = 99
            elif suffix == "pm" and hour != 12:
                hour += 12
            elif suffix == "am" and hour == 12:
                hour = 0
        if 0 <= hour <= 23 and 0 <= minute <= 59:
            return dt.time(hour, minute)
    raise ValidationError(
        f"“{text.strip()}” is not a time; write it as hours:minutes, for example 09:30.",
        field=field,
    )


def format_time(value: dt.time | None) -> str:
    """A time as 09:30 (blank for none)."""
    return value.strftime("%H:%M") if value else ""


def parse_whole_number(
    text: str, *, field: str | None = None, what: str = "This", minimum: int = 1
) -> int | None:
    """A positive whole number such as a capacity; blank means not set."""
    cleaned = text.strip().replace(",", "")
    if not cleaned:
        return None
    if not re.fullmatch(r"-?\d+", cleaned):
        raise ValidationError(f"{what} must be a whole number, for example 30.", field=field)
    value = int(cleaned)
    if value < minimum:
        raise ValidationError(
            f"{what} must be {minimum} or more." if minimum else f"{what} cannot be negative.",
            field=field,
        )
    return value


def minutes_between(start: dt.time, end: dt.time) -> int:
    """Minutes from start to end on the same day."""
    return (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)


def format_minutes(total: int) -> str:
    """90 → '1 h 30 min'."""
    hours, minutes = divmod(max(total, 0), 60)
    if hours and minutes:
        return f"{hours} h {minutes} min"
    return f"{hours} h" if hours else f"{minutes} min"
