"""Headless commands: one readable line on stderr and a non-zero exit when something is wrong."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from organiser.core import backup
from organiser.core.demo import add_demo_event
from organiser.core.errors import OrganiserError
from organiser.core.events.service import find_event, list_events
from organiser.core.files import atomic_write
from organiser.core.instance import held_by_running_app
from organiser.core.meetings.printing import find_meeting
from organiser.core.opening import check_sqlite_file, integrity_report, open_store
from organiser.core.parsing import format_date
from organiser.core.paths import sqlite_path
from organiser.core.polls.printing import find_poll
from organiser.documents import DOCUMENTS


def run(args: argparse.Namespace, url: str) -> int:
    """Run one headless command; errors become one line on stderr."""
    try:
        return _COMMANDS[args.command](args, url)
    except OrganiserError as exc:
        print(f"organiser: {exc}", file=sys.stderr)
        return 1


def _sqlite_only(url: str, what: str) -> Path:
    path = sqlite_path(url)
    if path is None:
        raise OrganiserError(f"{what} works on SQLite files; use your server's tools (pg_dump).")
    return path


def _demo(args: argparse.Namespace, url: str) -> int:
    with closing(open_store(url)) as store:
        print(add_demo_event(store))
    return 0


def _events(args: argparse.Namespace, url: str) -> int:
    with closing(open_store(url)) as store:
        rows = list_events(store, include_archived=args.all)
    for row in rows:
        archived = "  (archived)" if row.archived else ""
        print(f"{row.id}\t{format_date(row.date) or '-'}\t{row.title}\t{row.status}{archived}")
    return 0


def _options(args: argparse.Namespace, kind: str) -> dict[str, object]:
    """The kind's own options (such as the flyer's --template), refusing those of other kinds."""
    document = DOCUMENTS[kind]
    for option in dict.fromkeys(o for d in DOCUMENTS.values() for o in d.options):
        if getattr(args, option, None) is not None and option not in document.options:
            kinds = " or ".join(k for k, d in DOCUMENTS.items() if option in d.options)
            raise OrganiserError(f"--{option} goes with {kinds}, not {kind}.")
    options: dict[str, object] = {name: getattr(args, name) for name in document.options}
    if options.get("version") is not None:
        text = str(options["version"])
        if not text.isdigit():
            raise OrganiserError(f"--version takes a version's number, such as 2, not “{text}”.")
        options["version"] = int(text)
    if document.warns:
        options["warn"] = lambda message: print(f"organiser: {message}", file=sys.stderr)
    return options


def _export(args: argparse.Namespace, url: str) -> int:
    document = DOCUMENTS[args.kind]
    for option in ("meeting", "poll"):
        if getattr(args, option, None) is not None and document.chooses != option:
            kinds = " or ".join(k for k, d in DOCUMENTS.items() if d.chooses == option)
            raise OrganiserError(f"--{option} goes with {kinds}, not {args.kind}.")
    options = _options(args, args.kind)
    out = Path(args.out).expanduser()
    if not out.parent.is_dir():
        raise OrganiserError(f"Cannot save to {out}: the folder {out.parent} does not exist.")
    with closing(open_store(url)) as store:
        event_id = find_event(store, args.event)
        chosen = None
        if args.meeting is not None and document.chooses == "meeting":
            chosen = find_meeting(store, event_id, args.meeting)
        if args.poll is not None and document.chooses == "poll":
            chosen = find_poll(store, event_id, args.poll)
        atomic_write(out, document.render(store, event_id, chosen, **options))
    print(out)
    return 0


def _backup(args: argparse.Namespace, url: str) -> int:
    path = _sqlite_only(url, "Backup")
    check_sqlite_file(path)
    out = Path(args.out).expanduser().resolve() if args.out else None
    if out is not None:
        if out.is_dir():
            raise OrganiserError(f"{out} is a folder: give the backup a file name in it.")
        if not out.parent.is_dir():
            raise OrganiserError(f"Cannot save to {out}: the folder {out.parent} does not exist.")
        if out == path.resolve():
            raise OrganiserError("A backup cannot replace the database it copies.")
    print(backup.make_backup(path, out=out))
    return 0


def _restore(args: argparse.Namespace, url: str) -> int:
    path = _sqlite_only(url, "Restore")
    if held_by_running_app(path):
        raise OrganiserError("Organiser has this database open; close the window, then restore.")
    source = Path(args.backup).expanduser().resolve()
    if not source.is_file():
        raise OrganiserError(f"There is no backup at {source}.")
    # Refuse a damaged, foreign, empty or newer file before it replaces the database.
    if check_sqlite_file(source) is None:
        raise OrganiserError(f"{source.name} is not an Organiser backup.")
    backup.restore_backup(source, path)
    open_store(url, daily_backup=False).close()
    print(f"Restored {path} from {args.backup}")
    return 0


def _check(args: argparse.Namespace, url: str) -> int:
    path = sqlite_path(url)
    if path is not None:
        if not path.exists():
            raise OrganiserError(f"There is no database at {path}.")
        check_sqlite_file(path)
    with closing(open_store(url, daily_backup=False)) as store:
        verdict = integrity_report(store)
        events = len(list_events(store, include_archived=True))
    if verdict != "ok":
        raise OrganiserError(f"The integrity check found problems: {verdict}")
    print(f"ok: {store.display_name} ({events} event{'s' if events != 1 else ''})")
    return 0


_COMMANDS: dict[str, Callable[[argparse.Namespace, str], int]] = {
    "demo": _demo,
    "events": _events,
    "export": _export,
    "backup": _backup,
    "restore": _restore,
    "check": _check,
}
