"""`organiser import bookings|feedback FILE --event ID|TITLE`: the window's import, headless.

It prints the same plan the import dialog shows (what each column was understood as, what will
be added, skipped, merged and refused, each refusal in words) and exits non-zero when anything is
refused, so a person or a script can check a file with --dry-run before importing it.
"""

from __future__ import annotations

import argparse
import codecs
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from organiser.core.errors import OrganiserError, ValidationError
from organiser.core.words import plural

if TYPE_CHECKING:  # the parser is built at every start; the import modules load only to import
    from organiser.core.db import Store
    from organiser.core.import_plans import Plan
    from organiser.core.tables import Table


@dataclass(frozen=True)
class Kind:
    """What one kind of import needs from its core modules."""

    noun: str  # "booking"
    suggest: Callable[[Store, int, Table], Any]
    choose: Callable[[Store, int, Table, Any, str, str], Any]
    plan: Callable[[Store, int, Table, Any], Any]
    apply: Callable[[Store, int, Any, bool], Any]


def _bookings() -> Kind:
    from organiser.core.creche import importing

    return Kind(
        "booking",
        lambda store, event_id, table: importing.suggest_mapping(store, event_id, table)[0],
        lambda store, event_id, table, mapping, column, field: importing.choose(
            mapping, column, field, header=table.header
        ),
        importing.plan_for_event,
        lambda store, event_id, plan, partial: importing.apply_import(
            store, event_id, plan, leave_out_refused=partial
        ),
    )


def _feedback() -> Kind:
    from organiser.core.feedback import importing
    from organiser.core.feedback.form import list_questions
    from organiser.core.feedback.import_mapping import choose, suggest_mapping

    def pick(
        store: Store, event_id: int, table: Table, mapping: Any, column: str, field: str
    ) -> Any:
        return choose(mapping, column, field, list_questions(store, event_id))

    return Kind(
        "response",
        lambda store, event_id, table: suggest_mapping(store, event_id, table)[0],
        pick,
        importing.plan_for_event,
        lambda store, event_id, plan, partial: importing.apply_import(
            store, event_id, plan, leave_out_refused=partial
        ),
    )


KINDS: dict[str, Callable[[], Kind]] = {"bookings": _bookings, "feedback": _feedback}


