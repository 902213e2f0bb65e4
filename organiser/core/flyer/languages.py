"""A flyer's language versions: its words in another language, kept with the English, each
checked by a member of the working group who reads that language.

A version holds the flyer's words only (title to credit line); the template, theme, image
and booking link are the English flyer's. A field left empty prints in English and the
checklist says so. Changing a version's words takes back its check: a member reads it again.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from organiser.core.base import utc_now
from organiser.core.changes import Changes, Touched
from organiser.core.db import Store
from organiser.core.errors import NotFound, ValidationError
from organiser.core.flyer.documents import FlyerSheet
from organiser.core.flyer.kinds import HEADINGS, TEXT_FIELDS
from organiser.core.flyer.models import Flyer, FlyerTranslation
from organiser.core.flyer.service import _flyer
from organiser.core.languages import language_name
from organiser.core.planning.models import Member
from organiser.core.planning.rows import member_name
from organiser.core.planning.validation import long_text
from organiser.core.records import NOTHING, apply_values, get_or_raise, restore, snapshot
from organiser.core.versions import merge_edit, version_of

# The words a version translates (the booking link is an address or a number: the same).
WORDS = tuple(key for key, _label in TEXT_FIELDS if key != "booking_link")
HEADING_KEYS = tuple(field for field, _part, _english in HEADINGS)
TRANSLATED = WORDS + HEADING_KEYS  # everything a version holds in its language
_LINES = ("expect", "hear_from")  # one item per line


@dataclasses.dataclass(frozen=True)
class LanguageVersion:
    """A language version as the Flyer tab shows it."""

    id: int
    language: str
    values: dict[str, str]  # every translated field and heading, "" where not translated yet
    checked_by: str  # "" until a member who reads it has checked it
    checked_at: dt.datetime | None
    row_version: int

    @property
    def untranslated(self) -> tuple[str, ...]:
        """The fields and headings left empty (they print in English), in that order."""
        return tuple(key for key in TRANSLATED if not self.values[key].strip())


def _version(row: FlyerTranslation) -> LanguageVersion:
    return LanguageVersion(
        id=row.id,
        language=row.language,
        values={key: getattr(row, key) for key in TRANSLATED},
        checked_by=row.checked_by,
        checked_at=row.checked_at,
        row_version=version_of(row),
    )


def _find(s: Session, event_id: int, language: str) -> FlyerTranslation:
    flyer = _flyer(s, event_id)
    row = s.scalar(
        select(FlyerTranslation).where(
            FlyerTranslation.flyer_id == flyer.id,
            func.lower(FlyerTranslation.language) == language.strip().lower(),
        )
    )
    if row is None:
        raise NotFound(f"This flyer has no {language.strip()} version.")
    return row


def list_languages(store: Store, event_id: int) -> list[LanguageVersion]:
    """The flyer's language versions, in the order they were added."""
    with store.begin() as s:
        flyer = _flyer(s, event_id)
        rows = s.scalars(
            select(FlyerTranslation)
            .where(FlyerTranslation.flyer_id == flyer.id)
            .order_by(FlyerTranslation.id)
        )
        return [_version(row) for row in rows]


def get_language(store: Store, event_id: int, language: str) -> LanguageVersion:
    """One language version, by its name (any case)."""
    with store.begin() as s:
        return _version(_find(s, event_id, language))


def add_language(store: Store, *, event_id: int, language: str) -> Changes:
    """Add a language version, its words empty (they print in English until translated)."""
    name = language_name(language, english_is="The flyer itself is the English version.")
    with store.begin() as s:
        flyer = _flyer(s, event_id)
        taken = s.scalar(
            select(FlyerTranslation.id).where(
                FlyerTranslation.flyer_id == flyer.id,
                func.lower(FlyerTranslation.language) == name.lower(),
            )
        )
        if taken is not None:
            raise ValidationError(f"The flyer has a {name} version already.", field="language")
        row = FlyerTranslation(flyer_id=flyer.id, language=name, checked_by="")
        for key in TRANSLATED:
            setattr(row, key, "")
        s.add(row)
        s.flush()
        return Changes(Touched.FLYER, event_id=event_id, row_id=row.id, created_id=row.id)


def update_language(
    store: Store,
    *,
    event_id: int,
    language: str,
    values: Mapping[str, Any],
    base: Mapping[str, Any] | None = None,
    expected_version: int | None = None,
) -> Changes:
    """Change a version's words; `previous` holds the old ones (for undo). Changed words take
    back the version's check. With `base` and the version shown, someone else's edit of other
    fields is kept, of the same field a clash (organiser.core.versions)."""
    with store.begin() as s:
        row = _find(s, event_id, language)
        return _update(s, event_id, row, values, base, expected_version)


