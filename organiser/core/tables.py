"""Read a file of rows from another program, CSV or Excel (.xlsx), as a table of text.

CSV goes through csvfiles (encoding detection, separators, NUL refusal); cells a spreadsheet would
have run as formulas read back as written. An .xlsx file is read with openpyxl in read-only mode,
values only (formulas give their last result); a file protected with a password, an old .xls, or
a damaged file is refused in words. Both booking and feedback imports read through here.
"""

from __future__ import annotations

import datetime as dt
import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from organiser.core.csvfiles import column_names, read_bytes, read_csv, unescape_cell
from organiser.core.errors import OrganiserError

MAX_ROWS = 100_000  # far more responses than any event gets
MAX_COLUMNS = 500
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Office's old container: .xls, or an encrypted .xlsx
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


@dataclass(frozen=True)
class Table:
    """A file of rows as text: column names, and non-blank rows numbered as a spreadsheet
    numbers them (the header is row 1)."""

    name: str  # the file's name
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    description: str  # "Read as Unicode (UTF-8), separated by commas: 24 rows and 9 columns"
    encoding: str | None  # None for a spreadsheet


def read_table(data: bytes, name: str = "", *, encoding: str | None = None) -> Table:
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
    return Table(name, table.header, rows, table.describe(), table.encoding)


def read_file(path: Path, *, encoding: str | None = None) -> Table:
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


def _read_xlsx(data: bytes, name: str) -> Table:
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
    return Table(name, header, tuple(rows), description, None)


def _header(cells: list[str]) -> tuple[str, ...]:
    if len(cells) > MAX_COLUMNS:
        raise OrganiserError(
            f"This sheet has {len(cells)} columns; a form's export has far fewer. "
            "Check that it is the right file."
        )
    return column_names(cells)
