"""How each cell of a booking export is understood: counts, statuses, yes/no answers, dates,
check-ins, and a free-text creche answer ("Yes – 2 and 4") read as the children it asks for.

Messages name what was wrong and how to fix it, and quote a value only when it cannot be
personal (organiser.core.import_plans.shown); otherwise they name the column it is in.
"""

from __future__ import annotations

import datetime as dt
import re

from organiser.core.creche.kinds import BookingStatus
from organiser.core.errors import ValidationError
from organiser.core.import_plans import shown
from organiser.core.parsing import parse_date

_STATUSES = {
    BookingStatus.BOOKED.value: (
        "attending",
        "booked",
        "confirmed",
        "registered",
        "going",
        "valid",  # Ticket Tailor: an issued ticket
        "issued",
        "active",
        "completed",
        "complete",
        "paid",
    ),
    BookingStatus.ATTENDED.value: ("checked in", "attended", "present", "arrived"),
    BookingStatus.CANCELLED.value: (
        "not attending",
        "cancelled",
        "canceled",
        "refunded",
        "deleted",
        "transferred",
        "declined",
        "void",  # Ticket Tailor: a voided ticket
        "voided",
    ),
    BookingStatus.WAITING.value: ("waiting list", "waitlist", "wait list", "waitlisted"),
    BookingStatus.NO_SHOW.value: ("no show", "did not attend", "absent"),
}
STATUS_OF = {word: status for status, words in _STATUSES.items() for word in words}
_YES = {"yes", "y", "true", "1", "x", "agree", "agreed", "ok", "okay", "consent", "consented"}
_NO = {
    "no",
    "n",
    "false",
    "0",
    "not",
    "don't",
    "dont",
    "don",
    "never",
    "decline",
    "declined",
    "out",
}
# Answers to a free-text question that mean "nothing to say" (normalised).
NOTHING = {
    "",
    "none",
    "no",
    "n a",
    "na",
    "nil",
    "nothing",
    "none needed",
    "none required",
    "not needed",
    "not applicable",
    "no thanks",
    "no thank you",
    "none thanks",
    "none thank you",
    "not required",
    "no needs",
    "n",
}
_CHILD_TICKETS = ("child", "creche", "kid", "baby", "toddler", "infant")
_WHOLE = re.compile(r"\d+(?:\.0+)?")
_DIGIT = re.compile(r"\d")
_DATE_SHAPE = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}")
_MONTH_NAMES = (
    "january february march april may june july august september october november december"
)
_MONTHS = {  # "january" and "jan" → 1, …
    name[:length]: number
    for number, name in enumerate(_MONTH_NAMES.split(), start=1)
    for length in (3, len(name))
}
_MONTHS["sept"] = 9
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
# "14 January 2027", "14 Jan, 2027"; "Jan 14, 2027", "January 14 2027"
_DAY_MONTH = re.compile(rf"{_DAY}\s+([a-z]+)\.?,?\s+(\d{{4}})")
_MONTH_DAY = re.compile(rf"([a-z]+)\.?\s+{_DAY},?\s+(\d{{4}})")
_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "a": 1,
    "an": 1,
    "single": 1,
    "twins": 2,
}
_CHILD_NOUNS = (
    r"child|children|kids?|bab(?:y|ies)|toddlers?|infants?|little ones?|sons?|daughters?|"
    r"boys?|girls?|places?"
)
_COUNT_WORD = r"(\d+|one|two|three|four|five|six|a|an|single)"
_COUNTED = re.compile(rf"\b{_COUNT_WORD}\s+(?:{_CHILD_NOUNS})\b")  # "1 child (18 months)"
_EACH_AGED = re.compile(rf"\b{_COUNT_WORD}\s+aged?\b")  # "one aged 3 and one aged 5"
_TIMES = re.compile(r"\bx\s*(\d+)\b|\b(\d+)\s*x\b")  # "yes x2"
_LEADING = re.compile(r"^(?:yes\W*)?(\d+)\s*[(:]")  # "2 (3 and 5)", "Yes: 2: ages 3, 5"
_WORD = re.compile(r"\b(one|two|three|four|five|six)\b")
_AGE = re.compile(r"\d+(?:[.,]5)?(?:\s*(?:1/2|½))?")
_YES_WORDS = ("yes", "y", "yeah", "yep", "please", "yes please", "definitely", "sure")


def normalise(name: str) -> str:
    """A column name or answer compared loosely: case-blind, crèche = creche, no punctuation."""
    folded = name.casefold().replace("è", "e").replace("é", "e")
    return " ".join(re.sub(r"[^\w#']+", " ", folded).split())


def _said(
    what: str,
    value: str,
    column: str,
    *,
    inside: str | None = None,
    alone: str | None = None,
    about: str = "",
) -> str:
    """ "the quantity “two”", or, for a value that may say who someone is, "the quantity in
    “Quantity”" (the column named instead, as `inside` when given), or with no column `alone`."""
    quoted = shown(value)
    if quoted is not None:
        return f"the {what} {quoted}{about}"
    if column:
        return f"the {inside or what} in “{column}”"
    return alone or f"the {what}{about}"


def whole_number(value: str, what: str, *, blank: int, column: str = "") -> int:
    """A count such as a quantity; `blank` when the cell is empty."""
    text = value.strip()
    if not text:
        return blank
    if text.startswith("-") and _WHOLE.fullmatch(text[1:]):
        raise ValidationError(f"{_said(what, text, column)} cannot be negative")
    if not _WHOLE.fullmatch(text):
        raise ValidationError(
            f"{_said(what, text, column)} is not a whole number; write it in figures, such as 2"
        )
    return int(float(text))


