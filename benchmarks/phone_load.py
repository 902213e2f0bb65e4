"""A room of phones, as a second process: each phone opens the form, then all press Send at
the same moment; each phone has its own address (127.0.0.2, .3, … on this computer), as
phones on a Wi-Fi do. Prints one line of JSON: how each send was answered and how long it took.

Run by benchmarks.phones: `python -m benchmarks.phone_load URL PHONES`.
"""

from __future__ import annotations

import http.client
import json
import re
import sys
import threading
import time
import urllib.parse

TIMEOUT = 30  # seconds any one request may take: the run is bounded


def _request(url: str, source: str, body: bytes | None = None) -> tuple[int, str]:
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(
        parts.hostname or "", parts.port, timeout=TIMEOUT, source_address=(source, 0)
    )
    try:
        headers = {"Content-Type": "application/x-www-form-urlencoded"} if body else {}
        connection.request("POST" if body else "GET", parts.path, body=body, headers=headers)
        reply = connection.getresponse()
        return reply.status, reply.read().decode()
    finally:
        connection.close()


def main(url: str, phones: int) -> None:
    pages: list[tuple[str, bytes]] = []
    for number in range(phones):
        source = f"127.0.0.{number + 2}"
        _status, html = _request(url, source)
        once = re.search(r'name="once" value="([^"]+)"', html)
        first = re.search(r'name="(q\d+)" type="radio" value="0"', html)
        assert once and first, "the form has a page key and a first question"
        body = urllib.parse.urlencode([("once", once[1]), (first[1], str(number % 5))]).encode()
        pages.append((source, body))
    results: list[tuple[int, float]] = [(0, 0.0)] * phones
    ready = threading.Barrier(phones)

    def phone(number: int) -> None:
        source, body = pages[number]
        ready.wait()
        started = time.perf_counter()
        try:
            status, _html = _request(url, source, body)
        except OSError:
            status = -1
        results[number] = (status, (time.perf_counter() - started) * 1000)

    threads = [threading.Thread(target=phone, args=(n,)) for n in range(phones)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(TIMEOUT + 5)
    took = (time.perf_counter() - started) * 1000
    # The same pages sent again (Send tapped twice on every phone): none may count twice.
    again = [_request(url, source, body)[0] for source, body in pages]
    print(json.dumps({"sends": results, "all_ms": took, "again": again}))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
