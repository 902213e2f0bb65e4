"""The demo's co-production ledger, what the parent received, and lessons (invented words)."""

from __future__ import annotations

from organiser.core.coproduction import ledger
from organiser.core.coproduction.kinds import Aspect, HeldBack, LessonTag, NextStep, Rung
from organiser.core.coproduction.narrative import set_next_step
from organiser.core.crud import add_row
from organiser.core.db import Store
from organiser.core.planning.service import list_costs, list_members
from organiser.core.row_kinds import RowKind

# aspect, rung, who (first names), held back, note
LEDGER = (
    (Aspect.IDEA, Rung.CO_PRODUCTION, ("Zoë",), (), "Zoë brought the idea from her own recovery."),
    (Aspect.CONTENT, Rung.CO_DESIGN, ("Zoë", "Siobhán", "Łucja"), (), ""),
    (
        Aspect.SPEAKERS,
        Rung.ENGAGEMENT,
        ("Siobhán", "Łucja"),
        (HeldBack.TIME,),
        "Speakers were booked between meetings to meet their deadlines.",
    ),
    (Aspect.TIME_VENUE, Rung.CO_DESIGN, ("Zoë", "Łucja", "Dev"), (), ""),
    (
        Aspect.BUDGET,
        Rung.INFORMING,
        ("Łucja",),
        (HeldBack.FUNDING,),
        "The grant's conditions were fixed before the group met.",
    ),
    (
        Aspect.FLYER,
        Rung.CONSULTATION,
        ("Łucja",),
        (HeldBack.TIME, HeldBack.CAPACITY),
        "Zoë saw the flyer late and would have liked more say in its design.",
    ),
    (Aspect.DELIVERY, Rung.CO_PRODUCTION, ("Zoë", "Siobhán", "Łucja", "Dev"), (), ""),
)
LESSONS = (
    (
        "The flyer went to print before Zoë had signed it off.",
        "Sign-off needs time in the plan, not just a deadline.",
        "Share the first draft a fortnight before printing.",
        LessonTag.PUBLICITY,
    ),
    (
        "Three households were turned away when the creche filled.",
        "The creche, not the hall, limits the numbers.",
        "Book a third creche worker when bookings pass 15.",
        LessonTag.CAPACITY,
    ),
    (
        "The talks ran ten minutes over.",
        "Parents value time to talk more than long talks.",
        "Give each speaker ten minutes and a clear stop.",
        LessonTag.TIME,
    ),
)


def add_coproduction(store: Store, event_id: int) -> None:
    """Ledger entries, what people received (linked to the budget), and lessons."""
    members = {m.name.split()[0]: m.id for m in list_members(store, event_id)}
    for aspect, rung, who, held, note in LEDGER:
        ledger.set_entry(
            store,
            event_id=event_id,
            aspect=aspect.value,
            values={
                "rung": rung.value,
                "member_ids": [members[name] for name in who],
                "held_back": [h.value for h in held],
                "note": note,
            },
        )
    creche = next(c.id for c in list_costs(store, event_id) if c.category == "Creche")
    for what, pence, cost_line in (
        ("Travel expenses for planning meetings", 2400, None),
        ("A £20 shopping voucher as thanks", 2000, None),
        ("Childcare for Arlo during meetings", None, creche),
    ):
        add_row(
            store,
            kind=RowKind.RECEIVED,
            parent_id=event_id,
            values={
                "member_id": members["Zoë"],
                "what": what,
                "amount_pence": pence,
                "cost_line_id": cost_line,
            },
        )
    for happened, learned, differently, tag in LESSONS:
        add_row(
            store,
            kind=RowKind.LESSONS,
            parent_id=event_id,
            values={
                "happened": happened,
                "learned": learned,
                "differently": differently,
                "tag": tag.value,
            },
        )
    set_next_step(store, event_id=event_id, option=NextStep.REGULAR.value)
