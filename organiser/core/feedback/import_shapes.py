"""Files whose columns are not one question each, made so: SurveyMonkey's two header rows, its
tick boxes, and grids.

SurveyMonkey heads its export with two rows: the question, written over the first of its columns
(the others left blank), then under each column "Response", "Open-Ended Response", a choice or a
grid row. Here the two become one header: a question answered in one column is named by the
question; its tick boxes (one column per choice, holding the choice when ticked) become one
column of the ticked choices, one per line; a grid's columns are named "Question [Row]" as Google
Forms names them. Grids (Google's "Question [Row]", SurveyMonkey's matrix) are split into their
rows, each answering a question of the form of its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from organiser.core.feedback.import_file import SURVEYMONKEY, form_of
from organiser.core.tables import Table, read_table
from organiser.core.words import plural

_RESPONSE = {"response", "open-ended response"}
_OTHER = re.compile(r"^other\b", re.IGNORECASE)
_SIZE = re.compile(r"[\d,]+ rows? and [\d,]+ columns?$")
_GRID = re.compile(r"^(?P<question>.+?)\s*\[(?P<row>[^\[\]]+)\]$")


def read_responses(data: bytes, name: str = "", *, encoding: str | None = None) -> Table:
    """A form's export read as one column per answer (see responses_table)."""
    return responses_table(read_table(data, name, encoding=encoding))


def responses_table(table: Table) -> Table:
    """The table with one header row and one column per answer; a table already so is
    returned as it is (so calling this twice is harmless)."""
    if not _two_header_rows(table):
        return table
    return _one_header(table)


def _loose(text: str) -> str:
    return " ".join(text.split()).casefold()


def _blank_heading(table: Table, index: int) -> bool:
    # organiser.core.tables names a blank heading "Column N" after its place, and drops
    # blank headings after the last named one.
    return index >= len(table.header) or table.header[index] == f"Column {index + 1}"


def _two_header_rows(table: Table) -> bool:
    if form_of(table) != SURVEYMONKEY or not table.rows:
        return False
    _number, labels = table.rows[0]
    if labels[:1] and labels[0].strip():
        return False  # a respondent's number: the second row is a response
    return any(_loose(label) in _RESPONSE for label in labels) or any(
        _blank_heading(table, i) and label.strip() for i, label in enumerate(labels)
    )


@dataclass
class _Group:
    """One question of the file and its columns: (place, label from the second row)."""

    question: str
    columns: list[tuple[int, str]]


def _groups(table: Table, labels: Sequence[str]) -> list[_Group]:
    rows = table.rows[1:]
    width = max(len(table.header), len(labels), *(len(c) for _n, c in rows))
    # A line ending with "," (as some programs save) has a blank last cell: not a column.
    while width > 1 and _blank_heading(table, width - 1) and not _cell(labels, width - 1):
        if any(_cell(c, width - 1) for _n, c in rows):
            break
        width -= 1
    groups: list[_Group] = []
    for index in range(width):
        label = " ".join(labels[index].split()) if index < len(labels) else ""
        if groups and _blank_heading(table, index):
            groups[-1].columns.append((index, label))
        else:
            heading = table.header[index] if index < len(table.header) else f"Column {index + 1}"
            groups.append(_Group(heading, [(index, label)]))
    return groups


def _cell(cells: Sequence[str], index: int) -> str:
    return cells[index].strip() if index < len(cells) else ""


def _ticks(group: _Group, rows: Sequence[tuple[int, tuple[str, ...]]]) -> bool:
    """Every cell of the group holds its column's label or nothing (an Other column aside)."""
    for index, label in group.columns:
        if _OTHER.match(label) and len(group.columns) > 1:
            continue
        wanted = _loose(label)
        if not wanted or wanted in _RESPONSE:
            return False
        if any(_loose(_cell(c, index)) not in ("", wanted) for _n, c in rows):
            return False
    return True


@dataclass(frozen=True)
class _Out:
    """A column of the new table: its name and how its cell is made from a row's cells."""

    name: str
    places: tuple[int, ...]
    how: str = "one"  # "ticks": the ticked choices, one per line; "first": a choice or Other


def _columns(group: _Group, rows: Sequence[tuple[int, tuple[str, ...]]]) -> list[_Out]:
    # A column with neither a label nor an answer says nothing: it is left out.
    columns = [
        (i, label) for i, label in group.columns if label or any(_cell(c, i) for _n, c in rows)
    ] or group.columns[:1]
    group = _Group(group.question, columns)
    places = tuple(i for i, _label in columns)
    labels = [label for _i, label in columns]
    if len(columns) == 1:
        return [_Out(group.question, places)]  # one column: named by the question
    if _loose(labels[0]) == "response" and all(_OTHER.match(x) for x in labels[1:]):
        return [_Out(group.question, places, "first")]  # the choice, or what Other said
    if _ticks(group, rows):
        return [_Out(group.question, places, "ticks")]
    # A grid's rows, or columns of answers: "Question [Row]"; never an empty "[]".
    return [
        _Out(f"{group.question} [{label}]" if label else group.question, (i,))
        for i, label in columns
    ]


def _one_header(table: Table) -> Table:
    (_number, labels), rows = table.rows[0], table.rows[1:]
    outs = [out for group in _groups(table, labels) for out in _columns(group, rows)]
    names: list[str] = []
    for out in outs:
        name, copy = out.name, 2
        while name in names:
            name, copy = f"{out.name} ({copy})", copy + 1
        names.append(name)
    made: list[tuple[int, tuple[str, ...]]] = []
    for number, cells in rows:
        row = []
        for out in outs:
            values = [v for v in (_cell(cells, i) for i in out.places) if v]
            if out.how == "ticks":
                row.append("\n".join(values))
            elif out.how == "first":
                row.append(values[0] if values else "")
            else:
                row.append(cells[out.places[0]] if out.places[0] < len(cells) else "")
        while row and not row[-1].strip():
            row.pop()
        if row:
            made.append((number, tuple(row)))
    joined = sum(out.how == "ticks" for out in outs)
    size = f"{plural(len(made), 'row')} and {plural(len(names), 'column')}"
    description = _SIZE.sub(size, table.description)
    description += f", its two heading rows read as one ({SURVEYMONKEY})"
    if joined:
        description += f" and the tick boxes of {plural(joined, 'question')} joined"
    return Table(table.name, tuple(names), tuple(made), description, table.encoding)


def grid_columns(header: Sequence[str]) -> dict[str, tuple[str, str]]:
    """The columns that are rows of a grid question: column → (the question, the row). A
    column is a grid's row when another column shares its question ("Q [A]", "Q [B]")."""
    parts = {c: found.group("question", "row") for c in header if (found := _GRID.match(c))}
    shared: dict[str, int] = {}
    for question, _row in parts.values():
        shared[question] = shared.get(question, 0) + 1
    return {c: (q, r) for c, (q, r) in parts.items() if shared[q] > 1}


def column_label(column: str, grids: dict[str, tuple[str, str]]) -> str:
    """A column as a person reads it: a grid's row says so."""
    if column in grids:
        question, row = grids[column]
        return f"“{row}”, a row of “{question}”"
    return column
