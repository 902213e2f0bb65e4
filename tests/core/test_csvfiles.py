"""Reading CSV files from other programs, and writing CSV files safe to open in a spreadsheet."""

from __future__ import annotations

import codecs
import csv
import io
import os
from pathlib import Path

import pytest

from organiser.core import csvfiles
from organiser.core.csvfiles import read_csv, read_csv_file, safe_cell, save_csv, write_csv
from organiser.core.errors import OrganiserError

TEXT = (
    "Name,Notes,Town\r\n"
    "Siobhán Ó Briain,Gâteau à la crème for the café,Dún Laoghaire\r\n"
    "Zoë Brontë,“Naïve” — €5,Ilkley\r\n"
)
NAMES = ["Siobhán Ó Briain", "Zoë Brontë"]


def names(table: csvfiles.CsvTable) -> list[str]:
    return [cells[0] for _, cells in table.rows]


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("cp1252"), "cp1252"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
    ],
    ids=["utf-8", "utf-8 with BOM", "cp1252", "utf-16 with BOM", "utf-16-le", "utf-16-be"],
)
def test_each_encoding_reads_the_same_names(data: bytes, encoding: str) -> None:
    table = read_csv(data)
    assert table.encoding == encoding
    assert table.describe().startswith(
        "Read as Windows Western (cp1252)" if encoding == "cp1252" else "Read as Unicode (UTF-"
    )
    assert table.header == ("Name", "Notes", "Town")  # no BOM left on the first heading
    assert names(table) == NAMES
    assert table.rows[0][1][1] == "Gâteau à la crème for the café"
    assert table.rows[1][1][1] == "“Naïve” — €5"


def test_a_person_can_choose_another_encoding() -> None:
    data = "Name\r\nŁucja Wiśniewska\r\n".encode("cp1250")
    assert names(read_csv(data, encoding="cp1250")) == ["Łucja Wiśniewska"]
    with pytest.raises(OrganiserError, match="cannot be read as Unicode"):
        read_csv(data, encoding="utf-8")


@pytest.mark.parametrize("separator", [";", "\t", ","])
def test_separator_is_found_from_the_header(separator: str) -> None:
    cells = ('"Kelly, Siobhán"', '"1,5"', '"a;b\tc"')
    text = f"Name{separator}Amount{separator}Notes\n{separator.join(cells)}\n"
    table = read_csv(text.encode())
    assert table.separator == separator
    assert table.header == ("Name", "Amount", "Notes")
    assert table.rows[0][1] == ("Kelly, Siobhán", "1,5", "a;b\tc")


def test_blank_rows_are_dropped_and_rows_keep_their_spreadsheet_numbers() -> None:
    text = "\n\nName,Quantity\n\nZoë,1\n,\n   \nSiobhán,2\n"
    table = read_csv(text.encode())
    assert table.header == ("Name", "Quantity")
    assert [number for number, _ in table.rows] == [5, 8]  # 6 and 7 hold only a comma, spaces
    assert table.describe() == (
        "Read as Unicode (UTF-8), separated by commas: 2 rows and 2 columns"
    )


def test_quoted_cells_keep_separators_and_new_lines() -> None:
    text = 'Name,Notes\r\n"Kelly, Siobhán","line one\r\nline two"\r\nZoë,x\r\n'
    table = read_csv(text.encode())
    assert table.rows[0] == (2, ("Kelly, Siobhán", "line one\r\nline two"))
    assert table.rows[1][0] == 3


def test_blank_and_repeated_headings_get_names() -> None:
    table = read_csv(b"Email,,Email,Notes,,\r\na,b,c,d,,\r\n")
    assert table.header == ("Email", "Column 2", "Email (2)", "Notes")


def test_a_megabyte_cell_reads() -> None:
    note = "Zoë " * 250_000
    table = read_csv(f"Name,Notes\nZoë,{note}\n".encode())
    assert table.rows[0][1][1] == note


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"Name,Quantity\r\nZo\x00e,1\r\n", "NUL bytes"),
        (b"\xef\xbb\xbfName\r\nZo\x00\r\n", "NUL bytes"),
        (b"Name\r\nZo\xeb\x00\r\n", "NUL bytes"),
        ("Name\r\nZo\x00ë\r\n".encode("utf-16"), "NUL bytes"),
        (b"PK\x03\x04\x14\x00\x06\x00rest of a zip", "spreadsheet"),
        (b"", "empty"),
        (b"  \r\n\r\n", "empty"),
        (b"\xef\xbb\xbf\r\n,,\r\n", "no rows"),
    ],
    ids=[
        "NUL bytes",
        "NUL after a BOM",
        "NUL in cp1252",
        "NUL in UTF-16",
        "xlsx",
        "empty",
        "blank",
        "only blank rows",
    ],
)
def test_files_that_are_not_csv_are_refused_in_words(data: bytes, message: str) -> None:
    with pytest.raises(OrganiserError, match=message):
        read_csv(data)


def test_reading_a_file_refuses_huge_or_missing_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bookings.csv"
    path.write_bytes(TEXT.encode("cp1252"))
    assert names(read_csv_file(path)) == NAMES
    monkeypatch.setattr(csvfiles, "MAX_BYTES", 10)
    with pytest.raises(OrganiserError, match="much smaller"):
        read_csv_file(path)
    with pytest.raises(OrganiserError, match=r"Cannot read missing\.csv"):
        read_csv_file(tmp_path / "missing.csv")


DANGEROUS = ['=HYPERLINK("http://example.com/x","Click")', "+44 7700 900123", "-1", "@SUM(A1:A9)"]


def test_formula_cells_are_escaped_and_everything_else_is_left_alone() -> None:
    for cell in DANGEROUS:
        assert safe_cell(cell) == "'" + cell
    assert safe_cell("\tindent") == "'\tindent"
    assert safe_cell("\rline") == "'\rline"
    for cell in ("Zoë", "3", "a=b", "50% off", "", "'quoted"):
        assert safe_cell(cell) == cell
    assert safe_cell(None) == ""
    assert safe_cell(7) == "7"
    for cell in [*DANGEROUS, "Zoë", "'quoted"]:
        assert csvfiles.unescape_cell(safe_cell(cell)) == cell


def test_written_csv_opens_in_excel_and_parses_back() -> None:
    data = write_csv([("Name", "Notes"), ("Zoë", DANGEROUS[0]), ("Łucja, Wiśniewska", "a\nb")])
    assert data.startswith(codecs.BOM_UTF8)
    text = data.decode("utf-8-sig")
    assert "\r\n" in text
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows == [["Name", "Notes"], ["Zoë", "'" + DANGEROUS[0]], ["Łucja, Wiśniewska", "a\nb"]]
    table = read_csv(data)
    assert table.encoding == "utf-8-sig"
    assert table.rows[1][1][0] == "Łucja, Wiśniewska"


def test_saving_is_whole_private_and_explains_a_bad_folder(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("old")
    save_csv(path, [("Name",), ("Zoë",)])
    assert path.read_bytes() == codecs.BOM_UTF8 + "Name\r\nZoë\r\n".encode()
    assert os.stat(path).st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["list.csv"]  # no temporary file left
    with pytest.raises(OrganiserError, match="does not exist"):
        save_csv(tmp_path / "nowhere" / "list.csv", [("Name",)])
