"""The collector's web server: waitress (a small, well-kept WSGI server from a pure-Python
wheel) on a thread of its own, listening only while collecting, on this computer's address on
the local network."""

from __future__ import annotations

import logging
import os
import socket
import threading
from dataclasses import dataclass
from typing import Any

from organiser.collect.app import BODY_LIMIT, PhoneFormApp

# Where a phone reaches this computer: its address on the local network. Connecting a UDP
# socket sends nothing; it only makes the system choose the interface it would use.
_PROBE = ("192.0.2.1", 9)  # TEST-NET-1: never routed anywhere


def local_address() -> str | None:
    """This computer's address on the local network, or None when it has none (no Wi-Fi)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(_PROBE)
            address = str(probe.getsockname()[0])
        except OSError:
            return None
    return None if address.startswith("127.") or address == "0.0.0.0" else address


@dataclass
class Running:
    """A collector that is listening: its address for phones, and how to stop it."""

    server: Any
    thread: threading.Thread
    host: str
    port: int
    app: PhoneFormApp
    stopping: threading.Event

    @property
    def url(self) -> str:
        """The address to scan or type: it carries the unguessable token."""
        return f"http://{self.host}:{self.port}{self.app.path}"

    def stop(self) -> None:
        """Stop listening and hang up on every phone still connected (an idle one would
        otherwise keep the server running until it timed out)."""
        self.stopping.set()
        self.thread.join(timeout=5)


def _serve(server: Any, stopping: threading.Event) -> None:
    """waitress's loop, a fifth of a second at a time, until told to stop; then every
    connection is closed on this thread, the one that owns them."""
    while not stopping.is_set():
        server.asyncore.loop(timeout=0.2, map=server._map, use_poll=True, count=1)
    for channel in list(server._map.values()):
        channel.close()
    server.task_dispatcher.shutdown()


def _bound(host: str, port: int) -> socket.socket:
    """A socket bound to (host, port), or OSError with nothing left open (when waitress binds
    and fails, it leaves its own socket and wake-up pipe open)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        if os.name != "nt":  # reuse a port whose last connections are closing; on Windows
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # it would share one
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    return sock


def start(app: PhoneFormApp, *, host: str, port: int = 0) -> Running:
    """Listen on `host` (port 0: one the system chooses) and serve the app on a thread;
    OSError if the port is taken."""
    from waitress.server import create_server  # only while collecting

    # A room of phones sending at once queues a few sends: normal here, not worth a warning.
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)

    server = create_server(
        app,
        sockets=[_bound(host, port)],
        threads=2,  # each send waits its turn on the window's thread: more would queue there
        max_request_body_size=BODY_LIMIT,
        max_request_header_size=16 * 1024,
        channel_timeout=30,
        connection_limit=100,
        ident="Organiser",
        expose_tracebacks=False,
        clear_untrusted_proxy_headers=True,
    )
    stopping = threading.Event()
    thread = threading.Thread(
        target=_serve, args=(server, stopping), name="phone form", daemon=True
    )
    thread.start()
    return Running(server, thread, host, int(server.effective_port), app, stopping)
