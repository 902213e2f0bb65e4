"""Read CSV files from other programs robustly; write CSV files that are safe to open in Excel.

Reading: the text encoding is found from a byte-order mark, else UTF-8, else the code page in which
the accented words read most like names (see detect_encoding); the separator (comma, semicolon or
tab) from the header row; blank rows are dropped; a quote that is never closed is refused. Writing:
cells starting with = + - @ (or tab / carriage return) get a leading ' so a spreadsheet shows them
as text instead of running them as formulas; UTF-8 with a BOM so Excel reads accents right.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from organiser.core.encodings import NUL_BYTES, detect_encoding
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
    "cp1257": "Windows Baltic (cp1257)",
    "iso8859_15": "Western (ISO 8859-15)",
    "mac_roman": "Mac Roman",
    "utf-16": "Unicode (UTF-16)",
    "cp1254": "Windows Turkish (cp1254)",
    "cp1251": "Windows Cyrillic (cp1251)",
    "cp1253": "Windows Greek (cp1253)",
}
_NOT_TEXT = (
    (b"PK\x03\x04", "a spreadsheet (.xlsx) or other zipped file"),
    (b"\xd0\xcf\x11\xe0", "an old Excel (.xls) or Word file"),
    (b"%PDF", "a PDF"),
    (b"\x89PNG", "a picture (PNG)"),
    (b"\xff\xd8\xff", "a picture (JPEG)"),
    (b"GIF8", "a picture (GIF)"),
    (b"\x1f\x8b", "a compressed (.gz) file"),
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


_FAMILIES = (  # the rarer encodings found, by their codec's start
    ("gb", "Chinese (GB)"),
    ("cp936", "Chinese (GB)"),
    ("big5", "Chinese, traditional (Big5)"),
    ("cp950", "Chinese, traditional (Big5)"),
    ("shift_jis", "Japanese (Shift JIS)"),
    ("cp932", "Japanese (Shift JIS)"),
    ("euc_jp", "Japanese (EUC)"),
    ("iso2022_jp", "Japanese (ISO-2022)"),
    ("euc_kr", "Korean (EUC-KR)"),
    ("cp949", "Korean (EUC-KR)"),
    ("johab", "Korean (Johab)"),
)


def encoding_name(codec: str) -> str:
    """A codec as a person knows it: "utf-8-sig" → "Unicode (UTF-8)", "gb18030" → "Chinese
    (GB18030)"."""
    family = {"utf-8-sig": "utf-8", "utf-16-le": "utf-16", "utf-16-be": "utf-16"}
    known = ENCODINGS.get(family.get(codec, codec))
    if known:
        return known
    named = next((name for start, name in _FAMILIES if codec.lower().startswith(start)), None)
    return f"{named[:-1]}, {codec})" if named else codec


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
        raise OrganiserError(NUL_BYTES)
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


def column_names(cells: Sequence[str]) -> tuple[str, ...]:
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
    """Read CSV bytes: detect the encoding and separator, take the first row as the header.

    Refuses a file in which a quote that is never closed (or closed lines later) joins rows into
    one cell, naming the line it opens on.
    """
    if not data.strip():
        raise OrganiserError("This file is empty.")
    text, used = decode(data, encoding)
    separator = _sniff_separator(text)
    if csv.field_size_limit() < _CELL_LIMIT:
        csv.field_size_limit(_CELL_LIMIT)
    source = io.StringIO(text, newline="")
    reader = csv.reader(source, delimiter=separator)
    header: tuple[str, ...] | None = None
    widths = (0, 0)  # cells in the header row: named, and with any blank ones at its end
    rows: list[tuple[int, tuple[str, ...]]] = []
    line, offset = 1, 0  # where the record being read starts: line of the file, character
    try:
        for number, cells in enumerate(reader, start=1):
            first, line = line, reader.line_num + 1
            start, offset = offset, source.tell()
            if not any(cell.strip() for cell in cells):
                continue
            if header is None:
                header = column_names(cells)
                widths = (len(header), len(cells))
            else:
                rows.append((number, tuple(cells)))
            if line - first > 1:  # a cell holds a line break: check its quote
                _check_quote(first, cells, _quote_ends(text, start, separator), widths, separator)
    except csv.Error as exc:
        raise OrganiserError(_unreadable(line, exc)) from None  # the error may quote the file
    if header is None:
        raise OrganiserError("This file has no rows, not even a header row.")
    return CsvTable(header, tuple(rows), used, separator)


