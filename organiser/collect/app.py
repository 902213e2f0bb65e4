"""The phone form as a WSGI application: only the form and its stylesheet, only under the
collector's unguessable token, only GET and POST; requests, fields and sends are limited, and
nothing a person typed is logged. Each response is handed to `store_response`, which stores it
(in the window, on the Qt thread, as one service call with its own undo)."""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs

from organiser.collect.page import STYLE, TEXT_LIMIT, form_page, message_page, thanks_page
from organiser.core.errors import OrganiserError, ValidationError
from organiser.core.feedback.phones import (
    ONCE_LIMIT,
    FormChanged,
    PhoneForm,
    new_once,
    new_token,
)

BODY_LIMIT = 64 * 1024  # bytes in one send: far more than any form's answers
FIELD_LIMIT = 400  # fields in one send
SENDS_PER_MINUTE = 20  # from one address: a household's phone, not a flood
PAGES_PER_MINUTE = 120

Start = Callable[[str, list[tuple[str, str]]], Any]
Environ = Mapping[str, Any]
# Stores one response: (answers by question id, the page's one-off key, its language);
# returns True when stored, False when that page was already stored; raises ValidationError.
StoreResponse = Callable[[dict[int, list[str]], str, str], bool]
FormFor = Callable[[str | None], PhoneForm]

