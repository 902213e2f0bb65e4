"""The specialist words the screens use, each with a plain explanation: one list, read by the
glossary page of the help window and by the tooltips on the labels, buttons, lists and column
headings that show the words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Term:
    """A word as the glossary lists it, its plain meaning, and how it is found on screen."""

    key: str  # its anchor on the glossary page
    word: str
    meaning: str
    pattern: str  # a regular expression (case-insensitive) for the word as screens show it


TERMS: tuple[Term, ...] = (
    Term(
        "coproduction",
        "Co-production",
        "Planning and running something together with the people it is for, as equals: "
        "people with lived experience share the decisions from the start, not only give "
        "their views. It is also the top rung of the co-production ladder.",
        r"\bco-?production\b(?! ladder)",
    ),
    Term(
        "ladder",
        "Co-production ladder",
        "A ladder of seven steps, from Think Local Act Personal, that shows how much say "
        "people had: Coercion, Educating, Informing, Consultation, Engagement, Co-design, "
        "Co-production. Steps 1–2 are “doing to” people, 3–5 “doing for”, 6–7 “doing with”.",
        r"\bladder\b",
    ),
    Term(
        "rung",
        "Rung",
        "One step of the co-production ladder. For each part of the event (the idea, the "
        "speakers, the flyer…) you record the rung it reached, from Coercion (lowest) to "
        "Co-production (highest).",
        r"\brungs?\b",
    ),
    Term(
        "doing",
        "Doing to, doing for, doing with",
        "The three groups of rungs on the co-production ladder. Doing to: decided for people, "
        "without them. Doing for: people were told or asked, but others decided. Doing with: "
        "people with lived experience shared the decisions.",
        r"\bdoing (?:to|for|with)\b",
    ),
    Term(
        "tlap",
        "Think Local Act Personal (TLAP)",
        "A national partnership in England working for better care and support, led with "
        "the people who use it. The co-production ladder used here is theirs.",
        r"\bthink local,? act personal\b|\bTLAP\b",
    ),
    Term(
        "lived",
        "Lived experience",
        "Knowing something from your own life rather than from a job: here, usually a parent "
        "or carer who has been through what the event is about.",
        r"\blived[- ]experience\b",
    ),
    Term(
        "working-group",
        "Working group",
        "The people who plan the event together: a parent or carer with lived experience, "
        "professionals and the engagement team. Add them on Planning ▸ Working group.",
        r"\bworking[- ]group\b",
    ),
    Term(
        "creche",
        "Creche",
        "Childcare at the event, in a room nearby, so parents can take part while trained "
        "staff look after their children. The Creche tab keeps its bookings, staff and "
        "register.",
        r"\bcr[eè]che\b",
    ),
    Term(
        "ratio",
        "Staff:child ratio",
        "How many children one member of staff may look after at once: 1:3 means one adult "
        "for every three children. Organiser checks the creche staff against the ratio "
        "rules for the children's ages on the day of the event.",
        r"\bratios?\b",
    ),
    Term(
        "eyfs",
        "EYFS (Early Years Foundation Stage)",
        "The rules in England for looking after children under five. Its ratios for group "
        "settings: under 2, one adult to 3 children; aged 2, one to 5; 3 and over, one to 8, "
        "or one to 13 while someone with a level 6 qualification works with the children.",
        r"\bEYFS\b|\bearly years foundation stage\b",
    ),
    Term(
        "level6",
        "Level 6",
        "An early-years qualification at degree level: Qualified Teacher Status (QTS), Early "
        "Years Teacher Status (EYTS) or Early Years Professional Status (EYPS). While such a "
        "person works directly with the children, children of 3 and over may be 1:13 "
        "instead of 1:8. (It is not a rung of the co-production ladder.)",
        r"\blevel 6\b",
    ),
    Term(
        "dbs",
        "DBS check",
        "A check by the Disclosure and Barring Service of a person's criminal record, needed "
        "for anyone working with children. Record the date of each creche staff member's "
        "check.",
        r"\bDBS\b",
    ),
    Term(
        "first-aid",
        "Paediatric first aid",
        "First aid for babies and young children. A certificate lasts three years; record "
        "the date each creche staff member's runs out.",
        r"\bfirst aid\b",
    ),
    Term(
        "ofsted",
        "Ofsted",
        "The body that inspects and registers childcare in England. Care for under two hours "
        "a day does not need registering, so Organiser warns when a creche session reaches "
        "two hours.",
        r"\bOfsted\b",
    ),
    Term(
        "retention",
        "Retention date",
        "The date until which personal data (names, contact details, children's allergies and "
        "medical notes) is kept. After it, remove the data on Creche ▸ Privacy; the counts "
        "stay for the report. With no date set, it is 30 days after the event.",
        r"\bretention\b|\bkeep personal data until\b",
    ),
    Term(
        "anonymise",
        "Anonymise",
        "Remove names and other personal details but keep the numbers (how many booked and "
        "came, age bands), so the report still adds up.",
        r"\banonymi[sz]",
    ),
    Term(
        "fft",
        "Friends and Family Test (FFT)",
        "The NHS's standard feedback question: “Overall, how was your experience of our "
        "service?”, answered Very good, Good, Neither good nor poor, Poor, Very poor or Don't "
        "know. Its score is the share of people who said Very good or Good.",
        r"\bFFT\b|\bfriends and family\b",
    ),
    Term(
        "contrast",
        "Contrast (WCAG)",
        "How much text stands out from its background, as a ratio from 1:1 (none) to 21:1 "
        "(black on white). The Web Content Accessibility Guidelines (WCAG) ask for at least "
        "4.5:1 for normal text and 3:1 for large text (18 pt, or 14 pt bold).",
        r"\bcontrast\b|\bWCAG\b",
    ),
    Term(
        "large-print",
        "Clear print and large print",
        "Clear print is the RNIB's guidance for text people can read easily: body text at "
        "least 12 pt (14 pt is better), no italics, no blocks of capitals, left-aligned, no "
        "text over pictures. Large print is a version for people with low vision, with text "
        "at least 16 pt.",
        r"\b(?:large|clear) print\b",
    ),
    Term(
        "sign-off",
        "Sign-off",
        "A working-group member's answer on a saved version of the flyer: they approve it, or "
        "ask for changes first. A version is ready to print when everyone has approved it.",
        r"\bsign(?:ed|s)?[- ]off\b|\bsign it off\b",
    ),
    Term(
        "if-need-be",
        "If need be",
        "An answer in an availability poll: “I can come, but it is not easy for me.” Options "
        "with no “no” and the most “yes” answers come first.",
        r"\bif need be\b",
    ),
    Term(
        "quote-bank",
        "Quote bank",
        "Free-text feedback answers starred for reports. Each shows what its writer agreed "
        "to, so only quotes people agreed to share are printed.",
        r"\bquote bank\b",
    ),
)

SHOWN_AT_MOST = 3  # a tooltip explains at most this many words, so it stays short


@cache
def _finder() -> re.Pattern[str]:
    parts = (f"(?P<t{n}>{term.pattern})" for n, term in enumerate(TERMS))
    return re.compile("|".join(parts), re.IGNORECASE)


def terms_in(text: str) -> list[Term]:
    """The glossary's words found in a piece of screen text, in the order they appear."""
    found: list[Term] = []
    for match in _finder().finditer(text.replace("&", "")):
        term = TERMS[int(str(match.lastgroup)[1:])]
        if term not in found:
            found.append(term)
    return found


def tip_for(text: str) -> str:
    """The tooltip explaining the specialist words in a text ("" when it has none)."""
    return "\n\n".join(f"{t.word}: {t.meaning}" for t in terms_in(text)[:SHOWN_AT_MOST])


def term(key: str) -> Term:
    """The term with this key."""
    return next(t for t in TERMS if t.key == key)
