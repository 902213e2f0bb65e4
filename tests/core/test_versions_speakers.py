"""Two people editing the same speaker: merged field by field, or a clash with both values."""

from __future__ import annotations

import pytest

from organiser.core.db import Store
from organiser.core.errors import EditConflict
from organiser.core.speakers import service as speakers
from organiser.core.speakers.service import SpeakerRow

SHOWN = {"name": "Amira Haddad", "phone": "01632 960 111", "bio": "Runs the sleep clinic."}


@pytest.fixture
def speaker(store: Store) -> tuple[int, int]:
    """A speaker in the directory, and the version an editor showed them at."""
    created = speakers.add_speaker(store, values=SHOWN).created_id
    assert created is not None
    return created, speakers.speaker_version(store, created)


def stored(store: Store, speaker_id: int) -> SpeakerRow:
    return next(r for r in speakers.list_speakers(store) if r.id == speaker_id)


def test_every_save_raises_the_version(store: Store, speaker: tuple[int, int]) -> None:
    speaker_id, version = speaker
    changes = speakers.update_speaker(store, speaker_id=speaker_id, values={"topics": "sleep"})
    assert changes.row_version == version + 1
    assert speakers.speaker_version(store, speaker_id) == version + 1


def test_a_change_to_another_field_is_kept(
    store: Store, other: Store, speaker: tuple[int, int]
) -> None:
    speaker_id, version = speaker
    speakers.update_speaker(other, speaker_id=speaker_id, values={"phone": "01632 960 999"})
    speakers.update_speaker(
        store,
        speaker_id=speaker_id,
        values={"email": "amira@example.org"},
        base={"email": None},
        expected_version=version,
    )
    row = stored(store, speaker_id)
    assert (row.email, row.phone) == ("amira@example.org", "01632 960 999")


def test_the_same_field_changed_by_both_is_a_clash_then_mine_is_kept(
    store: Store, other: Store, speaker: tuple[int, int]
) -> None:
    speaker_id, version = speaker
    speakers.update_speaker(other, speaker_id=speaker_id, values={"bio": "Theirs."})
    with pytest.raises(EditConflict, match="Someone else changed this speaker") as caught:
        speakers.update_speaker(
            store,
            speaker_id=speaker_id,
            values={"bio": "Mine."},
            base={"bio": SHOWN["bio"]},
            expected_version=version,
        )
    [clash] = caught.value.clashes
    assert (clash.key, clash.base, clash.mine, clash.theirs) == (
        "bio",
        SHOWN["bio"],
        "Mine.",
        "Theirs.",
    )
    assert stored(store, speaker_id).bio == "Theirs.", "nothing overwritten"
    speakers.update_speaker(
        store,
        speaker_id=speaker_id,
        values={"bio": "Mine."},
        base={"bio": clash.theirs},
        expected_version=caught.value.version,
    )
    assert stored(store, speaker_id).bio == "Mine."


def test_an_organisation_typed_by_name_is_compared_by_its_name(
    store: Store, other: Store, speaker: tuple[int, int]
) -> None:
    speaker_id, version = speaker
    speakers.update_speaker(other, speaker_id=speaker_id, values={"phone": "01632 960 999"})
    speakers.update_speaker(
        store,
        speaker_id=speaker_id,
        values={"organisation": "Harbourside Health"},
        base={"organisation": ""},
        expected_version=version,
    )
    row = stored(store, speaker_id)
    assert (row.organisation, row.phone) == ("Harbourside Health", "01632 960 999")
    # Both change the organisation: a clash, showing both names.
    version = speakers.speaker_version(store, speaker_id)
    speakers.update_speaker(
        other, speaker_id=speaker_id, values={"organisation": "Family Hub Trust"}
    )
    with pytest.raises(EditConflict) as caught:
        speakers.update_speaker(
            store,
            speaker_id=speaker_id,
            values={"organisation": "Sleep Clinic"},
            base={"organisation": "Harbourside Health"},
            expected_version=version,
        )
    [clash] = caught.value.clashes
    assert (clash.mine, clash.theirs) == ("Sleep Clinic", "Family Hub Trust")
