"""The help window: a contents list beside the help page, with links between pages; opened at
the page on screen by Help ▸ Help for this page (F1), or at the glossary. It does not block the
window, so a person can read it while they work."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from organiser.ui.help import pages
from organiser.ui.help.pages import GLOSSARY
from organiser.ui.host import WindowHost

SCHEME = "help"
_KEY = Qt.ItemDataRole.UserRole


def url_of(key: str) -> QUrl:
    """A help page's address: help:planning/budget.md, or help:glossary.html."""
    return QUrl(f"{SCHEME}:{key}.html" if key == GLOSSARY else f"{SCHEME}:{key}.md")


def key_of(url: QUrl) -> str:
    """The help page an address points at (its anchor left off)."""
    return url.path().rsplit(".", 1)[0]


class HelpBrowser(QTextBrowser):
    """Shows help pages by their help: address, from the files that ship with Organiser."""

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        """A help page's text, from the package (nothing is fetched from the network)."""
        name = QUrl(name)
        if name.scheme() != SCHEME:
            return None
        key = key_of(name)
        if key == GLOSSARY:
            return pages.glossary_html()
        if not pages.has_help(key):
            return f"# Not found\n\nThere is no help page called “{key}”."
        return pages.page_text(key)


class HelpWindow(QWidget):
    """Contents on the left, the page on the right; Back and Forward as in a web browser."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("help_window")
        self.setWindowTitle("Organiser help")
        self.contents = QListWidget(self)
        self.contents.setObjectName("help_contents")
        self.contents.setAccessibleName("Help contents")
        # Long titles wrap onto a second line rather than hide behind a scroll bar.
        self.contents.setWordWrap(True)
        self.contents.setResizeMode(QListView.ResizeMode.Adjust)
        self.contents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for key in [*pages.page_keys(), GLOSSARY]:
            tab = key.partition("/")[0].capitalize()
            title = pages.title_of(key)
            item = QListWidgetItem(title if key == GLOSSARY else f"{tab} ▸ {title}")
            item.setData(_KEY, key)
            self.contents.addItem(item)
        self.contents.currentItemChanged.connect(self._chosen)
        self.browser = HelpBrowser(self)
        self.browser.setObjectName("help_text")
        self.browser.setAccessibleName("Help page")
        self.browser.setOpenLinks(True)
        self.browser.sourceChanged.connect(self._shown)
        self.back = QPushButton("&Back", self)
        self.back.setEnabled(False)
        self.back.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(self.back.setEnabled)
        self.forward = QPushButton("&Forward", self)
        self.forward.setEnabled(False)
        self.forward.clicked.connect(self.browser.forward)
        self.browser.forwardAvailable.connect(self.forward.setEnabled)
        self.close_button = QPushButton("&Close", self)
        self.close_button.clicked.connect(self.close)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addWidget(self.forward)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.browser, 1)
        splitter = QSplitter(self)
        splitter.addWidget(self.contents)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 560])
        QVBoxLayout(self).addWidget(splitter)
        self.resize(820, 600)

    def show_page(self, key: str) -> None:
        """Open a help page by its key ("planning/budget", "glossary") and bring it forward."""
        if key != GLOSSARY and not pages.has_help(key):
            key = "planning/overview"
        kind = (
            QTextDocument.ResourceType.HtmlResource
            if key == GLOSSARY
            else QTextDocument.ResourceType.MarkdownResource
        )
        self.browser.setSource(url_of(key), kind)
        self.show()
        self.raise_()
        self.activateWindow()

    def current_key(self) -> str:
        """The help page on show."""
        return key_of(self.browser.source())

    def _chosen(self, item: QListWidgetItem | None) -> None:
        if item is not None and item.data(_KEY) != self.current_key():
            self.show_page(item.data(_KEY))

    def _shown(self, url: QUrl) -> None:
        """Keep the contents list on the page shown (after a link, Back or Forward)."""
        key = key_of(url)
        for row in range(self.contents.count()):
            if self.contents.item(row).data(_KEY) == key:
                self.contents.blockSignals(True)
                self.contents.setCurrentRow(row)
                self.contents.blockSignals(False)
                break


def open_for(window: WindowHost, key: str | None = None) -> HelpWindow:
    """Help ▸ Help for this page (F1: the page on screen) or Glossary: the window's one help
    window (made the first time), at that page."""
    owner = window.window()
    found = owner.findChild(HelpWindow, "help_window")
    shown = found if found is not None else HelpWindow(owner)
    shown.show_page(key or window.current_page())
    return shown
