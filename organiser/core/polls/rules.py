"""Poll answers, access needs against a venue, and the ranking of options (pure)."""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from organiser.core.parsing import format_time


class Answer(enum.StrEnum):
    """Can a member make this option?"""

    YES = "yes"
    IF_NEED_BE = "if need be"
    NO = "no"


SYMBOLS = {Answer.YES: "✓", Answer.IF_NEED_BE: "~", Answer.NO: "✗"}
KEYS = {"y": Answer.YES, "i": Answer.IF_NEED_BE, "n": Answer.NO}
CYCLE: tuple[Answer | None, ...] = (Answer.YES, Answer.IF_NEED_BE, Answer.NO, None)

# A member's access needs and availability notes, read for words that need a venue feature.
NEEDS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "step_free",
        "step-free access",
        (
            "wheelchair",
            "step-free",
            "step free",
            "stairs",
            "steps",
            "mobility",
            "walking frame",
            "rollator",
            "crutches",
            "scooter",
            "lift",
            "power chair",
            "pushchair",
            "buggy",
        ),
    ),
    ("accessible_toilet", "an accessible toilet", ("accessible toilet", "disabled toilet")),
    ("parking", "parking", ("parking", "blue badge", "drives to", "by car")),
    (
        "baby_change",
        "baby change",
        (
            "baby change",
            "nappy",
            "nappies",
            "brings baby",
            "brings her baby",
            "brings his baby",
            "brings their baby",
            "with baby",
            "baby to",
        ),
    ),
    ("creche_room", "a creche", ("creche", "childcare")),
)
FEATURE_LABELS = {key: label for key, label, _ in NEEDS}


# "No parking needed", "fine with stairs": a need said not to be one, within its own clause.
_NOT = r"\b(?:no|not|without|fine with|ok with|okay with|don't need|doesn't need|never)\b"


def _asked(keyword: str, clause: str) -> bool:
    found = re.search(rf"\b{re.escape(keyword)}\b", clause)
    if found is None:
        return False
    before = clause[: found.start()]
    after = clause[found.end() :]
    return not (re.search(_NOT, before) or re.match(r"\s*(?:not needed|is fine|are fine)", after))


def needed_features(*texts: str) -> set[str]:
    """The venue features a member's notes ask for ('uses a wheelchair' → step_free)."""
    clauses = re.split(r"[.;,\n]|\bbut\b", " ".join(texts).casefold().replace("’", "'"))
    found = set()
    for key, _label, keywords in NEEDS:
        if any(_asked(k, clause) for clause in clauses for k in keywords):
            found.add(key)
    return found


def missing_features(needs: set[str], venue: Mapping[str, bool]) -> list[str]:
    """What the venue lacks for these needs, in words."""
    return [FEATURE_LABELS[key] for key, *_ in NEEDS if key in needs and not venue.get(key)]


def next_answer(current: Answer | None) -> Answer | None:
    """Space cycles yes → if need be → no → not answered → yes."""
    return CYCLE[(CYCLE.index(current) + 1) % len(CYCLE)]


@dataclass(frozen=True)
class OptionTally:
    """One option's answers and access conflicts, ready to rank."""

    option_id: int
    date: dt.date
    start: dt.time
    end: dt.time
    place: str
    answers: Mapping[str, Answer]  # by member name
    unanswered: Sequence[str]
    conflicts: Mapping[str, list[str]]  # member name → what the venue lacks for them
    features: Sequence[str] = field(default_factory=tuple)

    def count(self, answer: Answer) -> int:
        """How many gave this answer."""
        return sum(1 for a in self.answers.values() if a is answer)


def rank_key(tally: OptionTally) -> tuple[bool, int, int, int, int, dt.date, dt.time]:
    """No 'no' and most 'yes' first, then fewest 'no', 'if need be', access conflicts."""
    no = tally.count(Answer.NO)
    return (
        no > 0,
        -tally.count(Answer.YES),
        no,
        tally.count(Answer.IF_NEED_BE),
        len(tally.conflicts),
        tally.date,
        tally.start,
    )


def explain(tally: OptionTally) -> str:
    """Why an option ranks where it does: '4 yes, 1 if need be; step-free'."""
    parts = [f"{tally.count(Answer.YES)} yes"]
    if tally.count(Answer.IF_NEED_BE):
        parts.append(f"{tally.count(Answer.IF_NEED_BE)} if need be")
    if tally.count(Answer.NO):
        names = ", ".join(n for n, a in tally.answers.items() if a is Answer.NO)
        parts.append(f"{tally.count(Answer.NO)} no ({names})")
    if tally.unanswered:
        parts.append(f"{len(tally.unanswered)} not answered")
    text = ", ".join(parts)
    if tally.conflicts:
        problems = "; ".join(
            f"{name} needs {' and '.join(lacks)}" for name, lacks in tally.conflicts.items()
        )
        return f"{text}; access problem: {problems}"
    if tally.features:
        return f"{text}; {', '.join(tally.features)}"
    return text


def rank(tallies: Sequence[OptionTally]) -> list[OptionTally]:
    """Best option first."""
    return sorted(tallies, key=rank_key)


def describe_option(date: dt.date, start: dt.time, end: dt.time, place: str) -> str:
    """'Tue 12 Jan, 10:00–11:30, Harbourside Family Centre'."""
    when = f"{date:%a} {date.day} {date:%b %Y}, {format_time(start)}–{format_time(end)}"
    return f"{when}, {place}" if place else when
