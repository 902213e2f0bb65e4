"""HarfBuzz shaping in ReportLab: loaded on first use, and one ReportLab slip mended.

ReportLab shapes text (joins Arabic letters, forms Indic conjuncts) with uharfbuzz when it can
import it. Loading it takes 17 ms, which most documents (Latin text only) never need:
`load_lazily()` gives ReportLab a stand-in that becomes the real module on first use.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import threading
import types
from typing import Any

_reportlab_set_rise: Any = None


_loading = threading.Lock()  # the preview renders on a worker thread while printing runs


class _Shaping(types.ModuleType):
    """Stands in for uharfbuzz until ReportLab first shapes a word, then becomes it."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        with _loading:
            real = self.__dict__.get("_real")
            if real is None:
                if sys.modules.get("uharfbuzz") is self:
                    del sys.modules["uharfbuzz"]
                try:
                    real = importlib.import_module("uharfbuzz")
                finally:
                    sys.modules.setdefault("uharfbuzz", self)
                self.__dict__.update(real.__dict__)
                self.__dict__["_real"] = real
        return getattr(real, name)


def load_lazily() -> None:
    """Let ReportLab import HarfBuzz (uharfbuzz) at once but load it on first use (its 17 ms
    only for documents with text to shape)."""
    if "uharfbuzz" not in sys.modules and importlib.util.find_spec("uharfbuzz") is not None:
        sys.modules["uharfbuzz"] = _Shaping("uharfbuzz")


def mend_rise() -> None:
    """Mend ReportLab's text object's rise for shaped text (see `_set_rise`)."""
    global _reportlab_set_rise
    from reportlab.pdfgen.textobject import PDFTextObject

    if PDFTextObject.setRise is not _set_rise:
        _reportlab_set_rise = PDFTextObject.setRise
        PDFTextObject.setRise = _set_rise


def _set_rise(self: Any, rise: float) -> None:
    """ReportLab's PDFTextObject.setRise, which fails when a shaped line's first glyph is
    raised or lowered (an Arabic mark) before any other text operator: the same, guarded."""
    if not self._code:
        self._code.append("")
    _reportlab_set_rise(self, rise)
