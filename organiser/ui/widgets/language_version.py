"""What the Flyer's and the Feedback form's Languages pages share: the English shown above each
box a translation is typed in, the working group's members to check it, the words saying who
checked it, and asking which language to add."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QInputDialog, QLabel, QVBoxLayout, QWidget

from organiser.core.languages import SUGGESTED
from organiser.core.parsing import local_moment


def english_rows(inputs: Mapping[str, QWidget]) -> dict[str, QLabel]:
    """A label above each input (in its box from widgets.form) for the English it translates."""
    labels: dict[str, QLabel] = {}
    for key, widget in inputs.items():
        box = widget.parentWidget()
        assert box is not None
        column = box.layout()
        assert isinstance(column, QVBoxLayout)
        english = QLabel(box)
        english.setObjectName(f"{key}_english")
        english.setWordWrap(True)
        english.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        english.setProperty("role", "hint")
        column.insertWidget(0, english)
        labels[key] = english
    return labels


def fill_members(combo: QComboBox, members: Iterable[Any]) -> None:
    """The working group's members to choose who checked a version (the choice kept)."""
    current = combo.currentData()
    combo.clear()
    for member in members:
        combo.addItem(member.name, member.id)
    if current is not None:
        combo.setCurrentIndex(max(combo.findData(current), 0))


def checked_words(language: str, checked_by: str, checked_at: dt.datetime | None) -> str:
    """Who checked a version and when, or that a member who reads it should."""
    if checked_by and checked_at is not None:
        when = local_moment(checked_at)
        return (
            f"Checked by {checked_by} on {when:%d/%m/%Y}. Changing the words takes the check back."
        )
    return f"Not checked yet: a member who reads {language} checks it before it prints."


def ask_language(parent: QWidget, taken: set[str]) -> str | None:
    """The language to add: one of the community's most spoken, or any typed."""
    offered = [name for name in SUGGESTED if name not in taken]
    name, ok = QInputDialog.getItem(
        parent, "Add a language", "Language (choose, or type another):", offered, 0, True
    )
    return name.strip() if ok and name.strip() else None
