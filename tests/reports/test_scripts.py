"""Every script of the community prints: Arabic and Urdu joined and right to left, Bengali and the
other Indic scripts shaped, each in its Noto font; the PDF reads back (for a screen reader, a copy,
a search) as typed; and a character no font has is named before anything is printed."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from organiser.core.flyer.checklist import FAIL, PASS, check
from organiser.reports.actual_text import typed_text as typed
from organiser.reports.flyer import render_flyer
from organiser.reports.fonts import describe, font_runs, markup, noting_unprintable, unprintable
from organiser.reports.pages import build_pdf, para
from organiser.reports.styles import BODY
from organiser.reports.text import Paragraph, visual_words
from tests.reports.test_flyer_pdf import runs, sheet

ARABIC = "بيلاتس للأمهات الجدد"  # Pilates for new mothers
ARABIC_MORE = "تعالي مع طفلك يوم السبت الساعة 10 صباحا. حضانة مجانية للأطفال."
URDU = "نئی ماؤں کے لیے پیلاٹیز"
BENGALI = "নতুন মায়েদের জন্য পিলাটিস"
SAMPLES = {
    "NotoSansArabic": ARABIC,
    "NotoSansBengali": BENGALI,
    "NotoSansGujarati": "નવી માતાઓ માટે પિલેટ્સ",
    "NotoSansGurmukhi": "ਨਵੀਆਂ ਮਾਵਾਂ ਲਈ ਪਿਲੇਟਸ",
    "NotoSansDevanagari": "नई माताओं के लिए पिलेट्स",
    "NotoSansTamil": "புதிய தாய்மார்களுக்கான பிலேட்ஸ்",
}


def marked(pdf: bytes) -> list[str]:
    """The text the PDF gives a reader for what it marks (a right-to-left line, a shaped word
    elsewhere: its ActualText), in order."""
    reader = PdfReader(io.BytesIO(pdf))
    found = []
    for page in reader.pages:
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"BDC" and "/ActualText" in operands[1]:
                found.append(str(operands[1]["/ActualText"]))
    return found


def read_back(pdf: bytes) -> list[str]:
    """The words of what the PDF marks, in order."""
    return [word for text in marked(pdf) for word in text.split()]


def reads_as(pdf: bytes, text: str) -> bool:
    """Whether every typed word reads back from the PDF, in the order typed: a shaped word
    from its ActualText, a word whose glyphs are its letters from the text itself."""
    words, marked = text.split(), read_back(pdf)
    plain = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split()
    in_order = [word for word in words if word in marked] == marked
    return in_order and all(word in marked or word in plain for word in words)


def fonts_in(pdf: bytes) -> set[str]:
    reader = PdfReader(io.BytesIO(pdf))
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).split("+", 1)[-1])
    return names


@pytest.mark.parametrize("font", sorted(SAMPLES))
def test_each_script_has_its_font_and_nothing_is_left_as_a_box(font: str) -> None:
    text = SAMPLES[font]
    assert unprintable(text) == []
    assert {name for name, run in font_runs(text) if run.strip()} == {font}
    pdf = build_pdf([para(text, BODY)], pagesize=A4, title="t", subject="s")
    assert f"{font}-Regular" in fonts_in(pdf)
    assert reads_as(pdf, text), (read_back(pdf), text)


@pytest.mark.parametrize("title", [ARABIC, URDU, BENGALI], ids=["arabic", "urdu", "bengali"])
def test_a_flyer_in_another_script_prints_and_reads_back_as_typed(title: str) -> None:
    rendered = render_flyer(sheet(title=title, strapline=ARABIC_MORE if title != BENGALI else ""))
    words = read_back(rendered.pdf)
    assert words[: len(title.split())] == title.split(), "the title first, in typed order"
    if title != BENGALI:
        assert ARABIC_MORE.split() == words[len(title.split()) :][:11]
    expected = "NotoSansBengali-Regular" if title == BENGALI else "NotoSansArabic-Regular"
    assert expected in fonts_in(rendered.pdf)
    assert rendered.unprintable == ()
    assert check(sheet(title=title), (), rendered.unprintable)[-1].state == PASS


def test_right_to_left_text_is_aligned_right_and_left_to_right_stays_left() -> None:
    found = runs(PdfReader(io.BytesIO(render_flyer(sheet(title=ARABIC)).pdf)))
    arabic = [x for _text, font, _size, x in found if "Arabic" in font]
    found = runs(PdfReader(io.BytesIO(render_flyer(sheet()).pdf)))
    english = [x for text, _font, _size, x in found if text.startswith("Coffee and a chat")]
    assert arabic and english
    # The Arabic title (about 300 pt wide at 34 pt) ends at the right margin, on a page 595 pt
    # wide; the English one starts at the left margin.
    assert english[0] < 60 and min(arabic) > 200, (arabic, english)


def test_english_with_an_arabic_phrase_keeps_both_in_reading_order() -> None:
    text = f"Pilates – {ARABIC} – on Saturday"
    assert [name for name, _run in font_runs(text)] == [
        "AtkinsonHyperlegible",
        "NotoSansArabic",
        "AtkinsonHyperlegible",
    ]
    pdf = build_pdf([para(text, BODY)], pagesize=A4, title="t", subject="s")
    assert sorted(read_back(pdf)) == sorted(ARABIC.split())
    assert {"AtkinsonHyperlegible-Regular", "NotoSansArabic-Regular"} <= fonts_in(pdf)


def drawn(text: str) -> list[str]:
    """The first line's pieces of text as ReportLab draws them, left to right (each shaped
    piece by the text it was typed as)."""
    paragraph = Paragraph(markup(text), BODY)
    paragraph.wrap(400, 1000)
    paragraph.drawOn(Canvas(io.BytesIO()), 0, 0)
    words = paragraph.blPara.lines[0].words
    return [" ".join(typed(f.text).split()) for f in words if str(f.text).strip()]


def test_words_against_the_paragraph_are_arranged_to_read_in_their_own_direction() -> None:
    arabic = f'<font name="NotoSansArabic">{ARABIC}</font>'
    english = '<font name="AtkinsonHyperlegible">Pilates –</font> '
    # In English, each Arabic word becomes a piece of its own (drawing puts the run in reading
    # order, line by line); in Arabic, an English name becomes one Noto Sans run (ReportLab
    # reverses a right-to-left line's pieces, and would pull "Nguyễn" apart at its "ễ").
    first, second, third = ARABIC.split()
    assert visual_words(english + arabic, rtl=False) == (
        '<font name="AtkinsonHyperlegible">Pilates</font> '
        '<font name="AtkinsonHyperlegible">–</font> '
        f'<font name="NotoSansArabic">{first}</font> <font name="NotoSansArabic">{second}</font> '
        f'<font name="NotoSansArabic">{third}</font>'
    )
    mixed = f'{arabic} <font name="AtkinsonHyperlegible">Nguy</font><font name="NotoSans">ễ</font>'
    assert visual_words(mixed + '<font name="AtkinsonHyperlegible">n Marsh</font>', rtl=True) == (
        f'<font name="NotoSansArabic">{first}</font> <font name="NotoSansArabic">{second}</font> '
        f'<font name="NotoSansArabic">{third}</font> <font name="NotoSans">Nguyễn Marsh</font>'
    )
    coloured = f'<font color="#0B4F6C">{ARABIC}</font>'
    assert visual_words(coloured, rtl=True) == " ".join(
        f'<font color="#0B4F6C">{word}</font>' for word in ARABIC.split()
    ), "a label's colour goes with each word"
    assert visual_words('<img src="x"/> ' + arabic, rtl=False).startswith("<img"), "as it was"


def test_mixed_lines_are_drawn_in_reading_order() -> None:
    # Right to left: Arabic words from the right; the name and the time each left to right.
    assert drawn("نلتقي مع Nguyễn Marsh الساعة 10:30") == [
        "10:30",
        "الساعة",
        "Nguyễn Marsh",
        "مع",
        "نلتقي",
    ]
    first, second, third = ARABIC.split()
    assert drawn(f"Pilates – {ARABIC} on Saturday") == [
        "Pilates –",
        third,
        second,
        first,
        "on Saturday",
    ]
    text = "نلتقي مع Nguyễn Marsh الساعة 10:30"
    pdf = build_pdf([para(text, BODY)], pagesize=A4, title="t", subject="s")
    assert marked(pdf) == [text], "the right-to-left line reads back in reading order"


def test_a_character_no_font_has_is_named() -> None:
    assert unprintable("Come along 🌼 with Zoë, Łucja and 中文") == ["🌼", "中", "文"]
    assert describe(["🌼"]) == "the emoji 🌼"
    assert (
        describe(["🌼", "中", "文"]) == "the emoji 🌼 and the Chinese or Japanese characters 中文"
    )
    with noting_unprintable() as found:
        build_pdf([para("Coffee 👶 morning", BODY)], pagesize=A4, title="t", subject="s")
    assert found == ["👶"]
    with noting_unprintable() as found:
        build_pdf([para(ARABIC, BODY)], pagesize=A4, title="t", subject="s")
    assert found == []


def test_the_flyer_checklist_names_the_field_with_a_character_that_cannot_print() -> None:
    flyer = sheet(strapline="Meet other parents 🌼")
    rendered = render_flyer(flyer)
    assert rendered.unprintable == (("strapline", "the emoji 🌼"),)
    item = check(flyer, (), rendered.unprintable)[-1]
    assert item.state == FAIL
    assert item.text == (
        "Cannot be printed (each shows as an empty box): the emoji 🌼 in the strapline. "
        "Use words instead."
    )


def test_a_flyer_with_another_script_stays_a_reasonable_size() -> None:
    english = len(render_flyer(sheet()).pdf)
    arabic = len(render_flyer(sheet(strapline=ARABIC_MORE)).pdf)
    # Fonts are subset: a second script adds its glyphs, not its whole font file (430 KB).
    assert arabic - english < 60_000, (english, arabic)


def test_a_chart_label_in_arabic_prints_shaped_and_shows_as_typed_on_screen() -> None:
    from reportlab.graphics import renderPDF

    from organiser.reports.charts import bar_chart, to_svg

    label = "جيد جدا"  # very good
    chart = bar_chart(f"{ARABIC} ?", [(label, 5), ("Good", 3)], width=400, answered=8)
    pdf = renderPDF.drawToString(chart)
    assert "NotoSansArabic-Regular" in fonts_in(pdf)
    assert marked(pdf) == [ARABIC, label], "shaped labels read back as typed"
    svg = to_svg(chart).decode()
    assert label in svg and ARABIC in svg, "the screen gets the letters and shapes them itself"
    assert marked(renderPDF.drawToString(chart)) == marked(pdf), "the SVG changed nothing"


def test_punctuation_beside_arabic_stays_on_its_side_and_hindi_in_arabic_is_shaped() -> None:
    assert drawn("I said مرحبا.") == ["I said", "مرحبا", "."]
    assert [name for name, _run in font_runs("مرحبا نमस्ते")] == [
        "NotoSansArabic",
        "NotoSansDevanagari",
    ]
    words = visual_words(markup("مرحبا नमस्ते دنيا"), rtl=True)
    assert 'name="NotoSansDevanagari"' in words, "kept in its own, shaped, font"


def test_a_shaped_word_too_wide_for_its_column_is_not_cut_into_boxes() -> None:
    paragraph = Paragraph(markup("بيلاتسللأمهاتالجدد"), BODY)
    paragraph.wrap(60, 500)
    assert len(paragraph.blPara.lines) == 1, "left whole (it overflows) rather than cut"


def test_harfbuzz_loads_once_when_several_threads_first_need_it() -> None:
    check = (
        "import sys, threading\n"
        "import organiser.reports\n"
        "stand_in, errors = sys.modules['uharfbuzz'], []\n"
        "def use():\n"
        "    try: stand_in.Buffer\n"
        "    except Exception as exc: errors.append(repr(exc))\n"
        "threads = [threading.Thread(target=use) for _ in range(8)]\n"
        "[t.start() for t in threads]; [t.join() for t in threads]\n"
        "assert errors == [], errors\n"
        "assert sys.modules['uharfbuzz'] is not stand_in and stand_in.Buffer\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]


def test_a_wrapped_arabic_phrase_keeps_its_order_from_line_to_line() -> None:
    # Without its last full stop: in an English paragraph that one stands right of the run.
    text = ARABIC_MORE.rstrip(".")
    words = text.split()
    paragraph = Paragraph(markup("Welcome: " + text), BODY)
    paragraph.wrap(200, 1000)
    paragraph.drawOn(Canvas(io.BytesIO()), 0, 0)
    lines = [
        [typed(f.text).strip() for f in line.words if str(f.text).strip()]
        for line in paragraph.blPara.lines
    ]
    assert len(lines) > 1
    read = [word for line in lines for word in reversed(line) if word != "Welcome:"]
    assert "".join(read) == "".join(words), "each line read right to left, then the next"


def test_a_left_to_right_line_marks_an_arabic_run_in_reading_order() -> None:
    pdf = build_pdf(
        [para(f"Pilates – {ARABIC} on Saturday", BODY)], pagesize=A4, title="t", subject="s"
    )
    assert marked(pdf) == [ARABIC]


def test_a_number_reads_with_the_words_before_it() -> None:
    assert drawn("تعالوا إلى Room 5 يوم السبت") == ["السبت", "يوم", "Room 5", "إلى", "تعالوا"]
    assert drawn("Pilates بيلاتس 10") == ["Pilates", "10", "بيلاتس"]