def edit_translation(
    store: Store,
    *,
    translation_id: int,
    values: Mapping[str, Any],
    base: Mapping[str, Any] | None = None,
    expected_version: int | None = None,
) -> Changes:
    """`update_language` for the version with this id (as the Flyer tab's editor saves)."""
    with store.begin() as s:
        row = get_or_raise(s, FlyerTranslation, translation_id, "language version")
        event_id = s.scalar(select(Flyer.event_id).where(Flyer.id == row.flyer_id))
        assert event_id is not None
        return _update(s, event_id, row, values, base, expected_version)


def translation_version(store: Store, translation_id: int) -> int:
    """The version's row version now (what its editor remembers when it shows it)."""
    with store.begin() as s:
        return version_of(get_or_raise(s, FlyerTranslation, translation_id, "language version"))


def _update(
    s: Session,
    event_id: int,
    row: FlyerTranslation,
    values: Mapping[str, Any],
    base: Mapping[str, Any] | None,
    expected_version: int | None,
) -> Changes:
    unknown = set(values) - set(TRANSLATED)
    if unknown:
        raise ValidationError(f"A language version has no field {', '.join(sorted(unknown))}.")
    checked = {key: str(value or "") for key, value in values.items()}
    long_text(checked)
    checked = merge_edit(
        row,
        checked,
        base=base,
        expected_version=expected_version,
        what=f"{row.language} version of the flyer",
        row_id=row.id,
    )
    previous = apply_values(row, checked, TRANSLATED)
    if previous:
        row.updated_at = utc_now()
        if row.checked_at is not None:
            previous.update(checked_by=row.checked_by, checked_at=row.checked_at)
            row.checked_by_id, row.checked_by, row.checked_at = None, "", None
    s.flush()
    return Changes(
        Touched.FLYER if previous else Touched.NONE,
        event_id=event_id,
        row_id=row.id,
        previous=previous,
        row_version=version_of(row),
        current={key: getattr(row, key) for key in previous if key in TRANSLATED},
    )


def check_language(store: Store, *, event_id: int, language: str, member_id: int | None) -> Changes:
    """Record that a working-group member who reads the language checked this version (or,
    with None, take the check back)."""
    with store.begin() as s:
        row = _find(s, event_id, language)
        previous = {"checked_by": row.checked_by, "checked_at": row.checked_at}
        if member_id is None:
            row.checked_by_id, row.checked_by, row.checked_at = None, "", None
        else:
            row.checked_by = member_name(s, event_id, member_id)
            row.checked_by_id, row.checked_at = member_id, utc_now()
        s.flush()
        return Changes(
            Touched.FLYER, event_id=event_id, row_id=row.id, previous={"checked": previous}
        )


def remove_language(store: Store, *, event_id: int, language: str) -> Changes:
    """Remove a language version; its snapshot lets undo bring it back whole."""
    with store.begin() as s:
        row = _find(s, event_id, language)
        saved = snapshot(s, row, NOTHING)
        translation_id = row.id
        s.delete(row)
        s.flush()
        return Changes(Touched.FLYER, event_id=event_id, row_id=translation_id, snapshot=saved)


def restore_language(store: Store, *, event_id: int, snapshot: Mapping[str, Any]) -> Changes:
    """Undo a removal: the version comes back with its id, words and check (a check by a
    member who has left stays gone)."""
    row = dict(snapshot["row"])
    with store.begin() as s:
        if row["checked_by_id"] is not None and s.get(Member, row["checked_by_id"]) is None:
            row["checked_by_id"] = None
        restore(s, FlyerTranslation, {**snapshot, "row": row}, NOTHING)
        return Changes(Touched.FLYER, event_id=event_id, row_id=row["id"], created_id=row["id"])


def translated_sheet(sheet: FlyerSheet, version: LanguageVersion) -> FlyerSheet:
    """The English sheet with the version's words and headings in place (an empty one stays
    English)."""

    def lines(text: str) -> tuple[str, ...]:
        return tuple(line.strip() for line in text.splitlines() if line.strip())

    words: dict[str, Any] = {}
    for key in WORDS:
        text = version.values[key]
        if text.strip():
            words[key] = lines(text) if key in _LINES else text
    headings = tuple(
        (part, version.values[field].strip())
        for field, part, _english in HEADINGS
        if version.values[field].strip()
    )
    return dataclasses.replace(sheet, **words, headings=headings)
