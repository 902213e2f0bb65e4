"""The paper poll grid, parsed back with pypdf: boxes where they belong, pages split sensibly."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import Any

import pytest
from pypdf import PdfReader

from organiser.core.crud import add_row, delete_row
from organiser.core.db import Store
from organiser.core.parsing import long_date
from organiser.core.polls.documents import PollOptionLine, PollSheet
from organiser.core.polls.printing import poll_sheet
from organiser.core.polls.service import choose_option, set_answer
from organiser.core.row_kinds import RowKind
from organiser.reports.poll_grid import KEY, PER_PAGE, render_poll_grid

A4_LANDSCAPE = (841.89, 595.27)
NAMES = "Zoë Łucja Siobhán Nguyễn"
PEOPLE = (NAMES, "Dev Okafor", "Priya Shah")


def option(day: int, answers: tuple[str, ...] = (), **changes: Any) -> PollOptionLine:
    values: dict[str, Any] = {
        "date": f"Tuesday {day} March 2027",
        "times": "10:00 to 11:30",
        "place": "Harbourside Family Centre",
        "address": "14 Marine Parade, Seabrook-on-Sea",
        "features": ("step-free access", "baby change"),
        "chosen": False,
        "answers": answers,
        **changes,
    }
    return PollOptionLine(**values)


def sheet(
    options: tuple[PollOptionLine, ...], people: tuple[str, ...] = PEOPLE, **changes: Any
) -> PollSheet:
    values: dict[str, Any] = {
        "event_title": "Pilates and wellbeing morning",
        "title": "When and where",
        "purpose": "To find a date and place for the event.",
        "closed": False,
        "people": people,
        "options": options,
        **changes,
    }
    return PollSheet(**values)


def read(document: PollSheet) -> PdfReader:
    return PdfReader(io.BytesIO(render_poll_grid(document)))


def page_text(reader: PdfReader, index: int) -> str:
    return " ".join(reader.pages[index].extract_text().split())


def all_text(reader: PdfReader) -> str:
    return " ".join(page_text(reader, i) for i in range(len(reader.pages)))


def squash(text: str) -> str:
    return "".join(text.split())


def page_boxes(page: Any) -> dict[tuple[str, str], str]:
    """{(option date, member name without spaces): letter} as printed, by column and row."""
    names: dict[float, str] = {}
    dates: dict[float, str] = {}
    letters: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        text, x, y = text.strip(), round(cm[4]), cm[5] + tm[5]
        if not text:
            return
        if size == 12 and tm[4] == 0 and x > 200 and y > 100:
            # A long name wraps, and a letter from the fallback font is a piece of its own.
            names[x] = names.get(x, "") + squash(text)
        elif text.startswith("Tuesday "):
            dates[y] = text
        elif size == 22:
            letters.append((x, y, text))

    page.extract_text(visitor_text=visit)
    found = {}
    for x, y, letter in letters:
        # A letter sits in its member's column, level with its option's row.
        row = min((d for d in dates if d > y), key=lambda d: d - y)
        found[(dates[row], names[x])] = letter
    return found


def boxes(reader: PdfReader) -> dict[tuple[str, str], str]:
    """Every page's boxes together."""
    return {key: value for page in reader.pages for key, value in page_boxes(page).items()}


def test_pages_are_a4_landscape_with_the_key_on_every_one() -> None:
    reader = read(sheet(tuple(option(day) for day in range(1, 25))))
    assert len(reader.pages) > 2
    for index, page in enumerate(reader.pages):
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert size == pytest.approx(A4_LANDSCAPE, abs=1)
        assert " ".join(KEY.split()) in page_text(reader, index)
    assert KEY.split() == ["Y", "=", "yes", "I", "=", "if", "need", "be", "N", "=", "no"]


def test_shows_the_poll_the_options_and_how_to_fill_it_in() -> None:
    chosen = option(10, place="Library", address="", features=(), chosen=True)
    reader = read(sheet((option(9), chosen)))
    text = all_text(reader)
    for expected in (
        "Availability poll: Pilates and wellbeing morning When and where",
        "To find a date and place for the event.",
        "How to fill it in: in your column, write a letter in the box of each option. "
        "Y = yes, I = if need be, N = no",
        f"Date, time and place {NAMES} Dev Okafor Priya Shah",
        "Tuesday 9 March 2027 10:00 to 11:30 Harbourside Family Centre "
        "Step-free access, baby change",
        "Chosen option Tuesday 10 March 2027 10:00 to 11:30 Library",
        "Where the places are Harbourside Family Centre: 14 Marine Parade, Seabrook-on-Sea",
    ):
        assert expected in text
    assert "closed" not in text
    assert reader.metadata is not None
    assert reader.metadata.title == "Availability poll: When and where"


def test_answers_already_given_print_in_their_own_boxes() -> None:
    reader = read(sheet((option(9, ("Y", "", "N")), option(10, ("", "I", "Y")))))
    assert boxes(reader) == {
        ("Tuesday 9 March 2027", squash(NAMES)): "Y",
        ("Tuesday 9 March 2027", "PriyaShah"): "N",
        ("Tuesday 10 March 2027", "DevOkafor"): "I",
        ("Tuesday 10 March 2027", "PriyaShah"): "Y",
    }


