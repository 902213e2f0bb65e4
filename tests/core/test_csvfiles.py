"""Reading CSV files from other programs, and writing CSV files safe to open in a spreadsheet."""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
from pathlib import Path

import pytest

from organiser.core import csvfiles, encodings
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


# Each file as a spreadsheet program on that language's Windows (or an older Mac) saves it.
CODE_PAGE_NAMES = {
    "cp1252": ["Zoë Brontë", "Siobhán Ó Briain", "Renée François", "Màiri NicLeòid"],
    "cp1250": ["Łucja Wiśniewska", "Zażółć Gęślą", "Jiří Dvořák", "Ştefan Ţepeş"],
    "cp1257": ["Žygimantas Šimkus", "Eglė Jankauskienė", "Jānis Bērziņš"],
    "mac_roman": ["Zoë Brontë", "Siobhán Ó Briain", "Renée François"],
    "cp1254": ["Şükrü Yılmaz", "Ayşe Gökçe"],
    "cp1251": ["Олександр Коваленко", "Марія Шевченко"],
    "cp1253": ["Γιώργος Παπαδόπουλος", "Ελένη Γεωργίου"],
}


@pytest.mark.parametrize("codec", list(CODE_PAGE_NAMES))
def test_a_code_page_is_told_from_the_names_it_holds(codec: str) -> None:
    people = CODE_PAGE_NAMES[codec]
    data = ("Name,Town\r\n" + "".join(f"{name},Leeds\r\n" for name in people)).encode(codec)
    table = read_csv(data)
    assert (table.encoding, names(table)) == (codec, people)


@pytest.mark.parametrize(
    ("name", "codec"),
    [
        ("Zoë", "cp1252"),  # read as Arabic (cp1006) before
        ("Siobhán", "cp1252"),
        ("Renée", "cp1252"),
        ("François", "cp1252"),
        ("Łucja Wiśniewska", "cp1250"),
        ("Zoë", "mac_roman"),
        ("Renée", "mac_roman"),
        ("Şükrü", "cp1254"),
    ],
)
def test_one_short_name_reads_in_its_own_code_page(name: str, codec: str) -> None:
    assert names(read_csv(f"Name\r\n{name}\r\n".encode(codec))) == [name]


def test_a_western_file_is_not_read_as_baltic_and_ties_go_to_windows_western() -> None:
    # Windows Baltic has "ė" where Western has "ë", "į" for "á": one short name alone reads either
    # way, and a spreadsheet on an English Windows is the likelier
    people = ["Zoë Brontë", "Siobhán Ó Briain"]
    table = read_csv(("Name\r\n" + "\r\n".join(people)).encode("cp1252"))
    assert (table.encoding, names(table)) == ("cp1252", people)
    assert table.describe().startswith("Read as Windows Western (cp1252)")
    assert encodings.detect_encoding("Zoë".encode("cp1252")) == "cp1252"  # "Zoė" in cp1257


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Item,Price\r\nCake,€2\r\n", "iso8859_15"),  # € is byte A4 here, "¤" in cp1252
        ("Item,Price\r\nCake,€2\r\nTea,½ price\r\nHeat,20°C\r\n", "cp1252"),
        ("Notes\r\nNaïve “quotes” — and an ellipsis…\r\n", "cp1252"),
    ],
)
def test_prices_and_punctuation_read_right(text: str, codec: str) -> None:
    table = read_csv(text.encode(codec))
    assert table.encoding == codec
    assert [cells for _, cells in table.rows] == [
        tuple(line.split(",")) for line in text.split("\r\n")[1:-1]
    ]