def add_parser(commands: Any) -> argparse.ArgumentParser:
    """`organiser import`'s options."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "import",
        help="import bookings or feedback responses from another tool's CSV or Excel export",
        description="Import a booking tool's or an online form's export into an event: the "
        "same plan and messages as the window's import. Exits with 1 when any row is refused.",
        epilog="examples:\n"
        "  organiser import bookings attendees.csv --event 1 --dry-run\n"
        "  organiser import bookings attendees.xlsx --event 1 --map 'Parent=full_name'\n"
        "  organiser import feedback responses.csv --event 'Pilates' --add-choices\n"
        "FIELD for bookings: a detail's name or key (first_name, last_name, full_name, email, "
        "phone, adults, children, …); for feedback: a question's number on the form or its "
        "words, or 'received'. An empty FIELD or 'none' leaves the column out.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("what", choices=tuple(KINDS), metavar="bookings|feedback")
    parser.add_argument("file", metavar="FILE", help="the CSV or Excel (.xlsx) file")
    parser.add_argument("--event", required=True, metavar="ID|TITLE", help="the event")
    parser.add_argument("--dry-run", action="store_true", help="show the plan; import nothing")
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        help="say what a column holds, instead of the guess; repeat for more",
    )
    parser.add_argument(
        "--encoding", metavar="NAME", help="the CSV file's text encoding (default: detected)"
    )
    parser.add_argument(
        "--leave-out-refused",
        action="store_true",
        help="import the rows that can be imported and leave out the refused ones",
    )
    parser.add_argument(
        "--refused", metavar="FILE", help="write the refused rows, with why, to this CSV file"
    )
    parser.add_argument(
        "--add-choices",
        action="store_true",
        help="feedback: first add the file's answers to choice questions that lack them",
    )
    return parser


def _pairs(items: Sequence[str]) -> list[tuple[str, str]]:
    pairs = []
    for item in items:
        column, sep, field = item.partition("=")
        if not sep or not column.strip():
            raise OrganiserError(
                f"--map takes COLUMN=FIELD (such as 'Order #=reference'), not “{item}”."
            )
        pairs.append((column.strip(), field.strip()))
    return pairs


LISTED = 200  # refusals printed, as the window shows


def _show(plan: Plan, table: Table) -> None:
    print(f"{table.name}: {table.description}.")
    readings = plan.readings()
    if readings:
        print("Columns:")
        for reading in readings:
            print(f"  {reading.words()}")
    notes = plan.notes()
    if notes:
        print("Notes:")
        for note in notes:
            print(f"  {note}")
    if plan.errors:
        print("Refused:")
        for error in plan.errors[:LISTED]:
            print(f"  {error.words()}")
        if len(plan.errors) > LISTED:
            more = len(plan.errors) - LISTED
            print(f"  … and {more:,} more (--refused FILE writes every refused row, with why)")
    if not plan.problems:  # those end the command, on stderr
        print(plan.summary())


def run_import(args: argparse.Namespace, store: Store) -> int:
    """Plan the import, show it, and (unless --dry-run) store it; 1 when anything is refused."""
    from organiser.core.events.reading import find_event
    from organiser.core.tables import read_file

    kind = KINDS[args.what]()
    if args.add_choices and args.what != "feedback":
        raise OrganiserError("--add-choices goes with feedback, not bookings.")
    path = Path(args.file).expanduser()
    if path.is_dir():
        raise OrganiserError(f"{path} is a folder; give the export file in it.")
    if not path.is_file():
        raise OrganiserError(f"There is no file at {path}.")
    out = _refused_path(args.refused, path)
    if args.encoding:
        try:
            codecs.lookup(args.encoding)
        except LookupError:
            raise OrganiserError(
                f"--encoding {args.encoding} is not a text encoding; try utf-8, cp1252 or utf-16."
            ) from None
    table = read_file(path, encoding=args.encoding)
    event_id = find_event(store, args.event)
    mapping = kind.suggest(store, event_id, table)
    for column, field in _pairs(args.map):
        try:
            mapping = kind.choose(store, event_id, table, mapping, column, field)
        except ValidationError as exc:
            raise OrganiserError(f"--map {column}={field}: {exc}") from exc
    plan = kind.plan(store, event_id, table, mapping)
    additions = getattr(plan, "choices_to_add", None)
    if not (args.add_choices and additions):
        return _finish(args, store, kind, event_id, plan, out, None)
    from organiser.core.feedback.importing import add_choices, remove_choices

    # The choices go in with an import, or not at all (a dry run shows the plan with them).
    added = add_choices(store, event_id=event_id, additions=additions).previous["added"]
    kept = False
    try:
        plan = kind.plan(store, event_id, table, mapping)
        code = _finish(args, store, kind, event_id, plan, out, added)
        kept = _went_ahead(args, plan)
        return code
    finally:
        if not kept:
            remove_choices(store, event_id=event_id, removals=added)


def _refused_path(given: str | None, source: Path) -> Path | None:
    """Where --refused writes, checked before anything changes."""
    if not given:
        return None
    out = Path(given).expanduser()
    if not out.parent.is_dir():
        raise OrganiserError(f"Cannot save to {out}: the folder {out.parent} does not exist.")
    if out.resolve() == source.resolve():
        raise OrganiserError("--refused names the file being imported; give another file.")
    return out


def _went_ahead(args: argparse.Namespace, plan: Any) -> bool:
    """Whether this plan is stored: not a dry run, and nothing refused unless left out."""
    return not (args.dry_run or plan.problems) and (
        not plan.errors or bool(args.leave_out_refused and plan.good_count())
    )


def _finish(
    args: argparse.Namespace,
    store: Store,
    kind: Kind,
    event_id: int,
    plan: Any,
    out: Path | None,
    added: Any,
) -> int:
    """Show the plan, write the refused rows, and store it when it goes ahead."""
    from organiser.core.files import atomic_write
    from organiser.core.import_plans import refused_csv

    table = plan.table  # as the plan read it (SurveyMonkey's two header rows joined)
    _show(plan, table)
    if out is not None:
        if plan.errors:
            atomic_write(out, refused_csv(table, plan.errors))
            print(f"The refused rows are in {out}.")
        else:
            print(f"Nothing was refused, so {out} was not written.")
    if plan.problems:
        problems = " ".join(p[:1].lower() + p[1:] for p in plan.problems)
        raise OrganiserError(f"nothing was imported: {problems} Say which with --map COLUMN=FIELD.")
    if args.dry_run:
        if added:
            print(f"With --add-choices, {_choices(added)} would be added to the form first.")
        print("Dry run: nothing was imported.")
        return 1 if plan.errors else 0
    if not _went_ahead(args, plan):
        good = plan.good_count()
        hints = []
        if getattr(plan, "choices_to_add", None) and not args.add_choices:
            hints.append("Add --add-choices to add the file's answers to the form first.")
        if good and not args.leave_out_refused:
            hints.append(
                f"Add --leave-out-refused to import the {good:,} other {kind.noun}"
                f"{'s' if good != 1 else ''}."
            )
        said = "every row was refused" if not good else "rows were refused"
        print(" ".join([f"organiser: nothing was imported: {said}.", *hints]), file=sys.stderr)
        return 1
    if added:
        print(f"Added {_choices(added)} from the file to the form.")
    changes = kind.apply(store, event_id, plan, bool(args.leave_out_refused))
    print(_imported(changes.previous, kind.noun))
    return 1 if plan.errors else 0


def _choices(added: Any) -> str:
    return plural(sum(len(v) for v in added.values()), "choice")


def _imported(previous: dict[str, Any], noun: str) -> str:
    """ "Imported 3 responses and updated 1 edited one." from what the import stored."""
    created = len(previous.get("created_ids", ()))
    updated = len(previous.get("updated", ()))
    said = f"Imported {plural(created, noun)}"
    if updated:
        said += f" and updated {updated} edited one{'s' if updated != 1 else ''}"
    return said + "."
