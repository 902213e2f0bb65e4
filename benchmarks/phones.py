"""Feedback on phones, in the real window: the time from a phone's Send to the answer shown on
the Feedback tab's Responses page (goal ≤ 1 s), and a room of 50 phones pressing Send at once
from a second process (all stored, none twice, the window still answering).

The form is served on 127.0.0.1 here (a benchmark machine may have no Wi-Fi): the network
between phone and laptop is not measured, only Organiser's part.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from organiser.core.demo import add_demo_event
from organiser.core.feedback import responses
from organiser.core.feedback.form import list_questions
from organiser.core.opening import open_store
from organiser.ui.feedback import phones_dialog
from organiser.ui.main_window import MainWindow

SENDS = 15
PHONES = 50
BOUND_SECONDS = 120  # the load test is stopped if it runs longer


class Gaps:
    """The longest the window's thread went without answering a 10 ms timer."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.longest = 0

    def start(self) -> None:
        self.longest = 0
        self.clock.start()
        self.timer.start()

    def _tick(self) -> None:
        self.longest = max(self.longest, self.clock.restart())

    def stop(self) -> int:
        self.timer.stop()
        return self.longest


def _wait(app: QApplication, done: object, seconds: float) -> bool:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        if callable(done) and done():
            return True
        time.sleep(0.001)
    return False


def _send(url: str, body: bytes) -> None:
    with urllib.request.urlopen(url, data=body, timeout=10) as reply:
        reply.read()


def phone_figures(work: Path) -> None:
    """Print the phone form's two figures against their goals."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    store = open_store(f"sqlite:///{work / 'phones.sqlite'}")
    event_id = add_demo_event(store)
    window = MainWindow(store, QSettings(str(work / "phones.ini"), QSettings.Format.IniFormat))
    window.show()
    window.open_event(event_id)
    window.show_tab("feedback")
    window.feedback.show_section("responses")
    found_address = phones_dialog.local_address
    phones_dialog.local_address = lambda: "127.0.0.1"  # this computer only, as said above
    try:
        dialog = phones_dialog.CollectDialog(window.runner, event_id, window)
    finally:
        phones_dialog.local_address = found_address
    dialog.show()
    assert dialog.running is not None
    url = dialog.running.url
    fft = list_questions(store, event_id)[0].id
    page = window.feedback.responses
    times = []
    for number in range(SENDS):
        with urllib.request.urlopen(url, timeout=10) as reply:
            once = reply.read().decode().split('name="once" value="')[1].split('"')[0]
        body = urllib.parse.urlencode([("once", once), (f"q{fft}", str(number % 5))]).encode()
        shown = page.model.rowCount()
        started = time.perf_counter()
        sender = threading.Thread(target=_send, args=(url, body))
        sender.start()
        _wait(app, lambda shown=shown: page.model.rowCount() > shown, 10)
        times.append((time.perf_counter() - started) * 1000)
        _wait(app, lambda sender=sender: not sender.is_alive(), 10)
    median, worst = statistics.median(times), max(times)
    print(
        f"phone Send to the answer shown on the Responses page: {median / 1000:.3f}× the 1 s "
        f"goal (median {median:.0f} ms, worst {worst:.0f} ms over {SENDS} sends)"
    )
    if sys.platform != "linux":  # each phone its own 127.0.0.x address: Linux has them all
        print(f"{PHONES} phones at once: measured on Linux only")
        dialog.close()
        window.close()
        store.close()
        return
    before = len(responses.list_responses(store, event_id))
    gaps = Gaps()
    gaps.start()
    load = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.phone_load", url, str(PHONES)],
        stdout=subprocess.PIPE,
        text=True,
    )
    finished = _wait(app, lambda: load.poll() is not None, BOUND_SECONDS)
    longest = gaps.stop()
    if not finished:
        load.kill()
        print(f"{PHONES} phones at once: not finished in {BOUND_SECONDS} s (stopped)")
    else:
        found = json.loads(load.stdout.read() if load.stdout else "{}")
        stored = len(responses.list_responses(store, event_id)) - before
        thanked = sum(status == 200 for status, _ms in found["sends"])
        slowest = max(ms for _status, ms in found["sends"])
        print(
            f"{PHONES} phones pressing Send at once (a second process): {stored} stored "
            f"({thanked} thanked, {stored - PHONES:+d} counted twice after every Send was "
            f"tapped again), all answered in {found['all_ms']:.0f} ms, the slowest phone "
            f"{slowest:.0f} ms; the window's longest pause {longest} ms"
        )
    dialog.close()
    window.close()
    store.close()


if __name__ == "__main__":
    import os
    import tempfile

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="organiser-phones-") as folder:
        phone_figures(Path(folder))
