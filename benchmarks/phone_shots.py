"""Feedback on phones for `make screenshots`: the Collect on phones window, the A5 card, and
the form as a phone shows it (headless Chromium at a phone's size: in Polish, an empty Send's
error summary, the thank-you page). Without Chromium and its driver the phone's pictures are
left out, and said so."""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from benchmarks.flyer import pdf_png
from organiser.collect.app import PhoneFormApp
from organiser.collect.server import local_address, start
from organiser.core.db import Store
from organiser.core.feedback import phones
from organiser.documents import DOCUMENTS
from organiser.ui.main_window import MainWindow

PHONE = (390, 844)  # a common phone's screen, in CSS pixels


def dialog_png(app: QApplication, window: MainWindow, out: Path, suffix: str) -> None:
    """collect-on-phones.png: the window that serves the form, beside the main window."""
    window.show_tab("feedback")
    window.feedback.show_section("form")
    window.feedback.form.collect_on_phones()
    dialog = window.feedback.form.phones
    for _ in range(30):
        app.processEvents()
        time.sleep(0.01)
    path = out / f"collect-on-phones{suffix}.png"
    dialog.grab().save(str(path))
    print(path, f"({dialog.width()}×{dialog.height()})")
    dialog.close()


def card_png(app: QApplication, store: Store, event_id: int, out: Path) -> None:
    """feedback-card.pdf and .png: the card for the tables, at this computer's address."""
    host = local_address() or "192.168.1.20"
    address = phones.phone_address(store, event_id).url(host)
    card = DOCUMENTS["feedback-card"].render(store, event_id, None, address=address)
    (out / "feedback-card.pdf").write_bytes(card)
    pdf_png(app, card, out / "feedback-card.png")
    print(out / "feedback-card.png")


def _browser() -> Any | None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if chromium is None or driver is None:
        return None
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    options.add_experimental_option(
        "mobileEmulation",
        {"deviceMetrics": {"width": PHONE[0], "height": PHONE[1], "pixelRatio": 2}},
    )
    return webdriver.Chrome(service=Service(driver), options=options)


def phone_pngs(store: Store, event_id: int, out: Path) -> None:
    """phone-form-polish.png, phone-form-problem.png and phone-thanks.png (answers stored in
    the screenshots' own database, straight through the service as the window would)."""
    browser = _browser()
    if browser is None:
        print("phone form: no headless Chromium (apt-get install chromium chromium-driver)")
        return
    from selenium.webdriver.common.by import By

    def stored(sent: dict[int, list[str]], once: str, language: str) -> bool:
        changes = phones.add_phone_response(
            store, event_id=event_id, sent=sent, once=once, language=language
        )
        return bool(changes.touched)

    app = PhoneFormApp(
        lambda language: phones.phone_form(store, event_id, language=language), stored
    )
    running = start(app, host="127.0.0.1")
    try:
        browser.get(f"{running.url}?language=Polish")
        _save(browser, out / "phone-form-polish.png")
        browser.get(running.url)
        _send(browser)
        _save(browser, out / "phone-form-problem.png")
        browser.find_element(By.CSS_SELECTOR, "input[type=radio]").click()
        _send(browser)
        _save(browser, out / "phone-thanks.png")
    finally:
        browser.quit()
        running.stop()


def _send(browser: Any) -> None:
    """Tap Send and wait for the next page to replace this one."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.wait import WebDriverWait

    button = browser.find_element(By.CSS_SELECTOR, "button[type=submit]")
    button.click()
    WebDriverWait(browser, 10).until(expected_conditions.staleness_of(button))


def _save(browser: Any, path: Path) -> None:
    browser.save_screenshot(str(path))
    print(path)
