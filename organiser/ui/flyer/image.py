"""Choosing the flyer's image file, and reading it with a message a person understands."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from organiser.core.errors import OrganiserError
from organiser.core.flyer.images import MAX_BYTES

IMAGE_FILTER = "Pictures (*.png *.jpg *.jpeg *.PNG *.JPG *.JPEG);;All files (*)"


@dataclass(frozen=True)
class PickedImage:
    path: Path

    def read(self) -> tuple[str, bytes]:
        """The file's name and bytes; OrganiserError says why it cannot be read."""
        path, name = self.path, self.path.name
        try:
            size = path.stat().st_size
            if not path.is_file():
                raise OrganiserError(f"“{name}” is a folder, not a picture: choose an image file.")
            if size > MAX_BYTES:
                raise OrganiserError(
                    f"“{name}” is {size / 1024 / 1024:.0f} MB; choose an image under "
                    f"{MAX_BYTES // 1024 // 1024} MB (a photo from a phone is usually 2 to 5 MB)."
                )
            with path.open("rb") as handle:
                return name, handle.read(MAX_BYTES + 1)
        except FileNotFoundError as exc:
            raise OrganiserError(
                f"“{name}” is not there any more: it may have been moved, renamed or deleted. "
                "Choose it again from where it is now."
            ) from exc
        except PermissionError as exc:
            raise OrganiserError(
                f"Organiser is not allowed to read “{name}”: copy it somewhere of your own "
                "(such as Pictures) and choose it there."
            ) from exc
        except OSError as exc:
            raise OrganiserError(f"Cannot read “{name}”: {exc.strerror or exc}.") from exc


def choose_image_file(parent: QWidget) -> PickedImage | None:
    """Ask which picture to use; None if the person cancels."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
    picked, _ = QFileDialog.getOpenFileName(parent, "Choose a picture", folder, IMAGE_FILTER)
    return PickedImage(Path(picked)) if picked else None
