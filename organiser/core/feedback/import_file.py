"""Read an online form's export, CSV or Excel (.xlsx), as a table of text; read its timestamps.

CSV goes through csvfiles (encoding detection, separators, NUL refusal). An .xlsx file is read
with openpyxl in read-only mode, values only (formulas give their last result); a file protected
with a password, an old .xls, or a damaged file is refused in words.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

from organiser.core.csvfiles import read_bytes, read_csv, unescape_cell
from organiser.core.errors import OrganiserError, ValidationError

MAX_ROWS = 100_000  # far more responses than any event gets
MAX_COLUMNS = 500
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Office's old container: .xls, or an encrypted .xlsx
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


@dataclass(frozen=True)
class ResponseTable:
    """A file of responses as text: column names, and non-blank rows numbered as a spreadsheet
    numbers them (the header is row 1)."""

    name: str  # the file's name
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    description: str  # "Read as Unicode (UTF-8), separated by commas: 24 rows and 9 columns"
    encoding: str | None  # None for a spreadsheet

    @property
    def form(self) -> str:
        """Which online form wrote the file, from its first columns."""
        first = [h.casefold() for h in self.header[:5]]
        if first[:1] == ["timestamp"]:
            return "Google Forms"
        if {"id", "start time", "completion time"} <= set(first):
            return "Microsoft Forms"
        return "Online form"


def read_table(data: bytes, name: str = "", *, encoding: str | None = None) -> ResponseTable:
    """Read a CSV or .xlsx file's bytes (told apart by their content, not the name)."""
    if data.startswith(_OLE):
        if _ENCRYPTED in data:
            raise OrganiserError(
                "This spreadsheet is protected with a password, so it cannot be read. Open it in "
                "Excel, remove the password (File ▸ Info ▸ Protect Workbook) or save it as CSV, "
                "then import that."
            )
        raise OrganiserError(
            "This is an old Excel (.xls) file. Open it in Excel and save it as an Excel "
            "Workbook (.xlsx) or as CSV, then import that."
        )
    if data.startswith(_ZIP):
        return _read_xlsx(data, name)
    table = read_csv(data, encoding=encoding)
    rows = tuple((n, tuple(unescape_cell(c) for c in cells)) for n, cells in table.rows)
    return ResponseTable(name, table.header, rows, table.describe(), table.encoding)


def read_file(path: Path, *, encoding: str | None = None) -> ResponseTable:
    """Read a CSV or .xlsx file from disk (see read_table)."""
    return read_table(read_bytes(path), path.name, encoding=encoding)


