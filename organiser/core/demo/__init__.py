"""The example event: a parent-led Pilates and wellbeing morning by the sea.

Every feature adds its part, so `organiser --demo` shows the whole product working.
People, places and words are invented for the project.
"""

from __future__ import annotations

import datetime as dt

from organiser.core.db import Store
from organiser.core.demo.coproduction import add_coproduction
from organiser.core.demo.creche import add_creche
from organiser.core.demo.feedback import add_feedback
from organiser.core.demo.feedback_languages import add_form_languages
from organiser.core.demo.flyer import add_flyer
from organiser.core.demo.meetings import add_meetings, add_poll
from organiser.core.demo.planning import DEMO_TITLE, add_planning
from organiser.core.demo.speakers import add_speakers

__all__ = ["DEMO_TITLE", "add_demo_event"]


def add_demo_event(store: Store, *, today: dt.date | None = None) -> int:
    """Create the example event, three weeks from `today`, and return its id.

    All of it in one transaction: a kill or a full disk half-way leaves no half-made event.
    """
    day = today or dt.date.today()
    with store.one_transaction():
        event_id = add_planning(store, today=day)
        add_speakers(store, event_id)
        add_meetings(store, event_id, today=day)
        add_poll(store, event_id, today=day)
        add_creche(store, event_id, today=day)
        add_flyer(store, event_id)
        add_feedback(store, event_id)
        add_form_languages(store, event_id)
        add_coproduction(store, event_id)
    return event_id
