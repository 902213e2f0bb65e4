"""Bar charts: every bar says its count and percentage in words, empty questions say so, and the
SVG the Feedback tab shows renders in QtSvg as it prints (not as a black box)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QByteArray, QSize
from PySide6.QtGui import QColor, QFontDatabase, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from reportlab.graphics.shapes import Group, Rect, String
from reportlab.pdfbase.pdfmetrics import stringWidth

from organiser.core.db import Store
from organiser.core.feedback.figures import figures
from organiser.core.feedback.printing import chart_of
from organiser.core.flyer.contrast import ratio
from organiser.reports.charts import (
    BAR,
    NO_ANSWERS,
    SCREEN_FONTS,
    bar_chart,
    distribution_chart,
    to_svg,
)
from organiser.reports.fonts import BOLD, FALLBACK, REGULAR

FFT = (
    ("Very good", 12),
    ("Good", 5),
    ("Neither good nor poor", 1),
    ("Poor", 1),
    ("Very poor", 0),
    ("Don't know", 1),
)


def lines(drawing: Any) -> list[str]:
    """Each line of text in the drawing (a line may be several runs, one per font)."""
    found = []
    for item in drawing.contents:
        if isinstance(item, Group):
            found.append("".join(s.text for s in item.contents if isinstance(s, String)))
    return found


def strings(drawing: Any) -> list[String]:
    return [s for g in drawing.contents if isinstance(g, Group) for s in g.contents]


def bars(drawing: Any) -> list[Rect]:
    return [item for item in drawing.contents if isinstance(item, Rect)]


def test_every_bar_has_its_name_count_and_percentage() -> None:
    drawing = bar_chart("Overall, how was your experience of our service?", FFT, width=460)
    text = lines(drawing)
    assert text[:2] == ["Overall, how was your experience of our service?", "20 people answered"]
    for name, figure in [
        ("Very good", "12 (60%)"),
        ("Good", "5 (25%)"),
        ("Neither good nor poor", "1 (5%)"),
        ("Very poor", "0 (0%)"),
        ("Don't know", "1 (5%)"),
    ]:
        assert name in text
        assert figure in text
    # A zero draws no bar but still says 0 in words; the longest bar is the biggest count.
    assert len(bars(drawing)) == 5
    widths = [r.width for r in bars(drawing)]
    assert widths[0] > widths[1] > widths[2] == widths[3] == widths[4]


def test_text_stays_inside_the_drawing_and_prints_in_atkinson() -> None:
    long_name = "The Perinatal Mental Health Team of the Harbourside and District NHS Trust"
    drawing = bar_chart("Services", [(long_name, 3), ("Łucja’s walking group", 1)], width=420)
    for s in strings(drawing):
        assert s.x + stringWidth(s.text, s.fontName, s.fontSize) <= drawing.width + 0.5
    assert {s.fontName for s in strings(drawing)} <= {REGULAR, BOLD}
    assert "Łucja’s walking group" in lines(drawing)
    # The long name wraps onto more than one line rather than running into its bar.
    assert sum(1 for line in lines(drawing) if line and line in long_name) >= 2


def test_characters_atkinson_lacks_print_in_noto_sans() -> None:
    drawing = bar_chart("Who came", [("Nguyễn family", 2)], width=300)
    assert "Nguyễn family" in lines(drawing)
    assert any(s.fontName == FALLBACK and "ễ" in s.text for s in strings(drawing))


def test_percentages_of_a_multiple_choice_question_use_the_people_who_answered() -> None:
    drawing = bar_chart("Which services?", [("A", 2), ("B", 1)], width=300, answered=2)
    assert {"2 (100%)", "1 (50%)", "2 people answered"} <= set(lines(drawing))


@pytest.mark.parametrize("counts", [[("Yes", 0), ("Maybe", 0), ("No", 0)], []])
def test_a_question_nobody_answered_says_so(counts: list[tuple[str, int]]) -> None:
    drawing = bar_chart("Would you come again?", counts, width=300)
    assert NO_ANSWERS in lines(drawing)
    assert not bars(drawing)
    assert drawing.height > 0


def test_bars_are_dark_enough_against_white() -> None:
    assert ratio(BAR.hexval()[2:], "FFFFFF") >= 3


def _render(svg: bytes) -> QImage:
    renderer = QSvgRenderer(QByteArray(svg))
    assert renderer.isValid()
    image = QImage(renderer.defaultSize(), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def _dark(image: QImage, left: int, right: int) -> int:
    return sum(
        1
        for x in range(left, right)
        for y in range(image.height())
        if QColor(image.pixel(x, y)).lightness() < 128
    )


def test_the_svg_renders_in_qtsvg_with_its_text(qtbot: Any) -> None:
    for path in SCREEN_FONTS:
        assert QFontDatabase.addApplicationFont(path) >= 0
    drawing = bar_chart("Overall, how was your experience of our service?", FFT, width=460)
    svg = to_svg(drawing)
    assert b"clipPath" not in svg and b"clip=" not in svg
    assert b"<title>Overall, how was your experience of our service?</title>" in svg
    assert b"Very good: 12 (60%)" in svg  # the description says every bar in words
    image = _render(svg)
    assert image.size() == QSize(460, round(drawing.height))
    # Not a black box: most of the picture is white paper ...
    total = image.width() * image.height()
    assert _dark(image, 0, image.width()) < total * 0.4
    # ... with text in the label column and bars in the colour they print in.
    assert _dark(image, 0, 60) > 200
    # (renderSVG writes colours as whole percentages: a shade off, so compare closely.)
    bar = [round(channel * 255) for channel in BAR.rgb()]

    def is_bar(x: int, y: int) -> bool:
        pixel = QColor(image.pixel(x, y))
        found = (pixel.red(), pixel.green(), pixel.blue())
        return all(abs(a - b) <= 3 for a, b in zip(found, bar, strict=True))

    bar_pixels = sum(1 for x in range(image.width()) for y in range(image.height()) if is_bar(x, y))
    assert bar_pixels > 2000


def test_an_empty_chart_renders_too(qtbot: Any) -> None:
    image = _render(to_svg(bar_chart("Would you come again?", [], width=300)))
    assert image.width() == 300
    assert _dark(image, 0, image.width()) > 100


def test_a_question_charts_the_same_on_screen_and_on_paper(store: Store, demo_event: int) -> None:
    found = figures(store, demo_event)
    services = next(d for d in found.distributions if d.kind == "Multiple choice")
    chart = chart_of(services)
    drawing = distribution_chart(chart, width=460)
    text = lines(drawing)
    assert "18 people answered, and could tick more than one" in text
    assert {"Stretch Together", "7 (39%)", "Seabrook Medical Practice", "0 (0%)"} <= set(text)
    svg = to_svg(drawing).decode()
    assert "18 people answered, and could tick more than one" in svg
    assert "7 (39%)" in svg