_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_CHECK_LINES = 50  # lines of a cell to check for the shape of a row
_CHECK_QUOTE = "Open the file in a text editor, close or remove that quote, and import it again."


def _unreadable(line: int, exc: csv.Error) -> str:
    if "field limit" in str(exc):
        return (
            f"Line {line} starts a cell longer than {_CELL_LIMIT // (1024 * 1024)} MB: probably a "
            'quote (") that is never closed, joining the lines after it into one cell. '
            + _CHECK_QUOTE
        )
    return (
        f"Line {line} of this file cannot be read as CSV ({exc}); "
        "check it in a spreadsheet program and save it again."
    )


def _quote_ends(text: str, start: int, separator: str) -> str:
    """How the quoted cells of the record starting at text[start] end, by the csv module's lenient
    rules: "well", "never" (the file ends inside one), or "into text" (a closing quote followed by
    text, not a separator: often another cell's opening quote, closing a stray one).
    """
    cell_end = re.compile(f"[{re.escape(separator)}\r\n]")
    position, at_start = start, True
    while position < len(text):
        if at_start and text[position] == '"':
            close = text.find('"', position + 1)
            while close != -1 and text.startswith('"', close + 1):
                close = text.find('"', close + 2)  # "" is a quote inside the cell
            if close == -1:
                return "never"
            if text[close + 1 : close + 2] not in ("", separator, "\r", "\n"):
                return "into text"
            position, at_start = close + 1, False
            continue
        found = cell_end.search(text, position)  # the rest of the cell is plain text
        if found is None or found.group() != separator:
            return "well"  # the end of the record
        position, at_start = found.end(), True
    return "well"


def _check_quote(
    first: int, cells: Sequence[str], ends: str, widths: tuple[int, int], separator: str
) -> None:
    """Refuse a record (starting on line first) whose cell with line breaks comes from a stray
    quote: one that is never closed, or whose cell's lines are mostly shaped exactly like the
    header's row (two or more; any number if its quote closes into text, as a stray quote closed
    by the next cell's opening one does), or that has cells beyond the header's. A note written
    over a few lines, commas and all, is none of these, nor is an unclosed quote on the last line:
    nothing else is read wrongly.
    """
    breaks = [len(_LINE_BREAK.findall(cell)) for cell in cells]
    index = breaks.index(max(breaks))  # the cell the quote opens
    opened = first + sum(breaks[:index])
    lines = _LINE_BREAK.split(cells[index])
    if ends == "never":
        if any(lines[1:]):
            raise OrganiserError(
                f'Line {opened} opens a quote (") that is never closed, so the rest of the file '
                f"reads as one cell. {_CHECK_QUOTE}"
            )
        return
    if widths[0] < 2:
        return
    whole = lines[1:-1][:_CHECK_LINES]  # the last may stop short, at the next quote
    shaped = sum(
        len(next(csv.reader([line], delimiter=separator))) in widths for line in whole if line
    )
    needed = 0 if ends == "into text" else 2 if widths[0] > 2 else 3
    extra = any(cell.strip() for cell in cells[max(widths) :])
    if extra or (shaped >= needed and 2 * shaped >= len(whole)):
        closed = opened + len(lines) - 1
        raise OrganiserError(
            f'Line {opened} opens a quote (") that is not closed until line {closed}, so lines '
            f"{opened} to {closed} run together in one cell. {_CHECK_QUOTE}"
        )


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
