"""Where a SQLite database lives: a network or cloud-synced folder is a risk worth saying.

SQLite's locking is only as good as the file system's: on a network share two computers can
both believe they hold the lock, and a sync client (Dropbox, OneDrive…) copies the file while it
is half-written or makes "conflicted copies" of it. A team database on a server is the safe way
to share; this module only notices the risky places so the window can say so.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path, PurePath, PureWindowsPath

# File systems whose files live on another computer (Linux /proc/mounts and macOS mount names).
NETWORK_TYPES = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "sshfs",
        "fuse.sshfs",
        "9p",
        "afs",
        "ceph",
        "fuse.ceph",
        "glusterfs",
        "fuse.glusterfs",
        "davfs",
        "fuse.davfs2",
        "webdav",
        "afpfs",
        "ncpfs",
        "fuse.rclone",
        "lustre",
    }
)
# GNOME mounts network places under a gvfs folder, named by their kind.
GVFS_TYPE = "fuse.gvfsd-fuse"
GVFS_NETWORK = ("smb-share:", "sftp:", "dav:", "davs:", "afp-volume:", "nfs:", "ftp:")
# Folder names sync clients use; "OneDrive - Contoso" and "Dropbox (Personal)" match by start.
CLOUD_NAMES = {
    "dropbox": "Dropbox",
    "onedrive": "OneDrive",
    "google drive": "Google Drive",
    "my drive": "Google Drive",
    "icloud drive": "iCloud Drive",
    "iclouddrive": "iCloud Drive",
    "mobile documents": "iCloud Drive",
    "box": "Box",
    "box sync": "Box",
    "pcloud drive": "pCloud",
    "nextcloud": "Nextcloud",
    "owncloud": "ownCloud",
    "sync": "Sync.com",
}
# macOS keeps every provider's folder in ~/Library/CloudStorage: named by its own folder inside.
CLOUD_STORAGE = "cloudstorage"
CLOUD_PREFIXES = {
    "onedrive - ": "OneDrive",
    "onedrive-": "OneDrive",
    "dropbox (": "Dropbox",
    "googledrive-": "Google Drive",
}
DRIVE_REMOTE = 4  # GetDriveTypeW's answer for a mapped network drive
_MAC_MOUNT = re.compile(r"^(?P<device>.*) on (?P<point>.*) \((?P<type>[^,)]+)")
_OCTAL = re.compile(r"\\([0-7]{3})")

SEE_TEAM = (
    "To work on the same events together, ask for a team database and use "
    "File ▸ Connect to team database…; to work alone, keep the database on this computer."
)


def shared_folder_warning(
    path: PurePath,
    *,
    mounts: str | None = None,
    system: str | None = None,
    drive_type: Callable[[str], int] | None = None,
) -> str | None:
    """Say, in plain words, why a database file in this folder risks losing work (else None).

    `mounts` is the text of /proc/mounts (or, on macOS, of `mount`), `system` a sys.platform
    value and `drive_type` Windows' GetDriveTypeW: given, they replace the real ones (tests).
    """
    system = system or sys.platform
    where = _network_place(path, mounts=mounts, system=system, drive_type=drive_type)
    if where is not None:
        return (
            f"Organiser’s database is in a shared network folder ({where}). If two computers "
            "open it at the same time, or the network drops while a change is saved, work can "
            f"be lost and the file damaged. {SEE_TEAM}"
        )
    service = cloud_service(path, system=system)
    if service is not None:
        return (
            f"Organiser’s database is in a folder that {service} copies to the internet. If the "
            "file is copied while it is being saved, or opened on two computers at once, work "
            f"can be lost and the file damaged. {SEE_TEAM}"
        )
    return None


def cloud_service(path: PurePath, *, system: str | None = None) -> str | None:
    """The sync service whose folder holds `path`, or None."""
    pure = PureWindowsPath(path) if (system or sys.platform) == "win32" else PurePath(path)
    folders = [part.casefold().strip() for part in pure.parts[:-1]]  # not the file's own name
    for name in folders:
        if name in CLOUD_NAMES:
            return CLOUD_NAMES[name]
        for prefix, service in CLOUD_PREFIXES.items():
            if name.startswith(prefix):
                return service
    return "a cloud storage app" if CLOUD_STORAGE in folders else None


def _network_place(
    path: PurePath, *, mounts: str | None, system: str, drive_type: Callable[[str], int] | None
) -> str | None:
    if system == "win32":
        return _windows_network(PureWindowsPath(path), drive_type)
    if mounts is None:
        mounts = _read_mounts(system)
    parse = _mac_mounts if system == "darwin" else _linux_mounts
    target = _absolute(path)
    best: tuple[PurePath, str, str] | None = None
    for device, point, kind in parse(mounts):
        mount_point = PurePath(point)
        if target != mount_point and not target.is_relative_to(mount_point):
            continue
        if best is None or len(mount_point.parts) >= len(best[0].parts):
            best = (mount_point, kind, device)
    if best is None:
        return None
    mount_point, kind, device = best
    if kind in NETWORK_TYPES:
        return f"{device} at {mount_point}"
    if kind == GVFS_TYPE:
        inside = target.relative_to(mount_point).parts
        if inside and inside[0].startswith(GVFS_NETWORK):
            return inside[0]
    return None


def _absolute(path: PurePath) -> PurePath:
    """The real place of a file that may not exist yet (its folder's links followed)."""
    if not isinstance(path, Path):
        return path
    try:
        return PurePath(path.resolve(strict=False))
    except OSError:
        return PurePath(path.absolute())


def _read_mounts(system: str) -> str:
    if system.startswith("linux"):
        try:
            return Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
    if system == "darwin" and Path("/sbin/mount").exists():
        try:
            done = subprocess.run(
                ["/sbin/mount"], capture_output=True, text=True, timeout=2, check=False
            )
        except (OSError, subprocess.SubprocessError):
            return ""
        return done.stdout
    return ""


def _linux_mounts(text: str) -> list[tuple[str, str, str]]:
    """(device, mount point, type) from /proc/mounts, whose spaces are written as \\040."""
    found = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            device, point, kind = (_unescape(f) for f in fields[:3])
            found.append((device, point, kind))
    return found


def _unescape(text: str) -> str:
    return _OCTAL.sub(lambda m: chr(int(m.group(1), 8)), text)


def _mac_mounts(text: str) -> list[tuple[str, str, str]]:
    """(device, mount point, type) from macOS `mount`: "//me@nas/share on /Volumes/x (smbfs…"."""
    found = []
    for line in text.splitlines():
        match = _MAC_MOUNT.match(line)
        if match:
            found.append((match["device"], match["point"], match["type"].strip()))
    return found


def _windows_network(path: PureWindowsPath, drive_type: Callable[[str], int] | None) -> str | None:
    drive = path.drive
    if drive.upper().startswith("\\\\?\\UNC\\"):
        return "\\\\" + drive[8:]
    if drive.startswith("\\\\") and not drive.startswith(("\\\\?\\", "\\\\.\\")):
        return drive
    letter = drive.removeprefix("\\\\?\\")
    if len(letter) == 2 and letter[1] == ":":
        kind = (drive_type or _get_drive_type)(f"{letter}\\")
        if kind == DRIVE_REMOTE:
            return f"the network drive {letter.upper()}"
    return None


def _get_drive_type(root: str) -> int:
    """Windows' own answer for a drive root such as 'Z:\\' (0 elsewhere)."""
    if sys.platform != "win32":
        return 0
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(root))
