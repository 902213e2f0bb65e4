"""The help pages shipped with the application: one Markdown file per page of the window under
organiser/resources/help/<tab>/<page>.md, read through importlib.resources, and the glossary
page written from the glossary's own list."""

from __future__ import annotations

import html
from importlib.resources import files
from importlib.resources.abc import Traversable

from organiser.ui.help.glossary import TERMS

TABS = ("planning", "speakers", "creche", "flyer", "feedback")
GLOSSARY = "glossary"  # the glossary's key; every other key is "<tab>/<page>"


def folder() -> Traversable:
    """Where the help files are, inside the installed package."""
    return files("organiser").joinpath("resources", "help")


def help_file(key: str) -> Traversable:
    """The Markdown file of one page's help ("planning/budget")."""
    tab, _slash, page = key.partition("/")
    return folder().joinpath(tab, f"{page}.md")


def has_help(key: str) -> bool:
    """Whether a page of the window has a help page."""
    return key == GLOSSARY or help_file(key).is_file()


def page_text(key: str) -> str:
    """The Markdown of one page's help."""
    return help_file(key).read_text(encoding="utf-8")


def title_of(key: str) -> str:
    """A help page's heading (its first line, without the '#')."""
    if key == GLOSSARY:
        return "Glossary"
    return page_text(key).splitlines()[0].lstrip("# ").strip()


def page_keys() -> list[str]:
    """Every page of every tab, in the order the window shows them."""
    from organiser.ui.creche.tab import PAGES as CRECHE
    from organiser.ui.feedback.tab import PAGES as FEEDBACK
    from organiser.ui.flyer.tab import PAGES as FLYER
    from organiser.ui.planning.tab import PAGES as PLANNING
    from organiser.ui.speakers.tab import PAGES as SPEAKERS

    pages = dict(zip(TABS, (PLANNING, SPEAKERS, CRECHE, FLYER, FEEDBACK), strict=True))
    return [f"{tab}/{page}" for tab in TABS for page in pages[tab]]


def glossary_html() -> str:
    """The glossary page: every specialist word the screens use, in plain words."""
    rows = "".join(
        f'<h3><a name="{t.key}"></a>{html.escape(t.word)}</h3><p>{html.escape(t.meaning)}</p>'
        for t in sorted(TERMS, key=lambda t: t.word.lower())
    )
    return (
        "<h1>Glossary</h1><p>Words Organiser uses that you may not know, in plain English. "
        "Rest the mouse on one of them anywhere in the window to see the same explanation."
        f"</p>{rows}"
    )
