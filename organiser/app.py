"""Composition root: read the command line, then run a headless command or open the window."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence

from organiser import __version__
from organiser.core.flyer.kinds import Template
from organiser.core.paths import database_url, default_database_url
from organiser.documents import DOCUMENTS

# What `organiser export KIND` writes, in the words `organiser export --help` shows.


def _database_option(parser: argparse.ArgumentParser, *, top: bool) -> None:
    parser.add_argument(
        "--database",
        metavar="PATH|URL",
        default=None if top else argparse.SUPPRESS,
        help="SQLite file or SQLAlchemy URL (default: $ORGANISER_DATABASE, else the data folder)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The `organiser` command line."""
    parser = argparse.ArgumentParser(
        prog="organiser",
        description="Plan, run and report small co-produced community events. "
        "With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"organiser {__version__}")
    _database_option(parser, top=True)
    parser.add_argument("--demo", action="store_true", help="open the window on the example event")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    demo = commands.add_parser("demo", help="add the example event and print its id")
    events = commands.add_parser("events", help="list events: id, date, title, status")
    events.add_argument("--all", action="store_true", help="include archived events")
    export = commands.add_parser(
        "export",
        help="write a printable document (PDF) or a calendar file (.ics)",
        description="Write one of an event's documents to a file.",
        epilog="kinds:\n"
        + "\n".join(
            f"  {kind.ljust(len(max(DOCUMENTS, key=len)))} {text}"
            for kind, text in ((kind, d.help) for kind, d in DOCUMENTS.items())
        )
        + "\n\nexample: organiser export minutes --event 1 --out minutes.pdf",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    export.add_argument(
        "kind", choices=tuple(DOCUMENTS), metavar="KIND", help="which document (see below)"
    )
    export.add_argument("--event", required=True, metavar="ID|TITLE", help="the event")
    export.add_argument("--out", required=True, metavar="FILE", help="where to write it")
    export.add_argument(
        "--meeting", metavar="ID|TITLE", help="which of the event's meetings (minutes, ics)"
    )
    export.add_argument("--poll", metavar="ID|TITLE", help="which of the event's polls (poll)")
    export.add_argument(
        "--template",
        metavar="|".join(template.value for template in Template),
        help="the flyer's layout (flyer; default: the one chosen in the Flyer tab)",
    )
    export.add_argument(
        "--version",
        metavar="N",
        help="which saved version of the flyer (flyer; default: the latest, else the draft)",
    )
    export.add_argument(
        "--language",
        metavar="NAME",
        help="a language version, such as Arabic (flyer, flyer-two-languages, feedback-form, "
        "sign-in)",
    )
    backup = commands.add_parser("backup", help="make a verified backup of the database")
    backup.add_argument("--out", metavar="FILE", help="where to write it (default: backups folder)")
    restore = commands.add_parser("restore", help="replace the database with a backup")
    restore.add_argument("backup", metavar="BACKUP", help="a backup file made by Organiser")
    check = commands.add_parser("check", help="check the database's integrity")
    self_test = commands.add_parser(
        "self-test",
        help="try every part of this install (printing, charts, QR codes, the window's "
        "plugins) in a temporary folder; your own data is not opened",
    )
    copy = commands.add_parser(
        "copy",
        help="copy events, with everything they hold, to another database (a team database)",
        description="Copy events from --database to another database, all or nothing. Ids "
        "are kept where they are free there; an event already copied is refused.",
        epilog="example: organiser copy --to postgresql+psycopg://me@server/team --event 1",
    )
    copy.add_argument("--to", required=True, metavar="PATH|URL", help="the database to copy to")
    copy.add_argument(
        "--event",
        action="append",
        metavar="ID|TITLE",
        help="an event to copy; repeat for more (default: every event, with the directories "
        "of organisations and speakers and the settings)",
    )
    from organiser.cli_import import add_parser as add_import

    importing = add_import(commands)
    offline = commands.add_parser(
        "offline",
        help="take an event from a team database to work on offline, and bring it back",
        description="Work on a team database's event without the network: take it into "
        "--database, then bring it back (changes on both sides are merged).",
    )
    actions = offline.add_subparsers(dest="offline_command", metavar="ACTION", required=True)
    take = actions.add_parser("take", help="copy a team event here; the team sees who has it")
    take.add_argument("--team", required=True, metavar="URL", help="the team database")
    take.add_argument("--event", required=True, metavar="ID|TITLE", help="the team's event")
    take.add_argument("--who", metavar="NAME", help="who takes it (default: your user name)")
    take.add_argument(
        "--also",
        action="store_true",
        help="take it even though someone else has it offline (both names are shown)",
    )
    listed = actions.add_parser("list", help="the events here that were taken offline")
    back = actions.add_parser(
        "bring-back",
        help="put the offline changes into the team database and remove the copy here",
        epilog="example: organiser offline bring-back --event 3 --team URL --dry-run",
    )
    back.add_argument("--event", required=True, metavar="ID|TITLE", help="the event here")
    back.add_argument("--team", required=True, metavar="URL", help="the team database")
    back.add_argument("--dry-run", action="store_true", help="only list what would change")
    back.add_argument(
        "--choose",
        action="append",
        default=[],
        metavar="KEY=offline|team|both",
        help="decide a clash (--dry-run lists the keys); both keeps two texts, one under the other",
    )
    release = actions.add_parser(
        "release",
        help="the team no longer shows the event as taken (a lost laptop, a copy deleted)",
        description="Take a name off a team event's offline hold, or every name; a copy still "
        "out can be brought back all the same.",
        epilog="example: organiser offline release --team URL --event 3 --who 'Zoë Marsh'",
    )
    release.add_argument("--team", required=True, metavar="URL", help="the team database")
    release.add_argument("--event", required=True, metavar="ID|TITLE", help="the team's event")
    release.add_argument(
        "--who", metavar="NAME", help="whose hold to release (default: everyone's)"
    )
    for sub in (demo, events, export, backup, restore, check, copy, importing, offline, take):
        _database_option(sub, top=False)
    _database_option(release, top=False)
    _database_option(listed, top=False)
    _database_option(back, top=False)
    _database_option(self_test, top=False)  # accepted like everywhere, and never opened
    from organiser.cli_protect import add_parsers as add_protection

    for sub in add_protection(commands):
        _database_option(sub, top=False)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `organiser` and `python main.py`."""
    args = build_parser().parse_args(argv)
    if args.command == "self-test":  # its own temporary database, never --database's
        from organiser.selftest import run_self_test

        return run_self_test()
    url = database_url(args.database) if args.database else default_database_url()
    if args.command:
        from organiser.cli import run

        return run(args, url)
    # No garbage collection while start-up builds tens of thousands of lasting objects;
    # it resumes, with them frozen out of its sight, once the window is filled.
    gc.disable()
    from organiser.ui.launch import run_gui

    return run_gui(url, demo=args.demo, argv=sys.argv[:1])
