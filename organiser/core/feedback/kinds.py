"""Question kinds, the standard questions and their answer scales: plain names the UI may import.

The overall question and its scale are the NHS Friends and Family Test's wording.
"""

from __future__ import annotations

import enum


class Kind(enum.StrEnum):
    """What sort of answer a question takes."""

    RATING = "Rating"  # one point on a fixed scale
    SINGLE = "Single choice"
    MULTIPLE = "Multiple choice"
    TEXT = "Free text"


class QuoteConsent(enum.StrEnum):
    """Whether an answer may be quoted, and how the person is named."""

    ANONYMOUS = "Yes, anonymously"
    FIRST_NAME = "Yes, with my first name"
    NO = "No"


FFT_QUESTION = "Overall, how was your experience of our service?"
FFT_SCALE = ("Very good", "Good", "Neither good nor poor", "Poor", "Very poor", "Don't know")
FFT_POSITIVE = ("Very good", "Good")
REGULAR = ("Yes", "Maybe", "No")
YES_NO = ("Yes", "No")
STARTER_THEMES = (
    "Relaxing",
    "Childcare",
    "Information",
    "Refreshments",
    "Social connection",
    "More sessions",
)


class Standard(enum.StrEnum):
    """The questions every form starts with, by a stable key (custom questions have none)."""

    FFT = "fft"
    ENJOYED = "enjoyed"
    BETTER = "better"
    SERVICES = "services"
    REGULAR = "regular"
    HEARD = "heard"
    QUOTE = "quote"
    CONTACT_CONSENT = "contact_consent"
    CONTACT = "contact"
    FIRST_NAME = "first_name"
