"""A database on this computer protected with a password: the whole file encrypted (SQLCipher,
AES-256), so a copied laptop file, its -wal and its backups show none of its names.

The file is encrypted with a random 256-bit key. That key is kept beside the database in
`organiser.sqlite.keys`, itself locked with the password (scrypt, then XOR with a check, so a
wrong password is known as wrong before the database is touched); the key written out in
letters is the recovery key, which opens the file on its own if the password is forgotten or
the .keys file is lost. Changing the password locks the same key again; nothing else changes.

A password is never written anywhere: not to disk, settings, logs or the terminal.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import os
import re
import secrets
import unicodedata
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from organiser.core.errors import (
    CorruptDatabase,
    DiskProblem,
    OrganiserError,
    StoreError,
    ValidationError,
)

FORMAT = 1  # the .keys file's layout; a newer one is said as such
MIN_PASSWORD = 8
KEY_BYTES = 32
# OWASP's least for scrypt: about 0.4 s and 128 MiB each time a password is tried, so
# guessing the password of a stolen laptop's .keys file is slow.
_SCRYPT = {"n": 2**17, "r": 8, "p": 1}
_MAXMEM = 2**28
_CHECK = b"organiser protected database key"
_NOT_A_DATABASE = 26  # SQLITE_NOTADB: what a wrong key reads as
_SQLITE_HEADER = b"SQLite format 3\x00"
_QUIET: list[bool] = []
# A backup's name in the backups folder (as organiser.core.backup writes it).
_BACKUP_NAME = re.compile(
    r"^(?P<stem>.+)-\d{8}-\d{6}-[a-z-]+\.sqlite$"
)  # SQLCipher told to keep its error lines to itself


class WrongPassword(StoreError):
    """The password (or recovery key) does not open the database: nothing was touched."""


class Locked(StoreError):
    """A protected database whose password has not been given yet (nothing was read)."""


class NewerProtection(StoreError):
    """The database was protected by a newer version of Organiser (or of SQLCipher)."""


@dataclass(frozen=True, repr=False)
class Key:
    """The database's own 256-bit key (never printed: repr hides it)."""

    raw: bytes

    def __repr__(self) -> str:
        return "Key(hidden)"

    @property
    def pragma(self) -> str:
        """The statement that unlocks a SQLCipher connection with this key (no key derivation:
        opening is as quick as a plain file)."""
        return f"PRAGMA key = \"x'{self.raw.hex()}'\""

    @property
    def recovery(self) -> str:
        """The key in letters to keep on paper: 52 letters and digits in groups of four."""
        letters = base64.b32encode(self.raw).decode().rstrip("=")
        return "-".join(letters[i : i + 4] for i in range(0, len(letters), 4))


def new_key() -> Key:
    return Key(secrets.token_bytes(KEY_BYTES))


def key_from_recovery(text: str) -> Key | None:
    """The key a recovery key stands for (spaces, dashes and case do not matter), or None."""
    # The key has no 0, 1 or 8: typed for O, I and B, they are read as meant.
    letters = "".join(c for c in text.upper() if c.isalnum()).translate(str.maketrans("018", "OIB"))
    if len(letters) != 52:
        return None
    try:
        raw = base64.b32decode(letters + "=" * 4)
    except ValueError:
        return None
    return Key(raw) if len(raw) == KEY_BYTES else None


def normalised(password: str) -> str:
    """A password as typed or pasted: a trailing newline from a paste is not part of it, and
    the same letters typed on another keyboard (composed or not) are the same password."""
    return unicodedata.normalize("NFC", password.rstrip("\r\n"))


def check_new_password(password: str) -> str:
    """A new password, or ValidationError saying why not."""
    password = normalised(password)
    if len(password) < MIN_PASSWORD:
        raise ValidationError(
            f"Choose a password of at least {MIN_PASSWORD} characters: a short one can be "
            "guessed by a computer in minutes.",
            field="password",
        )
    return password


# The .keys file beside the database.


def keys_path(database: Path) -> Path:
    return database.with_name(f"{database.name}.keys")


def _derive(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        normalised(password).encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=_MAXMEM, dklen=64
    )


