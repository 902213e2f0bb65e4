"""A password-protected database on the command line: every command asks for the password on
the terminal (or reads ORGANISER_PASSWORD, for scripts); `organiser protect`, `unprotect`
and `change-password` turn the protection on, off, or give it a new password
(ORGANISER_NEW_PASSWORD for scripts). Nothing typed is echoed, logged or kept."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import sys
from pathlib import Path

from organiser.core import protection
from organiser.core.errors import OrganiserError
from organiser.core.files import atomic_write
from organiser.core.instance import held_by_running_app
from organiser.core.paths import sqlite_path

TRIES = 3
PASSWORD = "ORGANISER_PASSWORD"
NEW_PASSWORD = "ORGANISER_NEW_PASSWORD"


def _interactive() -> bool:
    return sys.stdin.isatty()


def _ask(prompt: str) -> str:
    return getpass.getpass(prompt)


def unlock_if_protected(url: str) -> None:
    """Ask for a protected SQLite file's password (ORGANISER_PASSWORD, else up to three times on
    the terminal) and remember its key for this command; nothing for a plain file."""
    path = sqlite_path(url)
    if path is None or protection.key_for(path) is not None or not protection.is_protected(path):
        return
    given = os.environ.get(PASSWORD)
    if given is not None:
        protection.remember(path, protection.unlock(path, given))
        return
    if not _interactive():
        raise OrganiserError(
            f"{path.name} is protected with a password: run this in a terminal to type it, or "
            f"set {PASSWORD} for a script."
        )
    for attempt in range(TRIES):
        try:
            key = protection.unlock(path, _ask(f"Password for {path.name} (or its recovery key): "))
        except protection.WrongPassword as exc:
            if attempt == TRIES - 1:
                raise
            print(f"organiser: {exc}", file=sys.stderr)
            continue
        protection.remember(path, key)
        return


def _new_password(what: str) -> str:
    given = os.environ.get(NEW_PASSWORD) if what == "new" else os.environ.get(PASSWORD)
    if given is not None:
        return protection.check_new_password(given)
    if not _interactive():
        name = NEW_PASSWORD if what == "new" else PASSWORD
        raise OrganiserError(f"Run this in a terminal to choose the password, or set {name}.")
    for _attempt in range(TRIES):
        first = _ask(f"Choose a {what} password (at least {protection.MIN_PASSWORD} characters): ")
        try:
            first = protection.check_new_password(first)
        except OrganiserError as exc:
            print(f"organiser: {exc}", file=sys.stderr)
            continue
        if protection.normalised(_ask("Type it again: ")) == first:
            return first
        print("organiser: The two did not match; choose it again.", file=sys.stderr)
    raise OrganiserError("No password was chosen; nothing was changed.")


def _database(url: str) -> Path:
    path = sqlite_path(url)
    if path is None:
        raise OrganiserError(
            "Protecting with a password is for a database on this computer; a team database is "
            "protected by its server and each person's role."
        )
    if not path.exists():
        raise OrganiserError(f"There is no database at {path}.")
    if held_by_running_app(path):
        raise OrganiserError("Organiser has this database open; close the window, then try again.")
    return path


FORGOTTEN = (
    "If the password is forgotten, the recovery key below is the only way back into the "
    "database: there is no other. Write it down or print it (--recovery-sheet FILE.pdf) and "
    "keep it in a locked drawer, apart from the laptop."
)


def protect(args: argparse.Namespace, url: str) -> int:
    path = _database(url)
    if args.remove_plain_copy:
        kept = protection.plain_copy_path(path)
        if not protection.is_protected(path) or not kept.exists():
            raise OrganiserError(f"There is no plain copy of {path.name} to remove.")
        protection.remove_plain_copy(path)
        print(f"Removed the plain copy {kept.name}: only the protected database is left.")
        return 0
    if protection.is_protected(path):
        if not args.recovery_sheet:
            raise OrganiserError(
                f"{path.name} is already protected with a password (--recovery-sheet FILE.pdf "
                "prints its recovery key again, once the password is given)."
            )
        unlock_if_protected(url)  # the sheet again: a key lost on the way, a sheet mislaid
        key = protection.key_for(path)
        assert key is not None
        _save_sheet(path, key, Path(args.recovery_sheet).expanduser())
        return 0
    if _interactive() and os.environ.get(PASSWORD) is None:
        print(FORGOTTEN, file=sys.stderr)
    done = protection.protect_database(path, _new_password("database"))
    key = done.key
    print(f"Protected {path}. Its recovery key: {key.recovery}", flush=True)  # first, always
    for left in done.left_plain:
        print(
            f"organiser: warning: the backup {left.name} is damaged, so it could not be "
            "protected and can still be read: delete it.",
            file=sys.stderr,
        )
    if args.recovery_sheet:
        _save_sheet(path, key, Path(args.recovery_sheet).expanduser())
    kept = protection.plain_copy_path(path)
    if _interactive():
        last = key.recovery.rsplit("-", 1)[1]
        typed = input(
            "Type the recovery key's last four characters once it is written down or printed "
            "(the unprotected copy is then removed): "
        )
        if typed.strip().upper() == last:
            protection.remove_plain_copy(path)
            print("Removed the unprotected copy.")
            return 0
    print(
        f"The unprotected copy is kept as {kept.name} until the recovery key is safe; then run "
        "organiser protect --remove-plain-copy."
    )
    return 0


def _save_sheet(path: Path, key: protection.Key, sheet: Path) -> None:
    """The recovery sheet as a PDF (said, not raised, when it cannot be written: the key has
    been printed on the terminal by then, or can be asked for again)."""
    from organiser.reports.recovery_sheet import render_recovery_sheet

    try:
        atomic_write(sheet, render_recovery_sheet(str(path), key.recovery, made=dt.date.today()))
    except OrganiserError as exc:
        print(f"organiser: warning: the recovery sheet was not saved: {exc}", file=sys.stderr)
        return
    print(f"Recovery sheet saved to {sheet}: print it, then delete the file.")


def unprotect(args: argparse.Namespace, url: str) -> int:
    path = _database(url)
    if not protection.is_protected(path):
        raise OrganiserError(f"{path.name} is not protected with a password.")
    unlock_if_protected(url)
    key = protection.key_for(path)
    assert key is not None
    protection.unprotect_database(path, key)
    from organiser.core import remembered

    remembered.forget_key(path)
    print(f"{path} is no longer protected: anyone who copies it can read it.")
    return 0


def change_password(args: argparse.Namespace, url: str) -> int:
    path = _database(url)
    if not protection.is_protected(path):
        raise OrganiserError(
            f"{path.name} is not protected with a password; use organiser protect."
        )
    unlock_if_protected(url)
    key = protection.key_for(path)
    assert key is not None
    protection.change_password(path, key, _new_password("new"))
    print(f"Changed the password of {path}. The recovery key stays the same.")
    return 0


def add_parsers(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> list[argparse.ArgumentParser]:
    """protect, unprotect and change-password."""
    protect = commands.add_parser(
        "protect", help="encrypt the database with a password (asked, or ORGANISER_PASSWORD)"
    )
    protect.add_argument(
        "--recovery-sheet",
        metavar="FILE.pdf",
        help="also save the recovery key as a sheet to print",
    )
    protect.add_argument(
        "--remove-plain-copy",
        action="store_true",
        help="remove the unprotected copy kept after protecting",
    )
    plain = commands.add_parser(
        "unprotect", help="remove the password: the database becomes plain again"
    )
    new = commands.add_parser(
        "change-password", help="a new password (ORGANISER_NEW_PASSWORD); the recovery key stays"
    )
    return [protect, plain, new]
