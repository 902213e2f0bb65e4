"""Undo for the report's words: a section's saves while someone types in it are one step."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from organiser.core.changes import Changes
from organiser.core.coproduction import narrative
from organiser.core.db import Store
from organiser.ui.ops import Call, Inverse, OpRunner, ServiceCommand

# QUndoStack only asks commands with the same id whether they merge.
_TYPING_ID = 0x5E55
# Which event, which section, which spell of typing in it.
Spell = tuple[int, str, int]


def section_inverse(store: Store, event_id: int, section: str) -> Inverse:
    """A section's text ↔ the text it had before ("" being the words from the data)."""

    def inverse(changes: Changes) -> Call:
        before = str(changes.previous.get("text", ""))
        return lambda: narrative.set_text(store, event_id=event_id, section=section, text=before)

    return inverse


class TypingCommand(ServiceCommand):
    """Autosaves of one section during one spell of typing: undone together."""

    def __init__(
        self, runner: OpRunner, text: str, changes: Changes, inverse: Inverse, spell: Spell
    ) -> None:
        super().__init__(runner, text, inverse(changes), inverse)
        self.spell = spell

    def id(self) -> int:
        """Typing commands may merge with each other."""
        return _TYPING_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Swallow the next save of the same spell; undo keeps going back to before it."""
        return isinstance(other, TypingCommand) and other.spell == self.spell


def save_section(
    runner: OpRunner,
    *,
    event_id: int,
    section: str,
    text: str,
    spell: Spell,
    origin: object = None,
) -> Changes:
    """Keep a section's words (raises OrganiserError), as one undo step per spell of typing."""
    store = runner.store
    changes = runner.call(
        lambda: narrative.set_text(store, event_id=event_id, section=section, text=text),
        quiet=True,
        origin=origin,
    )
    assert changes is not None
    if changes.touched:
        title = narrative.TITLES[section]
        inverse = section_inverse(store, event_id, section)
        runner.undo_stack.push(
            TypingCommand(runner, f"Edit the report’s {title.lower()}", changes, inverse, spell)
        )
    return changes
