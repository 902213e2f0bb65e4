"""The live accessibility checklist beside the preview: each item passes or says what to change.

Contrast by the WCAG formula (AA 4.5:1, 3:1 for large text); clear print (body 12 pt at least,
14 pt recommended, 16 pt for large print; no italics or long runs of capitals; left-aligned; no
text over an image); the essentials present; very long sentences; text that does not fit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from organiser.core.flyer.contrast import AA_LARGE, AA_NORMAL, is_large, ratio
from organiser.core.flyer.documents import FlyerSheet
from organiser.core.flyer.kinds import LABELS, MIN_BODY, Alignment, Placement, Template

RECOMMENDED_BODY = 14
LONG_SENTENCE = 25  # words
_CAPS_RUN = re.compile(r"\b[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+){2,}\b")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")

PASS, ADVICE, FAIL = "pass", "advice", "fail"


@dataclass(frozen=True)
class CheckItem:
    key: str
    state: str  # pass, advice or fail
    text: str

    @property
    def ok(self) -> bool:
        return self.state != FAIL


def field_texts(sheet: FlyerSheet) -> dict[str, str]:
    return {
        "title": sheet.title,
        "strapline": sheet.strapline,
        "when_text": sheet.when_text,
        "venue_text": sheet.venue_text,
        "expect": "\n".join(sheet.expect),
        "hear_from": "\n".join(sheet.hear_from),
        "creche_text": sheet.creche_text,
        "refreshments_text": sheet.refreshments_text,
        "cost_text": sheet.cost_text,
        "access_text": sheet.access_text,
        "booking_text": sheet.booking_text,
        "credit_line": sheet.credit_line,
    }


def _contrast(key: str, what: str, fore: str, back: str, size: float, *, bold: bool) -> CheckItem:
    value = ratio(fore, back)
    needed = AA_LARGE if is_large(size, bold=bold) else AA_NORMAL
    # Two decimals, so 4.48:1 never reads as the 4.5:1 it fails to reach.
    shown = f"{value:.2f}".rstrip("0").rstrip(".") + ":1"
    if value >= needed:
        return CheckItem(key, PASS, f"{what} contrast {shown} (needs {needed:g}:1)")
    return CheckItem(
        key,
        FAIL,
        f"{what} contrast is only {shown}; it needs {needed:g}:1. Darken the text or lighten "
        "the background.",
    )


def check(
    sheet: FlyerSheet,
    overflow: Sequence[str] = (),
    unprintable: Sequence[tuple[str, str]] = (),
) -> list[CheckItem]:
    """Every checklist item for this flyer, in the order a designer would look (`overflow`
    and `unprintable` as the rendered flyer found them)."""
    items = [
        _contrast(
            "contrast_text",
            "Body text",
            sheet.text_colour,
            sheet.background_colour,
            smallest_text_size(sheet),
            bold=False,
        ),
        _contrast(
            "contrast_heading",
            "Title",
            sheet.accent_colour,
            sheet.background_colour,
            sheet.heading_size,
            bold=True,
        ),
        _sizes(sheet),
        CheckItem("italics", PASS, "No italics: Organiser's flyers never use them"),
        _capitals(sheet),
        (
            CheckItem("alignment", PASS, "Body text is left-aligned")
            if sheet.alignment == Alignment.LEFT.value
            else CheckItem("alignment", FAIL, "Centred body text is hard to follow: align it left.")
        ),
        (
            CheckItem(
                "image_text",
                FAIL,
                "Text is printed over the image: place the image across the top or bottom.",
            )
            if sheet.image is not None and sheet.image_placement == Placement.BEHIND.value
            else CheckItem("image_text", PASS, "No text over the image")
        ),
        _essentials(sheet),
        _sentences(sheet),
    ]
    if overflow:
        names = ", ".join(LABELS.get(k, k).lower() for k in overflow)
        items.append(
            CheckItem(
                "overflow",
                FAIL,
                f"Does not fit on the page: {names}. Shorten it, use a smaller size or "
                "another template.",
            )
        )
    else:
        items.append(CheckItem("overflow", PASS, "Everything fits on the page"))
    items.append(_letters(unprintable))
    return items


def _letters(unprintable: Sequence[tuple[str, str]]) -> CheckItem:
    if not unprintable:
        return CheckItem("letters", PASS, "Every letter prints")
    where = "; ".join(f"{what} in the {LABELS.get(key, key).lower()}" for key, what in unprintable)
    return CheckItem(
        "letters",
        FAIL,
        f"Cannot be printed (each shows as an empty box): {where}. Use words instead.",
    )


def printed_body_size(sheet: FlyerSheet) -> int:
    """The body size that prints: large print never goes below its 16 pt."""
    if sheet.template == Template.LARGE_PRINT.value:
        return max(sheet.body_size, MIN_BODY[Template.LARGE_PRINT])
    return sheet.body_size


def smallest_text_size(sheet: FlyerSheet) -> float:
    """The smallest text in the text colour: the credit line prints 2 pt under the body (never
    under 12 pt), except in large print. Contrast is judged at this size."""
    body = printed_body_size(sheet)
    if sheet.template == Template.LARGE_PRINT.value or not sheet.credit_line.strip():
        return body
    return min(body, max(12.0, body - 2))


def _sizes(sheet: FlyerSheet) -> CheckItem:
    least = MIN_BODY[Template(sheet.template)]
    if sheet.template == Template.LARGE_PRINT.value and sheet.body_size < least:
        return CheckItem(
            "size",
            ADVICE,
            f"Large print sets body text to {least} pt (the theme says {sheet.body_size} pt).",
        )
    if sheet.body_size < least:
        kind = "large print" if sheet.template == Template.LARGE_PRINT.value else "clear print"
        return CheckItem(
            "size", FAIL, f"Body text is {sheet.body_size} pt; {kind} needs at least {least} pt."
        )
    if sheet.body_size < RECOMMENDED_BODY:
        return CheckItem(
            "size",
            ADVICE,
            f"Body text is {sheet.body_size} pt: the minimum is met, {RECOMMENDED_BODY} pt is "
            "recommended.",
        )
    return CheckItem("size", PASS, f"Body text is {sheet.body_size} pt")


def _capitals(sheet: FlyerSheet) -> CheckItem:
    shouting = [
        LABELS[k].lower() for k, text in field_texts(sheet).items() if _CAPS_RUN.search(text)
    ]
    if shouting:
        return CheckItem(
            "capitals",
            FAIL,
            "Blocks of capitals are hard to read (" + ", ".join(shouting) + "): use normal case.",
        )
    return CheckItem("capitals", PASS, "No long runs of capitals")


def missing_essentials(sheet: FlyerSheet) -> list[str]:
    """What a reader needs and the flyer does not say, in the checklist's words ('cost', …)."""
    needed = {
        "what it is (title)": sheet.title,
        "when": sheet.when_text,
        "where": sheet.venue_text,
        "cost": sheet.cost_text,
        "how to book": sheet.booking_text or sheet.booking_link,
        "access": sheet.access_text,
    }
    return [name for name, text in needed.items() if not text.strip()]


