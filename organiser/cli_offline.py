"""`organiser offline take|list|bring-back|release`: an event of a team database worked on
offline and brought back. Loaded only for these commands (the team modules take a moment)."""

from __future__ import annotations

import argparse
import getpass
from collections.abc import Callable
from contextlib import closing

from organiser.core.errors import OrganiserError
from organiser.core.events.reading import find_event, list_events
from organiser.core.opening import open_store
from organiser.core.paths import database_url
from organiser.core.team import offline
from organiser.core.team.offline_words import one_line


def _take(args: argparse.Namespace, url: str) -> int:
    who = args.who
    if who is None:
        try:
            who = getpass.getuser()
        except (OSError, KeyError) as exc:
            raise OrganiserError("Say who is taking the event with --who NAME.") from exc
    with closing(open_store(database_url(args.team))) as team, closing(open_store(url)) as local:
        event_id = find_event(team, args.event)
        try:
            changes = offline.take_offline(team, local, event_id=event_id, who=who, also=args.also)
        except offline.AlreadyHeld as exc:
            raise OrganiserError(f"{exc} Add --also to take it as well.") from exc
        [held] = [e for e in offline.offline_events(local) if e.event_id == changes.created_id]
        names, _since = offline.held_by(team, event_id)
        verb = "have" if "," in names else "has"
        print(
            f"Took “{held.title}” offline from {team.display_name}: it is event "
            f"{held.event_id} here, and the team sees {names or held.taken_by} {verb} it."
        )
    return 0


def _release(args: argparse.Namespace, url: str) -> int:
    with closing(open_store(database_url(args.team))) as team:
        event_id = find_event(team, args.event)
        [title] = [e.title for e in list_events(team, include_archived=True) if e.id == event_id]
        offline.release_hold(team, event_id=event_id, who=args.who)
        left, _since = offline.held_by(team, event_id)
    if args.who is None or not left:
        print(f"Nobody has “{title}” offline now.")
    else:
        verb = "have" if "," in left else "has"
        print(
            f"{' '.join(args.who.split())} no longer has “{title}” offline; {left} still {verb} it."
        )
    return 0


def _list_offline(args: argparse.Namespace, url: str) -> int:
    with closing(open_store(url)) as local:
        rows = offline.offline_events(local)
    for row in rows:
        print(
            f"{row.event_id}\t{row.title}\tfrom {row.team_address} (event {row.team_event_id})"
            f"\ttaken by {row.taken_by} {row.taken_at:%d/%m/%Y %H:%M} UTC"
        )
    return 0


def _choices(pairs: list[str]) -> dict[str, str]:
    choices = {}
    for pair in pairs:
        key, sep, choice = pair.rpartition("=")
        if not sep or not key or choice not in ("offline", "team", "both"):
            raise OrganiserError(
                f"--choose takes KEY=offline, KEY=team or KEY=both (such as "
                f"meeting:12:notes=both), not “{pair}”."
            )
        choices[key] = choice
    return choices


def _bring_back(args: argparse.Namespace, url: str) -> int:
    choices = _choices(args.choose)
    with closing(open_store(database_url(args.team))) as team, closing(open_store(url)) as local:
        event_id = find_event(local, args.event)
        if args.dry_run:
            plan = offline.plan_bring_back(local, team, event_id=event_id)
            for d in plan.differences:
                what = f"{d.where}: {d.label}" if d.label else d.where
                base, mine, theirs = (one_line(v) for v in (d.base, d.offline, d.team))
                if d.kind == "clash" and d.field:
                    detail = f"offline “{mine}”, team “{theirs}”"
                elif d.kind == "edit":
                    detail = f"“{base}” → “{mine}”"
                else:
                    detail = " / ".join(v for v in (mine, theirs) if v)
                print(f"{d.key}\t{d.kind}\t{what}\t{detail}")
            print(plan.summary())
            return 0
        try:
            plan = offline.bring_back(local, team, event_id=event_id, choices=choices)
        except offline.Undecided as exc:
            raise OrganiserError(
                f"{exc} Decide each with --choose KEY=offline|team|both (--dry-run lists them)."
            ) from exc
        summary = plan.summary().replace("to decide", "decided")
        print(f"Brought “{plan.title}” back to {team.display_name}: {summary}")
    return 0


OFFLINE: dict[str, Callable[[argparse.Namespace, str], int]] = {
    "take": _take,
    "list": _list_offline,
    "bring-back": _bring_back,
    "release": _release,
}
