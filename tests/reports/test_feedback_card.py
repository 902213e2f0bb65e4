"""The A5 feedback card: the phone form's address as a QR code that decodes to it and in
letters a person can type, on one A5 page in clear print; printed from the command line it
shows the event's kept address on this computer's network (and remembers printing it), and
with no network it says how to get one instead of printing a card that leads nowhere."""

from __future__ import annotations

import io
from typing import Any

import pytest
from pypdf import PdfReader

from organiser.collect import server
from organiser.core.db import Store
from organiser.core.demo import add_demo_event
from organiser.core.errors import ValidationError
from organiser.core.feedback import phones
from organiser.documents import DOCUMENTS
from tests.reports.pictures import first_page, qr_decoder
from tests.reports.test_feedback_papers import runs, text_of

A5_POINTS = (420, 595)


def card(store: Store, event_id: int, **options: Any) -> tuple[bytes, list[str]]:
    said: list[str] = []
    pdf = DOCUMENTS["feedback-card"].make(store, event_id, warn=said.append, **options)
    return pdf, said


def test_the_card_shows_the_kept_address_on_this_network(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    event_id = add_demo_event(store)
    monkeypatch.setattr(server, "local_address", lambda: "192.168.1.20")
    pdf, said = card(store, event_id)
    kept = phones.phone_address(store, event_id)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == A5_POINTS
    text = text_of(reader)
    assert f"192.168.1.20:{kept.port}/{kept.token}" in text and "http://" not in text
    assert "Tell us what you thought, on your phone" in text
    assert "Also in Polish" in text, "the demo form's language version is named"
    pieces = runs(reader)
    assert min(size for _t, _f, size in pieces) >= 12, "clear print: nothing under 12 pt"
    assert not any("Italic" in font for _t, font, _s in pieces)
    assert kept.card_host == "192.168.1.20", "a card printed here is remembered"
    assert said == [
        f"The card shows {kept.url('192.168.1.20')}: it opens the form only while Organiser "
        "collects on this computer, on this network (Feedback ▸ Form ▸ Collect on phones)."
    ]


def test_the_qr_code_decodes_to_the_address(store: Store, qapp: Any) -> None:
    decode = qr_decoder()
    event_id = add_demo_event(store)
    address = f"http://10.0.0.7:8123/{phones.new_token()}/"
    pdf, _said = card(store, event_id, address=address)
    image = first_page(pdf, (874, 1240)).convert("L")  # A5 at 150 dpi
    assert decode(image) == [address]
    assert phones.phone_address(store, event_id).card_host == "", (
        "a card for a one-off address (another port today) is not the kept one"
    )


def test_with_no_network_it_says_how_to_get_one(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    event_id = add_demo_event(store)
    monkeypatch.setattr(server, "local_address", lambda: None)
    with pytest.raises(ValidationError, match="not on a network"):
        card(store, event_id)
