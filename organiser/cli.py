"""Headless commands: one readable line on stderr and a non-zero exit when something is wrong."""

from __future__ import annotations

import argparse
import atexit
import gc
import sys
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from organiser.cli_protect import change_password, protect, unlock_if_protected, unprotect
from organiser.core import backup
from organiser.core.errors import CorruptDatabase, OrganiserError
from organiser.core.files import atomic_write
from organiser.core.instance import held_by_running_app
from organiser.core.parsing import format_date
from organiser.core.paths import database_url, sqlite_path
from organiser.documents import DOCUMENTS

if TYPE_CHECKING:
    from organiser.core.db import Store

# Commands over in a moment: no garbage collection while they import SQLAlchemy, the models
# and ReportLab (tens of thousands of lasting objects, nothing to collect). The longer ones
# (import, copy, offline) keep it, as their garbage can grow with the data.
_BRIEF = frozenset({"demo", "events", "export", "backup", "restore", "check", "change-password"})


def run(args: argparse.Namespace, url: str) -> int:
    """Run one headless command; errors become one line on stderr."""
    collecting = gc.isenabled()
    if args.command in _BRIEF:
        gc.disable()
    # On the way out, Python's last collections sweep every object the command imported
    # (60-90 ms of an export here) for nothing: freezing them skips that. The database and
    # files are closed by then, and exit handlers still run.
    atexit.unregister(gc.freeze)
    atexit.register(gc.freeze)
    try:
        if args.command not in _PROTECTION:  # those ask for the password themselves
            unlock_if_protected(url)
        return _COMMANDS[args.command](args, url)
    except CorruptDatabase as exc:
        found = backup.newest_good_backup(Path(exc.path))
        hint = f" Restore the newest good backup: organiser restore {found.path}" if found else ""
        print(f"organiser: {exc}{hint}", file=sys.stderr)
        return 1
    except OrganiserError as exc:
        print(f"organiser: {exc}", file=sys.stderr)
        return 1
    finally:
        if collecting:
            gc.enable()


@contextmanager
def _opened(url: str, *, reads_only: bool = False, daily_backup: bool = True) -> Iterator[Store]:
    """The database, with what the person should hear on opening (a failed daily backup) on
    stderr; a command that only reads works on a read-only file or a full disk too."""
    from organiser.core.opening import open_store  # SQLAlchemy: after the collector is off

    unlock_if_protected(url)  # another database than --database (copy --to)
    store = open_store(url, daily_backup=daily_backup, read_only_ok=reads_only)
    for warning in store.warnings:
        print(f"organiser: warning: {warning}", file=sys.stderr)
    with closing(store):
        yield store


def _sqlite_only(url: str, what: str) -> Path:
    path = sqlite_path(url)
    if path is None:
        raise OrganiserError(f"{what} works on SQLite files; use your server's tools (pg_dump).")
    return path


def _demo(args: argparse.Namespace, url: str) -> int:
    from organiser.core.demo import add_demo_event  # 0.15 s: only for the example event

    with _opened(url) as store:
        print(add_demo_event(store))
    return 0


def _events(args: argparse.Namespace, url: str) -> int:
    from organiser.core.events.reading import list_events

    with _opened(url, reads_only=True) as store:
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
        options["warn"] = _warn
    return options


def _warn(message: str) -> None:
    print(f"organiser: {message}", file=sys.stderr)


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
    from organiser.core.events.reading import find_event
    from organiser.core.team import record

    with _opened(url, reads_only=True) as store:
        record.may_make(store, args.kind, document.what)
        event_id = find_event(store, args.event)
        chosen = None
        if args.meeting is not None and document.chooses == "meeting":
            from organiser.core.meetings.printing import find_meeting

            chosen = find_meeting(store, event_id, args.meeting)
        if args.poll is not None and document.chooses == "poll":
            from organiser.core.polls.printing import find_poll

            chosen = find_poll(store, event_id, args.poll)
        data = document.make(store, event_id, chosen, unprintable=_warn, **options)
        atomic_write(out, data)
        record.note(store, args.kind, "saved", event_id)
    print(out)
    return 0


