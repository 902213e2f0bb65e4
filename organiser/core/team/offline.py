"""Take an event offline from a team database, work on it anywhere, and bring it back.

Taking copies the event, with everything it owns, into a local file and records each row's
values as taken; the team's event shows who has it (others may still edit it). A second person
may take it as well when they say so; each name leaves the hold as that person brings it back
(or with release_hold, for a copy that will never come back). Bringing back compares three
versions of every row — as taken, as it is offline, as it is on the team — and applies what
changed offline, asking a person to decide where both sides changed the same thing.

This module gathers the public names. Taking is in offline_take, the holds and team addresses
in offline_holds, bringing back in offline_bring_back (the comparison in offline_merge,
applying it in offline_apply).
"""

from organiser.core.team.offline_apply import Undecided
from organiser.core.team.offline_bring_back import bring_back, plan_bring_back
from organiser.core.team.offline_holds import (
    OfflineEvent,
    held_by,
    offline_events,
    release_hold,
    team_address,
)
from organiser.core.team.offline_plan import BringBackPlan, Difference
from organiser.core.team.offline_take import AlreadyHeld, take_offline

__all__ = [
    "AlreadyHeld",
    "BringBackPlan",
    "Difference",
    "OfflineEvent",
    "Undecided",
    "bring_back",
    "held_by",
    "offline_events",
    "plan_bring_back",
    "release_hold",
    "take_offline",
    "team_address",
]
