"""The Feedback tab: Form, Enter responses, Responses, Figures, Themes and quotes, Languages.

Each page, and the module that makes it, loads the first time it is opened; it reloads only
while on show (LazyTab).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from organiser.ui.ops import OpRunner
from organiser.ui.widgets.lazy_tab import LazyTab, later

PAGES: dict[str, tuple[str, Callable[[OpRunner, QWidget], Any]]] = {
    "form": ("Form", later("organiser.ui.feedback.form_page", "FormPage")),
    "entry": ("Enter responses", later("organiser.ui.feedback.entry", "EntryPage")),
    "responses": ("Responses", later("organiser.ui.feedback.responses_page", "ResponsesPage")),
    "figures": ("Figures", later("organiser.ui.feedback.figures_page", "FiguresPage")),
    "themes": ("Themes and quotes", later("organiser.ui.feedback.themes_page", "ThemesPage")),
    "languages": ("Languages", later("organiser.ui.feedback.languages_page", "LanguagesPage")),
}


class FeedbackTab(LazyTab):
    """What people said about the open event, one page at a time."""

    print_requested = Signal(str)  # a document kind: "feedback-form", "feedback-summary"
    summary_requested = Signal()  # the Figures page's "Summary report…"

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, PAGES, name="Feedback", parent=parent)

    def connect_page(self, key: str, page: Any) -> None:
        if hasattr(page, "print_requested"):
            page.print_requested.connect(self.print_requested)
        if hasattr(page, "summary_requested"):
            page.summary_requested.connect(self.summary_requested)

    form = property(lambda self: self.page("form"))
    entry = property(lambda self: self.page("entry"))
    responses = property(lambda self: self.page("responses"))
    figures = property(lambda self: self.page("figures"))
    themes = property(lambda self: self.page("themes"))
    languages = property(lambda self: self.page("languages"))

    def unsaved(self) -> str | None:
        """Why closing now would lose something (a paper form half typed in), or None."""
        entry = self._built.get("entry")
        return entry.unsaved() if entry is not None else None
