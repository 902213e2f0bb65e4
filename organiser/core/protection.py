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
import secrets
import unicodedata
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from organiser.core.errors import OrganiserError, StoreError, ValidationError

FORMAT = 1  # the .keys file's layout; a newer one is said as such
MIN_PASSWORD = 8
KEY_BYTES = 32
_SCRYPT = {"n": 2**15, "r": 8, "p": 1}  # about 0.1-0.2 s on a laptop: slow to guess
_CHECK = b"organiser protected database key"
_SQLITE_HEADER = b"SQLite format 3\x00"
_QUIET: list[bool] = []  # SQLCipher told to keep its error lines to itself


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
        normalised(password).encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=2**26, dklen=64
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
    derived = _derive(
        password,
        bytes.fromhex(document["salt"]),
        int(document["n"]),
        int(document["r"]),
        int(document["p"]),
    )
    wrapped = bytes.fromhex(document["wrapped"])
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
        if not database.is_file() or database.stat().st_size == 0:
            return False
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
    if head[:4] in (b"\x89PNG", b"%PDF", b"PK\x03\x04", b"GIF8") or head[:3] == b"\xff\xd8\xff":
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
    """Whether `key` opens the file (read-only: nothing is written)."""
    module = cipher()
    try:
        with closing(connect(database, key, read_only=True)) as connection:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except module.DatabaseError:
        return False
    return True


def unlock(database: Path, secret: str) -> Key:
    """The key that opens the database, from its password or its recovery key; WrongPassword
    (the file untouched) when it is neither."""
    document = read_keys(database)
    if document is not None:
        key = _unlock(document, secret)
        if key is not None and opens(database, key):
            return key
    recovered = key_from_recovery(secret)
    if recovered is not None and opens(database, recovered):
        return recovered
    if document is None and recovered is None:
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
    for database, key in _UNLOCKED.items():
        if database.parent == path.parent.parent.resolve() and path.name.startswith(
            f"{database.stem}-"
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


def protect_database(database: Path, password: str) -> Key:
    """Encrypt the database (and every backup of it) with a new key locked by `password`.

    Written as new files, checked, then swapped in, so an interruption leaves the plain file
    as it was. The plain file is kept as `plain_copy_path` until remove_plain_copy (after
    the person has put the recovery key somewhere safe); plain backups are encrypted in
    place and their plain bytes overwritten.
    """
    import sqlite3

    from organiser.core import backup
    from organiser.core.paths import make_private_file

    password = check_new_password(password)
    if is_protected(database):
        raise ValidationError(f"{database.name} is already protected with a password.")
    with closing(sqlite3.connect(database, timeout=5)) as plain:  # everything into the file
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    kept = plain_copy_path(database)
    backup.make_backup(database, out=kept)
    key = new_key()
    fresh = database.with_name(f".{database.name}.protecting")
    convert(database, fresh, source_key=None, key=key)
    make_private_file(fresh)
    try:
        write_keys(database, key, password)
        os.replace(fresh, database)
    except BaseException:  # the plain file stays as it was; a .keys beside it would mislead
        fresh.unlink(missing_ok=True)
        keys_path(database).unlink(missing_ok=True)
        raise
    for leftover in (Path(f"{database}-wal"), Path(f"{database}-shm")):
        shred(leftover)
    remember(database, key)
    for found in backup.list_backups(database):
        _reencrypt(found.path, source_key=None, key=key)
    return key


def remove_plain_copy(database: Path) -> None:
    """Overwrite and remove the plain file kept by protect_database."""
    shred(plain_copy_path(database))


def unprotect_database(database: Path, key: Key) -> None:
    """Turn the database (and its backups) back into plain files; remove the .keys file."""
    from organiser.core import backup
    from organiser.core.paths import make_private_file

    with closing(connect(database, key)) as protected:
        protected.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    fresh = database.with_name(f".{database.name}.unprotecting")
    convert(database, fresh, source_key=key, key=None)
    make_private_file(fresh)
    os.replace(fresh, database)
    for leftover in (Path(f"{database}-wal"), Path(f"{database}-shm")):
        leftover.unlink(missing_ok=True)
    for found in backup.list_backups(database):
        _reencrypt(found.path, source_key=key, key=None)
    keys_path(database).unlink(missing_ok=True)
    forget(database)


def change_password(database: Path, key: Key, password: str) -> None:
    """Lock the database's key with a new password (the recovery key stays the same)."""
    if not opens(database, key):
        raise WrongPassword(f"That key does not open {database.name}. Nothing was changed.")
    write_keys(database, key, password)


def _reencrypt(path: Path, *, source_key: Key | None, key: Key | None) -> None:
    """A backup converted like its database, the old bytes overwritten."""
    from organiser.core.paths import make_private_file

    fresh = path.with_name(f".{path.name}.converting")
    convert(path, fresh, source_key=source_key, key=key)
    make_private_file(fresh)
    if key is not None:  # the plain bytes must not stay on the disk under the new file
        with contextlib.suppress(OSError):
            shred(path)
    os.replace(fresh, path)
