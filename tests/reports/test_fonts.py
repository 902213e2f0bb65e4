"""The print fonts: plain text takes the short way through font_runs, and Noto Sans (2 MB to
read) is registered only once some text needs it."""

from __future__ import annotations

import subprocess
import sys

from organiser.reports.fonts import BOLD, FALLBACK, REGULAR, font_runs, markup


def test_plain_text_is_cleaned_as_any_other() -> None:
    # Tabs become spaces, CRLF a line break, other control characters go.
    assert font_runs("a\tb\r\nc\x00d\x7f\re") == [(REGULAR, "a b\ncde")]
    assert font_runs("") == []
    assert font_runs("\x00\x1b") == []
    assert font_runs("   ") == [(REGULAR, "   ")]
    assert font_runs("Bold words", BOLD) == [(BOLD, "Bold words")]
    assert font_runs("plain", FALLBACK) == [(FALLBACK, "plain")]


def test_markup_escapes_what_paragraph_markup_would_read() -> None:
    assert markup("a < b & c > d\n'q' \"q\"") == (
        f'<font name="{REGULAR}">a &lt; b &amp; c &gt; d<br/>\'q\' "q"</font>'
    )


def test_the_fallback_font_is_read_only_when_some_text_needs_it() -> None:
    # In a fresh process: fonts, once registered, stay registered for the whole process.
    check = (
        "from reportlab.pdfbase.pdfmetrics import getRegisteredFontNames as names\n"
        "from organiser.reports.fonts import FALLBACK, markup, register_main_fonts\n"
        "register_main_fonts()\n"
        "markup('Plain words, as most are.')\n"
        "assert FALLBACK not in names(), names()\n"
        "assert 'ễ' in markup('Nguyễn')\n"
        "assert FALLBACK in names(), names()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]


def test_shaping_loads_only_for_text_that_needs_it() -> None:
    check = (
        "import sys\n"
        "from reportlab.lib.pagesizes import A4\n"
        "from organiser.reports.pages import build_pdf, para\n"
        "from organiser.reports.styles import BODY\n"
        "loaded = lambda: sorted(k for k in sys.modules if 'harfbuzz' in k)\n"
        "build_pdf([para('Zoë and Łucja', BODY)], pagesize=A4, title='t', subject='s')\n"
        "assert loaded() == ['uharfbuzz'], loaded()  # the stand-in only\n"
        "build_pdf([para('مرحبا بكم', BODY)], pagesize=A4, title='t', subject='s')\n"
        "assert 'uharfbuzz._harfbuzz' in loaded(), loaded()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
