"""The printed action list, parsed back with pypdf; and the sheet the database gives it."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import Any

import pytest
from pypdf import PdfReader

from organiser.core.crud import add_row, update_row
from organiser.core.db import Store
from organiser.core.meetings.documents import ActionLine, ActionListSheet
from organiser.core.meetings.printing import action_list_sheet
from organiser.core.parsing import format_date
from organiser.core.row_kinds import RowKind
from organiser.reports.actions import render_action_list

A4_LANDSCAPE = (841.89, 595.27)
NAMES = "Zoë Łucja Siobhán Nguyễn"
TODAY = dt.date(2027, 2, 1)


def action(text: str, **changes: Any) -> ActionLine:
    values: dict[str, Any] = {
        "text": text,
        "owner": "Dev Okafor",
        "due": "05/02/2027",
        "standing": "Due in 4 days",
        "overdue": False,
        "done": False,
        "raised_at": "Planning meeting (12/01/2027)",
        **changes,
    }
    return ActionLine(**values)


OVERDUE = action(
    "Book the hall", owner=NAMES, due="29/01/2027", standing="Overdue by 3 days", overdue=True
)
DONE = action("Order pastries", owner="", standing="Done 20/01/2027", done=True, raised_at="")


def sheet(open_: tuple[ActionLine, ...] = (), done: tuple[ActionLine, ...] = ()) -> ActionListSheet:
    return ActionListSheet("Pilates and wellbeing morning", "Monday 1 February 2027", open_, done)


def read(document: ActionListSheet) -> PdfReader:
    return PdfReader(io.BytesIO(render_action_list(document)))


def page_text(reader: PdfReader, index: int) -> str:
    return " ".join(reader.pages[index].extract_text().split())


def all_text(reader: PdfReader) -> str:
    return " ".join(page_text(reader, i) for i in range(len(reader.pages)))


def test_pages_are_a4_landscape() -> None:
    reader = read(sheet(tuple(action(f"Action {n}") for n in range(40))))
    assert len(reader.pages) > 1
    for page in reader.pages:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert size == pytest.approx(A4_LANDSCAPE, abs=1)


def test_open_actions_first_with_overdue_in_words_then_done_ones() -> None:
    reader = read(sheet((OVERDUE, action("Ask the speakers")), (DONE,)))
    text = all_text(reader)
    for expected in (
        "Action list Pilates and wellbeing morning",
        "Where things stand on Monday 1 February 2027: 2 open (1 overdue), 1 done.",
        "Open: 2 actions",
        "Action Owner Due Where it stands Raised at",
        f"Book the hall {NAMES} 29/01/2027 Overdue by 3 days Planning meeting (12/01/2027)",
        "Ask the speakers Dev Okafor 05/02/2027 Due in 4 days",
        "Done: 1 action",
        "Order pastries No owner yet 05/02/2027 Done 20/01/2027 Not at a meeting",
    ):
        assert expected in text
    assert text.index("Book the hall") < text.index("Ask the speakers") < text.index("Done: 1")
    assert text.index("Done: 1") < text.index("Order pastries")
    assert reader.metadata is not None
    assert reader.metadata.title == "Action list: Pilates and wellbeing morning"


def test_overdue_is_bold_as_well_as_in_words() -> None:
    bold: list[str] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if text.strip() and font is not None and str(font["/BaseFont"]).endswith("-Bold"):
            bold.append(text.strip())

    read(sheet((OVERDUE, action("Ask the speakers")))).pages[0].extract_text(visitor_text=visit)
    assert "Overdue by 3 days" in bold
    assert "Due in 4 days" not in bold


def test_nothing_open_and_nothing_at_all() -> None:
    assert "Nothing is open: every action is done." in all_text(read(sheet(done=(DONE,))))
    text = all_text(read(sheet()))
    assert "No action items yet (Monday 1 February 2027)." in text
    assert "Open:" not in text


def test_many_actions_flow_over_pages_with_the_header_repeated() -> None:
    reader = read(sheet(tuple(action(f"Action number {n}") for n in range(1, 61))))
    pages = len(reader.pages)
    assert pages > 2
    text = all_text(reader)
    for n in range(1, 61):
        assert text.count(f"Action number {n} ") == 1
    for index in range(1, pages):
        assert page_text(reader, index).startswith("Action Owner Due Where it stands Raised at")


def test_action_list_sheet_from_the_database(
    store: Store, create_event: Callable[..., int], add_member: Callable[..., int]
) -> None:
    event_id = create_event()
    zoe = add_member(event_id, name=NAMES)
    values = {"title": "Planning meeting", "date": dt.date(2027, 1, 12)}
    meeting_id = add_row(store, kind=RowKind.MEETINGS, parent_id=event_id, values=values).created_id

    def add(text: str, **values: Any) -> int:
        created = add_row(
            store, kind=RowKind.ACTIONS, parent_id=event_id, values={"text": text, **values}
        ).created_id
        assert created is not None
        return created

    add("Later", due=TODAY + dt.timedelta(days=9))
    add("Book the hall", owner_id=zoe, due=TODAY - dt.timedelta(days=3), meeting_id=meeting_id)
    add("Whenever")
    done = add("Order pastries", due=TODAY - dt.timedelta(days=10))
    update_row(store, kind=RowKind.ACTIONS, row_id=done, values={"done": True})

    printed = action_list_sheet(store, event_id, today=TODAY)
    assert printed.as_of == "Monday 1 February 2027"
    assert [a.text for a in printed.open] == ["Book the hall", "Later", "Whenever"]
    assert [a.standing for a in printed.open] == [
        "Overdue by 3 days",
        "Due in 9 days",
        "Open, no due date",
    ]
    assert printed.overdue == 1
    first = printed.open[0]
    assert (first.owner, first.due) == (NAMES, "29/01/2027")
    assert first.raised_at == "Planning meeting (12/01/2027)"
    [finished] = printed.done
    # Marked done just now; done_at is stored in UTC.
    done_on = format_date(dt.datetime.now(dt.UTC).date())
    assert finished.standing == f"Done {done_on}"
    text = all_text(PdfReader(io.BytesIO(render_action_list(printed))))
    assert "3 open (1 overdue), 1 done." in text
    assert f"Order pastries No owner yet 22/01/2027 Done {done_on}" in text
