"""Edges of what can be stored: text length, and folders that cannot be made."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from organiser.app import main
from organiser.core.db import Store
from organiser.core.errors import ValidationError
from organiser.core.events.service import get_event, update_event


def test_a_one_mebibyte_note_is_kept_and_two_million_characters_refused(
    store: Store, create_event: Callable[..., int]
) -> None:
    event_id = create_event(title="Long notes")
    note = "a" * (1024 * 1024)
    update_event(store, event_id=event_id, values={"purpose": note})
    assert get_event(store, event_id).purpose == note
    with pytest.raises(ValidationError) as refused:
        update_event(store, event_id=event_id, values={"purpose": "b" * 2_000_001})
    assert refused.value.field == "purpose"
    assert get_event(store, event_id).purpose == note


def test_a_database_folder_that_cannot_be_made_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    code = main(["events", "--database", str(blocker / "sub" / "events.sqlite")])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("organiser: Cannot create the folder") and err.count("\n") == 1
