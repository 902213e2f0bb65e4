"""WCAG 2.x contrast: relative luminance and the ratio (L1 + 0.05) / (L2 + 0.05)."""

from __future__ import annotations

import re

from organiser.core.errors import ValidationError

_HEX = re.compile(r"^#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")
AA_NORMAL = 4.5
AA_LARGE = 3.0


def parse_colour(text: str, *, field: str | None = None) -> str:
    """'#abc', 'ABCDEF' → '#AABBCC'; anything else is refused in words."""
    match = _HEX.match(text.strip())
    if not match:
        raise ValidationError(
            f"“{text}” is not a colour code: write one like #1A1A1A (# then six of 0–9 and A–F).",
            field=field,
        )
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return "#" + digits.upper()


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """Relative luminance of an sRGB colour, 0 (black) to 1 (white)."""
    digits = parse_colour(colour)[1:]
    r, g, b = (int(digits[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def ratio(foreground: str, background: str) -> float:
    """The contrast ratio, from 1 (none) to 21 (black on white)."""
    a, b = luminance(foreground), luminance(background)
    lighter, darker = max(a, b), min(a, b)
    return (lighter + 0.05) / (darker + 0.05)


def is_large(size_pt: float, *, bold: bool) -> bool:
    """WCAG's large text: 18 pt, or 14 pt bold."""
    return size_pt >= 18 or (bold and size_pt >= 14)


def passes_aa(foreground: str, background: str, *, size_pt: float, bold: bool = False) -> bool:
    needed = AA_LARGE if is_large(size_pt, bold=bold) else AA_NORMAL
    return ratio(foreground, background) >= needed