def _backup(args: argparse.Namespace, url: str) -> int:
    from organiser.core.opening import check_sqlite_file

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
    from organiser.core.opening import check_sqlite_file, open_store

    path = _sqlite_only(url, "Restore")
    if held_by_running_app(path):
        raise OrganiserError("Organiser has this database open; close the window, then restore.")
    source = Path(args.backup).expanduser().resolve()
    if not source.is_file():
        raise OrganiserError(f"There is no backup at {source}.")
    _same_protection(source, path)
    # Refuse a damaged, foreign, empty or newer file before it replaces the database.
    if check_sqlite_file(source) is None:
        raise OrganiserError(f"{source.name} is not an Organiser backup.")
    kept = backup.restore_backup(source, path)
    open_store(url, daily_backup=False).close()
    print(f"Restored {path} from {args.backup}")
    if kept is not None:
        print(f"The file it replaced could not be read, so it was kept as {kept.name}")
    return 0


def _same_protection(source: Path, path: Path) -> None:
    """A protected backup restores only into the database it was made from (its key), and a
    plain one only into a plain database."""
    from organiser.core import protection

    locked = protection.is_protected(source)
    if locked != protection.is_protected(path):
        raise OrganiserError(
            f"{source.name} is {'' if locked else 'not '}protected with a password and "
            f"{path.name} is {'not ' if locked else ''}: a backup restores only into a database "
            "protected the same way. Nothing was changed."
        )
    key = protection.key_for(path)
    if locked and protection.key_for(source) is None:
        if key is None or not protection.opens(source, key):
            raise OrganiserError(
                f"{source.name} was protected with another key than {path.name}'s, so it cannot "
                "be restored into it. Nothing was changed."
            )
        protection.remember(source, key)


def _check(args: argparse.Namespace, url: str) -> int:
    from organiser.core.events.reading import list_events
    from organiser.core.opening import integrity_report

    path = sqlite_path(url)
    if path is not None and not path.exists():
        raise OrganiserError(f"There is no database at {path}.")
    # Opening checks the file (damaged, foreign, newer) as the window does.
    with _opened(url, reads_only=True, daily_backup=False) as store:
        verdict = integrity_report(store)
        events = len(list_events(store, include_archived=True))
    if verdict != "ok":
        raise OrganiserError(f"The integrity check found problems: {verdict}")
    print(f"ok: {store.display_name} ({events} event{'s' if events != 1 else ''})")
    return 0


def _copy(args: argparse.Namespace, url: str) -> int:
    from organiser.core.events.reading import find_event
    from organiser.core.team.transfer import copy_events

    to_url = database_url(args.to)
    if to_url == url:
        raise OrganiserError("--to names the database being copied from; give another one.")
    with _opened(url, reads_only=True) as source, _opened(to_url) as target:
        chosen = None
        if args.event:
            chosen = list(dict.fromkeys(find_event(source, e) for e in args.event))
        result = copy_events(source, target, chosen)
        where = target.display_name
    count = len(result.events)
    moved = sum(source_id != target_id for (_t, source_id), target_id in result.id_map.items())
    kept = "ids kept" if result.ids_kept else f"{moved:,} took new ids (theirs were in use)"
    print(
        f"Copied {count} event{'s' if count != 1 else ''} ({result.rows:,} rows) to {where}; {kept}"
    )
    return 0


def _import(args: argparse.Namespace, url: str) -> int:
    from organiser.cli_import import run_import

    # A dry run only reads (--add-choices adds them for the plan, then takes them off again).
    reads_only = args.dry_run and not args.add_choices
    with _opened(url, reads_only=reads_only, daily_backup=not reads_only) as store:
        return run_import(args, store)


def _offline(args: argparse.Namespace, url: str) -> int:
    from organiser.cli_offline import OFFLINE  # the team modules load only for these

    return OFFLINE[args.offline_command](args, url)


_COMMANDS: dict[str, Callable[[argparse.Namespace, str], int]] = {
    "demo": _demo,
    "events": _events,
    "export": _export,
    "backup": _backup,
    "restore": _restore,
    "check": _check,
    "copy": _copy,
    "import": _import,
    "offline": _offline,
    "protect": protect,
    "unprotect": unprotect,
    "change-password": change_password,
}
_PROTECTION = frozenset({"protect", "unprotect", "change-password"})