def is_count(value: str) -> bool:
    """A cell that reads as a count (a negative one is a count with a slip in it)."""
    return bool(_WHOLE.fullmatch(value.strip().removeprefix("-")))


def status(value: str, column: str = "") -> str:
    """A booking status from an attendee status ("Checked In" → Attended); blank is Booked."""
    text = normalise(value.replace("-", " "))
    if not text:
        return BookingStatus.BOOKED.value
    if text in STATUS_OF:
        return STATUS_OF[text]
    raise ValidationError(
        f"{_said('attendee status', value, column)} is not one we know; use Attending, "
        "Checked In, Not Attending, Cancelled, Refunded or Waiting list"
    )


def consent(value: str, column: str = "") -> bool:
    """Yes or no to future contact, from answers such as "Yes please" or "I do not agree"."""
    text = normalise(value)
    words = set(text.split())
    if not text or words & _NO:
        return False
    if words & _YES or "opt in" in text or "happy to" in text:
        return True
    said = _said("answer", value, column, about=" about future contact")
    raise ValidationError(f"{said} is not yes or no; write Yes or No")


def checked_in(value: str, column: str = "") -> bool:
    """Whether a check-in cell says they came: Yes, true, or the time they were checked in."""
    text = normalise(value.replace("-", " "))
    if not text or text in {"no", "n", "false", "0", "not checked in", "none"}:
        return False
    if text in {"yes", "y", "true", "1", "x", "checked in", "attended"} or _DIGIT.search(text):
        return True
    said = _said("check-in", value, column, inside="value")
    raise ValidationError(f"{said} is not yes, no or a time; write Yes or No")


def _month_named(text: str) -> tuple[str, int, int, int] | None:
    """A date with its month in words at the start of `text` ("Feb 30, 2027 10:22 AM",
    "30 February 2027"): the words, and its day, month and year (not checked)."""
    words = " ".join(text.split()[:3])
    low = words.casefold()
    for pattern, day, month in ((_DAY_MONTH, 1, 2), (_MONTH_DAY, 2, 1)):
        found = pattern.fullmatch(low)
        if found and found.group(month) in _MONTHS:
            return words, int(found.group(day)), _MONTHS[found.group(month)], int(found.group(3))
    return None


def when(value: str, column: str = "") -> dt.date | None:
    """The date part of an order date such as 2027-01-14 10:22:31, 14/01/2027 10:22 or
    Jan 14, 2027 10:22 AM. A date in one of these shapes that is not in the calendar
    (31/02/2027, Feb 30, 2027) is said so, quoted: a date's shape is not personal."""
    text = " ".join(value.split())
    if not text:
        return None
    first = re.split(r"[ T]", text, maxsplit=1)[0]
    named = None if _DATE_SHAPE.fullmatch(first) else _month_named(text)
    try:
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", first):
            return dt.date.fromisoformat("-".join(p.zfill(2) for p in first.split("-")))
        if _DATE_SHAPE.fullmatch(first):
            return parse_date(first)
        if named is not None:
            _words, day, month, year = named
            return dt.date(year, month, day)
    except (ValueError, ValidationError):
        words = first if named is None else named[0]
        raise ValidationError(
            f"the date “{words}” is not a date in the calendar; check the day and the month"
        ) from None
    said = _said("date", text, column, inside="value", alone="the value")
    raise ValidationError(f"{said} is not a date; write it as day/month/year, such as 14/01/2027")


def is_child_ticket(ticket_type: str) -> bool:
    """A ticket for a child (its quantity counts as children needing the creche)."""
    text = normalise(ticket_type)
    return any(word in text for word in _CHILD_TICKETS)


def free_text(value: str) -> str:
    """A free-text answer, or blank when it says there is nothing ("None", "N/A", "-")."""
    text = value.strip()
    return "" if normalise(text) in NOTHING else text


def creche_answer(value: str) -> tuple[int, bool]:
    """How many children a yes/no creche answer asks a place for, and whether to keep the
    answer in the booking's notes (it says more than a plain yes or no).

    "Yes – 2 and 4" → 2 (their ages); "Yes, one aged 3" or "yes - 1 child (18 months)" → 1;
    "Yes" → 1; "No", "n/a" or blank → 0. An answer not understood counts as none and is kept.
    """
    text = normalise(value)
    if text in NOTHING or text.split()[0] in {"no", "none", "nope", "not", "0"}:
        return 0, False
    if text in _YES_WORDS:
        return 1, False
    low = " ".join(value.casefold().split())
    counted = [_number(m.group(1)) for m in _COUNTED.finditer(low)]
    each = sum(_number(m.group(1)) for m in _EACH_AGED.finditer(low))
    if counted or each:
        return max([each, *counted]), True
    for pattern in (_TIMES, _LEADING):
        found = pattern.search(low)
        if found:
            return int(next(g for g in found.groups() if g)), True
    words = set(text.split())
    if "twins" in words:
        return 2, True
    ages = _AGE.findall(_WORD.sub(lambda m: str(_NUMBER_WORDS[m.group(1)]), low))
    if ages:
        return len(ages), True
    if words & {"yes", "yeah", "yep", "please"} or re.search(rf"\b({_CHILD_NOUNS})\b", text):
        return 1, True
    return 0, True


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]
