"""A team database's address, built and described without ever showing the password."""

from __future__ import annotations

from urllib.parse import quote, unquote, urlsplit

DEFAULT_PORT = 5432
CONNECT_TIMEOUT_S = 10  # an unreachable server is reported after this long, not minutes


def team_url(*, host: str, port: int, database: str, user: str, password: str) -> str:
    """The address Organiser opens: postgresql+psycopg://user:password@host:port/database."""
    login = quote(user, safe="")
    if password:
        login += ":" + quote(password, safe="")
    server = f"[{host}]" if ":" in host else host  # an IPv6 address needs brackets
    return (
        f"postgresql+psycopg://{login}@{server}:{port}/{quote(database, safe='')}"
        f"?connect_timeout={CONNECT_TIMEOUT_S}"
    )


def describe(url: str) -> str:
    """Where the data is, for the window title: the file, or the server and database."""
    if url.startswith("sqlite"):
        return url.removeprefix("sqlite:///").split("?", 1)[0]
    parts = urlsplit(url)
    database = unquote(parts.path.lstrip("/")) or "?"
    server = parts.hostname or "this computer"
    if parts.port is not None:
        server += f":{parts.port}"
    return f"team database “{database}” on {server}"


def without_password(message: str, password: str) -> str:
    """A driver's message with the password blotted out, however it was written."""
    for form in {password, quote(password, safe="")}:
        if form:
            message = message.replace(form, "•••")
    return message
