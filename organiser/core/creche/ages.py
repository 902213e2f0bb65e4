"""A child's age at the event date, in whole months and in words."""

from __future__ import annotations

import datetime as dt


def months_between(born: dt.date, on: dt.date) -> int:
    """Whole months from birth to a date (a child born on 29 February turns a year older on
    1 March in a common year, as UK law counts it)."""
    months = (on.year - born.year) * 12 + (on.month - born.month)
    if on.day < born.day:
        months -= 1
    return months


def age_months(
    date_of_birth: dt.date | None, stated_months: int | None, on: dt.date | None
) -> int | None:
    """Age at the event date from the date of birth, else the age given in months."""
    if date_of_birth is not None and on is not None:
        return months_between(date_of_birth, on)
    return stated_months


def age_words(months: int | None) -> str:
    """ "1 year 4 months", "9 months", "not known"."""
    if months is None:
        return "age not known"
    if months < 0:
        return "not born yet"
    years, rest = divmod(months, 12)
    if years == 0:
        return f"{rest} month{'s' if rest != 1 else ''}"
    text = f"{years} year{'s' if years != 1 else ''}"
    if rest and years < 3:
        text += f" {rest} month{'s' if rest != 1 else ''}"
    return text
