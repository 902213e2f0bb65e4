"""The flyer draft: made from the event's data the first time, edited field by field (undoable),
its image kept in the database, and turned into a FlyerSheet for printing."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from organiser.core.base import utc_now
from organiser.core.changes import Changes, Touched
from organiser.core.db import Store
from organiser.core.errors import NotFound, ValidationError
from organiser.core.events.models import Event
from organiser.core.flyer import images
from organiser.core.flyer.contrast import parse_colour
from organiser.core.flyer.documents import FlyerSheet
from organiser.core.flyer.kinds import CONTENT_FIELDS, TEXT_FIELDS, Alignment, Placement, Template
from organiser.core.flyer.models import Flyer, FlyerImage, FlyerVersion
from organiser.core.planning.validation import long_text
from organiser.core.records import apply_values, get_or_raise
from organiser.core.versions import merge_edit, retry_races, version_of

_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*\.[^\s]{2,}$", re.IGNORECASE)
_PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{6,}$")
SIZES = {"body_size": (8, 72), "heading_size": (12, 200)}


@dataclasses.dataclass(frozen=True)
class FlyerDraft:
    """The draft as the Flyer tab edits it."""

    event_id: int
    values: dict[str, Any]  # every content field
    image_name: str
    image_size: tuple[int, int] | None
    updated_at: dt.datetime


def _flyer(s: Session, event_id: int) -> Flyer:
    flyer = s.scalar(select(Flyer).where(Flyer.event_id == event_id))
    if flyer is None:
        # Loaded here: the draft's first words come from the programme, speakers and creche,
        # models that printing or exporting an existing flyer need not import.
        from organiser.core.flyer.prefill import draft_from_event

        get_or_raise(s, Event, event_id, "event")
        flyer = Flyer(event_id=event_id, **draft_from_event(s, event_id))
        s.add(flyer)
        s.flush()
    return flyer


def _draft(s: Session, flyer: Flyer) -> FlyerDraft:
    image = s.get(FlyerImage, flyer.image_id) if flyer.image_id else None
    return FlyerDraft(
        event_id=flyer.event_id,
        values={k: getattr(flyer, k) for k in CONTENT_FIELDS},
        image_name=image.name if image else "",
        image_size=(image.width, image.height) if image else None,
        updated_at=flyer.updated_at,
    )


def get_flyer(store: Store, event_id: int) -> FlyerDraft:
    """The event's flyer draft, written from its data the first time it is asked for."""
    with store.begin() as s:
        return _draft(s, _flyer(s, event_id))


def check_values(values: Mapping[str, Any], current: Mapping[str, Any]) -> dict[str, Any]:
    """Refuse what cannot print; tidy colours. A refused value names its field."""
    checked = dict(values)
    long_text(checked)
    if "title" in checked and not str(checked["title"]).strip():
        raise ValidationError("A flyer needs a title: say what the event is.", field="title")
    for key in ("text_colour", "background_colour", "accent_colour"):
        if key in checked:
            checked[key] = parse_colour(str(checked[key]), field=key)
    for key, (low, high) in SIZES.items():
        if key in checked:
            size = checked[key]
            if not isinstance(size, int) or not low <= size <= high:
                raise ValidationError(f"Choose a size from {low} to {high} pt.", field=key)
    for key, kind in (
        ("template", Template),
        ("image_placement", Placement),
        ("alignment", Alignment),
    ):
        if key in checked and checked[key] not in {k.value for k in kind}:
            raise ValidationError("Choose one from the list.", field=key)
    link = str(checked.get("booking_link") or "").strip()
    if "booking_link" in checked:
        checked["booking_link"] = link
        if link and not (_URL.match(link) or _PHONE.match(link)):
            raise ValidationError(
                f"“{link[:60]}” is neither a web address (starting https://) nor a phone "
                "number, so it cannot become a QR code.",
                field="booking_link",
            )
    return checked


@retry_races
def update_flyer(
    store: Store,
    *,
    event_id: int,
    values: Mapping[str, Any],
    base: Mapping[str, Any] | None = None,
    expected_version: int | None = None,
) -> Changes:
    """Edit the draft; `previous` holds the old values so undo can put them back.

    With `base` (the draft as the editor showed it) and the version it showed, fields
    someone else changed in between are kept or shown as a clash (organiser.core.versions).
    """
    with store.begin() as s:
        flyer = _flyer(s, event_id)
        values = merge_edit(
            flyer,
            values,
            base=base,
            expected_version=expected_version,
            what="flyer draft",
            row_id=event_id,
        )
        checked = check_values(values, {})
        if "image_id" in checked and checked["image_id"] is not None:
            image = s.get(FlyerImage, checked["image_id"])
            if image is None or image.event_id != event_id:
                raise NotFound("That image is no longer stored; choose it again.")
        previous = apply_values(flyer, checked, CONTENT_FIELDS)
        if previous:
            flyer.updated_at = utc_now()
        s.flush()
        return Changes(
            Touched.FLYER if previous else Touched.NONE,
            event_id=event_id,
            previous=previous,
            row_version=version_of(flyer),
            current={key: getattr(flyer, key) for key in previous},
        )


