"""In-app help: F1 explains the page on screen, every page has its help, links between help pages
work, and every specialist word on screen explains itself in a tooltip and in the glossary."""

from __future__ import annotations

import re
from importlib.resources import files
from typing import Any

import pytest
from page_walk import every_page
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QListWidget,
    QTabBar,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from organiser.ui.help import pages
from organiser.ui.help.glossary import TERMS, term, terms_in
from organiser.ui.help.tips import shown_text, watch
from organiser.ui.help.window import HelpWindow
from organiser.ui.main_window import MainWindow

LINK = re.compile(r"\]\((help:[^)\s]+)\)")


def press_f1(qtbot: Any, window: MainWindow) -> HelpWindow:
    focus = QApplication.focusWidget() or window
    qtbot.keyClick(focus, Qt.Key.Key_F1)
    found = window.findChild(HelpWindow, "help_window")
    assert found is not None, "F1 opened no help"
    qtbot.waitUntil(found.isVisible)
    return found


@pytest.mark.parametrize(
    ("tab", "page", "heading", "about"),
    [
        ("planning", "budget", "Budget", "funding sources"),
        ("planning", "availability", "Availability", "Y** yes"),
        ("creche", "staff", "Staff", "DBS check"),
        ("flyer", "versions", "Versions and sign-off", "Ask for changes"),
        ("feedback", "entry", "Enter responses", "Ctrl+Enter"),
    ],
)
def test_f1_opens_help_about_the_page_on_screen(
    window: MainWindow, new_event: Any, qtbot: Any, tab: str, page: str, heading: str, about: str
) -> None:
    new_event("Coffee morning")
    window.open_page(tab, page)
    window.activateWindow()
    shown = press_f1(qtbot, window)
    text = shown.browser.toPlainText()
    assert text.splitlines()[0] == heading
    assert about.replace("**", "") in text
    assert not shown.isModal(), "help must not block the window"
    assert shown.current_key() == f"{tab}/{page}"
    assert shown.contents.currentItem().text().startswith(tab.capitalize())


def test_f1_follows_the_page_and_reuses_one_help_window(
    window: MainWindow, new_event: Any, qtbot: Any
) -> None:
    new_event("Coffee morning")
    window.open_page("creche", "checkin")
    first = press_f1(qtbot, window)
    assert "Arrived (A)" in first.browser.toPlainText()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.open_page("planning", "coproduction")
    second = press_f1(qtbot, window)
    assert second is first
    assert second.browser.toPlainText().startswith("Co-production")
    assert len(window.findChildren(HelpWindow)) == 1


def test_every_page_of_every_tab_has_help_with_three_things_and_its_keys(
    window: MainWindow,
) -> None:
    seen = every_page(window)  # five tabs' pages: a tab losing its pages must not pass this
    for shown in seen:
        help_key = shown.help_key
        assert pages.has_help(help_key), f"{help_key} has no help page"
        text = pages.page_text(help_key)
        doing = text.split("## What you do here")[1].split("##")[0]
        things = [line for line in doing.splitlines() if line.startswith("- **")]
        assert len(things) == 3, f"{help_key}: {len(things)} things, not three"
        assert "## Keys" in text, f"{help_key} lists no keys"
    assert pages.page_keys() == [shown.help_key for shown in seen]


def test_help_links_lead_to_pages_and_glossary_words_that_exist() -> None:
    anchors = {t.key for t in TERMS}
    for key in pages.page_keys():
        for target in LINK.findall(pages.page_text(key)):
            path, _hash, anchor = target.removeprefix("help:").partition("#")
            linked = path.rsplit(".", 1)[0]
            assert pages.has_help(linked), f"{key} links to {target}, which is missing"
            assert not anchor or anchor in anchors, f"{key} links to {target}: no such word"


def _click_link(qtbot: Any, shown: HelpWindow, href: str) -> None:
    """Click a link in the help page as a person would."""
    document = shown.browser.document()
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position() + 1)
                shown.browser.setTextCursor(cursor)
                shown.browser.ensureCursorVisible()
                rect = shown.browser.cursorRect(cursor)
                qtbot.mouseClick(
                    shown.browser.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
                )
                return
            fragments += 1
        block = block.next()
    raise AssertionError(f"no link to {href}")


def test_links_contents_and_back_work_in_the_help_window(
    window: MainWindow, new_event: Any, qtbot: Any
) -> None:
    new_event("Coffee morning")
    window.open_page("planning", "coproduction")
    shown = press_f1(qtbot, window)
    _click_link(qtbot, shown, "help:glossary.html#rung")
    qtbot.waitUntil(lambda: shown.current_key() == "glossary")
    assert term("rung").meaning in shown.browser.toPlainText()
    assert shown.contents.currentItem().text() == "Glossary"
    assert shown.back.isEnabled()
    qtbot.mouseClick(shown.back, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shown.current_key() == "planning/coproduction")
    _click_link(qtbot, shown, "help:planning/members.md")
    qtbot.waitUntil(lambda: shown.current_key() == "planning/members")
    assert shown.browser.toPlainText().startswith("Working group")
    staff = next(
        shown.contents.item(n)
        for n in range(shown.contents.count())
        if shown.contents.item(n).text() == "Creche ▸ Staff"
    )
    shown.contents.setCurrentItem(staff)
    assert shown.current_key() == "creche/staff"
    assert "DBS check" in shown.browser.toPlainText()


def test_help_glossary_lists_every_word(window: MainWindow, find_action: Any, qtbot: Any) -> None:
    find_action(window, "&Help", "Gl&ossary").trigger()
    shown = window.findChild(HelpWindow, "help_window")
    assert shown is not None and shown.isVisible()
    text = shown.browser.toPlainText()
    for found in TERMS:
        assert found.word in text and found.meaning in text
    for word in ("Rung", "Think Local Act Personal", "EYFS", "Staff:child ratio", "DBS", "Level 6",
                 "Friends and Family Test", "WCAG", "Sign-off", "Working group", "Creche",
                 "Retention"):  # fmt: skip
        assert word in text, f"the glossary does not explain {word}"