def test_chinese_japanese_and_korean_read_through_charset_normalizer() -> None:
    for text, codec in (
        ("Name\r\n张伟\r\n王芳\r\n李娜\r\n", "gbk"),  # mainland China
        ("Name\r\n陳大文\r\n林小美\r\n", "big5"),  # Hong Kong, Taiwan
        ("名前\r\n山田太郎\r\n", "shift_jis"),
        ("Name\r\n김민준\r\n이서연\r\n", "euc_kr"),
    ):
        table = read_csv(text.encode(codec))
        assert [table.header[0], *names(table)] == text.split("\r\n")[:-1]


def test_utf16_tab_separated_text_from_excel_reads() -> None:
    # Excel's "Unicode text": UTF-16 little-endian with a byte-order mark, tabs between cells
    text = TEXT.replace(",", "\t")
    data = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    table = read_csv(data)
    assert (table.encoding, table.separator) == ("utf-16", "\t")
    assert table.header == ("Name", "Notes", "Town")
    assert names(table) == NAMES
    assert table.rows[1][1] == ("Zoë Brontë", "“Naïve” — €5", "Ilkley")


def test_windows_western_with_semicolons_reads() -> None:
    # Excel on a Windows set to a country writing 1,5 for one and a half
    text = "Name;Amount;Notes\r\nZoë Brontë;1,5;Gâteau à la crème\r\nSiobhán Ó Briain;2;\r\n"
    table = read_csv(text.encode("cp1252"))
    assert (table.encoding, table.separator) == ("cp1252", ";")
    assert table.describe() == (
        "Read as Windows Western (cp1252), separated by semicolons: 2 rows and 3 columns"
    )
    assert [cells for _, cells in table.rows] == [
        ("Zoë Brontë", "1,5", "Gâteau à la crème"),
        ("Siobhán Ó Briain", "2", ""),
    ]


HEADER = "Reference,First name,Last name,Email,Quantity\r\n"
ROWS = [f"60{n:02},Name{n},Surname{n},person{n}@example.org,{n % 3 + 1}\r\n" for n in range(10)]
STRAY = '6003,"Amira,Khan,amira.khan@example.org,2\r\n'  # a quote opened, never closed


def refused(text: str) -> str:
    with pytest.raises(OrganiserError) as caught:
        read_csv(text.encode())
    message = str(caught.value)
    assert "Amira" not in message and "@" not in message  # names lines, never quotes them
    return message


def test_a_quote_never_closed_names_the_line_it_opens_on() -> None:
    message = refused(HEADER + "".join(ROWS[1:3]) + STRAY + "".join(ROWS[4:]))
    assert message == (
        'Line 4 opens a quote (") that is never closed, so the rest of the file reads as one '
        "cell. Open the file in a text editor, close or remove that quote, and import it again."
    )


def test_a_quote_closed_lines_later_by_another_cell_names_both_lines() -> None:
    closing = '6008,Zoë,"Brontë, Z",zoe@example.org,1\r\n'  # its quote closes the stray one
    message = refused(HEADER + "".join(ROWS[1:3]) + STRAY + "".join(ROWS[4:8]) + closing)
    assert message.startswith(
        'Line 4 opens a quote (") that is not closed until line 9, so lines 4 to 9 run together'
    )
    # one row swallowed: the quote closes into the next cell's text
    text = HEADER + '6001,"Amira\r\n' + ROWS[2] + '6003,"Khan",x,y@example.org,2\r\n'
    assert refused(text).startswith('Line 2 opens a quote (") that is not closed until line 4')


def test_lines_count_as_the_file_has_them_not_as_spreadsheet_rows() -> None:
    note = '6001,Zoë,Brontë,zoe@example.org,"one\r\ntwo\r\nthree"\r\n'  # rows 2, lines 2 to 4
    message = refused(HEADER + note + ROWS[2] + STRAY + "".join(ROWS[4:]))
    assert message.startswith("Line 6 opens a quote")  # spreadsheet row 4
    for ending in ("\n", "\r"):
        text = (HEADER + ROWS[1] + STRAY + "".join(ROWS[4:])).replace("\r\n", ending)
        assert refused(text).startswith("Line 3 opens a quote")


