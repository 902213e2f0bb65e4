"""Counts in words: one item, two items, a thousand with its comma, children not childs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from organiser.core.db import Store
from organiser.core.planning.overview import overview
from organiser.core.words import plural


def test_one_and_many() -> None:
    assert plural(1, "item") == "1 item"
    assert plural(0, "item") == "0 items"
    assert plural(2, "child", "children") == "2 children"
    assert plural(1, "child", "children") == "1 child"
    assert plural(1200, "response") == "1,200 responses"


def test_the_overview_counts_one_programme_item_as_one_item(
    store: Store, create_event: Callable[..., int], add_item: Callable[..., int]
) -> None:
    event_id = create_event("Coffee morning")
    add_item(event_id)
    lines = [line.text for line in overview(store, event_id, today=dt.date(2026, 12, 7))]
    assert any(text.startswith("Programme: 1 item,") for text in lines), lines