def flyer_version(store: Store, event_id: int) -> int:
    """The draft row's version now: what the editor remembers when it shows the draft."""
    with store.begin() as s:
        return version_of(_flyer(s, event_id))


def refill_from_event(store: Store, *, event_id: int, fields: tuple[str, ...] = ()) -> Changes:
    """Write the draft's words again from the event's data (all, or the fields named)."""
    from organiser.core.flyer.prefill import draft_from_event

    with store.begin() as s:
        fresh = draft_from_event(s, event_id)
    wanted = fields or tuple(k for k, _ in TEXT_FIELDS if k in fresh)
    return update_flyer(store, event_id=event_id, values={k: fresh[k] for k in wanted})


def set_image(store: Store, *, event_id: int, data: bytes, name: str) -> Changes:
    """Check and store an image (shrunk if huge) and place it on the draft, in one transaction
    (undoable). The same picture chosen again is stored once."""
    prepared = images.prepare(data)
    with store.begin() as s:
        flyer = _flyer(s, event_id)
        image_id = s.scalar(
            select(FlyerImage.id).where(
                FlyerImage.event_id == event_id, FlyerImage.sha256 == prepared.sha256
            )
        )
        if image_id is None:
            image = FlyerImage(
                event_id=event_id,
                name=name[-260:],
                mime=prepared.mime,
                width=prepared.width,
                height=prepared.height,
                sha256=prepared.sha256,
                data=prepared.data,
            )
            s.add(image)
            s.flush()
            image_id = image.id
        values: dict[str, Any] = {"image_id": image_id}
        if flyer.image_placement == Placement.NONE.value:
            values["image_placement"] = Placement.TOP.value
        previous = apply_values(flyer, values, CONTENT_FIELDS)
        if previous:
            flyer.updated_at = utc_now()
        return Changes(
            Touched.FLYER if previous else Touched.NONE, event_id=event_id, previous=previous
        )


def _content_of(s: Session, event_id: int, version: int | None) -> dict[str, Any]:
    flyer = _flyer(s, event_id)
    if version is None:
        return {k: getattr(flyer, k) for k in CONTENT_FIELDS}
    saved = s.scalar(
        select(FlyerVersion.content).where(
            FlyerVersion.flyer_id == flyer.id, FlyerVersion.number == version
        )
    )
    if saved is None:
        raise NotFound(f"This flyer has no version {version}.")
    return {**{k: getattr(flyer, k) for k in CONTENT_FIELDS}, **json.loads(saved)}


def latest_version(store: Store, event_id: int) -> int | None:
    """The newest saved version's number, or None while there is only the draft."""
    with store.begin() as s:
        flyer = _flyer(s, event_id)
        return s.scalar(
            select(FlyerVersion.number)
            .where(FlyerVersion.flyer_id == flyer.id)
            .order_by(FlyerVersion.number.desc())
        )


def sheet_from(content: Mapping[str, Any], image: bytes | None) -> FlyerSheet:
    """A FlyerSheet from a draft's or a version's content."""

    def lines(text: str) -> tuple[str, ...]:
        return tuple(line.strip() for line in str(text or "").splitlines() if line.strip())

    return FlyerSheet(
        template=content["template"],
        title=content["title"],
        strapline=content["strapline"],
        when_text=content["when_text"],
        venue_text=content["venue_text"],
        expect=lines(content["expect"]),
        hear_from=lines(content["hear_from"]),
        creche_text=content["creche_text"],
        refreshments_text=content["refreshments_text"],
        cost_text=content["cost_text"],
        access_text=content["access_text"],
        booking_text=content["booking_text"],
        booking_link=content["booking_link"],
        credit_line=content["credit_line"],
        image=image if content["image_placement"] != Placement.NONE.value else None,
        image_placement=content["image_placement"],
        text_colour=content["text_colour"],
        background_colour=content["background_colour"],
        accent_colour=content["accent_colour"],
        body_size=content["body_size"],
        heading_size=content["heading_size"],
        alignment=content["alignment"],
    )


def flyer_sheet(
    store: Store,
    event_id: int,
    *,
    version: int | None = None,
    template: str | None = None,
    values: Mapping[str, Any] | None = None,
) -> FlyerSheet:
    """What prints: the draft (or a saved version), in its template or another one.

    `values` overrides fields without saving them (the preview of what is being typed).
    """
    with store.begin() as s:
        content = {**_content_of(s, event_id, version), **(values or {})}
        image = None
        if content.get("image_id"):
            found = s.get(FlyerImage, content["image_id"])
            image = found.data if found is not None else None
    if template is not None:
        if template not in {t.value for t in Template}:
            names = ", ".join(t.value for t in Template)
            raise ValidationError(f"There is no flyer template “{template}”; choose {names}.")
        content["template"] = template
    return sheet_from(content, image)
