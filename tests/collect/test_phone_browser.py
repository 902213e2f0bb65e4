"""The phone form in a real browser at a phone's size: headless Chromium (Debian's chromium
and chromium-driver, installed by .ci/run) opens the form in Polish, ticks an answer by its
words, types one, sends it, and the response is read back from the database; an empty send
shows the error summary; every choice is a large touch target; the page has no script at all."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from organiser.collect.server import Running
from organiser.core.db import Store
from organiser.core.feedback import responses
from organiser.core.feedback.form import list_questions
from organiser.core.feedback.kinds import Standard

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None or DRIVER is None,
    reason="no headless Chromium: apt-get install chromium chromium-driver (.ci/run does)",
)
PHONE = (390, 844)  # a common phone's screen, in CSS pixels


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium at a phone's size for the module (it takes seconds to start)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",  # CI runs as root in a container
        "--disable-dev-shm-usage",
        "--disable-gpu",
        f"--window-size={PHONE[0]},{PHONE[1]}",
    ):
        options.add_argument(argument)
    options.add_experimental_option(
        "mobileEmulation",
        {"deviceMetrics": {"width": PHONE[0], "height": PHONE[1], "pixelRatio": 3}},
    )
    driver = webdriver.Chrome(service=Service(str(DRIVER)), options=options)
    driver.set_page_load_timeout(20)
    yield driver
    driver.quit()


def send(browser: Any) -> None:
    """Tap Send and wait for the next page to replace this one."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.wait import WebDriverWait

    button = browser.find_element(By.CSS_SELECTOR, "button[type=submit]")
    button.click()
    WebDriverWait(browser, 10).until(expected_conditions.staleness_of(button))


def test_a_phone_answers_in_polish_and_the_answer_lands_in_english(
    browser: Any, collecting: Running, store: Store, event_id: int, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By

    questions = {q.standard: q.id for q in list_questions(store, event_id)}
    fft, enjoyed = questions[Standard.FFT.value], questions[Standard.ENJOYED.value]
    browser.get(f"{collecting.url}?language=Polish")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "pl"
    assert browser.find_elements(By.TAG_NAME, "script") == [], "it needs no JavaScript"
    width = browser.execute_script("return document.documentElement.scrollWidth")
    assert width <= PHONE[0], "nothing wider than the phone: no sideways scrolling"
    box = browser.find_element(By.ID, f"q{fft}-0")
    assert box.rect["height"] >= 44 and box.rect["width"] >= 44, "a thumb-sized target"
    browser.find_element(By.XPATH, "//label[text()='Bardzo dobrze']").click()
    browser.find_element(By.ID, f"q{enjoyed}").send_keys("Spokojna godzina dla mnie")
    browser.save_screenshot(str(tmp_path / "phone.png"))
    send(browser)
    assert "Dziękujemy" in browser.find_element(By.TAG_NAME, "h1").text
    stored = max(responses.list_responses(store, event_id), key=lambda r: r.id)
    assert stored.answers[fft] == "Very good"
    assert stored.answers[enjoyed] == "Spokojna godzina dla mnie"
    assert stored.source == "Phone (Polish)"


def test_an_empty_send_shows_the_error_summary_first(
    browser: Any, collecting: Running, store: Store, event_id: int
) -> None:
    from selenium.webdriver.common.by import By

    before = len(responses.list_responses(store, event_id))
    browser.get(collecting.url)
    send(browser)
    summary = browser.find_element(By.CSS_SELECTOR, "[role=alert]")
    assert "There is a problem" in summary.text and "nothing to save" in summary.text
    assert len(responses.list_responses(store, event_id)) == before
