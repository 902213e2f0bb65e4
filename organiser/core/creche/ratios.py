"""Staff:child ratios as data (a rule set per nation and setting) and the check against them.

England, group settings (EYFS statutory framework): under 2 → 1:3; aged 2 → 1:5; 3 and over →
1:8, or 1:13 while a person with a level 6 qualification (QTS, EYTS or EYPS) works directly
with the children. Another nation's table is one more RuleSet, not new code.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from organiser.core.creche.kinds import Qualification
from organiser.core.words import plural


@dataclass(frozen=True)
class Band:
    """An age band: from `from_months` up to (not including) `to_months`."""

    label: str
    from_months: int
    to_months: int | None
    children_per_adult: int
    with_level6: int | None = None  # the ratio while a level 6 practitioner works with them

    def holds(self, months: int) -> bool:
        return months >= self.from_months and (self.to_months is None or months < self.to_months)


@dataclass(frozen=True)
class RuleSet:
    key: str
    name: str
    bands: tuple[Band, ...]
    source: str = ""
    # England: the level 6 ratio needs at least one other member of staff with level 3.
    level6_needs_level3_other: bool = True

    def band_for(self, months: int | None) -> Band:
        """The band a child falls in; a child of unknown age counts in the youngest (safest)."""
        if months is None:
            return self.bands[0]
        for band in self.bands:
            if band.holds(max(months, 0)):
                return band
        return self.bands[-1]


ENGLAND_GROUP = RuleSet(
    key="england-group",
    name="England, group settings (EYFS)",
    bands=(
        Band("Under 2", 0, 24, 3),
        Band("Aged 2", 24, 36, 5),
        Band("3 and over", 36, None, 8, with_level6=13),
    ),
    source="Early years foundation stage statutory framework for group and school-based "
    "providers (September 2023 ratios)",
)

RULE_SETS: dict[str, RuleSet] = {ENGLAND_GROUP.key: ENGLAND_GROUP}


def rule_set(key: str) -> RuleSet:
    """The rule set with this key, or England's when it is not known."""
    return RULE_SETS.get(key, ENGLAND_GROUP)


@dataclass(frozen=True)
class OnDuty:
    """A member of staff's hours (None: the whole session) and whether they hold level 6."""

    on_from: dt.time | None
    on_until: dt.time | None
    level6: bool = False
    level3: bool = False  # a full and relevant level 3 or above


@dataclass(frozen=True)
class BandNeed:
    label: str
    children: int
    ratio: int
    adults: float  # the share of adults these children need; bands share staff


@dataclass(frozen=True)
class Gap:
    """A stretch of the session with fewer staff than needed."""

    start: dt.time | None
    end: dt.time | None
    on: int
    needed: int


@dataclass(frozen=True)
class RatioCheck:
    bands: tuple[BandNeed, ...]
    children: int
    needed: int
    rostered: int  # the fewest staff on at any time in the session
    level6: bool
    gaps: tuple[Gap, ...]

    @property
    def short(self) -> bool:
        return bool(self.gaps)

    def summary(self) -> str:
        """The check in words, for the tab, the overview and the register."""
        if not self.children:
            return "No children are booked into the creche yet."
        children = plural(self.children, "child", "children")
        need = f"{children} {'needs' if self.children == 1 else 'need'} {self.needed} staff"
        if not self.gaps:
            return f"{need}; {self.rostered} on throughout — enough."
        parts = []
        for gap in self.gaps:
            when = ""
            if gap.start is not None and gap.end is not None:
                when = f" from {gap.start:%H:%M} to {gap.end:%H:%M}"
            parts.append(f"{gap.on} on{when}")
        return f"Short-staffed: {need}, but only " + "; ".join(parts) + "."


def band_counts(ages: Iterable[int | None], rules: RuleSet) -> dict[str, int]:
    """How many children fall in each band, by the band's label."""
    counts = {band.label: 0 for band in rules.bands}
    for months in ages:
        counts[rules.band_for(months).label] += 1
    return counts


def needed_staff(ages: Iterable[int | None], rules: RuleSet, *, level6: bool) -> list[BandNeed]:
    """Each band's children and the share of an adult they need under these rules."""
    return needs_for(band_counts(ages, rules), rules, level6=level6)


