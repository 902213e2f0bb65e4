"""The phone form served on a real local server and answered over HTTP as a phone would: the
form in English and in a language version, a send stored as one response with the English
choices, the same page sent twice counted once, a fresh page on the same phone counted again,
a wrong token, a wrong method, an over-long answer, a too-large send, a flood of sends, and a
refused answer said beside its question; and stopping while a phone is connected."""

from __future__ import annotations

import http.client
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser

import pytest

from organiser.collect import app as web
from organiser.collect.app import PhoneFormApp
from organiser.collect.server import Running, local_address
from organiser.core.db import Store
from organiser.core.events.service import create_event
from organiser.core.feedback import phones, responses
from organiser.core.feedback.form import list_questions
from organiser.core.feedback.kinds import Standard


class Fields(HTMLParser):
    """The form's fields as a browser would see them: hidden values and each input's name."""

    def __init__(self) -> None:
        super().__init__()
        self.hidden: dict[str, str] = {}
        self.names: set[str] = set()
        self.labels: list[str] = []
        self._label = False
        self.lang = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "html":
            self.lang = found.get("lang") or ""
        if tag in ("input", "textarea") and found.get("name"):
            if found.get("type") == "hidden":
                self.hidden[str(found["name"])] = found.get("value") or ""
            else:
                self.names.add(str(found["name"]))
        self._label = tag == "label"

    def handle_data(self, data: str) -> None:
        if self._label:
            self.labels.append(data)
            self._label = False


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as reply:
            return reply.status, reply.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def post(url: str, fields: list[tuple[str, str]]) -> tuple[int, str]:
    data = urllib.parse.urlencode(fields).encode()
    try:
        with urllib.request.urlopen(url, data=data, timeout=10) as reply:
            return reply.status, reply.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def page_fields(html: str) -> Fields:
    parsed = Fields()
    parsed.feed(html)
    return parsed


def question(store: Store, event_id: int, standard: Standard) -> int:
    return next(q.id for q in list_questions(store, event_id) if q.standard == standard.value)


def test_a_phone_answers_and_its_answers_land_in_the_same_questions(
    collecting: Running, store: Store, event_id: int
) -> None:
    status, html = get(collecting.url)
    assert status == 200
    form = page_fields(html)
    fft, enjoyed = (
        question(store, event_id, Standard.FFT),
        question(store, event_id, Standard.ENJOYED),
    )
    assert {f"q{fft}", f"q{enjoyed}"} <= form.names and form.lang == "en-GB"
    before = len(responses.list_responses(store, event_id))
    answers = [("once", form.hidden["once"]), (f"q{fft}", "1"), (f"q{enjoyed}", "The calm")]
    status, html = post(collecting.url, answers)
    assert status == 200 and "Thank you" in html
    assert "reached the team" in html and "hand this form" not in html, "a phone's own words"
    stored = max(responses.list_responses(store, event_id), key=lambda r: r.id)
    assert stored.answers[fft] == "Good" and stored.answers[enjoyed] == "The calm"
    assert stored.source == "Phone"
    post(collecting.url, answers)  # Send pressed twice: counted once
    assert len(responses.list_responses(store, event_id)) == before + 1
    again = page_fields(get(collecting.url)[1]).hidden["once"]  # the next person, same phone
    post(collecting.url, [("once", again), (f"q{fft}", "0")])
    assert len(responses.list_responses(store, event_id)) == before + 2


def test_the_polish_page_shows_polish_and_stores_english_choices(
    collecting: Running, store: Store, event_id: int
) -> None:
    status, html = get(f"{collecting.url}?language=Polish")
    form = page_fields(html)
    assert status == 200 and form.lang == "pl" and form.hidden["language"] == "Polish"
    assert "Bardzo dobrze" in form.labels
    assert ">Wyślij</button>" in html and ">Send<" not in html, "the page's own words too"
    fft = question(store, event_id, Standard.FFT)
    sent = [("once", form.hidden["once"]), ("language", "Polish"), (f"q{fft}", "0")]
    status, thanks = post(collecting.url, sent)
    assert status == 200 and "<title>Dziękujemy</title>" in thanks and "Thank you" not in thanks
    assert "Twoje odpowiedzi dotarły do zespołu" in thanks
    stored = max(responses.list_responses(store, event_id), key=lambda r: r.id)
    assert (stored.answers[fft], stored.source) == ("Very good", "Phone (Polish)")
    sent = [("once", "x" * 65), ("language", "Polish"), (f"q{fft}", "0")]
    assert "<h2>Coś wymaga poprawki</h2>" in post(collecting.url, sent)[1]


