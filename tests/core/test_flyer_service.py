"""The flyer draft, its images, versions, comments and sign-off."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from PIL import Image

from organiser.core import crud
from organiser.core.db import Store
from organiser.core.errors import ValidationError
from organiser.core.events.service import delete_event, restore_event
from organiser.core.flyer import service, versions
from organiser.core.flyer.kinds import Decision
from organiser.core.row_kinds import RowKind


def _png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), "#0B4F6C").save(out, "PNG")
    return out.getvalue()


def test_the_first_draft_is_written_from_the_event(store: Store, demo_event: int) -> None:
    draft = service.get_flyer(store, demo_event).values
    assert draft["title"].startswith("Move, Breathe and Connect")
    assert draft["when_text"].endswith("2027, 9:45am to 12:15pm")
    assert "Siobhán Kelly, Perinatal Mental Health Team" in draft["hear_from"]
    assert draft["access_text"] == "Step-free access, Accessible toilet, Baby change"
    assert draft["cost_text"] == "Free"  # the example's own words, typed in as a person would


def test_a_new_events_draft_prints_no_cost_until_one_is_typed(
    store: Store, create_event: Callable[..., int]
) -> None:
    event = create_event()
    assert service.get_flyer(store, event).values["cost_text"] == ""
    service.update_flyer(store, event_id=event, values={"cost_text": "£3 a family"})
    service.refill_from_event(store, event_id=event)
    assert service.get_flyer(store, event).values["cost_text"] == "£3 a family", (
        "filling again from the event keeps the cost someone typed"
    )


@pytest.mark.parametrize(
    ("values", "field", "words"),
    [
        ({"title": "  "}, "title", "needs a title"),
        ({"booking_link": "not a link"}, "booking_link", "neither a web address"),
        ({"text_colour": "blue"}, "text_colour", "not a colour"),
        ({"body_size": 4}, "body_size", "from 8 to 72"),
        ({"template": "a3-poster"}, "template", "from the list"),
    ],
)
def test_bad_values_are_refused_and_the_draft_is_intact(
    store: Store, demo_event: int, values: dict[str, object], field: str, words: str
) -> None:
    before = service.get_flyer(store, demo_event).values
    with pytest.raises(ValidationError, match=words) as refused:
        service.update_flyer(store, event_id=demo_event, values=values)
    assert refused.value.field == field
    assert service.get_flyer(store, demo_event).values == before


def test_links_and_phone_numbers_are_accepted(
    store: Store, create_event: Callable[..., int]
) -> None:
    event = create_event()
    for link in ("https://example.org/book", "01702 555 014", "+44 1702 555014"):
        service.update_flyer(store, event_id=event, values={"booking_link": link})
    changes = service.update_flyer(store, event_id=event, values={"strapline": "x" * 2000})
    assert changes.previous == {"strapline": ""}


def test_images_are_kept_shrunk_and_bad_ones_refused(
    store: Store, create_event: Callable[..., int]
) -> None:
    event = create_event()
    service.set_image(store, event_id=event, data=_png(10_000, 2_000), name="banner.png")
    draft = service.get_flyer(store, event)
    assert draft.image_size == (3000, 600)
    assert draft.values["image_placement"] == "Across the top"
    assert service.flyer_sheet(store, event).image is not None
    with pytest.raises(ValidationError, match="not a picture"):
        service.set_image(store, event_id=event, data=b"\x89PNG\r\n\x1a\nrubbish", name="x.png")
    with pytest.raises(ValidationError, match="MB"):
        service.set_image(store, event_id=event, data=b"0" * (26 * 1024 * 1024), name="big.png")
    gif = io.BytesIO()
    Image.new("RGB", (10, 10)).save(gif, "GIF")
    with pytest.raises(ValidationError, match="PNG or JPEG"):
        service.set_image(store, event_id=event, data=gif.getvalue(), name="a.gif")
    assert service.get_flyer(store, event).image_name == "banner.png"


def test_versions_sign_off_and_comments(
    store: Store, create_event: Callable[..., int], add_member: Callable[..., int]
) -> None:
    event = create_event()
    zoe = add_member(event, name="Zoë Marsh")
    dev = add_member(event, name="Dev Okafor")
    first = versions.save_version(store, event_id=event, note="First", member_id=dev).created_id
    assert first is not None
    service.update_flyer(store, event_id=event, values={"cost_text": "Free, with a creche"})
    second = versions.save_version(store, event_id=event, note="Second").created_id
    assert second is not None
    changed = versions.changed_fields(
        versions.version_content(store, first), versions.version_content(store, second)
    )
    assert changed == [("cost_text", "Cost")]
    versions.sign_off(store, version_id=second, member_id=dev, decision=Decision.APPROVED.value)
    assert versions.sign_off_status(store, second).words() == (
        "approved by 1 of 2 — waiting for Zoë Marsh"
    )
    asked = versions.sign_off(
        store, version_id=second, member_id=zoe, decision=Decision.CHANGES.value, note="Bigger"
    )
    assert asked.previous == {"decision": None, "note": ""}
    assert "changes asked for by Zoë Marsh" in versions.sign_off_status(store, second).words()
    versions.sign_off(store, version_id=second, member_id=zoe, decision=Decision.APPROVED.value)
    assert versions.sign_off_status(store, second).words() == "approved by everyone (2 of 2)"
    comment = versions.add_comment(store, version_id=first, member_id=zoe, text="Bigger title")
    assert comment.created_id is not None
    versions.resolve_comment(store, comment_id=comment.created_id)
    rows = {v.number: v for v in versions.list_versions(store, event)}
    assert rows[1].saved_by == "Dev Okafor" and rows[1].open_comments == 0
    assert [c.resolved for c in versions.list_comments(store, first)] == [True]
    assert service.flyer_sheet(store, event, version=1).cost_text == "", "no cost was set"
    assert service.latest_version(store, event) == 2


def test_deleting_a_member_and_undo_keeps_their_sign_off(
    store: Store, create_event: Callable[..., int], add_member: Callable[..., int]
) -> None:
    event = create_event()
    zoe = add_member(event, name="Zoë Marsh")
    version = versions.save_version(store, event_id=event).created_id
    assert version is not None
    versions.sign_off(store, version_id=version, member_id=zoe, decision=Decision.APPROVED.value)
    gone = crud.delete_row(store, kind=RowKind.MEMBERS, row_id=zoe)
    assert versions.sign_off_status(store, version).total == 0
    assert gone.snapshot is not None
    crud.restore_row(store, kind=RowKind.MEMBERS, snapshot=gone.snapshot)
    assert versions.sign_off_status(store, version).everyone


def test_undo_of_saving_a_version_and_deleting_the_event(store: Store, demo_event: int) -> None:
    newest = versions.list_versions(store, demo_event)[0]
    removed = versions.delete_version(store, version_id=newest.id)
    assert [v.number for v in versions.list_versions(store, demo_event)] == [1]
    assert removed.snapshot is not None
    versions.restore_version(store, saved=removed.snapshot)
    assert versions.list_versions(store, demo_event)[0].status.words() == newest.status.words()
    deleted = delete_event(store, event_id=demo_event)
    assert deleted.snapshot is not None
    restore_event(store, snapshot=deleted.snapshot)
    assert [v.number for v in versions.list_versions(store, demo_event)] == [2, 1]


def test_the_overview_says_where_the_flyer_sign_off_stands(
    store: Store, demo_event: int, create_event: Callable[..., int]
) -> None:
    import datetime as dt

    from organiser.core.planning.overview import overview

    lines = overview(store, demo_event, today=dt.date.today())
    flyer = next(line for line in lines if line.page == "flyer")
    assert flyer.text == "Flyer: version 2 approved by 3 of 4 — waiting for Zoë Marsh"
    assert flyer.attention
    empty = create_event(title="Next session")
    texts = [line.text for line in overview(store, empty, today=dt.date.today())]
    assert "Flyer: not drafted yet" in texts


def test_the_same_picture_chosen_twice_is_stored_once_and_undo_takes_it_off(
    store: Store, create_event: Callable[..., int]
) -> None:
    event = create_event()
    first = service.set_image(store, event_id=event, data=_png(40, 20), name="a.png")
    assert first.previous == {"image_id": None, "image_placement": "No image"}
    again = service.set_image(store, event_id=event, data=_png(40, 20), name="b.png")
    assert again.previous == {}  # the same image: nothing changed
    service.update_flyer(store, event_id=event, values=first.previous)
    assert service.get_flyer(store, event).image_size is None