def test_glossary_words_are_found_as_screens_show_them() -> None:
    assert [t.key for t in terms_in("&Rung reached")] == ["rung"]
    assert [t.key for t in terms_in("Level 6 (QTS, EYTS or EYPS)")] == ["level6"]
    assert [t.key for t in terms_in("England, group settings (EYFS)")] == ["eyfs"]
    assert [t.key for t in terms_in("Friends and Family Test: 9 of 10")] == ["fft"]
    assert [t.key for t in terms_in("Versions and sign-off")] == ["sign-off"]
    assert terms_in("Remove personal data…") == []
    assert "not a rung" in term("level6").meaning  # a qualification, not a ladder step


def _missing_tips(page: Any) -> list[str]:
    """Words of the glossary a page shows with nothing to explain them."""
    missing = []
    for widget in [page, *page.findChildren(QLabel), *page.findChildren(QTabBar)]:
        if not widget.isVisible():
            continue
        if isinstance(widget, QTabBar):
            missing += [
                widget.tabText(n)
                for n in range(widget.count())
                if terms_in(widget.tabText(n)) and not widget.tabToolTip(n)
            ]
        elif terms_in(shown_text(widget)) and not widget.toolTip():
            missing.append(shown_text(widget))
    for combo in page.findChildren(QComboBox):
        missing += [
            combo.itemText(n)
            for n in range(combo.count())
            if terms_in(combo.itemText(n)) and not combo.itemData(n, Qt.ItemDataRole.ToolTipRole)
        ]
    for view in page.findChildren(QListWidget):
        missing += [
            view.item(n).text()
            for n in range(view.count())
            if terms_in(view.item(n).text()) and not view.item(n).toolTip()
        ]
    return missing


@pytest.mark.usefixtures("demo_event")
def test_glossary_words_on_screen_have_tooltips(window: MainWindow, qtbot: Any) -> None:
    missing: list[str] = []
    for shown in every_page(window):
        window.open_page(shown.tab_name, shown.key)
        page = shown.tab.page(shown.key)
        qtbot.waitUntil(page.isVisible)
        QApplication.processEvents()  # the walk after the page is shown
        missing += [f"{shown.help_key}: {words[:80]!r}" for words in _missing_tips(page)]
    assert not missing, "words without their explanation:\n" + "\n".join(missing)
    window.open_page("planning", "coproduction")
    rung = next(
        label
        for label in window.planning.coproduction.findChildren(QLabel)
        if label.text() == "&Rung reached"
    )
    assert term("rung").meaning in rung.toolTip()
    sections = window.planning.bar
    assert isinstance(sections, QListWidget)
    members = sections.findItems("Working group", Qt.MatchFlag.MatchExactly)[0]
    assert term("working-group").meaning in members.toolTip()
    main_tabs = window.tabs.tabBar()
    assert term("creche").meaning in main_tabs.tabToolTip(window.tabs.indexOf(window.creche))


@pytest.mark.usefixtures("demo_event")
def test_column_headings_and_choices_explain_their_words(window: MainWindow, qtbot: Any) -> None:
    window.open_page("creche", "staff")
    model = window.creche.staff.section.table.model()
    headings = {
        model.headerData(n, Qt.Orientation.Horizontal): model.headerData(
            n, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
        )
        for n in range(model.columnCount())
    }
    assert term("dbs").meaning in headings["DBS check"]
    assert headings["Name"] is None
    window.open_page("creche", "creche")
    qtbot.waitUntil(window.creche.creche.isVisible)
    QApplication.processEvents()
    rules = window.creche.creche.findChildren(QComboBox)
    tips = [
        combo.itemData(n, Qt.ItemDataRole.ToolTipRole)
        for combo in rules
        for n in range(combo.count())
        if "EYFS" in combo.itemText(n)
    ]
    assert tips and term("eyfs").meaning in tips[0]


def test_help_files_ship_in_the_package_and_are_read_through_importlib_resources() -> None:
    folder = files("organiser").joinpath("resources", "help")
    assert folder.is_dir()
    assert pages.help_file("planning/budget") == folder.joinpath("planning", "budget.md")
    assert pages.page_text("planning/budget") == folder.joinpath("planning", "budget.md").read_text(
        encoding="utf-8"
    )
    assert not pages.has_help("planning/no-such-page")


def _ask_tooltip(widget: QWidget) -> None:
    """Rest the mouse on a widget: Qt sends it a tooltip request (passed up when unanswered)."""
    middle = widget.rect().center()
    event = QHelpEvent(QEvent.Type.ToolTip, middle, widget.mapToGlobal(middle))
    QApplication.sendEvent(widget, event)


def test_words_that_appear_after_the_page_was_shown_are_explained_when_asked(
    qtbot: Any,
) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    status = QLabel("No staff yet", page)
    checks = QLabel("DBS check date", page)
    layout.addWidget(status)
    layout.addWidget(checks)
    watch(page)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: bool(checks.toolTip()))
    assert term("dbs").meaning in checks.toolTip()
    assert status.toolTip() == ""
    status.setText("A level 6 practitioner is on")  # the page's words changed while on screen
    _ask_tooltip(status)
    qtbot.waitUntil(QToolTip.isVisible)
    assert term("level6").meaning in QToolTip.text()
    checks.setText("Name")  # an explained word went away: so does its explanation
    _ask_tooltip(checks)
    assert checks.toolTip() == ""
    QToolTip.hideText()