def test_only_the_form_under_its_token_is_served(collecting: Running) -> None:
    host = f"http://127.0.0.1:{collecting.port}"
    for path in ("/", "/wrong-token/", f"{collecting.app.path}../", "/style.css", "/favicon.ico"):
        assert get(f"{host}{path}")[0] == 404, path
    assert get(f"{collecting.url}style.css")[0] == 200
    typed = f"{host}{collecting.app.path.rstrip('/').upper()}"  # as typed from the card
    status, html = get(typed)  # followed to the form
    assert status == 200 and "<form" in html
    connection = http.client.HTTPConnection("127.0.0.1", collecting.port, timeout=10)
    try:
        connection.request("DELETE", collecting.app.path)
        assert connection.getresponse().status == 405
    finally:
        connection.close()


def test_bad_sends_are_refused_in_words_and_store_nothing(
    collecting: Running, store: Store, event_id: int
) -> None:
    before = len(responses.list_responses(store, event_id))
    once = page_fields(get(collecting.url)[1]).hidden["once"]
    fft, enjoyed = (
        question(store, event_id, Standard.FFT),
        question(store, event_id, Standard.ENJOYED),
    )
    status, html = post(collecting.url, [("once", once), (f"q{enjoyed}", "x" * 2001)])
    assert status == 400 and "There is a problem" in html and "under 2,000 characters" in html
    status, html = post(collecting.url, [("once", once), (f"q{fft}", "99")])
    assert status == 400 and "That is not one of the answers." in html
    status, html = post(collecting.url, [("once", once)])
    assert status == 400 and "nothing to save" in html
    status, _html = post(collecting.url, [("once", once), ("q1", "x" * (web.BODY_LIMIT + 1))])
    assert status in (400, 413)
    status, html = post(collecting.url, [(f"q{fft}", "0")])
    assert status == 400 and "expired" in html
    assert len(responses.list_responses(store, event_id)) == before


def test_crafted_sends_are_refused_not_crashed_and_store_nothing(
    collecting: Running, store: Store, event_id: int
) -> None:
    before = len(responses.list_responses(store, event_id))
    once = page_fields(get(collecting.url)[1]).hidden["once"]
    fft = question(store, event_id, Standard.FFT)
    regular = question(store, event_id, Standard.REGULAR)
    contact = question(store, event_id, Standard.CONTACT)
    crafted = {
        "a digit that is not 0-9": [(f"q{fft}", "²")],
        "a number too long to read": [(f"q{fft}", "9" * 5000)],
        "two answers to a one-answer question": [(f"q{regular}", "0"), (f"q{regular}", "1")],
        "a contact detail without saying we may": [(f"q{contact}", "me@example.org")],
        "a field named with another digit": [("q²", "0")],
        "a page key too long to keep": [(f"q{fft}", "0")],
    }
    for what, fields in crafted.items():
        key = "k" * 51 if what == "a page key too long to keep" else once
        status, html = post(collecting.url, [("once", key), *fields])
        assert status == 400 and "There is a problem" in html, what
    assert (
        "Choose one answer."
        in post(collecting.url, [("once", once), *crafted["two answers to a one-answer question"]])[
            1
        ]
    )
    status, _html = get(f"{collecting.url}?a=1&b=2&c=3&d=4&e=5&f=6&language=Polish")
    assert status == 200, "a long query is the English form, not a crash"
    assert len(responses.list_responses(store, event_id)) == before


