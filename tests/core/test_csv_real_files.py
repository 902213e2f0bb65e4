"""Exports as spreadsheet programs save them, in each encoding and separator a UK community group
meets: the names must read back letter for letter on the first try."""

from __future__ import annotations

import codecs
import subprocess
import sys

import pytest

from organiser.core.csvfiles import read_csv
from organiser.core.encodings import detect_encoding

HEADER = ["Order", "First name", "Last name", "Email", "Ticket", "Quantity", "Notes"]
NOTES = ["", "Collect at 3pm", "“Gluten free” — thanks", "Paid £12.50 cash", "Sister’s ticket"]


def notes(codec: str) -> list[str]:
    """The typical notes a code page can hold (Central European and Cyrillic have no "£")."""
    return [note for note in NOTES if note.encode(codec, errors="replace").decode(codec) == note]


def export(people: list[tuple[str, str]], separator: str = ",", codec: str = "utf-8") -> str:
    """A booking export: one row per person, notes cycling through typical ones."""
    lines = [separator.join(HEADER)]
    typical = notes(codec)
    for number, (first, last) in enumerate(people):
        note = typical[number % len(typical)]
        cells = [str(6001 + number), first, last, f"person{number}@example.org", "Adult", "1", note]
        lines.append(separator.join(cells))
    return "\r\n".join(lines) + "\r\n"


WESTERN = [
    ("Siobhán", "Ó Briain"),
    ("Zoë", "Brontë"),
    ("Renée", "François"),
    ("Màiri", "NicLeòid"),
    ("Gwenllïan", "ap Siôn"),
    ("Seán", "Ó Súilleabháin"),
    ("Oliver", "Smith"),
    ("José", "Muñoz"),
    ("Jürgen", "Groß"),
    ("Chloë", "Price"),
]
EXPORTS = {
    # Excel "CSV (Comma delimited)" on an English Windows
    "cp1252": WESTERN,
    # Excel on a Polish Windows: Polish names, and Irish ones its code page also holds
    "cp1250": [
        ("Łucja", "Wiśniewska"),
        ("Małgorzata", "Żak"),
        ("Paweł", "Kołodziej"),
        ("Siobhán", "Ó Briain"),
        ("Oliver", "Smith"),
        ("Grzegorz", "Brzęczyszczykiewicz"),
    ],
    # Excel on a Lithuanian or Latvian Windows
    "cp1257": [
        ("Žygimantas", "Šimkus"),
        ("Eglė", "Jankauskienė"),
        ("Jānis", "Bērziņš"),
        ("Rūta", "Petrauskaitė"),
        ("Oliver", "Smith"),
    ],
    # Excel on a Turkish Windows
    "cp1254": [("Şükrü", "Yılmaz"), ("Ayşe", "Gökçe"), ("Oğuz", "Aydın"), ("Oliver", "Smith")],
    # Excel on a Ukrainian Windows
    "cp1251": [("Олександр", "Коваленко"), ("Марія", "Шевченко"), ("Oliver", "Smith")],
    # Excel on an older Mac
    "mac_roman": WESTERN,
}


@pytest.mark.parametrize("codec", list(EXPORTS))
def test_an_export_reads_in_the_code_page_it_was_saved_in(codec: str) -> None:
    people = EXPORTS[codec]
    text = export(people, codec=codec)
    if codec == "mac_roman":
        text = text.replace("\r\n", "\r")  # an older Mac ends lines with a carriage return
    table = read_csv(text.encode(codec))
    assert table.encoding == codec
    assert [cells[1:3] for _, cells in table.rows] == people
    typical = notes(codec)
    assert [cells[6] for _, cells in table.rows] == [
        typical[number % len(typical)] for number in range(len(people))
    ]


def test_an_export_on_a_windows_set_to_mainland_europe_uses_semicolons() -> None:
    table = read_csv(export(WESTERN, ";").encode("cp1252"))
    assert (table.encoding, table.separator) == ("cp1252", ";")
    assert table.header == tuple(HEADER)
    assert [cells[1:3] for _, cells in table.rows] == WESTERN


def test_excel_unicode_text_is_utf16_with_tabs() -> None:
    people = [*WESTERN, ("Łucja", "Wiśniewska"), ("Nguyễn", "Văn An"), ("Олександр", "Коваленко")]
    data = codecs.BOM_UTF16_LE + export(people, "\t").encode("utf-16-le")
    table = read_csv(data)
    assert (table.encoding, table.separator) == ("utf-16", "\t")
    assert table.describe().startswith("Read as Unicode (UTF-16), separated by tabs: 13 rows")
    assert [cells[1:3] for _, cells in table.rows] == people


def test_a_western_file_is_told_without_loading_charset_normalizer() -> None:
    # charset-normalizer takes a moment to load: only Chinese, Japanese or Korean files need it
    code = (
        "import sys\n"
        "from organiser.core.encodings import detect_encoding\n"
        "assert 'charset_normalizer' not in sys.modules\n"
        f"assert detect_encoding({export(WESTERN).encode('cp1252')!r}) == 'cp1252'\n"
        "print('charset_normalizer' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "False"


def test_a_long_file_is_told_from_the_words_it_opens_with() -> None:
    # 20,000 rows; the code page is told from a sample of its accented words
    data = export(WESTERN * 2_000).encode("cp1252")
    assert detect_encoding(data) == "cp1252"
    assert (
        detect_encoding(export(EXPORTS["cp1250"] * 3_000, codec="cp1250").encode("cp1250"))
        == "cp1250"
    )