def test_a_stray_quote_in_the_header_is_refused() -> None:
    assert refused('Reference,"First name,Last name\r\n' + "".join(ROWS)).startswith(
        "Line 1 opens a quote"
    )


@pytest.mark.parametrize(
    ("text", "rows", "cell"),
    [
        (  # a note over several lines, commas and all, properly closed
            'Name,Notes,Town\r\nZoë,"Bring: snacks, drinks\r\nand: hats, gloves\r\nthanks, all"'
            ",Ilkley\r\nSiobhán,x,y\r\n",
            2,
            "Bring: snacks, drinks\r\nand: hats, gloves\r\nthanks, all",
        ),
        (
            'Name,Notes\r\nZoë,"one, a\r\ntwo, b\r\nthree\r\nend"\r\nSiobhán,x\r\n',
            2,
            "one, a\r\ntwo, b\r\nthree\r\nend",
        ),
        (  # one line of the note happens to hold as many cells as a row
            'Name,Notes,Town\r\nZoë,"Allergies:\r\nnuts, eggs, milk\r\nthanks",Ilkley\r\n',
            1,
            "Allergies:\r\nnuts, eggs, milk\r\nthanks",
        ),
        (  # the quote opens on the last line: it takes nothing else in
            HEADER + "".join(ROWS[1:]) + '6010,"Khan,amira@example.org,2\r\n',
            10,
            "Khan,amira@example.org,2\r\n",
        ),
        (  # quotes inside a quoted cell are doubled
            HEADER + ROWS[1] + '6002,Zoë,"Brontë\r\n""Zoë""",x@example.org,1\r\n' + ROWS[3],
            3,
            'Brontë\r\n"Zoë"',
        ),
        (  # a space after the closing quote
            HEADER + '6001,Zoë,"one\r\ntwo\r\nthree" ,z@example.org,1\r\n' + ROWS[2],
            2,
            "one\r\ntwo\r\nthree ",
        ),
    ],
    ids=["three lines", "two columns", "a row-shaped line", "last line", "doubled", "space"],
)
def test_cells_over_several_lines_still_read(text: str, rows: int, cell: str) -> None:
    table = read_csv(text.encode())
    assert len(table.rows) == rows
    assert any(cell in cells for _, cells in table.rows)


def test_a_cell_past_the_size_limit_points_at_its_line(monkeypatch: pytest.MonkeyPatch) -> None:
    limit = csv.field_size_limit()
    monkeypatch.setattr(csvfiles, "_CELL_LIMIT", 200)
    try:
        csv.field_size_limit(200)
        with pytest.raises(OrganiserError, match=r"^Line 3 starts a cell longer than"):
            read_csv((HEADER + ROWS[1] + '6002,"' + "x" * 300 + '",a,b,c\r\n').encode())
    finally:
        csv.field_size_limit(limit)


@pytest.mark.parametrize(
    ("codec", "name"),
    [
        ("utf-8-sig", "Unicode (UTF-8)"),
        ("cp1252", "Windows Western (cp1252)"),
        ("gb18030", "Chinese (GB, gb18030)"),
        ("big5", "Chinese, traditional (Big5, big5)"),
        ("koi8_r", "koi8_r"),
    ],
)
def test_an_encoding_is_named_as_a_person_knows_it(codec: str, name: str) -> None:
    assert csvfiles.encoding_name(codec) == name


@pytest.mark.parametrize(
    ("start", "what"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "a picture (PNG)"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a picture (JPEG)"),
        (b"\x1f\x8b\x08\x00\x00", "a compressed (.gz) file"),
    ],
)
def test_a_picture_or_archive_is_named_not_read_as_text(start: bytes, what: str) -> None:
    with pytest.raises(OrganiserError, match=rf"This file is {re.escape(what)}, not a CSV file"):
        read_csv(start + b"\x00" * 64)