def test_choices_reordered_while_a_phone_has_the_page_store_nothing_wrong(
    collecting: Running, store: Store, event_id: int
) -> None:
    from organiser.core.feedback.form import list_questions, update_question

    before = len(responses.list_responses(store, event_id))
    form = page_fields(get(collecting.url)[1])
    heard = question(store, event_id, Standard.HEARD)
    enjoyed = question(store, event_id, Standard.ENJOYED)
    shown = next(q.choices for q in list_questions(store, event_id) if q.id == heard)
    # Meanwhile, on the laptop, the choices are put in another order.
    update_question(store, question_id=heard, values={"choices": "\n".join(shown[::-1])})
    sent = [("once", form.hidden["once"]), (f"q{heard}", "0"), (f"q{enjoyed}", "The quiet")]
    status, html = post(collecting.url, sent)  # "0" was the first choice on the phone's page
    assert status == 409 and "The questions changed while you were answering" in html
    assert "The quiet" in html, "what was written is kept"
    assert len(responses.list_responses(store, event_id)) == before, "nothing stored as another"
    again = page_fields(html).hidden["once"]
    last = str(len(shown) - 1)
    assert post(collecting.url, [("once", again), (f"q{heard}", last)])[0] == 200
    stored = max(responses.list_responses(store, event_id), key=lambda r: r.id)
    assert stored.answers[heard] == shown[0]


def test_guessing_the_address_is_slowed_too(collecting: Running) -> None:
    host = f"http://127.0.0.1:{collecting.port}"
    statuses = [get(f"{host}/guess{n}/")[0] for n in range(web.PAGES_PER_MINUTE + 3)]
    assert statuses.count(404) == web.PAGES_PER_MINUTE and statuses.count(429) == 3


def test_a_flood_of_sends_from_one_address_is_slowed(collecting: Running) -> None:
    statuses = [
        post(collecting.url, [("once", f"flood-{n}")])[0] for n in range(web.SENDS_PER_MINUTE + 5)
    ]
    assert statuses.count(429) == 5, "the sends over the minute's allowance are turned away"


def test_stopping_closes_the_door_even_with_a_phone_connected(collecting: Running) -> None:
    idle = socket.create_connection(("127.0.0.1", collecting.port), timeout=5)
    collecting.stop()
    assert not collecting.thread.is_alive()
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", collecting.port), timeout=2).close()
    idle.close()


def test_stopping_mid_request_hangs_up_and_stores_nothing(
    collecting: Running, store: Store, event_id: int
) -> None:
    before = len(responses.list_responses(store, event_id))
    phone = socket.create_connection(("127.0.0.1", collecting.port), timeout=5)
    phone.sendall(
        f"POST {collecting.app.path} HTTP/1.1\r\nHost: laptop\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 900\r\n\r\n"
        "once=half-sent&q".encode()
    )
    time.sleep(0.3)  # the server has the first half of the answers
    started = time.perf_counter()
    collecting.stop()
    assert time.perf_counter() - started < 2, "stopping does not wait for the rest"
    assert not collecting.thread.is_alive()
    assert phone.recv(100) == b"", "the phone is hung up on, not answered"
    phone.close()
    assert len(responses.list_responses(store, event_id)) == before


def test_the_local_address_is_never_this_computer_alone() -> None:
    address = local_address()
    assert address is None or not address.startswith("127.")


def test_the_address_is_short_to_type_and_hard_to_guess() -> None:
    tokens = {PhoneFormApp(lambda _l: None, lambda *_a: True).token for _ in range(200)}
    assert len(tokens) == 200, "a new secret for each event"
    for token in tokens:
        assert len(token) == 10 and set(token) <= set(phones.TOKEN_LETTERS)
    assert len(phones.TOKEN_LETTERS) ** phones.TOKEN_LENGTH > 2**48


def test_an_event_keeps_its_address_so_a_printed_card_still_opens_the_form(
    store: Store, event_id: int
) -> None:
    first = phones.phone_address(store, event_id)
    assert phones.phone_address(store, event_id) == first, "asked again: the same address"
    assert first.port in phones.PORTS and first.card_host == ""
    assert first.url("192.168.1.20") == f"http://192.168.1.20:{first.port}/{first.token}/"
    assert phones.card_printed(store, event_id, "192.168.1.20").card_host == "192.168.1.20"
    assert phones.phone_address(store, event_id).token == first.token
    other = create_event(store, title="Another session").created_id
    assert other is not None
    assert phones.phone_address(store, other).token != first.token