def _text(value: object) -> str:
    """A spreadsheet cell as the text a person sees (whole numbers without ".0")."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    return str(value)


def _damaged(name: str) -> OrganiserError:
    what = f"{name} " if name else "This file "
    return OrganiserError(
        f"{what}cannot be read as an Excel workbook (.xlsx): it may be damaged or saved in "
        "another format. Open it in its program and save it again as .xlsx or CSV."
    )


def _read_xlsx(data: bytes, name: str) -> ResponseTable:
    from openpyxl import load_workbook  # loaded on the first import, not at start-up

    try:
        with warnings.catch_warnings():
            # Files from other programs often lack a default style; openpyxl warns and copes.
            warnings.simplefilter("ignore")
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds on a broken file; their text may hold cells
        raise _damaged(name) from None
    try:
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            raise OrganiserError("This workbook has no sheet to import.")
        header: tuple[str, ...] | None = None
        rows: list[tuple[int, tuple[str, ...]]] = []
        try:
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                cells = [_text(v).strip() if isinstance(v, str) else _text(v) for v in values]
                while cells and not cells[-1].strip():
                    cells.pop()
                if not cells:
                    continue
                if header is None:
                    header = _header(cells)
                    continue
                if len(rows) >= MAX_ROWS:
                    raise OrganiserError(
                        f"This sheet has more than {MAX_ROWS:,} rows; an export of one form's "
                        "responses is much smaller. Check that it is the right file."
                    )
                rows.append((number, tuple(cells)))
        except OrganiserError:
            raise
        except Exception:
            raise _damaged(name) from None
    finally:
        book.close()
    if header is None:
        raise OrganiserError("This sheet is empty: it has no rows, not even a header row.")
    count = len(rows)
    description = (
        f"Read the sheet “{sheet.title}”: {count} row{'s' if count != 1 else ''} and "
        f"{len(header)} column{'s' if len(header) != 1 else ''}"
    )
    return ResponseTable(name, header, tuple(rows), description, None)


def _header(cells: list[str]) -> tuple[str, ...]:
    if len(cells) > MAX_COLUMNS:
        raise OrganiserError(
            f"This sheet has {len(cells)} columns; a form's export has far fewer. "
            "Check that it is the right file."
        )
    names: list[str] = []
    for number, cell in enumerate(cells, start=1):
        name = " ".join(cell.split()) or f"Column {number}"
        base, copy = name, 2
        while name in names:
            name, copy = f"{base} ({copy})", copy + 1
        names.append(name)
    return tuple(names)


# "2027/03/01 10:15:32 AM GMT" (Google Forms), "2027-03-01 10:15:32" (Microsoft Forms in Excel,
# this app's export), "01/03/2027 10:15" (a spreadsheet in the UK), "2027-03-01T10:15:32Z".
_STAMP = re.compile(
    r"(?P<date>\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})"
    r"(?:[ T,]+(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2})(?:\.\d+)?)?\s*(?P<ampm>[ap]\.?m\.?)?)?"
    r"\s*(?P<zone>z|(?:gmt|utc)?\s*(?:[+-]\d{1,2}(?::?\d{2})?)?)?",
    re.IGNORECASE,
)


def _date(text: str) -> dt.date:
    parts = re.split(r"[-/.]", text)
    if len(parts[0]) == 4:
        year, month, day = (int(p) for p in parts)
    else:  # day first, as in the UK
        day, month, year = (int(p) for p in parts)
        if year < 100:
            year += 2000
    return dt.date(year, month, day)


def _zone(text: str) -> dt.tzinfo | None:
    cleaned = text.strip().casefold().replace(" ", "")
    if not cleaned:
        return None
    if cleaned in ("z", "gmt", "utc"):
        return dt.UTC
    found = re.search(r"([+-])(\d{1,2}):?(\d{2})?$", cleaned)
    if not found:
        return None
    sign = -1 if found.group(1) == "-" else 1
    offset = dt.timedelta(hours=int(found.group(2)), minutes=int(found.group(3) or 0))
    return dt.timezone(sign * offset)


def parse_received(text: str) -> dt.datetime | None:
    """When a response was sent, in UTC without a zone (how times are stored); a time written
    without a zone is taken as this computer's local time. Blank gives None."""
    cleaned = " ".join(text.split())
    if not cleaned:
        return None
    found = _STAMP.fullmatch(cleaned)
    try:
        if not found:
            raise ValueError
        day = _date(found["date"])
        hour, minute, second = int(found["h"] or 0), int(found["m"] or 0), int(found["s"] or 0)
        ampm = (found["ampm"] or "").replace(".", "").casefold()
        if ampm:
            if not 1 <= hour <= 12:
                raise ValueError
            hour = hour % 12 + (12 if ampm == "pm" else 0)
        moment = dt.datetime.combine(day, dt.time(hour, minute, second))
    except ValueError:
        shown = f"“{cleaned}” " if len(cleaned) <= 40 else ""
        raise ValidationError(
            f"the time {shown}is not a date and time; it should look like 2027-03-01 10:15"
        ) from None
    zone = _zone(found["zone"] or "")
    aware = moment.replace(tzinfo=zone) if zone else moment.astimezone()
    return aware.astimezone(dt.UTC).replace(tzinfo=None)
