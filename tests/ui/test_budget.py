"""The budget: funds and costs add up, and being over budget is said in words."""

from __future__ import annotations

from typing import Any

import pytest

from organiser.core.planning import service as planning
from organiser.ui.main_window import MainWindow


@pytest.fixture
def budget(window: MainWindow, new_event: Any) -> Any:
    """The Budget page of a new event, on screen."""
    new_event("Pilates and wellbeing morning")
    window.planning.show_section("budget")
    page = window.planning.budget
    assert page.isVisible()
    return page


def add_fund(person: Any, page: Any, name: str, amount: str) -> None:
    section = page.funds
    if section.current_id is not None:
        person.click(section.new_button)
    # The amount first: a name alone is already a complete row (blank money is £0.00).
    person.type(section.form.inputs["amount_pence"], amount)
    person.type(section.form.inputs["name"], name)
    person.click(section.add_button)


def add_cost(person: Any, page: Any, item: str, estimated: str) -> None:
    section = page.costs
    if section.current_id is not None:
        person.click(section.new_button)
    person.type(section.form.inputs["estimated_pence"], estimated)
    person.type(section.form.inputs["item"], item)
    person.click(section.add_button)


def test_over_budget_is_said_in_words(window: MainWindow, budget: Any, person: Any) -> None:
    assert budget.totals.text().startswith("Funds: £0.00")
    add_fund(person, budget, "Community wellbeing grant", "100")
    add_cost(person, budget, "Hall hire", "60")
    assert "£40.00 left" in budget.totals.text()
    assert "Over budget" not in budget.totals.text()

    add_cost(person, budget, "Pilates instructor", "£70.00")
    text = budget.totals.text()
    assert text.startswith("⚠ Over budget.")
    assert "Estimated costs: £130.00 — over budget by £30.00" in text
    assert person.column(budget.funds.table, "Amount") == ["£100.00"]
    assert person.column(budget.costs.table, "Estimated") == ["£60.00", "£70.00"]
    assert person.column(budget.costs.table, "Paid") == ["Not paid", "Not paid"]
    assert "Still to pay: £130.00" in text
    assert window.event_id is not None
    summary = planning.budget(window.store, window.event_id)
    assert (summary.funds, summary.estimated) == (10000, 13000)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("-5", "cannot be negative"),
        ("abc", "is not an amount in pounds"),
        ("1.234", "not an amount"),
    ],
)
def test_bad_money_gets_a_message_beside_the_field(
    budget: Any, person: Any, typed: str, expected: str
) -> None:
    form = budget.costs.form
    person.type(form.inputs["estimated_pence"], typed)
    person.type(form.inputs["item"], "Mat cleaning wipes")
    person.click(budget.costs.add_button)
    assert expected in person.message(form, "estimated_pence")
    assert budget.costs.model.rowCount() == 0
    assert person.shown(form.inputs["estimated_pence"]) == typed

    person.type(form.inputs["estimated_pence"], "8.50")
    person.click(budget.costs.add_button)
    assert budget.costs.mode_label.text() == "Editing this cost"
    assert person.message(form, "estimated_pence") == ""
    assert person.column(budget.costs.table, "Estimated") == ["£8.50"]


def test_a_refused_amount_on_a_saved_row_keeps_the_old_amount(
    window: MainWindow, budget: Any, person: Any
) -> None:
    add_fund(person, budget, "Family centre in-kind support", "100")
    form = budget.funds.form
    person.fill(form.inputs["amount_pence"], "-20")
    assert "cannot be negative" in person.message(form, "amount_pence")
    assert person.column(budget.funds.table, "Amount") == ["£100.00"]
    assert budget.totals.text().startswith("Funds: £100.00")


def test_actual_spending_and_paid_update_the_totals(budget: Any, person: Any) -> None:
    add_fund(person, budget, "Grant", "50")
    add_cost(person, budget, "Pastries", "40")
    form = budget.costs.form
    person.fill(form.inputs["actual_pence"], "52.40")
    person.tick(form.inputs["paid"])
    assert person.column(budget.costs.table, "Actual") == ["£52.40"]
    assert person.column(budget.costs.table, "Paid") == ["Paid"]
    text = budget.totals.text()
    assert "Actual spending: £52.40 — over budget by £2.40" in text
    assert "Still to pay" not in text


def test_a_half_typed_new_row_is_saved_when_the_window_closes(
    budget: Any, person: Any, window: Any, store: Any
) -> None:
    from organiser.core.planning.service import list_funds

    person.type(budget.funds.form.inputs["name"], "Seaside lottery fund")
    window.close()
    assert [f.name for f in list_funds(store, window.event_id)] == ["Seaside lottery fund"]
