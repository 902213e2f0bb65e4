"""Money, number, date and time fields say what is wrong as the person leaves them, under the
field, and the message goes as soon as the value is right; no field moves when it shows."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt

from organiser.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier

# (page, how to reach its form, field, typed wrong, words of the message, typed right)
CASES = [
    ("budget", lambda p: p.costs.form, "estimated_pence", "abc", "not an amount", "8.50"),
    ("budget", lambda p: p.costs.form, "actual_pence", "-3", "cannot be negative", "3"),
    ("programme", lambda p: p.section.form, "start", "25:90", "", "10:00"),
    ("meetings", lambda p: p.meetings.form, "date", "31/02/2027", "not a date", "28/02/2027"),
    ("details", lambda p: p.form, "capacity", "ten", "whole number", "30"),
]


@pytest.fixture
def planning(window: MainWindow, new_event: Any) -> Any:
    """The Planning tab of a new event."""
    new_event("Pilates and wellbeing morning")
    return window.planning


@pytest.mark.parametrize(("page", "form_of", "key", "wrong", "words", "right"), CASES)
def test_a_wrong_value_is_said_on_leaving_and_goes_once_it_is_right(
    planning: Any,
    person: Any,
    page: str,
    form_of: Any,
    key: str,
    wrong: str,
    words: str,
    right: str,
) -> None:
    planning.show_section(page)
    form = form_of(getattr(planning, page))
    field = form.inputs[key]
    person.type(field, wrong)
    assert person.message(form, key) == "", "not while the person is typing"
    person.tab(field)
    said = person.message(form, key)
    assert said.startswith("⚠ ") and words in said
    assert field.accessibleDescription() == said.removeprefix("⚠ ")

    person.focus(field)
    person.qtbot.keyClick(field, Qt.Key.Key_End)
    person.qtbot.keyClick(field, Qt.Key.Key_Backspace)
    assert person.message(form, key) != "", "still wrong: still said"
    person.qtbot.keyClick(field, Qt.Key.Key_A, CTRL)
    person.qtbot.keyClicks(field, right)
    assert field.hasFocus()
    assert person.message(form, key) == "", "gone before the person leaves the field"


def test_a_new_rows_wrong_amount_stays_said_after_another_field_is_filled(
    planning: Any, person: Any
) -> None:
    planning.show_section("budget")
    costs = planning.budget.costs
    person.fill(costs.form.inputs["estimated_pence"], "abc")
    person.fill(costs.form.inputs["item"], "Mat cleaning wipes")
    assert "not an amount" in person.message(costs.form, "estimated_pence")
    assert costs.model.rowCount() == 0


def test_fields_stay_put_when_a_message_shows_under_another(planning: Any, person: Any) -> None:
    planning.show_section("budget")
    form = planning.budget.costs.form

    def places() -> dict[str, int]:
        person.qtbot.wait(20)  # let the layout settle
        return {k: w.mapTo(form, QPoint(0, 0)).y() for k, w in form.inputs.items()}

    before = places()
    person.fill(form.inputs["estimated_pence"], "abc")
    assert form.messages["estimated_pence"].isVisible()
    assert places() == before