def test_many_members_split_into_even_parts_with_every_answer_kept() -> None:
    people = tuple(f"Member {n:02}" for n in range(1, 21))
    answers = tuple("YIN"[n % 3] for n in range(20))
    reader = read(sheet((option(9, answers), option(10)), people=people))
    text = all_text(reader)
    assert PER_PAGE < 20
    # Twenty members over four parts of five, not three of six and one of two.
    parts = -(-20 // PER_PAGE)
    size = -(-20 // parts)
    for first in range(1, 21, size):
        assert f"Members {first} to {min(first + size - 1, 20)} of 20" in text
    for index in range(len(reader.pages)):
        shown = [p for p in people if p in page_text(reader, index)]
        assert len(shown) <= PER_PAGE
    for name in people:
        assert text.count(name) == 1
    printed = boxes(reader)
    assert len(printed) == 20
    for n, name in enumerate(people):
        assert printed[("Tuesday 9 March 2027", squash(name))] == answers[n]


def test_many_options_flow_over_pages_with_the_names_repeated() -> None:
    reader = read(sheet(tuple(option(day) for day in range(1, 29))))
    pages = len(reader.pages)
    assert pages > 3
    text = all_text(reader)
    for day in range(1, 29):
        assert text.count(f"Tuesday {day} March 2027 ") == 1
    for index in range(1, pages):
        assert page_text(reader, index).startswith(f"Date, time and place {NAMES} Dev Okafor")
    assert f"Page {pages} of {pages}" in text


def test_no_members_still_gives_a_grid_to_write_names_on() -> None:
    reader = read(sheet((option(9),), people=()))
    text = all_text(reader)
    assert "Nobody is in the working group yet: write names at the top." in text
    assert "Tuesday 9 March 2027" in text


def test_no_options_says_so() -> None:
    text = all_text(read(sheet(())))
    assert "This poll has no options yet." in text
    assert "Date, time and place" not in text


def test_poll_sheet_from_the_database(
    store: Store, create_event: Callable[..., int], add_member: Callable[..., int]
) -> None:
    event_id = create_event()
    zoe = add_member(event_id, name=NAMES)
    dev = add_member(event_id, name="Dev Okafor")
    leaver = add_member(event_id, name="Sam Lee")
    meeting = add_row(
        store, kind=RowKind.MEETINGS, parent_id=event_id, values={"title": "Planning"}
    ).created_id
    poll_id = add_row(
        store,
        kind=RowKind.POLLS,
        parent_id=event_id,
        values={"title": "When do we meet?", "meeting_id": meeting},
    ).created_id
    assert poll_id is not None
    first, second = (dt.date.today() + dt.timedelta(days=d) for d in (30, 37))
    ids = []
    for day, place in ((second, "Library"), (first, "Harbourside")):
        values = {"date": day, "start": dt.time(10), "end": dt.time(11, 30), "place": place}
        values |= {"address": f"{place} Road", "step_free": place == "Library"}
        created = add_row(store, kind=RowKind.POLL_OPTIONS, parent_id=poll_id, values=values)
        ids.append(created.created_id)
    later, sooner = ids
    set_answer(store, option_id=sooner, member_id=zoe, answer="yes")
    set_answer(store, option_id=later, member_id=zoe, answer="if need be")
    set_answer(store, option_id=later, member_id=dev, answer="no")
    set_answer(store, option_id=sooner, member_id=leaver, answer="no")
    delete_row(store, kind=RowKind.MEMBERS, row_id=leaver)
    choose_option(store, option_id=later)

    printed = poll_sheet(store, poll_id)
    assert printed.title == "When do we meet?"
    assert printed.purpose == "To find a date and place for the meeting “Planning”."
    assert printed.closed
    assert printed.people == (NAMES, "Dev Okafor", "Sam Lee (left)")
    assert [o.date for o in printed.options] == [long_date(first), long_date(second)]
    assert [o.answers for o in printed.options] == [("Y", "", "N"), ("I", "N", "")]
    assert [o.chosen for o in printed.options] == [False, True]
    assert printed.options[1].features == ("step-free access",)
    assert (printed.options[0].times, printed.options[0].address) == (
        "10:00 to 11:30",
        "Harbourside Road",
    )
    text = all_text(PdfReader(io.BytesIO(render_poll_grid(printed))))
    assert "This poll is closed" in text
    assert f"Chosen option {long_date(second)}" in text


def test_every_field_at_its_largest_still_prints() -> None:
    huge = "word " * 200_000
    unbroken = "x" * 1_000_000
    widest = option(9, ("Y", "N"), place=huge, address=unbroken, features=(huge,), chosen=True)
    reader = read(sheet((widest, option(10)), people=(huge, unbroken), title=huge))
    text = all_text(reader)
    assert "(shortened for print)" in text
    assert "Tuesday 10 March 2027" in text
