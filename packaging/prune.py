"""Leave Qt's GTK 3 platform theme out of the Linux bundle, with the libraries only it needs.

The theme would load the desktop's own GTK next to the GTK-stack libraries (cairo, pango,
gdk-pixbuf, atk) PyInstaller copied from the build machine: two versions of one library in a
process, which crashes or warns on newer desktops. Without it Qt draws its own dialogs, or uses
the desktop portal, as it does on any desktop without GTK. Saves about 10 MiB as well.
"""

from __future__ import annotations

from PyInstaller.depend.bindepend import get_imports

LEFT_OUT = ("platformthemes/libqgtk3",)


def _needed(entries: list[tuple[str, str, str]], known: dict[str, set[str]]) -> set[str]:
    names: set[str] = set()
    for _dest, source, kind in entries:
        if kind in ("BINARY", "EXTENSION"):
            if source not in known:
                known[source] = {name for name, _path in get_imports(source)}
            names |= known[source]
    return names


def prune(binaries: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The binaries without the left-out plugins and the top-level libraries nothing else needs."""
    kept = [entry for entry in binaries if not any(part in entry[0] for part in LEFT_OUT)]
    known: dict[str, set[str]] = {}
    while True:
        needed = _needed(kept, known)
        orphans = [
            entry
            for entry in kept
            if "/" not in entry[0]
            and entry[0].startswith("lib")
            and ".so" in entry[0]
            and not entry[0].startswith("libpython")
            and entry[0] not in needed
            and entry[2] in ("BINARY", "SYMLINK")
        ]
        if not orphans:
            return kept
        kept = [entry for entry in kept if entry not in orphans]
