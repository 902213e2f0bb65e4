"""The co-production profile: each aspect of the event against the seven rungs of the ladder,
grouped "Doing to / Doing for / Doing with". Drawn once with reportlab.graphics, so the PDF and
the Co-production page (through charts.to_svg) show the same picture.

Every aspect's rung is also written in words beside its row, so nothing depends on colour.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from reportlab.graphics.shapes import Circle, Group, Line, Rect

from organiser.core.coproduction.kinds import RUNGS
from organiser.core.coproduction.kinds import Group as LadderGroup
from organiser.reports.charts import BAR, ChartDrawing, _text, text_width, wrap
from organiser.reports.fonts import BOLD, register_main_fonts
from organiser.reports.styles import RULE, SHADE

UNDECIDED = "Not decided yet"
# The ladder's groups and the rungs (0-based, inclusive) each spans.
_BANDS = (
    (LadderGroup.DOING_TO.value, 0, 1),
    (LadderGroup.DOING_FOR.value, 2, 4),
    (LadderGroup.DOING_WITH.value, 5, 6),
)
_GAP = 10
_LABEL_SHARE = 0.34


class ProfileRow(Protocol):
    """What the chart reads of an aspect (a ledger row or a printed profile line)."""

    @property
    def aspect(self) -> str: ...

    @property
    def rung(self) -> str: ...


class ProfileLike(Protocol):
    """What the chart reads of a profile (ledger.Profile or documents.ProfileSheet)."""

    @property
    def rows(self) -> Sequence[ProfileRow]: ...

    @property
    def undecided(self) -> Sequence[str]: ...


def _group_of(step: int) -> str:
    return next(name for name, first, last in _BANDS if first <= step <= last)


def key_text() -> str:
    """The rungs by number, as the key under the chart says them."""
    return "Rungs: " + ", ".join(f"{n} {rung.value}" for n, rung in enumerate(RUNGS, start=1))


def _key_lines(room: float, size: float) -> list[str]:
    """The key broken between rungs, never between a rung's number and its name."""
    items = [f"{n} {rung.value}" for n, rung in enumerate(RUNGS, start=1)]
    lines = ["Rungs: " + items[0]]
    for item in items[1:]:
        if text_width(f"{lines[-1]}, {item}", size) <= room:
            lines[-1] = f"{lines[-1]}, {item}"
        else:
            lines[-1] += ","
            lines.append(item)
    return lines


def profile_summary(profile: ProfileLike) -> str:
    """Every aspect and its rung in words (the SVG's description, for screen readers)."""
    parts = []
    for row in profile.rows:
        if row.rung:
            step = [r.value for r in RUNGS].index(row.rung)
            parts.append(f"{row.aspect}: {row.rung} ({_group_of(step).lower()})")
        else:
            parts.append(f"{row.aspect}: {UNDECIDED.lower()}")
    return "; ".join(parts)


def profile_drawing(profile: ProfileLike, *, width: float, font_size: float = 12) -> ChartDrawing:
    """The eight aspects against the seven rungs: a bar up to the rung each reached, the rung
    in words at the right, the rungs grouped doing to / for / with, undecided ones said so."""
    register_main_fonts()
    f = font_size
    leading = f * 1.3
    names = [r.value for r in RUNGS]
    rows = list(profile.rows)
    label_room = min(
        max((text_width(r.aspect, f) for r in rows), default=0) + 2, width * _LABEL_SHARE
    )
    name_room = max(text_width(r.rung or UNDECIDED, f) for r in rows) if rows else 0
    track_left = label_room + _GAP
    track_room = max(width - track_left - _GAP - name_room, 7 * f)
    step = track_room / len(names)

    def centre(number: int) -> float:
        return track_left + step * (number + 0.5)

    band_lines = [
        wrap(name, step * (last - first + 1) - 4, f, BOLD) for name, first, last in _BANDS
    ]
    header = max(len(lines) for lines in band_lines) * leading + 8
    labels = [wrap(r.aspect, label_room, f, most=2) for r in rows]
    pitches = [max(len(lines) * leading, f * 1.6) + 10 for lines in labels]
    body = sum(pitches)
    key_lines = _key_lines(width, f)
    said = f"{UNDECIDED}: {', '.join(profile.undecided)}." if profile.undecided else ""
    said_lines = wrap(said, width, f) if said else []
    footer = leading + 6 + (len(key_lines) + len(said_lines)) * leading + 4
    height = header + body + footer
    drawing = ChartDrawing(
        width, height, title="Co-production profile", summary=profile_summary(profile)
    )
    # Group headings, each over its rungs with a bracket beneath.
    top = height
    for (_name, first, last), lines in zip(_BANDS, band_lines, strict=True):
        left, right = track_left + step * first + 2, track_left + step * (last + 1) - 2
        middle = (left + right) / 2
        for number, line in enumerate(lines):
            y = top - f - number * leading
            drawing.add(_text(line, middle - text_width(line, f, BOLD) / 2, y, f, BOLD))
        bracket = top - header + 4
        drawing.add(Line(left, bracket, right, bracket, strokeColor=RULE, strokeWidth=1.5))
        for x in (left, right):
            drawing.add(Line(x, bracket, x, bracket - 4, strokeColor=RULE, strokeWidth=1.5))
    # One row per aspect: shaded every other row so the eye can follow it across.
    y = height - header
    rows_top = y
    for number, (row, lines, pitch) in enumerate(zip(rows, labels, pitches, strict=True)):
        if number % 2 == 0:
            drawing.add(Rect(0, y - pitch, width, pitch, fillColor=SHADE, strokeColor=None))
        drawing.add(_row(row, lines, y - pitch / 2, f, leading, names, centre))
        drawing.add(_text(row.rung or UNDECIDED, width - name_room, y - pitch / 2 - f * 0.35, f))
        y -= pitch
    # Where one group of rungs ends and the next begins.
    for _name, _first, last in _BANDS[:-1]:
        x = track_left + step * (last + 1)
        drawing.add(
            Line(x, y, x, rows_top, strokeColor=RULE, strokeWidth=1, strokeDashArray=[3, 3])
        )
    # The rungs' numbers under the rows, then the key and what is not decided, in words.
    y -= leading
    for number in range(len(names)):
        label = str(number + 1)
        drawing.add(_text(label, centre(number) - text_width(label, f) / 2, y, f))
    y -= 6
    for line in [*key_lines, *said_lines]:
        y -= leading
        drawing.add(_text(line, 0, y, f))
    return drawing


def _row(
    row: ProfileRow,
    lines: list[str],
    middle: float,
    f: float,
    leading: float,
    names: list[str],
    at: Callable[[int], float],
) -> Group:
    """An aspect's name, the seven rung marks, and a bar to the rung it reached (`at` gives
    the x of a rung's mark from its number)."""
    group = Group()
    first = middle + (len(lines) - 1) * leading / 2 - f * 0.35
    for number, line in enumerate(lines):
        group.add(_text(line, 0, first - number * leading, f))
    reached = names.index(row.rung) if row.rung in names else -1
    for number in range(reached + 1, len(names)):
        group.add(
            Circle(at(number), middle, f * 0.22, fillColor=None, strokeColor=RULE, strokeWidth=1)
        )
    if reached >= 0:
        start, end = at(0), at(reached)
        if end > start:
            group.add(
                Rect(
                    start, middle - f * 0.18, end - start, f * 0.36, fillColor=BAR, strokeColor=None
                )
            )
        group.add(Circle(end, middle, f * 0.45, fillColor=BAR, strokeColor=None))
    return group
