"""Remember a protected database's key on this computer, only in the operating system's own
credential store (Windows Credential Manager, the macOS Keychain, the Secret Service on Linux,
through the keyring library) and only when the person asks: off by default. Nothing is ever
written to Organiser's files, settings or logs. Where no store is usable, it says why."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from organiser.core import protection

SERVICE = "Organiser: key of a protected database"


def _keyring() -> Any | None:
    """The keyring library's store, or None when this computer has none Organiser can use."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    try:
        store = keyring.get_keyring()
    except Exception:  # a broken configuration is no store
        return None
    return None if isinstance(store, fail.Keyring) else store


def why_not() -> str | None:
    """None when a key can be remembered here, else why not, in words."""
    if _keyring() is None:
        return (
            "This computer has no password store Organiser can use (on Linux, a desktop's "
            "keyring), so the password is asked each time."
        )
    return None


def store_name() -> str:
    store = _keyring()
    return str(getattr(store, "name", type(store).__name__)) if store is not None else ""


def _user(database: Path) -> str:
    return str(database.resolve())


def remember_key(database: Path, key: protection.Key) -> bool:
    """Keep the key in the computer's store; False (nothing kept) when it cannot."""
    store = _keyring()
    if store is None:
        return False
    try:
        store.set_password(SERVICE, _user(database), key.recovery)
    except Exception:
        return False
    return True


def remembered_key(database: Path) -> protection.Key | None:
    """The key kept for this database, when there is one and it still opens the file (one that
    no longer does, after the protection was removed and made again, is forgotten)."""
    store = _keyring()
    if store is None:
        return None
    try:
        kept = store.get_password(SERVICE, _user(database))
    except Exception:
        return None
    key = protection.key_from_recovery(kept) if kept else None
    if key is None:
        return None
    try:
        if protection.opens(database, key):
            return key
    except Exception:
        return None
    forget_key(database)
    return None


def forget_key(database: Path) -> None:
    """Take the key out of the computer's store (after Remove protection, or on request)."""
    store = _keyring()
    if store is None:
        return
    try:
        store.delete_password(SERVICE, _user(database))
    except Exception:
        return
