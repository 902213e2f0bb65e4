"""Images for a flyer: PNG or JPEG, checked, shrunk when huge, kept as bytes."""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass

from organiser.core.errors import ValidationError

MAX_BYTES = 25 * 1024 * 1024
MAX_PIXELS = 120_000_000  # 10,000 × 12,000: read, then shrunk
LONGEST_SIDE = 3000  # enough for A4 at about 250 dpi


@dataclass(frozen=True)
class PreparedImage:
    data: bytes
    mime: str
    width: int
    height: int
    sha256: str


def prepare(data: bytes) -> PreparedImage:
    """Check the bytes are a PNG or JPEG we can print; shrink very large ones."""
    from PIL import Image, UnidentifiedImageError  # on first use: not at start-up

    if not data:
        raise ValidationError("That image file is empty.", field="image_id")
    if len(data) > MAX_BYTES:
        raise ValidationError(
            f"That image is {len(data) / 1024 / 1024:.0f} MB; choose one under "
            f"{MAX_BYTES // 1024 // 1024} MB (a photo from a phone is usually 2 to 5 MB).",
            field="image_id",
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            Image.MAX_IMAGE_PIXELS = MAX_PIXELS
            with Image.open(io.BytesIO(data)) as probe:
                kind = probe.format
                probe.verify()
            with Image.open(io.BytesIO(data)) as picture:
                if kind not in ("PNG", "JPEG"):
                    raise ValidationError(
                        f"Choose a PNG or JPEG image (this one is {kind or 'of an unknown kind'}).",
                        field="image_id",
                    )
                if kind == "JPEG":
                    picture.draft("RGB", (LONGEST_SIDE, LONGEST_SIDE))
                picture.load()
                shrunk = max(picture.size) > LONGEST_SIDE
                if shrunk:
                    picture.thumbnail((LONGEST_SIDE, LONGEST_SIDE))
                if shrunk:
                    out = io.BytesIO()
                    if kind == "JPEG":
                        picture.convert("RGB").save(out, "JPEG", quality=88)
                    else:
                        picture.save(out, "PNG", optimize=True)
                    data = out.getvalue()
                width, height = picture.size
    except Image.DecompressionBombError as exc:
        raise ValidationError(
            "That image has too many pixels to print; shrink it below 10,000 × 12,000 first.",
            field="image_id",
        ) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ValidationError(
            "That file is not a picture Organiser can read: it may be damaged, or not really "
            "a PNG or JPEG.",
            field="image_id",
        ) from exc
    return PreparedImage(
        data=data,
        mime="image/jpeg" if kind == "JPEG" else "image/png",
        width=width,
        height=height,
        sha256=hashlib.sha256(data).hexdigest(),
    )
