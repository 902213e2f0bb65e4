"""The languages printed papers are kept in besides English: how a language is named, and
which are offered first."""

from __future__ import annotations

from organiser.core.errors import ValidationError

# Offered first when adding a version: the UK's most spoken community languages after English.
SUGGESTED = (
    "Arabic",
    "Bengali",
    "Farsi",
    "Gujarati",
    "Hindi",
    "Lithuanian",
    "Polish",
    "Portuguese",
    "Punjabi",
    "Romanian",
    "Somali",
    "Tamil",
    "Turkish",
    "Ukrainian",
    "Urdu",
)
LANGUAGE_LIMIT = 60


def language_name(language: str, *, english_is: str) -> str:
    """A language's name as typed, tidied ("polish" → "Polish"); English is refused with
    `english_is` (what the English version already is)."""
    name = " ".join(language.split())
    if not name:
        raise ValidationError("Say which language, such as Arabic or Polish.", field="language")
    if len(name) > LANGUAGE_LIMIT:
        raise ValidationError(
            f"A language's name is at most {LANGUAGE_LIMIT} characters.", field="language"
        )
    if name.lower() == "english":
        raise ValidationError(english_is, field="language")
    return name[0].upper() + name[1:]
