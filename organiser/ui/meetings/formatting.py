"""Formats that Markdown keeps: headings, bold, bullet and numbered lists."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtGui import (
    QFont,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
    QTextListFormat,
)
from PySide6.QtWidgets import QTextEdit

BULLETS = QTextListFormat.Style.ListDisc
NUMBERS = QTextListFormat.Style.ListDecimal


def _blocks(cursor: QTextCursor) -> Iterator[QTextBlock]:
    """The paragraphs the cursor or its selection touches."""
    document = cursor.document()
    block = document.findBlock(cursor.selectionStart())
    last = document.findBlock(cursor.selectionEnd())
    while block.isValid():
        yield block
        if block == last:
            break
        block = block.next()


def _leave_list(block: QTextBlock) -> None:
    found = block.textList()
    if found is not None:
        found.remove(block)
        paragraph = block.blockFormat()
        paragraph.setIndent(0)
        QTextCursor(block).setBlockFormat(paragraph)


def heading_level(edit: QTextEdit) -> int:
    """The heading level of the paragraph with the cursor (0 for normal text)."""
    return edit.textCursor().blockFormat().headingLevel()


def list_style(edit: QTextEdit) -> QTextListFormat.Style | None:
    """The style of the list the cursor is in, if any."""
    found = edit.textCursor().currentList()
    return found.format().style() if found is not None else None


def is_bold(edit: QTextEdit) -> bool:
    """True when what is typed next comes out bold."""
    return edit.fontWeight() >= QFont.Weight.DemiBold


def set_heading(edit: QTextEdit, level: int) -> None:
    """Make the chosen paragraphs a heading (1–3), or normal text (0); the same level again
    turns a heading back into normal text."""
    cursor = edit.textCursor()
    blocks = list(_blocks(cursor))
    if level and all(b.blockFormat().headingLevel() == level for b in blocks):
        level = 0
    # What Qt's Markdown reader gives a heading: bold, bigger by 4 - level steps.
    look = QTextCharFormat()
    look.setFontWeight(QFont.Weight.Bold if level else QFont.Weight.Normal)
    look.setProperty(QTextFormat.Property.FontSizeAdjustment, 4 - level if level else 0)
    cursor.beginEditBlock()
    for block in blocks:
        _leave_list(block)
        paragraph = block.blockFormat()
        paragraph.setHeadingLevel(level)
        whole = QTextCursor(block)
        whole.setBlockFormat(paragraph)
        whole.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        whole.mergeCharFormat(look)
    cursor.endEditBlock()
    edit.mergeCurrentCharFormat(look)


def toggle_list(edit: QTextEdit, style: QTextListFormat.Style) -> None:
    """Make the chosen paragraphs a bullet or numbered list, or plain paragraphs again."""
    cursor = edit.textCursor()
    current = cursor.currentList()
    blocks = list(_blocks(cursor))
    cursor.beginEditBlock()
    if current is not None and current.format().style() == style:
        for block in blocks:
            _leave_list(block)
    else:
        if any(b.blockFormat().headingLevel() for b in blocks):
            set_heading(edit, 0)
            cursor = edit.textCursor()
        if current is not None:
            changed = current.format()
            changed.setStyle(style)
            current.setFormat(changed)
        else:
            wanted = QTextListFormat()
            wanted.setStyle(style)
            cursor.createList(wanted)
    cursor.endEditBlock()


def toggle_bold(edit: QTextEdit) -> None:
    """Bold on or off for the selection, or for what is typed next."""
    look = QTextCharFormat()
    look.setFontWeight(QFont.Weight.Normal if is_bold(edit) else QFont.Weight.Bold)
    edit.mergeCurrentCharFormat(look)