def essentials_warning(sheet: FlyerSheet) -> str:
    """One sentence on the missing essentials, said before the flyer is exported or printed
    ('' when nothing is missing)."""
    missing = missing_essentials(sheet)
    if not missing:
        return ""
    listed = " and ".join([", ".join(missing[:-1]), missing[-1]] if len(missing) > 1 else missing)
    return f"The flyer does not say everything people need to know. Missing: {listed}."


def _essentials(sheet: FlyerSheet) -> CheckItem:
    missing = missing_essentials(sheet)
    if missing:
        return CheckItem("essentials", FAIL, "Missing: " + ", ".join(missing) + ".")
    return CheckItem(
        "essentials", PASS, "What, when, where, cost, booking and access are all there"
    )


def _sentences(sheet: FlyerSheet) -> CheckItem:
    long_ones = []
    for key, text in field_texts(sheet).items():
        for line in text.splitlines():
            for sentence in _SENTENCE.split(line):
                if len(sentence.split()) > LONG_SENTENCE:
                    long_ones.append(LABELS[key].lower())
                    break
    if long_ones:
        where = ", ".join(dict.fromkeys(long_ones))
        return CheckItem(
            "plain",
            ADVICE,
            f"A sentence of more than {LONG_SENTENCE} words ({where}): split it for easier "
            "reading.",
        )
    return CheckItem("plain", PASS, "Sentences are short")


def language_items(language: str, untranslated: Sequence[str], checked_by: str) -> list[CheckItem]:
    """What the checklist adds for a language version: fields still in English, and whether
    a member who reads the language has checked it."""
    if untranslated:
        names = ", ".join(LABELS[key].lower() for key in untranslated)
        words = CheckItem(
            "translated",
            ADVICE,
            f"Not yet in {language}, so printed in English: {names}.",
        )
    else:
        words = CheckItem("translated", PASS, f"Every field is in {language}")
    if checked_by:
        check_item = CheckItem("checked", PASS, f"The {language} was checked by {checked_by}")
    else:
        check_item = CheckItem(
            "checked",
            ADVICE,
            f"Not yet checked: ask a member who reads {language} to check it before it prints.",
        )
    return [words, check_item]
