"""Read CSV files from other programs robustly; write CSV files that are safe to open in Excel.

Reading: the text encoding is found from a byte-order mark, else UTF-8, else charset-normalizer;
the separator (comma, semicolon or tab) from the header row; blank rows are dropped. Writing:
cells starting with = + - @ (or tab / carriage return) get a leading ' so a spreadsheet shows them
as text instead of running them as formulas; UTF-8 with a BOM so Excel reads accents right.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from organiser.core.errors import OrganiserError
from organiser.core.files import atomic_write

MAX_BYTES = 20 * 1024 * 1024  # a booking or feedback export is far smaller
SEPARATORS = {",": "commas", ";": "semicolons", "\t": "tabs"}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Encodings a person may pick when the detected one shows the wrong letters.
ENCODINGS = {
    "utf-8": "Unicode (UTF-8)",
    "cp1252": "Windows Western (cp1252)",
    "cp1250": "Windows Central European (cp1250)",
    "iso8859_15": "Western (ISO 8859-15)",
    "mac_roman": "Mac Roman",
    "utf-16": "Unicode (UTF-16)",
}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_NOT_TEXT = (
    (b"PK\x03\x04", "a spreadsheet (.xlsx) or other zipped file"),
    (b"\xd0\xcf\x11\xe0", "an old Excel (.xls) or Word file"),
    (b"%PDF", "a PDF"),
)
_NUL = (
    "This file contains NUL bytes (character 0), so it is not a plain CSV text file; it may be "
    "damaged or saved in another format. Save it again as CSV and import that."
)
_CELL_LIMIT = 4 * 1024 * 1024  # a long note in one cell; the csv module's default is 128 KB


@dataclass(frozen=True)
class CsvTable:
    """A CSV file read as text: its column names and its non-blank rows.

    Each row is (its row number as a spreadsheet shows it, header = 1; its cells).
    """

    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    encoding: str
    separator: str

    def describe(self) -> str:
        """ "Read as Unicode (UTF-8), separated by commas: 24 rows and 9 columns"."""
        name = encoding_name(self.encoding)
        rows = len(self.rows)
        return (
            f"Read as {name}, separated by {SEPARATORS.get(self.separator, self.separator)}: "
            f"{rows} row{'s' if rows != 1 else ''} and {len(self.header)} "
            f"column{'s' if len(self.header) != 1 else ''}"
        )


def encoding_name(codec: str) -> str:
    """A codec as a person knows it: "utf-8-sig" → "Unicode (UTF-8)"."""
    family = {"utf-8-sig": "utf-8", "utf-16-le": "utf-16", "utf-16-be": "utf-16"}
    return ENCODINGS.get(family.get(codec, codec), codec)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a byte-order mark: every other byte of plain text is zero."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    for zeros, encoding in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros.count(0) > 0.9 * len(zeros):
            return encoding
    return None


def detect_encoding(data: bytes) -> str:
    """The text encoding of a file's bytes (a codec name Python knows)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    if b"\x00" in data:
        found = _utf16_without_bom(data)
        if found:
            return found
        raise OrganiserError(_NUL)
    from charset_normalizer import from_bytes  # loaded on the first import, not at start-up

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise OrganiserError(
            "Cannot tell which text encoding this file uses; save it again as CSV UTF-8 and retry."
        )
    # Short files fit several Latin code pages equally well. A UK spreadsheet on Windows writes
    # Windows Western (cp1252), so prefer it whenever it fits as well as the best guess.
    equally_good = set(best.could_be_from_charset) | {
        m.encoding for m in matches if m.chaos <= best.chaos
    }
    return "cp1252" if "cp1252" in equally_good else str(best.encoding)


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """The file's text and the encoding used (the one given, or the one detected)."""
    for magic, what in _NOT_TEXT:
        if data.startswith(magic):
            raise OrganiserError(
                f"This file is {what}, not a CSV file. Open it in its program and save it as "
                "CSV (comma separated values), then import that."
            )
    if encoding is None:
        encoding = detect_encoding(data)
    elif encoding.replace("-", "").lower() == "utf8" and data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        # from None: the decoding error holds the file's bytes, which may be personal data
        name = encoding_name(encoding)
        raise OrganiserError(f"This file cannot be read as {name}; choose another.") from None
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        raise OrganiserError(_NUL)
    return text, encoding


def _sniff_separator(text: str) -> str:
    """The separator that splits the header row into the most columns (a comma on a tie)."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    best, most = ",", 1
    for separator in SEPARATORS:
        columns = len(next(csv.reader([first], delimiter=separator), []))
        if columns > most:
            best, most = separator, columns
    return best


def _header(cells: Sequence[str]) -> tuple[str, ...]:
    """Column names, trimmed; blank ones named by position, repeated ones numbered."""
    names: list[str] = []
    for number, cell in enumerate(cells, start=1):
        name = " ".join(cell.split()) or f"Column {number}"
        base, copy = name, 2
        while name in names:
            name, copy = f"{base} ({copy})", copy + 1
        names.append(name)
    while names and names[-1].startswith("Column ") and not cells[len(names) - 1].strip():
        names.pop()  # trailing separators after the last heading
    return tuple(names)


def read_csv(data: bytes, *, encoding: str | None = None) -> CsvTable:
    """Read CSV bytes: detect the encoding and separator, take the first row as the header."""
    if not data.strip():
        raise OrganiserError("This file is empty.")
    text, used = decode(data, encoding)
    separator = _sniff_separator(text)
    if csv.field_size_limit() < _CELL_LIMIT:
        csv.field_size_limit(_CELL_LIMIT)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    header: tuple[str, ...] | None = None
    rows: list[tuple[int, tuple[str, ...]]] = []
    number = 0
    try:
        for number, cells in enumerate(reader, start=1):
            if not any(cell.strip() for cell in cells):
                continue
            if header is None:
                header = _header(cells)
            else:
                rows.append((number, tuple(cells)))
    except csv.Error as exc:
        raise OrganiserError(
            f"Row {number + 1} of this file cannot be read as CSV ({exc}); "
            "check it in a spreadsheet program and save it again."
        ) from exc
    if header is None:
        raise OrganiserError("This file has no rows, not even a header row.")
    return CsvTable(header, tuple(rows), used, separator)


def read_bytes(path: Path) -> bytes:
    """A file's bytes, refusing files too big to be an export to import."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise OrganiserError(
                f"This file is {size // (1024 * 1024)} MB; a CSV export to import is much smaller. "
                "Check that it is the right file."
            )
        return path.read_bytes()
    except OSError as exc:
        raise OrganiserError(f"Cannot read {path.name}: {exc.strerror or exc}.") from exc


def read_csv_file(path: Path, *, encoding: str | None = None) -> CsvTable:
    """Read a CSV file from disk (see read_csv)."""
    return read_csv(read_bytes(path), encoding=encoding)


def safe_cell(value: object) -> str:
    """A cell's text, with a leading ' when a spreadsheet would take it for a formula."""
    if value is None:
        return ""
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def unescape_cell(text: str) -> str:
    """Undo safe_cell: a file this app wrote reads back as it was."""
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def write_csv(rows: Iterable[Sequence[object]]) -> bytes:
    """Rows (the first being the header) as formula-safe CSV: UTF-8 with a BOM, CRLF lines."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return codecs.BOM_UTF8 + out.getvalue().encode("utf-8")


def save_csv(path: Path, rows: Iterable[Sequence[object]]) -> None:
    """Write rows as formula-safe CSV, whole or not at all (0600)."""
    atomic_write(path, write_csv(rows))
