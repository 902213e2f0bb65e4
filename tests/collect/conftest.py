"""The example event and a collector serving its form on this computer, storing each send
straight through the service (as the window does, without the window)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from organiser.collect.app import PhoneFormApp
from organiser.collect.server import Running, start
from organiser.core.db import Store
from organiser.core.demo import add_demo_event
from organiser.core.feedback import phones


@pytest.fixture
def event_id(store: Store) -> int:
    return add_demo_event(store)


@pytest.fixture
def collecting(store: Store, event_id: int) -> Iterator[Running]:
    def store_response(sent: dict[int, list[str]], once: str, language: str) -> bool:
        changes = phones.add_phone_response(
            store, event_id=event_id, sent=sent, once=once, language=language
        )
        return bool(changes.touched)

    app = PhoneFormApp(
        lambda language: phones.phone_form(store, event_id, language=language), store_response
    )
    running = start(app, host="127.0.0.1")
    yield running
    running.stop()