HEADERS = [
    ("Cache-Control", "no-store"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("Content-Security-Policy", "default-src 'none'; style-src 'self'; form-action 'self'"),
    ("X-Frame-Options", "DENY"),
]


@dataclass
class Limiter:
    """How many requests each address made in the last minute."""

    per_minute: int
    seen: dict[str, deque[float]] = field(default_factory=lambda: defaultdict(deque))
    lock: threading.Lock = field(default_factory=threading.Lock)

    def allow(self, address: str) -> bool:
        now = time.monotonic()
        with self.lock:
            times = self.seen[address]
            while times and now - times[0] > 60:
                times.popleft()
            if len(times) >= self.per_minute:
                return False
            times.append(now)
            return True


class PhoneFormApp:
    """The collector's web application (WSGI)."""

    def __init__(
        self, form_for: FormFor, store_response: StoreResponse, token: str | None = None
    ) -> None:
        self.token = token or new_token()  # the event's kept one, so printed cards work
        self.form_for, self.store_response = form_for, store_response
        self.sends, self.pages = Limiter(SENDS_PER_MINUTE), Limiter(PAGES_PER_MINUTE)

    @property
    def path(self) -> str:
        """The form's path: the only one answered."""
        return f"/{self.token}/"

    def __call__(self, environ: Environ, start: Start) -> Iterable[bytes]:
        try:
            return self._answer(environ, start)
        except Exception:  # never a traceback on the terminal: it would print the address
            page = message_page("Not saved", "Something went wrong: please hand in a paper form.")
            return _reply(start, "500 Internal Server Error", page)

    def _answer(self, environ: Environ, start: Start) -> Iterable[bytes]:
        path, method = environ.get("PATH_INFO", ""), environ.get("REQUEST_METHOD", "")
        address = str(environ.get("REMOTE_ADDR", ""))
        path = path.lower()  # a phone's keyboard may have capitalised what was typed
        if method != "POST" and not self.pages.allow(address):  # guessing the address too
            return _busy(start)
        if path == self.path.rstrip("/"):  # typed from a card without the last "/"
            return _reply(
                start, "308 Permanent Redirect", b"", "text/plain", [("Location", self.path)]
            )
        if path == f"{self.path}style.css" and method == "GET":
            return _reply(start, "200 OK", STYLE.encode(), "text/css; charset=utf-8")
        if path != self.path:
            return _reply(start, "404 Not Found", b"Not found", "text/plain; charset=utf-8")
        if method not in ("GET", "POST"):
            return _reply(
                start, "405 Method Not Allowed", b"", "text/plain", [("Allow", "GET, POST")]
            )
        if method == "GET":
            try:
                query = parse_qs(str(environ.get("QUERY_STRING", "")), max_num_fields=5)
            except ValueError:
                query = {}
            language = (query.get("language") or [""])[0] or None
            return self._form(start, language)
        if not self.sends.allow(address):
            return _busy(start)
        return self._send(environ, start)

    def _form(self, start: Start, language: str | None) -> Iterable[bytes]:
        try:
            form = self.form_for(language)
        except OrganiserError:  # a language removed meanwhile: the English form
            form = self.form_for(None)
        return _reply(start, "200 OK", form_page(form, new_once(form)))

    def _send(self, environ: Environ, start: Start) -> Iterable[bytes]:
        fields = _read_fields(environ)
        if fields is None:
            page = message_page("Too much sent", "That was more than a form holds. Try again.")
            return _reply(start, "413 Content Too Large", page)
        once = (fields.get("once") or [""])[0]
        language = (fields.get("language") or [""])[0]
        try:
            form = self.form_for(language or None)
        except OrganiserError:
            form, language = self.form_for(None), ""
        sent = {
            int(name[1:]): values
            for name, values in fields.items()
            if name.startswith("q") and name[1:].isascii() and name[1:].isdigit()
        }
        errors = _too_long(form, sent)
        if errors or not 0 < len(once) <= ONCE_LIMIT:
            problem = "" if errors else "This page has expired: please answer again."
            page = form_page(form, new_once(form), sent=sent, errors=errors, problem=problem)
            return _reply(start, "400 Bad Request", page)
        answered = {qid: [v for v in values if v.strip()] for qid, values in sent.items()}
        try:
            self.store_response({q: v for q, v in answered.items() if v}, once, form.language)
        except FormChanged as exc:  # the places sent no longer mean the same: only words stay
            typed = {q.id: sent[q.id] for q in form.questions if q.id in sent and not q.choices}
            page = form_page(form, new_once(form), sent=typed, problem=str(exc))
            return _reply(start, "409 Conflict", page)
        except ValidationError as exc:
            qid = int(exc.field) if exc.field and exc.field.isdigit() else None
            text = str(exc)
            asked = next((q for q in form.questions if q.id == qid), None)
            if asked is not None:  # said beside the question, without repeating it
                text = text.removeprefix(asked.text).strip() or text
            errors = {qid: text} if qid is not None else {}
            page = form_page(form, once, sent=sent, errors=errors, problem="" if errors else text)
            return _reply(start, "400 Bad Request", page)
        except OrganiserError:
            page = message_page("Not saved", "Something went wrong: please hand in a paper form.")
            return _reply(start, "503 Service Unavailable", page)
        return _reply(start, "200 OK", thanks_page(form))


def _read_fields(environ: Environ) -> dict[str, list[str]] | None:
    """The form's fields, or None when the send is too large or holds too many."""
    try:
        size = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return None
    if size > BODY_LIMIT:
        return None
    body = environ["wsgi.input"].read(size) if size > 0 else b""
    try:
        return parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=FIELD_LIMIT)
    except (UnicodeDecodeError, ValueError):
        return None


def _too_long(form: PhoneForm, sent: Mapping[int, Sequence[str]]) -> dict[int, str]:
    known = {q.id for q in form.questions}
    return {
        qid: f"Please keep this under {TEXT_LIMIT:,} characters."
        for qid, values in sent.items()
        if qid in known and any(len(v) > TEXT_LIMIT for v in values)
    }


def _busy(start: Start) -> Iterable[bytes]:
    page = message_page("Please wait a moment", "Too many sends from this phone: try in a minute.")
    return _reply(start, "429 Too Many Requests", page, extra=[("Retry-After", "60")])


def _reply(
    start: Start,
    status: str,
    body: bytes,
    kind: str = "text/html; charset=utf-8",
    extra: list[tuple[str, str]] | None = None,
) -> Iterable[bytes]:
    headers = [("Content-Type", kind), ("Content-Length", str(len(body))), *HEADERS]
    start(status, headers + (extra or []))
    return [body]
