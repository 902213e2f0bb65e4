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
# What a PDF says it is written in (its /Lang), so a screen reader reads it in the right voice.
CODES = {
    "Arabic": "ar",
    "Bengali": "bn",
    "Chinese": "zh",
    "Farsi": "fa",
    "French": "fr",
    "Gujarati": "gu",
    "Hindi": "hi",
    "Lithuanian": "lt",
    "Polish": "pl",
    "Portuguese": "pt",
    "Punjabi": "pa",
    "Romanian": "ro",
    "Somali": "so",
    "Spanish": "es",
    "Tamil": "ta",
    "Turkish": "tr",
    "Ukrainian": "uk",
    "Urdu": "ur",
    "Welsh": "cy",
}


def language_code(name: str) -> str:
    """A language's code for a document's metadata: "en-GB" for English (""), "und"
    (undetermined) for one this list does not know."""
    if not name:
        return "en-GB"
    return CODES.get(name.strip().title(), "und")


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
