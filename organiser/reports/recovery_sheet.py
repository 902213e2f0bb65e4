"""The recovery sheet of a protected database: its recovery key in large print, for a locked
drawer. The key opens the database if its password is forgotten, so the sheet says plainly
how to keep it, and that there is no other way back."""

from __future__ import annotations

import datetime as dt

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from organiser.reports.pages import build_pdf, fit, para
from organiser.reports.styles import BODY, INK, KICKER, NOTE, TITLE

_KEY = ParagraphStyle("RecoveryKey", parent=BODY, fontName=TITLE.fontName, fontSize=20, leading=30)
_BOX = TableStyle(
    [
        ("BOX", (0, 0), (-1, -1), 2, INK),
        ("LEFTPADDING", (0, 0), (-1, -1), 14),
        ("RIGHTPADDING", (0, 0), (-1, -1), 14),
        ("TOPPADDING", (0, 0), (-1, -1), 12),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 14),
    ]
)


def _key_lines(recovery: str) -> list[str]:
    """The key's 13 groups on lines of five, easy to read back and type."""
    groups = recovery.split("-")
    return [" ".join(groups[i : i + 5]) for i in range(0, len(groups), 5)]


def render_recovery_sheet(database: str, recovery: str, *, made: dt.date) -> bytes:
    """The sheet as A4 PDF bytes: which database, when, the key, and how to use and keep it."""
    key = [para(line, _KEY) for line in _key_lines(recovery)]
    story: list[Flowable] = [
        para(f"Organiser · made {made:%d %B %Y}", KICKER),
        para("Recovery key", TITLE),
        para(fit(f"For the database {database}", 300), BODY),
        Spacer(0, 10),
        Table([[key]], style=_BOX, hAlign="LEFT"),
        Spacer(0, 14),
        para(
            "If the password is forgotten, this key opens the database instead: type it where "
            "Organiser asks for the password (spaces, dashes and small or capital letters do "
            "not matter). There is no other way back into the database.",
            BODY,
        ),
        para(
            "Anyone with this sheet and a copy of the database can read everything in it, "
            "children's details included. Keep the sheet in a locked drawer, apart from the "
            "laptop; never photograph it or keep it with the laptop.",
            BODY,
        ),
        para(
            "Changing the password does not change this key. If the sheet may have been seen "
            "by someone who should not, remove the protection and protect the database again: "
            "that makes a new key and a new sheet.",
            NOTE,
        ),
    ]
    return build_pdf(story, pagesize=A4, title="Recovery key", subject="Recovery key")
