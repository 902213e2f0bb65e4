"""What Getting started's guided form makes: an event with its details and working group,
in one transaction and one step on the undo list, opened on Planning."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from organiser.core import crud
from organiser.core.changes import Changes, Touched
from organiser.core.errors import ValidationError
from organiser.core.events import service as events
from organiser.core.parsing import name_key
from organiser.core.row_kinds import RowKind
from organiser.ui.host import WindowHost
from organiser.ui.undo import event_inverse

MEMBERS = "members"  # the working group's message, beside the details' own


@dataclass(frozen=True)
class NewEvent:
    """What the guided form holds, read and checked."""

    title: str
    details: dict[str, Any]  # date, times and venue that were given
    members: tuple[str, ...]


def split_names(text: str) -> tuple[str, ...]:
    """One name a line, blank lines left out; a name listed twice is refused in words."""
    names: list[str] = []
    seen: dict[str, str] = {}
    for line in text.splitlines():
        name = " ".join(line.split())
        if not name:
            continue
        if name_key(name) in seen:
            raise ValidationError(f"{seen[name_key(name)]} is listed twice.", field=MEMBERS)
        seen[name_key(name)] = name
        names.append(name)
    return tuple(names)


def make_event(window: WindowHost, plan: NewEvent) -> int:
    """Create the event with its details and working group (one transaction, one step on
    the undo list), then open it on Planning. Raises OrganiserError, saying which field."""
    store = window.store

    def forward() -> Changes:
        with store.one_transaction():
            event_id = events.create_event(store, title=plan.title).created_id
            assert event_id is not None
            if plan.details:
                events.update_event(store, event_id=event_id, values=plan.details)
            for name in plan.members:
                try:
                    crud.add_row(
                        store, kind=RowKind.MEMBERS, parent_id=event_id, values={"name": name}
                    )
                except ValidationError as exc:
                    raise ValidationError(f"{name[:40]}: {exc}", field=MEMBERS) from exc
        touched = Touched.EVENTS | Touched.DETAILS | Touched.MEMBERS
        return Changes(touched, event_id=event_id, created_id=event_id)

    changes = window.runner.push("New event", forward, event_inverse(store), quiet=True)
    assert changes is not None and changes.created_id is not None
    window.open_event(changes.created_id)
    window.open_page("planning", "overview")
    return changes.created_id