def _lock(key: Key, password: str) -> dict[str, Any]:
    salt = secrets.token_bytes(16)
    derived = _derive(password, salt, **_SCRYPT)
    wrapped = bytes(a ^ b for a, b in zip(key.raw, derived[:KEY_BYTES], strict=True))
    check = hmac.new(derived[KEY_BYTES:], _CHECK + wrapped, hashlib.sha256).hexdigest()
    return {
        "what": "The key of an Organiser database protected with a password",
        "format": FORMAT,
        "cipher": "SQLCipher 4 (AES-256)",
        "kdf": "scrypt",
        **_SCRYPT,
        "salt": salt.hex(),
        "wrapped": wrapped.hex(),
        "check": check,
    }


def _unlock(document: dict[str, Any], password: str) -> Key | None:
    """The key the password unlocks, or None for a wrong password; ValueError for a .keys file
    that is not as written (damaged, or edited)."""
    try:
        n, r, p = int(document["n"]), int(document["r"]), int(document["p"])
        salt, wrapped = bytes.fromhex(document["salt"]), bytes.fromhex(document["wrapped"])
        str(document["check"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"it is not as Organiser wrote it ({exc})") from exc
    if not (2**10 <= n <= 2**20 and 1 <= r <= 32 and 1 <= p <= 16) or len(wrapped) != KEY_BYTES:
        raise ValueError("its settings are out of range")
    if 128 * r * n > _MAXMEM or len(salt) < 8:
        raise ValueError("its settings are out of range")
    derived = _derive(password, salt, n, r, p)
    check = hmac.new(derived[KEY_BYTES:], _CHECK + wrapped, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(check, str(document["check"])):
        return None
    return Key(bytes(a ^ b for a, b in zip(wrapped, derived[:KEY_BYTES], strict=True)))


def read_keys(database: Path) -> dict[str, Any] | None:
    """The .keys file, or None when there is none; NewerProtection for a newer layout."""
    path = keys_path(database)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise StoreError(
            f"{path.name} (the password's key) cannot be read ({exc}). The recovery key still "
            "opens the database."
        ) from exc
    if not isinstance(document, dict) or int(document.get("format", 0)) > FORMAT:
        raise NewerProtection(
            f"{database.name} was protected by a newer version of Organiser: update Organiser "
            "to open it. Nothing was changed."
        )
    return document


def write_keys(database: Path, key: Key, password: str) -> None:
    """Lock the key with the password beside the database (written whole, then swapped in)."""
    from organiser.core.files import atomic_write

    text = json.dumps(_lock(key, check_new_password(password)), indent=1) + "\n"
    atomic_write(keys_path(database), text.encode("utf-8"))


# Is a file protected, and opening it.


def is_protected(database: Path) -> bool:
    """Whether the file is an encrypted database: it has a .keys file beside it, or it is not
    plain SQLite yet has a database's shape (a plain header always wins: a .keys file left by
    an interrupted protect beside a plain file means nothing)."""
    try:
        if not database.is_file():
            return False
        if database.stat().st_size == 0:  # emptied: its backups still need its key
            return keys_path(database).exists()
        with database.open("rb") as handle:
            head = handle.read(len(_SQLITE_HEADER))
        size = database.stat().st_size
    except OSError:
        return False
    if head == _SQLITE_HEADER:
        return False
    return keys_path(database).exists() or (size % 1024 == 0 and _random_looking(head))


def _random_looking(head: bytes) -> bool:
    """SQLCipher's first 16 bytes are a random salt: not a picture, document or text."""
    known = (b"\x89PNG", b"%PDF", b"PK\x03\x04", b"GIF8", b"\xd0\xcf\x11\xe0")
    if head[:4] in known or head[:3] == b"\xff\xd8\xff":
        return False
    try:
        head.decode("ascii")
    except UnicodeDecodeError:
        return True
    return False


def cipher() -> Any:
    """SQLCipher's Python module (sqlcipher3-wheels), with its own error lines kept off the
    person's terminal; StoreError when this install lacks it."""
    try:
        import sqlcipher3
    except ImportError as exc:
        raise StoreError(
            "This copy of Organiser cannot open password-protected databases: its SQLCipher "
            "part is missing. Install Organiser again (pip install organiser)."
        ) from exc
    if not _QUIET:
        with closing(sqlcipher3.connect(":memory:")) as quiet:
            quiet.execute("PRAGMA cipher_log_level = NONE")
        _QUIET.append(True)
    return sqlcipher3


def cipher_version() -> str:
    """SQLCipher's version, as it says it ("4.12.0 community")."""
    with closing(cipher().connect(":memory:")) as connection:
        return str(connection.execute("PRAGMA cipher_version").fetchone()[0])


def connect(database: Path | str, key: Key, *, read_only: bool = False, shared: bool = True) -> Any:
    """A SQLCipher connection to the file, unlocked with `key` (nothing is read yet)."""
    module = cipher()
    if read_only:
        uri = f"{Path(database).resolve().as_uri()}?mode=ro"
        connection = module.connect(uri, uri=True, timeout=5, check_same_thread=not shared)
    else:
        connection = module.connect(str(database), timeout=5, check_same_thread=not shared)
    connection.execute(key.pragma)
    return connection


def connect_uri(uri: str, key: Key, *, shared: bool = True) -> Any:
    """A SQLCipher connection to a file: URI (read-only, immutable…), unlocked with `key`."""
    connection = cipher().connect(uri, uri=True, timeout=5, check_same_thread=not shared)
    connection.execute(key.pragma)
    return connection


def opens(database: Path, key: Key) -> bool:
    """Whether `key` opens the file (read-only: nothing is written). Only "not a database"
    means a wrong key; a file another program holds, or that cannot be read, is a DiskProblem
    (never a wrong password)."""
    from organiser.core.disk import disk_words, sqlite_code

    module = cipher()
    try:
        with closing(connect(database, key, read_only=True)) as connection:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except module.DatabaseError as exc:
        if sqlite_code(exc) == _NOT_A_DATABASE:
            return False
        raise DiskProblem(f"Cannot read {database.name}: {disk_words(database, exc)}.") from exc
    return True


def unlock(database: Path, secret: str) -> Key:
    """The key that opens the database, from its password or its recovery key; WrongPassword
    (the file untouched) when it is neither. A .keys file that cannot be used still lets the
    recovery key in."""
    problem = ""
    try:
        document = read_keys(database)
    except NewerProtection:
        raise
    except StoreError as exc:
        document, problem = None, str(exc)
    if document is not None:
        try:
            key = _unlock(document, secret)
        except ValueError as exc:
            key, problem = None, f"{keys_path(database).name} cannot be used: {exc}."
        if key is not None:
            if opens(database, key):
                return key
            remember(database, key)  # the password is right: the file's first page is not
            raise CorruptDatabase(
                f"{database.name} is damaged: its password is right, but its first page "
                "cannot be read.",
                path=str(database),
            )
    recovered = key_from_recovery(secret)
    if recovered is not None and opens(database, recovered):
        return recovered
    if problem:
        raise WrongPassword(f"{problem} Type the recovery key from its recovery sheet instead.")
    if document is None:
        raise WrongPassword(
            f"{database.name} is protected, and its password's key ({keys_path(database).name}) "
            "is not beside it: type the recovery key from its recovery sheet. Nothing was changed."
        )
    raise WrongPassword(
        f"That password does not open {database.name}. Type it again, or the recovery key from "
        "its recovery sheet. Nothing was changed."
    )


# Turning a plain file into a protected one and back.


@contextmanager
def _exported(source: Any, target: Path, key: Key | None) -> Iterator[None]:
    """Copy every table, index and the schema's version from `source` (an open connection)
    into a new file at `target`, encrypted with `key` (or plain when None)."""
    target.unlink(missing_ok=True)
    os.close(os.open(target, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600))  # private from the start
    literal = f"\"x'{key.raw.hex()}'\"" if key is not None else "''"  # '' writes it plain
    source.execute(f"ATTACH DATABASE ? AS exported KEY {literal}", (str(target),))
    try:
        source.execute("SELECT sqlcipher_export('exported')")
        version = source.execute("PRAGMA main.user_version").fetchone()[0]
        source.execute(f"PRAGMA exported.user_version = {int(version)}")
        yield
    finally:
        source.execute("DETACH DATABASE exported")


def convert(database: Path, target: Path, *, source_key: Key | None, key: Key | None) -> None:
    """Write `database` (plain, or protected with `source_key`) to `target` (encrypted with
    `key`, or plain), then check the copy holds every row; the original is not changed."""
    module = cipher()
    opened = connect(database, source_key) if source_key else module.connect(str(database))
    with closing(opened) as source:
        with _exported(source, target, key):
            pass
        counts = _row_counts(source)
    copy = connect(target, key) if key else module.connect(str(target))
    with closing(copy) as check:
        verdict = [str(r[0]) for r in check.execute("PRAGMA quick_check").fetchall()]
        same = _row_counts(check) == counts
    if verdict != ["ok"] or not same:
        target.unlink(missing_ok=True)
        raise OrganiserError(
            f"The converted copy of {database.name} did not check out ({verdict[0]}); the "
            "database was not changed."
        )
    with contextlib.suppress(OSError):
        fd = os.open(target, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _row_counts(connection: Any) -> dict[str, int]:
    names = [
        str(r[0])
        for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {n: int(connection.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0]) for n in names}


def shred(path: Path) -> None:
    """Overwrite a file with zeros, then remove it (on a solid-state disk the drive may keep
    old copies of its blocks out of reach: this is as far as a program can go)."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    with contextlib.suppress(OSError), path.open("r+b") as handle:
        zeros = b"\0" * 65536
        for _ in range(0, size, len(zeros)):
            handle.write(zeros)
        handle.flush()
        os.fsync(handle.fileno())
    path.unlink(missing_ok=True)


# The keys unlocked in this process, by file: every connection to a protected file (the
# window's, a backup's, a check's) is made with its key, which is never written anywhere.

_UNLOCKED: dict[Path, Key] = {}


def remember(database: Path, key: Key) -> None:
    """Use `key` for this file (and its backups) from now on, in this process only."""
    _UNLOCKED[database.resolve()] = key


def forget(database: Path) -> None:
    _UNLOCKED.pop(database.resolve(), None)


def key_for(path: Path) -> Key | None:
    """The key this process unlocked for `path`: the database's own, or for one of its
    backups (in the backups folder beside it, named after it), the database's."""
    if not _UNLOCKED:
        return None
    found = _UNLOCKED.get(path.resolve())
    if found is not None or path.parent.name != "backups":
        return found
    named = _BACKUP_NAME.match(path.name)
    for database, key in _UNLOCKED.items():
        if (
            named is not None
            and named["stem"] == database.stem
            and database.parent == path.parent.parent.resolve()
        ):
            return key
    return None


def database_errors(kind: str = "Error") -> tuple[type[BaseException], ...]:
    """The errors of a kind ("Error", "DatabaseError") a database file can raise here: the
    standard library's, and SQLCipher's once it is loaded (a module of its own, so its errors
    are not sqlite3's)."""
    import sqlite3
    import sys

    loaded = sys.modules.get("sqlcipher3")
    found: tuple[type[BaseException], ...] = (getattr(sqlite3, kind),)
    return (*found, getattr(loaded, kind)) if loaded is not None else found


# Protect, change the password, remove the protection.


def plain_copy_path(database: Path) -> Path:
    """Where the plain file is kept after protecting, until the person says to remove it."""
    return database.with_name(f"{database.name}.before-protecting")


@dataclass(frozen=True)
class Protected:
    """What protecting did: the key (its recovery key to show), and the backups that could not
    be protected (damaged ones: still readable, to be deleted by hand)."""

    key: Key
    left_plain: tuple[Path, ...]


def _forget_around(database: Path) -> None:
    """Forget every key this process holds for the database and its backups (they change)."""
    folder, backups = database.parent.resolve(), (database.parent / "backups").resolve()
    for path in [p for p in _UNLOCKED if p.parent in (folder, backups)]:
        del _UNLOCKED[path]


def _snapshot(database: Path) -> tuple[tuple[int, int] | None, ...]:
    """Size and time of the file and its -wal: any write by another program changes them."""
    found: list[tuple[int, int] | None] = []
    for path in (database, Path(f"{database}-wal")):
        try:
            status = path.stat()
            found.append((status.st_size, status.st_mtime_ns))
        except FileNotFoundError:
            found.append(None)
    return tuple(found)


def _unchanged(database: Path, before: tuple[tuple[int, int] | None, ...]) -> None:
    if _snapshot(database) != before:
        raise OrganiserError(
            f"Another program changed {database.name} while it was being converted, so nothing "
            "was changed: close it (another Organiser, an import) and try again."
        )


def _converted_backups(
    database: Path, *, source_key: Key | None, key: Key | None
) -> tuple[list[tuple[Path, Path]], list[Path]]:
    """Each backup converted into a file beside it (to swap in later); and those that could not
    be (damaged), left as they are."""
    from organiser.core import backup

    ready: list[tuple[Path, Path]] = []
    failed: list[Path] = []
    unreadable: tuple[type[BaseException], ...] = (OrganiserError, *database_errors())
    for found in backup.list_backups(database):
        fresh = found.path.with_name(f".{found.path.name}.converting")
        try:
            convert(found.path, fresh, source_key=source_key, key=key)
        except unreadable:
            fresh.unlink(missing_ok=True)
            failed.append(found.path)
            continue
        ready.append((fresh, found.path))
    return ready, failed


def _swap(fresh: Path, target: Path, *, overwrite_old: bool) -> None:
    """Put `fresh` in `target`'s place; with `overwrite_old`, the old file's own blocks are
    overwritten with zeros first (through a link to them, so an interruption loses nothing:
    the old file is whole until the new one has taken its place)."""
    if not overwrite_old:
        os.replace(fresh, target)
        return
    old = target.with_name(f".{target.name}.old")
    old.unlink(missing_ok=True)
    try:
        os.link(target, old)
    except OSError:  # no hard links here (a FAT stick): replaced, not overwritten
        os.replace(fresh, target)
        return
    os.replace(fresh, target)
    shred(old)


def protect_database(database: Path, password: str) -> Protected:
    """Encrypt the database (and every backup of it) with a new key locked by `password`.

    Everything is written as new files and checked first, then swapped in, so an interruption
    before the swap leaves every file as it was. The plain database is kept as
    `plain_copy_path` (its own blocks, not a copy) until remove_plain_copy, once the person has
    put the recovery key somewhere safe; each plain backup is overwritten as its protected one
    takes its place.
    """
    import sqlite3

    from organiser.core.paths import make_private_file

    password = check_new_password(password)
    if is_protected(database):
        raise ValidationError(f"{database.name} is already protected with a password.")
    with closing(sqlite3.connect(database, timeout=5)) as plain:  # everything into the file
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = _snapshot(database)
    key = new_key()
    fresh = database.with_name(f".{database.name}.protecting")
    ready: list[tuple[Path, Path]] = []
    try:
        convert(database, fresh, source_key=None, key=key)
        make_private_file(fresh)
        ready, failed = _converted_backups(database, source_key=None, key=key)
        _unchanged(database, before)
        kept = plain_copy_path(database)
        kept.unlink(missing_ok=True)
        try:
            os.link(database, kept)  # the plain file's own blocks, overwritten when removed
        except OSError:
            from organiser.core import backup

            backup.make_backup(database, out=kept)
        write_keys(database, key, password)
        os.replace(fresh, database)
    except BaseException:  # every file as it was; a .keys beside the plain file would mislead
        fresh.unlink(missing_ok=True)
        for converting, _target in ready:
            converting.unlink(missing_ok=True)
        if not is_protected(database):
            keys_path(database).unlink(missing_ok=True)
            plain_copy_path(database).unlink(missing_ok=True)  # a second name for the file
        raise
    for leftover in (Path(f"{database}-wal"), Path(f"{database}-shm")):
        leftover.unlink(missing_ok=True)
    _forget_around(database)
    remember(database, key)
    for converting, target in ready:
        _swap(converting, target, overwrite_old=True)
    return Protected(key, tuple(failed))


def remove_plain_copy(database: Path) -> None:
    """Overwrite and remove the plain file kept by protect_database."""
    shred(plain_copy_path(database))


def unprotect_database(database: Path, key: Key) -> None:
    """Turn the database (and its backups) back into plain files; remove the .keys file.
    Everything is converted first, then swapped in (the backups before the database, the
    .keys file last), so an interruption leaves the database protected and openable."""
    from organiser.core.paths import make_private_file

    with closing(connect(database, key)) as protected:
        protected.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = _snapshot(database)
    fresh = database.with_name(f".{database.name}.unprotecting")
    ready: list[tuple[Path, Path]] = []
    try:
        convert(database, fresh, source_key=key, key=None)
        make_private_file(fresh)
        ready, failed = _converted_backups(database, source_key=key, key=None)
        if failed:
            raise OrganiserError(
                f"{len(failed)} backup(s) of {database.name} could not be read to convert "
                f"(damaged: {failed[0].name}); delete them, then try again. Nothing was changed."
            )
        _unchanged(database, before)
    except BaseException:
        fresh.unlink(missing_ok=True)
        for converting, _target in ready:
            converting.unlink(missing_ok=True)
        raise
    for converting, target in ready:
        os.replace(converting, target)
    os.replace(fresh, database)
    for leftover in (Path(f"{database}-wal"), Path(f"{database}-shm")):
        leftover.unlink(missing_ok=True)
    keys_path(database).unlink(missing_ok=True)
    _forget_around(database)


def change_password(database: Path, key: Key, password: str) -> None:
    """Lock the database's key with a new password (the recovery key stays the same)."""
    if not opens(database, key):
        raise WrongPassword(f"That key does not open {database.name}. Nothing was changed.")
    write_keys(database, key, password)
