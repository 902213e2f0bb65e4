"""Run the real app (`organiser --database PATH`) and type into the Purpose field once shown.

The test sends SIGTERM while the typing is still inside the autosave delay.
"""

from __future__ import annotations

import sys
from typing import Any

from filled import when_filled
from PySide6.QtWidgets import QApplication

from organiser.app import main

TYPED = "Typed just before the laptop was shut: Zoë’s notes"
_exec = QApplication.exec


def _exec_and_type(app: QApplication) -> int:
    def type_text(window: Any) -> None:
        window.planning.show_section("details")
        purpose = window.planning.details.form.inputs["purpose"]
        purpose.setFocus()
        purpose.insertPlainText(TYPED)
        print("typed", flush=True)

    when_filled(app, type_text)
    return _exec()


QApplication.exec = _exec_and_type  # type: ignore[method-assign]
raise SystemExit(main(sys.argv[1:]))
