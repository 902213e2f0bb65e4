"""A feedback form printed in a language version, exported as a person scripts it: the
version's words on the paper (Urdu shaped and read back as typed), English where a word is
missing and said on stderr, an unchecked version said too, and an unknown one refused."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from organiser.core.db import Store
from organiser.core.feedback import languages
from organiser.core.feedback.form import list_questions
from organiser.core.feedback.kinds import Standard
from tests.reports.test_scripts import fonts_in, marked

URDU_QUESTION = "آپ کو سب سے زیادہ کیا پسند آیا؟"


def _export(database: Path, folder: Path, *more: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ORGANISER_")}
    env["ORGANISER_DATA_DIR"] = str(folder)
    return subprocess.run(
        [sys.executable, "-m", "organiser", "--database", str(database), *more],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_an_urdu_form_prints_its_words_and_says_what_stays_english(
    store: Store, create_event: object, tmp_path: Path, db_path: Path
) -> None:
    assert callable(create_event)
    event_id = create_event(title="Move, breathe and connect")
    added = languages.add_form_language(store, event_id=event_id, language="Urdu")
    assert added.created_id is not None
    enjoyed = next(
        q.id for q in list_questions(store, event_id) if q.standard == Standard.ENJOYED.value
    )
    languages.update_form_language(
        store,
        language_id=added.created_id,
        values={"heading": "رائے فارم", languages.text_key(enjoyed): URDU_QUESTION},
    )
    out = tmp_path / "urdu.pdf"
    done = _export(
        db_path, tmp_path, "export", "feedback-form", "--event", str(event_id),
        "--language", "urdu", "--out", str(out),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    said = "not yet in Urdu, so printed in English: introduction, question 1,"
    assert said in done.stderr
    assert "the Urdu form has not been checked by a member yet" in done.stderr
    pdf = out.read_bytes()
    lines = marked(pdf)  # each right-to-left line as a reader gets it: in the order typed
    assert f"2. {URDU_QUESTION}" in lines
    assert "رائے فارم" in lines, "the heading (the event has no date or place yet)"
    assert "NotoSansArabic-Regular" in fonts_in(pdf)
    plain = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert "What could have been better?" in plain, "a question not translated yet"

    refused = _export(
        db_path, tmp_path, "export", "feedback-form", "--event", str(event_id),
        "--language", "Welsh", "--out", str(tmp_path / "welsh.pdf"),
    )  # fmt: skip
    assert refused.returncode == 1
    assert refused.stderr.strip() == "organiser: The feedback form has no Welsh version."


def test_a_right_to_left_form_puts_each_box_on_the_right_of_its_own_words() -> None:
    from organiser.core.feedback.documents import FormQuestion
    from organiser.reports.feedback_form import LOOKS, TickBox, _question

    def first_row(text: str, choices: tuple[str, ...]) -> list[Any]:
        asked = FormQuestion(1, text, "Single choice", choices, "", 0)
        *_words, grid = _question(asked, LOOKS[0])
        return list(grid._cellvalues[0])

    choices = ("جيدة جدا", "جيدة", "لا أعرف")
    mirrored = first_row("كيف كانت تجربتك؟", choices)
    plain = first_row("How was it?", ("Very good", "Good", "Don't know", "Poor"))
    assert isinstance(plain[0], TickBox) and not isinstance(plain[1], TickBox)
    assert isinstance(mirrored[-1], TickBox), "the first choice's box at the far right"
    words = [cell for cell in mirrored if not isinstance(cell, TickBox)]
    assert "جدا" in words[-1].text and "أعرف" in words[0].text, "read right to left"


def test_the_sign_in_sheet_prints_a_version_beside_the_english_and_asks_no_contact(
    store: Store, create_event: object, tmp_path: Path, db_path: Path
) -> None:
    assert callable(create_event)
    event_id = create_event(title="Move, breathe and connect")
    out = tmp_path / "sign-in.pdf"
    english = _export(
        db_path, tmp_path, "export", "sign-in", "--event", str(event_id), "--out", str(out)
    )
    assert english.returncode == 0 and english.stderr == ""
    plain = " ".join(PdfReader(io.BytesIO(out.read_bytes())).pages[0].extract_text().split())
    assert "First name Adults Children First time here? Tick" in plain
    assert "Please do not write phone numbers or email addresses here." in plain

    added = languages.add_form_language(store, event_id=event_id, language="Polish")
    assert added.created_id is not None
    languages.update_form_language(
        store,
        language_id=added.created_id,
        values={"sign_in_heading": "Lista obecności", "column_name": "Imię"},
    )
    polish = _export(
        db_path, tmp_path, "export", "sign-in", "--event", str(event_id),
        "--language", "Polish", "--out", str(out),
    )  # fmt: skip
    assert polish.returncode == 0, polish.stderr
    assert "printed in English: sign-in sheet: introduction" in polish.stderr
    assert "the Polish words have not been checked" in polish.stderr
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Lista obecności · Sign-in sheet" in text
    assert "Imię First name" in text, "the word in Polish, the English under it"
    assert reader.trailer["/Root"]["/Lang"] == "pl"
