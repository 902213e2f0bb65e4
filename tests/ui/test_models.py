"""Every table the window shows passes Qt's model checks, with real rows in it."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSortFilterProxyModel, Qt

from organiser.core.demo import add_demo_event
from organiser.core.events import service as events
from organiser.core.planning import service as planning
from organiser.ui.events_panel import EventsPanel
from organiser.ui.main_window import MainWindow
from organiser.ui.planning.budget import COST_COLUMNS, FUND_COLUMNS
from organiser.ui.planning.members import COLUMNS as MEMBER_COLUMNS
from organiser.ui.planning.programme import COLUMNS as PROGRAMME_COLUMNS
from organiser.ui.table_model import ID_ROLE, RowTableModel

SECTIONS = {
    "members": (MEMBER_COLUMNS, planning.list_members, 4),
    "programme": (PROGRAMME_COLUMNS, planning.list_programme, 7),
    "funds": (FUND_COLUMNS, planning.list_funds, 2),
    "costs": (COST_COLUMNS, planning.list_costs, 6),
}


@pytest.mark.parametrize("name", sorted(SECTIONS))
def test_section_model_passes_the_model_tester(name: str, store: Any, qtmodeltester: Any) -> None:
    columns, load, count = SECTIONS[name]
    event_id = add_demo_event(store)
    model = RowTableModel(columns)
    model.set_rows(load(store, event_id))
    qtmodeltester.check(model)
    assert model.rowCount() == count
    assert model.columnCount() == len(columns)
    assert model.index(0, 0).data(ID_ROLE) == load(store, event_id)[0].id
    model.set_rows([])
    qtmodeltester.check(model)
    assert model.rowCount() == 0


def test_event_list_and_its_search_pass_the_model_tester(
    store: Any, qtmodeltester: Any, qtbot: Any
) -> None:
    add_demo_event(store)
    events.create_event(store, title="Coffee morning")
    panel = EventsPanel([])
    qtbot.addWidget(panel)
    panel.set_events(events.list_events(store), None)
    qtmodeltester.check(panel.model)
    qtmodeltester.check(panel.proxy)
    panel.search.setText("coffee")
    assert isinstance(panel.proxy, QSortFilterProxyModel)
    assert panel.proxy.rowCount() == 1
    qtmodeltester.check(panel.proxy)


def test_models_inside_the_window_pass_after_opening_the_example(
    window: MainWindow, qtmodeltester: Any
) -> None:
    from organiser.ui import commands

    commands.open_example(window)
    planning_tab = window.planning
    shown = {
        "members": [planning_tab.members.section.model],
        "programme": [planning_tab.programme.section.model],
        "budget": [planning_tab.budget.funds.model, planning_tab.budget.costs.model],
    }
    for key, models in shown.items():
        planning_tab.show_section(key)
        for model in models:
            assert model.rowCount() > 0
            qtmodeltester.check(model)
    qtmodeltester.check(window.panel.model)
    costs = planning_tab.budget.costs.model
    paid = [c.title for c in costs.columns].index("Paid")
    unpaid_row = [costs.index(r, paid).data() for r in range(costs.rowCount())].index("Not paid")
    assert costs.index(unpaid_row, paid).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert costs.headerData(paid, Qt.Orientation.Horizontal) == "Paid"
