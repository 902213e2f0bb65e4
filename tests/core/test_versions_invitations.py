"""Two people editing the same invitation on a team database: merged field by field, or a
clash with both values, never the later save winning without a word."""

from __future__ import annotations

import datetime as dt

import pytest

from organiser.core.db import Store
from organiser.core.errors import EditConflict
from organiser.core.events import service as events
from organiser.core.speakers import invitations
from organiser.core.speakers import service as speakers


@pytest.fixture
def invitation(store: Store) -> tuple[int, int]:
    """An invitation, and the version an editor showed it at."""
    event_id = events.create_event(store, title="Wellbeing morning").created_id
    speaker_id = speakers.add_speaker(store, values={"name": "Amira Haddad"}).created_id
    assert event_id is not None and speaker_id is not None
    created = invitations.add_invitation(
        store,
        event_id=event_id,
        values={"speaker_id": speaker_id, "talk_title": "Sleep and new babies"},
    ).created_id
    assert created is not None
    return created, invitations.invitation_version(store, created)


def _talk(store: Store, invitation_id: int) -> tuple[str, str]:
    [event] = events.list_events(store)
    [row] = invitations.list_invitations(store, event.id, today=dt.date(2027, 1, 1))
    assert row.id == invitation_id
    return row.talk_title, row.notes


def test_a_change_to_another_field_is_kept(
    store: Store, other: Store, invitation: tuple[int, int]
) -> None:
    invitation_id, version = invitation
    invitations.update_invitation(other, invitation_id=invitation_id, values={"notes": "Theirs"})
    invitations.update_invitation(
        store,
        invitation_id=invitation_id,
        values={"talk_title": "Sleep, feeding and you"},
        base={"talk_title": "Sleep and new babies"},
        expected_version=version,
    )
    assert _talk(store, invitation_id) == ("Sleep, feeding and you", "Theirs")


def test_the_same_field_changed_by_both_is_a_clash_not_an_overwrite(
    store: Store, other: Store, invitation: tuple[int, int]
) -> None:
    invitation_id, version = invitation
    invitations.update_invitation(
        other, invitation_id=invitation_id, values={"talk_title": "Theirs"}
    )
    with pytest.raises(EditConflict, match="Someone else changed this invitation") as caught:
        invitations.update_invitation(
            store,
            invitation_id=invitation_id,
            values={"talk_title": "Mine"},
            base={"talk_title": "Sleep and new babies"},
            expected_version=version,
        )
    [clash] = caught.value.clashes
    assert (clash.key, clash.mine, clash.theirs) == ("talk_title", "Mine", "Theirs")
    assert _talk(store, invitation_id)[0] == "Theirs"  # nothing overwritten while choosing
    invitations.update_invitation(  # "Keep mine", saved against the version the clash showed
        store,
        invitation_id=invitation_id,
        values={"talk_title": "Mine"},
        base={"talk_title": "Theirs"},
        expected_version=caught.value.version,
    )
    assert _talk(store, invitation_id)[0] == "Mine"