def needs_for(counts: Mapping[str, int], rules: RuleSet, *, level6: bool) -> list[BandNeed]:
    """Each band's children (counted already) and the share of an adult they need."""
    needs = []
    for band in rules.bands:
        ratio = band.with_level6 if level6 and band.with_level6 else band.children_per_adult
        n = counts.get(band.label, 0)
        needs.append(BandNeed(band.label, n, ratio, n / ratio))
    return needs


def _total(needs: Sequence[BandNeed]) -> int:
    # Staff can look after children of different bands together, so the shares add up;
    # a tiny tolerance stops 0.6 + 0.4 rounding up to 2.
    share = sum(n.adults for n in needs)
    return math.ceil(share - 1e-9) if share else 0


def _on_at(member: OnDuty, start: dt.time, end: dt.time) -> bool:
    begins = member.on_from or dt.time.min
    ends = member.on_until or dt.time.max
    return begins <= start and ends >= end


def check_ratios(
    ages: Sequence[int | None],
    staff: Sequence[OnDuty],
    rules: RuleSet,
    *,
    start: dt.time | None = None,
    end: dt.time | None = None,
) -> RatioCheck:
    """Compare the staff on during the session (start to end) with what the children need.

    The session is cut wherever someone comes on or goes off; in each piece the children
    need staff by the rules, at the level 6 ratio only while a level 6 practitioner is on.
    """
    return check_counts(band_counts(ages, rules), staff, rules, start=start, end=end)


def check_counts(
    counts: Mapping[str, int],
    staff: Sequence[OnDuty],
    rules: RuleSet,
    *,
    start: dt.time | None = None,
    end: dt.time | None = None,
) -> RatioCheck:
    """`check_ratios` with the children already counted by band (`band_counts`): the ages
    are counted once, not once for each piece of the session."""
    if start is None or end is None or end <= start:
        pieces: list[tuple[dt.time | None, dt.time | None]] = [(None, None)]
    else:
        cuts = {start, end}
        for member in staff:
            for t in (member.on_from, member.on_until):
                if t is not None and start < t < end:
                    cuts.add(t)
        ordered = sorted(cuts)
        pieces = list(itertools.pairwise(ordered))
    worst_on: int | None = None
    gaps = []
    for piece_start, piece_end in pieces:
        if piece_start is None or piece_end is None:
            on = list(staff)
        else:
            on = [m for m in staff if _on_at(m, piece_start, piece_end)]
        level6 = _level6_ratio_applies(on, rules)
        needed = _total(needs_for(counts, rules, level6=level6))
        worst_on = len(on) if worst_on is None else min(worst_on, len(on))
        if len(on) < needed:
            gaps.append(Gap(piece_start, piece_end, len(on), needed))
    # The headline need assumes level 6 only when its conditions hold for the whole session.
    level6_throughout = bool(pieces) and all(
        _level6_ratio_applies(
            [m for m in staff if a is None or b is None or _on_at(m, a, b)], rules
        )
        for a, b in pieces
    )
    bands = needs_for(counts, rules, level6=level6_throughout)
    return RatioCheck(
        bands=tuple(bands),
        children=sum(counts.values()),
        needed=_total(bands),
        rostered=worst_on or 0,
        level6=level6_throughout,
        gaps=_merge(gaps),
    )


def _level6_ratio_applies(on: Sequence[OnDuty], rules: RuleSet) -> bool:
    """A level 6 practitioner is on (and, where the rules say so, someone else with level 3)."""
    for lead in (m for m in on if m.level6):
        if not rules.level6_needs_level3_other:
            return True
        if any(other is not lead and other.level3 for other in on):
            return True
    return False


def _merge(gaps: list[Gap]) -> tuple[Gap, ...]:
    merged: list[Gap] = []
    for gap in gaps:
        last = merged[-1] if merged else None
        if last and last.end == gap.start and (last.on, last.needed) == (gap.on, gap.needed):
            merged[-1] = Gap(last.start, gap.end, gap.on, gap.needed)
        else:
            merged.append(gap)
    return tuple(merged)


def is_level6(qualification: str) -> bool:
    return qualification == Qualification.LEVEL_6.value


def is_level3(qualification: str) -> bool:
    """Level 3 or above (a full and relevant early-years qualification is assumed)."""
    return qualification in (
        Qualification.LEVEL_3.value,
        Qualification.LEVEL_4_5.value,
        Qualification.LEVEL_6.value,
    )
