"""A database in a network or cloud-synced folder is named as a risk, in plain words."""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from organiser.core.team.location import DRIVE_REMOTE, cloud_service, shared_folder_warning

LINUX_MOUNTS = """\
/dev/sda2 / ext4 rw,relatime 0 0
tmpfs /tmp tmpfs rw,nosuid,nodev 0 0
nas:/export/team /mnt/team nfs4 rw,relatime,vers=4.2 0 0
//nas/Shared\\040Files /mnt/shared\\040files cifs rw,relatime 0 0
/dev/sdb1 /mnt/team/local-disk ext4 rw,relatime 0 0
me@box:/home/me /home/me/remote fuse.sshfs rw,nosuid,nodev 0 0
gvfsd-fuse /run/user/1000/gvfs fuse.gvfsd-fuse rw,nosuid,nodev 0 0
"""

MAC_MOUNTS = """\
/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)
//me@nas._smb._tcp.local/Team on /Volumes/Team (smbfs, nodev, nosuid, mounted by me)
/dev/disk5s1 on /Volumes/USB stick (msdos, local, nodev, nosuid, noowners)
"""


@pytest.mark.parametrize(
    ("path", "where"),
    [
        ("/mnt/team/events/organiser.sqlite", "nas:/export/team at /mnt/team"),
        ("/mnt/shared files/organiser.sqlite", "//nas/Shared Files at /mnt/shared files"),
        ("/home/me/remote/organiser.sqlite", "me@box:/home/me at /home/me/remote"),
        (
            "/run/user/1000/gvfs/smb-share:server=nas,share=team/organiser.sqlite",
            "smb-share:server=nas,share=team",
        ),
    ],
)
def test_a_file_on_a_network_file_system_is_named_with_its_share(path: str, where: str) -> None:
    warning = shared_folder_warning(PurePosixPath(path), mounts=LINUX_MOUNTS, system="linux")
    assert warning is not None
    assert f"shared network folder ({where})" in warning
    assert "File ▸ Connect to team database…" in warning


@pytest.mark.parametrize(
    "path",
    [
        "/home/me/organiser.sqlite",
        "/tmp/organiser.sqlite",
        # The longest mount point wins: a local disk mounted inside the network share.
        "/mnt/team/local-disk/organiser.sqlite",
        # A folder whose name merely starts like a mount point is not inside it.
        "/mnt/teamwork/organiser.sqlite",
        "/run/user/1000/gvfs/mtp:host=phone/organiser.sqlite",
    ],
)
def test_a_file_on_a_local_disk_gets_no_warning(path: str) -> None:
    assert shared_folder_warning(PurePosixPath(path), mounts=LINUX_MOUNTS, system="linux") is None


def test_macos_shares_are_found_in_the_mount_command_output() -> None:
    share = PurePosixPath("/Volumes/Team/Events/organiser.sqlite")
    warning = shared_folder_warning(share, mounts=MAC_MOUNTS, system="darwin")
    assert warning is not None and "/Volumes/Team" in warning
    stick = PurePosixPath("/Volumes/USB stick/organiser.sqlite")
    assert shared_folder_warning(stick, mounts=MAC_MOUNTS, system="darwin") is None


def test_windows_unc_paths_and_mapped_network_drives_are_shares() -> None:
    def drive_type(root: str) -> int:
        return DRIVE_REMOTE if root == "Z:\\" else 3  # 3: a fixed local disk

    def check(path: str) -> str | None:
        return shared_folder_warning(PureWindowsPath(path), system="win32", drive_type=drive_type)

    unc = check(r"\\nas\team\organiser.sqlite")
    assert unc is not None and r"(\\nas\team)" in unc
    long_unc = check(r"\\?\UNC\nas\team\organiser.sqlite")
    assert long_unc is not None and r"(\\nas\team)" in long_unc
    mapped = check(r"Z:\Events\organiser.sqlite")
    assert mapped is not None and "the network drive Z:" in mapped
    assert check(r"C:\Users\Zoë\AppData\Local\Organiser\organiser.sqlite") is None
    assert check(r"\\?\C:\Users\Zoë\organiser.sqlite") is None


@pytest.mark.parametrize(
    ("path", "service"),
    [
        ("/home/zoe/Dropbox/Events/organiser.sqlite", "Dropbox"),
        ("/home/zoe/Dropbox (Personal)/organiser.sqlite", "Dropbox"),
        (r"C:\Users\Zoë\OneDrive - Seaside Council\organiser.sqlite", "OneDrive"),
        ("/Users/zoe/Library/CloudStorage/OneDrive-Personal/organiser.sqlite", "OneDrive"),
        ("/Users/zoe/Library/Mobile Documents/com~apple~CloudDocs/organiser.sqlite", "iCloud"),
        ("/Users/zoe/Google Drive/My Drive/organiser.sqlite", "Google Drive"),
        ("/home/zoe/Nextcloud/organiser.sqlite", "Nextcloud"),
        ("/home/zoe/pCloud Drive/organiser.sqlite", "pCloud"),
    ],
)
def test_cloud_synced_folders_are_named(path: str, service: str) -> None:
    system = "win32" if path.startswith("C:") else "linux"
    pure = PureWindowsPath(path) if system == "win32" else PurePosixPath(path)
    warning = shared_folder_warning(pure, mounts="", system=system)
    assert warning is not None
    assert f"a folder that {service}" in warning
    assert "copies to the internet" in warning
    assert "File ▸ Connect to team database…" in warning


@pytest.mark.parametrize(
    "path",
    [
        "/home/zoe/Documents/organiser.sqlite",
        "/home/zoe/Boxes/organiser.sqlite",  # only a folder named exactly Box is Box's
        "/home/zoe/Dropbox.sqlite",  # the file's own name is not a folder
    ],
)
def test_ordinary_folders_are_not_cloud_folders(path: str) -> None:
    assert cloud_service(PurePosixPath(path), system="linux") is None


def test_the_real_data_folder_of_the_tests_is_local(tmp_path: Path) -> None:
    # Reads this machine's own /proc/mounts: a temporary folder is on a local disk here.
    assert shared_folder_warning(tmp_path / "organiser.sqlite", system="linux") is None
